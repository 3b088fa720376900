"""School events with attendees and compensatory days: record, list, edit, delete (undo)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from altdesk.db.enums import AbsenceKind, VisitKind
from altdesk.db.models import Absence, Visit
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services.school_events import (
    Attendance,
    EventInput,
    alts_placed_at,
    create_event,
    delete_event,
    get_event,
    list_events,
    suggest_compensatory_day,
    update_event,
)
from tests.helpers import table_dump
from tests.unit.absence_fixtures import busy_alt, schedule

SATURDAY = dt.date(2026, 6, 13)
MONDAY = dt.date(2026, 6, 15)
TUESDAY = dt.date(2026, 6, 16)


@pytest.fixture
def sched_ws(demo_ws):
    return schedule(demo_ws)


def _school_of(ws, visit_id: int) -> int:
    with ws.db.sessions() as s:
        return s.get(Visit, visit_id).school_id


def _flagged(ws, alt_id: int, day: dt.date) -> list[bool]:
    with ws.db.sessions() as s:
        return list(s.scalars(select(Visit.needs_reschedule).where(Visit.alt_id == alt_id, Visit.date == day,
                                                                   Visit.kind != VisitKind.EVENT)))


def _visits(ws) -> list[tuple]:
    with ws.db.sessions() as s:
        return s.execute(select(Visit.id, Visit.alt_id, Visit.school_id, Visit.date, Visit.start_time, Visit.status,
                                Visit.kind, Visit.needs_reschedule, Visit.event_id).order_by(Visit.id)).all()


def _event(ws, alt, **extra) -> EventInput:
    values = {"school_id": _school_of(ws, alt.visit_ids[0]), "date": SATURDAY, "name_ja": "運動会",
              "name_en": "Sports Day", "attendees": (Attendance(alt.id),)}
    values.update(extra)
    return EventInput(**values)


def test_event_gives_each_attendee_a_visit_and_a_compensatory_day(sched_ws):
    alt = busy_alt(sched_ws)
    school = _school_of(sched_ws, alt.visit_ids[0])
    assert suggest_compensatory_day(sched_ws, school, SATURDAY) == MONDAY
    assert alt.id in alts_placed_at(sched_ws, school)
    saved = create_event(sched_ws, _event(sched_ws, alt))
    [row] = [e for e in list_events(sched_ws, SATURDAY, SATURDAY)]
    assert (row.id, row.name_ja, row.name_en, row.compensatory_day) == (saved.id, "運動会", "Sports Day", MONDAY)
    [attendee] = row.attendees
    assert (attendee.alt_id, attendee.alt_code, attendee.compensatory_day) == (alt.id, alt.code, MONDAY)
    assert attendee.visits_to_reschedule == len(_flagged(sched_ws, alt.id, MONDAY)) >= 1
    assert all(_flagged(sched_ws, alt.id, MONDAY))
    with sched_ws.db.sessions() as s:
        visit = s.scalar(select(Visit).where(Visit.event_id == saved.id))
        assert (visit.alt_id, visit.date, visit.kind) == (alt.id, SATURDAY, VisitKind.EVENT)
        comp = s.scalar(select(Absence).where(Absence.event_id == saved.id))
        assert (comp.alt_id, comp.start_date, comp.kind) == (alt.id, MONDAY, AbsenceKind.COMPENSATORY)


def test_deleting_an_event_leaves_the_schedule_as_it_was(sched_ws, db_path):
    alt = busy_alt(sched_ws)
    before = table_dump(db_path)
    visits_before = _visits(sched_ws)
    saved = create_event(sched_ws, _event(sched_ws, alt))
    data = delete_event(sched_ws, saved.id, saved.version)
    after = table_dump(db_path)
    # Every visit is back as it was (only the version counters moved on), and so is the rest.
    assert _visits(sched_ws) == visits_before
    assert {t: rows for t, rows in before.items() if t not in ("visit", "audit_entry")} == {
        t: rows for t, rows in after.items() if t not in ("visit", "audit_entry")}
    assert not any(_flagged(sched_ws, alt.id, MONDAY))
    assert get_event(sched_ws, saved.id) is None
    # The returned input records the event again, as an undo does.
    again = create_event(sched_ws, data)
    row = get_event(sched_ws, again.id)
    assert row.as_input() == data
    assert all(_flagged(sched_ws, alt.id, MONDAY))


def test_edit_moves_compensatory_days_and_changes_attendees(sched_ws):
    alt = busy_alt(sched_ws)
    other = busy_alt(sched_ws, skip=1)
    saved = create_event(sched_ws, _event(sched_ws, alt))
    row = get_event(sched_ws, saved.id)
    # Move the compensatory day to Tuesday, change the times, and add a second ALT.
    edited = update_event(sched_ws, saved.id, row.version, _event(
        sched_ws, alt, compensatory_day=TUESDAY, start_time=dt.time(9, 0), end_time=dt.time(14, 0),
        attendees=(Attendance(alt.id), Attendance(other.id))))
    assert edited.version > row.version
    now = get_event(sched_ws, saved.id)
    assert {(a.alt_id, a.compensatory_day) for a in now.attendees} == {(alt.id, TUESDAY), (other.id, TUESDAY)}
    assert [a.alt_code for a in now.attendees] == sorted([alt.code, other.code])
    assert not any(_flagged(sched_ws, alt.id, MONDAY))
    assert all(_flagged(sched_ws, alt.id, TUESDAY)) and all(_flagged(sched_ws, other.id, TUESDAY))
    with sched_ws.db.sessions() as s:
        times = {(v.alt_id, v.start_time, v.end_time) for v in s.scalars(select(Visit).where(
            Visit.event_id == saved.id))}
    assert times == {(alt.id, dt.time(9), dt.time(14)), (other.id, dt.time(9), dt.time(14))}
    # Remove the first ALT: its event visit, compensatory day and flags go.
    update_event(sched_ws, saved.id, now.version, _event(sched_ws, alt, compensatory_day=TUESDAY,
                                                         attendees=(Attendance(other.id),)))
    assert [a.alt_id for a in get_event(sched_ws, saved.id).attendees] == [other.id]
    assert not any(_flagged(sched_ws, alt.id, TUESDAY))
    with sched_ws.db.sessions() as s:
        assert s.scalar(select(Absence).where(Absence.event_id == saved.id, Absence.alt_id == alt.id)) is None
    # A form still holding an old version is refused.
    with pytest.raises(StaleEdit):
        update_event(sched_ws, saved.id, now.version, _event(sched_ws, alt))
    with pytest.raises(StaleEdit):
        delete_event(sched_ws, saved.id, now.version)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"school_id": None}, "school"),
        ({"date": None}, "date"),
        ({"name_ja": "  "}, "name_ja"),
        ({"name_en": "x" * 201}, "name_en"),
        ({"start_time": dt.time(15), "end_time": dt.time(9)}, "end_time"),
        ({"compensatory_day": SATURDAY}, "compensatory_day"),
        ({"attendees": (Attendance(999_999),)}, "attendees"),
    ],
)
def test_bad_event_input_names_the_field_and_writes_nothing(sched_ws, db_path, change, field):
    alt = busy_alt(sched_ws)
    data = _event(sched_ws, alt, **change)
    before = table_dump(db_path)
    with pytest.raises(InvalidInput) as refused:
        create_event(sched_ws, data)
    assert refused.value.field == field
    assert table_dump(db_path) == before


def test_duplicate_attendee_is_refused(sched_ws):
    alt = busy_alt(sched_ws)
    with pytest.raises(InvalidInput) as refused:
        create_event(sched_ws, _event(sched_ws, alt, attendees=(Attendance(alt.id), Attendance(alt.id))))
    assert refused.value.field == "attendees" and alt.code in refused.value.message_en
