"""Starting the desktop app: QApplication, style, language, database, main window."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from altdesk.errors import UserError

if TYPE_CHECKING:
    from altdesk.db.database import Database, EarlyQuickCheck
    from altdesk.services.workspace import Workspace
    from ui.main_window import MainWindow


def _unattended(args: argparse.Namespace) -> bool:
    """Rendering a screenshot or timing the start-up: nobody is there to answer a dialog."""
    return bool(args.screenshot or args.time_startup)


def _needs_offscreen(args: argparse.Namespace) -> bool:
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return _unattended(args) and no_display and sys.platform.startswith("linux")


def _open_for_app(args: argparse.Namespace, lang: str,
                  early_check: EarlyQuickCheck | None = None) -> tuple[Database, Workspace] | int:
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
    unattended = _unattended(args)
    actor = coordinator_for_start(interactive=not unattended)
    for attempt in range(3):  # at most: damaged -> restored -> opened
        try:
            # A file restored after the first attempt is checked afresh.
            db = open_database(target, exclusive=True, early_check=early_check if attempt == 0 else None)
        except UserError as exc:
            if unattended:
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
            if unattended:
                print(exc.message(lang), file=sys.stderr)
            else:
                open_problem_box(exc, lang).exec()
            return exc.exit_code
        return db, ws
    return 2


def run_app(args: argparse.Namespace) -> int:
    if _needs_offscreen(args):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from altdesk.db.database import EarlyQuickCheck

    # The file's integrity check runs beside the imports below (see EarlyQuickCheck).
    early_check = EarlyQuickCheck.start_for(args.db)
    from PySide6.QtCore import QTimer

    from ui.application import start_desktop
    from ui.main_thread_gc import freeze_startup_objects
    from ui.main_window import MainWindow
    from ui.worker import stop_all_jobs

    app, collector, lang = start_desktop(args.lang)

    try:
        opened = _open_for_app(args, lang, early_check)
        if isinstance(opened, int):
            return opened
        db, ws = opened
        try:
            window = MainWindow(ws)
        except BaseException:
            db.close()
            raise
    except Exception as exc:  # the window never opened: say so before the program ends
        from ui.faults import OPEN_APP, report_fault_and_wait

        report_fault_and_wait(exc, OPEN_APP, interactive=not _unattended(args))
        return 1
    window.resize(1366, 768)
    section = getattr(args, "section", None)
    if section:
        from ui.main_window import SECTIONS

        if section not in dict(SECTIONS):
            print(f"No section named {section!r}: one of {', '.join(key for key, _t in SECTIONS)}.", file=sys.stderr)
            db.close()
            return 2
        window.show_section(section)
    if args.time_startup:
        return _time_startup(window, db)
    if args.screenshot:
        window.show()
        app.processEvents()
        window.calendar_page.wait_for_background()  # conflict badges in the picture, no thread left running
        from ui.runner import runner_for

        runner_for(window.ctx).settle(30000)  # and what the section shown reads (the overview's figures)
        app.processEvents()
        ok = window.grab().save(args.screenshot, "PNG")
        window.calendar_page.wait_for_background()  # and the neighbour months it then started reading
        db.close()
        if not ok:
            print(f"Could not write the screenshot to {args.screenshot}.", file=sys.stderr)
            return 1
        return 0
    window.show()
    QTimer.singleShot(0, freeze_startup_objects)
    QTimer.singleShot(0, window.welcome_if_new)  # a new database: name the branch, choose a way in
    # The day's automatic backup runs beside the open window (its own SQLite connection), as a
    # job of the window's runner (it cannot stop half-way: the end waits for it).
    from ui.runner import runner_for

    runner_for(window.ctx).job(lambda _progress: db.backup_if_due())
    try:
        return app.exec()
    finally:
        # The event loop can end without the window being closed (QApplication.exit): a job,
        # an export, the backup or a read may still be running.
        stop_all_jobs()
        collector.stop()
        db.close()


def _time_startup(window: MainWindow, db: Database) -> int:
    """Show the window, print when its first view was painted, and leave: the bench runs this
    from the bundle to time the start-up a coordinator sees (launch to a usable window)."""
    import json
    import time

    from ui.bench_probe import PaintWatch

    page = window.calendar_page if window.current_section() == "calendar" else None
    watched = page.stack.currentWidget() if page is not None else window
    target = watched.viewport() if hasattr(watched, "viewport") else watched
    PaintWatch(target).timed(window.show)
    print(json.dumps({"usable_at": time.time(), "open_cpu_s": time.process_time()}), flush=True)
    if page is not None:
        page.wait_for_background()
    window.close()
    db.close()
    return 0
