"""School records: bell schedule rules, board, lunch notice rule, unique codes, versions, deletion."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from altdesk.db.enums import DayOffKind, LunchPolicy, SchoolLevel
from altdesk.db.models import BellPeriod, DayOff, School
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services.records import (
    BellPeriodForm,
    InUse,
    SchoolForm,
    delete_school,
    load_school,
    save_school,
    validate_bell_schedule,
)
from tests.unit.sched_fixtures import make_alt, make_board, make_day_off, make_placement, make_school

T = dt.time


def periods(*spans: tuple[str, str]) -> tuple[BellPeriodForm, ...]:
    return tuple(BellPeriodForm(i + 1, T.fromisoformat(a), T.fromisoformat(b)) for i, (a, b) in enumerate(spans))


STANDARD = periods(("08:45", "09:30"), ("09:40", "10:25"), ("10:45", "11:30"), ("11:40", "12:25"))
SAKURA = SchoolForm(code="S100", name_ja="さくら市立桜台小学校", name_en="Sakuradai Elementary School",
                    short_name_ja="桜台小", level=SchoolLevel.ELEMENTARY, phone="048-123-4567",
                    lunch_policy=LunchPolicy.SERVES, lunch_price_yen=280, contracted_days=70,
                    lunch_notice_rule={"kind": "school_days_before", "days": 4, "time": "11:00"}, periods=STANDARD)


def _schools(ws) -> int:
    with ws.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(School))


def test_a_school_with_a_bell_schedule_round_trips(ws):
    board_id = make_board(ws)
    saved = save_school(ws, replace(SAKURA, board_id=board_id))
    loaded = load_school(ws, saved.id)
    assert loaded == saved
    assert [(p.number, p.start_time, p.end_time) for p in loaded.periods][1] == (2, T(9, 40), T(10, 25))
    assert loaded.board_id == board_id
    assert loaded.lunch_notice_rule == {"kind": "school_days_before", "days": 4, "time": "11:00"}


@pytest.mark.parametrize(
    ("schedule", "field", "words"),
    [
        (periods(("08:45", "09:30"), ("09:40", "09:40")), "periods.1.end_time", "must end after it starts"),
        (periods(("08:45", "09:30"), ("09:20", "10:05")), "periods.1.start_time", "before period 1 ends"),
        ((BellPeriodForm(1, T(8, 45), T(9, 30)), BellPeriodForm(1, T(9, 40), T(10, 25))), "periods.1.number",
         "appears twice"),
        ((BellPeriodForm(2, T(8, 45), T(9, 30)), BellPeriodForm(1, T(9, 40), T(10, 25))), "periods.1.number",
         "in order"),
        ((BellPeriodForm(13, T(8, 45), T(9, 30)),), "periods.0.number", "1 to 12"),
    ],
)
def test_bell_schedule_rules_name_the_row_and_column(schedule, field, words):
    with pytest.raises(InvalidInput) as caught:
        validate_bell_schedule(schedule)
    assert caught.value.field == field
    assert words in caught.value.message_en


def test_back_to_back_periods_are_fine():
    assert len(validate_bell_schedule(periods(("08:45", "09:30"), ("09:30", "10:15")))) == 2


def test_a_bad_bell_schedule_saves_nothing(ws):
    with pytest.raises(InvalidInput):
        save_school(ws, replace(SAKURA, periods=periods(("10:00", "09:00"))))
    assert _schools(ws) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name_ja": "  "}, "name_ja"),
        ({"code": "S 1"}, "code"),
        ({"lunch_price_yen": -1}, "lunch_price_yen"),
        ({"contracted_days": 400}, "contracted_days"),
        ({"lunch_notice_rule": {"kind": "school_days_before", "days": 4, "time": "25:00"}}, "lunch_notice_rule"),
        ({"lunch_notice_rule": {"kind": "when_we_feel_like_it"}}, "lunch_notice_rule"),
        ({"phone": "048 tel"}, "phone"),
    ],
)
def test_invalid_school_fields_are_named(ws, change, field):
    with pytest.raises(InvalidInput) as caught:
        save_school(ws, replace(SAKURA, **change))
    assert caught.value.field == field
    assert _schools(ws) == 0


def test_school_codes_are_unique(ws):
    save_school(ws, SAKURA)
    with pytest.raises(InvalidInput) as caught:
        save_school(ws, replace(SAKURA, name_ja="別の学校"))
    assert caught.value.field == "code"


def test_editing_only_the_bell_schedule_is_a_new_version(ws):
    saved = save_school(ws, SAKURA)
    longer = save_school(ws, replace(saved, periods=STANDARD + (BellPeriodForm(5, T(13, 30), T(14, 15)),)))
    assert longer.version == saved.version + 1
    assert len(longer.periods) == 5
    with pytest.raises(StaleEdit):  # a second editor still holding the first version
        save_school(ws, replace(saved, periods=STANDARD[:2]))
    assert len(load_school(ws, saved.id).periods) == 5
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(BellPeriod)) == 5


def test_a_school_with_placements_cannot_be_deleted(ws):
    school_id = make_school(ws, "S1")
    make_placement(ws, make_alt(ws, "A1"), school_id)
    with pytest.raises(InUse) as caught:
        delete_school(ws, school_id, load_school(ws, school_id).version)
    assert caught.value.counts == {"placements": 1}
    assert _schools(ws) == 1


def test_deleting_a_school_takes_its_bell_schedule_and_days_off(ws):
    saved = save_school(ws, SAKURA)
    make_day_off(ws, DayOffKind.SCHOOL_DAY_OFF, dt.date(2026, 6, 1), dt.date(2026, 6, 1), "開校記念日",
                 school_id=saved.id)
    removed = delete_school(ws, saved.id, saved.version)
    assert removed.school.code == "S100" and len(removed.school.periods) == 4
    assert [d.name_ja for d in removed.days_off] == ["開校記念日"]
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(BellPeriod)) == 0
        assert s.scalar(select(func.count()).select_from(DayOff)) == 0
    assert _schools(ws) == 0
