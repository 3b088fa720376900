"""The Planner section: a plan run from the page off the window's thread, its totals and changes as
the Plan says, some schools accepted in one undoable operation (Undo removes the placements and
their visits, Redo makes them again), a replacement's ended placements restored by Undo, and Stop
keeping the best plan found so far."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from altdesk.db.models import Alt, Placement, Visit
from ui.app_context import AppContext
from ui.pages.planner_page import CHANGE, CHECK, KIND_ROLE, NEW, SCHOOL, UNMET, PlannerPage
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
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60000)
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
    kinds = [page.table.item(row, CHECK).data(KIND_ROLE) for row in range(page.table.rowCount())]
    assert kinds.count(NEW) == len(new) > 0 and kinds.count(UNMET) == len(plan.unmet)
    first = new[0]
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, SCHOOL).text().startswith(first.school_code))
    assert page.table.item(row, CHANGE).text() == "New placement"
    assert page.table.item(row, 6).text().split("; ")[0] == first.reasons_en[0]
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
    assert page.table.item(row, CHECK).text() == "✓"

    ctx.undo_stack.undo()
    assert _planner_placements(demo_ws) == [] and _visits(demo_ws) == visits_before
    assert page.table.item(row, CHECK).flags() & Qt.ItemFlag.ItemIsUserCheckable  # may be accepted again
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
    texts = [page.table.item(r, 6).text() for r in range(page.table.rowCount())]
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
    assert page.table.rowCount() > 0 and page.accept_all_button.isEnabled()
