"""School events on weekends or holidays (Sports Day) with the ALTs who attend and their
compensatory days off (振替): list, record, edit and delete, each in one transaction.

Recording an event gives each attendee an event visit and a compensatory absence, and
flags the ALT's visits on that day for rescheduling (altdesk.scheduling.events). Editing
and deleting undo exactly those effects, so an undo leaves the schedule as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from altdesk.db.engine import transaction
from altdesk.db.enums import SchoolLevel, VisitKind, VisitStatus
from altdesk.db.models import Alt, EventAttendee, Placement, School, SchoolEvent, Visit
from altdesk.errors import InvalidInput, NotFound, StaleEdit
from altdesk.scheduling import events as event_rules
from altdesk.services.absences import Saved
from altdesk.services.workspace import Workspace

MAX_NAME = 200


@dataclass(frozen=True)
class Attendance:
    alt_id: int
    compensatory_day: dt.date | None = None  # None: the event's compensatory day


@dataclass(frozen=True)
class EventInput:
    school_id: int | None
    date: dt.date | None
    name_ja: str
    name_en: str = ""
    start_time: dt.time = dt.time(8, 30)
    end_time: dt.time = dt.time(15, 30)
    compensatory_day: dt.date | None = None  # None: the school's next school day
    attendees: tuple[Attendance, ...] = field(default=())


@dataclass(frozen=True)
class AttendeeRow:
    alt_id: int
    alt_code: str
    alt_name: str
    compensatory_day: dt.date | None
    visits_to_reschedule: int  # the ALT's visits on the compensatory day still to move


@dataclass(frozen=True)
class EventRow:
    id: int
    version: int
    school_id: int
    school_code: str
    school_name_ja: str
    school_name_en: str
    school_level: SchoolLevel
    date: dt.date
    name_ja: str
    name_en: str
    start_time: dt.time
    end_time: dt.time
    compensatory_day: dt.date | None  # the school's own day off after the event
    attendees: tuple[AttendeeRow, ...]

    def as_input(self) -> EventInput:
        return EventInput(
            self.school_id, self.date, self.name_ja, self.name_en, self.start_time, self.end_time,
            self.compensatory_day,
            tuple(Attendance(a.alt_id, a.compensatory_day) for a in self.attendees),
        )


# --- Reading ---------------------------------------------------------------------------------

def list_events(ws: Workspace, first: dt.date | None = None, last: dt.date | None = None) -> list[EventRow]:
    with ws.db.sessions() as session:
        return _rows(session, ws.branch_id, first, last)


def get_event(ws: Workspace, event_id: int) -> EventRow | None:
    with ws.db.sessions() as session:
        rows = _rows(session, ws.branch_id, None, None, event_id)
    return rows[0] if rows else None


def _rows(session: Session, branch_id: int, first: dt.date | None, last: dt.date | None,
          event_id: int | None = None) -> list[EventRow]:
    query = (
        select(SchoolEvent, School.code, School.name_ja, School.name_en, School.level)
        .join(School, School.id == SchoolEvent.school_id)
        .where(SchoolEvent.branch_id == branch_id)
        .order_by(SchoolEvent.date, School.code, SchoolEvent.id)
    )
    if first is not None:
        query = query.where(SchoolEvent.date >= first)
    if last is not None:
        query = query.where(SchoolEvent.date <= last)
    if event_id is not None:
        query = query.where(SchoolEvent.id == event_id)
    events = session.execute(query).all()
    if not events:
        return []
    ids = [e.id for e, *_ in events]
    attendees: dict[int, list[AttendeeRow]] = {i: [] for i in ids}
    rows = session.execute(
        select(EventAttendee, Alt.code, Alt.given_name, Alt.family_name)
        .join(Alt, Alt.id == EventAttendee.alt_id)
        .where(EventAttendee.event_id.in_(ids))
        .order_by(Alt.code)
    ).all()
    # Visits still flagged on the attendees' compensatory days, counted in one query.
    pending: dict[tuple[int, dt.date], int] = {}
    alt_ids = {attendee.alt_id for attendee, *_ in rows}
    if alt_ids:
        for alt_id, day in session.execute(
            select(Visit.alt_id, Visit.date).where(
                Visit.branch_id == branch_id, Visit.alt_id.in_(alt_ids), Visit.needs_reschedule.is_(True),
                Visit.status.in_([VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value]),
            )
        ):
            pending[(alt_id, day)] = pending.get((alt_id, day), 0) + 1
    for attendee, code, given, family in rows:
        attendees[attendee.event_id].append(AttendeeRow(
            attendee.alt_id, code, f"{given} {family}", attendee.compensatory_date,
            pending.get((attendee.alt_id, attendee.compensatory_date), 0) if attendee.compensatory_date else 0,
        ))
    return [
        EventRow(
            id=e.id, version=e.version, school_id=e.school_id, school_code=code, school_name_ja=name_ja,
            school_name_en=name_en or "", school_level=SchoolLevel(level), date=e.date, name_ja=e.name_ja,
            name_en=e.name_en or "", start_time=e.start_time, end_time=e.end_time,
            compensatory_day=e.school_day_off, attendees=tuple(attendees[e.id]),
        )
        for e, code, name_ja, name_en, level in events
    ]


def suggest_compensatory_day(ws: Workspace, school_id: int, day: dt.date, event_id: int | None = None) -> dt.date:
    """The school's next school day after `day` (where the 振替 usually falls); `event_id`: the
    event being edited, whose own day off does not count."""
    with ws.db.sessions() as session:
        school = session.get(School, school_id)
        if school is None or school.branch_id != ws.branch_id:
            raise NotFound("That school does not exist.", "その学校は存在しません。")
        return event_rules.default_compensatory_day(session, ws.branch_id, school, day, event_id)


def alts_placed_at(ws: Workspace, school_id: int) -> set[int]:
    """ALTs with a placement at the school (the usual attendees of its events)."""
    with ws.db.sessions() as session:
        return set(session.scalars(
            select(Placement.alt_id).where(Placement.branch_id == ws.branch_id, Placement.school_id == school_id)
        ))


# --- Writing ---------------------------------------------------------------------------------

def create_event(ws: Workspace, data: EventInput) -> Saved:
    with transaction(ws.db.sessions) as session:
        school, comp = _validated(session, ws.branch_id, data)
        event = SchoolEvent(branch_id=ws.branch_id, school_id=school.id, date=data.date,
                            name_ja=data.name_ja.strip(), name_en=data.name_en.strip(),
                            start_time=data.start_time, end_time=data.end_time, school_day_off=comp)
        session.add(event)
        session.flush()
        for attendance in data.attendees:
            event_rules.add_attendee(session, ws.branch_id, event, attendance.alt_id,
                                     attendance.compensatory_day or comp)
        session.flush()
        event_rules.follow_school_days_off(session, ws.branch_id, [(school.id, comp)])
        return Saved(event.id, event.version)


def update_event(ws: Workspace, event_id: int, expected_version: int, data: EventInput) -> Saved:
    with transaction(ws.db.sessions) as session:
        event = session.get(SchoolEvent, event_id, populate_existing=True)
        if event is None or event.branch_id != ws.branch_id or event.version != expected_version:
            raise StaleEdit()
        school, comp = _validated(session, ws.branch_id, data, event_id)
        assert data.date is not None
        days_off_before = [(event.school_id, event.school_day_off)]
        event.school_id, event.date = school.id, data.date
        event.name_ja, event.name_en = data.name_ja.strip(), data.name_en.strip()
        event.start_time, event.end_time, event.school_day_off = data.start_time, data.end_time, comp
        flag_modified(event, "name_ja")  # attendee-only edits still move the version on
        for visit in _event_visits(session, event.id):
            visit.school_id, visit.date = school.id, data.date
            visit.start_time, visit.end_time = data.start_time, data.end_time
            visit.note = event.name_en or event.name_ja
        session.flush()
        wanted = {a.alt_id: (a.compensatory_day or comp) for a in data.attendees}
        current = {a.alt_id: a for a in event.attendees}
        for alt_id, attendee in current.items():
            if alt_id not in wanted:
                event_rules.remove_attendee(session, ws.branch_id, event, attendee)
            elif attendee.compensatory_date != wanted[alt_id]:
                event_rules.move_compensatory_day(session, ws.branch_id, event.id, alt_id, wanted[alt_id])
        session.flush()
        for alt_id, day in wanted.items():
            if alt_id not in current:
                event_rules.add_attendee(session, ws.branch_id, event, alt_id, day)
        session.flush()
        event_rules.follow_school_days_off(session, ws.branch_id, [*days_off_before, (school.id, comp)])
        return Saved(event.id, event.version)


def delete_event(ws: Workspace, event_id: int, expected_version: int) -> EventInput:
    """Delete the event, its visits and compensatory days; returns it so an undo can restore it."""
    with transaction(ws.db.sessions) as session:
        event = session.get(SchoolEvent, event_id, populate_existing=True)
        if event is None or event.branch_id != ws.branch_id or event.version != expected_version:
            raise StaleEdit()
        deleted = EventInput(
            event.school_id, event.date, event.name_ja, event.name_en, event.start_time, event.end_time,
            event.school_day_off,
            tuple(Attendance(a.alt_id, a.compensatory_date) for a in sorted(event.attendees, key=lambda a: a.alt_id)),
        )
        for attendee in list(event.attendees):
            event_rules.remove_attendee(session, ws.branch_id, event, attendee)
        session.flush()
        session.delete(event)
        session.flush()
        event_rules.follow_school_days_off(session, ws.branch_id, [(event.school_id, event.school_day_off)])
        return deleted


def _event_visits(session: Session, event_id: int) -> list[Visit]:
    return list(session.scalars(select(Visit).where(Visit.event_id == event_id, Visit.kind == VisitKind.EVENT)))


def _validated(session: Session, branch_id: int, data: EventInput,
               event_id: int | None = None) -> tuple[School, dt.date]:
    """The school and the compensatory day, or InvalidInput naming the field that is wrong."""
    school = session.get(School, data.school_id) if data.school_id is not None else None
    if school is None or school.branch_id != branch_id:
        raise InvalidInput("Choose the school that holds the event.", "行事を行う学校を選んでください。",
                           field="school")
    if data.date is None:
        raise InvalidInput("Enter the day of the event.", "行事の日付を入力してください。", field="date")
    if not data.name_ja.strip():
        raise InvalidInput("The event needs a Japanese name (e.g. 運動会).", "行事名を入力してください。",
                           field="name_ja")
    if len(data.name_ja.strip()) > MAX_NAME or len(data.name_en.strip()) > MAX_NAME:
        raise InvalidInput(f"Event names are at most {MAX_NAME} characters.",
                           f"行事名は {MAX_NAME} 文字以内にしてください。",
                           field="name_ja" if len(data.name_ja.strip()) > MAX_NAME else "name_en")
    if data.end_time <= data.start_time:
        raise InvalidInput("The event ends before it starts.", "終了時刻が開始時刻より前です。", field="end_time")
    comp = data.compensatory_day or event_rules.default_compensatory_day(session, branch_id, school, data.date,
                                                                         event_id)
    days = [comp, *(a.compensatory_day for a in data.attendees if a.compensatory_day is not None)]
    if any(day <= data.date for day in days):
        raise InvalidInput("The compensatory day off must come after the event.",
                           "振替休日は行事の後の日にしてください。", field="compensatory_day")
    seen: set[int] = set()
    for attendance in data.attendees:
        alt = session.get(Alt, attendance.alt_id)
        if alt is None or alt.branch_id != branch_id:
            raise InvalidInput("One of the attending ALTs no longer exists.", "参加ALTの一人が存在しません。",
                               field="attendees")
        if attendance.alt_id in seen:
            raise InvalidInput(f"{alt.code} is listed twice.", f"{alt.code} が二重に登録されています。",
                               field="attendees")
        seen.add(attendance.alt_id)
    return school, comp
