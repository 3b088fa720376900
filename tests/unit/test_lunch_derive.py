"""Lunch mode per visit, as generation sets it, and the explanation a coordinator sees."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from altdesk.db.enums import LunchMode, LunchPolicy, SchoolLevel
from altdesk.db.models import Visit
from altdesk.lunch.derive import DietFacts, derive_lunch
from altdesk.services.lunch import lunch_explanation
from altdesk.services.scheduling import generate_visits
from tests.unit.lunch_fixtures import JUNE, lunch_branch, visit_on
from tests.unit.sched_fixtures import make_alt, make_placement, make_school


def _modes(ws, alt_id: int) -> list[LunchMode]:
    with ws.db.sessions() as s:
        return list(s.scalars(select(Visit.lunch_mode).where(Visit.alt_id == alt_id).order_by(Visit.date)))


def test_egg_allergy_at_a_school_serving_lunch_brings_own_lunch_every_visit(ws):
    branch = lunch_branch(ws, allergens=("egg",))
    modes = _modes(ws, branch.alt)
    assert len(modes) == 9  # Tuesdays and Thursdays of June 2026
    assert set(modes) == {LunchMode.OWN_LUNCH}
    why = lunch_explanation(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 2)))
    assert why.mode == LunchMode.OWN_LUNCH and why.follows_rules and not why.overridden
    assert "diet rules out school lunch" in why.text("en")
    assert "食事制限" in why.text("ja")
    assert "egg" not in why.text("en")  # the reason names the rule, not the allergen


def test_alt_without_restrictions_gets_school_lunch(ws):
    branch = lunch_branch(ws)
    modes = _modes(ws, branch.alt)
    assert len(modes) == 9 and set(modes) == {LunchMode.SCHOOL_LUNCH}
    why = lunch_explanation(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 4)))
    assert "serves lunch and the ALT's diet allows it" in why.text("en")
    # The deadline the school needs to know by: 4 school days before Thu 4 June is Fri 29 May, 11:00.
    assert why.deadline is not None and why.deadline.date() == dt.date(2026, 5, 29)
    assert "2026-05-29 (Fri) 11:00" in why.text("en")


def test_senior_high_serving_no_lunch_means_own_lunch(ws):
    school = make_school(ws, "H1", SchoolLevel.SENIOR_HIGH, policy=LunchPolicy.NONE, price=0)
    alt = make_alt(ws, "A1", levels=("senior_high",))
    make_placement(ws, alt, school, "FREQ=WEEKLY;BYDAY=MO,FR")
    generate_visits(ws, *JUNE)
    modes = _modes(ws, alt)
    assert len(modes) == 9 and set(modes) == {LunchMode.OWN_LUNCH}
    why = lunch_explanation(ws, visit_on(ws, alt, dt.date(2026, 6, 1)))
    assert "serves no ALT lunch" in why.text("en")


def test_milk_only_school_gives_milk_unless_the_alt_cannot_have_milk(ws):
    kinder = make_school(ws, "K1", SchoolLevel.KINDERGARTEN, policy=LunchPolicy.MILK_ONLY, price=60)
    drinks = make_alt(ws, "A1", levels=("kindergarten",))
    vegan = make_alt(ws, "A2", levels=("kindergarten",), vegan=True)
    make_placement(ws, drinks, kinder, "FREQ=WEEKLY;BYDAY=MO")
    make_placement(ws, vegan, kinder, "FREQ=WEEKLY;BYDAY=FR")
    generate_visits(ws, *JUNE)
    assert set(_modes(ws, drinks)) == {LunchMode.MILK_ONLY}
    assert set(_modes(ws, vegan)) == {LunchMode.OWN_LUNCH}


def test_placement_setting_and_event_days_win_over_the_school():
    diet = DietFacts()
    assert derive_lunch(LunchPolicy.SERVES, diet).mode == LunchMode.SCHOOL_LUNCH
    assert derive_lunch(LunchPolicy.SERVES, diet, LunchMode.NONE).mode == LunchMode.NONE
    event = derive_lunch(LunchPolicy.SERVES, diet, None, is_event=True)
    assert event.mode == LunchMode.OWN_LUNCH and "Event" in event.reason_en
    for restriction in (DietFacts(halal=True), DietFacts(gluten_free=True), DietFacts(vegetarian=True),
                        DietFacts(other_allergens="sesame"), DietFacts(allergens=("buckwheat",))):
        assert derive_lunch(LunchPolicy.SERVES, restriction).mode == LunchMode.OWN_LUNCH


def test_every_lunch_mode_has_its_own_mark_in_both_languages():
    from altdesk.lunch.marks import lunch_mark

    meals = [m for m in LunchMode if m != LunchMode.NONE]
    for lang in ("en", "ja"):
        marks = [lunch_mark(m, lang) for m in meals]
        assert all(marks) and len(set(marks)) == len(marks)
        assert lunch_mark(LunchMode.NONE, lang) == ""
    assert lunch_mark("school_lunch", "ja") == "給" and lunch_mark(LunchMode.OWN_LUNCH, "ja", overridden=True) == "弁*"
