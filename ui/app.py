"""Starting the desktop app: QApplication, style, language, database, main window."""

from __future__ import annotations

import argparse
import os
import sys

from altdesk.errors import UserError


def _needs_offscreen(screenshot: str | None) -> bool:
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return bool(screenshot) and no_display and sys.platform.startswith("linux")


def run_app(args: argparse.Namespace) -> int:
    if _needs_offscreen(args.screenshot):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget
    from altdesk.services.workspace import open_workspace
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.settings import preferred_language, set_current_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("ALTdesk")
    app.setApplicationName("ALTdesk")
    app.setStyle("Fusion")
    lang = preferred_language(args.lang)
    set_current_language(lang)
    install_translators(app, lang)

    try:
        db = open_database(DatabaseTarget.parse(args.db))
        ws = open_workspace(db, args.branch)
    except UserError as exc:
        if args.screenshot:
            print(exc.message(lang), file=sys.stderr)
        else:
            QMessageBox.critical(None, "ALTdesk", exc.message(lang))
        return exc.exit_code

    window = MainWindow(ws)
    window.resize(1366, 768)
    if args.screenshot:
        window.show()
        app.processEvents()
        ok = window.grab().save(args.screenshot, "PNG")
        db.close()
        if not ok:
            print(f"Could not write the screenshot to {args.screenshot}.", file=sys.stderr)
            return 1
        return 0
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
