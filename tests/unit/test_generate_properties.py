"""Property tests: whatever the placements, closures and absences, generation keeps its promises."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from altdesk.calendar.holidays_jp import national_holidays
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.enums import AbsenceKind, DayOffKind, VisitOrigin, VisitStatus
from altdesk.db.models import Absence, Visit
from altdesk.scheduling.generate import overlaps
from altdesk.services.scheduling import generate_visits
from altdesk.services.workspace import open_workspace
from tests.unit.sched_fixtures import make_alt, make_board, make_day_off, make_placement, make_school

FIRST, LAST = dt.date(2026, 4, 1), dt.date(2026, 7, 31)
HOLIDAYS = national_holidays(FIRST, LAST)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_database(DatabaseTarget.parse(str(path))).close()
    return path


weekday_sets = st.sets(st.integers(0, 4), min_size=1, max_size=5)
placements = st.lists(
    st.tuples(
        st.integers(0, 2),  # ALT
        st.integers(0, 3),  # school
        weekday_sets,
        st.sampled_from([1, 1, 2]),  # interval: weekly or alternate weeks
        st.integers(0, 40),  # start offset in days
        st.sampled_from([(8, 15, 12, 0), (8, 15, 15, 45), (13, 0, 16, 0), (9, 0, 11, 0)]),
    ),
    min_size=1, max_size=8,
)
closures = st.lists(st.tuples(st.integers(0, 100), st.integers(0, 10)), max_size=3)
absences = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 110), st.integers(0, 4)), max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(placements, closures, absences, st.data())
def test_generation_invariants(tmp_path, template_db, plan, closure_plan, absence_plan, data):
    path = tmp_path / f"prop-{data.draw(st.integers(0, 10**9))}.sqlite3"
    shutil.copy(template_db, path)
    db = open_database(DatabaseTarget.parse(str(path)))
    try:
        ws = open_workspace(db, actor="prop")
        board = make_board(ws)
        schools = [make_school(ws, f"S{i}", board_id=board) for i in range(4)]
        alts = [make_alt(ws, f"A{i}") for i in range(3)]
        for alt_i, school_i, weekdays, interval, offset, (h1, m1, h2, m2) in plan:
            codes = ",".join(["MO", "TU", "WE", "TH", "FR"][d] for d in sorted(weekdays))
            rule = f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={codes}" if interval > 1 else f"FREQ=WEEKLY;BYDAY={codes}"
            make_placement(ws, alts[alt_i], schools[school_i], rule, start=FIRST + dt.timedelta(days=offset),
                           end=LAST, times=(dt.time(h1, m1), dt.time(h2, m2)))
        closed: set[dt.date] = set()
        for start, length in closure_plan:
            begin = FIRST + dt.timedelta(days=start)
            make_day_off(ws, DayOffKind.CLOSURE, begin, begin + dt.timedelta(days=length), board_id=board)
            closed |= {begin + dt.timedelta(days=i) for i in range(length + 1)}
        away: set[tuple[int, dt.date]] = set()
        with transaction(db.sessions) as s:
            for alt_i, start, length in absence_plan:
                begin = FIRST + dt.timedelta(days=start)
                s.add(Absence(branch_id=ws.branch_id, alt_id=alts[alt_i], start_date=begin,
                              end_date=begin + dt.timedelta(days=length), kind=AbsenceKind.SICK))
                away |= {(alts[alt_i], begin + dt.timedelta(days=i)) for i in range(length + 1)}

        generate_visits(ws, FIRST, LAST)
        with db.sessions() as s:
            visits = s.scalars(select(Visit)).all()
        for v in visits:
            assert v.date.weekday() < 5
            assert v.date not in HOLIDAYS
            assert v.date not in closed
            assert (v.alt_id, v.date) not in away
        by_day: dict[tuple[int, dt.date], list[Visit]] = {}
        for v in visits:
            by_day.setdefault((v.alt_id, v.date), []).append(v)
        for same_day in by_day.values():
            for i, a in enumerate(same_day):
                for b in same_day[i + 1:]:
                    assert not overlaps(a.start_time, a.end_time, b.start_time, b.end_time, 0)

        again = generate_visits(ws, FIRST, LAST)
        assert (again.created, again.updated, again.deleted) == (0, 0, 0)

        if visits:  # a coordinator cancels one visit and moves another: both survive regeneration
            with transaction(db.sessions) as s:
                cancelled = s.get(Visit, visits[0].id)
                cancelled.status, cancelled.origin = VisitStatus.CANCELLED, VisitOrigin.MANUAL
                snapshot = (cancelled.id, cancelled.date, cancelled.start_time)
            generate_visits(ws, FIRST, LAST)
            with db.sessions() as s:
                kept = s.get(Visit, snapshot[0])
                assert kept is not None and kept.status == VisitStatus.CANCELLED
                assert (kept.id, kept.date, kept.start_time) == snapshot
                twins = s.scalars(select(Visit).where(Visit.placement_id == kept.placement_id,
                                                      Visit.planned_date == kept.planned_date)).all()
                assert len(twins) == 1
    finally:
        db.close()
