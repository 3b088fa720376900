"""Read models for the calendar: the month board (ALTs x days), the month grid and the week agenda.

One query per view with plain columns (no ORM objects): the board of 300 ALTs for a month is
a few thousand tuples, built in tens of milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Select, select

from altdesk.calendar.day_layers import DayLayers
from altdesk.dates import month_range  # noqa: F401 - the board's pages import it from here
from altdesk.db.bulk import Decoded, collector_paused, members, stored
from altdesk.db.enums import AbsenceKind, LunchMode, SchoolLevel, VisitKind, VisitStatus
from altdesk.db.models import Absence, Alt, Board, School, Visit
from altdesk.scheduling.conflicts import check_range
from altdesk.services.workspace import Workspace


@dataclass(frozen=True)
class BoardFilter:
    alt_ids: frozenset[int] = frozenset()
    school_ids: frozenset[int] = frozenset()
    board_ids: frozenset[int] = frozenset()
    levels: frozenset[SchoolLevel] = frozenset()
    text: str = ""

    def is_empty(self) -> bool:
        return not (self.alt_ids or self.school_ids or self.board_ids or self.levels or self.text.strip())


class VisitCell(NamedTuple):  # a tuple: thousands are built per month switch
    visit_id: int
    version: int
    alt_id: int
    school_id: int
    school_code: str
    short_name: str
    name_ja: str
    name_en: str
    level: SchoolLevel
    lunch_mode: LunchMode
    status: VisitStatus
    kind: VisitKind
    start_time: dt.time
    end_time: dt.time
    periods: str
    classes: int
    needs_reschedule: bool


@dataclass
class BoardRow:
    alt_id: int
    code: str
    name: str
    kana: str
    # The row's visits as read (date, then start order) and what turns them into cells: a board
    # of 300 ALTs shows some 25 rows at a time, so each row's cells are made when first asked for.
    stored: list[Any] = field(default_factory=list, repr=False)
    decoder: CellDecoder | None = field(default=None, repr=False)
    absences: dict[dt.date, AbsenceKind] = field(default_factory=dict)  # the ALT's days away, with why

    @cached_property
    def cells(self) -> dict[dt.date, list[VisitCell]]:
        """Day -> the ALT's visits that day, in start order."""
        return self.decoder.cells(self.stored) if self.decoder is not None else {}

    @cached_property
    def week_classes(self) -> dict[dt.date, int]:
        """Monday -> classes planned or confirmed that week. Worked out when the row is first
        shown: most of a 300-ALT board is never scrolled to."""
        weeks: dict[dt.date, int] = {}
        for day, visits in self.cells.items():
            classes = sum(v.classes for v in visits if v.status in _COUNTED)
            if classes:
                monday = day - dt.timedelta(days=day.weekday())
                weeks[monday] = weeks.get(monday, 0) + classes
        return weeks

    @property
    def month_classes(self) -> int:
        return sum(v.classes for visits in self.cells.values() for v in visits if v.status in _COUNTED)

    @property
    def month_days(self) -> int:
        return sum(1 for visits in self.cells.values() if any(v.status in _COUNTED for v in visits))


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    weekend: bool
    label_ja: str  # national holiday or branch closure, "" on an ordinary day
    label_en: str


@dataclass
class MonthBoard:
    first: dt.date
    last: dt.date
    days: list[DayInfo]
    rows: list[BoardRow]

    def visit_count(self) -> int:
        return sum(len(row.stored) for row in self.rows)  # without making every row's cells


_COUNTED = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)
_LEVELS = members(SchoolLevel)
_LUNCH_MODES = members(LunchMode)
_STATUSES = members(VisitStatus)
_KINDS = members(VisitKind)


def _day_infos(layers: DayLayers, first: dt.date, last: dt.date) -> list[DayInfo]:
    days = []
    day = first
    while day <= last:
        label = layers.holidays.get(day) or layers.branch.get(day)
        days.append(DayInfo(day, day.weekday() >= 5, label.name_ja if label else "", label.name_en if label else ""))
        day += dt.timedelta(days=1)
    return days


def board_visit_query(branch_id: int, first: dt.date, last: dt.date) -> Select:
    """A branch's visits between two dates in date order, as the board reads them (every column
    is in the covering index ix_visit_branch_date_covering: no table lookups)."""
    return (
        select(Visit.id, Visit.version, Visit.alt_id, Visit.school_id, stored(Visit.lunch_mode),
               stored(Visit.status), stored(Visit.kind), stored(Visit.start_time), stored(Visit.end_time),
               Visit.periods, Visit.classes, Visit.needs_reschedule, stored(Visit.date))
        .where(Visit.branch_id == branch_id, Visit.date.between(first, last))
        .order_by(Visit.date, Visit.start_time)
    )


def month_board(ws: Workspace, first: dt.date, last: dt.date, flt: BoardFilter = BoardFilter(),
                include_cancelled: bool = True) -> MonthBoard:
    """Rows of ALTs (those matching the filter) with their visits per day between first and last."""
    with ws.db.sessions() as session:
        connection = session.connection()
        layers = DayLayers.load(session, ws.branch_id, first, last)
        alt_query = select(Alt.id, Alt.code, Alt.given_name, Alt.family_name, Alt.kana).where(
            Alt.branch_id == ws.branch_id)
        if flt.alt_ids:
            alt_query = alt_query.where(Alt.id.in_(flt.alt_ids))
        alts = connection.execute(alt_query.order_by(Alt.code)).all()
        # Schools once, visits without the join: each cell shares its school's strings.
        school_query = select(School.id, School.code, School.short_name_ja, School.name_ja, School.name_en,
                              stored(School.level)).where(School.branch_id == ws.branch_id)
        if flt.board_ids:
            school_query = school_query.where(School.board_id.in_(flt.board_ids))
        if flt.levels:
            school_query = school_query.where(School.level.in_([level.value for level in flt.levels]))
        levels = _LEVELS
        schools = {
            school_id: (code, short_name or name_ja, name_ja, name_en, levels[level])
            for school_id, code, short_name, name_ja, name_en, level in connection.execute(school_query)
        }
        visit_query = board_visit_query(ws.branch_id, first, last)
        if flt.school_ids:
            visit_query = visit_query.where(Visit.school_id.in_(flt.school_ids))
        if not include_cancelled:
            visit_query = visit_query.where(Visit.status != VisitStatus.CANCELLED.value)
        visits = connection.execute(visit_query).all()
        absences = connection.execute(
            select(Absence.alt_id, stored(Absence.start_date), stored(Absence.end_date), stored(Absence.kind))
            .where(Absence.branch_id == ws.branch_id, Absence.start_date <= last, Absence.end_date >= first)).all()
    rows = {a.id: BoardRow(a.id, a.code, f"{a.given_name} {a.family_name}", a.kana) for a in alts}
    _add_absences(rows, absences, first, last)
    narrowing_by_school = bool(flt.school_ids or flt.board_ids or flt.levels)
    seen_alts: set[int] = set()
    decoder = CellDecoder(schools)
    # Grouped by ALT in C (a stable sort keeps each ALT's visits in date and start order).
    with collector_paused():
        for alt_id, group in groupby(sorted(visits, key=_ALT_OF), key=_ALT_OF):
            row = rows.get(alt_id)
            if row is None:  # an ALT the filter leaves out
                continue
            stored_visits = list(group)
            if narrowing_by_school:  # only the visits to the chosen schools
                stored_visits = [v for v in stored_visits if v[3] in schools]
                if stored_visits:
                    seen_alts.add(alt_id)
            row.stored, row.decoder = stored_visits, decoder
    days = _day_infos(layers, first, last)
    result_rows = list(rows.values())
    if narrowing_by_school:  # show only the ALTs who go to the chosen schools
        result_rows = [r for r in result_rows if r.alt_id in seen_alts]
    text = flt.text.strip().lower()
    if text:
        result_rows = [r for r in result_rows if _row_matches(r, text)]
    return MonthBoard(first, last, days, result_rows)


_ALT_OF = itemgetter(2)  # the ALT's id in a row of board_visit_query


def _add_absences(rows: dict[int, BoardRow], absences: list[Any], first: dt.date, last: dt.date) -> None:
    """Each absence's days within [first, last] on its ALT's row (a few per month: no index needed)."""
    kinds = members(AbsenceKind)
    for alt_id, start, end, kind in absences:
        row = rows.get(alt_id)
        if row is None:
            continue
        day = max(first, dt.date.fromisoformat(str(start)))
        until = min(last, dt.date.fromisoformat(str(end)))
        while day <= until:
            row.absences[day] = kinds[kind]
            day += dt.timedelta(days=1)


class CellDecoder:
    """Turns a row's stored visits into cells: enum texts to members, dates and times parsed once
    per distinct text, each cell sharing its school's strings."""

    def __init__(self, schools: dict[int, tuple[str, str, str, str, SchoolLevel]]) -> None:
        self.schools = schools
        self.dates = Decoded(dt.date.fromisoformat)
        self.times = Decoded(dt.time.fromisoformat)

    def cells(self, stored_visits: list[Any]) -> dict[dt.date, list[VisitCell]]:
        schools, dates, times = self.schools, self.dates, self.times
        lunch_modes, statuses, kinds = _LUNCH_MODES, _STATUSES, _KINDS
        new_cell = tuple.__new__  # VisitCell's own __new__ is a Python function; this skips that call
        by_day: dict[dt.date, list[VisitCell]] = {}
        for (visit_id, version, alt_id, school_id, lunch, status, kind, start, end, periods, classes, reschedule,
             stored_day) in stored_visits:
            school = schools.get(school_id)
            if school is None:  # a school the filter leaves out
                continue
            code, short_name, name_ja, name_en, level = school
            cell = new_cell(VisitCell, (visit_id, version, alt_id, school_id, code, short_name, name_ja, name_en,
                                        level, lunch_modes[lunch], statuses[status], kinds[kind], times[start],
                                        times[end], periods, classes, reschedule))
            day = dates[stored_day]
            cells = by_day.get(day)
            if cells is None:
                by_day[day] = [cell]
            else:
                cells.append(cell)
        return by_day


def _row_matches(row: BoardRow, text: str) -> bool:
    if text in row.code.lower() or text in row.name.lower() or text in row.kana:
        return True
    return any(text in c.short_name.lower() or text in c.name_ja or text in c.name_en.lower()
               or text in c.school_code.lower() for visits in row.cells.values() for c in visits)


def conflict_visit_ids(ws: Workspace, first: dt.date, last: dt.date) -> dict[int, list[str]]:
    """Visit id -> conflict kinds, for badges (computed on a worker, after the board shows)."""
    with ws.db.sessions() as session:
        found: dict[int, list[str]] = defaultdict(list)
        for conflict in check_range(session, ws.branch_id, first, last, contracts=False):
            for visit_id in conflict.visit_ids:
                found[visit_id].append(conflict.kind.value)
        return dict(found)


@dataclass(frozen=True)
class FilterChoices:
    alts: list[tuple[int, str]]  # id, "A0001 Emily Smith"
    schools: list[tuple[int, str, str]]  # id, "S0001 name_ja", "S0001 name_en"
    boards: list[tuple[int, str, str]]


def filter_choices(ws: Workspace) -> FilterChoices:
    with ws.db.sessions() as session:
        connection = session.connection()
        alts = [(r.id, f"{r.code} {r.given_name} {r.family_name}") for r in connection.execute(
            select(Alt.id, Alt.code, Alt.given_name, Alt.family_name).where(Alt.branch_id == ws.branch_id)
            .order_by(Alt.code))]
        schools = [(r.id, f"{r.code} {r.name_ja}", f"{r.code} {r.name_en or r.name_ja}") for r in connection.execute(
            select(School.id, School.code, School.name_ja, School.name_en).where(School.branch_id == ws.branch_id)
            .order_by(School.code))]
        boards = [(r.id, r.name_ja, r.name_en or r.name_ja) for r in connection.execute(
            select(Board.id, Board.name_ja, Board.name_en).where(Board.branch_id == ws.branch_id)
            .order_by(Board.code))]
    return FilterChoices(alts, schools, boards)
