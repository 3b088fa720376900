"""The Planner section: a plan run from the page off the window's thread, its totals and changes as
the Plan says, some schools accepted in one undoable operation (Undo removes the placements and
their visits, Redo makes them again), a replacement's ended placements restored by Undo, and Stop
keeping the best plan found so far."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QStyle, QStyleOptionViewItem
from sqlalchemy import func, select

from altdesk.db.models import Alt, Placement, Visit
from ui.app_context import AppContext
from ui.pages.planner_page import CHANGE, CHECK, ENDS, KIND_ROLE, NEW, REMOVED, SCHOOL, UNMET, PlannerPage
from ui.planner_plot import continuity

TODAY = dt.date(2026, 11, 20)


def _page(qtbot, ws) -> tuple[PlannerPage, AppContext]:  # type: ignore[no-untyped-def]
    ctx = AppContext(ws, today=lambda: TODAY)
    page = PlannerPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.alt_combo.count() > 0, timeout=10000)
    return page, ctx


def _run(qtbot, page: PlannerPage, seconds: int = 2) -> None:  # type: ignore[no-untyped-def]
    page.limit_spin.setValue(seconds)
    page.run_button.click()
    assert page.is_running() and not page.run_button.isEnabled()
    # The list comes with the answer; the map and the charts on the turns after it.
    qtbot.waitUntil(lambda: not page.is_running() and (page.last_error is not None or page.result_drawn()),
                    timeout=60000)
    assert page.last_error is None, page.status.text()
    assert page.plan is not None


def _planner_placements(ws) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    from altdesk.db.models import School

    with ws.db.sessions() as session:
        return sorted(session.execute(select(Placement.id, School.code).join(School, School.id == Placement.school_id)
                                      .where(Placement.note == "planner")).all())


def _visits(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Visit)) or 0


def test_the_year_plan_shows_its_totals_and_changes_and_accepting_some_schools_is_one_undo(qtbot, demo_ws,
                                                                                         monkeypatch):
    import altdesk.planning

    def not_here(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the plan ran in the window's process")

    # The planner runs in a process of its own (its Python work would hold the window's thread
    # for seconds on a large branch): a plan made here would fail.
    monkeypatch.setattr(altdesk.planning, "plan_fiscal_year", not_here)
    page, ctx = _page(qtbot, demo_ws)
    page.year_spin.setValue(2027)
    _run(qtbot, page)
    plan = page.plan
    assert page.totals["met"].text().startswith(f"{plan.met_days} of {plan.demand_days} days")
    kept, pairs = continuity(plan)
    assert page.totals["kept"].text() == f"{kept} of {pairs} pairs"
    assert f"{plan.travel_total() / 2:.0f} min a week" == page.totals["travel"].text()
    new = [a for a in plan.assignments if not a.existing and a.demand_id is not None]
    changes = page.changes
    assert page.table.model() is changes
    kinds = [changes.index(row, CHECK).data(KIND_ROLE) for row in range(changes.rowCount())]
    assert kinds.count(NEW) == len(new) > 0 and kinds.count(UNMET) == len(plan.unmet)
    first = new[0]
    row = next(r for r in range(changes.rowCount()) if changes.index(r, SCHOOL).data().startswith(first.school_code))
    assert changes.index(row, CHANGE).data() == "New placement"
    assert changes.index(row, 6).data().split("; ")[0] == first.reasons_en[0]
    assert changes.index(row, 6).data(Qt.ItemDataRole.ToolTipRole) == changes.index(row, 6).data()  # whole text
    unmet = [r for r in range(changes.rowCount()) if changes.index(r, CHECK).data(KIND_ROLE) == UNMET]
    for r in unmet:  # no tick, red text
        assert changes.index(r, CHECK).data(Qt.ItemDataRole.CheckStateRole) is None
        assert not changes.flags(changes.index(r, CHECK)) & Qt.ItemFlag.ItemIsUserCheckable
        assert changes.index(r, CHANGE).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    order = {NEW: 0, ENDS: 1, REMOVED: 1, UNMET: 2}
    keys = [(order[changes.row_at(r).kind], changes.row_at(r).school_code, changes.row_at(r).alt)
            for r in range(changes.rowCount())]
    assert keys == sorted(keys)
    assert len(page.map.lines) == len(plan.assignments) and page.map.school_points and page.map.alt_points
    assert page.cards["demand"].view.chart().series()
    # One bar per ALT in one set: a set per bar would make 300 sets of 300 bars on a large branch.
    [travel_series] = page.cards["travel"].view.chart().series()
    assert len(travel_series.barSets()) == 1
    assert travel_series.barSets()[0].count() == len({a.alt_code for a in plan.assignments})

    # Untick every school but two: a tick goes by school.
    schools = sorted({a.school_code for a in new})
    for code in schools:
        page.set_school_ticked(code, code in schools[:2])
    assert page.selected_schools() == set(schools[:2])
    visits_before = _visits(demo_ws)
    page.accept_selected_button.click()
    created = _planner_placements(demo_ws)
    assert {code for _id, code in created} == set(schools[:2])
    assert len(created) == len(page.last_applied.created) and _visits(demo_ws) > visits_before
    assert ctx.undo_stack.count() == 1 and "fiscal year 2027" in ctx.undo_stack.undoText()
    assert schools[0] not in page.selected_schools()  # accepted rows lose their tick
    assert changes.index(row, CHECK).data() == "✓"
    assert changes.index(row, CHECK).data(Qt.ItemDataRole.CheckStateRole) is None
    assert changes.index(row, SCHOOL).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#9e9e9e"

    ctx.undo_stack.undo()
    assert _planner_placements(demo_ws) == [] and _visits(demo_ws) == visits_before
    assert changes.flags(changes.index(row, CHECK)) & Qt.ItemFlag.ItemIsUserCheckable  # may be accepted again
    assert changes.index(row, CHECK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert changes.index(row, SCHOOL).data(Qt.ItemDataRole.ForegroundRole) is None
    ctx.undo_stack.redo()
    assert _planner_placements(demo_ws) == created
    assert _visits(demo_ws) > visits_before

    # The rest: Accept all takes the schools not yet accepted.
    page.accept_all_button.click()
    assert {code for _id, code in _planner_placements(demo_ws)} == set(schools)
    assert not page.accept_all_button.isEnabled()


def test_a_replacement_ends_the_leavers_placements_and_undo_restores_them(qtbot, demo_ws):
    page, ctx = _page(qtbot, demo_ws)
    with demo_ws.db.sessions() as session:
        code = session.scalar(select(Alt.code).where(Alt.id.in_(select(Placement.alt_id))).order_by(Alt.code))
        before = dict(session.execute(select(Placement.id, Placement.end_date)).all())
    page.leave_radio.setChecked(True)
    page.alt_combo.setCurrentIndex(page.alt_combo.findData(code))
    first = dt.date(2026, 11, 24)
    page.from_date.setDate(page.from_date.date().fromString(first.isoformat(), Qt.DateFormat.ISODate))
    _run(qtbot, page)
    texts = [page.changes.index(r, 6).data() for r in range(page.changes.rowCount())]
    assert any(text.startswith(f"{code} leaves") for text in texts)
    page.accept_all_button.click()
    with demo_ws.db.sessions() as session:
        leaver = session.scalar(select(Alt.id).where(Alt.code == code))
        ends = set(session.scalars(select(Placement.end_date).where(Placement.alt_id == leaver)))
    assert ends and max(ends) < first
    ctx.undo_stack.undo()
    with demo_ws.db.sessions() as session:
        assert dict(session.execute(select(Placement.id, Placement.end_date)).all()) == before


def test_stop_keeps_the_best_plan_found_so_far(qtbot, demo_ws):
    page, _ctx = _page(qtbot, demo_ws)
    page.year_spin.setValue(2027)
    page.limit_spin.setValue(120)
    started = time.monotonic()
    page.run_button.click()
    qtbot.waitUntil(lambda: page._shown_best is not None or not page.is_running(), timeout=60000)
    page.stop_button.click()
    assert not page.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60000)
    assert time.monotonic() - started < 60
    assert page.plan is not None and page.plan.assignments
    assert page.plan.stopped and page.status.text().startswith("Stopped after")
    assert page.changes.rowCount() > 0 and page.accept_all_button.isEnabled()


def _hand_made(qtbot, ws):  # type: ignore[no-untyped-def]
    """The page showing a hand-made plan: ALT X moves from T to S, Y takes X's place at T, Z goes to U."""
    from altdesk.services.planning import plan_places
    from tests.unit.test_apply_plan import moving_alt_branch

    moving = moving_alt_branch(ws)
    page, ctx = _page(qtbot, ws)
    page.plan, page.places = moving.plan, plan_places(ws, moving.plan)
    page._what = ("Re-plan by hand", "手作業の再配置")
    page._fill_changes()
    page._set_buttons()
    return page, ctx, moving


def _rows_of(page: PlannerPage, code: str) -> list[int]:
    return [r for r in range(page.changes.rowCount()) if page.changes.row_at(r).school_code == code]


def test_a_tick_goes_by_school_and_says_which_rows_changed(qtbot, ws):
    page, _ctx, m = _hand_made(qtbot, ws)
    changes = page.changes
    assert [changes.row_at(r).kind for r in range(changes.rowCount())] == [NEW, NEW, NEW, ENDS]
    t_rows = _rows_of(page, m.t)
    assert len(t_rows) == 2 and t_rows[1] - t_rows[0] > 1  # T's new placement and its ended one are apart
    assert page.selected_schools() == {m.s, m.t, m.u} and page.accept_selected_button.isEnabled()
    assert "3 new placement(s), 1 ended or removed, 0 demand(s) unmet" in page.changes_note.text()
    changed: list[tuple[int, int]] = []
    changes.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    # What the view does when the box is clicked: the other row of the school follows.
    assert changes.setData(changes.index(t_rows[1], CHECK), Qt.CheckState.Unchecked.value,
                           Qt.ItemDataRole.CheckStateRole)
    assert all(changes.index(r, CHECK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
               for r in t_rows)
    assert sorted(changed) == [(r, r) for r in t_rows]
    assert page.selected_schools() == {m.s, m.u}
    # A real click on the box of S's row.
    s_row = _rows_of(page, m.s)[0]
    page.table.scrollTo(changes.index(s_row, CHECK))
    rect = page.table.visualRect(changes.index(s_row, CHECK))
    style = page.table.style()
    option = QStyleOptionViewItem()
    option.rect = rect
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, page.table)
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     box.center() if box.isValid() else QPoint(rect.left() + 10, rect.center().y()))
    assert page.selected_schools() == {m.u}
    # Widths: the tick and the kind fit; school, ALT, days and dates fit their texts up to their caps.
    header = page.table.horizontalHeader()
    assert 0 < header.sectionSize(CHECK) < 60
    assert header.sectionSize(SCHOOL) <= 230 and header.sectionSize(CHANGE) >= page.table.fontMetrics() \
        .horizontalAdvance("New placement")


def test_accepting_the_school_an_alt_moves_to_asks_to_take_the_school_it_leaves_too(qtbot, ws, monkeypatch):
    from tests.unit.test_apply_plan import FIRST, _double_booked, _schools_of_visits_from

    page, ctx, m = _hand_made(qtbot, ws)
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply
        return question

    for code in (m.t, m.u):
        page.set_school_ticked(code, False)
    assert page.selected_schools() == {m.s}

    # No: nothing is accepted and the ticks stay as they were.
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    page.accept_selected_button.click()
    assert len(asked) == 1 and "changes at T001 T001 ES: an ALT moves between them" in asked[0]
    assert ctx.undo_stack.count() == 0 and _planner_placements(ws) == []
    assert page.selected_schools() == {m.s}

    # Yes: S and T are accepted in one step, and X teaches at S only.
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    page.accept_selected_button.click()
    assert len(asked) == 2
    assert ctx.undo_stack.count() == 1 and "(2 schools)" in ctx.undo_stack.undoText()
    assert {code for _id, code in _planner_placements(ws)} == {m.s, m.t}
    assert _double_booked(ws) == [] and _schools_of_visits_from(ws, "X001", FIRST) == {m.s}
    assert page.changes.accepted_schools() == {m.s, m.t}
    assert all(page.changes.index(r, CHECK).data() == "✓" for r in _rows_of(page, m.s) + _rows_of(page, m.t))
    assert page.changes.open_schools() == {m.u}

    # Undo brings both back, unticked; U alone needs nobody else.
    ctx.undo_stack.undo()
    assert page.changes.accepted_schools() == frozenset() and page.selected_schools() == set()
    page.set_school_ticked(m.u, True)
    page.accept_selected_button.click()
    assert len(asked) == 2 and {code for _id, code in _planner_placements(ws)} == {m.u}


def test_the_question_lists_eight_schools_and_counts_the_rest(qtbot, ws, monkeypatch):
    page, _ctx, _m = _hand_made(qtbot, ws)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.No)
    assert not page._also_accept(frozenset(f"K{i:03d}" for i in range(11)))
    assert "K007" in asked[0] and "K008" not in asked[0] and asked[0].count("and 3 more") == 1


def test_a_change_elsewhere_after_the_plan_stops_it_being_accepted_until_it_runs_again(qtbot, ws):
    import dataclasses

    from altdesk.services.records.alts import load_alt, save_alt
    from ui.undo import OperationCommand, push

    page, ctx, m = _hand_made(qtbot, ws)
    # The page's own accepting, its undo and its redo leave the plan as it is.
    page.set_school_ticked(m.s, False)
    page.set_school_ticked(m.t, False)
    page.accept_selected_button.click()
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    assert page.accept_all_button.isEnabled() and "run it again" not in page.status.text()
    # An ALT moves house (edited in another page): the plan was made on what was there before.
    with ws.db.sessions() as session:
        alt_id = session.scalar(select(Alt.id).where(Alt.code == "X001"))
    form = load_alt(ws, alt_id)
    error = push(ctx, OperationCommand(ctx, "Edit ALT", "ALT編集",
                                       lambda: save_alt(ws, dataclasses.replace(form, home_latitude=35.9, home_longitude=140.3)), ("alts",)))
    assert error is None
    assert "run it again before accepting" in page.status.text()
    assert not page.accept_all_button.isEnabled() and not page.accept_selected_button.isEnabled()
    assert {code for _id, code in _planner_placements(ws)} == {m.u}
