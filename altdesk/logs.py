"""Logging to a rotating file in the user data folder. Messages carry ids, never names."""

from __future__ import annotations

import logging
import logging.handlers

from altdesk.paths import user_data_dir


def configure_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger("altdesk")
    if root.handlers:
        return
    try:
        log_dir = user_data_dir() / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir / "altdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:  # a read-only profile must not stop the program
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
