"""Conflict rows for the Conflicts panel: resolved ALT and school, and the filter."""

from __future__ import annotations

import datetime as dt

import pytest

from altdesk.db.enums import AbsenceKind
from altdesk.scheduling.conflicts import ConflictKind, Severity
from altdesk.services.absences import AbsenceInput, create_absence
from altdesk.services.conflict_list import ConflictFilter, conflict_rows, list_conflicts, severity_counts
from tests.unit.absence_fixtures import WEEK, busy_alt, double_book, schedule

JUNE = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))


@pytest.fixture
def sched_ws(demo_ws):
    return schedule(demo_ws)


def test_double_booking_row_names_the_alt_and_school(sched_ws):
    alt = busy_alt(sched_ws)
    extra = double_book(sched_ws, alt.visit_ids[1])
    rows = conflict_rows(sched_ws, *JUNE)
    [row] = [r for r in rows if r.kind == ConflictKind.DOUBLE_BOOKING]
    assert (row.alt_id, row.alt_code, row.alt_name, row.date) == (alt.id, alt.code, alt.name, alt.dates[1])
    assert row.severity == Severity.ERROR and extra in row.conflict.visit_ids
    assert row.school_id is not None and row.school_name_ja and row.school_level is not None
    assert "重複" in row.haystack  # the kind's Japanese label is searchable too


def test_filter_by_each_criterion(sched_ws):
    alt = busy_alt(sched_ws)
    double_book(sched_ws, alt.visit_ids[0])
    create_absence(sched_ws, AbsenceInput(alt.id, WEEK[1], WEEK[1], AbsenceKind.SICK))
    rows = conflict_rows(sched_ws, *JUNE)
    kinds = {r.kind for r in rows}
    assert {ConflictKind.DOUBLE_BOOKING, ConflictKind.ABSENT, ConflictKind.CONTRACT_DAYS} <= kinds
    counts = severity_counts(rows)
    assert counts[Severity.ERROR] + counts[Severity.WARNING] == len(rows) and counts[Severity.WARNING] >= 1

    def only(**criteria) -> list:
        return [r for r in rows if ConflictFilter(**criteria).matches(r)]

    assert {r.severity for r in only(severity=Severity.ERROR)} == {Severity.ERROR}
    assert {r.kind for r in only(kind=ConflictKind.ABSENT)} == {ConflictKind.ABSENT}
    mine = only(alt_id=alt.id)
    assert {r.kind for r in mine} == {ConflictKind.DOUBLE_BOOKING, ConflictKind.ABSENT}
    contract = next(r for r in rows if r.kind == ConflictKind.CONTRACT_DAYS)
    assert contract in only(school_id=contract.school_id)
    assert all(r.school_id == contract.school_id for r in only(school_id=contract.school_id))
    # Text matches either language, any case, every word.
    assert set(mine) <= set(only(text=alt.code.lower()))
    assert only(text="病欠") == only(kind=ConflictKind.ABSENT)
    assert only(text="absent sick") == only(kind=ConflictKind.ABSENT)
    assert only(text="no-such-thing") == []
    # Dates: the absence is on Friday the 12th.
    assert only(first=WEEK[1], last=WEEK[1], kind=ConflictKind.ABSENT) == only(kind=ConflictKind.ABSENT)
    assert only(last=WEEK[0], kind=ConflictKind.ABSENT) == []
    # The service applies the same filter.
    assert list_conflicts(sched_ws, *JUNE, ConflictFilter(alt_id=alt.id)) == mine
