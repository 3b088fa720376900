"""Starting the desktop app: QApplication, style, language, database, main window."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import TYPE_CHECKING

from altdesk.errors import UserError

if TYPE_CHECKING:
    from altdesk.db.database import Database
    from altdesk.services.workspace import Workspace


def _needs_offscreen(screenshot: str | None) -> bool:
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return bool(screenshot) and no_display and sys.platform.startswith("linux")


def _open_for_app(args: argparse.Namespace, lang: str) -> tuple[Database, Workspace] | int:
    """Open the database for this window, or return the exit code after telling the user why not.

    The app holds the file's one-instance lock while it runs. A damaged file is offered
    its newest good backup (the damaged file is kept aside, never overwritten).
    """
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget
    from altdesk.errors import DatabaseDamaged
    from altdesk.services.workspace import open_workspace
    from ui.dialogs.coordinator import coordinator_for_start
    from ui.dialogs.open_problems import open_problem_box
    from ui.dialogs.recovery import RecoveryDialog

    target = DatabaseTarget.parse(args.db)
    actor = coordinator_for_start(interactive=not args.screenshot)
    for _attempt in range(3):  # at most: damaged -> restored -> opened
        try:
            db = open_database(target, exclusive=True)
        except UserError as exc:
            if args.screenshot:
                print(exc.message(lang), file=sys.stderr)
                return exc.exit_code
            if isinstance(exc, DatabaseDamaged) and target.sqlite_path is not None:
                if RecoveryDialog(target, exc, lang, actor).run():
                    continue
                return exc.exit_code
            open_problem_box(exc, lang).exec()
            return exc.exit_code
        try:
            ws = open_workspace(db, args.branch, actor)
        except UserError as exc:
            db.close()
            if args.screenshot:
                print(exc.message(lang), file=sys.stderr)
            else:
                open_problem_box(exc, lang).exec()
            return exc.exit_code
        return db, ws
    return 2


def run_app(args: argparse.Namespace) -> int:
    if _needs_offscreen(args.screenshot):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

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

    opened = _open_for_app(args, lang)
    if isinstance(opened, int):
        return opened
    db, ws = opened

    window = MainWindow(ws)
    window.resize(1366, 768)
    if args.screenshot:
        window.show()
        app.processEvents()
        window.calendar_page.wait_for_background()  # conflict badges in the picture, no thread left running
        app.processEvents()
        ok = window.grab().save(args.screenshot, "PNG")
        db.close()
        if not ok:
            print(f"Could not write the screenshot to {args.screenshot}.", file=sys.stderr)
            return 1
        return 0
    window.show()
    # The day's automatic backup runs beside the open window (its own SQLite connection).
    backup = threading.Thread(target=db.backup_if_due, name="altdesk-auto-backup")
    backup.start()
    try:
        return app.exec()
    finally:
        backup.join()
        db.close()
