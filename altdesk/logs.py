"""Logging to a rotating file in the user data folder. Messages carry ids, never names.

A traceback in the log names the code that failed (files, lines, functions, the exception's
type), never the exception's message: a message can hold a value such as an ALT's name or a
diet detail (a KeyError's key, a failed statement's row), and the log must hold no personal
data. The same text is what a person copies from the fault dialog.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType

from altdesk.paths import user_data_dir

LOG_NAME = "altdesk.log"


def log_file() -> Path:
    """Where the log is written (the folder is made when logging is configured)."""
    return user_data_dir() / "logs" / LOG_NAME


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return exc_type.__qualname__ if module in ("builtins", "__main__") else f"{module}.{exc_type.__qualname__}"


def private_traceback(exc: BaseException) -> str:
    """The traceback of `exc` and of the exceptions it was raised from, without their messages.

    An exception that crossed from another process carries that process's traceback (already
    without messages) in `remote_traceback`; it is shown where the exception was raised."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "The above was the direct cause of the exception below.\n"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "Another exception happened while handling the one above.\n"
        else:
            current = None
    lines: list[str] = []
    for error, joined_by in reversed(chain):
        remote = getattr(error, "remote_traceback", None)
        if isinstance(remote, str) and remote:
            lines.append(remote.rstrip("\n") + "\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(error.__traceback__))
        lines.append(_type_name(type(error)) + "\n")
        if joined_by:
            lines.append("\n" + joined_by + "\n")
    return "".join(lines).rstrip("\n")


class PrivateFormatter(logging.Formatter):
    """Tracebacks without exception messages (see the module's docstring)."""

    def formatException(self, ei: tuple[type[BaseException], BaseException, TracebackType | None]  # noqa: N802
                        | tuple[None, None, None]) -> str:
        exc = ei[1]
        return private_traceback(exc) if exc is not None else ""


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Log to the file (once per process); returns its path, or None where it cannot be written."""
    root = logging.getLogger("altdesk")
    if root.handlers:
        existing = root.handlers[0]
        return Path(existing.baseFilename) if isinstance(existing, logging.FileHandler) else None
    path: Path | None = log_file()
    handler: logging.Handler
    try:
        log_file().parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(log_file(), maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:  # a read-only profile must not stop the program
        handler, path = logging.NullHandler(), None
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
