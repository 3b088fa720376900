"""An ALT's diet in words, for the only place it may leave the program: a school's lunch
order sheet, and only when the ALT consented (Alt.share_diet_consent).

Only the diet itself is named (allergens, vegetarian, vegan, halal, gluten-free, other
allergens). Free-text diet notes stay inside: they may hold health details beyond the diet.
"""

from __future__ import annotations

from altdesk.lunch.month_data import AltInfo

ALLERGEN_LABELS: dict[str, tuple[str, str]] = {
    "egg": ("egg", "卵"),
    "milk": ("milk", "乳"),
    "wheat": ("wheat", "小麦"),
    "shrimp": ("shrimp", "えび"),
    "crab": ("crab", "かに"),
    "peanut": ("peanut", "落花生"),
    "buckwheat": ("buckwheat", "そば"),
    "walnut": ("walnut", "くるみ"),
}

DIET_FLAGS: tuple[tuple[str, str, str], ...] = (
    ("vegetarian", "vegetarian", "ベジタリアン"),
    ("vegan", "vegan", "ヴィーガン"),
    ("halal", "halal", "ハラール"),
    ("gluten_free", "gluten-free", "グルテンフリー"),
)


def diet_summary(alt: AltInfo, lang: str = "ja") -> str:
    """The ALT's diet, or "" when there is none to tell or no consent to tell it."""
    if not alt.share_diet_consent or not alt.restricted:
        return ""
    ja = lang == "ja"
    parts: list[str] = []
    allergens = [ALLERGEN_LABELS.get(a, (a, a))[1 if ja else 0] for a in alt.allergens]
    if alt.other_allergens.strip():
        allergens.append(alt.other_allergens.strip())
    if allergens:
        parts.append(("アレルギー：" + "・".join(allergens)) if ja else ("allergy: " + ", ".join(allergens)))
    for attr, en, ja_label in DIET_FLAGS:
        if getattr(alt, attr):
            parts.append(ja_label if ja else en)
    return ("、" if ja else "; ").join(parts)
