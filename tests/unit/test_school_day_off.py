"""A school's own day off after its weekend event (振替休業日) closes it for every ALT placed there,
not only for the ALTs who attended: no regular visit, no lunch order, a conflict for a visit placed
there by hand; and all of it comes back when the event goes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from altdesk.db.engine import transaction
from altdesk.db.enums import LunchMode, SchoolLevel, VisitOrigin
from altdesk.db.models import Visit
from altdesk.scheduling.conflicts import ConflictKind
from altdesk.services.lunch import order_sheets
from altdesk.services.scheduling import check_conflicts, generate_visits
from altdesk.services.school_events import (
    Attendance,
    EventInput,
    create_event,
    delete_event,
    get_event,
    update_event,
)
from tests.unit.sched_fixtures import make_alt, make_board, make_placement, make_school

SATURDAY, MONDAY, TUESDAY = dt.date(2026, 6, 13), dt.date(2026, 6, 15), dt.date(2026, 6, 16)
JUNE = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))


def _branch(ws):
    board = make_board(ws)
    school = make_school(ws, "S1", SchoolLevel.ELEMENTARY, board_id=board)
    attending, absent = make_alt(ws, "A1"), make_alt(ws, "A2")
    make_placement(ws, attending, school, "FREQ=WEEKLY;BYDAY=MO,TU")
    make_placement(ws, absent, school, "FREQ=WEEKLY;BYDAY=MO,TU", times=(dt.time(8, 0), dt.time(8, 10)))
    generate_visits(ws, *JUNE)
    return school, attending, absent


def _visits_on(ws, alt_id: int, day: dt.date) -> list[Visit]:
    with ws.db.sessions() as s:
        return list(s.scalars(select(Visit).where(Visit.alt_id == alt_id, Visit.date == day)))


def _june_lunch_days(ws, alt_code: str) -> set[dt.date]:
    [sheet] = order_sheets(ws, "2026-06", "S1")
    return {day for row in sheet.rows if row.alt_code == alt_code for day in row.dates}


def test_the_schools_day_off_closes_it_for_the_alt_who_did_not_attend(ws):
    school, attending, absent = _branch(ws)
    assert _visits_on(ws, absent, MONDAY) and MONDAY in _june_lunch_days(ws, "A2")
    saved = create_event(ws, EventInput(school, SATURDAY, "運動会", "Sports Day", attendees=(Attendance(attending),)))
    assert get_event(ws, saved.id).compensatory_day == MONDAY
    assert _visits_on(ws, absent, MONDAY) == []  # no regular visit at a closed school
    assert MONDAY not in _june_lunch_days(ws, "A2") and TUESDAY in _june_lunch_days(ws, "A2")
    assert generate_visits(ws, *JUNE).created == 0  # and a later generate does not bring it back
    # A visit placed there by hand stays, and the check says the school is closed that day.
    with transaction(ws.db.sessions) as s:
        s.add(Visit(branch_id=ws.branch_id, alt_id=absent, school_id=school, date=MONDAY, start_time=dt.time(9),
                    end_time=dt.time(12), lunch_mode=LunchMode.OWN_LUNCH, origin=VisitOrigin.MANUAL))
    found = [c for c in check_conflicts(ws, MONDAY, MONDAY) if c.kind is ConflictKind.DAY_OFF and c.alt_code == "A2"]
    assert found and "振替休業日（運動会）" in found[0].message_ja and "Sports Day" in found[0].message_en


def test_moving_or_removing_the_event_brings_the_visits_back(ws):
    school, attending, absent = _branch(ws)
    saved = create_event(ws, EventInput(school, SATURDAY, "運動会", "Sports Day", attendees=(Attendance(attending),)))
    row = get_event(ws, saved.id)
    # Editing the event with the default day off keeps Monday (its own day off does not push it on).
    same = update_event(ws, saved.id, row.version, EventInput(school, SATURDAY, "運動会 (雨天順延なし)", "Sports Day",
                                                               attendees=(Attendance(attending),)))
    assert get_event(ws, saved.id).compensatory_day == MONDAY
    moved = update_event(ws, saved.id, same.version, EventInput(school, SATURDAY, "運動会", "Sports Day", compensatory_day=TUESDAY,
                                                                 attendees=(Attendance(attending),)))
    assert _visits_on(ws, absent, MONDAY) and _visits_on(ws, absent, TUESDAY) == []
    delete_event(ws, saved.id, moved.version)
    assert _visits_on(ws, absent, MONDAY) and _visits_on(ws, absent, TUESDAY)
    assert MONDAY in _june_lunch_days(ws, "A2") and TUESDAY in _june_lunch_days(ws, "A2")


def test_an_imported_event_closes_the_school_on_its_day_off_too(ws, tmp_path):
    from altdesk.services.importing import apply

    _school, _attending, absent = _branch(ws)
    source = tmp_path / "events.csv"
    source.write_text("学校コード,日付,行事名,参加ALT\nS1,2026/6/13,運動会,A1\n", encoding="utf-8")
    apply(ws, [source])
    assert _visits_on(ws, absent, MONDAY) == [] and MONDAY not in _june_lunch_days(ws, "A2")
    again = tmp_path / "events2.csv"  # the day off moved to Tuesday: Monday's visit comes back
    again.write_text("学校コード,日付,行事名,参加ALT,振替日\nS1,2026/6/13,運動会,A1,2026/6/16\n", encoding="utf-8")
    apply(ws, [again])
    assert _visits_on(ws, absent, MONDAY) and _visits_on(ws, absent, TUESDAY) == []
