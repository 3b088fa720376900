"""School events on weekends or holidays (Sports Day): an event visit for each attending ALT
and a compensatory day off (振替), by default the school's next school day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers
from altdesk.db.enums import AbsenceKind, LunchMode, VisitKind, VisitOrigin, VisitStatus
from altdesk.db.models import Absence, Alt, EventAttendee, Placement, School, SchoolEvent, Visit
from altdesk.errors import InvalidInput, NotFound
from altdesk.scheduling.generate import generate


def default_compensatory_day(session: Session, branch_id: int, school: School, event_day: dt.date,
                             event_id: int | None = None) -> dt.date:
    """The school's next school day after the event (`event_id`: the event being edited, whose own
    day off does not count)."""
    layers = DayLayers.load(session, branch_id, event_day, event_day + dt.timedelta(days=60), ignore_event=event_id)
    return layers.next_school_day(event_day, school.board_id, school.id)


def create_event(
    session: Session,
    branch_id: int,
    school_id: int,
    day: dt.date,
    name_ja: str,
    name_en: str,
    alt_ids: list[int],
    start_time: dt.time = dt.time(8, 30),
    end_time: dt.time = dt.time(15, 30),
    compensatory_day: dt.date | None = None,
) -> int:
    school = session.get(School, school_id)
    if school is None or school.branch_id != branch_id:
        raise NotFound("That school does not exist.", "その学校は存在しません。")
    if not name_ja.strip():
        raise InvalidInput("The event needs a name.", "行事名を入力してください。", field="name_ja")
    if end_time <= start_time:
        raise InvalidInput("The event ends before it starts.", "終了時刻が開始時刻より前です。", field="end_time")
    comp = compensatory_day or default_compensatory_day(session, branch_id, school, day)
    if comp <= day:
        raise InvalidInput("The compensatory day off must come after the event.",
                           "振替休日は行事の後の日にしてください。", field="compensatory_day")
    event = SchoolEvent(branch_id=branch_id, school_id=school_id, date=day, name_ja=name_ja, name_en=name_en,
                        start_time=start_time, end_time=end_time, school_day_off=comp)
    session.add(event)
    session.flush()
    for alt_id in alt_ids:
        add_attendee(session, branch_id, event, alt_id, comp)
    return event.id


def add_attendee(session: Session, branch_id: int, event: SchoolEvent, alt_id: int, comp: dt.date) -> None:
    alt = session.get(Alt, alt_id)
    if alt is None or alt.branch_id != branch_id:
        raise NotFound("That ALT does not exist.", "そのALTは存在しません。")
    session.add(EventAttendee(event_id=event.id, alt_id=alt_id, compensatory_date=comp))
    session.add(Visit(
        branch_id=branch_id, alt_id=alt_id, school_id=event.school_id, event_id=event.id, date=event.date,
        start_time=event.start_time, end_time=event.end_time, periods="", classes=0,
        lunch_mode=LunchMode.OWN_LUNCH, status=VisitStatus.PLANNED, kind=VisitKind.EVENT,
        origin=VisitOrigin.MANUAL, note=event.name_en or event.name_ja,
    ))
    session.add(Absence(branch_id=branch_id, alt_id=alt_id, start_date=comp, end_date=comp,
                        kind=AbsenceKind.COMPENSATORY, event_id=event.id,
                        note=f"振替: {event.name_ja} {event.date.isoformat()}"))
    flag_visits_on(session, branch_id, alt_id, comp)


def flag_visits_on(session: Session, branch_id: int, alt_id: int, day: dt.date) -> int:
    """Mark the ALT's visits on their day off for rescheduling; returns how many.

    They become hand-made (origin manual) on purpose: the day is now an absence, and a
    regeneration would otherwise delete them before the coordinator has moved them.
    """
    # Through the Session, visit by visit: the audit log (and an undo of the edit) has each one.
    visits = list(session.scalars(select(Visit).where(
        Visit.branch_id == branch_id, Visit.alt_id == alt_id, Visit.date == day,
        Visit.kind != VisitKind.EVENT, Visit.status.in_([VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value]),
    )))
    for visit in visits:
        visit.needs_reschedule, visit.origin = True, VisitOrigin.MANUAL
    session.flush()
    return len(visits)


def move_compensatory_day(session: Session, branch_id: int, event_id: int, alt_id: int, new_day: dt.date) -> None:
    attendee = session.scalar(select(EventAttendee).where(EventAttendee.event_id == event_id,
                                                          EventAttendee.alt_id == alt_id))
    event = session.get(SchoolEvent, event_id)
    if attendee is None or event is None or event.branch_id != branch_id:
        raise NotFound("That event attendance does not exist.", "その行事参加は存在しません。")
    if new_day <= event.date:
        raise InvalidInput("The compensatory day off must come after the event.",
                           "振替休日は行事の後の日にしてください。", field="compensatory_day")
    old_day = attendee.compensatory_date
    attendee.compensatory_date = new_day
    absence = session.scalar(select(Absence).where(Absence.event_id == event_id, Absence.alt_id == alt_id))
    if absence is not None:
        absence.start_date = absence.end_date = new_day
    if old_day is not None:
        _clear_reschedule(session, branch_id, alt_id, old_day)
    flag_visits_on(session, branch_id, alt_id, new_day)


def _clear_reschedule(session: Session, branch_id: int, alt_id: int, day: dt.date) -> None:
    for visit in session.scalars(select(Visit).where(Visit.branch_id == branch_id, Visit.alt_id == alt_id,
                                                     Visit.date == day, Visit.needs_reschedule.is_(True))):
        visit.needs_reschedule = False
    session.flush()


def follow_school_days_off(session: Session, branch_id: int, days: list[tuple[int, dt.date | None]]) -> None:
    """The school's day off after an event closes the school for every ALT placed there: their
    generated visits that day go (and come back when the day off moves or the event goes).
    Visits made by hand stay, and the conflict check reports them."""
    for school_id, day in dict.fromkeys(days):
        if day is None:
            continue
        placements = list(session.scalars(
            select(Placement.id).where(Placement.branch_id == branch_id, Placement.school_id == school_id,
                                       Placement.start_date <= day, Placement.end_date >= day)))
        if placements:
            generate(session, branch_id, day, day, placements, orm=True)


def remove_attendee(session: Session, branch_id: int, event: SchoolEvent, attendee: EventAttendee) -> None:
    """Take back what add_attendee did: the event visit (and any cover of it), the compensatory
    absence, and the rescheduling flags on that day."""
    for visit in session.scalars(select(Visit).where(Visit.event_id == event.id, Visit.kind == VisitKind.EVENT,
                                                     Visit.alt_id == attendee.alt_id)):
        for cover in session.scalars(select(Visit).where(Visit.substitute_for_visit_id == visit.id)):
            session.delete(cover)
        session.delete(visit)
    for absence in session.scalars(
        select(Absence).where(Absence.event_id == event.id, Absence.alt_id == attendee.alt_id)
    ):
        session.delete(absence)
    event.attendees.remove(attendee)
    session.flush()
    day = attendee.compensatory_date
    if day is None:
        return
    still_off = session.scalar(
        select(Absence.id).where(Absence.branch_id == branch_id, Absence.alt_id == attendee.alt_id,
                                 Absence.kind == AbsenceKind.COMPENSATORY, Absence.start_date <= day,
                                 Absence.end_date >= day).limit(1)
    )
    if still_off is None:
        _clear_reschedule(session, branch_id, attendee.alt_id, day)
