"""The board's read model: each visit in its ALT's row on its day, as stored, with week totals."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select

from altdesk.db.enums import VisitStatus
from altdesk.db.models import Visit
from altdesk.services.calendar_view import BoardFilter, month_board, month_range

COUNTED = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)


def test_every_visit_of_the_month_is_in_its_row_and_day_as_stored(scheduled_ws):
    first, last = month_range(2026, 6)
    board = month_board(scheduled_ws, first, last)
    with scheduled_ws.db.sessions() as session:
        stored = session.scalars(select(Visit).where(Visit.branch_id == scheduled_ws.branch_id,
                                                     Visit.date.between(first, last))).all()
        expected = {v.id: (v.alt_id, v.date, v.start_time, v.end_time, v.status, v.version) for v in stored}
        # Make one visit cancelled, so the week totals have something to leave out.
        cancelled = stored[0]
        cancelled.status = VisitStatus.CANCELLED
        session.commit()
        expected[cancelled.id] = (*expected[cancelled.id][:4], VisitStatus.CANCELLED, cancelled.version)
    board = month_board(scheduled_ws, first, last)
    assert len(expected) > 100 and board.visit_count() == len(expected)
    found = {}
    for row in board.rows:
        for day, visits in row.cells.items():
            assert type(day) is dt.date
            assert [v.start_time for v in visits] == sorted(v.start_time for v in visits)
            for v in visits:
                assert type(v.start_time) is dt.time and type(v.end_time) is dt.time
                found[v.visit_id] = (row.alt_id, day, v.start_time, v.end_time, v.status, v.version)
    assert found == expected

    # Week totals: the classes of planned and confirmed visits, by the week's Monday.
    weeks: dict[tuple[int, dt.date], int] = defaultdict(int)
    for row in board.rows:
        for day, visits in row.cells.items():
            for v in visits:
                if v.status in COUNTED:
                    weeks[(row.alt_id, day - dt.timedelta(days=day.weekday()))] += v.classes
    cancelled_row = next(r for r in board.rows if r.alt_id == cancelled.alt_id)
    monday = cancelled.date - dt.timedelta(days=cancelled.date.weekday())
    assert cancelled_row.week_classes.get(monday, 0) == weeks.get((cancelled.alt_id, monday), 0)
    for row in board.rows:
        assert {m: n for m, n in row.week_classes.items() if n} == {
            m: n for (alt, m), n in weeks.items() if alt == row.alt_id and n}


def test_a_filter_by_school_keeps_only_the_alts_who_go_there(scheduled_ws):
    first, last = month_range(2026, 6)
    whole = month_board(scheduled_ws, first, last)
    school_id = next(v.school_id for r in whole.rows for vs in r.cells.values() for v in vs)
    narrowed = month_board(scheduled_ws, first, last, BoardFilter(school_ids=frozenset([school_id])))
    assert narrowed.rows and len(narrowed.rows) < len(whole.rows)
    assert all(v.school_id == school_id for r in narrowed.rows for vs in r.cells.values() for v in vs)
    assert {r.alt_id for r in narrowed.rows} == {
        r.alt_id for r in whole.rows if any(v.school_id == school_id for vs in r.cells.values() for v in vs)}
