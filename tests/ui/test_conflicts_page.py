"""The Conflicts panel: checked on a worker, filtered, and a row opens its day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete

from altdesk.db.engine import transaction
from altdesk.db.enums import AbsenceKind
from altdesk.db.models import Visit
from altdesk.scheduling.conflicts import ConflictKind, Severity
from altdesk.services.absences import AbsenceInput, create_absence
from tests.unit.absence_fixtures import WEEK, busy_alt, double_book, schedule
from ui.app_context import AppContext
from ui.models.row_table import OBJECT_ROLE
from ui.pages.conflicts_page import PRESETS, ConflictsPage
from ui.settings import set_current_language
from ui.undo import ServiceCommand, push

JUNE = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))


@pytest.fixture
def sched_ws(demo_ws):
    return schedule(demo_ws)


@pytest.fixture
def japanese():
    set_current_language("ja")
    yield
    set_current_language("en")


def _page(qtbot, ws, today=dt.date(2026, 6, 3)) -> tuple[ConflictsPage, AppContext]:
    ctx = AppContext(ws)
    page = ConflictsPage(ctx, today=today)
    qtbot.addWidget(page)
    page.resize(1190, 700)
    with qtbot.waitSignal(page.loaded):
        page.show()
    return page, ctx


def _shown(page: ConflictsPage) -> list:
    return [page.proxy.index(r, 0).data(OBJECT_ROLE) for r in range(page.proxy.rowCount())]


def _row_of(page: ConflictsPage, kind: ConflictKind) -> int:
    return [r.kind for r in _shown(page)].index(kind)


def _remove_visit(ws, visit_id: int) -> None:
    with transaction(ws.db.sessions) as s:
        s.execute(delete(Visit).where(Visit.id == visit_id))


def test_double_booking_appears_and_double_click_opens_its_day(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    page, ctx = _page(qtbot, sched_ws)
    assert page.period() == (dt.date(2026, 6, 1), dt.date(2026, 7, 31))  # this month and next
    assert ConflictKind.DOUBLE_BOOKING not in {r.kind for r in _shown(page)}

    # An edit elsewhere double-books the ALT; the panel checks again on its own.
    command = ServiceCommand(ctx, "double-book", lambda: double_book(sched_ws, alt.visit_ids[1]),
                             lambda extra: _remove_visit(sched_ws, extra))
    with qtbot.waitSignal(page.loaded):
        assert push(ctx, command) is None
    row = _row_of(page, ConflictKind.DOUBLE_BOOKING)
    conflict = _shown(page)[row]
    assert (conflict.alt_id, conflict.date, conflict.severity) == (alt.id, alt.dates[1], Severity.ERROR)
    assert page.proxy.index(row, 1).data() == "Tue 9 Jun 2026"
    assert page.proxy.index(row, 0).data() == "Error"  # the icon has its word beside it
    assert not page.proxy.index(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()

    # Double-click the row: the window is asked to show that day for that ALT.
    table = page.table
    point = table.visualRect(page.proxy.index(row, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert alt.name in page.details.text()
    with qtbot.waitSignal(ctx.show_day) as shown:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown.args == [alt.dates[1], alt.id]
    # Enter does the same.
    with qtbot.waitSignal(ctx.show_day) as shown:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert shown.args == [alt.dates[1], alt.id]

    # Undo the edit: the conflict goes.
    with qtbot.waitSignal(page.loaded):
        ctx.undo_stack.undo()
    assert ConflictKind.DOUBLE_BOOKING not in {r.kind for r in _shown(page)}


def test_filters_and_summary(qtbot, sched_ws):
    alt = busy_alt(sched_ws)
    double_book(sched_ws, alt.visit_ids[0])
    create_absence(sched_ws, AbsenceInput(alt.id, WEEK[1], WEEK[1], AbsenceKind.SICK))
    page, ctx = _page(qtbot, sched_ws)
    total = page.model.rowCount()
    assert total == len(_shown(page)) >= 3
    assert page.summary_label.text().startswith(f"{total} of {total} conflicts shown (errors: 2,")

    page.severity_combo.setCurrentIndex(page.severity_combo.findData(Severity.ERROR))
    assert {r.severity for r in _shown(page)} == {Severity.ERROR} and len(_shown(page)) == 2
    assert page.summary_label.text().startswith(f"2 of {total} conflicts shown (errors: 2, warnings: 0)")
    page.severity_combo.setCurrentIndex(0)

    page.kind_combo.setCurrentIndex(page.kind_combo.findData(ConflictKind.ABSENT))
    assert [r.kind for r in _shown(page)] == [ConflictKind.ABSENT]
    page.kind_combo.setCurrentIndex(0)

    assert page.alt_combo.findData(alt.id) > 0  # the ALTs that have conflicts are offered
    page.alt_combo.setCurrentIndex(page.alt_combo.findData(alt.id))
    assert {r.kind for r in _shown(page)} == {ConflictKind.DOUBLE_BOOKING, ConflictKind.ABSENT}
    page.alt_combo.setCurrentIndex(0)

    contract = next(r for r in _shown(page) if r.kind == ConflictKind.CONTRACT_DAYS)
    page.school_combo.setCurrentIndex(page.school_combo.findData(contract.school_id))
    assert contract in _shown(page) and all(r.school_id == contract.school_id for r in _shown(page))

    # Typed search, and Japanese text as an input method commits it.
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert len(_shown(page)) == total
    qtbot.keyClicks(page.search, "sick")
    assert [r.kind for r in _shown(page)] == [ConflictKind.ABSENT]
    page.search.setText("重複")
    assert [r.kind for r in _shown(page)] == [ConflictKind.DOUBLE_BOOKING]
    page.search.setText("nothing like this")
    assert _shown(page) == []
    assert page.summary_label.text().startswith(f"0 of {total} conflicts shown")


def test_period_presets_and_a_check_that_does_not_block(qtbot, sched_ws):
    page, _ctx = _page(qtbot, sched_ws)
    page.range_combo.setCurrentIndex(PRESETS.index("next_month"))
    assert page.period() == (dt.date(2026, 7, 1), dt.date(2026, 7, 31))
    assert page.is_checking()  # the result comes back later, from the worker
    qtbot.waitUntil(lambda: not page.is_checking())
    page.range_combo.setCurrentIndex(PRESETS.index("fiscal_year"))
    assert page.period() == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    qtbot.waitUntil(lambda: not page.is_checking())
    # A year shows the events' compensatory days that fall on visits.
    assert ConflictKind.NEEDS_RESCHEDULE in {r.kind for r in _shown(page)}
    with qtbot.waitSignal(page.loaded):
        page.set_period(*JUNE)
    assert page.range_combo.currentData() == "custom"
    assert "Mon 1 Jun – Tue 30 Jun 2026" in page.summary_label.text()


def test_legend_says_what_colour_means(qtbot, sched_ws):
    page, _ctx = _page(qtbot, sched_ws)
    assert page.legend_error.text().startswith("Error") and not page.legend_error_icon.pixmap().isNull()
    assert page.legend_warning.text().startswith("Warning") and not page.legend_warning_icon.pixmap().isNull()
    assert page.table.accessibleName() == "Conflicts"
    for widget in (page.severity_combo, page.kind_combo, page.alt_combo, page.school_combo, page.search,
                   page.from_edit, page.to_edit, page.range_combo):
        assert widget.accessibleName()


def test_conflicts_in_japanese(qtbot, sched_ws, japanese):
    alt = busy_alt(sched_ws)
    double_book(sched_ws, alt.visit_ids[1])
    page, _ctx = _page(qtbot, sched_ws)
    row = _row_of(page, ConflictKind.DOUBLE_BOOKING)
    assert page.proxy.index(row, 1).data() == "2026年6月9日(火)"
    assert page.proxy.index(row, 2).data() == "重複"
    assert "時間が重なっています" in page.proxy.index(row, 5).data()
    contract = _row_of(page, ConflictKind.CONTRACT_DAYS)
    assert page.proxy.index(contract, 1).data() == "2026年度"
    assert "2026年6月1日(月)〜7月31日(金)" in page.summary_label.text()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, sched_ws):
    alt = busy_alt(sched_ws)
    double_book(sched_ws, alt.visit_ids[0])
    page, _ctx = _page(qtbot, sched_ws)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)
    page.search.setText("S00")
    qtmodeltester.check(page.proxy)

