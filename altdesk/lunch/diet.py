"""The diet profile's vocabulary and its two rules, in one place for every report, order
sheet, import and editor:

- the eight allergens Japanese food labels must show (特定原材料) and the four diets, with
  their English and Japanese names and the spellings people write;
- what the lunch rules can read: a ticked allergen or diet is understood; free text (diet
  notes, other allergens, an allergen outside the table) is not, so it means own lunch
  until a coordinator has reviewed it (the review is kept on the ALT with a fingerprint of
  the text it was made for: a changed text needs a new review);
- what a school may see: only the structured diet, in Japanese, and only with the ALT's
  consent. Free text never leaves the branch: it may hold health details beyond the diet.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


@dataclass(frozen=True)
class DietTerm:
    """An allergen or a diet: its stored key, its names, and other accepted spellings."""

    key: str
    en: str
    ja: str
    spellings: tuple[str, ...] = ()
    ja_for_schools: str = ""  # the name on food labels, where it differs from the short one

    def label(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    @property
    def school_ja(self) -> str:
        return self.ja_for_schools or self.ja


# In the labelling order (卵・乳・小麦・えび・かに・落花生・そば・くるみ).
ALLERGENS: tuple[DietTerm, ...] = (
    DietTerm("egg", "egg", "卵", ("たまご", "タマゴ", "玉子", "鶏卵", "卵類", "eggs")),
    DietTerm("milk", "milk", "乳", ("牛乳", "乳製品", "乳成分", "ミルク", "dairy")),
    DietTerm("wheat", "wheat", "小麦", ("こむぎ", "コムギ", "小麦粉")),
    DietTerm("shrimp", "shrimp", "えび", ("エビ", "海老", "prawn", "prawns", "shrimps")),
    DietTerm("crab", "crab", "かに", ("カニ", "蟹", "crabs")),
    DietTerm("peanut", "peanut", "落花生", ("ピーナッツ", "らっかせい", "落花生(ピーナッツ)", "peanuts", "groundnut"),
             ja_for_schools="落花生（ピーナッツ）"),
    DietTerm("buckwheat", "buckwheat", "そば", ("ソバ", "蕎麦", "soba")),
    DietTerm("walnut", "walnut", "くるみ", ("クルミ", "胡桃", "walnuts")),
)
ALLERGEN_KEYS: tuple[str, ...] = tuple(a.key for a in ALLERGENS)
ALLERGEN_BY_KEY: dict[str, DietTerm] = {a.key: a for a in ALLERGENS}

# The diets, keyed by the ALT's flag attribute.
DIET_FLAGS: tuple[DietTerm, ...] = (
    DietTerm("vegetarian", "vegetarian", "ベジタリアン", ("菜食", "菜食主義", "vegetarians")),
    DietTerm("vegan", "vegan", "ヴィーガン", ("ビーガン", "完全菜食", "vegans")),
    DietTerm("halal", "halal", "ハラール", ("ハラル", "ハラール食", "halal food")),
    DietTerm("gluten_free", "gluten-free", "グルテンフリー", ("gluten free", "glutenfree", "no gluten", "グルテン不可")),
)
FLAG_KEYS: tuple[str, ...] = tuple(f.key for f in DIET_FLAGS)

# What people write for "nothing": not a restriction.
NOTHING_WORDS: tuple[str, ...] = ("なし", "無", "無し", "特になし", "特に無し", "none", "no", "nil", "n/a", "-", "―", "ー",
                                  "—")


class DietReview(StrEnum):
    """A coordinator's reading of a restriction the rules cannot read."""

    SCHOOL_LUNCH_OK = "school_lunch_ok"
    OWN_LUNCH = "own_lunch"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


_NOTHING = frozenset(_fold(w) for w in NOTHING_WORDS)


def is_nothing(text: str | None) -> bool:
    return not text or _fold(text) in _NOTHING


def unreadable_text(allergens: Iterable[str], other_allergens: str | None, diet_notes: str | None) -> str:
    """The parts of a diet profile the lunch rules cannot read, as one text ("" when none)."""
    parts = [a for a in allergens if a not in ALLERGEN_BY_KEY]
    for text in (other_allergens, diet_notes):
        if not is_nothing(text):
            parts.append(unicodedata.normalize("NFKC", text or "").strip())
    return "\n".join(parts)


def review_fingerprint(text: str) -> str:
    """What a review was made for, without keeping a second copy of the sensitive text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def effective_review(review: str | None, reviewed_for: str | None, unreadable: str) -> DietReview | None:
    """The review that still holds: None when there is none, or it was made for another text."""
    if not review or not unreadable or reviewed_for != review_fingerprint(unreadable):
        return None
    try:
        return DietReview(review)
    except ValueError:
        return None


class DietProfile(Protocol):
    """The diet fields of an ALT (the ORM row, a query row or a form alike)."""

    allergens: Iterable[str]
    other_allergens: str
    vegetarian: bool
    vegan: bool
    halal: bool
    gluten_free: bool


def structured_terms(profile: DietProfile) -> list[DietTerm]:
    """The allergens in the table and the diets the profile ticks, in the table's order."""
    ticked = set(profile.allergens or ())
    terms = [a for a in ALLERGENS if a.key in ticked]
    return terms + [f for f in DIET_FLAGS if getattr(profile, f.key, False)]


OTHER_FOR_SCHOOLS_JA = "その他（詳細は支店へお問い合わせください）"


def school_diet_ja(profile: DietProfile, consent: bool) -> str:
    """What a school may read about an ALT's diet: the allergens and diets, in Japanese, only with
    consent. Free text (other allergens, notes) stays in the branch; that there is more is said."""
    if not consent:
        return ""
    ticked = set(profile.allergens or ())
    allergens = [a.school_ja for a in ALLERGENS if a.key in ticked]
    if ticked - set(ALLERGEN_KEYS) or not is_nothing(profile.other_allergens):
        allergens.append(OTHER_FOR_SCHOOLS_JA)
    parts = ["アレルギー：" + "・".join(allergens)] if allergens else []
    parts += [f.ja for f in DIET_FLAGS if getattr(profile, f.key, False)]
    return "、".join(parts)
