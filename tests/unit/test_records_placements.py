"""Placements: the pattern editor's three patterns, validation, regeneration from the change date,
the preview with skipped dates and why, ending and deleting."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select, update

from altdesk.db.engine import transaction
from altdesk.db.enums import AbsenceKind, AltStatus, DayOffKind, VisitOrigin
from altdesk.db.models import Absence, Alt, BellPeriod, Placement, Visit
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services.records import (
    InUse,
    Pattern,
    PatternKind,
    PlacementForm,
    build_rrule,
    delete_placement,
    describe,
    end_placement,
    list_placements,
    load_placement,
    pattern_of,
    preview_placement,
    save_placement,
    week_letter,
)
from tests.unit.sched_fixtures import make_alt, make_board, make_day_off, make_placement, make_school

D = dt.date
MON, TUE, WED, THU, FRI = range(5)


def _visit_dates(ws, placement_id: int) -> list[dt.date]:
    with ws.db.sessions() as s:
        return list(s.scalars(select(Visit.date).where(Visit.placement_id == placement_id).order_by(Visit.date)))


@pytest.fixture
def people(ws):
    return make_alt(ws, "A1"), make_school(ws, "S1")


def _form(people, **change) -> PlacementForm:
    alt_id, school_id = people
    base = PlacementForm(alt_id=alt_id, school_id=school_id, start_date=D(2026, 4, 6), end_date=D(2026, 7, 17),
                         pattern=Pattern(PatternKind.WEEKLY, (MON, WED)), periods="1-4", classes_per_day=4)
    return replace(base, **change)


# --- Patterns ------------------------------------------------------------------------------

def test_patterns_in_words_in_both_languages():
    assert describe(Pattern(PatternKind.WEEKLY, (MON, WED))) == "Mon, Wed weekly"
    assert describe(Pattern(PatternKind.ALTERNATE, (FRI,), week="A")) == "Fri, week A"
    assert describe(Pattern(PatternKind.MONTHLY, (THU,), nth=2)) == "2nd Thu monthly"
    assert describe(Pattern(PatternKind.MONTHLY, (FRI,), nth=-1)) == "last Fri monthly"
    assert describe(Pattern(PatternKind.WEEKLY, (MON, WED)), "ja") == "毎週 月・水"
    assert describe(Pattern(PatternKind.ALTERNATE, (FRI,), week="B"), "ja") == "隔週（B週） 金"
    assert describe(Pattern(PatternKind.MONTHLY, (THU,), nth=2), "ja") == "毎月第2 木曜"


def test_week_a_holds_the_first_of_april():
    # 1 April 2026 is a Wednesday: its week (30 March - 5 April) is A, the next is B.
    assert [week_letter(d) for d in (D(2026, 3, 30), D(2026, 4, 5), D(2026, 4, 6), D(2026, 4, 13))] == list("AABA")


@pytest.mark.parametrize(
    ("pattern", "start", "rule", "stored_start"),
    [
        (Pattern(PatternKind.WEEKLY, (WED, MON)), D(2026, 4, 6), "FREQ=WEEKLY;BYDAY=MO,WE", D(2026, 4, 6)),
        (Pattern(PatternKind.ALTERNATE, (FRI,), week="A"), D(2026, 4, 6), "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
         D(2026, 4, 13)),
        (Pattern(PatternKind.ALTERNATE, (FRI,), week="B"), D(2026, 4, 6), "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
         D(2026, 4, 6)),
        (Pattern(PatternKind.MONTHLY, (THU,), nth=2), D(2026, 4, 1), "FREQ=MONTHLY;BYDAY=+2TH", D(2026, 4, 1)),
        (Pattern(PatternKind.MONTHLY, (FRI,), nth=-1), D(2026, 4, 1), "FREQ=MONTHLY;BYDAY=-1FR", D(2026, 4, 1)),
    ],
)
def test_patterns_become_rrules_and_back(pattern, start, rule, stored_start):
    built, effective = build_rrule(pattern, start)
    assert (built, effective) == (rule, stored_start)
    assert pattern_of(built, effective) == replace(pattern, weekdays=tuple(sorted(pattern.weekdays)))


def test_a_rule_the_editor_cannot_show_is_kept_as_it_is():
    pattern = pattern_of("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU", D(2026, 4, 7))
    assert pattern.kind == PatternKind.CUSTOM
    assert build_rrule(pattern, D(2026, 4, 7)) == ("FREQ=WEEKLY;INTERVAL=3;BYDAY=TU", D(2026, 4, 7))


def test_a_broken_custom_rule_is_refused():
    with pytest.raises(InvalidInput) as caught:
        build_rrule(Pattern(PatternKind.CUSTOM, rrule="FREQ=SOMETIMES"), D(2026, 4, 7))
    assert caught.value.field == "pattern"
    with pytest.raises(InvalidInput):
        build_rrule(Pattern(PatternKind.CUSTOM, rrule="FREQ=WEEKLY;COUNT=3"), D(2026, 4, 7))


# --- Saving and regeneration ---------------------------------------------------------------

def test_a_new_placement_makes_its_visits_skipping_holidays(ws, people):
    saved = save_placement(ws, _form(people, start_date=D(2026, 4, 27), end_date=D(2026, 5, 13),
                                     pattern=Pattern(PatternKind.WEEKLY, (WED,))), today=D(2026, 4, 1))
    # 29 April is Showa Day, 6 May the substitute holiday for Constitution Day.
    assert _visit_dates(ws, saved.form.id) == [D(2026, 5, 13)]
    assert saved.generated.created == 1 and saved.generated.skipped_day_off == 2


def test_alternate_and_monthly_placements_visit_the_right_days(ws, people):
    friday_a = save_placement(ws, _form(people, pattern=Pattern(PatternKind.ALTERNATE, (FRI,), week="A"),
                                        end_date=D(2026, 5, 31)), today=D(2026, 4, 1))
    assert friday_a.form.start_date == D(2026, 4, 13)
    assert _visit_dates(ws, friday_a.form.id) == [D(2026, 4, 17), D(2026, 5, 1), D(2026, 5, 15), D(2026, 5, 29)]
    second_thursday = save_placement(ws, _form(people, pattern=Pattern(PatternKind.MONTHLY, (THU,), nth=2),
                                               end_date=D(2026, 7, 31)), today=D(2026, 4, 1))
    assert _visit_dates(ws, second_thursday.form.id) == [D(2026, 4, 9), D(2026, 5, 14), D(2026, 6, 11),
                                                         D(2026, 7, 9)]


def test_extra_and_removed_dates(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 17), extra_dates=(D(2026, 4, 10),),
                                     removed_dates=(D(2026, 4, 8),)), today=D(2026, 4, 1))
    assert _visit_dates(ws, saved.form.id) == [D(2026, 4, 6), D(2026, 4, 10), D(2026, 4, 13), D(2026, 4, 15)]


def test_an_edit_applies_from_its_date_and_keeps_earlier_visits(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 30)), today=D(2026, 4, 1)).form
    assert _visit_dates(ws, saved.id) == [D(2026, 4, 6), D(2026, 4, 8), D(2026, 4, 13), D(2026, 4, 15),
                                          D(2026, 4, 20), D(2026, 4, 22), D(2026, 4, 27)]
    changed = save_placement(ws, replace(saved, pattern=Pattern(PatternKind.WEEKLY, (TUE, THU)),
                                         apply_from=D(2026, 4, 20)), today=D(2026, 4, 10))
    assert _visit_dates(ws, saved.id) == [D(2026, 4, 6), D(2026, 4, 8), D(2026, 4, 13), D(2026, 4, 15),
                                          D(2026, 4, 21), D(2026, 4, 23), D(2026, 4, 28), D(2026, 4, 30)]
    assert changed.generated.deleted == 3 and changed.generated.created == 4
    assert changed.form.version == saved.version + 1


def test_regeneration_leaves_visits_edited_by_hand(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 30)), today=D(2026, 4, 1)).form
    with transaction(ws.db.sessions) as s:
        s.execute(update(Visit).where(Visit.placement_id == saved.id, Visit.date == D(2026, 4, 22))
                  .values(origin=VisitOrigin.MANUAL, note="moved by hand"))
    save_placement(ws, replace(saved, pattern=Pattern(PatternKind.WEEKLY, (FRI,))), today=D(2026, 4, 1))
    assert _visit_dates(ws, saved.id) == [D(2026, 4, 10), D(2026, 4, 17), D(2026, 4, 22), D(2026, 4, 24)]


def test_a_shorter_placement_loses_its_later_visits(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 30)), today=D(2026, 4, 1)).form
    save_placement(ws, replace(saved, end_date=D(2026, 4, 15)), today=D(2026, 4, 1))
    assert _visit_dates(ws, saved.id)[-1] == D(2026, 4, 15)


def test_a_stale_placement_edit_changes_nothing(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 30)), today=D(2026, 4, 1)).form
    save_placement(ws, replace(saved, start_time=dt.time(8, 30)), today=D(2026, 4, 1))
    before = _visit_dates(ws, saved.id)
    with pytest.raises(StaleEdit):
        save_placement(ws, replace(saved, pattern=Pattern(PatternKind.WEEKLY, (FRI,))), today=D(2026, 4, 1))
    assert _visit_dates(ws, saved.id) == before
    assert load_placement(ws, saved.id).start_time == dt.time(8, 30)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"alt_id": None}, "alt_id"),
        ({"school_id": None}, "school_id"),
        ({"end_date": D(2026, 4, 1)}, "end_date"),
        ({"end_date": D(2036, 4, 1)}, "end_date"),
        ({"pattern": Pattern(PatternKind.WEEKLY, ())}, "weekdays"),
        ({"start_time": dt.time(15, 0), "end_time": dt.time(9, 0)}, "end_time"),
        ({"periods": "1-4, lunch"}, "periods"),
        ({"periods": "3-1"}, "periods"),
        ({"classes_per_day": -1}, "classes_per_day"),
        ({"extra_dates": (D(2027, 1, 8),)}, "extra_dates"),
        ({"extra_dates": (D(2026, 4, 10),), "removed_dates": (D(2026, 4, 10),)}, "removed_dates"),
        ({"pattern": Pattern(PatternKind.MONTHLY, (MON,), nth=5), "end_date": D(2026, 4, 20)}, "pattern"),
    ],
)
def test_invalid_placements_name_the_field_and_save_nothing(ws, people, change, field):
    with pytest.raises(InvalidInput) as caught:
        save_placement(ws, _form(people, **change), today=D(2026, 4, 1))
    assert caught.value.field == field
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Placement)) == 0
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


def test_periods_are_written_the_way_people_write_them(ws, people):
    saved = save_placement(ws, _form(people, periods="１～３、５", end_date=D(2026, 4, 10)), today=D(2026, 4, 1))
    assert saved.form.periods == "1-3,5"


def test_periods_must_exist_in_the_schools_bell_schedule(ws, people):
    with transaction(ws.db.sessions) as s:
        s.add_all([BellPeriod(school_id=people[1], number=n, start_time=dt.time(8 + n), end_time=dt.time(8 + n, 45))
                   for n in range(1, 7)])
    with pytest.raises(InvalidInput) as caught:
        save_placement(ws, _form(people, periods="5-7"), today=D(2026, 4, 1))
    assert caught.value.field == "periods" and "6 periods" in caught.value.message_en


def test_an_alt_who_has_left_cannot_be_placed(ws, people):
    with transaction(ws.db.sessions) as s:
        s.execute(update(Alt).where(Alt.id == people[0]).values(status=AltStatus.LEFT))
    with pytest.raises(InvalidInput) as caught:
        save_placement(ws, _form(people), today=D(2026, 4, 1))
    assert caught.value.field == "alt_id" and "has left" in caught.value.message_en


# --- Preview -------------------------------------------------------------------------------

def test_preview_marks_skipped_dates_and_says_why(ws, people):
    alt_id, _ = people
    board_id = make_board(ws)
    school_id = make_school(ws, "S2", board_id=board_id)
    make_day_off(ws, DayOffKind.CLOSURE, D(2026, 5, 11), D(2026, 5, 11), "学校閉庁日", board_id=board_id)
    with transaction(ws.db.sessions) as s:
        s.add(Absence(branch_id=ws.branch_id, alt_id=alt_id, start_date=D(2026, 5, 18), end_date=D(2026, 5, 18),
                      kind=AbsenceKind.PAID_LEAVE))
    other = make_placement(ws, alt_id, make_school(ws, "S3"), rrule="FREQ=WEEKLY;BYDAY=MO",
                           start=D(2026, 5, 25), end=D(2026, 5, 25))
    save_placement(ws, load_placement(ws, other), today=D(2026, 4, 1))  # gives it its visit
    form = _form((alt_id, school_id), start_date=D(2026, 4, 27), end_date=D(2027, 3, 24))
    preview = preview_placement(ws, form, after=D(2026, 4, 27))
    skipped = {p.date: [r.text("en") for r in p.reasons] for p in preview if not p.will_visit}
    assert skipped == {
        D(2026, 4, 29): ["Showa Day"],
        D(2026, 5, 4): ["Greenery Day"],
        D(2026, 5, 6): ["Substitute Holiday"],
        D(2026, 5, 11): ["学校閉庁日"],
        D(2026, 5, 18): ["ALT absent"],
        D(2026, 5, 25): ["At S3 ES (08:15–15:45)"],
    }
    assert sum(p.will_visit for p in preview) == 10
    assert preview[0].date == D(2026, 4, 27) and preview[0].will_visit
    assert [r.text("ja") for r in next(p for p in preview if p.date == D(2026, 4, 29)).reasons] == ["昭和の日"]


def test_preview_shows_removed_dates_as_removed(ws, people):
    form = _form(people, end_date=D(2026, 4, 24), removed_dates=(D(2026, 4, 8),))
    preview = preview_placement(ws, form, after=D(2026, 4, 6))
    assert [(p.date, [r.text("en") for r in p.reasons]) for p in preview][:3] == [
        (D(2026, 4, 6), []), (D(2026, 4, 8), ["Removed date"]), (D(2026, 4, 13), [])]


def test_preview_of_an_edited_placement_ignores_its_own_visits(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 24)), today=D(2026, 4, 1)).form
    preview = preview_placement(ws, saved, after=D(2026, 4, 6))
    assert len(preview) == 6 and all(p.will_visit for p in preview)
    assert [p.date for p in preview][:3] == [D(2026, 4, 6), D(2026, 4, 8), D(2026, 4, 13)]


# --- Ending and deleting -------------------------------------------------------------------

def test_a_placement_with_past_visits_is_ended_not_deleted(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 30)), today=D(2026, 4, 1)).form
    with pytest.raises(InUse) as caught:
        delete_placement(ws, saved.id, saved.version, today=D(2026, 4, 16))
    assert caught.value.counts == {"visits": 4}
    assert "End it instead" in caught.value.message_en
    ended = end_placement(ws, saved.id, saved.version, D(2026, 4, 15))
    assert ended.form.end_date == D(2026, 4, 15)
    assert _visit_dates(ws, saved.id) == [D(2026, 4, 6), D(2026, 4, 8), D(2026, 4, 13), D(2026, 4, 15)]


def test_a_future_placement_is_deleted_with_its_generated_visits_only(ws, people):
    saved = save_placement(ws, _form(people, end_date=D(2026, 4, 30)), today=D(2026, 4, 1)).form
    with transaction(ws.db.sessions) as s:
        s.execute(update(Visit).where(Visit.placement_id == saved.id, Visit.date == D(2026, 4, 8))
                  .values(origin=VisitOrigin.MANUAL))
    delete_placement(ws, saved.id, saved.version, today=D(2026, 4, 1))
    with ws.db.sessions() as s:
        remaining = s.execute(select(Visit.date, Visit.placement_id)).all()
        assert s.scalar(select(func.count()).select_from(Placement)) == 0
    assert remaining == [(D(2026, 4, 8), None)]  # the visit made by hand stays, on its own


def test_list_placements_for_the_table(ws, people):
    save_placement(ws, _form(people, pattern=Pattern(PatternKind.ALTERNATE, (FRI,), week="A")), today=D(2026, 4, 1))
    row = list_placements(ws)[0]
    assert (row.alt_code, row.school_code, describe(row.pattern)) == ("A1", "S1", "Fri, week A")
    assert row.start_date == D(2026, 4, 13)
