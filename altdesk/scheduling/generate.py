"""Turning placements into visits over a date range.

Rules: a visit only on a school working day of its school (no weekend, holiday, board
break or closure, school day off, branch closure) and never on a day the ALT is absent;
never two overlapping visits for one ALT (a second school the same day needs the travel
gap); a slot (placement, occurrence date) claimed by a visit a coordinator created or
edited by hand is never regenerated. Running twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, or_, select, update
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers
from altdesk.db.bulk import bulk_insert
from altdesk.db.enums import LunchMode, LunchPolicy, VisitKind, VisitOrigin, VisitStatus
from altdesk.db.models import Absence, Alt, Branch, Placement, School, Visit
from altdesk.lunch.derive import DietFacts, derive_lunch
from altdesk.scheduling.recurrence import occurrences

DEFAULT_TRAVEL_GAP_MINUTES = 30
CHUNK = 900  # stays under SQLite's bound-parameter limit

Progress = Callable[[int, int], bool]


@dataclass
class GenerateResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept_manual: int = 0
    skipped_day_off: int = 0
    skipped_absent: int = 0
    skipped_double_booking: int = 0
    cancelled: bool = False
    skipped_examples: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted


def minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def overlaps(a_start: dt.time, a_end: dt.time, b_start: dt.time, b_end: dt.time, gap: int) -> bool:
    """True when two visits cannot both happen: they overlap or leave less than `gap` minutes."""
    return minutes(a_start) < minutes(b_end) + gap and minutes(b_start) < minutes(a_end) + gap


def travel_gap(session: Session, branch_id: int) -> int:
    settings = session.scalar(select(Branch.settings).where(Branch.id == branch_id)) or {}
    return int(settings.get("travel_gap_minutes", DEFAULT_TRAVEL_GAP_MINUTES))


def absent_days(session: Session, branch_id: int, first: dt.date, last: dt.date) -> set[tuple[int, dt.date]]:
    found: set[tuple[int, dt.date]] = set()
    rows = session.execute(
        select(Absence.alt_id, Absence.start_date, Absence.end_date).where(
            Absence.branch_id == branch_id, Absence.start_date <= last, Absence.end_date >= first
        )
    )
    for alt_id, start, end in rows:
        day = max(start, first)
        while day <= min(end, last):
            found.add((alt_id, day))
            day += dt.timedelta(days=1)
    return found


def diet_facts(session: Session, branch_id: int) -> dict[int, DietFacts]:
    rows = session.execute(
        select(Alt.id, Alt.allergens, Alt.other_allergens, Alt.vegetarian, Alt.vegan, Alt.halal, Alt.gluten_free)
        .where(Alt.branch_id == branch_id)
    )
    return {
        alt_id: DietFacts(tuple(allergens or ()), other or "", veg, vegan, halal, gf)
        for alt_id, allergens, other, veg, vegan, halal, gf in rows
    }


# Fields a generated visit takes from its placement; the select below lists them first, in order.
_COMPARED_PLACEMENT = ("alt_id", "school_id", "start_time", "end_time", "periods", "classes", "lunch_mode")


def generate(
    session: Session,
    branch_id: int,
    first: dt.date,
    last: dt.date,
    placement_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> GenerateResult:
    """Bring generated visits in [first, last] in line with the placements. Caller commits."""
    result = GenerateResult()
    scope = set(placement_ids) if placement_ids is not None else None
    placement_query = select(Placement).where(
        Placement.branch_id == branch_id, Placement.start_date <= last, Placement.end_date >= first
    )
    if scope is not None:
        placement_query = placement_query.where(Placement.id.in_(scope))
    placements = session.scalars(placement_query.order_by(Placement.id)).all()
    schools = {
        sid: (board_id, LunchPolicy(policy))
        for sid, board_id, policy in session.execute(
            select(School.id, School.board_id, School.lunch_policy).where(School.branch_id == branch_id)
        )
    }
    diets = diet_facts(session, branch_id)
    layers = DayLayers.load(session, branch_id, first, last)
    absent = absent_days(session, branch_id, first, last)
    gap = travel_gap(session, branch_id)

    existing = session.execute(
        select(
            Visit.id, Visit.alt_id, Visit.school_id, Visit.start_time, Visit.end_time, Visit.periods,
            Visit.classes, Visit.lunch_mode, Visit.placement_id, Visit.planned_date, Visit.date,
            Visit.origin, Visit.status, Visit.version,
        ).where(
            Visit.branch_id == branch_id,
            or_(Visit.date.between(first, last), Visit.planned_date.between(first, last)),
        )
    ).all()
    claimed: set[tuple[int, dt.date]] = set()
    generated: dict[tuple[int, dt.date], Any] = {}
    orphans: list[int] = []
    busy: dict[tuple[int, dt.date], list[tuple[dt.time, dt.time]]] = defaultdict(list)
    for row in existing:
        in_scope = row.placement_id is not None and (scope is None or row.placement_id in scope)
        if row.origin == VisitOrigin.GENERATED and in_scope and row.planned_date is not None:
            generated[(row.placement_id, row.planned_date)] = row
            continue
        if row.origin == VisitOrigin.GENERATED and row.placement_id is None and scope is None:
            orphans.append(row.id)  # its placement was deleted
            continue
        if row.placement_id is not None and row.planned_date is not None:
            claimed.add((row.placement_id, row.planned_date))
        if row.status not in (VisitStatus.CANCELLED, VisitStatus.COVERED) and first <= row.date <= last:
            busy[(row.alt_id, row.date)].append((row.start_time, row.end_time))

    desired: dict[tuple[int, dt.date], tuple[dict[str, Any], dt.date]] = {}
    total = len(placements)
    for done, placement in enumerate(placements, start=1):
        board_id, policy = schools[placement.school_id]
        lunch = derive_lunch(
            policy, diets.get(placement.alt_id, DietFacts()),
            LunchMode(placement.lunch_mode) if placement.lunch_mode else None,
        ).mode
        # Read the placement's attributes once: ORM attribute access per occurrence adds up.
        pid, alt_id, school_id = placement.id, placement.alt_id, placement.school_id
        start_time, end_time = placement.start_time, placement.end_time
        template = {
            "branch_id": branch_id,
            "alt_id": alt_id,
            "school_id": school_id,
            "placement_id": pid,
            "event_id": None,
            "start_time": start_time,
            "end_time": end_time,
            "periods": placement.periods,
            "classes": placement.classes_per_day,
            "lunch_mode": lunch,
            "lunch_overridden": False,
            "status": VisitStatus.PLANNED,
            "kind": VisitKind.REGULAR,
            "origin": VisitOrigin.GENERATED,
            "needs_reschedule": False,
            "note": "",
            "version": 1,
        }
        for day in occurrences(
            placement.rrule, placement.start_date, placement.end_date, first, last,
            placement.extra_dates or (), placement.removed_dates or (),
        ):
            key = (pid, day)
            if key in claimed:
                result.kept_manual += 1
                continue
            if not layers.is_school_day(day, board_id, school_id):
                result.skipped_day_off += 1
                continue
            if (alt_id, day) in absent:
                result.skipped_absent += 1
                continue
            slots = busy[(alt_id, day)]
            if slots and any(overlaps(start_time, end_time, s, e, gap) for s, e in slots):
                result.skipped_double_booking += 1
                if len(result.skipped_examples) < 20:
                    result.skipped_examples.append(f"placement {pid} on {day.isoformat()}")
                continue
            slots.append((start_time, end_time))
            desired[key] = (template, day)
        if progress is not None and done % 50 == 0 and not progress(done, total):
            result.cancelled = True
            return result  # the caller rolls back: nothing is half-written

    inserts, updates, deletes = [], [], list(orphans)
    for key, (template, day) in desired.items():
        row = generated.pop(key, None)
        if row is None:
            inserts.append({**template, "date": day, "planned_date": day})
            continue
        wanted = tuple(template[n] for n in _COMPARED_PLACEMENT)
        if row.date != day or tuple(row[1:8]) != wanted:
            values = dict(zip(_COMPARED_PLACEMENT, wanted, strict=True))
            updates.append({"id": row.id, "date": day, **values, "version": row.version + 1})
        else:
            result.unchanged += 1
    deletes.extend(row.id for row in generated.values())  # slots no longer produced

    for start in range(0, len(deletes), CHUNK):
        session.execute(delete(Visit).where(Visit.id.in_(deletes[start:start + CHUNK])))
    if updates:
        table = Visit.__table__
        columns = ("date", *_COMPARED_PLACEMENT, "version")
        session.connection().execute(
            update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in columns}),
            [{"_id": u["id"], **{c: u[c] for c in columns}} for u in updates],
        )
    if inserts:
        bulk_insert(session.connection(), Visit.__table__, inserts)
    result.created, result.updated, result.deleted = len(inserts), len(updates), len(deletes)
    if progress is not None:
        progress(total, total)
    return result


def fiscal_year_of(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(fiscal_year, 4, 1), dt.date(fiscal_year + 1, 3, 31)


def branch_date_span(session: Session, branch_id: int) -> tuple[dt.date, dt.date] | None:
    """The span the placements cover, for `generate` with no dates."""
    from sqlalchemy import func

    row = session.execute(
        select(func.min(Placement.start_date), func.max(Placement.end_date)).where(
            Placement.branch_id == branch_id
        )
    ).one()
    return (row[0], row[1]) if row[0] is not None else None

