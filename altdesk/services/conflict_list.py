"""Conflicts as rows for a list: each conflict with its ALT and school resolved (ids, names,
level), and a filter by severity, kind, ALT, school, dates and free text.

The filter is a plain function of a row, so a list can re-filter thousands of conflicts on
every keystroke without checking the schedule again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select

from altdesk.db.enums import SchoolLevel
from altdesk.db.models import Alt, School
from altdesk.scheduling.conflicts import KIND_LABELS, Conflict, ConflictKind, Severity, check_range
from altdesk.services.workspace import Workspace


@dataclass(frozen=True)
class ConflictRow:
    conflict: Conflict
    alt_id: int | None
    alt_name: str
    school_id: int | None
    school_name_ja: str
    school_name_en: str
    school_level: SchoolLevel | None

    @property
    def kind(self) -> ConflictKind:
        return self.conflict.kind

    @property
    def severity(self) -> Severity:
        return self.conflict.severity

    @property
    def date(self) -> dt.date | None:
        return self.conflict.date

    @property
    def alt_code(self) -> str:
        return self.conflict.alt_code or ""

    @property
    def school_code(self) -> str:
        return self.conflict.school_code or ""

    def message(self, lang: str) -> str:
        return self.conflict.message(lang)

    @cached_property
    def haystack(self) -> str:
        """Everything a search may match, in both languages, folded for case."""
        kind_en, kind_ja = KIND_LABELS[self.kind]
        parts = (self.conflict.message_en, self.conflict.message_ja, self.alt_code, self.alt_name,
                 self.school_code, self.school_name_ja, self.school_name_en, kind_en, kind_ja,
                 self.date.isoformat() if self.date else "")
        return "\n".join(parts).casefold()


@dataclass(frozen=True)
class ConflictFilter:
    severity: Severity | None = None
    kind: ConflictKind | None = None
    alt_id: int | None = None
    school_id: int | None = None
    text: str = ""
    first: dt.date | None = None
    last: dt.date | None = None

    def matches(self, row: ConflictRow) -> bool:
        if self.severity is not None and row.severity != self.severity:
            return False
        if self.kind is not None and row.kind != self.kind:
            return False
        if self.alt_id is not None and row.alt_id != self.alt_id:
            return False
        if self.school_id is not None and row.school_id != self.school_id:
            return False
        if row.date is not None:
            if self.first is not None and row.date < self.first:
                return False
            if self.last is not None and row.date > self.last:
                return False
        words = self.text.casefold().split()
        if words:
            haystack = row.haystack
            return all(word in haystack for word in words)
        return True


def conflict_rows(ws: Workspace, first: dt.date, last: dt.date) -> list[ConflictRow]:
    """Every conflict of [first, last] (contracted days for the fiscal years it touches)."""
    with ws.db.sessions() as session:
        conflicts = check_range(session, ws.branch_id, first, last)
        alts = {
            code: (alt_id, f"{given} {family}")
            for alt_id, code, given, family in session.execute(
                select(Alt.id, Alt.code, Alt.given_name, Alt.family_name).where(Alt.branch_id == ws.branch_id)
            )
        }
        schools = {
            code: (school_id, name_ja, name_en or "", SchoolLevel(level))
            for school_id, code, name_ja, name_en, level in session.execute(
                select(School.id, School.code, School.name_ja, School.name_en, School.level)
                .where(School.branch_id == ws.branch_id)
            )
        }
    rows = []
    for conflict in conflicts:
        alt_id, alt_name = alts.get(conflict.alt_code or "", (None, ""))
        school_id, name_ja, name_en, level = schools.get(conflict.school_code or "", (None, "", "", None))
        rows.append(ConflictRow(conflict, alt_id, alt_name, school_id, name_ja, name_en, level))
    return rows


def list_conflicts(ws: Workspace, first: dt.date, last: dt.date,
                   where: ConflictFilter | None = None) -> list[ConflictRow]:
    rows = conflict_rows(ws, first, last)
    return rows if where is None else [r for r in rows if where.matches(r)]


def severity_counts(rows: Iterable[ConflictRow]) -> dict[Severity, int]:
    counts = Counter(r.severity for r in rows)
    return {severity: counts.get(severity, 0) for severity in Severity}
