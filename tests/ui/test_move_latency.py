"""A move on the board with PostgreSQL behind a slow link (altdesk/bench/latency_proxy.py): the board
shows the move before the server has answered and the window keeps running meanwhile; the answer
confirms it, or puts the visit back with the reason. Behaviour only: the milliseconds are the
bench's (`altdesk bench --url ... --only move`)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from altdesk.bench.latency_proxy import behind_proxy
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.demo import create_demo_branch
from altdesk.demo_schedule import schedule_demo_branch
from altdesk.services.visits import get_visit, update_visit
from altdesk.services.workspace import open_workspace
from tests.integration import test_postgres as pg
from ui.calendar.board_model import VISITS_ROLE
from ui.main_window import MainWindow

pytestmark = pytest.mark.postgres
JUNE_8 = dt.date(2026, 6, 8)
JUNE_10 = dt.date(2026, 6, 10)


@pytest.fixture
def server():  # type: ignore[no-untyped-def]
    """A demo branch on a fresh server database, and a second coordinator's direct connection."""
    if not pg.PG_URL:
        pytest.skip(pg.SKIP_REASON)
    for url in pg._fresh_database():
        db = open_database(DatabaseTarget.parse(url))
        ws = open_workspace(db, actor="other coordinator")
        create_demo_branch(ws, "small", 2026, seed=7)
        schedule_demo_branch(ws, 2026, 7)
        try:
            yield url, ws
        finally:
            db.close()


@pytest.fixture
def slow_window(qtbot, server):  # type: ignore[no-untyped-def]
    url, other = server
    with behind_proxy(url, delay_s=0.005) as (proxy, slow_url):
        db = open_database(DatabaseTarget.parse(slow_url))
        ws = open_workspace(db, actor="tester")
        window = MainWindow(ws, today=JUNE_8)
        # Closed below once the proxy lets the server's answers through: pytest-qt would close it
        # first, and closing waits for the edit still out on the network.
        window.resize(1366, 768)
        window.show()
        window.show_section("calendar")
        page = window.calendar_page
        page.set_view("board")
        page.go_to(JUNE_8)
        page.confirm_conflicts = lambda conflicts: True
        try:
            yield window, proxy, other
        finally:
            proxy.release()
            page.finish_edits()
            page.wait_for_background()
            window.close()
            # Gone, not just hidden: a reload the refusal scheduled must not read a dropped database.
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            page.runner.wait(10000)
            db.close()


def _a_visit(page):  # type: ignore[no-untyped-def]
    model = page.board_model
    column = model.day_column(JUNE_8)
    for row in range(model.rowCount()):
        visits = model.index(row, column).data(VISITS_ROLE)
        if len(visits) == 1:
            return row, visits[0]
    raise AssertionError("no visit on the 8th")


def _window_keeps_ticking(qtbot, ticks_wanted: int = 5) -> None:  # type: ignore[no-untyped-def]
    """The window's timers fire again and again (its thread is not waiting on the server). Not
    a measure of time: on a busy machine the ticks just come later; the bench measures stalls."""
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        qtbot.waitUntil(lambda: len(ticks) >= ticks_wanted, timeout=20000)
    finally:
        timer.stop()


def test_the_board_shows_the_move_before_the_server_answers(qtbot, slow_window):
    window, proxy, other = slow_window
    page = window.calendar_page
    page.finish_edits()
    page.wait_for_background()
    row, visit = _a_visit(page)
    target = page.board_model.index(row, page.board_model.day_column(JUNE_10))

    proxy.hold()  # the server gets the edit; its answers wait in the proxy
    assert page.request_move(visit.visit_id, visit.version, JUNE_10, visit.alt_id)

    # At once, with nothing back from the server: the visit is drawn where it goes, as pending.
    assert visit.visit_id in {v.visit_id for v in page.board_model.visits_at(target)}
    assert visit.visit_id not in {v.visit_id for v in page.board_model.visits_at(
        page.board_model.index(row, page.board_model.day_column(JUNE_8)))}
    assert page.board_model.is_saving(visit.visit_id)
    assert "Saving…" in page.board_model.data(target, Qt.ItemDataRole.ToolTipRole)
    # The window keeps running while the answer is held: its timers tick, the edit is still out.
    _window_keeps_ticking(qtbot)
    assert page.edits_busy() and page.board_model.is_saving(visit.visit_id)
    assert get_visit(other, visit.visit_id).draft.date == JUNE_8  # nothing saved yet

    proxy.release()
    page.finish_edits()
    assert get_visit(other, visit.visit_id).draft.date == JUNE_10
    assert window.ctx.undo_stack.count() == 1
    qtbot.waitUntil(lambda: not page.board_model.moves, timeout=10000)  # the board read after the save
    assert visit.visit_id in {v.visit_id for v in page.board_model.visits_at(target)}


def test_a_move_the_server_refuses_goes_back_with_the_reason(qtbot, slow_window, monkeypatch):
    window, proxy, other = slow_window
    page = window.calendar_page
    page.finish_edits()
    page.wait_for_background()
    row, visit = _a_visit(page)
    source = page.board_model.index(row, page.board_model.day_column(JUNE_8))
    target = page.board_model.index(row, page.board_model.day_column(JUNE_10))
    current = get_visit(other, visit.visit_id)  # another coordinator saves the visit first
    update_visit(other, visit.visit_id, current.version, replace(current.draft, note="phoned the school"))
    said: list[str] = []
    window.ctx.status_message.connect(said.append)
    seen: dict[str, str] = {}

    def read_box(_parent: QWidget, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        seen["title"], seen["text"] = title, text
        return QMessageBox.StandardButton.Ok

    # The page's warning box, read rather than shown: its answer arrives inside finish_edits,
    # after many round trips, and a box left open there would hold the test for ever.
    monkeypatch.setattr(QMessageBox, "warning", read_box)
    proxy.hold()
    page.request_move(visit.visit_id, visit.version, JUNE_10, visit.alt_id)
    assert page.board_model.is_saving(visit.visit_id)  # shown moved while the server decides
    proxy.release()
    page.finish_edits()

    assert seen["title"] == "Not saved" and "someone else" in seen["text"].lower(), seen
    assert said and said[0] == seen["text"]
    assert not page.board_model.moves  # put back
    assert visit.visit_id in {v.visit_id for v in page.board_model.visits_at(source)}
    assert visit.visit_id not in {v.visit_id for v in page.board_model.visits_at(target)}
    assert get_visit(other, visit.visit_id).draft.date == JUNE_8
    assert window.ctx.undo_stack.count() == 0


def test_undo_and_redo_wait_for_the_server_while_the_window_goes_on(qtbot, slow_window):
    """Edit ▸ Undo (and Redo) of a move, with the server's answers held: the window's timers go on
    firing while the step waits, and here it is they that let the answers through, so a step that
    held the window's thread could never end (a thread lets them through after 30 s instead, and
    the test fails)."""
    window, proxy, other = slow_window
    page = window.calendar_page
    page.finish_edits()
    page.wait_for_background()
    _row, visit = _a_visit(page)
    page.request_move(visit.visit_id, visit.version, JUNE_10, visit.alt_id)
    page.finish_edits()
    assert get_visit(other, visit.visit_id).draft.date == JUNE_10
    stack = window.ctx.undo_stack

    for step, expected in ((window.undo_action, JUNE_8), (window.redo_action, JUNE_10)):
        assert _released_by(proxy, step.trigger) == ["window"]
        assert get_visit(other, visit.visit_id).draft.date == expected
    assert stack.index() == 1 and stack.count() == 1


def _released_by(proxy, step) -> list[str]:  # type: ignore[no-untyped-def]
    """Run `step` with the server's answers held; the window's own timer lets them through after
    five ticks. Says who did: "window", or "safety thread" when the window's thread was held."""
    ticks: list[int] = []
    released_by: list[str] = []

    def tick() -> None:
        ticks.append(1)
        if len(ticks) == 5:
            released_by.append("window")
            proxy.release()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    safety = threading.Timer(30, lambda: (released_by.append("safety thread"), proxy.release()))
    proxy.hold()
    timer.start()
    safety.start()
    try:
        step()  # returns once the server has answered
    finally:
        timer.stop()
        safety.cancel()
        proxy.release()
    return released_by[:1]
