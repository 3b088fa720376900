"""The planner's data in the record forms: locations, travel, caps, demand rows, pinned placements."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from altdesk.db.enums import LunchPolicy, SchoolLevel, TravelMode
from altdesk.db.models import Alt, School, SchoolDemand
from altdesk.errors import InvalidInput
from altdesk.services.records import (
    AltForm,
    DemandForm,
    Pattern,
    PatternKind,
    PlacementForm,
    SchoolForm,
    delete_school,
    load_alt,
    load_placement,
    load_school,
    save_alt,
    save_placement,
    save_school,
)
from tests.unit.sched_fixtures import make_alt, make_school

D = dt.date
EMILY = AltForm(code="A100", family_name="Carter", given_name="Emily", kana="エミリー・カーター",
                start_date=D(2024, 8, 1), levels=("elementary", "junior_high"))
SAKURA = SchoolForm(code="S100", name_ja="さくら市立桜台小学校", level=SchoolLevel.ELEMENTARY,
                    lunch_policy=LunchPolicy.SERVES)
WEEKLY = DemandForm(days=2, period_weeks=1, weekdays=("WE", "MO", "TH"), classes_per_day=5,
                    start_date=D(2026, 4, 1), end_date=D(2027, 3, 31), note="base school")


def _count(ws, model) -> int:
    with ws.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_an_alt_with_home_travel_and_caps_round_trips(ws):
    form = replace(EMILY, end_date=D(2027, 7, 31), home_latitude=35.8617, home_longitude=139.6455,
                   travel_mode=TravelMode.TRAIN_BUS, preferred_levels=("junior_high",), max_schools=4)
    saved = save_alt(ws, form)
    loaded = load_alt(ws, saved.id)
    assert loaded == saved
    assert (loaded.end_date, loaded.home_latitude, loaded.home_longitude) == (D(2027, 7, 31), 35.8617, 139.6455)
    assert (loaded.travel_mode, loaded.preferred_levels, loaded.max_schools) == (
        TravelMode.TRAIN_BUS, ("junior_high",), 4)


def test_an_old_style_alt_form_keeps_working(ws):
    saved = save_alt(ws, EMILY)
    assert (saved.travel_mode, saved.home_latitude, saved.max_schools, saved.end_date) == (
        TravelMode.CAR, None, None, None)


@pytest.mark.parametrize(("change", "field", "ja"), [
    ({"home_latitude": 91.0, "home_longitude": 139.0}, "home_latitude", "緯度"),
    ({"home_latitude": 35.0, "home_longitude": -181.0}, "home_longitude", "経度"),
    ({"home_latitude": 35.0}, "home_longitude", "経度"),
    ({"home_longitude": 139.0}, "home_latitude", "緯度"),
    ({"home_latitude": "north", "home_longitude": 139.0}, "home_latitude", "緯度"),
    ({"travel_mode": "plane"}, "travel_mode", "通勤手段"),
    ({"preferred_levels": ("university",)}, "preferred_levels", "希望校種"),
    ({"max_schools": 0}, "max_schools", "担当校数"),
    ({"end_date": D(2024, 7, 31)}, "end_date", "契約終了日"),
])
def test_bad_planner_fields_of_an_alt_are_refused_naming_the_field(ws, change, field, ja):
    with pytest.raises(InvalidInput) as err:
        save_alt(ws, replace(EMILY, **change))
    assert err.value.field == field
    assert ja in err.value.message_ja and err.value.message_en
    assert _count(ws, Alt) == 0


def test_a_school_with_location_and_demand_round_trips(ws):
    fortnight = DemandForm(days=3, period_weeks=2, weekdays=(), classes_per_day=4, start_date=D(2026, 9, 1))
    saved = save_school(ws, replace(SAKURA, latitude=35.9, longitude=139.6, demands=(WEEKLY, fortnight)))
    loaded = load_school(ws, saved.id)
    assert loaded == saved
    assert (loaded.latitude, loaded.longitude) == (35.9, 139.6)
    assert loaded.demands[0].weekdays == ("MO", "WE", "TH")  # tidied into week order
    assert loaded.demands[1] == fortnight
    version = loaded.version
    again = save_school(ws, loaded)  # unchanged: no new version, rows kept
    assert again.version == version
    edited = save_school(ws, replace(loaded, demands=(replace(WEEKLY, days=3),)))
    assert edited.version == version + 1 and [d.days for d in edited.demands] == [3]
    assert _count(ws, SchoolDemand) == 1


@pytest.mark.parametrize(("change", "field", "ja"), [
    ({"latitude": -90.5, "longitude": 139.0}, "latitude", "緯度"),
    ({"latitude": 35.0}, "longitude", "経度"),
    ({"demands": (replace(WEEKLY, days=0),)}, "demands.0.days", "ALT日数"),
    ({"demands": (WEEKLY, replace(WEEKLY, days=4))}, "demands.1.days", "最大 3 日"),
    ({"demands": (replace(WEEKLY, days=6, weekdays=()),)}, "demands.0.days", "最大 5 日"),
    ({"demands": (replace(WEEKLY, days=11, period_weeks=2, weekdays=()),)}, "demands.0.days", "ALT日数"),
    ({"demands": (replace(WEEKLY, period_weeks=3),)}, "demands.0.period_weeks", "隔週"),
    ({"demands": (replace(WEEKLY, weekdays=("SU",)),)}, "demands.0.weekdays", "曜日"),
    ({"demands": (replace(WEEKLY, classes_per_day=9),)}, "demands.0.classes_per_day", "授業数"),
    ({"demands": (replace(WEEKLY, start_date=None),)}, "demands.0.start_date", "開始日"),
    ({"demands": (replace(WEEKLY, end_date=D(2026, 3, 1)),)}, "demands.0.end_date", "終了日"),
])
def test_bad_school_location_or_demand_is_refused_naming_the_field(ws, change, field, ja):
    with pytest.raises(InvalidInput) as err:
        save_school(ws, replace(SAKURA, **change))
    assert err.value.field == field
    assert ja in err.value.message_ja and err.value.message_en
    assert _count(ws, School) == 0 and _count(ws, SchoolDemand) == 0


def test_a_fortnight_allows_twice_the_weekdays(ws):
    saved = save_school(ws, replace(SAKURA, demands=(replace(WEEKLY, days=6, period_weeks=2),)))
    assert saved.demands[0].days == 6


def test_deleting_a_school_takes_its_demand_and_the_form_can_bring_it_back(ws):
    saved = save_school(ws, replace(SAKURA, demands=(WEEKLY,)))
    removed = delete_school(ws, saved.id, saved.version)
    assert _count(ws, SchoolDemand) == 0
    back = save_school(ws, replace(removed.school, id=None, version=None))
    assert back.demands == saved.demands


def test_a_pinned_placement_round_trips_and_defaults_to_unpinned(ws):
    alt_id, school_id = make_alt(ws, "A1"), make_school(ws, "S1")
    base = PlacementForm(alt_id=alt_id, school_id=school_id, start_date=D(2026, 4, 6), end_date=D(2026, 7, 17),
                         pattern=Pattern(PatternKind.WEEKLY, (0,)), classes_per_day=4)
    plain = save_placement(ws, base, today=D(2026, 4, 1)).form
    assert plain.pinned is False
    pinned = save_placement(ws, replace(plain, pinned=True), today=D(2026, 4, 1)).form
    assert load_placement(ws, pinned.id).pinned is True
