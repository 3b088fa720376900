"""The lunch mode of a visit, derived and explainable.

School lunch (給食) when the school serves ALT lunch, the ALT's diet allows it and the
placement does not say otherwise; own lunch (弁当持参) otherwise; milk only where the school
offers only milk; event days default to own lunch. School lunch offers no choice, so any
allergy or diet restriction means own lunch; a restriction written as free text that no
coordinator has reviewed yet means own lunch too, "to review" (要確認).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.enums import LunchMode, LunchPolicy
from altdesk.db.models import Alt
from altdesk.lunch.diet import ALLERGEN_BY_KEY, DietReview, effective_review, unreadable_text


@dataclass(frozen=True)
class DietFacts:
    """The parts of an ALT's diet profile that decide lunch. `review` is the coordinator's
    review that still holds for the current free text (see altdesk.lunch.diet)."""

    allergens: tuple[str, ...] = ()
    other_allergens: str = ""
    vegetarian: bool = False
    vegan: bool = False
    halal: bool = False
    gluten_free: bool = False
    notes: str = ""
    review: DietReview | None = None

    @cached_property
    def unreadable(self) -> str:
        """Free text the rules cannot read: diet notes, other allergens, an unknown allergen."""
        return unreadable_text(self.allergens, self.other_allergens, self.notes)

    @property
    def needs_review(self) -> bool:
        return bool(self.unreadable) and self.review is None

    @property
    def structured(self) -> bool:
        return bool(
            any(a in ALLERGEN_BY_KEY for a in self.allergens) or self.vegetarian or self.vegan or self.halal
            or self.gluten_free
        )

    @property
    def restricted(self) -> bool:
        """Anything that rules out school lunch: school lunch offers no choice."""
        return self.structured or (bool(self.unreadable) and self.review != DietReview.SCHOOL_LUNCH_OK)

    @property
    def milk_ok(self) -> bool:
        if self.unreadable and self.review != DietReview.SCHOOL_LUNCH_OK:
            return False
        return "milk" not in self.allergens and not self.vegan


TO_REVIEW_EN = ("To review: the ALT's diet notes or other allergens are not something the rules can read; "
                "own lunch until a coordinator reviews them (ALT editor).")
TO_REVIEW_JA = "要確認：ALTの食事メモ・その他アレルギーは規則で判定できないため、コーディネーターが確認するまで弁当持参。"


@dataclass(frozen=True)
class LunchDecision:
    mode: LunchMode
    reason_en: str
    reason_ja: str


def derive_lunch(
    policy: LunchPolicy,
    diet: DietFacts,
    placement_mode: LunchMode | None = None,
    is_event: bool = False,
) -> LunchDecision:
    if is_event:
        return LunchDecision(LunchMode.OWN_LUNCH, "Event day: bring your own lunch.", "行事日のため弁当持参。")
    if placement_mode is not None:
        return LunchDecision(placement_mode, "Set on the placement.", "配置で指定。")
    if policy == LunchPolicy.NONE:
        return LunchDecision(LunchMode.OWN_LUNCH, "The school serves no ALT lunch.", "学校はALTに給食を提供していません。")
    if diet.needs_review:
        return LunchDecision(LunchMode.OWN_LUNCH, TO_REVIEW_EN, TO_REVIEW_JA)
    if policy == LunchPolicy.MILK_ONLY:
        if diet.milk_ok:
            return LunchDecision(LunchMode.MILK_ONLY, "The school offers milk only.", "学校は牛乳のみ提供。")
        return LunchDecision(LunchMode.OWN_LUNCH, "Milk only offered, but the ALT cannot have milk.",
                             "牛乳のみの提供ですが、ALTは牛乳をとれません。")
    if diet.restricted:
        return LunchDecision(LunchMode.OWN_LUNCH, "The ALT's diet rules out school lunch.",
                             "ALTの食事制限のため給食は不可。")
    return LunchDecision(LunchMode.SCHOOL_LUNCH, "The school serves lunch and the ALT's diet allows it.",
                         "学校給食あり、ALTの食事制限なし。")


def diet_facts(session: Session, branch_id: int) -> dict[int, DietFacts]:
    """Each ALT's diet as the lunch rules read it, with the coordinator's review where it still
    holds (a review made for other notes no longer counts)."""
    rows = session.execute(
        select(Alt.id, Alt.allergens, Alt.other_allergens, Alt.vegetarian, Alt.vegan, Alt.halal, Alt.gluten_free,
               Alt.diet_notes, Alt.diet_review, Alt.diet_review_of)
        .where(Alt.branch_id == branch_id)
    )
    facts: dict[int, DietFacts] = {}
    for alt_id, allergens, other, veg, vegan, halal, gf, notes, review, reviewed_for in rows:
        allergens = tuple(allergens or ())
        unreadable = unreadable_text(allergens, other, notes)
        facts[alt_id] = DietFacts(allergens, other or "", veg, vegan, halal, gf, notes or "",
                                  effective_review(review, reviewed_for, unreadable))
    return facts
