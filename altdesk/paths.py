"""Where things live, for source runs and frozen (PyInstaller) bundles alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ALTdesk"
APP_AUTHOR = "ALTdesk"


def bundle_root() -> Path:
    """The folder holding migrations/ and resources/: the bundle when frozen, else the repo."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return bundle_root() / "migrations"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def user_data_dir() -> Path:
    """Per-user data folder; ALTDESK_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("ALTDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "altdesk.sqlite3"
