"""The Problem read from a branch's database: ALTs, demand rows in force in the window, the
calendar's closed days, absences, last year's placements, pinned (and current) placements, and
the branch's travel-time table and weights."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers
from altdesk.db.branch_settings import load_branch_settings
from altdesk.db.enums import AltStatus
from altdesk.db.models import Absence, Alt, Placement, School, SchoolDemand, TravelTime
from altdesk.planning.travel import TravelTimes
from altdesk.planning.types import (
    WEEKDAY_CODES,
    AltFacts,
    DemandRow,
    Fixed,
    Problem,
    Weights,
    slot,
    slots_of,
)


def week_of(day: dt.date, ref_monday: dt.date) -> int:
    return ((day - ref_monday).days // 7) % 2


def reference_monday(first: dt.date) -> dt.date:
    return first + dt.timedelta(days=(7 - first.weekday()) % 7)


def rule_slots(rrule: str, start: dt.date, ref_monday: dt.date) -> frozenset[int] | None:
    """The fortnight slots a weekly placement rule takes (None: not a weekly rule the planner reads)."""
    parts = dict(p.split("=", 1) for p in rrule.upper().split(";") if "=" in p)
    if parts.get("FREQ") != "WEEKLY" or not parts.get("BYDAY"):
        return None
    interval = int(parts.get("INTERVAL", "1"))
    days = [WEEKDAY_CODES.index(c) for c in parts["BYDAY"].split(",") if c in WEEKDAY_CODES]
    if interval == 1:
        return frozenset(s for w in days for s in slots_of(w))
    if interval == 2:
        week = week_of(start - dt.timedelta(days=start.weekday()), ref_monday)
        return frozenset(slot(w, week) for w in days)
    return None


def weights_of(session: Session, branch_id: int) -> Weights:
    s = load_branch_settings(session, branch_id)
    return Weights(continuity=s.plan_weight_continuity, travel=s.plan_weight_travel, balance=s.plan_weight_balance,
                   schools=s.plan_weight_schools, pairing=s.plan_weight_pairing, target_classes=s.plan_target_classes,
                   max_travel_minutes=s.plan_max_travel_minutes)


def load_problem(session: Session, branch_id: int, first: dt.date, last: dt.date,
                 current_at: dt.date | None = None, leaving: dict[int, dt.date] | None = None) -> tuple[Problem, dict[str, Any]]:
    """The problem over [first, last], and what the loader found: "placements" (id -> Fixed) of
    the placements in the window that are not pinned (those a fiscal-year plan replaces, or for a
    replacement the current ones, in problem.current)."""
    ref = reference_monday(first)
    leaving = leaving or {}
    layers = DayLayers.load(session, branch_id, first, last)
    schools = {s.id: s for s in session.scalars(select(School).where(School.branch_id == branch_id))}
    # Slots of the window: which dates fall on each, and each ALT's absent dates.
    slot_days: dict[int, list[dt.date]] = defaultdict(list)
    day = first
    while day <= last:
        if day.weekday() < 5:
            slot_days[slot(day.weekday(), week_of(day, ref))].append(day)
        day += dt.timedelta(days=1)
    absent: dict[int, set[dt.date]] = defaultdict(set)
    for alt_id, start, end in session.execute(select(Absence.alt_id, Absence.start_date, Absence.end_date).where(
            Absence.branch_id == branch_id, Absence.end_date >= first, Absence.start_date <= last)):
        d = max(start, first)
        while d <= min(end, last):
            absent[alt_id].add(d)
            d += dt.timedelta(days=1)
    last_year: dict[int, set[int]] = defaultdict(set)
    year_before = first - dt.timedelta(days=365)
    for alt_id, school_id in session.execute(select(Placement.alt_id, Placement.school_id).where(
            Placement.branch_id == branch_id, Placement.end_date >= year_before,
            Placement.start_date < first)):
        last_year[alt_id].add(school_id)
    alts: dict[int, AltFacts] = {}
    for a in session.scalars(select(Alt).where(Alt.branch_id == branch_id, Alt.status != AltStatus.LEFT)
                             .order_by(Alt.code)):
        if a.id in leaving or (a.end_date is not None and a.end_date < first):
            continue
        blocked = frozenset(s for s, days in slot_days.items()
                            if days and sum(1 for d in days if d in absent.get(a.id, ())) * 2 > len(days))
        alts[a.id] = AltFacts(
            a.id, a.code, a.display_name, frozenset(a.levels or ()), frozenset(a.preferred_levels or ()),
            a.home_latitude, a.home_longitude, str(a.travel_mode.value if hasattr(a.travel_mode, "value")
                                                   else a.travel_mode or "car"),
            a.weekly_class_limit, a.max_schools, a.start_date if a.start_date and a.start_date > first else None,
            a.end_date, blocked, frozenset(last_year.get(a.id, ())))
    rows: list[DemandRow] = []
    closed_cache: dict[tuple[int | None, dt.date, dt.date], frozenset[int]] = {}
    for d in session.scalars(select(SchoolDemand).where(
            SchoolDemand.branch_id == branch_id, SchoolDemand.start_date <= last,
            (SchoolDemand.end_date.is_(None)) | (SchoolDemand.end_date >= first)).order_by(SchoolDemand.id)):
        school = schools[d.school_id]
        start, end = max(d.start_date, first), min(d.end_date or last, last)
        key = (school.board_id, start, end)
        if key not in closed_cache:
            closed_cache[key] = frozenset(
                s for s, days in slot_days.items()
                if not any(start <= x <= end and layers.is_school_day(x, school.board_id, None) for x in days))
        weekdays = tuple(sorted(WEEKDAY_CODES.index(c) for c in (d.weekdays or []) if c in WEEKDAY_CODES)) or (0, 1, 2, 3, 4)
        rows.append(DemandRow(d.id, school.id, school.code, school.name_en or school.name_ja, school.name_ja,
                              str(school.level.value if hasattr(school.level, "value") else school.level),
                              school.board_id, school.latitude, school.longitude, d.days, d.period_weeks, weekdays,
                              d.classes_per_day, start, end, closed_cache[key]))
    rows_of_school: dict[int, list[DemandRow]] = defaultdict(list)
    for r in rows:
        rows_of_school[r.school_id].append(r)
    fixed: list[Fixed] = []
    found: dict[int, Fixed] = {}
    current: dict[int, dict[int, frozenset[int]]] = defaultdict(dict)
    matched: set[int] = set()
    at = current_at or first
    placements = session.scalars(select(Placement).where(
        Placement.branch_id == branch_id, Placement.end_date >= at, Placement.start_date <= last)
        .order_by(Placement.pinned.desc(), Placement.id)).all()
    for p in placements:
        if p.alt_id in leaving or p.alt_id not in alts:
            continue
        slots = rule_slots(p.rrule, p.start_date, ref)
        if slots is None:
            continue
        interval = 2 if len(slots) and any((s ^ 1) not in slots for s in slots) else 1
        candidates = [r for r in rows_of_school.get(p.school_id, []) if r.id not in matched]
        row = next((r for r in candidates if r.period_weeks == interval), candidates[0] if candidates else None)
        if p.pinned:
            if row is not None:
                matched.add(row.id)
            fixed.append(Fixed(p.alt_id, p.school_id, slots, p.classes_per_day, row.id if row else None, p.id, True))
        elif current_at is not None:
            f = Fixed(p.alt_id, p.school_id, slots, p.classes_per_day, row.id if row else None, p.id)
            found[p.id] = f
            if row is not None:
                matched.add(row.id)
                current[p.alt_id][row.id] = current[p.alt_id].get(row.id, frozenset()) | slots
        else:
            found[p.id] = Fixed(p.alt_id, p.school_id, slots, p.classes_per_day, None, p.id)
    table = {(f, t): m for f, t, m in session.execute(select(TravelTime.from_code, TravelTime.to_code,
                                                             TravelTime.minutes).where(TravelTime.branch_id == branch_id))}
    problem = Problem(first, last, alts, rows, TravelTimes(table), weights_of(session, branch_id), fixed, dict(current))
    return problem, {"placements": found, "ref_monday": ref}
