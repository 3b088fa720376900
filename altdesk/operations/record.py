"""What one operation changed: its rows, as a net change per record, and the ChangeRecord a face
refreshes from (the rows, the months they touch, the topics pages listen for)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# Which pages care about a table: the words the window's pages already listen for.
TOPICS: dict[str, str] = {
    "visit": "visits",
    "alt": "alts",
    "school": "schools",
    "bell_period": "schools",
    "placement": "placements",
    "absence": "absences",
    "school_event": "events",
    "event_attendee": "events",
    "day_off": "day_offs",
    "holiday_override": "holidays",
    "board": "boards",
    "branch": "branch",
    "closed_month": "months",
}

# Tables whose rows show only on the days they name (a visit's date, an absence's span): a
# change to one of them changes only its months. Any other row (an ALT's or a school's name, an
# event's attendance) may show in every month.
DATED = frozenset({"visit", "absence", "school_event", "day_off", "holiday_override", "placement"})

CREATE, UPDATE, DELETE = "create", "update", "delete"
_RANGE_STARTS = {"start_date": "end_date"}  # a record spanning days touches every month between
_MAX_SPAN_MONTHS = 36

NOT_UNDOABLE_EN = "It changed many rows at once (a generate, an import or a rollover), which the journal does not replay."
NOT_UNDOABLE_JA = "多数の行を一括で変更した操作（生成・取り込み・年度更新など）のため、元に戻せません。"


@dataclass(frozen=True)
class RowChange:
    """One record an operation created, changed or deleted (its net change over the operation)."""

    entity: str  # the table name, e.g. "visit"
    id: int
    action: str  # "create", "update" or "delete"


@dataclass(frozen=True)
class ChangeRecord:
    """What one operation changed, for the faces: which records, which months, which topics.

    `operation_id` is None when the call wrote nothing (no operation was journalled)."""

    operation_id: int | None
    text_en: str
    text_ja: str
    rows: tuple[RowChange, ...] = ()
    months: tuple[str, ...] = ()  # "YYYY-MM", sorted
    topics: frozenset[str] = frozenset()
    undoable: bool = True

    def text(self, lang: str = "en") -> str:
        return self.text_ja if lang == "ja" and self.text_ja else self.text_en

    def month_dates(self) -> tuple[dt.date, ...]:
        """The months as their first days."""
        return tuple(dt.date(int(m[:4]), int(m[5:7]), 1) for m in self.months)

    def touches(self, first: dt.date | None, last: dt.date | None) -> bool:
        """Whether this change can alter a view of the days first..last (None: no bound). True
        when it cannot tell: no records named (a bulk change), a record of a table that is not
        dated (see DATED), or no months."""
        if not self.rows or not self.months or any(r.entity not in DATED for r in self.rows):
            return True
        low = f"{first.year:04d}-{first.month:02d}" if first is not None else "0000-00"
        high = f"{last.year:04d}-{last.month:02d}" if last is not None else "9999-99"
        return any(low <= month <= high for month in self.months)

    def ids(self, entity: str) -> frozenset[int]:
        return frozenset(r.id for r in self.rows if r.entity == entity)


@dataclass
class NetChange:
    """A record's change over a whole operation: `before` is None for a created record, `after`
    None for a deleted one; for an update both hold only the columns that changed."""

    entity: str
    id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def action(self) -> str:
        if self.before is None:
            return CREATE
        return DELETE if self.after is None else UPDATE

    def inverse(self) -> NetChange:
        return NetChange(self.entity, self.id, self.after, self.before)


def net_changes(rows: Iterable[tuple[str, str, int | None, dict[str, Any] | None, dict[str, Any] | None]]
                ) -> list[NetChange] | None:
    """Per record, what the operation's audit rows (action, entity, id, before, after; in the
    order written) add up to. None when a row names no record (a bulk statement)."""
    found: dict[tuple[str, int], list[Any]] = {}  # key -> [start, end, existed_before, full_start]
    order: list[tuple[str, int]] = []
    for action, entity, entity_id, before, after in rows:
        if action not in (CREATE, UPDATE, DELETE):
            continue  # an export or import event: not a row change
        if entity_id is None:
            return None
        key = (entity, entity_id)
        entry = found.get(key)
        if entry is None:
            order.append(key)
            if action == CREATE:
                entry = found[key] = [None, dict(after or {})]
            elif action == UPDATE:
                entry = found[key] = [dict(before or {}), dict(after or {})]
            else:
                entry = found[key] = [dict(before or {}), None]
            continue
        start, end = entry
        if action == CREATE:
            entry[1] = dict(after or {}) if end is None else {**end, **(after or {})}
        elif action == UPDATE:
            if start is not None:
                for column, value in (before or {}).items():
                    start.setdefault(column, value)  # the earliest value before the operation
            entry[1] = {**(end or {}), **(after or {})}
        else:  # DELETE: the whole row as it was just before, under the values the operation started from
            if start is not None:
                entry[0] = {**(before or {}), **start}
            entry[1] = None
    changes: list[NetChange] = []
    for key in order:
        start, end = found[key]
        if start is None and end is None:
            continue  # created and deleted within the operation
        if start is not None and end is not None:
            columns = sorted(c for c in set(start) | set(end) if start.get(c) != end.get(c) and c != "version")
            if not columns:
                continue
            start = {c: start.get(c) for c in columns}
            end = {c: end.get(c) for c in columns}
        changes.append(NetChange(key[0], key[1], start, end))
    return changes


def _month(value: Any) -> tuple[int, int] | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day.year, day.month


def months_of(values: Iterable[dict[str, Any] | None]) -> set[str]:
    """The months named by date values ("YYYY-MM-DD" strings); a start_date..end_date span counts
    every month between (up to three years)."""
    months: set[tuple[int, int]] = set()
    for row in values:
        if not row:
            continue
        for key, value in row.items():
            month = _month(value)
            if month is None:
                continue
            months.add(month)
            end_key = _RANGE_STARTS.get(key)
            end = _month(row.get(end_key)) if end_key else None
            if end is not None and end >= month:
                year, mon = month
                for _ in range(_MAX_SPAN_MONTHS):
                    if (year, mon) > end:
                        break
                    months.add((year, mon))
                    year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return {f"{y:04d}-{m:02d}" for y, m in months}


def topics_of(entities: Iterable[str]) -> frozenset[str]:
    return frozenset(TOPICS[e] for e in entities if e in TOPICS)
