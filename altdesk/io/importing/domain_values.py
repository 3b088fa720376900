"""The closed sets of the domain as people write them, in English and Japanese:
school levels, lunch policy and lunch mode, ALT status, allergens, closure kinds,
and the lunch notice rule."""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from altdesk.db.enums import AltStatus, DayOffKind, LunchMode, LunchPolicy, SchoolLevel, TravelMode
from altdesk.io.importing.problems import CellError
from altdesk.io.importing.text import CellContext, enum, lookup_key, nfkc, reject_special, split_list, unique
from altdesk.lunch import diet


def _table(words: dict[Any, tuple[str, ...]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for value, names in words.items():
        for name in (str(value), *names):
            table[lookup_key(name)] = value
    return table


LEVEL_WORDS: dict[SchoolLevel, tuple[str, ...]] = {
    SchoolLevel.KINDERGARTEN: ("Kindergarten", "幼稚園", "幼", "こども園", "認定こども園", "K", "KG", "kinder", "preschool"),
    SchoolLevel.ELEMENTARY: ("Elementary", "小学校", "小", "小学", "E", "ES", "elementary school", "primary",
                             "primary school"),
    SchoolLevel.JUNIOR_HIGH: ("Junior high", "中学校", "中", "中学", "J", "JHS", "junior high school", "middle school",
                              "lower secondary"),
    SchoolLevel.SENIOR_HIGH: ("Senior high", "高等学校", "高校", "高", "S", "SHS", "senior high school", "high school",
                              "upper secondary"),
    SchoolLevel.SPECIAL_NEEDS: ("Special needs", "特別支援学校", "支援学校", "特支", "支", "養護学校", "N", "SN",
                                "special needs school", "special support school"),
}
LEVELS_ALLOWED_EN = "kindergarten, elementary, junior_high, senior_high, special_needs (or 幼稚園, 小学校, 中学校, 高等学校, 特別支援学校)"
LEVELS_ALLOWED_JA = "幼稚園、小学校、中学校、高等学校、特別支援学校（または kindergarten, elementary, junior_high, senior_high, special_needs）"
parse_level = enum(_table(LEVEL_WORDS), LEVELS_ALLOWED_EN, LEVELS_ALLOWED_JA)


def parse_levels(value: Any, ctx: CellContext) -> list[str] | None:
    """Several levels in one cell (an ALT's levels taught), in the order written."""
    reject_special(value)
    items = split_list(value)
    if not items:
        return None if value is None or not str(value).strip() else []
    return unique(parse_level(item, ctx).value for item in items)  # type: ignore[union-attr]


POLICY_WORDS: dict[LunchPolicy, tuple[str, ...]] = {
    LunchPolicy.SERVES: ("Serves ALT lunch", "給食あり", "あり", "有", "有り", "提供", "提供あり", "はい", "yes", "y",
                         "serve", "school lunch", "給食", "○", "〇"),
    LunchPolicy.NONE: ("No ALT lunch", "給食なし", "なし", "無", "無し", "no", "n", "×", "弁当", "弁当持参", "own lunch"),
    LunchPolicy.MILK_ONLY: ("Milk only", "牛乳のみ", "牛乳", "ミルク", "milk"),
}
POLICY_ALLOWED_EN = "serves, none, milk_only (or 給食あり, 給食なし, 牛乳のみ)"
POLICY_ALLOWED_JA = "給食あり、給食なし、牛乳のみ（または serves, none, milk_only）"
parse_lunch_policy = enum(_table(POLICY_WORDS), POLICY_ALLOWED_EN, POLICY_ALLOWED_JA)

MODE_WORDS: dict[LunchMode, tuple[str, ...]] = {
    LunchMode.SCHOOL_LUNCH: ("School lunch", "給食", "給食あり", "lunch", "kyushoku", "○", "〇"),
    LunchMode.OWN_LUNCH: ("Own lunch", "弁当", "弁当持参", "お弁当", "bento", "packed lunch"),
    LunchMode.MILK_ONLY: ("Milk only", "牛乳", "牛乳のみ", "milk"),
    LunchMode.NONE: ("No lunch", "なし", "無し", "無", "×", "給食なし"),
}
MODE_ALLOWED_EN = ("empty (as the school's policy), school_lunch, own_lunch, milk_only, none "
                   "(or 給食, 弁当持参, 牛乳のみ, なし)")
MODE_ALLOWED_JA = "空欄（学校の方針どおり）、給食、弁当持参、牛乳のみ、なし（または school_lunch, own_lunch, milk_only, none）"
parse_lunch_mode = enum(_table(MODE_WORDS), MODE_ALLOWED_EN, MODE_ALLOWED_JA)

STATUS_WORDS: dict[AltStatus, tuple[str, ...]] = {
    AltStatus.ACTIVE: ("在籍", "在籍中", "勤務中", "稼働", "稼働中", "現職", "working"),
    AltStatus.ON_LEAVE: ("On leave", "休職", "休職中", "休業", "休業中", "産休", "育休", "leave"),
    AltStatus.LEFT: ("退職", "退職済", "退職済み", "離職", "契約終了", "former"),
}
STATUS_ALLOWED_EN = "active, on_leave, left (or 在籍, 休職, 退職)"
STATUS_ALLOWED_JA = "在籍、休職、退職（または active, on_leave, left）"
parse_status = enum(_table(STATUS_WORDS), STATUS_ALLOWED_EN, STATUS_ALLOWED_JA)

DAY_OFF_WORDS: dict[DayOffKind, tuple[str, ...]] = {
    DayOffKind.BREAK: ("長期休業", "休業", "休業期間", "夏休み", "冬休み", "春休み", "夏季休業", "冬季休業", "春季休業",
                       "term break", "vacation", "holidays"),
    DayOffKind.CLOSURE: ("閉庁日", "学校閉庁日", "閉庁", "closure day", "school closure", "school closure day"),
    DayOffKind.SCHOOL_DAY_OFF: ("学校休業日", "学校の休み", "開校記念日", "振替休業日", "臨時休業", "school holiday",
                                "day off"),
    DayOffKind.BRANCH_CLOSURE: ("支店休業", "支店休業日", "年末年始", "会社休業日", "office closure"),
}
DAY_OFF_LABELS_JA = {
    DayOffKind.BREAK: "長期休業",
    DayOffKind.CLOSURE: "学校閉庁日",
    DayOffKind.SCHOOL_DAY_OFF: "学校休業日",
    DayOffKind.BRANCH_CLOSURE: "支店休業日",
}
DAY_OFF_ALLOWED_EN = ("break (a board's term break), closure (a board's closure days), school_day_off (one school), "
                      "branch_closure (the whole branch)")
DAY_OFF_ALLOWED_JA = "長期休業（教育委員会）、学校閉庁日（教育委員会）、学校休業日（1 校）、支店休業日（支店全体）"
parse_day_off_kind = enum(_table(DAY_OFF_WORDS), DAY_OFF_ALLOWED_EN, DAY_OFF_ALLOWED_JA)

ALLERGEN_TABLE = _table({a.key: (a.en, a.ja, a.school_ja, *a.spellings) for a in diet.ALLERGENS})
DIET_FLAG_TABLE = _table({f.key: (f.en, f.ja, *f.spellings) for f in diet.DIET_FLAGS})
ALLERGENS_ALLOWED_EN = (", ".join(a.en for a in diet.ALLERGENS) + " (or " + ", ".join(a.ja for a in diet.ALLERGENS)
                        + "); " + ", ".join(f.en for f in diet.DIET_FLAGS)
                        + " tick those diets; others go to Other allergens and are to be reviewed")
ALLERGENS_ALLOWED_JA = ("、".join(a.ja for a in diet.ALLERGENS) + "（または英語名）。"
                        + "、".join(f.ja for f in diet.DIET_FLAGS)
                        + "はその食事の欄に入ります。それ以外は「その他アレルギー」に入り、要確認になります")
_NO_ALLERGY = {lookup_key(w) for w in diet.NOTHING_WORDS}


class AllergenCell(NamedTuple):
    """An allergens cell read: the labelled allergens, the diets named (vegetarian, halal …),
    and anything else as typed."""

    labelled: list[str]
    flags: list[str]
    others: list[str]


def parse_allergens(value: Any, ctx: CellContext) -> AllergenCell | None:
    """Others are kept, with a warning: the lunch rules cannot read them."""
    reject_special(value)
    if value is None:
        return None
    items = split_list(value)
    if not items:
        return AllergenCell([], [], [])
    labelled: set[str] = set()
    flags: set[str] = set()
    others: list[str] = []
    for item in items:
        key = lookup_key(item)
        if key in _NO_ALLERGY:
            continue
        if key in ALLERGEN_TABLE:
            labelled.add(ALLERGEN_TABLE[key])
        elif key in DIET_FLAG_TABLE:
            flags.add(DIET_FLAG_TABLE[key])
        else:
            others.append(item)
    if others:
        ctx.warn(
            f"{', '.join(others)} is not one of the eight labelled allergens; it goes under Other allergens "
            "(to be reviewed: own lunch until then).",
            f"「{'、'.join(others)}」は特定原材料 8 品目ではないため、その他アレルギーに入ります"
            "（要確認：確認まで弁当持参）。",
        )
    return AllergenCell([a for a in diet.ALLERGEN_KEYS if a in labelled],
                        [f for f in diet.FLAG_KEYS if f in flags], unique(others))


REVIEW_WORDS: dict[diet.DietReview, tuple[str, ...]] = {
    diet.DietReview.SCHOOL_LUNCH_OK: ("School lunch is fine", "給食可", "給食OK", "給食で可", "school lunch ok",
                                      "school lunch"),
    diet.DietReview.OWN_LUNCH: ("Own lunch", "弁当持参", "弁当", "給食不可", "own lunch", "bento"),
}
REVIEW_ALLOWED_EN = "empty (to review: own lunch until reviewed), school_lunch_ok, own_lunch (or 給食可, 弁当持参)"
REVIEW_ALLOWED_JA = "空欄（要確認：確認まで弁当持参）、給食可、弁当持参（または school_lunch_ok, own_lunch）"
parse_diet_review = enum(_table(REVIEW_WORDS), REVIEW_ALLOWED_EN, REVIEW_ALLOWED_JA)


NOTICE_HELP_EN = ("Write the lunch notice rule as '4 school days before, 11:00' or 'day 20 of previous month' "
                  "(or 4授業日前 11:00, 前月20日).")
NOTICE_HELP_JA = "給食連絡の期限は「4授業日前 11:00」「前月20日」（または 4 school days before, 11:00 / day 20 of previous month）のように入力してください。"
_DAYS_BEFORE = re.compile(
    r"(\d{1,2})\s*(?:school\s*days?\s*before|授業日前|登校日前|営業日前|日前)\s*[,、]?\s*(?:(\d{1,2})\s*[:時]\s*(\d{2})\s*分?)?(?:まで)?"
)
_PREVIOUS_MONTH = re.compile(r"(?:前月\s*(\d{1,2})\s*日(?:まで)?|day\s*(\d{1,2})\s*of\s*(?:the\s*)?previous\s*month)")


def parse_notice_rule(value: Any, ctx: CellContext) -> dict[str, Any] | None:
    reject_special(value)
    if value is None:
        return None
    text = nfkc(str(value))
    if not text:
        return None
    if text.startswith("{"):
        try:
            rule = json.loads(text)
        except ValueError:
            raise CellError(NOTICE_HELP_EN, NOTICE_HELP_JA) from None
        if not isinstance(rule, dict) or not isinstance(rule.get("kind"), str):
            raise CellError(NOTICE_HELP_EN, NOTICE_HELP_JA)
        return rule
    if m := _DAYS_BEFORE.fullmatch(text.lower()):
        rule: dict[str, Any] = {"kind": "school_days_before", "days": int(m[1])}
        if m[2]:
            hours, minutes = int(m[2]), int(m[3])
            if hours > 23 or minutes > 59:
                raise CellError(NOTICE_HELP_EN, NOTICE_HELP_JA)
            rule["time"] = f"{hours:02d}:{minutes:02d}"
        return rule
    if m := _PREVIOUS_MONTH.fullmatch(text.lower()):
        day = int(m[1] or m[2])
        if not 1 <= day <= 31:
            raise CellError(NOTICE_HELP_EN, NOTICE_HELP_JA)
        return {"kind": "day_of_previous_month", "day": day}
    raise CellError(NOTICE_HELP_EN, NOTICE_HELP_JA)


def format_notice_rule(rule: dict[str, Any] | None) -> str:
    if not rule:
        return ""
    if rule.get("kind") == "school_days_before" and set(rule) <= {"kind", "days", "time"} and isinstance(
        rule.get("days"), int
    ):
        text = f"{rule['days']} school days before"
        return f"{text}, {rule['time']}" if rule.get("time") else text
    if rule.get("kind") == "day_of_previous_month" and set(rule) == {"kind", "day"} and isinstance(rule.get("day"), int):
        return f"day {rule['day']} of previous month"
    return json.dumps(rule, ensure_ascii=False, sort_keys=True)


TRAVEL_WORDS: dict[TravelMode, tuple[str, ...]] = {
    TravelMode.CAR: ("Car", "車", "自動車", "自家用車", "マイカー", "運転", "drive", "driving", "driver"),
    TravelMode.TRAIN_BUS: ("Train/bus", "電車・バス", "電車/バス", "電車", "バス", "公共交通", "公共交通機関", "鉄道", "train",
                           "bus", "train and bus", "public transport", "transit"),
    TravelMode.BICYCLE: ("Bicycle", "自転車", "バイク", "bike", "cycle", "cycling"),
}
TRAVEL_ALLOWED_EN = "car, train_bus, bicycle (or 車, 電車・バス, 自転車)"
TRAVEL_ALLOWED_JA = "車、電車・バス、自転車（または car, train_bus, bicycle）"
parse_travel_mode = enum(_table(TRAVEL_WORDS), TRAVEL_ALLOWED_EN, TRAVEL_ALLOWED_JA)
