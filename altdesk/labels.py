"""Labels shown to people, in English and Japanese, and the one colour per school level.

Colours are the Okabe-Ito colour-blind-safe palette; a letter always goes beside the colour
so meaning never rests on colour alone.
"""

from __future__ import annotations

import datetime as dt

from altdesk.db.enums import AbsenceKind, CancelReason, LunchMode, LunchPolicy, SchoolLevel

LEVEL_LABELS: dict[SchoolLevel, tuple[str, str]] = {
    SchoolLevel.KINDERGARTEN: ("Kindergarten", "幼稚園"),
    SchoolLevel.ELEMENTARY: ("Elementary", "小学校"),
    SchoolLevel.JUNIOR_HIGH: ("Junior high", "中学校"),
    SchoolLevel.SENIOR_HIGH: ("Senior high", "高等学校"),
    SchoolLevel.SPECIAL_NEEDS: ("Special needs", "特別支援学校"),
}

# Okabe-Ito: orange, sky blue, bluish green, vermillion, reddish purple.
LEVEL_COLOURS: dict[SchoolLevel, str] = {
    SchoolLevel.KINDERGARTEN: "#E69F00",
    SchoolLevel.ELEMENTARY: "#56B4E9",
    SchoolLevel.JUNIOR_HIGH: "#009E73",
    SchoolLevel.SENIOR_HIGH: "#D55E00",
    SchoolLevel.SPECIAL_NEEDS: "#CC79A7",
}

LEVEL_LETTERS: dict[SchoolLevel, tuple[str, str]] = {
    SchoolLevel.KINDERGARTEN: ("K", "幼"),
    SchoolLevel.ELEMENTARY: ("E", "小"),
    SchoolLevel.JUNIOR_HIGH: ("J", "中"),
    SchoolLevel.SENIOR_HIGH: ("S", "高"),
    SchoolLevel.SPECIAL_NEEDS: ("N", "支"),
}

LUNCH_MODE_LABELS: dict[LunchMode, tuple[str, str]] = {
    LunchMode.SCHOOL_LUNCH: ("School lunch", "給食"),
    LunchMode.OWN_LUNCH: ("Own lunch", "弁当持参"),
    LunchMode.MILK_ONLY: ("Milk only", "牛乳のみ"),
    LunchMode.NONE: ("No lunch", "なし"),
}

LUNCH_POLICY_LABELS: dict[LunchPolicy, tuple[str, str]] = {
    LunchPolicy.SERVES: ("Serves ALT lunch", "給食あり"),
    LunchPolicy.NONE: ("No ALT lunch", "給食なし"),
    LunchPolicy.MILK_ONLY: ("Milk only", "牛乳のみ"),
}

ABSENCE_KIND_LABELS: dict[AbsenceKind, tuple[str, str]] = {
    AbsenceKind.PAID_LEAVE: ("paid leave", "有給休暇"),
    AbsenceKind.SICK: ("sick", "病欠"),
    AbsenceKind.TRAINING: ("training", "研修"),
    AbsenceKind.COMPENSATORY: ("compensatory day off", "振替休日"),
}
CANCEL_REASON_LABELS: dict[CancelReason, tuple[str, str]] = {
    CancelReason.SCHOOL_CLOSED: ("school closed", "休校"),
    CancelReason.WEATHER: ("weather warning", "警報"),
    CancelReason.ILLNESS: ("illness", "病気"),
    CancelReason.EVENT: ("school event", "学校行事"),
    CancelReason.OTHER: ("other", "その他"),
}
# What people write for each kind (the command line, the import), besides the kind and its labels.
ABSENCE_KIND_WORDS: dict[AbsenceKind, tuple[str, ...]] = {
    AbsenceKind.PAID_LEAVE: ("paid", "leave", "有給", "有休", "年休", "年次有給休暇", "annual leave", "vacation"),
    AbsenceKind.SICK: ("病気", "病気休暇", "体調不良", "sick leave", "ill", "illness"),
    AbsenceKind.TRAINING: ("研修会", "セミナー", "seminar"),
    AbsenceKind.COMPENSATORY: ("compensatory", "振替", "代休", "振休", "day off in lieu"),
}

WEEKDAYS_JA = "月火水木金土日"
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def label(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ja" else pair[0]


def day_label(day: dt.date, lang: str) -> str:
    """A date as people read it: 2026年6月3日(水) in Japanese, Wed 3 Jun 2026 in English."""
    if lang == "ja":
        return f"{day.year}年{day.month}月{day.day}日({WEEKDAYS_JA[day.weekday()]})"
    return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]} {day.year}"  # not %b: locale-free
