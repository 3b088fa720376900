"""Screenshots for the README: the main views, the ALT editor and the welcome, in English and Japanese.

Usage: python tools/screenshots.py OUT_DIR [--only send|sidebar]  (run by `make screenshots`). Builds the small demo
branch in a temporary database (with a sick ALT, a covered day and a double booking on the
board), opens the real window offscreen at 1366x768 and saves PNGs; then the large branch (300
ALTs) for its month view, and an empty database for the welcome.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ALTDESK_DATA_DIR", tempfile.mkdtemp(prefix="altdesk-shots-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from altdesk.db.database import open_database  # noqa: E402
from altdesk.db.engine import DatabaseTarget  # noqa: E402
from altdesk.demo import create_demo_branch  # noqa: E402
from altdesk.demo_schedule import schedule_demo_branch  # noqa: E402
from altdesk.services import records  # noqa: E402
from altdesk.services.workspace import open_workspace  # noqa: E402
from ui.controllers.record_editing import RecordEditing  # noqa: E402
from ui.dialogs.alt_dialog import AltDialog  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import set_current_language  # noqa: E402

DAY = dt.date(2026, 6, 8)
SICK_FROM, SICK_TO = dt.date(2026, 6, 9), dt.date(2026, 6, 10)
DOUBLE_DAY = dt.date(2026, 6, 11)


def _alt_visits(ws, day: dt.date) -> list[tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    """(ALT id, visit id, school id) of the day's visits, in ALT order."""
    from sqlalchemy import select

    from altdesk.db.models import Alt, Visit

    with ws.db.sessions() as session:
        rows = session.execute(select(Visit.alt_id, Visit.id, Visit.school_id).join(Alt, Alt.id == Visit.alt_id)
                               .where(Visit.date == day).order_by(Alt.code))
        return [(alt_id, visit_id, school_id) for alt_id, visit_id, school_id in rows]


def _absence_and_double_booking(ws) -> None:  # type: ignore[no-untyped-def]
    """What a coordinator's week holds: an ALT off sick two days (the second covered by a
    substitute, the first still to cover) and a visit booked twice."""
    from altdesk.db.enums import AbsenceKind
    from altdesk.services.absences import AbsenceInput, create_absence
    from altdesk.services.scheduling import apply_substitute
    from altdesk.services.visits import VisitDraft, create_visit

    sick_alt, _visit, _school = _alt_visits(ws, SICK_FROM)[1]
    create_absence(ws, AbsenceInput(sick_alt, SICK_FROM, SICK_TO, AbsenceKind.SICK, ""))
    # The first day covered by an ALT free that day; the second left to cover.
    day_visits = _alt_visits(ws, SICK_FROM)
    busy = {alt_id for alt_id, _v, _s in day_visits}
    free = [alt_id for alt_id, _v, _s in _alt_visits(ws, DAY) if alt_id not in busy]
    for alt_id, visit_id, _school in day_visits:
        if alt_id == sick_alt and free:
            apply_substitute(ws, visit_id, free[0])
    visits = _alt_visits(ws, DOUBLE_DAY)
    alt_id, _visit, school_id = visits[0]
    other_school = next(school for alt, _v, school in visits if school != school_id)
    create_visit(ws, VisitDraft(alt_id, other_school, DOUBLE_DAY, dt.time(13, 0), dt.time(15, 0), "5-6", 2))


def _first_restricted_alt(ws) -> int:  # type: ignore[no-untyped-def]
    """An ALT with a diet restriction, so the editor shows the diet profile filled in."""
    from sqlalchemy import select

    from altdesk.db.models import Alt

    with ws.db.sessions() as session:
        for alt in session.scalars(select(Alt).order_by(Alt.code)):
            if alt.has_diet_restriction:
                return alt.id
        return session.scalar(select(Alt.id).order_by(Alt.code))


def _settle(app: QApplication, window: MainWindow) -> None:
    """Until the board's conflict marks have landed (their check starts a moment after the paint)."""
    page = window.calendar_page
    deadline = time.monotonic() + 5
    quiet_since = None
    while time.monotonic() < deadline:
        page.wait_for_background()
        app.processEvents()
        if page.background_busy():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 0.5:
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("ALTdesk-screenshots")
    app.setApplicationName("ALTdesk-screenshots")
    app.setStyle("Fusion")
    path = Path(tempfile.mkdtemp(prefix="altdesk-shots-db-")) / "demo.sqlite3"
    db = open_database(DatabaseTarget.parse(str(path)))
    ws = open_workspace(db, actor="screenshots")
    create_demo_branch(ws, "small", 2026, seed=1)
    schedule_demo_branch(ws, 2026, seed=1)
    _absence_and_double_booking(ws)
    for lang in ("en", "ja"):
        set_current_language(lang)
        install_translators(app, lang)
        window = MainWindow(ws, today=DAY)
        window.resize(1366, 768)
        window.show()
        window.show_section("calendar")
        page = window.calendar_page
        for view in ("board", "month", "week"):
            page.set_view(view)
            page.go_to(DAY)
            _settle(app, window)
            window.grab().save(str(out / f"{view}-{lang}.png"))
        page.set_view("board")
        page.set_fit_month(True)
        page.go_to(SICK_FROM)
        _settle(app, window)
        window.grab().save(str(out / f"board-fit-month-{lang}.png"))
        page.set_fit_month(False)
        window.show_section("alts")
        _settle(app, window)
        window.grab().save(str(out / f"alts-{lang}.png"))
        editing = RecordEditing.of(window.ctx)
        form = records.load_alt(ws, _first_restricted_alt(ws))
        dialog = AltDialog(form, editing._saver("alt"), parent=window)
        dialog.show()
        _settle(app, window)
        dialog.grab().save(str(out / f"alt-editor-{lang}.png"))
        dialog.reject()
        window.close()
    db.close()
    _welcome(app, out)
    _send_wizard(app, out)
    _sidebar_and_reports(app, out)
    _large_month(app, out)
    print(f"Screenshots written to {out}")


def _wait_wizard(app: QApplication, wizard) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (wizard.busy or (wizard.plan is None and not wizard.last_error)):
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def _send_wizard(app: QApplication, out: Path) -> None:
    """Send next month, its three steps: June blocked (a sick ALT's visit not covered, a double
    booking); July sent once, then changed, so step 2 shows a re-issue with its 変更箇所."""
    from sqlalchemy import select

    from altdesk.db.engine import transaction
    from altdesk.db.enums import VisitStatus
    from altdesk.db.models import School, Visit
    from altdesk.services.month_end import send_month
    from ui.app_context import AppContext
    from ui.dialogs.send_wizard import SendWizard

    folder = Path(tempfile.mkdtemp(prefix="altdesk-shots-send-"))
    for lang in ("en", "ja"):  # each language from the same start: July sent once, then changed
        db = open_database(DatabaseTarget.parse(str(folder / f"send-{lang}.sqlite3")))
        ws = open_workspace(db, actor="sato")
        create_demo_branch(ws, "small", 2026, seed=1)
        schedule_demo_branch(ws, 2026, seed=1)
        _absence_and_double_booking(ws)
        send_month(ws, "2026-07", folder / f"sent-{lang}", force=True)
        with transaction(ws.db.sessions) as session:
            visits = session.scalars(select(Visit).join(School, School.id == Visit.school_id)
                                     .where(Visit.date.between(dt.date(2026, 7, 1), dt.date(2026, 7, 31)),
                                            Visit.status == VisitStatus.PLANNED)
                                     .order_by(School.code, Visit.date)).all()
            visits[0].start_time = dt.time(9, 30)
            visits[3].status = VisitStatus.CANCELLED
        set_current_language(lang)
        install_translators(app, lang)
        ctx = AppContext(ws)
        wizard = SendWizard(ctx, None, "2026-06")
        wizard.show()
        _wait_wizard(app, wizard)
        wizard.grab().save(str(out / f"send-step1-{lang}.png"))
        wizard.check_page.month_edit.setDate(wizard.check_page.month_edit.date().addMonths(1))
        _wait_wizard(app, wizard)
        wizard.next()
        wizard.contents_page.folder_edit.setText(str(folder / f"out-{lang}"))
        _wait_wizard(app, wizard)
        wizard.grab().save(str(out / f"send-step2-{lang}.png"))
        wizard.next()
        wizard.send_page.send_button.click()
        deadline = time.monotonic() + 120
        while wizard.result is None and not wizard.last_error and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        _wait_wizard(app, wizard)
        wizard.grab().save(str(out / f"send-step3-{lang}.png"))
        wizard.close()
        db.close()


def _sidebar_and_reports(app: QApplication, out: Path) -> None:
    """The sidebar's counts (errors, absences to cover, lunch to review, next month changed since
    sent) beside the Reports section with the lunch reports, and the export dialog on the order
    sheets. Today 2026-06-20: July is next month, sent once and changed since."""
    from sqlalchemy import select

    from altdesk.db.engine import transaction
    from altdesk.db.enums import AbsenceKind, LunchMode, VisitStatus
    from altdesk.db.models import Alt, School, Visit
    from altdesk.services.absences import AbsenceInput, create_absence
    from altdesk.services.month_end import send_month

    today = dt.date(2026, 6, 20)
    folder = Path(tempfile.mkdtemp(prefix="altdesk-shots-sidebar-"))
    db = open_database(DatabaseTarget.parse(str(folder / "sidebar.sqlite3")))
    ws = open_workspace(db, actor="sato")
    create_demo_branch(ws, "small", 2026, seed=1)
    schedule_demo_branch(ws, 2026, seed=1)
    _absence_and_double_booking(ws)
    send_month(ws, "2026-07", folder / "sent", force=True)
    with transaction(ws.db.sessions) as session:
        visit = session.scalars(select(Visit).join(School, School.id == Visit.school_id)
                                .where(Visit.date.between(dt.date(2026, 7, 1), dt.date(2026, 7, 31)),
                                       Visit.status == VisitStatus.PLANNED)
                                .order_by(School.code, Visit.date)).first()
        visit.start_time = dt.time(9, 30)
        # An ALT whose free-text diet no coordinator has read yet (own lunch until then).
        eater = session.scalars(select(Visit.alt_id).where(Visit.date == dt.date(2026, 6, 24),
                                                           Visit.status == VisitStatus.PLANNED)
                                .order_by(Visit.alt_id)).first()
        alt = session.get(Alt, eater)
        alt.diet_notes, alt.diet_review = "No raw fish, please", None
        for own in session.scalars(select(Visit).where(Visit.alt_id == eater, Visit.date >= dt.date(2026, 6, 1))):
            own.lunch_mode = LunchMode.OWN_LUNCH  # as the lunch rules decide until it is reviewed
    # An ALT off sick next week, not yet covered.
    sick_alt, _visit, _school = _alt_visits(ws, dt.date(2026, 6, 25))[2]
    create_absence(ws, AbsenceInput(sick_alt, dt.date(2026, 6, 25), dt.date(2026, 6, 26), AbsenceKind.SICK, ""))
    for lang in ("en", "ja"):
        set_current_language(lang)
        install_translators(app, lang)
        window = MainWindow(ws, today=today)
        window.resize(1366, 768)
        window.show()
        keeper = window.sidebar_counts
        keeper.refresh()
        deadline = time.monotonic() + 60
        while keeper.counts is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        window.show_section("reports")
        _settle(app, window)
        window.grab().save(str(out / f"sidebar-reports-{lang}.png"))
        dialog = window.reports_page.open_export()
        dialog.report_combo.setCurrentIndex(dialog.report_combo.findData("lunch-orders"))
        _settle(app, window)
        dialog.grab().save(str(out / f"export-lunch-{lang}.png"))
        dialog.close()
        window.close()
    db.close()


def _welcome(app: QApplication, out: Path) -> None:
    """The first start on an empty database."""
    from ui.app_context import AppContext
    from ui.dialogs.welcome_dialog import WelcomeDialog

    path = Path(tempfile.mkdtemp(prefix="altdesk-shots-empty-")) / "new.sqlite3"
    db = open_database(DatabaseTarget.parse(str(path)))
    ws = open_workspace(db, actor="screenshots")
    for lang in ("en", "ja"):
        set_current_language(lang)
        install_translators(app, lang)
        window = MainWindow(ws, today=DAY)
        window.resize(1366, 768)
        window.show()
        dialog = WelcomeDialog(AppContext(ws), window)
        dialog.show()
        _settle(app, window)
        dialog.grab().save(str(out / f"welcome-{lang}.png"))
        dialog.reject()
        window.close()
    db.close()


def _large_month(app: QApplication, out: Path) -> None:
    """The month of the large demo branch: 300 ALTs, who is where on each day."""
    path = Path(tempfile.mkdtemp(prefix="altdesk-shots-large-")) / "large.sqlite3"
    db = open_database(DatabaseTarget.parse(str(path)))
    ws = open_workspace(db, actor="screenshots")
    create_demo_branch(ws, "large", 2026, seed=1)
    schedule_demo_branch(ws, 2026, seed=1)
    for lang in ("en", "ja"):
        set_current_language(lang)
        install_translators(app, lang)
        window = MainWindow(ws, today=DAY)
        window.resize(1366, 768)
        window.show()
        window.show_section("calendar")
        window.calendar_page.set_view("month")
        window.calendar_page.go_to(DAY)
        _settle(app, window)
        window.grab().save(str(out / f"month-large-{lang}.png"))
        window.close()
    db.close()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    only = {"send": _send_wizard, "sidebar": _sidebar_and_reports}  # one set alone: --only send|sidebar
    if sys.argv[2:3] == ["--only"] and sys.argv[3:4] and sys.argv[3] in only:
        shots = QApplication.instance() or QApplication(sys.argv[:1])
        shots.setStyle("Fusion")
        target.mkdir(parents=True, exist_ok=True)
        only[sys.argv[3]](shots, target)
    else:
        main(target)
