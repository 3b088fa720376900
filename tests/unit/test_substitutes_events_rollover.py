"""Substitutes, school events with compensatory days, loads and the April rollover."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from altdesk.db.engine import transaction
from altdesk.db.enums import AbsenceKind, LunchPolicy, SchoolLevel, VisitKind, VisitStatus
from altdesk.db.models import Absence, DayOff, Placement, Visit
from altdesk.scheduling.conflicts import ConflictKind
from altdesk.services.scheduling import (
    add_school_event,
    apply_substitute,
    check_conflicts,
    contracts_for,
    generate_visits,
    loads_for,
    move_compensatory_day,
    plan_substitutes,
    revert_substitute,
    roll_over,
)
from tests.unit.sched_fixtures import make_alt, make_board, make_placement, make_school

JUNE = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))


def _branch(ws):
    board = make_board(ws)
    school = make_school(ws, "S1", board_id=board)
    other_school = make_school(ws, "S2", board_id=board)
    senior = make_school(ws, "S3", level=SchoolLevel.SENIOR_HIGH, board_id=board)
    sick = make_alt(ws, "A1")
    veteran = make_alt(ws, "A2")  # has visited S1 before, teaches elementary, free Mondays
    junior_only = make_alt(ws, "A3", levels=("junior_high",))
    busy = make_alt(ws, "A4")
    allergic = make_alt(ws, "A5", allergens=("wheat",))
    make_placement(ws, sick, school, "FREQ=WEEKLY;BYDAY=MO")
    make_placement(ws, veteran, school, "FREQ=WEEKLY;BYDAY=TU", start=dt.date(2026, 4, 6))
    make_placement(ws, busy, other_school, "FREQ=WEEKLY;BYDAY=MO")
    make_placement(ws, junior_only, senior, "FREQ=WEEKLY;BYDAY=TU")
    make_placement(ws, allergic, senior, "FREQ=WEEKLY;BYDAY=TU")
    generate_visits(ws, dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    return {"school": school, "sick": sick, "veteran": veteran, "junior_only": junior_only, "busy": busy,
            "allergic": allergic}


def test_substitute_candidates_are_free_and_ranked(ws):
    ids = _branch(ws)
    with transaction(ws.db.sessions) as s:
        s.add(Absence(branch_id=ws.branch_id, alt_id=ids["sick"], start_date=dt.date(2026, 6, 8),
                      end_date=dt.date(2026, 6, 8), kind=AbsenceKind.SICK))
    plans = plan_substitutes(ws, "A1", dt.date(2026, 6, 8), dt.date(2026, 6, 8))
    assert len(plans) == 1
    codes = [c.alt_code for c in plans[0].candidates]
    assert "A4" not in codes  # busy at another school that Monday
    assert codes[0] == "A2"  # teaches the level, has visited the school, same board
    assert codes.index("A3") > codes.index("A5") or "A3" not in codes[:2]  # junior-only ranks low
    first = plans[0].candidates[0]
    assert first.visited_before and first.teaches_level and "has visited this school" in first.reasons_en


def test_applying_a_substitute_keeps_the_original_and_can_be_undone(ws):
    ids = _branch(ws)
    visit_id = plan_substitutes(ws, "A1", dt.date(2026, 6, 8), dt.date(2026, 6, 8))[0].visit.visit_id
    cover_id = apply_substitute(ws, visit_id, ids["veteran"])
    with ws.db.sessions() as s:
        original, cover = s.get(Visit, visit_id), s.get(Visit, cover_id)
        assert original.status == VisitStatus.COVERED and original.alt_id == ids["sick"]
        assert original.covered_by_alt_id == ids["veteran"]
        assert cover.kind == VisitKind.SUBSTITUTE and cover.alt_id == ids["veteran"]
        assert cover.substitute_for_visit_id == visit_id and cover.date == original.date
    assert plan_substitutes(ws, "A1", dt.date(2026, 6, 8), dt.date(2026, 6, 8)) == []
    # Regeneration leaves the covered visit alone.
    again = generate_visits(ws, dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert (again.created, again.deleted) == (0, 0)
    revert_substitute(ws, cover_id)
    with ws.db.sessions() as s:
        assert s.get(Visit, visit_id).status == VisitStatus.PLANNED
        assert s.get(Visit, cover_id) is None


def test_event_creates_event_visit_and_compensatory_day(ws):
    ids = _branch(ws)
    saturday = dt.date(2026, 6, 13)
    event_id = add_school_event(ws, ids["school"], saturday, "運動会", "Sports Day", [ids["sick"]])
    with ws.db.sessions() as s:
        event_visit = s.scalar(select(Visit).where(Visit.event_id == event_id))
        comp = s.scalar(select(Absence).where(Absence.event_id == event_id))
        flagged = s.scalars(select(Visit).where(Visit.needs_reschedule.is_(True))).all()
    assert event_visit.kind == VisitKind.EVENT and event_visit.date == saturday
    assert event_visit.lunch_mode.value == "own_lunch"
    assert comp.kind == AbsenceKind.COMPENSATORY and comp.start_date == dt.date(2026, 6, 15)  # next school day
    assert [v.date for v in flagged] == [dt.date(2026, 6, 15)]
    kinds = {c.kind for c in check_conflicts(ws, *JUNE)}
    assert ConflictKind.NEEDS_RESCHEDULE in kinds and ConflictKind.DAY_OFF not in kinds
    move_compensatory_day(ws, event_id, ids["sick"], dt.date(2026, 6, 17))
    with ws.db.sessions() as s:
        assert s.scalar(select(Absence.start_date).where(Absence.event_id == event_id)) == dt.date(2026, 6, 17)
        assert not s.get(Visit, flagged[0].id).needs_reschedule


def test_loads_and_contract_progress(ws):
    school = make_school(ws, "S1", contracted=40, policy=LunchPolicy.SERVES)
    alt = make_alt(ws, "A1")
    make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=MO,TU", classes=5)
    generate_visits(ws, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    week = loads_for(ws, dt.date(2026, 6, 8), dt.date(2026, 6, 14))
    assert [(w.alt_code, w.classes, w.days, w.hours) for w in week] == [("A1", 10, 2, 15.0)]
    progress = contracts_for(ws, 2026, today=dt.date(2026, 6, 30))
    assert progress[0].contracted_days == 40 and progress[0].scheduled_days > 60
    assert 0 < progress[0].done_days < progress[0].scheduled_days


def test_rollover_copies_placements_and_leaves_the_old_year(demo_ws):
    def counts():
        with demo_ws.db.sessions() as s:
            old = s.scalar(select(func.count()).select_from(Visit).where(Visit.date < dt.date(2027, 4, 1)))
            placements = s.scalar(select(func.count()).select_from(Placement))
            breaks = s.scalar(select(func.count()).select_from(DayOff))
        return old, placements, breaks

    generate_visits(demo_ws, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    old_before, placements_before, breaks_before = counts()
    result, generated = roll_over(demo_ws, 2027)
    old_after, placements_after, breaks_after = counts()
    assert old_after == old_before
    assert placements_after == 2 * placements_before == placements_before + result.placements_copied
    assert breaks_after > breaks_before
    assert generated is not None and generated.created > 1000
    with demo_ws.db.sessions() as s:
        new = s.scalars(select(Placement).where(Placement.start_date >= dt.date(2027, 4, 1))).all()
        assert all(p.end_date == dt.date(2028, 3, 31) for p in new)
        assert all(p.start_date < dt.date(2027, 4, 20) for p in new)
    again, _ = roll_over(demo_ws, 2027, generate_after=False)
    assert again.placements_copied == 0 and again.day_offs_copied == 0


def test_a_busy_or_absent_substitute_is_refused_by_the_core(ws):
    import pytest

    from altdesk.errors import InvalidInput

    ids = _branch(ws)
    visit_id = plan_substitutes(ws, "A1", dt.date(2026, 6, 8), dt.date(2026, 6, 8))[0].visit.visit_id
    with pytest.raises(InvalidInput, match="already has a visit"):
        apply_substitute(ws, visit_id, ids["busy"])  # works at another school that Monday
    with transaction(ws.db.sessions) as s:
        s.add(Absence(branch_id=ws.branch_id, alt_id=ids["veteran"], start_date=dt.date(2026, 6, 8),
                      end_date=dt.date(2026, 6, 8), kind=AbsenceKind.TRAINING))
    with pytest.raises(InvalidInput, match="absent"):
        apply_substitute(ws, visit_id, ids["veteran"])
