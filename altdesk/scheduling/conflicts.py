"""Conflict rules: every problem in the schedule, with kind, severity and a bilingual message.

All rules run over plain tuples loaded once (no ORM objects): a fiscal year of a large branch
is checked in one pass (`bench` measures it). `check_proposal` runs the same rules over a
proposed change only, for the editor's "what would this break" preview.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers
from altdesk.dates import fiscal_year_bounds, fiscal_year_of
from altdesk.db.bulk import Decoded, all_rows, collector_paused, members, stored
from altdesk.db.enums import LunchMode, LunchPolicy, SchoolLevel, VisitKind, VisitStatus
from altdesk.db.models import Absence, Alt, School, Visit
from altdesk.labels import ABSENCE_KIND_LABELS, LEVEL_LABELS, day_label
from altdesk.lunch.derive import DietFacts, diet_facts
from altdesk.scheduling.conflict_types import KIND_LABELS, Conflict, ConflictKind, Severity, VisitFacts
from altdesk.scheduling.generate import minutes, travel_gap
from altdesk.scheduling.lunch_deadlines import lunch_deadline_conflicts, lunch_deadline_conflicts_for_proposal

__all__ = ["KIND_LABELS", "Conflict", "ConflictKind", "Severity", "VisitFacts", "check_proposal", "check_range"]

WORKDAY_START = dt.time(8, 0)
WORKDAY_END = dt.time(17, 0)


ACTIVE = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)
_ACTIVE_SET = frozenset(ACTIVE)


@dataclass
class _Context:
    alts: dict[int, tuple[str, str, tuple[str, ...], int]]  # code, name, levels, weekly limit
    schools: dict[int, tuple[str, str, SchoolLevel, int | None, LunchPolicy, int | None]]
    diets: dict[int, DietFacts]
    layers: DayLayers
    absences: dict[tuple[int, dt.date], str]
    gap: int


def _load_context(session: Session, branch_id: int, first: dt.date, last: dt.date) -> _Context:
    alts = {
        row.id: (row.code, f"{row.given_name} {row.family_name}", tuple(row.levels or ()), row.weekly_class_limit)
        for row in session.execute(
            select(Alt.id, Alt.code, Alt.given_name, Alt.family_name, Alt.levels, Alt.weekly_class_limit)
            .where(Alt.branch_id == branch_id)
        )
    }
    schools = {
        row.id: (row.code, row.name_ja, SchoolLevel(row.level), row.board_id, LunchPolicy(row.lunch_policy),
                 row.contracted_days)
        for row in session.execute(
            select(School.id, School.code, School.name_ja, School.level, School.board_id, School.lunch_policy,
                   School.contracted_days).where(School.branch_id == branch_id)
        )
    }
    absences: dict[tuple[int, dt.date], str] = {}
    for alt_id, start, end, kind in session.execute(
        select(Absence.alt_id, Absence.start_date, Absence.end_date, Absence.kind).where(
            Absence.branch_id == branch_id, Absence.start_date <= last, Absence.end_date >= first
        )
    ):
        day = max(start, first)
        while day <= min(end, last):
            absences[(alt_id, day)] = kind.value if hasattr(kind, "value") else str(kind)
            day += dt.timedelta(days=1)
    return _Context(alts, schools, diet_facts(session, branch_id), DayLayers.load(session, branch_id, first, last),
                    absences, travel_gap(session, branch_id))


_LUNCH_MODES = members(LunchMode)
_STATUSES = members(VisitStatus)
_KINDS = members(VisitKind)


def _load_visits(session: Session, branch_id: int, first: dt.date, last: dt.date) -> list[VisitFacts]:
    # Core rows, enums read as text and mapped by one lookup each: no ORM bookkeeping and no
    # per-row enum processing for 57,000 visits.
    # Dates and times too are read as stored and parsed once per distinct text.
    rows = all_rows(session.connection().execute(
        select(Visit.id, Visit.alt_id, Visit.school_id, stored(Visit.date), stored(Visit.start_time),
               stored(Visit.end_time), Visit.classes, stored(Visit.lunch_mode), stored(Visit.status),
               stored(Visit.kind), Visit.needs_reschedule)
        .where(Visit.branch_id == branch_id, Visit.date.between(first, last))
    ))
    lunch_modes, statuses, kinds = _LUNCH_MODES, _STATUSES, _KINDS
    dates, times = Decoded(dt.date.fromisoformat), Decoded(dt.time.fromisoformat)
    return [
        VisitFacts(visit_id, alt_id, school_id, dates[day], times[start], times[end], classes, lunch_modes[lunch],
                   statuses[status], kinds[kind], reschedule)
        for visit_id, alt_id, school_id, day, start, end, classes, lunch, status, kind, reschedule in rows
    ]


ABSENCE_LABELS = ABSENCE_KIND_LABELS  # by the kind's stored text too (a str enum hashes as its text)


def _hhmm(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _day_rules(ctx: _Context, visits: list[VisitFacts], out: list[Conflict]) -> None:
    restricted = {alt_id for alt_id, diet in ctx.diets.items() if diet.restricted}
    is_school_day = ctx.layers.is_school_day
    schools, alts, absences = ctx.schools, ctx.alts, ctx.absences
    taught: dict[tuple[int, int], bool] = {}  # (ALT, school): does the ALT teach the school's level
    event, school_lunch, serves = VisitKind.EVENT, LunchMode.SCHOOL_LUNCH, LunchPolicy.SERVES
    # A quick look at every visit; the messages are only built for the few with a problem.
    for v in visits:
        if v.status not in _ACTIVE_SET:
            continue
        school = schools[v.school_id]
        pair = (v.alt_id, v.school_id)
        teaches = taught.get(pair)
        if teaches is None:
            levels = alts[v.alt_id][2]
            teaches = taught[pair] = not levels or school[2].value in levels
        if (not teaches or v.needs_reschedule
                or v.start_time < WORKDAY_START or v.end_time > WORKDAY_END
                or (v.alt_id, v.date) in absences
                or (v.lunch_mode == school_lunch and (school[4] != serves or v.alt_id in restricted))
                or (v.kind != event and not is_school_day(v.date, school[3], v.school_id))):
            _visit_problems(ctx, v, restricted, out)


def _visit_problems(ctx: _Context, v: VisitFacts, restricted: set[int], out: list[Conflict]) -> None:
    layers = ctx.layers
    school_code, school_ja, level, board_id, policy, _days = ctx.schools[v.school_id]
    alt_code, alt_name, levels, _limit = ctx.alts[v.alt_id]
    problems: list[tuple[ConflictKind, Severity, str, str]] = []
    # A visit already flagged for rescheduling (on its ALT's 振替, often the school's day off too)
    # is reported once, as that.
    if (v.kind != VisitKind.EVENT and not v.needs_reschedule
            and not layers.is_school_day(v.date, board_id, v.school_id)):
        reasons = layers.reasons(v.date, board_id, v.school_id)
        names_en = ", ".join(r.name_en for r in reasons)
        names_ja = "、".join(r.name_ja for r in reasons)
        problems.append((ConflictKind.DAY_OFF, Severity.ERROR, f"the school is closed ({names_en}).",
                         f"休業日です（{names_ja}）。"))
    absence = ctx.absences.get((v.alt_id, v.date))
    if absence is not None:
        en, ja = ABSENCE_LABELS.get(absence, (absence, absence))
        problems.append((ConflictKind.ABSENT, Severity.ERROR, f"the ALT is absent ({en}); find a substitute.",
                         f"ALTが不在です（{ja}）。代替ALTを手配してください。"))
    if v.start_time < WORKDAY_START or v.end_time > WORKDAY_END:
        span = f"{_hhmm(v.start_time)}-{_hhmm(v.end_time)}"
        problems.append((ConflictKind.OUTSIDE_HOURS, Severity.WARNING, f"{span} is outside 08:00-17:00.",
                         f"{span} は勤務時間（8:00〜17:00）外です。"))
    if levels and level.value not in levels:
        en, ja = LEVEL_LABELS[level]
        problems.append((ConflictKind.LEVEL_NOT_TAUGHT, Severity.WARNING,
                         f"the ALT does not teach {en.lower()} schools.", f"このALTは{ja}を担当していません。"))
    if v.lunch_mode == LunchMode.SCHOOL_LUNCH:
        if policy != LunchPolicy.SERVES:
            problems.append((ConflictKind.LUNCH_NOT_SERVED, Severity.WARNING,
                             "school lunch is set but the school serves no ALT lunch.",
                             "給食が設定されていますが、学校はALTに給食を提供していません。"))
        if v.alt_id in restricted:
            problems.append((ConflictKind.LUNCH_DIET, Severity.ERROR,
                             "school lunch is set but the ALT's diet rules it out.",
                             "給食が設定されていますが、ALTの食事制限により食べられません。"))
    if v.needs_reschedule:
        problems.append((ConflictKind.NEEDS_RESCHEDULE, Severity.WARNING,
                         "falls on the ALT's compensatory day off; move or cancel it.",
                         "ALTの振替休日と重なっています。日程を変更してください。"))
    if not problems:
        return
    # Messages are only formatted for visits with problems: most have none.
    where = f"{alt_name} at {school_code} on {v.date.isoformat()}"
    where_ja = f"{day_label(v.date, 'ja')} {alt_name}（{school_ja}）"
    for kind, severity, en, ja in problems:
        out.append(Conflict(kind, severity, v.date, alt_code, school_code, f"{where}: {en}", f"{where_ja}：{ja}",
                            (v.id,)))


def _diets_to_review(ctx: _Context, visits: list[VisitFacts], out: list[Conflict]) -> None:
    """One warning per ALT with visits whose diet holds free text no coordinator has reviewed:
    the rules cannot read it, so the ALT brings own lunch until someone does."""
    to_review = {alt_id for alt_id, diet in ctx.diets.items() if diet.needs_review}
    if not to_review:
        return
    by_alt: dict[int, list[VisitFacts]] = {}
    for v in visits:
        if v.alt_id in to_review and v.status in _ACTIVE_SET:
            by_alt.setdefault(v.alt_id, []).append(v)
    for alt_id, alt_visits in by_alt.items():
        alt_code, alt_name, *_ = ctx.alts[alt_id]
        first = min(v.date for v in alt_visits)
        count = len(alt_visits)
        out.append(Conflict(
            ConflictKind.DIET_TO_REVIEW, Severity.WARNING, first, alt_code, None,
            f"{alt_name}: the diet notes or other allergens are free text the lunch rules cannot read; own lunch "
            f"until a coordinator reviews them in the ALT editor ({count} visits from {day_label(first, 'en')}).",
            f"{alt_name}：食事メモ・その他アレルギーは規則で判定できません。ALTの編集画面で確認するまで弁当持参です"
            f"（{day_label(first, 'ja')}から訪問 {count} 件）。",
            tuple(sorted(v.id for v in alt_visits)),
        ))


def _double_bookings(ctx: _Context, visits: list[VisitFacts], out: list[Conflict]) -> None:
    # Most ALT-days hold one visit: a list is only made for a day with a second one.
    first_of: dict[tuple[int, dt.date], VisitFacts] = {}
    by_alt_day: dict[tuple[int, dt.date], list[VisitFacts]] = {}
    for v in visits:
        if v.status in _ACTIVE_SET:
            key = (v.alt_id, v.date)
            first = first_of.setdefault(key, v)
            if first is not v:
                same_day = by_alt_day.get(key)
                if same_day is None:
                    by_alt_day[key] = [first, v]
                else:
                    same_day.append(v)
    for (alt_id, day), day_visits in by_alt_day.items():
        day_visits.sort(key=lambda v: (v.start_time, v.id))
        for i, a in enumerate(day_visits):
            for b in day_visits[i + 1:]:
                gap = ctx.gap if a.school_id != b.school_id else 0
                if minutes(b.start_time) < minutes(a.end_time) + gap:
                    alt_code, alt_name, *_ = ctx.alts[alt_id]
                    sa, sb = ctx.schools[a.school_id][0], ctx.schools[b.school_id][0]
                    overlap = minutes(b.start_time) < minutes(a.end_time)
                    why_en = "overlap" if overlap else f"leave less than {gap} minutes to travel"
                    why_ja = "時間が重なっています" if overlap else f"移動時間（{gap}分）が足りません"
                    out.append(Conflict(
                        ConflictKind.DOUBLE_BOOKING, Severity.ERROR, day, alt_code, sb,
                        f"{alt_name} on {day.isoformat()}: {sa} {_hhmm(a.start_time)}-{_hhmm(a.end_time)} and "
                        f"{sb} {_hhmm(b.start_time)}-{_hhmm(b.end_time)} {why_en}.",
                        f"{day_label(day, 'ja')} {alt_name}：{sa}（{_hhmm(a.start_time)}〜{_hhmm(a.end_time)}）と"
                        f"{sb}（{_hhmm(b.start_time)}〜{_hhmm(b.end_time)}）の{why_ja}。",
                        (a.id, b.id),
                    ))


def _weekly_loads(ctx: _Context, visits: list[VisitFacts], out: list[Conflict]) -> None:
    monday_of: dict[dt.date, dt.date] = {}
    totals: dict[tuple[int, dt.date], int] = {}
    for v in visits:
        if v.status in _ACTIVE_SET:
            day = v.date
            monday = monday_of.get(day)
            if monday is None:
                monday = monday_of[day] = day - dt.timedelta(days=day.weekday())
            key = (v.alt_id, monday)
            totals[key] = totals.get(key, 0) + v.classes
    over = {key for key, classes in totals.items() if classes > ctx.alts[key[0]][3]}
    if not over:
        return
    week_ids: dict[tuple[int, dt.date], list[int]] = {key: [] for key in totals if key in over}
    for v in visits:
        if v.status in _ACTIVE_SET:
            ids = week_ids.get((v.alt_id, monday_of[v.date]))
            if ids is not None:
                ids.append(v.id)
    for (alt_id, monday), ids in week_ids.items():
        alt_code, alt_name, _levels, limit = ctx.alts[alt_id]
        classes = totals[(alt_id, monday)]
        out.append(Conflict(
            ConflictKind.WEEKLY_OVERLOAD, Severity.WARNING, monday, alt_code, None,
            f"{alt_name}: {classes} classes in the week of {monday.isoformat()} (limit {limit}).",
            f"{alt_name}：{day_label(monday, 'ja')}からの週の授業数が {classes} コマです（上限 {limit}）。",
            tuple(ids),
        ))


def _contract_days(session: Session, branch_id: int, ctx: _Context, first: dt.date, last: dt.date,
                   loaded: list[VisitFacts], out: list[Conflict]) -> None:
    """Per school and fiscal year: days scheduled (projected over the whole year) vs contracted."""
    counted = frozenset((*ACTIVE, VisitStatus.COVERED))
    for fiscal_year in range(fiscal_year_of(first), fiscal_year_of(last) + 1):
        fy_first, fy_last = fiscal_year_bounds(fiscal_year)
        if first <= fy_first and fy_last <= last:  # the whole year is loaded already
            school_days = {(v.school_id, v.date) for v in loaded if v.status in counted and fy_first <= v.date <= fy_last}
        else:
            school_days = {(school_id, day) for school_id, day in session.connection().execute(
                select(Visit.school_id, Visit.date).where(
                    Visit.branch_id == branch_id, Visit.date.between(fy_first, fy_last),
                    Visit.status.in_([s.value for s in counted]),
                )
            )}
        days = Counter(school_id for school_id, _day in school_days)
        for school_id, (code, name_ja, _level, _board, _policy, contracted) in ctx.schools.items():
            if contracted is None:
                continue
            scheduled = days.get(school_id, 0)
            if scheduled == contracted:
                continue
            fewer = scheduled < contracted
            out.append(Conflict(
                ConflictKind.CONTRACT_DAYS, Severity.WARNING, fy_first, None, code,
                f"{code}: {scheduled} visit days scheduled in FY{fiscal_year}, contract says {contracted} "
                f"({'short by' if fewer else 'over by'} {abs(scheduled - contracted)}).",
                f"{name_ja}：{fiscal_year}年度の訪問予定は {scheduled} 日、契約は {contracted} 日です"
                f"（{abs(scheduled - contracted)} 日{'不足' if fewer else '超過'}）。",
            ))


def check_range(session: Session, branch_id: int, first: dt.date, last: dt.date,
                contracts: bool = True) -> list[Conflict]:
    with collector_paused():  # a year's ~57,000 visit tuples: no collection while they are built
        return _check_range(session, branch_id, first, last, contracts)


def _check_range(session: Session, branch_id: int, first: dt.date, last: dt.date,
                 contracts: bool) -> list[Conflict]:
    ctx = _load_context(session, branch_id, first, last)
    visits = _load_visits(session, branch_id, first, last)
    found: list[Conflict] = []
    _day_rules(ctx, visits, found)
    _double_bookings(ctx, visits, found)
    _weekly_loads(ctx, visits, found)
    _diets_to_review(ctx, visits, found)
    if contracts:
        _contract_days(session, branch_id, ctx, first, last, visits, found)
    found.extend(lunch_deadline_conflicts(session, branch_id, first, last))
    found.sort(key=lambda c: (c.date or dt.date.min, c.severity != Severity.ERROR, c.kind.value,
                              c.alt_code or "", c.school_code or ""))
    return found


def check_proposal(session: Session, branch_id: int, proposed: list[VisitFacts],
                   replaced_ids: set[int]) -> list[Conflict]:
    """Conflicts a change would bring: the proposed visits checked against the stored ones
    around them (stored visits in `replaced_ids` are what the change replaces)."""
    if not proposed:
        return []
    first = min(v.date for v in proposed) - dt.timedelta(days=7)
    last = max(v.date for v in proposed) + dt.timedelta(days=7)
    ctx = _load_context(session, branch_id, first, last)
    stored = [v for v in _load_visits(session, branch_id, first, last) if v.id not in replaced_ids]
    touched_alts = {v.alt_id for v in proposed}
    neighbourhood = [v for v in stored if v.alt_id in touched_alts] + proposed
    proposed_ids = {v.id for v in proposed}
    found: list[Conflict] = []
    _day_rules(ctx, proposed, found)
    _double_bookings(ctx, neighbourhood, found)
    _weekly_loads(ctx, neighbourhood, found)
    found = [c for c in found if proposed_ids & set(c.visit_ids)]
    return found + lunch_deadline_conflicts_for_proposal(session, branch_id, proposed, replaced_ids)
