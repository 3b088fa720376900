"""Turning placements into visits over a date range.

Rules: a visit only on a school working day of its school (no weekend, holiday, board
break or closure, school day off, branch closure) and never on a day the ALT is absent;
never two overlapping visits for one ALT (a second school the same day needs the travel
gap); a slot (placement, occurrence date) claimed by a visit a coordinator created or
edited by hand is never regenerated. Running twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import CompoundSelect, Select, bindparam, delete, or_, select, union, update
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers
from altdesk.dates import fiscal_year_bounds, fiscal_year_of  # noqa: F401 - also imported from here
from altdesk.db.audit import record_bulk
from altdesk.db.branch_settings import load_branch_settings
from altdesk.db.bulk import RowEncoder, all_rows, collector_paused, insert_encoded, stored
from altdesk.db.enums import AuditAction, LunchMode, LunchPolicy, VisitKind, VisitOrigin, VisitStatus
from altdesk.db.models import Absence, Placement, School, Visit
from altdesk.lunch.derive import DietFacts, derive_lunch, diet_facts
from altdesk.scheduling.recurrence import occurrences

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
    return load_branch_settings(session, branch_id).travel_gap_minutes


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


# Fields a generated visit takes from its placement, in the order the comparison uses.
_COMPARED_PLACEMENT = ("alt_id", "school_id", "start_time", "end_time", "periods", "classes", "lunch_mode")
# Columns of an inserted visit: what every visit of one placement shares, then its dates.
_FIXED_COLUMNS = (
    "branch_id", "placement_id", "event_id", *_COMPARED_PLACEMENT, "lunch_overridden", "status", "kind",
    "origin", "needs_reschedule", "note", "version",
)
_INSERT_COLUMNS = (*_FIXED_COLUMNS, "date", "planned_date")


@dataclass
class _Slots:
    """Generated visits of one placement: the values they share, stored and as Python values."""

    placement_id: int
    wanted: tuple[Any, ...]  # the _COMPARED_PLACEMENT values
    encoded: tuple[Any, ...]  # the _FIXED_COLUMNS values as the driver stores them


def generate(
    session: Session,
    branch_id: int,
    first: dt.date,
    last: dt.date,
    placement_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    *,
    orm: bool = False,
) -> GenerateResult:
    """Bring generated visits in [first, last] in line with the placements. Caller commits.

    `orm`: write each visit through the Session (one audit row per visit, so the operation can be
    undone exactly: a person's edit of one placement or event); otherwise bulk statements (a
    whole year's generate, an import), which the audit log records as one summary per table."""
    # A year is ~57,000 rows of plain tuples: no cycle collection while they are built (on the
    # desktop's worker, each full collection would also hold up the window).
    with collector_paused():
        return _generate(session, branch_id, first, last, placement_ids, progress, orm)


def _generate(
    session: Session,
    branch_id: int,
    first: dt.date,
    last: dt.date,
    placement_ids: Iterable[int] | None,
    progress: Progress | None,
    orm: bool = False,
) -> GenerateResult:
    result = GenerateResult()
    scope = set(placement_ids) if placement_ids is not None else None
    session.flush()  # the Core queries below do not autoflush: pending placement edits must be seen
    connection = session.connection()
    # Plain rows, no ORM objects: a large branch has ~800 placements and ~57,000 visits a year.
    placement_query = select(
        Placement.id, Placement.alt_id, Placement.school_id, Placement.start_date, Placement.end_date,
        Placement.rrule, Placement.extra_dates, Placement.removed_dates, Placement.start_time, Placement.end_time,
        Placement.periods, Placement.classes_per_day, Placement.lunch_mode,
    ).where(Placement.branch_id == branch_id, Placement.start_date <= last, Placement.end_date >= first)
    if scope is not None:
        placement_query = placement_query.where(Placement.id.in_(scope))
    placements = connection.execute(placement_query.order_by(Placement.id)).all()
    schools = {
        sid: (board_id, LunchPolicy(policy))
        for sid, board_id, policy in connection.execute(
            select(School.id, School.board_id, School.lunch_policy).where(School.branch_id == branch_id)
        )
    }
    diets = diet_facts(session, branch_id)
    layers = DayLayers.load(session, branch_id, first, last)
    absent = absent_days(session, branch_id, first, last)
    gap = travel_gap(session, branch_id)

    # Enum columns come back as their stored text: they are only compared (a str enum member
    # equals its text), so no conversion per row.
    columns = (
        Visit.id, Visit.alt_id, Visit.school_id, Visit.start_time, Visit.end_time, Visit.periods,
        Visit.classes, stored(Visit.lunch_mode), Visit.placement_id, Visit.planned_date, Visit.date,
        stored(Visit.origin), stored(Visit.status), Visit.version,
    )
    in_range = or_(Visit.date.between(first, last), Visit.planned_date.between(first, last))
    existing_query: Select[Any] | CompoundSelect = select(*columns).where(Visit.branch_id == branch_id, in_range)
    if scope is not None:
        # Only what the scope's visits can meet: the scope's own visits (generated, or made by
        # hand in one of its slots, whoever the ALT) and its ALTs' other visits (double bookings),
        # each read through its own index. Saving one placement of a large branch reads a few
        # hundred rows, not the year's 57,000.
        # Neither select names the branch, so that SQLite picks the placement's and the ALTs'
        # indexes rather than scanning the branch's dates: the scope is narrowed to this branch's
        # placements instead, and an ALT's visits are all in the ALT's branch.
        own_placements = set(connection.scalars(
            select(Placement.id).where(Placement.branch_id == branch_id, Placement.id.in_(scope))))
        scope_alts = {row.alt_id for row in placements}
        existing_query = union(
            select(*columns).where(Visit.placement_id.in_(own_placements), in_range),
            select(*columns).where(Visit.alt_id.in_(scope_alts), Visit.date.between(first, last)),
        )
    existing = all_rows(connection.execute(existing_query))
    claimed: set[tuple[int, dt.date]] = set()
    generated: dict[tuple[int, dt.date], Any] = {}
    orphans: list[int] = []
    busy: dict[tuple[int, dt.date], list[tuple[dt.time, dt.time]]] = {}
    generated_origin, inactive = VisitOrigin.GENERATED, (VisitStatus.CANCELLED, VisitStatus.COVERED)
    for row in existing:
        visit_id, alt_id, _school, start_time, end_time = row[:5]
        placement_id, planned_date, day, origin, status = row[8:13]
        in_scope = placement_id is not None and (scope is None or placement_id in scope)
        if origin == generated_origin and in_scope and planned_date is not None:
            generated[(placement_id, planned_date)] = row
            continue
        if origin == generated_origin and placement_id is None and scope is None:
            orphans.append(visit_id)  # its placement was deleted
            continue
        if placement_id is not None and planned_date is not None:
            claimed.add((placement_id, planned_date))
        if status not in inactive and first <= day <= last:
            busy.setdefault((alt_id, day), []).append((start_time, end_time))

    encoder = RowEncoder(connection.dialect, Visit.__table__, _INSERT_COLUMNS)
    date_index = len(_FIXED_COLUMNS)
    is_school_day = layers.is_school_day
    no_diet = DietFacts()
    dates_of: dict[tuple[Any, ...], list[dt.date]] = {}  # placements share a handful of rules
    desired: dict[tuple[int, dt.date], _Slots] = {}
    total = len(placements)
    for done, (pid, alt_id, school_id, start_date, end_date, rule, extra, removed, start_time, end_time,
               periods, classes, placement_lunch) in enumerate(placements, start=1):
        board_id, policy = schools[school_id]
        lunch = derive_lunch(
            policy, diets.get(alt_id, no_diet), LunchMode(placement_lunch) if placement_lunch else None,
        ).mode
        wanted = (alt_id, school_id, start_time, end_time, periods, classes, lunch)
        slots_of = _Slots(pid, wanted, encoder.part(0, (
            branch_id, pid, None, *wanted, False, VisitStatus.PLANNED, VisitKind.REGULAR, VisitOrigin.GENERATED,
            False, "", 1,
        )))
        rule_key = (rule, start_date, end_date, tuple(extra or ()), tuple(removed or ()))
        days = dates_of.get(rule_key)
        if days is None:
            days = dates_of[rule_key] = occurrences(rule, start_date, end_date, first, last, rule_key[3], rule_key[4])
        start_minutes, end_minutes = minutes(start_time), minutes(end_time)
        for day in days:
            key = (pid, day)
            if key in claimed:
                result.kept_manual += 1
                continue
            if not is_school_day(day, board_id, school_id):
                result.skipped_day_off += 1
                continue
            if (alt_id, day) in absent:
                result.skipped_absent += 1
                continue
            slots = busy.get((alt_id, day))
            if slots is None:
                busy[(alt_id, day)] = [(start_time, end_time)]
            elif any(start_minutes < minutes(e) + gap and minutes(s) < end_minutes + gap for s, e in slots):
                result.skipped_double_booking += 1
                if len(result.skipped_examples) < 20:
                    result.skipped_examples.append(f"placement {pid} on {day.isoformat()}")
                continue
            else:
                slots.append((start_time, end_time))
            desired[key] = slots_of
        if progress is not None and done % 50 == 0 and not progress(done, total):
            result.cancelled = True
            return result  # the caller rolls back: nothing is half-written

    inserts: list[tuple[Any, ...]] = []
    new_visits: list[tuple[_Slots, dt.date]] = []  # the inserts as Python values (orm)
    updates, deletes = [], list(orphans)
    pop = generated.pop
    encode_day = encoder.column(date_index)
    for key, slots_of in desired.items():
        row = pop(key, None)
        day = key[1]
        if row is None:
            stored_day = encode_day(day)
            inserts.append((*slots_of.encoded, stored_day, stored_day))
            new_visits.append((slots_of, day))
            continue
        wanted = slots_of.wanted
        if row[10] != day or tuple(row[1:8]) != wanted:
            values = dict(zip(_COMPARED_PLACEMENT, wanted, strict=True))
            updates.append({"id": row[0], "date": day, **values, "version": row[13] + 1})
        else:
            result.unchanged += 1
    deletes.extend(row[0] for row in generated.values())  # slots no longer produced

    if orm:
        _write_orm(session, branch_id, new_visits, updates, deletes)
        result.created, result.updated, result.deleted = len(inserts), len(updates), len(deletes)
        if progress is not None:
            progress(total, total)
        return result
    for start in range(0, len(deletes), CHUNK):
        session.execute(delete(Visit).where(Visit.id.in_(deletes[start:start + CHUNK])))
    if updates:
        table = Visit.__table__
        columns = ("date", *_COMPARED_PLACEMENT, "version")
        connection.execute(
            update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in columns}),
            [{"_id": u["id"], **{c: u[c] for c in columns}} for u in updates],
        )
        record_bulk(session, AuditAction.UPDATE, "visit", len(updates))  # bypasses Session events
    if inserts:
        insert_encoded(connection, encoder, inserts)
        record_bulk(session, AuditAction.CREATE, "visit", len(inserts))
    result.created, result.updated, result.deleted = len(inserts), len(updates), len(deletes)
    if progress is not None:
        progress(total, total)
    return result


def _write_orm(session: Session, branch_id: int, new_visits: list[tuple[_Slots, dt.date]],
               updates: list[dict[str, Any]], deletes: list[int]) -> None:
    """The generate's writes through the Session: each visit audited with its values."""
    ids = [u["id"] for u in updates] + deletes
    loaded: dict[int, Visit] = {}
    for start in range(0, len(ids), CHUNK):
        for visit in session.scalars(select(Visit).where(Visit.id.in_(ids[start:start + CHUNK]))):
            loaded[visit.id] = visit
    for visit_id in deletes:
        session.delete(loaded[visit_id])
    for values in updates:
        visit = loaded[values["id"]]
        for key in ("date", *_COMPARED_PLACEMENT):
            if getattr(visit, key) != values[key]:
                setattr(visit, key, values[key])
    for slots_of, day in new_visits:
        session.add(Visit(branch_id=branch_id, placement_id=slots_of.placement_id, event_id=None,
                          **dict(zip(_COMPARED_PLACEMENT, slots_of.wanted, strict=True)), lunch_overridden=False,
                          status=VisitStatus.PLANNED, kind=VisitKind.REGULAR, origin=VisitOrigin.GENERATED,
                          needs_reschedule=False, note="", date=day, planned_date=day))
    session.flush()


def branch_date_span(session: Session, branch_id: int) -> tuple[dt.date, dt.date] | None:
    """The span the placements cover, for `generate` with no dates."""
    from sqlalchemy import func

    row = session.execute(
        select(func.min(Placement.start_date), func.max(Placement.end_date)).where(
            Placement.branch_id == branch_id
        )
    ).one()
    return (row[0], row[1]) if row[0] is not None else None

