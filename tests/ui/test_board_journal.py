"""The board's visit edits are the core's operations: a visit moved, one cancelled and one created
on the board are listed by `altdesk history`, `altdesk undo` takes back the newest (the board shows
it after a refresh), and the window's Undo of a board move is the journal's undo."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from altdesk.db.enums import OperationKind, OperationState, VisitStatus
from altdesk.db.models import Visit
from altdesk.operations import history
from altdesk.services.visits import VisitDraft
from tests.helpers import run_cli
from ui.calendar.board_model import VISITS_ROLE
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
    page.confirm_conflicts = lambda conflicts: True
    yield win
    page.finish_edits()
    page.wait_for_background()


def _single_visits(page, day: dt.date):
    model = page.board_model
    column = model.day_column(day)
    for row in range(model.rowCount()):
        visits = model.index(row, column).data(VISITS_ROLE)
        if len(visits) == 1 and visits[0].status in (VisitStatus.PLANNED, VisitStatus.CONFIRMED):
            yield visits[0]


def _on_board(page, visit_id: int) -> bool:
    return page.board_model.find_visit(visit_id) is not None


def _visit(ws, visit_id: int) -> Visit | None:
    with ws.db.sessions() as s:
        return s.get(Visit, visit_id)


def test_board_edits_are_in_the_history_and_the_command_line_undoes_the_newest(window, scheduled_ws):
    page = window.calendar_page
    first, second = list(_single_visits(page, JUNE_8))[:2]
    before = len(history(scheduled_ws))
    day = JUNE_8 + dt.timedelta(days=2)

    assert page.request_move(first.visit_id, first.version, day, first.alt_id)
    page.finish_edits()
    page.cancel(second)
    page.finish_edits()
    page.create(VisitDraft(first.alt_id, _visit(scheduled_ws, first.visit_id).school_id, JUNE_8 + dt.timedelta(days=3),
                           dt.time(13, 30), dt.time(15, 0), "5-6", 2))
    page.finish_edits()
    with scheduled_ws.db.sessions() as s:
        created = s.scalar(select(func.max(Visit.id)))
    assert _visit(scheduled_ws, first.visit_id).date == day
    assert _visit(scheduled_ws, second.visit_id).status == VisitStatus.CANCELLED
    assert window.ctx.undo_stack.count() == 3

    path = str(scheduled_ws.db.target.sqlite_path)
    listed = run_cli("--db", path, "history", "--limit", "3", "--json")
    assert listed.returncode == 0, listed.stderr
    lines = json.loads(listed.stdout)
    assert len(history(scheduled_ws)) == before + 3
    assert [line["text_en"] for line in lines] == ["New visit", "Cancel visit", "Move visit to Wed 10 Jun 2026"]
    assert [line["text_ja"] for line in lines] == ["訪問の追加", "訪問の中止", "訪問を 2026年6月10日(水) に移動"]
    assert all(line["kind"] == "edit" and line["undoable"] and line["state"] == "done" for line in lines)
    assert all(line["actor"] == "tester" for line in lines)

    page.finish_loading()
    assert _on_board(page, created)
    undone = run_cli("--db", path, "undo", "--json")
    assert undone.returncode == 0, undone.stderr
    assert json.loads(undone.stdout)["reverts"] == lines[0]["id"]
    assert _visit(scheduled_ws, created) is None
    page.reload()
    page.finish_loading()
    assert not _on_board(page, created)  # the board shows it after a refresh
    assert _visit(scheduled_ws, second.visit_id).status == VisitStatus.CANCELLED  # only the newest


def test_window_undo_of_a_board_move_is_the_journals_undo(window, scheduled_ws):
    page = window.calendar_page
    visit = next(_single_visits(page, JUNE_8))
    day = JUNE_8 + dt.timedelta(days=1)
    assert page.request_move(visit.visit_id, visit.version, day, visit.alt_id)
    page.finish_edits()
    assert _visit(scheduled_ws, visit.visit_id).date == day
    [move] = history(scheduled_ws, limit=1)
    assert move.text_en.startswith("Move visit to") and move.state == OperationState.DONE

    window.undo_action.trigger()

    assert _visit(scheduled_ws, visit.visit_id).date == JUNE_8
    newest, moved = history(scheduled_ws, limit=2)
    assert newest.kind == OperationKind.UNDO and newest.reverts == move.id
    assert moved.id == move.id and moved.state == OperationState.UNDONE

    window.redo_action.trigger()
    assert _visit(scheduled_ws, visit.visit_id).date == day
    assert history(scheduled_ws, limit=1)[0].kind == OperationKind.REDO
    # A second move straight after expects the version the redo left (no stale refusal).
    again = JUNE_8 + dt.timedelta(days=2)
    assert page.request_move(visit.visit_id, visit.version, again, visit.alt_id)
    page.finish_edits()
    assert _visit(scheduled_ws, visit.visit_id).date == again


def test_an_edit_on_the_board_does_not_run_on_the_windows_thread(window, scheduled_ws, monkeypatch):
    import threading

    from ui.calendar import calendar_page

    threads: list[threading.Thread] = []
    real = calendar_page.cancel_visit

    def cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(calendar_page, "cancel_visit", cancel)
    page = window.calendar_page
    visit = next(_single_visits(page, JUNE_8))
    page.cancel(visit)
    assert window.ctx.undo_stack.count() == 0  # pushed when the answer comes
    page.finish_edits()
    assert threads and threads[0] is not threading.main_thread()
    assert window.ctx.undo_stack.undoText() == "Cancel visit"
    assert _visit(scheduled_ws, visit.visit_id).status == VisitStatus.CANCELLED


def test_cancel_asks_why_and_the_reason_is_kept_for_the_actuals(window, scheduled_ws, qtbot):
    from altdesk.db.enums import CancelReason
    from tests.ui.modal import ModalHandler

    page = window.calendar_page
    visit, kept = list(_single_visits(page, JUNE_8))[:2]

    def answer(dialog):  # type: ignore[no-untyped-def]
        assert "Mon 8 Jun 2026" in dialog.subject.text()
        dialog.reason.setCurrentIndex(dialog.reason.findData(CancelReason.WEATHER))
        dialog.note.setText("暴風警報")
        dialog.ok_button.click()

    handler = ModalHandler(answer, "cancel_visit_dialog")
    page.ask_and_cancel(visit)
    handler.check()
    page.finish_edits()
    stored = _visit(scheduled_ws, visit.visit_id)
    assert (stored.status, stored.cancel_reason, stored.cancel_note) == (VisitStatus.CANCELLED, "weather", "暴風警報")

    handler = ModalHandler(lambda dialog: dialog.reject(), "cancel_visit_dialog")  # "Keep it"
    assert page.ask_and_cancel(kept) is None
    handler.check()
    assert _visit(scheduled_ws, kept.visit_id).status != VisitStatus.CANCELLED


def test_an_edit_to_a_closed_month_asks_for_a_reason_and_shows_as_a_correction(window, scheduled_ws):
    from altdesk.services.month_close import close_month, corrections

    page = window.calendar_page
    first, second = list(_single_visits(page, JUNE_8))[:2]
    close_month(scheduled_ws, "2026-06")
    asked: list[list[str]] = []

    said: list[str] = []
    window.ctx.status_message.connect(said.append)
    page.ask_closed_reason = lambda refusal: asked.append(refusal.months) or None  # kept as it is
    page.cancel(first)
    assert page.request_move(second.visit_id, second.version, JUNE_8 + dt.timedelta(days=2), second.alt_id)
    page.finish_edits()
    assert asked == [["2026-06"], ["2026-06"]]
    assert _visit(scheduled_ws, first.visit_id).status != VisitStatus.CANCELLED
    assert _visit(scheduled_ws, second.visit_id).date == JUNE_8 and not page.board_model.moves  # put back
    assert corrections(scheduled_ws, "2026-06") == [] and len(said) == 2 and "closed" in said[0]

    page.ask_closed_reason = lambda refusal: asked.append(refusal.months) or "学校から電話：中止"
    page.cancel(first)
    assert page.request_move(second.visit_id, second.version, JUNE_8 + dt.timedelta(days=1), second.alt_id)
    page.finish_edits()
    assert _visit(scheduled_ws, first.visit_id).status == VisitStatus.CANCELLED
    assert _visit(scheduled_ws, second.visit_id).date == JUNE_8 + dt.timedelta(days=1)
    found = corrections(scheduled_ws, "2026-06")
    assert {c.entity_id for c in found} == {first.visit_id, second.visit_id}
    assert {c.reason for c in found} == {"学校から電話：中止"}
    assert len(asked) == 4
    assert window.ctx.undo_stack.count() == 2
