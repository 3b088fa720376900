"""One-character lunch marks for dense views (calendar cells, the ALTs x days board, printouts):
a letter in English, a kanji in Japanese, so the mark never rests on colour."""

from __future__ import annotations

from altdesk.db.enums import LunchMode

LUNCH_MARKS: dict[LunchMode, tuple[str, str]] = {
    LunchMode.SCHOOL_LUNCH: ("L", "給"),
    LunchMode.OWN_LUNCH: ("B", "弁"),  # bring your own (弁当)
    LunchMode.MILK_ONLY: ("M", "牛"),
    LunchMode.NONE: ("", ""),
}
OVERRIDE_SUFFIX = "*"  # set by hand: the mark says so


def lunch_mark(mode: LunchMode | str, lang: str = "en", overridden: bool = False) -> str:
    english, japanese = LUNCH_MARKS[LunchMode(mode)]
    mark = japanese if lang == "ja" else english
    return f"{mark}{OVERRIDE_SUFFIX}" if mark and overridden else mark
