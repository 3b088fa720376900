"""The lunch mode of a visit, derived and explainable.

School lunch (給食) when the school serves ALT lunch, the ALT's diet allows it and the
placement does not say otherwise; own lunch (弁当持参) otherwise; milk only where the school
offers only milk; event days default to own lunch. School lunch offers no choice, so any
allergy or diet restriction means own lunch.
"""

from __future__ import annotations

from dataclasses import dataclass

from altdesk.db.enums import LunchMode, LunchPolicy


@dataclass(frozen=True)
class DietFacts:
    """The parts of an ALT's diet profile that decide lunch."""

    allergens: tuple[str, ...] = ()
    other_allergens: str = ""
    vegetarian: bool = False
    vegan: bool = False
    halal: bool = False
    gluten_free: bool = False

    @property
    def restricted(self) -> bool:
        return bool(
            self.allergens or self.other_allergens.strip() or self.vegetarian or self.vegan
            or self.halal or self.gluten_free
        )

    @property
    def milk_ok(self) -> bool:
        return "milk" not in self.allergens and not self.vegan


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
