"""Preferences kept in QSettings, and the language the UI is shown in."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

_language = "en"


def settings() -> QSettings:
    return QSettings()


def current_language() -> str:
    return _language


def set_current_language(lang: str) -> None:
    global _language
    _language = "ja" if lang == "ja" else "en"


def preferred_language(explicit: str | None) -> str:
    """--lang wins, then the saved preference, then the system locale."""
    if explicit:
        return explicit
    saved = settings().value("ui/language", "", type=str)
    if saved in ("en", "ja"):
        return saved
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"
