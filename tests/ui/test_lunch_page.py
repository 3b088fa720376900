"""The Lunch section: the month per school and per ALT, deadlines, changes not notified, issuing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from altdesk.db.models import IssuedReport
from altdesk.errors import Cancelled
from altdesk.services import lunch as lunch_services
from tests.unit.lunch_fixtures import jst, lunch_branch, move, visit_on
from tests.unit.sched_fixtures import make_alt, make_placement
from ui import settings
from ui.models.row_table import OBJECT_ROLE
from ui.pages import lunch_page
from ui.pages.lunch_page import LunchPage

NOW = jst(2026, 6, 10, 12)


@pytest.fixture
def branch(ws, monkeypatch):
    # The page asks for "now"; pin it inside June 2026 so deadlines are coming up.
    monkeypatch.setattr(lunch_page, "month_ledger", lambda w, m: lunch_services.month_ledger(w, m, now=NOW))
    base = lunch_branch(ws)  # A1 at S1, Tue/Thu of June 2026: 9 meals at ¥280
    egg = make_alt(ws, "A2", allergens=("egg",))
    make_placement(ws, egg, base.school, "FREQ=WEEKLY;BYDAY=MO")
    from altdesk.services.scheduling import generate_visits
    from tests.unit.lunch_fixtures import JUNE

    generate_visits(ws, *JUNE)
    return base


def _page(qtbot, ws) -> LunchPage:
    page = LunchPage(ws)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.set_month("2026-06")
    qtbot.waitUntil(lambda: not page.busy and page.ledger is not None and page.ledger.month == "2026-06")
    return page


def _rows(model) -> list:
    return [model.index(r, 0).data(OBJECT_ROLE) for r in range(model.rowCount())]


def _column(model, key: str) -> list[str]:
    column = model.column_keys().index(key)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, ws, branch):
    page = _page(qtbot, ws)
    for model in (page.school_model, page.alt_model, page.deadline_model, page.change_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    for proxy in page.proxies.values():
        qtmodeltester.check(proxy)


def test_month_per_school_and_per_alt(qtbot, ws, branch):
    page = _page(qtbot, ws)
    assert _column(page.school_model, "code") == ["S1"]
    assert _column(page.school_model, "meals") == ["9"] and _column(page.school_model, "total") == ["¥2,520"]
    assert _column(page.school_model, "issued") == ["Not issued"]
    assert _column(page.alt_model, "code") == ["A1"]  # A2 brings own lunch: no meals, no fees
    assert _column(page.alt_model, "dates")[0].startswith("Tue 2, Thu 4, Tue 9")
    assert "9 meals, ¥2,520, at 1 schools" in page.summary.text()
    # Never issued: all nine meals wait to be told; the deadlines up to 10 June have passed.
    changes = _rows(page.change_model)
    assert len(changes) == 9 and {c.change for c in changes} == {"added"}
    assert [c.date.day for c in changes if c.overdue] == [2, 4, 9, 11, 16]
    assert "9 changes not yet notified" in page.summary.text() and "5 past the deadline" in page.summary.text()
    assert page.tabs.tabText(3) == "Changes not notified (9)"
    # Send by: the notice deadline of the month's first lunch day (Tue 2 June, 4 school days
    # before at 11:00), so the coordinator knows when each school's sheet must be out.
    assert _column(page.school_model, "send_by") == ["Wed 27 May 2026 11:00"]
    deadlines = _rows(page.deadline_model)
    assert deadlines[0].deadline == jst(2026, 6, 5, 11) and deadlines[0].passed  # for the 11th: missed
    assert _column(page.deadline_model, "status")[0] == "Missed: tell the school"


def test_next_month_button_and_language_switch(qtbot, ws, branch):
    page = _page(qtbot, ws)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and page.ledger.month == "2026-07")
    assert page.month() == "2026-07" and page.school_model.rowCount() == 0
    assert "0 meals" in page.summary.text()
    qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and page.ledger.month == "2026-06")
    settings.set_current_language("ja")
    try:
        page.retranslate()
        assert _column(page.school_model, "name") == ["市立S1小学校"]
        assert _column(page.deadline_model, "deadline")[0] == "2026年6月5日(金) 11:00"
    finally:
        settings.set_current_language("en")
        page.retranslate()
    assert _column(page.school_model, "name") == ["S1 ES"]


def test_issue_button_writes_sheets_records_them_and_shows_later_changes(qtbot, ws, branch, tmp_path,
                                                                        monkeypatch):
    page = _page(qtbot, ws)
    out = tmp_path / "sheets"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(out))
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_result is not None and not page.busy, timeout=30000)
    assert [p.name for p in out.iterdir()] == ["2026-06_S1_給食注文票_市立S1小学校.pdf"]
    assert "1 issue(s) recorded" in page.status.text()
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(IssuedReport)) == 1
    assert page.change_model.rowCount() == 0 and page.tabs.tabText(3) == "Changes not notified (0)"
    assert _column(page.school_model, "issued")[0].startswith("No. 1, ")
    move(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 18)), dt.date(2026, 6, 15))
    page.on_data_changed({"visits"})
    qtbot.waitUntil(lambda: not page.busy and page.change_model.rowCount() == 2)
    assert [(c.date.day, c.change, c.overdue) for c in _rows(page.change_model)] == [
        (15, "added", True), (18, "cancelled", False)]
    assert _column(page.change_model, "late") == ["Late", "In time"]


def test_issuing_only_the_selected_school(qtbot, ws, branch, tmp_path):
    page = _page(qtbot, ws)
    page.views["schools"].selectRow(0)
    assert page.selected_school_codes() == ["S1"]
    page.issue_to(tmp_path / "one", page.selected_school_codes())
    qtbot.waitUntil(lambda: page.last_result is not None and not page.busy, timeout=30000)
    assert len(page.last_result.files) == 1 and page.last_result.files[0].parent == tmp_path / "one"


def test_cancelling_keeps_the_sheets_written_and_their_records(qtbot, ws, branch, tmp_path):
    page = _page(qtbot, ws)
    page.issue_to(tmp_path / "cancelled", None)
    assert page.cancel_button.isVisibleTo(page)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)  # stops after the sheet being written
    # A cancel is an outcome, not an error: it arrives as the run's result.
    qtbot.waitUntil(lambda: isinstance(page.last_result, Cancelled) and not page.busy, timeout=30000)
    assert page.issue_error is None
    assert "cancelled" in page.status.text() and not page.cancel_button.isVisibleTo(page)
    written = list((tmp_path / "cancelled").iterdir())
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(IssuedReport)) == len(written) == 1
    assert page.issue_button.isEnabled()


def test_it_opens_on_next_month_the_one_being_sent(qtbot, ws, branch):
    page = LunchPage(ws, today=dt.date(2026, 5, 20))
    qtbot.addWidget(page)
    assert page.month() == "2026-06"
    qtbot.waitUntil(lambda: not page.busy and page.ledger is not None)
    assert page.ledger.month == "2026-06" and _column(page.school_model, "code") == ["S1"]
    december = LunchPage(ws, today=dt.date(2026, 12, 3))
    qtbot.addWidget(december)
    assert december.month() == "2027-01"  # across the year's end
    qtbot.waitUntil(lambda: not december.busy)


def test_closing_the_page_while_it_loads_is_safe(qtbot, ws, branch):
    page = LunchPage(ws)
    assert page.busy
    page.deleteLater()
    qtbot.waitUntil(lambda: not lunch_page._RUNNING, timeout=30000)  # the worker finished on its own
