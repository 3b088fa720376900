"""The month's lunch ledger (給食台帳): per school and per ALT, the days with a school meal,
counts, unit prices and totals (and the ALTs whose diet is to be reviewed); the notice deadlines coming up; the changes the schools
have not been told yet (against the last order sheet issued)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from altdesk.db.enums import LunchPolicy, SchoolLevel
from altdesk.lunch.month_data import LUNCH, MILK, MonthData
from altdesk.lunch.orders import OrderLine, current_lines, pending_changes


@dataclass(frozen=True)
class SchoolLedgerRow:
    school_id: int
    code: str
    name_ja: str
    name_en: str
    level: SchoolLevel
    policy: LunchPolicy
    unit_price: int | None
    alt_count: int
    lunch_days: int  # meals ordered (給食), one per ALT per day
    milk_days: int
    total_yen: int
    unpriced: bool
    dates: tuple[dt.date, ...]
    rule_en: str
    rule_ja: str
    last_issued_at: dt.datetime | None
    issue_number: int
    pending: int  # meals added or cancelled since the last sheet
    # When the month's sheet must reach the school: the notice deadline of its first meal.
    send_by: dt.datetime | None = None

    @property
    def meals(self) -> int:
        return self.lunch_days + self.milk_days


@dataclass(frozen=True)
class AltSchoolLine:
    school_code: str
    school_name_ja: str
    school_name_en: str
    item: str
    dates: tuple[dt.date, ...]
    unit_price: int | None

    @property
    def amount(self) -> int:
        return (self.unit_price or 0) * len(self.dates)


@dataclass(frozen=True)
class AltLedgerRow:
    alt_id: int
    code: str
    name: str
    restricted: bool
    lines: tuple[AltSchoolLine, ...]
    to_review: bool = False  # the diet holds free text no coordinator has reviewed: own lunch until then

    @property
    def meals(self) -> int:
        return sum(len(line.dates) for line in self.lines)

    @property
    def total_yen(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def unpriced(self) -> bool:
        return any(line.unit_price is None for line in self.lines)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(sorted({d for line in self.lines for d in line.dates}))

    @property
    def school_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.school_code for line in self.lines))


@dataclass(frozen=True)
class UpcomingDeadline:
    """A deadline by which a school must know about some of this month's meals."""

    school_id: int
    school_code: str
    school_name_ja: str
    deadline: dt.datetime
    dates: tuple[dt.date, ...]
    pending: int  # of those dates' meals, how many changes are not yet notified
    passed: bool

    @property
    def needs_action(self) -> bool:
        return self.pending > 0


@dataclass(frozen=True)
class PendingChange:
    school_id: int
    school_code: str
    school_name_ja: str
    alt_code: str
    alt_name: str
    date: dt.date
    item: str
    change: str  # "added" or "cancelled"
    deadline: dt.datetime | None
    overdue: bool  # the deadline has passed


@dataclass
class MonthLedger:
    month: str
    now: dt.datetime
    schools: list[SchoolLedgerRow] = field(default_factory=list)
    alts: list[AltLedgerRow] = field(default_factory=list)
    deadlines: list[UpcomingDeadline] = field(default_factory=list)
    changes: list[PendingChange] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (en, ja)

    @property
    def meals(self) -> int:
        return sum(s.meals for s in self.schools)

    @property
    def total_yen(self) -> int:
        return sum(s.total_yen for s in self.schools)


def _school_rows(data: MonthData, ledger: MonthLedger) -> dict[int, tuple[list[OrderLine], list[OrderLine]]]:
    """Fill the per-school rows; returns each school's pending (added, cancelled) lines."""
    pending: dict[int, tuple[list[OrderLine], list[OrderLine]]] = {}
    for school in data.schools_in_view():
        lines = current_lines(data, school.id)
        diff = pending_changes(data, school.id)
        pending[school.id] = (list(diff.added), list(diff.cancelled))
        lunch = [line for line in lines if line.item == LUNCH]
        milk = [line for line in lines if line.item == MILK]
        lunch_price, milk_price = data.price(LUNCH, school.id), data.price(MILK, school.id)
        unpriced = (bool(lunch) and lunch_price is None) or (bool(milk) and milk_price is None)
        total = len(lunch) * (lunch_price or 0) + len(milk) * (milk_price or 0)
        issue = data.last_issues.get(school.id)
        ledger.schools.append(SchoolLedgerRow(
            school.id, school.code, school.name_ja, school.name_en, school.level, school.policy,
            lunch_price if school.policy != LunchPolicy.MILK_ONLY else milk_price,
            len({line.alt_id for line in lines}), len(lunch), len(milk), total, unpriced,
            tuple(sorted({line.date for line in lines})),
            school.rule.describe("en"), school.rule.describe("ja"),
            issue.issued_at if issue else None, issue.number if issue else 0,
            len(diff.added) + len(diff.cancelled),
            # Deadlines only move forward with the day: the first meal's is the earliest.
            data.deadlines.of(school.id, min(line.date for line in lines)) if lines else None,
        ))
        if school.rule.problem is not None:
            ledger.problems.append((school.rule.problem.message_en, school.rule.problem.message_ja))
        if unpriced:
            ledger.problems.append((f"{school.code}: no unit price is set for the meals ordered.",
                                    f"{school.name_ja}：注文の単価が設定されていません。"))
    return pending


def alt_rows(data: MonthData) -> list[AltLedgerRow]:
    """Per ALT: the meals at each school this month, with unit prices (the fees)."""
    rows: list[AltLedgerRow] = []
    lines: dict[int, dict[tuple[int, str], list[dt.date]]] = defaultdict(lambda: defaultdict(list))
    for entry in data.entries:
        lines[entry.alt_id][(entry.school_id, entry.item)].append(entry.date)
    for alt_id, per_school in lines.items():
        alt = data.alts[alt_id]
        school_lines = []
        for (school_id, item), dates in sorted(per_school.items(), key=lambda kv: data.schools[kv[0][0]].code):
            school = data.schools[school_id]
            school_lines.append(AltSchoolLine(school.code, school.name_ja, school.name_en, item,
                                              tuple(sorted(dates)), data.price(item, school_id)))
        rows.append(AltLedgerRow(alt_id, alt.code, alt.name, alt.restricted, tuple(school_lines), alt.to_review))
    # An ALT whose diet is to be reviewed eats no school meal, yet the coordinator must see them.
    visiting = {alt_id for _school, alt_id in data.visit_days} - set(lines)
    for alt_id in visiting:
        alt = data.alts.get(alt_id)
        if alt is not None and alt.to_review:
            rows.append(AltLedgerRow(alt_id, alt.code, alt.name, True, (), True))
    return sorted(rows, key=lambda row: row.code)


def build_month_ledger(data: MonthData, now: dt.datetime) -> MonthLedger:
    ledger = MonthLedger(data.month, now)
    pending = _school_rows(data, ledger)
    ledger.alts = alt_rows(data)
    for school_id, (added, cancelled) in pending.items():
        school = data.schools[school_id]
        for change, lines in (("added", added), ("cancelled", cancelled)):
            for line in lines:
                due = data.deadlines.of(school_id, line.date)
                ledger.changes.append(PendingChange(
                    school_id, school.code, school.name_ja, line.alt_code, line.alt_name, line.date, line.item,
                    change, due, due is not None and now > due))
        # Deadlines: one row per (school, deadline) over the month's dates still to come.
        changed_dates = defaultdict(int)
        for line in (*added, *cancelled):
            changed_dates[line.date] += 1
        dates = {entry.date for entry in data.by_school.get(school_id, ())} | set(changed_dates)
        by_deadline: dict[dt.datetime, list[dt.date]] = defaultdict(list)
        for day in dates:
            due = data.deadlines.of(school_id, day)
            if due is not None and day >= now.date():
                by_deadline[due].append(day)
        for due, days in by_deadline.items():
            waiting = sum(changed_dates.get(d, 0) for d in days)
            if due < now and not waiting:
                continue  # passed and nothing left to tell: no longer of interest
            ledger.deadlines.append(UpcomingDeadline(school_id, school.code, school.name_ja, due,
                                                     tuple(sorted(days)), waiting, due < now))
    ledger.changes.sort(key=lambda c: (c.date, c.school_code, c.alt_code, c.change))
    ledger.deadlines.sort(key=lambda d: (d.deadline, d.school_code))
    return ledger
