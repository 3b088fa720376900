"""The calendar section: board, month and week views; moving a visit with keys and drag and drop;
the conflict it causes shown before the change; undo and redo; generate on a worker."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import delete, func, select

from altdesk.db.enums import CancelReason
from altdesk.db.models import Visit
from altdesk.scheduling.conflicts import ConflictKind
from ui.calendar.board_model import DAY_ROLE, VISITS_ROLE
from ui.calendar.month_week_models import ENTRIES_ROLE
from ui.main_window import MainWindow

JUNE_8 = dt.date(2026, 6, 8)


@pytest.fixture
def window(qtbot, scheduled_ws):
    win = MainWindow(scheduled_ws, today=JUNE_8)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.show_section("calendar")
    page = win.calendar_page
    page.set_view("board")
    page.go_to(JUNE_8)
    yield win
    page.wait_for_background()


def _first_visit_cell(page, day: dt.date):
    model = page.board_model
    column = model.day_column(day)
    for row in range(model.rowCount()):
        index = model.index(row, column)
        visits = index.data(VISITS_ROLE)
        if len(visits) == 1:
            return index, visits[0]
    raise AssertionError("no single-visit cell")


def _visit(ws, visit_id):
    with ws.db.sessions() as s:
        return s.get(Visit, visit_id)


def test_models_pass_the_model_tester(window, qtmodeltester):
    page = window.calendar_page
    qtmodeltester.check(page.board_model)
    page.set_view("month")
    qtmodeltester.check(page.month_model)
    page.set_view("week")
    qtmodeltester.check(page.week_model)


def test_board_shows_every_alt_and_the_days_of_the_month(window, scheduled_ws):
    page = window.calendar_page
    model = page.board_model
    assert model.rowCount() == 20
    assert model.columnCount() == 30 + 1  # June's days and the weekly totals
    assert model.headerData(7, Qt.Orientation.Horizontal).startswith("8")
    index, visit = _first_visit_cell(page, JUNE_8)
    assert visit.short_name and index.data(Qt.ItemDataRole.DisplayRole) == visit.short_name
    totals = model.index(index.row(), model.columnCount() - 1).data()
    assert " · " in totals and all(part.strip().isdigit() for part in totals.split("·"))
    page.step(1)
    assert model.columnCount() == 31 + 1  # July
    assert "July 2026" in page.title.text()


def test_filters_and_search_narrow_the_board(window, qtbot):
    page = window.calendar_page
    # The lists are filled just after the window shows its board (they are not needed for it).
    qtbot.waitUntil(lambda: page.alt_filter.count() == 20 + 1 and page.school_filter.count() > 1)
    assert page.alt_filter.itemText(0) == "All"
    alt_id = page.alt_filter.itemData(3)
    page.set_filter(alt_id=alt_id)
    assert page.board_model.rowCount() == 1
    page.set_filter(alt_id=None)
    assert page.board_model.rowCount() == 20
    qtbot.keyClicks(page.search, "A0005")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.board_model.rowCount() == 1


def test_move_with_keys_then_undo_and_redo(window, qtbot, scheduled_ws):
    page = window.calendar_page
    index, visit = _first_visit_cell(page, JUNE_8)
    target_day = JUNE_8 + dt.timedelta(days=1)
    asked = []
    page.confirm_conflicts = lambda conflicts: asked.append(conflicts) or True
    page.board_view.setFocus()
    page.board_view.setCurrentIndex(index)
    qtbot.keyClick(page.board_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    # Shown at its new place at once, the cursor with it, while the runner saves it.
    assert page.board_view.currentIndex().column() == index.column() + 1
    assert visit.visit_id in {v.visit_id for v in page.board_view.currentIndex().data(VISITS_ROLE)}
    page.finish_edits()
    moved = _visit(scheduled_ws, visit.visit_id)
    assert moved.date == target_day and moved.origin.value == "manual"
    # The ALT already works on Tuesday at a school: the move was shown as a double booking first.
    if page.board_model.index(index.row(), index.column() + 1).data(VISITS_ROLE):
        assert any(c.kind == ConflictKind.DOUBLE_BOOKING for c in asked[0])
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _visit(scheduled_ws, visit.visit_id).date == JUNE_8
    window.ctx.undo_stack.redo()
    assert _visit(scheduled_ws, visit.visit_id).date == target_day


def test_refusing_the_conflict_keeps_the_visit(window, scheduled_ws):
    page = window.calendar_page
    index, visit = _first_visit_cell(page, JUNE_8)
    page.confirm_conflicts = lambda conflicts: False
    saturday = dt.date(2026, 6, 13)  # a weekend: always a conflict
    page.request_move(visit.visit_id, visit.version, saturday, visit.alt_id)
    page.finish_edits()
    assert _visit(scheduled_ws, visit.visit_id).date == JUNE_8
    assert visit.visit_id in {v.visit_id for v in page.board_model.visits_at(index)}  # back where it was
    assert window.ctx.undo_stack.count() == 0


def test_drag_and_drop_asks_to_move_to_the_dropped_cell(window, scheduled_ws):
    page = window.calendar_page
    model = page.board_model
    index, visit = _first_visit_cell(page, JUNE_8)
    page.confirm_conflicts = lambda conflicts: True
    mime = model.mimeData([index])
    other_row = (index.row() + 1) % model.rowCount()
    target = model.index(other_row, model.day_column(dt.date(2026, 6, 10)))
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert visit.visit_id in {v.visit_id for v in model.visits_at(target)}  # at once, as pending
    assert model.is_saving(visit.visit_id)
    page.finish_edits()
    moved = _visit(scheduled_ws, visit.visit_id)
    assert moved.date == dt.date(2026, 6, 10)
    assert moved.alt_id == model.row_at(other_row).alt_id
    assert target.data(DAY_ROLE) == dt.date(2026, 6, 10)


def test_cancel_with_delete_key_is_undoable(window, qtbot, scheduled_ws):
    page = window.calendar_page
    index, visit = _first_visit_cell(page, JUNE_8)
    page.board_view.setFocus()
    page.board_view.setCurrentIndex(index)
    asked: list[int] = []
    page.ask_cancel_reason = lambda cell: asked.append(cell.visit_id) or (CancelReason.ILLNESS, "")
    qtbot.keyClick(page.board_view, Qt.Key.Key_Delete)
    page.finish_edits()  # saved on the runner's edit lane
    assert asked == [visit.visit_id]  # asked why first
    stored = _visit(scheduled_ws, visit.visit_id)
    assert (stored.status.value, stored.cancel_reason) == ("cancelled", "illness")
    window.ctx.undo_stack.undo()
    assert _visit(scheduled_ws, visit.visit_id).status.value == "planned"


def test_conflict_badges_arrive_from_the_background_check(window, qtbot, scheduled_ws):
    page = window.calendar_page
    index, visit = _first_visit_cell(page, JUNE_8)
    page.confirm_conflicts = lambda conflicts: True
    page.request_move(visit.visit_id, visit.version, dt.date(2026, 6, 13), visit.alt_id)  # onto a Saturday
    page.finish_edits()
    page.wait_for_background()
    qtbot.waitUntil(lambda: bool(page.board_model.conflicts_of(visit.visit_id)), timeout=5000)
    assert "day_off" in page.board_model.conflicts_of(visit.visit_id)


def test_month_and_week_views(window):
    page = window.calendar_page
    page.set_view("month")
    cell = page.month_model.index_of(JUNE_8)
    assert len(cell.data(ENTRIES_ROLE)) > 10  # many ALTs work that Monday
    saturday = page.month_model.index_of(dt.date(2026, 6, 13))
    assert all(v.kind.value == "event" for _, v in saturday.data(ENTRIES_ROLE))
    page.set_view("week")
    assert page.week_model.rowCount() > 20
    days = {page.week_model.index(r, 0).data() for r in range(page.week_model.rowCount())}
    assert any("8 Jun 2026" in d for d in days)


def test_generate_runs_on_a_worker_and_cancel_writes_nothing(window, qtbot, scheduled_ws):
    with scheduled_ws.db.sessions() as s:
        before = s.scalar(select(func.count()).select_from(Visit))
    done = []
    worker = window.start_generate(dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    worker.cancel()  # as the Cancel button does
    worker.done.connect(done.append)
    qtbot.waitUntil(lambda: not worker.is_running(), timeout=20000)
    with scheduled_ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == before
    worker2 = window.start_generate(dt.date(2027, 4, 1), dt.date(2027, 4, 30))
    qtbot.waitUntil(lambda: not worker2.is_running(), timeout=20000)
    assert "Visits generated" in window.statusBar().currentMessage() or window.statusBar().currentMessage()


def test_closing_the_window_during_a_generate_asks_then_stops_it_and_writes_nothing(window, scheduled_ws):
    """Closing while a job runs asks first; stopping it ends its thread before the window closes
    (Qt aborts the program on a thread still running at exit) and writes none of it."""
    june = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    with scheduled_ws.db.sessions() as s:  # June emptied: a generate of June would fill it again
        s.execute(delete(Visit).where(Visit.date.between(*june)))
        s.commit()
        before = s.scalar(select(func.count()).select_from(Visit))
    asked = []
    window.confirm_stop_jobs = lambda: asked.append("keep working") and False
    worker = window.start_generate(*june)
    assert not window.close() and window.isVisible() and worker.is_running()
    window.confirm_stop_jobs = lambda: asked.append("stop") is None
    assert window.close() and not window.isVisible()
    assert asked == ["keep working", "stop"] and not worker.is_running()
    with scheduled_ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == before


def test_after_an_edit_the_board_is_read_again_in_the_background(window, qtbot, scheduled_ws):
    """The edit runs on the runner and its reload too: the move shows at once, then the board read
    after the save shows it from the core."""
    page = window.calendar_page
    index, visit = _first_visit_cell(page, JUNE_8)
    page.confirm_conflicts = lambda conflicts: True
    read_before = page.loader.board_read
    page.request_move(visit.visit_id, visit.version, JUNE_8 + dt.timedelta(days=2), visit.alt_id)
    moved_to = page.board_model.index(index.row(), index.column() + 2)
    assert visit.visit_id not in {v.visit_id for v in page.board_model.visits_at(index)}  # shown moved at once
    assert visit.visit_id in {v.visit_id for v in page.board_model.visits_at(moved_to)}
    qtbot.waitUntil(lambda: page.loader.board_read > read_before and not page.board_model.moves, timeout=5000)
    assert visit.visit_id in {v.visit_id for v in page.board_model.board.rows[index.row()].cells[
        JUNE_8 + dt.timedelta(days=2)]}  # from the core now, not the pending copy


def test_a_second_key_move_before_the_reload_lands_acts_on_the_stored_visit(window, qtbot, scheduled_ws):
    """Two quick moves: the second must use the visit's new version, not the board's old copy."""
    page = window.calendar_page
    index, visit = _first_visit_cell(page, JUNE_8)
    page.confirm_conflicts = lambda conflicts: True
    warnings = []
    window.ctx.status_message.connect(warnings.append)
    page.board_view.setFocus()
    page.board_view.setCurrentIndex(index)
    down = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.board_view, Qt.Key.Key_Right, down)
    page.board_view.setCurrentIndex(page.board_model.index(index.row(), index.column() + 1))
    qtbot.keyClick(page.board_view, Qt.Key.Key_Right, down)  # at once: the first save is still running
    page.finish_edits()
    assert _visit(scheduled_ws, visit.visit_id).date == JUNE_8 + dt.timedelta(days=2)
    assert window.ctx.undo_stack.count() == 2  # two commands, each undoable
    window.ctx.undo_stack.undo()
    assert _visit(scheduled_ws, visit.visit_id).date == JUNE_8 + dt.timedelta(days=1)
    assert warnings == []
    page.finish_loading()


def test_the_next_month_is_read_ahead_and_a_change_throws_it_away(window, qtbot, scheduled_ws, monkeypatch):
    from ui.calendar import month_loader as module

    page = window.calendar_page
    reads = []
    real = module.month_board
    monkeypatch.setattr(module, "month_board", lambda *a, **k: reads.append(a[1]) or real(*a, **k))
    page.reload()
    reads.clear()
    qtbot.waitUntil(lambda: sorted(reads) == [dt.date(2026, 5, 1), dt.date(2026, 7, 1)], timeout=10000)
    page.wait_for_background()
    qtbot.wait(50)  # the read-ahead result lands on the UI thread
    reads.clear()
    page.step(1)
    assert reads == [] and page.board_model.board.first == dt.date(2026, 7, 1)  # shown from the read-ahead
    assert page.board_model.board.visit_count() > 0
    page.step(-1)
    assert reads == [dt.date(2026, 6, 1)]  # June was not read ahead from July yet: read now
    # An edit makes every month read ahead before it stale.
    qtbot.waitUntil(lambda: dt.date(2026, 7, 1) in reads, timeout=10000)
    page.wait_for_background()
    qtbot.wait(50)
    july_visit = next(v for row in page.loader._prefetch._boards[(dt.date(2026, 7, 1), dt.date(2026, 7, 31),
                                                          page.current_filter())][1].rows
                      for cells in row.cells.values() for v in cells)
    from altdesk.services.visits import cancel_visit

    cancel_visit(scheduled_ws, july_visit.visit_id, july_visit.version)
    window.ctx.changed("visits")
    page.finish_loading()
    reads.clear()
    page.step(1)
    assert dt.date(2026, 7, 1) in reads  # read again, not the copy from before the change
    cancelled = [v for row in page.board_model.board.rows for cells in row.cells.values() for v in cells
                 if v.visit_id == july_visit.visit_id]
    assert cancelled and cancelled[0].status.value == "cancelled"


def test_the_board_paints_with_the_font_it_has_now(window, qtbot):
    """The board keeps its paint kit between repaints; a new font (or palette) must not be
    painted with the old one."""
    view = window.calendar_page.board_view
    delegate = view.itemDelegate()
    view.viewport().repaint()
    painted_size = delegate._kit.fonts[(False, False)][0].pixelSize()  # what the last repaint used
    bigger = view.font()
    bigger.setPixelSize(max(painted_size, 12) + 6)
    view.setFont(bigger)
    view.viewport().repaint()
    assert delegate._kit.fonts[(False, False)][0].pixelSize() == bigger.pixelSize()
