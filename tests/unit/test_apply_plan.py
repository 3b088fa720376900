"""Accepting a plan school by school: an ALT who moves from one school to another takes both
schools with it (schools_also_needed), and apply_plan refuses a set that would book the ALT twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from altdesk.db.engine import transaction
from altdesk.db.models import Placement, Visit
from altdesk.errors import UserError
from altdesk.planning import Assignment, Plan
from altdesk.planning.types import slot
from altdesk.scheduling.generate import generate
from altdesk.services.planning import EndedPlacement, apply_plan, plan_places, schools_also_needed
from altdesk.services.workspace import Workspace
from tests.helpers import table_dump
from tests.unit.sched_fixtures import make_alt, make_board, make_placement, make_school

FIRST, LAST = dt.date(2026, 12, 1), dt.date(2027, 3, 31)


@dataclass(frozen=True)
class Moving:
    plan: Plan
    t_placement: int  # X at T, ended by the plan
    s: str = "S001"
    t: str = "T001"
    u: str = "U001"


def _assignment(alt_id: int, alt_code: str, school_id: int, code: str, days: tuple[int, ...],
                demand_id: int) -> Assignment:
    return Assignment(alt_id, alt_code, f"ALT {alt_code}", school_id, code, f"{code} ES", f"{code}小学校", demand_id,
                      frozenset(slot(d, w) for d in days for w in (0, 1)), 4, FIRST, dt.date(2027, 3, 24), 10,
                      False, False, ("moved",), ("異動",))


def moving_alt_branch(ws: Workspace) -> Moving:
    """ALT X teaches at T on Mon/Wed all year; the plan moves X to S from December on (Mon/Wed) and
    sends ALT Y to T in X's place. U has a new ALT Z of its own and nothing to do with the move."""
    board = make_board(ws)
    t, s, u = (make_school(ws, code, board_id=board) for code in ("T001", "S001", "U001"))
    x, y, z = make_alt(ws, "X001"), make_alt(ws, "Y001"), make_alt(ws, "Z001")
    at_t = make_placement(ws, x, t)
    with transaction(ws.db.sessions) as session:
        generate(session, ws.branch_id, dt.date(2026, 4, 1), dt.date(2027, 3, 31), [at_t], orm=True)
    plan = Plan(FIRST, LAST, (
        _assignment(x, "X001", s, "S001", (0, 2), 1),
        _assignment(y, "Y001", t, "T001", (0, 2), 2),
        _assignment(z, "Z001", u, "U001", (1,), 3),
    ), (), 0.0, 0.0, "hand", 0.0, True, ends=((at_t, FIRST - dt.timedelta(days=1)),))
    return Moving(plan, at_t)


def _double_booked(ws: Workspace) -> list[tuple[int, object]]:
    """ALTs with two visits on one day, or with two placements that run on the same weekday over
    the same dates (the visit generator skips the second one's clashing days, so the ALT would
    silently stay where the plan moves them from)."""
    with ws.db.sessions() as session:
        twice: list[tuple[int, object]] = list(session.execute(
            select(Visit.alt_id, Visit.date).group_by(Visit.alt_id, Visit.date).having(func.count() > 1)).all())
        placements = session.execute(select(Placement.alt_id, Placement.id, Placement.start_date,
                                            Placement.end_date, Placement.rrule)).all()
    for a in placements:
        for b in placements:
            days_a = set(a.rrule.split("BYDAY=")[1].split(";")[0].split(","))
            days_b = set(b.rrule.split("BYDAY=")[1].split(";")[0].split(","))
            if (a.alt_id == b.alt_id and a.id < b.id and days_a & days_b
                    and a.start_date <= b.end_date and b.start_date <= a.end_date):
                twice.append((a.alt_id, (a.id, b.id)))
    return twice


def _schools_of_visits_from(ws: Workspace, alt_code: str, first: dt.date) -> set[str]:
    from altdesk.db.models import Alt, School

    with ws.db.sessions() as session:
        return set(session.scalars(select(School.code).join(Visit, Visit.school_id == School.id)
                                   .join(Alt, Alt.id == Visit.alt_id)
                                   .where(Alt.code == alt_code, Visit.date >= first)))


def test_the_closure_of_the_school_an_alt_moves_to_takes_the_school_it_leaves(ws):
    m = moving_alt_branch(ws)
    ends = plan_places(ws, m.plan).ends
    assert [e.school_code for e in ends] == [m.t]
    assert schools_also_needed(m.plan, ends, {m.s}) == {m.t}
    assert schools_also_needed(m.plan, ends, {m.t}) == frozenset()  # ending X at T alone books nobody twice
    assert schools_also_needed(m.plan, ends, {m.s, m.t}) == frozenset()
    assert schools_also_needed(m.plan, ends, {m.u}) == frozenset()


def test_the_closure_follows_a_chain_and_ignores_ends_that_do_not_overlap():
    def end(alt: int, code: str, last_day: dt.date, start=dt.date(2026, 4, 6), stop=dt.date(2027, 3, 24)):  # type: ignore[no-untyped-def]
        return EndedPlacement(alt, alt, f"A{alt}", 0, code, "", "", "MO", start, stop, last_day)

    a1 = _assignment(1, "A1", 0, "S", (0,), 1)  # A1 moves T -> S
    a2 = _assignment(2, "A2", 0, "T", (0,), 2)  # A2 moves V -> T
    plan = Plan(FIRST, LAST, (a1, a2), (), 0.0, 0.0, "hand", 0.0, True)
    last = FIRST - dt.timedelta(days=1)
    assert schools_also_needed(plan, [end(1, "T", last), end(2, "V", last)], {"S"}) == {"T", "V"}
    # An end whose days left stop before the new assignment starts clashes with nothing.
    early = end(1, "T", dt.date(2026, 10, 31), stop=dt.date(2026, 11, 30))
    assert schools_also_needed(plan, [early], {"S"}) == frozenset()
    # A placement the plan removes (its last day before its start) clashes over all its dates.
    later = end(1, "T", last, start=dt.date(2027, 1, 4))
    assert schools_also_needed(plan, [later], {"S"}) == {"T"}


def test_accepting_only_the_school_an_alt_moves_to_is_refused_and_changes_nothing(ws, db_path):
    m = moving_alt_branch(ws)
    before = table_dump(db_path)
    with pytest.raises(UserError) as refused:
        apply_plan(ws, m.plan, {m.s})
    assert m.t in refused.value.message("en") and m.t in refused.value.message("ja")
    assert m.s not in refused.value.message("en").split(":")[0]
    assert table_dump(db_path) == before
    assert _double_booked(ws) == []


def test_accepting_both_schools_books_nobody_twice(ws):
    m = moving_alt_branch(ws)
    applied = apply_plan(ws, m.plan, {m.s, m.t})
    assert applied.created and applied.ended == (m.t_placement,)
    assert _double_booked(ws) == []
    assert _schools_of_visits_from(ws, "X001", FIRST) == {m.s}  # X teaches at S now, no more at T
    assert _schools_of_visits_from(ws, "Y001", FIRST) == {m.t}
    with ws.db.sessions() as session:
        assert session.get(Placement, m.t_placement).end_date == FIRST - dt.timedelta(days=1)  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Visit).where(Visit.date >= FIRST)) > 0
    # U has nothing to do with the move: it may be accepted on its own.
    applied_u = apply_plan(ws, m.plan, {m.u})
    assert applied_u.created


def test_once_the_school_left_is_accepted_the_school_moved_to_may_follow(ws):
    m = moving_alt_branch(ws)
    apply_plan(ws, m.plan, {m.t})
    apply_plan(ws, m.plan, {m.s})
    assert _double_booked(ws) == []
    assert _schools_of_visits_from(ws, "X001", FIRST) == {m.s}


def test_without_the_refusal_accepting_only_s_would_book_x_twice(ws, monkeypatch):
    """The check above is no formality: skipping it leaves X's old placement running beside the new one."""
    import altdesk.services.planning as planning

    m = moving_alt_branch(ws)
    monkeypatch.setattr(planning, "_refuse_double_booking", lambda *_args: None)
    apply_plan(ws, m.plan, {m.s})
    assert _double_booked(ws) and _schools_of_visits_from(ws, "X001", FIRST) == {m.t}
