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


# --- Restrictions the rules cannot read: own lunch, "to review" ----------------------------

EGG_NOTE = "卵アレルギーのため給食不可"


def _review(ws, alt_id: int, review) -> None:
    from dataclasses import replace

    from altdesk.services.records import load_alt, save_alt

    save_alt(ws, replace(load_alt(ws, alt_id), diet_review=review))


def test_diet_notes_the_rules_cannot_read_mean_own_lunch_to_review_until_a_coordinator_reviews_them(ws):
    from altdesk.db.engine import transaction
    from altdesk.db.models import Alt
    from altdesk.lunch.diet import DietReview
    from altdesk.services.records import load_alt

    branch = lunch_branch(ws, diet_notes=EGG_NOTE)
    assert len(_modes(ws, branch.alt)) == 9 and set(_modes(ws, branch.alt)) == {LunchMode.OWN_LUNCH}
    why = lunch_explanation(ws, visit_on(ws, branch.alt, dt.date(2026, 6, 2)))
    assert why.follows_rules and "To review" in why.text("en") and "要確認" in why.text("ja")
    assert EGG_NOTE not in why.text("ja")  # the reason names the rule, not the notes

    # A coordinator reads the note and decides school lunch is fine (say the school has an egg-free menu).
    _review(ws, branch.alt, DietReview.SCHOOL_LUNCH_OK)
    assert load_alt(ws, branch.alt).diet_review == DietReview.SCHOOL_LUNCH_OK
    generate_visits(ws, *JUNE)
    assert set(_modes(ws, branch.alt)) == {LunchMode.SCHOOL_LUNCH}

    # The notes change (as an import would change them): the review no longer holds.
    with transaction(ws.db.sessions) as s:
        s.get(Alt, branch.alt).diet_notes = EGG_NOTE + "。乳も不可"
    assert load_alt(ws, branch.alt).diet_review is None
    generate_visits(ws, *JUNE)
    assert set(_modes(ws, branch.alt)) == {LunchMode.OWN_LUNCH}


def test_a_manual_lunch_override_survives_a_review_and_regenerating(ws):
    from altdesk.lunch.diet import DietReview
    from altdesk.services.lunch import set_lunch_override

    branch = lunch_branch(ws, diet_notes=EGG_NOTE)
    kept = visit_on(ws, branch.alt, dt.date(2026, 6, 4))
    set_lunch_override(ws, kept, LunchMode.MILK_ONLY, "The school serves her milk only; agreed by phone.")
    _review(ws, branch.alt, DietReview.SCHOOL_LUNCH_OK)
    generate_visits(ws, *JUNE)
    modes = dict(zip([dt.date(2026, 6, d) for d in (2, 4, 9, 11, 16, 18, 23, 25, 30)], _modes(ws, branch.alt),
                     strict=True))
    assert modes.pop(dt.date(2026, 6, 4)) == LunchMode.MILK_ONLY
    assert set(modes.values()) == {LunchMode.SCHOOL_LUNCH}


def test_free_text_restrictions_and_their_reviews_decide_lunch():
    from altdesk.lunch.diet import DietReview

    serves, milk = LunchPolicy.SERVES, LunchPolicy.MILK_ONLY
    for unread in (DietFacts(notes=EGG_NOTE), DietFacts(other_allergens="キウイ"), DietFacts(allergens=("kiwi",))):
        decision = derive_lunch(serves, unread)
        assert decision.mode == LunchMode.OWN_LUNCH and "To review" in decision.reason_en
        assert derive_lunch(milk, unread).mode == LunchMode.OWN_LUNCH  # not even milk until reviewed
    ok = DietFacts(notes=EGG_NOTE, review=DietReview.SCHOOL_LUNCH_OK)
    assert derive_lunch(serves, ok).mode == LunchMode.SCHOOL_LUNCH
    assert derive_lunch(milk, ok).mode == LunchMode.MILK_ONLY
    own = derive_lunch(serves, DietFacts(notes=EGG_NOTE, review=DietReview.OWN_LUNCH))
    assert own.mode == LunchMode.OWN_LUNCH and "To review" not in own.reason_en
    # A reviewed note does not lift a ticked allergen; "none" written as a note is no restriction.
    assert derive_lunch(serves, DietFacts(allergens=("egg",), notes="x", review=DietReview.SCHOOL_LUNCH_OK)).mode \
        == LunchMode.OWN_LUNCH
    assert derive_lunch(serves, DietFacts(notes="特になし")).mode == LunchMode.SCHOOL_LUNCH
