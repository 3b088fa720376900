"""Everything the lunch ledger, the order sheets and the fees need, read once per month.

A *lunch entry* is one meal a school serves an ALT on one visit: school lunch (給食) or,
where the school offers only milk, milk (牛乳). Only planned or confirmed visits count; a
visit covered by a substitute is counted under the substitute's own visit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers
from altdesk.dates import month_bounds
from altdesk.db.branch_settings import BranchSettings
from altdesk.db.enums import LunchMode, LunchPolicy, SchoolLevel, VisitStatus
from altdesk.db.models import Alt, Board, Branch, IssuedReport, School, Visit
from altdesk.errors import NotFound
from altdesk.lunch.diet import effective_review, unreadable_text
from altdesk.lunch.notice import (
    InvalidNoticeRule,
    NoticeRule,
    ResolvedRule,
    deadline,
    layers_range,
    resolve_rule,
)

REPORT = "lunch-orders"
ACTIVE = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
LUNCH = "lunch"
MILK = "milk"
ITEM_OF_MODE = {LunchMode.SCHOOL_LUNCH: LUNCH, LunchMode.MILK_ONLY: MILK}
ITEM_LABELS = {LUNCH: ("School lunch", "給食"), MILK: ("Milk only", "牛乳のみ")}


@dataclass(frozen=True)
class LunchEntry:
    visit_id: int
    alt_id: int
    school_id: int
    date: dt.date
    item: str  # LUNCH or MILK

    @property
    def key(self) -> tuple[int, dt.date, str]:
        return (self.alt_id, self.date, self.item)


@dataclass(frozen=True)
class SchoolInfo:
    id: int
    code: str
    name_ja: str
    name_en: str
    level: SchoolLevel
    policy: LunchPolicy
    price_yen: int
    board_id: int | None
    board_name_ja: str
    contact_teacher: str
    rule: ResolvedRule


@dataclass(frozen=True)
class AltInfo:
    id: int
    code: str
    given_name: str
    family_name: str
    kana: str
    share_diet_consent: bool
    allergens: tuple[str, ...]
    other_allergens: str
    vegetarian: bool
    vegan: bool
    halal: bool
    gluten_free: bool
    to_review: bool = False  # free-text diet no coordinator has reviewed: own lunch until then

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def restricted(self) -> bool:
        return bool(self.allergens or self.other_allergens.strip() or self.vegetarian or self.vegan
                    or self.halal or self.gluten_free)


@dataclass(frozen=True)
class BranchInfo:
    name: str
    name_en: str
    phone: str
    address: str
    settings: BranchSettings


@dataclass(frozen=True)
class IssuedOrder:
    """The last lunch order sheet issued to a school for a month, as recorded."""

    id: int
    school_id: int
    month: str
    issued_at: dt.datetime
    actor: str
    number: int  # 1 for the first sheet of the month, 2 for the first re-issue, …
    snapshot: dict[str, Any]

    def keys(self) -> set[tuple[int, dt.date, str]]:
        return {(int(e["alt_id"]), dt.date.fromisoformat(e["date"]), str(e["item"]))
                for e in self.snapshot.get("entries", ())}


def price_for(item: str, school: SchoolInfo, branch_settings: BranchSettings) -> int | None:
    """Unit price in yen, or None when nobody has set one.

    School.lunch_price_yen is the price of what the school serves ALTs: a meal where it
    serves lunch, milk where it offers only milk. Milk at a school serving full lunch
    takes the branch setting ``milk_price_yen``.
    """
    if item == LUNCH:
        return school.price_yen if school.policy == LunchPolicy.SERVES else None
    if school.policy == LunchPolicy.MILK_ONLY:
        return school.price_yen
    return branch_settings.milk_price_yen


def load_branch(session: Session, branch_id: int) -> BranchInfo:
    row = session.execute(
        select(Branch.name, Branch.name_en, Branch.phone, Branch.address, Branch.settings).where(Branch.id == branch_id)
    ).one()
    settings, _unusable = BranchSettings.from_stored(row.settings)
    return BranchInfo(row.name, row.name_en or "", row.phone or "", row.address or "", settings)


def load_schools(session: Session, branch_id: int, branch_settings: BranchSettings,
                 school_ids: Iterable[int] | None = None) -> dict[int, SchoolInfo]:
    query = (
        select(School.id, School.code, School.name_ja, School.name_en, School.level, School.lunch_policy,
               School.lunch_price_yen, School.board_id, School.contact_teacher, School.lunch_notice_rule,
               Board.name_ja.label("board_name_ja"), Board.lunch_notice_rule.label("board_rule"))
        .outerjoin(Board, Board.id == School.board_id)
        .where(School.branch_id == branch_id)
    )
    if school_ids is not None:
        query = query.where(School.id.in_(list(school_ids)))
    schools = {}
    for row in session.execute(query):
        rule = resolve_rule(row.lunch_notice_rule, row.board_rule, branch_settings.lunch_notice_rule, row.name_ja,
                            row.board_name_ja or "")
        schools[row.id] = SchoolInfo(row.id, row.code, row.name_ja, row.name_en or "", SchoolLevel(row.level),
                                     LunchPolicy(row.lunch_policy), row.lunch_price_yen or 0, row.board_id,
                                     row.board_name_ja or "", row.contact_teacher or "", rule)
    return schools


def load_alts(session: Session, branch_id: int, alt_ids: Iterable[int] | None = None) -> dict[int, AltInfo]:
    query = select(Alt.id, Alt.code, Alt.given_name, Alt.family_name, Alt.kana, Alt.share_diet_consent,
                   Alt.allergens, Alt.other_allergens, Alt.vegetarian, Alt.vegan, Alt.halal,
                   Alt.gluten_free, Alt.diet_notes, Alt.diet_review, Alt.diet_review_of).where(Alt.branch_id == branch_id)
    if alt_ids is not None:
        query = query.where(Alt.id.in_(list(alt_ids)))
    alts = {}
    for row in session.execute(query):
        unreadable = unreadable_text(row.allergens or (), row.other_allergens, row.diet_notes)
        alts[row.id] = AltInfo(
            row.id, row.code, row.given_name, row.family_name, row.kana or "", bool(row.share_diet_consent),
            tuple(row.allergens or ()), row.other_allergens or "", bool(row.vegetarian), bool(row.vegan),
            bool(row.halal), bool(row.gluten_free),
            bool(unreadable) and effective_review(row.diet_review, row.diet_review_of, unreadable) is None)
    return alts


def load_entries(session: Session, branch_id: int, first: dt.date, last: dt.date,
                 school_ids: Iterable[int] | None = None) -> list[LunchEntry]:
    query = (
        select(Visit.id, Visit.alt_id, Visit.school_id, Visit.date, Visit.lunch_mode)
        .where(Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(ACTIVE),
               Visit.lunch_mode.in_([m.value for m in ITEM_OF_MODE]))
        .order_by(Visit.date, Visit.id)
    )
    if school_ids is not None:
        query = query.where(Visit.school_id.in_(list(school_ids)))
    seen: set[tuple[int, int, dt.date, str]] = set()
    entries = []
    for visit_id, alt_id, school_id, day, mode in session.connection().execute(query):
        item = ITEM_OF_MODE[LunchMode(mode)]
        # Two visits of one ALT at one school on one day (morning and afternoon) are one meal.
        if (school_id, alt_id, day, item) in seen:
            continue
        seen.add((school_id, alt_id, day, item))
        entries.append(LunchEntry(visit_id, alt_id, school_id, day, item))
    return entries


def load_visit_days(session: Session, branch_id: int, first: dt.date, last: dt.date,
                    school_ids: Iterable[int] | None = None) -> dict[tuple[int, int], set[dt.date]]:
    """(school, ALT) -> days with an active visit, whatever the lunch: who comes to the school."""
    query = select(Visit.school_id, Visit.alt_id, Visit.date).where(
        Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(ACTIVE))
    if school_ids is not None:
        query = query.where(Visit.school_id.in_(list(school_ids)))
    days: dict[tuple[int, int], set[dt.date]] = defaultdict(set)
    for school_id, alt_id, day in session.connection().execute(query):
        days[(school_id, alt_id)].add(day)
    return days


def load_last_issues(session: Session, branch_id: int, months: Iterable[str],
                     school_ids: Iterable[int] | None = None) -> dict[tuple[int, str], IssuedOrder]:
    """(school, month) -> the latest order sheet issued, numbered by how many came before."""
    months = list(months)
    query = (
        select(IssuedReport.id, IssuedReport.subject_id, IssuedReport.month, IssuedReport.issued_at,
               IssuedReport.actor, IssuedReport.snapshot)
        .where(IssuedReport.branch_id == branch_id, IssuedReport.report == REPORT,
               IssuedReport.month.in_(months))
        .order_by(IssuedReport.issued_at, IssuedReport.id)
    )
    if school_ids is not None:
        query = query.where(IssuedReport.subject_id.in_(list(school_ids)))
    counts: dict[tuple[int, str], int] = defaultdict(int)
    last: dict[tuple[int, str], IssuedOrder] = {}
    for row in session.execute(query):
        key = (row.subject_id, row.month)
        counts[key] += 1
        issued_at = row.issued_at if row.issued_at.tzinfo else row.issued_at.replace(tzinfo=dt.UTC)
        last[key] = IssuedOrder(row.id, row.subject_id, row.month, issued_at, row.actor or "", counts[key],
                                dict(row.snapshot or {}))
    return last


def parse_school_choice(value: str | None) -> list[str] | None:
    """None (every school) for nothing or "all"; else the codes, comma-separated."""
    if value is None or value.strip().lower() in ("", "all"):
        return None
    return list(dict.fromkeys(c.strip() for c in value.split(",") if c.strip()))


def school_ids_for_codes(session: Session, branch_id: int, codes: list[str]) -> list[int]:
    """The schools' ids in the order given; NotFound names every unknown code."""
    found = dict(session.execute(
        select(School.code, School.id).where(School.branch_id == branch_id, School.code.in_(codes))).all())
    unknown = [c for c in codes if c not in found]
    if unknown:
        listed = ", ".join(unknown)
        raise NotFound(f"No school with code {listed}.", f"学校コード {listed} は存在しません。")
    return [found[c] for c in codes]


def issue_count(session: Session, branch_id: int, school_id: int, month: str) -> int:
    return session.scalar(
        select(func.count()).select_from(IssuedReport).where(
            IssuedReport.branch_id == branch_id, IssuedReport.report == REPORT,
            IssuedReport.subject_id == school_id, IssuedReport.month == month)
    ) or 0


class Deadlines:
    """Notice deadlines per (school, date), computed once each."""

    def __init__(self, schools: dict[int, SchoolInfo], layers: DayLayers) -> None:
        self._schools = schools
        self._layers = layers
        self._memo: dict[tuple[int, dt.date], dt.datetime | None] = {}
        self._shared: dict[tuple[NoticeRule, int | None, int | None, dt.date], dt.datetime | None] = {}

    @classmethod
    def load(cls, session: Session, branch_id: int, schools: dict[int, SchoolInfo], first: dt.date,
             last: dt.date) -> Deadlines:
        return cls(schools, DayLayers.load(session, branch_id, *layers_range(first, last)))

    def of(self, school_id: int, day: dt.date) -> dt.datetime | None:
        """The deadline, or None when the school's rule cannot be read (the rule names why)."""
        key = (school_id, day)
        if key not in self._memo:
            school = self._schools[school_id]
            rule = school.rule.rule
            if rule is None:
                self._memo[key] = None
            else:
                # Schools with the same rule and the same days off (their board's, and none of
                # their own) share every deadline: hundreds of schools, a handful of calendars.
                layers, board_id = self._layers, school.board_id
                own_days_off = school_id if layers.schools.get(school_id) else None
                shared_key = (rule, board_id, own_days_off, day)
                if shared_key not in self._shared:
                    try:
                        self._shared[shared_key] = deadline(
                            rule, day, lambda d: layers.is_school_day(d, board_id, school_id))
                    except InvalidNoticeRule:
                        self._shared[shared_key] = None
                self._memo[key] = self._shared[shared_key]
        return self._memo[key]


    def first_open(self, school_id: int, first: dt.date, last: dt.date, now: dt.datetime) -> dt.date:
        """The first day in [first, last] whose deadline has not passed at `now` (last + 1 day
        when all have). Deadlines never go back as the day moves on, so a binary search does."""
        lo, hi = first.toordinal(), last.toordinal() + 1
        while lo < hi:
            mid = (lo + hi) // 2
            due = self.of(school_id, dt.date.fromordinal(mid))
            if due is None or due > now:
                hi = mid
            else:
                lo = mid + 1
        return dt.date.fromordinal(lo)


@dataclass
class MonthData:
    month: str
    first: dt.date
    last: dt.date
    branch: BranchInfo
    schools: dict[int, SchoolInfo]
    alts: dict[int, AltInfo]
    entries: list[LunchEntry]
    visit_days: dict[tuple[int, int], set[dt.date]]
    last_issues: dict[int, IssuedOrder]  # by school
    deadlines: Deadlines
    by_school: dict[int, list[LunchEntry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        grouped: dict[int, list[LunchEntry]] = defaultdict(list)
        for entry in self.entries:
            grouped[entry.school_id].append(entry)
        self.by_school = dict(grouped)

    def price(self, item: str, school_id: int) -> int | None:
        return price_for(item, self.schools[school_id], self.branch.settings)

    def schools_in_view(self) -> list[SchoolInfo]:
        """Schools with meals this month or a sheet already issued for it, by code."""
        ids = set(self.by_school) | set(self.last_issues)
        return sorted((self.schools[i] for i in ids if i in self.schools), key=lambda s: s.code)


def load_month(session: Session, branch_id: int, month: str, school_ids: Iterable[int] | None = None) -> MonthData:
    first, last = month_bounds(month)
    scope = list(school_ids) if school_ids is not None else None
    branch = load_branch(session, branch_id)
    schools = load_schools(session, branch_id, branch.settings, scope)
    entries = load_entries(session, branch_id, first, last, scope)
    visit_days = load_visit_days(session, branch_id, first, last, scope)
    issues = {school_id: issue for (school_id, _m), issue in
              load_last_issues(session, branch_id, [month], scope).items()}
    alt_ids = {e.alt_id for e in entries} | {alt for _school, alt in visit_days}
    for issue in issues.values():
        alt_ids |= {int(e["alt_id"]) for e in issue.snapshot.get("entries", ())}
    alts = load_alts(session, branch_id, alt_ids)
    deadlines = Deadlines.load(session, branch_id, schools, first, last)
    return MonthData(month, first, last, branch, schools, alts, entries, visit_days, issues, deadlines)
