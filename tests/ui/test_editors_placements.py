"""The placements page and the pattern editor with its live preview, driven with real clicks and keys."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from altdesk.db.enums import DayOffKind
from altdesk.db.models import Placement, Visit
from altdesk.services.records import Pattern, PatternKind, PlacementForm, load_placement, save_placement
from tests.ui.editing import EDITORS_TODAY
from tests.ui.modal import ModalHandler
from tests.unit.sched_fixtures import make_alt, make_board, make_day_off, make_school
from ui.controllers.record_editing import RecordEditing
from ui.models.row_table import OBJECT_ROLE
from ui.pages.placements_page import PlacementsPage

TODAY = EDITORS_TODAY
D = dt.date



@pytest.fixture
def branch(ws):
    board_id = make_board(ws)
    school_id = make_school(ws, "S1", board_id=board_id)
    make_day_off(ws, DayOffKind.CLOSURE, D(2026, 5, 20), D(2026, 5, 20), "学校閉庁日", board_id=board_id)
    return make_alt(ws, "A1"), school_id


@pytest.fixture
def page(qtbot, ctx, branch):
    widget = PlacementsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _rows(page) -> list:
    return [page.proxy.index(r, 0).data(OBJECT_ROLE) for r in range(page.proxy.rowCount())]


def _visits(ws) -> int:
    with ws.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Visit))


def test_models_pass_the_model_tester(qtmodeltester, qtbot, page, ws, branch):
    save_placement(ws, PlacementForm(alt_id=branch[0], school_id=branch[1], start_date=D(2026, 5, 11),
                                     end_date=D(2026, 7, 17), pattern=Pattern(PatternKind.WEEKLY, (2,))), today=TODAY)
    page.refresh()
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    handler = ModalHandler(lambda dialog: (qtmodeltester.check(dialog.ui.preview_model), dialog.reject()),
                           "placement_dialog")
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()


def test_add_a_placement_and_see_its_next_dates(qtbot, page, ws, ctx):
    seen = {}
    messages = []
    ctx.status_message.connect(messages.append)

    def fill(dialog):
        ui = dialog.ui
        qtbot.keyClick(ui.alt, Qt.Key.Key_Down)  # the first (only) ALT
        qtbot.keyClick(ui.school, Qt.Key.Key_Down)
        qtbot.mouseClick(ui.weekday_checks[0], Qt.MouseButton.LeftButton)  # untick Monday
        qtbot.mouseClick(ui.weekday_checks[2], Qt.MouseButton.LeftButton)  # tick Wednesday
        model = ui.preview_model
        qtbot.waitUntil(lambda: bool(model.dates()) and model.dates()[0].date == D(2026, 5, 13))
        seen["dates"] = [(d.date, d.will_visit) for d in model.dates()]
        skipped = next(r for r in range(model.rowCount()) if not model.dates()[r].will_visit)
        seen["skipped_text"] = model.index(skipped, 1).data()
        seen["summary"] = ui.preview_summary.text()
        qtbot.keyClicks(ui.periods, "1-4")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "placement_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    wednesdays = [D(2026, 5, 13) + dt.timedelta(weeks=w) for w in range(11)]
    assert seen["dates"] == [(d, d != D(2026, 5, 20)) for d in wednesdays]  # 10 visits, the closure skipped
    assert seen["skipped_text"] == "Skipped: 学校閉庁日"
    assert seen["summary"] == "10 visit(s). 1 date(s) skipped: struck through, with the reason."
    row = _rows(page)[0]
    pattern = page.model.column_keys().index("pattern")
    assert page.proxy.index(0, pattern).data() == "Wed weekly"
    assert (row.start_date, row.end_date, row.periods) == (TODAY, D(2027, 3, 31), "1-4")
    assert _visits(ws) > 30
    assert messages and messages[-1].startswith("Placement saved:")


def test_alternate_weeks_in_the_editor(qtbot, page, ws):
    def fill(dialog):
        ui = dialog.ui
        qtbot.keyClick(ui.alt, Qt.Key.Key_Down)
        qtbot.keyClick(ui.school, Qt.Key.Key_Down)
        qtbot.mouseClick(ui.kind_buttons[PatternKind.ALTERNATE], Qt.MouseButton.LeftButton)
        assert ui.week.isVisibleTo(dialog) and not ui.nth.isVisibleTo(dialog)
        qtbot.mouseClick(ui.weekday_checks[0], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(ui.weekday_checks[4], Qt.MouseButton.LeftButton)  # Friday
        ui.week.setCurrentIndex(ui.week.findData("B"))
        qtbot.waitUntil(lambda: bool(ui.preview_model.dates()) and ui.preview_model.dates()[0].date == D(2026, 5, 22))
        # The week of 11 May is an A week (six weeks after the week of 1 April): week B's Fridays follow.
        assert [d.date for d in ui.preview_model.dates()[:3]] == [D(2026, 5, 22), D(2026, 6, 5), D(2026, 6, 19)]
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "placement_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    pattern = page.model.column_keys().index("pattern")
    assert page.proxy.index(0, pattern).data() == "Fri, week B"


def test_no_weekday_highlights_the_weekdays_and_saves_nothing(qtbot, page, ws):
    seen = {}

    def fill(dialog):
        ui = dialog.ui
        qtbot.keyClick(ui.alt, Qt.Key.Key_Down)
        qtbot.keyClick(ui.school, Qt.Key.Key_Down)
        qtbot.mouseClick(ui.weekday_checks[0], Qt.MouseButton.LeftButton)  # untick the only weekday
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["banner"] = dialog.banner.text.text()
        seen["marked"] = dialog.errors.is_marked(ui.weekday_checks[0])
        qtbot.waitUntil(lambda: ui.preview_summary.text() == "Tick at least one weekday.")
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "placement_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen == {"open": True, "banner": "Tick at least one weekday.", "marked": True}
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Placement)) == 0
    assert _visits(ws) == 0


def test_a_missing_school_is_named(qtbot, page, ws):
    seen = {}

    def fill(dialog):
        qtbot.keyClick(dialog.ui.alt, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["marked"] = dialog.errors.is_marked(dialog.ui.school)
        seen["banner"] = dialog.banner.text.text()
        dialog.reject()

    handler = ModalHandler(fill, "placement_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen == {"marked": True, "banner": "Choose the school."}


def test_deleting_a_placement_with_history_ends_it_instead(qtbot, page, ws, branch, ctx):
    saved = save_placement(ws, PlacementForm(alt_id=branch[0], school_id=branch[1], start_date=D(2026, 4, 6),
                                             end_date=D(2026, 7, 17), pattern=Pattern(PatternKind.WEEKLY, (0,))),
                           today=D(2026, 4, 1)).form
    page.refresh()
    page.table.selectRow(0)

    def end(dialog):
        ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "End placement")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # the suggested last day: yesterday

    handler = ModalHandler(end, "end_placement_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    handler.check()
    ended = load_placement(ws, saved.id)
    assert ended.end_date == D(2026, 5, 10)  # suggested: the day before today
    with ws.db.sessions() as s:
        last = s.scalar(select(func.max(Visit.date)).where(Visit.placement_id == saved.id))
    assert last == D(2026, 4, 27)  # 4 May is Greenery Day
    assert _rows(page) == []  # ended placements are hidden…
    qtbot.mouseClick(page.show_ended, Qt.MouseButton.LeftButton)
    assert [r.id for r in _rows(page)] == [saved.id]  # …until asked for
    ctx.undo_stack.undo()
    assert load_placement(ws, saved.id).end_date == D(2026, 7, 17)


def test_a_future_placement_is_deleted_after_asking(qtbot, page, ws, branch, ctx):
    save_placement(ws, PlacementForm(alt_id=branch[0], school_id=branch[1], start_date=D(2026, 6, 1),
                                     end_date=D(2026, 7, 17), pattern=Pattern(PatternKind.WEEKLY, (0,))), today=TODAY)
    page.refresh()
    page.table.selectRow(0)
    RecordEditing.of(ctx).ask = lambda *args: True
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert _rows(page) == [] and _visits(ws) == 0
    ctx.undo_stack.undo()  # back, with its visits
    assert len(_rows(page)) == 1 and _visits(ws) > 0


def test_a_date_is_skipped_from_the_preview_with_the_delete_key(qtbot, page, ws):
    seen = {}

    def fill(dialog):
        ui = dialog.ui
        qtbot.keyClick(ui.alt, Qt.Key.Key_Down)
        qtbot.keyClick(ui.school, Qt.Key.Key_Down)  # Mondays from 11 May
        qtbot.waitUntil(lambda: bool(ui.preview_model.dates()))
        ui.preview.selectRow(1)  # 18 May
        qtbot.keyClick(ui.preview, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: ui.preview_model.index(1, 1).data() == "Skipped: Removed date")
        seen["removed"] = ui.removed.dates()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "placement_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen["removed"] == (D(2026, 5, 18),)
    saved = load_placement(ws, _rows(page)[0].id)
    assert saved.removed_dates == (D(2026, 5, 18),)
    with ws.db.sessions() as s:
        dates = s.scalars(select(Visit.date).where(Visit.placement_id == saved.id).order_by(Visit.date)).all()
    assert dates[:2] == [D(2026, 5, 11), D(2026, 5, 25)]
