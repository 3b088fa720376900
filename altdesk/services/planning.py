"""Accepting a plan: the placements it replaces end (or go, when they have not started) and its
new assignments become placements, with their visits generated, in one transaction. The faces
run it as one journalled operation (altdesk.operations.perform), so one undo takes it all back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.engine import transaction
from altdesk.db.enums import SchoolLevel, VisitOrigin
from altdesk.db.models import Placement, School, Visit
from altdesk.db.workspace import Workspace
from altdesk.errors import UserError
from altdesk.planning import Assignment, Plan
from altdesk.planning.load import reference_monday
from altdesk.scheduling.generate import generate
from altdesk.scheduling.recurrence import weekly_rule


@dataclass(frozen=True)
class Applied:
    created: tuple[int, ...]
    ended: tuple[int, ...]
    removed: tuple[int, ...]
    visits: int


def _placements_for(a: Assignment, ref_monday: dt.date, level: str) -> list[dict[str, object]]:
    elementary_like = level in (SchoolLevel.ELEMENTARY.value, SchoolLevel.KINDERGARTEN.value)
    out = []
    for days, interval in a.weekly_pattern():
        start = a.start if interval == 1 else ref_monday + dt.timedelta(days=0 if interval == 2 else 7)
        while start < a.start:
            start += dt.timedelta(days=14)
        if start > a.end:
            continue
        out.append({
            "alt_id": a.alt_id, "school_id": a.school_id, "start_date": start, "end_date": a.end,
            "rrule": weekly_rule(days, abs(interval)), "extra_dates": [], "removed_dates": [],
            "start_time": dt.time(8, 15) if elementary_like else dt.time(8, 20),
            "end_time": dt.time(15, 45) if elementary_like else dt.time(16, 0),
            "periods": "", "classes_per_day": a.classes_per_day, "lunch_mode": None,
            "note": "planner", "pinned": False,
        })
    return out


class EndFacts(Protocol):
    """What the closure needs of a placement the plan ends (EndedPlacement has it)."""

    @property
    def alt_id(self) -> int: ...
    @property
    def school_code(self) -> str: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def last_day(self) -> dt.date: ...


@dataclass(frozen=True)
class _End:
    alt_id: int
    school_code: str
    start: dt.date
    end: dt.date
    last_day: dt.date


def schools_also_needed(plan: Plan, ends: Iterable[EndFacts], schools: Iterable[str]) -> frozenset[str]:
    """The schools (codes) whose changes must be accepted with `schools` so no ALT is booked twice.

    An ALT given a new assignment at an accepted school may have a placement the plan ends at
    another school; if that placement's days left after its last day (last_day+1 .. end, or all of
    it when it goes) overlap the new assignment's dates, that school's changes are needed too, and
    so on for that school's own new assignments until nothing more is needed. The answer holds only
    the schools not in `schools` (empty: the set is closed)."""
    open_ends: dict[int, list[tuple[str, dt.date, dt.date]]] = {}
    for e in ends:
        first = max(e.last_day + dt.timedelta(days=1), e.start)
        if first <= e.end:
            open_ends.setdefault(e.alt_id, []).append((e.school_code, first, e.end))
    new_at: dict[str, list[Assignment]] = {}
    for a in plan.assignments:
        if not a.existing and a.demand_id is not None:
            new_at.setdefault(a.school_code, []).append(a)
    closed = set(schools)
    todo = list(closed)
    while todo:
        code = todo.pop()
        for a in new_at.get(code, ()):
            for other, first, last in open_ends.get(a.alt_id, ()):
                if other not in closed and first <= a.end and a.start <= last:
                    closed.add(other)
                    todo.append(other)
    return frozenset(closed - set(schools))


def _school_list(names: list[tuple[str, str]], lang: str, most: int = 8) -> str:
    shown = [f"{code} {name}".strip() for code, name in names[:most]]
    text = ("、" if lang == "ja" else ", ").join(shown)
    if len(names) > most:
        rest = len(names) - most
        text += f" ほか{rest}校" if lang == "ja" else f" and {rest} more"
    return text


def apply_plan(ws: Workspace, plan: Plan, only_schools: Iterable[str] | None = None) -> Applied:
    """Accept the plan (or only its assignments at `only_schools`, by code) in one transaction.

    A set of schools that would leave an ALT booked twice (a new assignment at one of them while
    the placement the plan ends at another school still runs: see schools_also_needed) is refused
    with a UserError naming the schools it also needs, and nothing changes."""
    wanted = set(only_schools) if only_schools is not None else None
    ref = reference_monday(plan.first)
    created: list[int] = []
    ended: list[int] = []
    removed: list[int] = []
    with transaction(ws.db.sessions) as session:
        levels = {sid: str(lv.value if hasattr(lv, "value") else lv) for sid, lv in session.execute(
            select(School.id, School.level).where(School.branch_id == ws.branch_id))}
        if wanted is not None and plan.ends:
            _refuse_double_booking(session, ws.branch_id, plan, wanted)
        for placement_id, last_day in plan.ends:
            p = session.get(Placement, placement_id)
            if p is None or p.branch_id != ws.branch_id:
                continue
            if wanted is not None and session.get(School, p.school_id).code not in wanted:  # type: ignore[union-attr]
                continue
            if last_day < p.start_date:
                for visit in session.scalars(select(Visit).where(Visit.placement_id == p.id)):
                    if visit.origin == VisitOrigin.GENERATED:
                        session.delete(visit)
                    else:
                        visit.placement_id = None
                session.flush()
                session.delete(p)
                removed.append(placement_id)
            elif p.end_date > last_day:
                old_end = p.end_date
                p.end_date = last_day
                session.flush()
                generate(session, ws.branch_id, last_day + dt.timedelta(days=1), old_end, [p.id], orm=True)
                ended.append(placement_id)
        session.flush()
        for a in plan.assignments:
            if a.existing or a.demand_id is None or (wanted is not None and a.school_code not in wanted):
                continue
            for values in _placements_for(a, ref, levels.get(a.school_id, "")):
                p = Placement(branch_id=ws.branch_id, **values)
                session.add(p)
                session.flush()
                created.append(p.id)
        visits = 0
        if created:
            result = generate(session, ws.branch_id, plan.first, plan.last, created, orm=True)
            visits = result.created if hasattr(result, "created") else 0
        return Applied(tuple(created), tuple(ended), tuple(removed), visits)


def _refuse_double_booking(session: Session, branch_id: int, plan: Plan, wanted: set[str]) -> None:
    """The ends as the database has them now (an end accepted before has no days left to clash)."""
    last_days = dict(plan.ends)
    rows = session.execute(
        select(Placement.alt_id, School.code, Placement.start_date, Placement.end_date, Placement.id)
        .join(School, School.id == Placement.school_id)
        .where(Placement.id.in_(list(last_days)), Placement.branch_id == branch_id)).all()
    ends = [_End(alt_id, code, start, end, last_days[pid]) for alt_id, code, start, end, pid in rows]
    extra = schools_also_needed(plan, ends, wanted)
    if not extra:
        return
    names = {code: (en or ja, ja or en) for code, en, ja in session.execute(
        select(School.code, School.name_en, School.name_ja).where(School.branch_id == branch_id,
                                                                  School.code.in_(sorted(extra))))}
    en = _school_list([(c, names.get(c, ("", ""))[0]) for c in sorted(extra)], "en")
    ja = _school_list([(c, names.get(c, ("", ""))[1]) for c in sorted(extra)], "ja")
    raise UserError(
        f"These changes also need the changes at {en}: an ALT moves between them, and accepting only "
        "some would book the ALT twice. Accept those schools too.",
        f"この変更には {ja} の変更も必要です（ALTが学校間で移ります）。一部だけ承認するとALTが二重に予定されます。"
        "これらの学校も一緒に承認してください。")


# --- What a face shows beside a plan: where everyone is, and what the plan ends ----------------------

@dataclass(frozen=True)
class Place:
    """An ALT's home or a school on the map (latitude/longitude None when not entered)."""

    id: int
    code: str
    name_en: str
    name_ja: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class EndedPlacement:
    """A placement the plan ends (last_day on or after its start) or removes (last_day before it)."""

    id: int
    alt_id: int
    alt_code: str
    school_id: int
    school_code: str
    school_name_en: str
    school_name_ja: str
    weekdays: str  # the rule's days, e.g. "MO,WE"
    start: dt.date
    end: dt.date
    last_day: dt.date

    @property
    def removed(self) -> bool:
        return self.last_day < self.start


@dataclass(frozen=True)
class PlanPlaces:
    alts: dict[int, Place]
    schools: dict[int, Place]
    ends: tuple[EndedPlacement, ...]


def plan_places(ws: Workspace, plan: Plan | None = None) -> PlanPlaces:
    """The branch's ALT homes and schools with their coordinates, and the placements the plan ends
    (none without a plan), read in one session (for the window's map and its list of changes)."""
    from altdesk.db.models import Alt

    with ws.db.sessions() as session:
        alts = {a.id: Place(a.id, a.code, a.display_name, a.display_name, a.home_latitude, a.home_longitude)
                for a in session.scalars(select(Alt).where(Alt.branch_id == ws.branch_id))}
        schools = {s.id: Place(s.id, s.code, s.name_en or s.name_ja, s.name_ja or s.name_en, s.latitude, s.longitude)
                   for s in session.scalars(select(School).where(School.branch_id == ws.branch_id))}
        last_days = dict(plan.ends) if plan is not None else {}
        ends = []
        if last_days:
            for p in session.scalars(select(Placement).where(Placement.id.in_(list(last_days)),
                                                             Placement.branch_id == ws.branch_id)):
                school = schools.get(p.school_id)
                byday = next((part[6:] for part in p.rrule.split(";") if part.startswith("BYDAY=")), "")
                ends.append(EndedPlacement(
                    p.id, p.alt_id, alts[p.alt_id].code if p.alt_id in alts else "", p.school_id,
                    school.code if school else "", school.name_en if school else "", school.name_ja if school else "",
                    byday, p.start_date, p.end_date, last_days[p.id]))
        ends.sort(key=lambda e: (e.school_code, e.alt_code, e.id))
    return PlanPlaces(alts, schools, tuple(ends))
