"""The QApplication as the desktop starts it: names, style, the UI-thread cycle collector and the
user's language. One place for the window (ui.app) and the bench's probe (ui.bench_probe), so
the probe times the start-up the app really has."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from ui import faults
from ui.i18n import install_translators
from ui.main_thread_gc import MainThreadGarbageCollector
from ui.settings import preferred_language, set_current_language


def make_application() -> QApplication:
    """Qt with ALTdesk's names (where settings are kept) and style."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("ALTdesk")
    app.setApplicationName("ALTdesk")
    app.setStyle("Fusion")
    return app


def start_desktop(lang_choice: str | None) -> tuple[QApplication, MainThreadGarbageCollector, str]:
    """The application, its collector (stop it at shutdown) and the language chosen: `lang_choice`
    from the command line, else the one saved in the preferences, else the system's. From here
    on an exception nobody caught reaches the person and the log (ui.faults)."""
    app = make_application()
    faults.install()
    collector = MainThreadGarbageCollector(app)
    lang = preferred_language(lang_choice)
    set_current_language(lang)
    install_translators(app, lang)
    return app, collector, lang
