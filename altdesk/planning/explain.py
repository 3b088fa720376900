"""Reasons, in English and Japanese, for every assignment and every demand left unmet."""

from __future__ import annotations

from altdesk.db.enums import SchoolLevel
from altdesk.labels import LEVEL_LABELS
from altdesk.planning.model import AltRoom, dates_ok, options
from altdesk.planning.travel import MODE_LABELS
from altdesk.planning.types import WEEKDAY_EN, WEEKDAY_JA, AltFacts, DemandRow, Problem


def level_names(level: str) -> tuple[str, str]:
    try:
        en, ja = LEVEL_LABELS[SchoolLevel(level)]
    except ValueError:
        return level, level
    return en.lower(), ja


def _weekdays(row: DemandRow) -> tuple[str, str]:
    return " or ".join(WEEKDAY_EN[w] for w in row.weekdays), "・".join(WEEKDAY_JA[w] for w in row.weekdays)


def assignment_reasons(problem: Problem, alt: AltFacts, row: DemandRow, minutes: int | None, days_en: str,
                       days_ja: str, load: float, pinned: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    level_en, level_ja = level_names(row.level)
    en: list[str] = []
    ja: list[str] = []
    if pinned:
        en.append("pinned by the coordinator")
        ja.append("コーディネーターが固定")
    en.append(f"teaches {level_en}")
    ja.append(f"{level_ja}を担当可")
    if minutes is None:
        en.append("travel time unknown (no location)")
        ja.append("移動時間不明（位置情報なし）")
    else:
        mode_en, mode_ja = MODE_LABELS.get(alt.travel_mode, MODE_LABELS["car"])
        en.append(f"{minutes} min {mode_en} from home")
        ja.append(f"自宅から{mode_ja}{minutes}分")
    if row.school_id in alt.last_year_schools:
        en.append("taught here last year")
        ja.append("前年度もこの学校を担当")
    en.append(f"free on {days_en}")
    ja.append(f"{days_ja}に空きあり")
    en.append(f"{load:g} classes a week in all (limit {alt.weekly_class_limit})")
    ja.append(f"週 {load:g} コマ（上限 {alt.weekly_class_limit}）")
    if alt.preferred_levels and row.level in alt.preferred_levels:
        en.append(f"prefers {level_en}")
        ja.append(f"{level_ja}を希望")
    return tuple(en), tuple(ja)


def unmet_reasons(problem: Problem, row: DemandRow, rooms: dict[int, AltRoom],
                  time_limited: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Why no ALT took the row: the first hard rule that leaves nobody, in the order a coordinator asks."""
    level_en, level_ja = level_names(row.level)
    limit = problem.weights.max_travel_minutes
    teach = [a for a in problem.alts.values() if row.level in a.levels]
    if not teach:
        return (f"no ALT teaches {level_en}",), (f"{level_ja}を担当できるALTがいません",)
    near = [a for a in teach if (problem.minutes(a, row) or 0) <= limit]
    if not near:
        return ((f"no ALT teaching {level_en} within {limit} minutes",),
                (f"{limit}分以内に{level_ja}を担当できるALTがいません",))
    who_en, who_ja = f"no ALT teaching {level_en} within {limit} minutes", f"{limit}分以内で{level_ja}を担当できるALTのうち"
    dated = [a for a in near if dates_ok(a, row)]
    if not dated:
        return ((f"{who_en} whose contract covers {row.start.isoformat()} to {row.end.isoformat()}",),
                (f"{who_ja}{row.start.isoformat()}〜{row.end.isoformat()} に契約期間があるALTがいません",))
    day_en, day_ja = _weekdays(row)
    free = [a for a in dated if len(options(row, rooms[a.id].free)) >= row.days]
    if not free:
        many_en = f"{row.days} days" if row.days > 1 else "a day"
        many_ja = f"{row.days}日" if row.days > 1 else "1日"
        if len(row.weekdays) == row.days or row.days == 1:
            return ((f"{who_en} who is free on {day_en}",), (f"{who_ja}{day_ja}に空いているALTがいません",))
        return ((f"{who_en} who is free {many_en} among {day_en}",),
                (f"{who_ja}{day_ja}のうち{many_ja}空いているALTがいません",))
    per_week = row.classes_per_day * (row.days if row.period_weeks == 1 else (row.days + 1) // 2)
    roomy = [a for a in free if max(rooms[a.id].classes) >= per_week]
    if not roomy:
        return ((f"{who_en} free on {day_en} has room for {per_week} more classes a week",),
                (f"{who_ja}{day_ja}に空いているALTには週 {per_week} コマの余裕がありません",))
    capped = [a for a in roomy if rooms[a.id].cap is None or row.school_id in rooms[a.id].schools
              or len(rooms[a.id].schools) < (rooms[a.id].cap or 0)]
    if not capped:
        return ((f"every ALT who could take it ({', '.join(a.code for a in roomy[:5])}) is at their cap on schools",),
                (f"担当可能なALT（{', '.join(a.code for a in roomy[:5])}）は担当校数の上限に達しています",))
    names = ", ".join(a.code for a in capped[:5])
    if time_limited:
        return ((f"ALTs could take it ({names}) but the plan stopped at its time limit before placing it",),
                (f"担当可能なALT（{names}）はいますが、制限時間内に配置できませんでした",))
    return ((f"the ALTs who could take it ({names}) serve nearer or longer-standing schools in the best plan",),
            (f"担当可能なALT（{names}）は、最適な計画ではより近い学校・継続校を担当しています",))
