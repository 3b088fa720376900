"""Boards with their closures, day offs scoped by kind, national-holiday overrides."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from altdesk.db.enums import DayOffKind
from altdesk.db.models import Board, DayOff
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services.records import (
    BoardForm,
    DayOffForm,
    HolidayOverrideForm,
    InUse,
    delete_board,
    delete_day_off,
    fiscal_year_holidays,
    list_boards,
    list_day_offs,
    load_board,
    save_board,
    save_day_off,
    save_holiday_override,
)
from altdesk.services.scheduling import can_work
from tests.unit.sched_fixtures import make_alt, make_school

D = dt.date
SUMMER = DayOffForm(kind=DayOffKind.BREAK, start_date=D(2026, 7, 21), end_date=D(2026, 8, 31), name_ja="夏季休業",
                    name_en="Summer break")
CLOSED = DayOffForm(kind=DayOffKind.CLOSURE, start_date=D(2026, 8, 13), end_date=D(2026, 8, 14),
                    name_ja="学校閉庁日", name_en="School closure")
BOARD = BoardForm(code="B100", name_ja="さくら市教育委員会", name_en="Sakura City BoE", contract_days_per_year=180,
                  contract_hours_per_day=7.5, lunch_notice_rule={"kind": "day_of_previous_month", "day": 20},
                  closures=(SUMMER, CLOSED))


def _day_offs(ws) -> int:
    with ws.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(DayOff))


def test_a_board_is_saved_with_its_closures_in_one_go(ws):
    saved = save_board(ws, BOARD)
    assert [c.name_ja for c in saved.closures] == ["夏季休業", "学校閉庁日"]
    assert all(c.board_id == saved.id and c.id is not None for c in saved.closures)
    assert load_board(ws, saved.id) == saved
    row = list_boards(ws)[0]
    assert (row.code, row.closures, row.schools) == ("B100", 2, 0)


def test_editing_the_closure_list_adds_changes_and_removes(ws):
    saved = save_board(ws, BOARD)
    summer, closed = saved.closures
    winter = DayOffForm(kind=DayOffKind.BREAK, start_date=D(2026, 12, 25), end_date=D(2027, 1, 7), name_ja="冬季休業")
    edited = save_board(ws, replace(saved, closures=(replace(summer, end_date=D(2026, 8, 25)), winter)))
    assert [(c.name_ja, c.end_date) for c in edited.closures] == [("夏季休業", D(2026, 8, 25)), ("冬季休業", D(2027, 1, 7))]
    assert edited.version == saved.version + 1  # only the list changed: still a new version of the board
    assert _day_offs(ws) == 2


def test_a_bad_closure_names_its_row_and_nothing_is_saved(ws):
    broken = replace(CLOSED, start_date=D(2026, 8, 14), end_date=D(2026, 8, 13))
    with pytest.raises(InvalidInput) as caught:
        save_board(ws, replace(BOARD, closures=(SUMMER, broken)))
    assert caught.value.field == "closures.1.end_date"
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Board)) == 0
    assert _day_offs(ws) == 0


def test_a_stale_board_form_is_refused(ws):
    saved = save_board(ws, BOARD)
    save_board(ws, replace(saved, name_en="Sakura BoE"))
    with pytest.raises(StaleEdit):
        save_board(ws, replace(saved, closures=()))
    assert _day_offs(ws) == 2


def test_a_board_with_schools_is_kept(ws):
    saved = save_board(ws, BOARD)
    make_school(ws, "S1", board_id=saved.id)
    with pytest.raises(InUse) as caught:
        delete_board(ws, saved.id, saved.version)
    assert "1 school" in caught.value.message_en
    assert _day_offs(ws) == 2


def test_deleting_a_board_takes_its_closures(ws):
    saved = save_board(ws, BOARD)
    removed = delete_board(ws, saved.id, saved.version)
    assert len(removed.closures) == 2
    assert _day_offs(ws) == 0


def test_day_off_scope_follows_its_kind(ws):
    school_id = make_school(ws, "S1")
    with pytest.raises(InvalidInput) as caught:
        save_day_off(ws, DayOffForm(kind=DayOffKind.SCHOOL_DAY_OFF, start_date=D(2026, 6, 1), end_date=D(2026, 6, 1),
                                    name_ja="開校記念日"))
    assert caught.value.field == "school_id"
    # A school day off given a board as well keeps only the school (the table's CHECK would refuse both).
    saved = save_day_off(ws, DayOffForm(kind=DayOffKind.SCHOOL_DAY_OFF, school_id=school_id, board_id=999,
                                        start_date=D(2026, 6, 1), end_date=D(2026, 6, 1), name_ja="開校記念日"))
    assert (saved.school_id, saved.board_id) == (school_id, None)
    branch = save_day_off(ws, DayOffForm(kind=DayOffKind.BRANCH_CLOSURE, school_id=school_id,
                                         start_date=D(2026, 12, 29), end_date=D(2027, 1, 3), name_ja="年末年始"))
    assert (branch.school_id, branch.board_id) == (None, None)
    rows = list_day_offs(ws, D(2026, 4, 1), D(2027, 3, 31))
    assert [(r.kind, r.scope_ja, r.days) for r in rows] == [
        (DayOffKind.SCHOOL_DAY_OFF, "市立S1小学校", 1), (DayOffKind.BRANCH_CLOSURE, "", 6)]
    delete_day_off(ws, branch.id, branch.version)
    assert _day_offs(ws) == 1


def test_a_day_off_in_the_wrong_year_is_caught(ws):
    with pytest.raises(InvalidInput) as caught:
        save_day_off(ws, DayOffForm(kind=DayOffKind.BRANCH_CLOSURE, start_date=D(2026, 12, 29),
                                    end_date=D(2027, 12, 29), name_ja="年末年始"))
    assert caught.value.field == "end_date"
    assert "check the year" in caught.value.message_en


def test_holiday_overrides_change_what_can_be_worked(ws):
    alt_id, school_id = make_alt(ws, "A1"), make_school(ws, "S1")
    showa = D(2026, 4, 29)
    assert not can_work(ws, alt_id, school_id, showa).ok
    save_holiday_override(ws, HolidayOverrideForm(date=showa, is_holiday=False, name_ja="授業日"))
    assert can_work(ws, alt_id, school_id, showa).ok
    row = next(r for r in fiscal_year_holidays(ws, 2026) if r.date == showa)
    assert (row.national_ja, row.is_holiday, row.override_id is not None) == ("昭和の日", False, True)
    with pytest.raises(InvalidInput) as caught:  # one override per date
        save_holiday_override(ws, HolidayOverrideForm(date=showa, is_holiday=True, name_ja="昭和の日"))
    assert caught.value.field == "date"


def test_an_override_must_change_something(ws):
    with pytest.raises(InvalidInput) as caught:
        save_holiday_override(ws, HolidayOverrideForm(date=D(2026, 6, 3), is_holiday=False))
    assert caught.value.field == "date"
    with pytest.raises(InvalidInput) as caught:
        save_holiday_override(ws, HolidayOverrideForm(date=D(2026, 6, 3), is_holiday=True))
    assert caught.value.field == "name_ja"


def test_fiscal_year_holidays_run_april_to_march(ws):
    rows = fiscal_year_holidays(ws, 2026)
    assert rows[0].date == D(2026, 4, 29) and rows[-1].date.year == 2027 and rows[-1].date.month == 3
    assert any(r.national_ja == "国民の休日" and r.date == D(2026, 9, 22) for r in rows)
