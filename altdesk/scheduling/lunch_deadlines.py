"""Conflict rule LUNCH_DEADLINE: school meals changed after the school's notice deadline.

How "after the deadline" is known: the last lunch order sheet issued to a school for a month
(IssuedReport "lunch-orders") is what the school was told. A meal that is in the plan now but
not on that sheet (added, or moved to its date), or on the sheet but no longer planned
(cancelled, or moved away), is a change the school has not been told. When the deadline of
the date concerned has passed, that change is late: a warning names the deadline missed.
The warning stays until a sheet that includes the change is issued. Only dates from today on
are checked (a past day's lunch can no longer be ordered or cancelled).

A month with meals but no sheet issued at all is one warning per school: its deadlines
passed with nothing sent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.dates import month_bounds
from altdesk.db.enums import LunchMode, VisitStatus
from altdesk.db.models import Visit
from altdesk.labels import day_label
from altdesk.lunch.month_data import (
    ITEM_LABELS,
    ITEM_OF_MODE,
    AltInfo,
    Deadlines,
    IssuedOrder,
    LunchEntry,
    SchoolInfo,
    load_alts,
    load_branch,
    load_entries,
    load_last_issues,
    load_schools,
)
from altdesk.lunch.notice import as_jst, format_deadline
from altdesk.lunch.orders import OrderLine, diff_lines, issued_lines
from altdesk.scheduling.conflict_types import Conflict, ConflictKind, Severity, VisitFacts

MAX_LISTED = 5
MOVE_WINDOW = dt.timedelta(days=31)


def _months(first: dt.date, last: dt.date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _item(line: OrderLine, lang: str) -> str:
    return ITEM_LABELS.get(line.item, ITEM_LABELS["lunch"])[1 if lang == "ja" else 0]


class _Rule:
    """The data one run needs, and the conflicts it finds."""

    def __init__(self, schools: dict[int, SchoolInfo], alts: dict[int, AltInfo], deadlines: Deadlines,
                 issues: dict[tuple[int, str], IssuedOrder], cutoffs: dict[int, dt.date], start: dt.date,
                 window_end: dt.date, now: dt.datetime) -> None:
        self.schools, self.alts, self.deadlines, self.issues = schools, alts, deadlines, issues
        self.cutoffs = cutoffs  # per school: the first day whose deadline has not passed
        self.start, self.window_end, self.now = start, window_end, now
        self.found: list[Conflict] = []

    def line(self, entry: LunchEntry) -> OrderLine:
        alt = self.alts.get(entry.alt_id)
        return OrderLine(entry.alt_id, alt.code if alt else "", alt.name if alt else "", entry.date, entry.item,
                         entry.visit_id)

    def missed(self, school_id: int, day: dt.date) -> dt.datetime | None:
        """The deadline of `day` when it has passed, else None."""
        if day >= self.cutoffs.get(school_id, self.start):
            return None
        due = self.deadlines.of(school_id, day)
        return due if due is not None and self.now > due else None

    def run(self, entries: Iterable[LunchEntry]) -> list[Conflict]:
        current: dict[tuple[int, str], list[OrderLine]] = defaultdict(list)
        for entry in entries:
            if self.start <= entry.date:
                current[(entry.school_id, entry.date.strftime("%Y-%m"))].append(self.line(entry))
        for key in sorted(current.keys() | self.issues.keys()):
            school_id, month = key
            school = self.schools.get(school_id)
            if school is None:
                continue
            if school.rule.rule is None:
                if current.get(key):
                    self._unreadable_rule(school, current[key])
                continue
            issue = self.issues.get(key)
            if issue is None:
                self._never_issued(school, month, current.get(key, []))
            else:
                before = [x for x in issued_lines(issue) if self.start <= x.date <= self.window_end]
                self._late_changes(school, before, current.get(key, []))
        self.found.sort(key=lambda c: (c.date or dt.date.min, c.school_code or "", c.alt_code or ""))
        return self.found

    def _add(self, school: SchoolInfo, day: dt.date, alt_code: str | None, en: str, ja: str,
             visit_ids: Iterable[int | None]) -> None:
        ids = tuple(dict.fromkeys(i for i in visit_ids if i is not None))
        self.found.append(Conflict(ConflictKind.LUNCH_DEADLINE, Severity.WARNING, day, alt_code, school.code, en, ja,
                                   ids))

    def _late_changes(self, school: SchoolInfo, before: list[OrderLine], after: list[OrderLine]) -> None:
        diff = diff_lines(before, after)
        moved_from = {x.visit_id: x for x in diff.cancelled if x.visit_id is not None}
        moved_ids = {x.visit_id for x in diff.added if x.visit_id in moved_from}
        for added in diff.added:
            if added.visit_id in moved_ids:
                self._moved(school, moved_from[added.visit_id], added)
                continue
            due = self.missed(school.id, added.date)
            if due is not None:
                self._change(school, added, due, "added")
        for cancelled in diff.cancelled:
            if cancelled.visit_id in moved_ids:
                continue
            due = self.missed(school.id, cancelled.date)
            if due is not None:
                self._change(school, cancelled, due, "cancelled")

    def _change(self, school: SchoolInfo, line: OrderLine, due: dt.datetime, change: str) -> None:
        day, day_ja = line.date.isoformat(), day_label(line.date, "ja")
        en_what = "added" if change == "added" else "cancelled"
        ja_what = "追加" if change == "added" else "取消"
        self._add(
            school, line.date, line.alt_code,
            f"{line.alt_name} at {school.code} on {day}: {_item(line, 'en').lower()} {en_what} after the lunch "
            f"notice deadline {format_deadline(due)}; tell the school and re-issue the order sheet.",
            f"{day_ja} {line.alt_name}（{school.name_ja}）：{_item(line, 'ja')}の{ja_what}が給食連絡期限 "
            f"{format_deadline(due, 'ja')} を過ぎています。学校に連絡し、注文票を再発行してください。",
            [line.visit_id],
        )

    def _moved(self, school: SchoolInfo, old: OrderLine, new: OrderLine) -> None:
        late = [(day, due) for day in (new.date, old.date) if (due := self.missed(school.id, day)) is not None]
        if not late:
            return
        en_dues = "; ".join(f"{format_deadline(due)} for {day.isoformat()}" for day, due in late)
        ja_dues = "、".join(f"{day_label(day, 'ja')}分は {format_deadline(due, 'ja')}" for day, due in late)
        self._add(
            school, new.date, new.alt_code,
            f"{new.alt_name} at {school.code}: {_item(new, 'en').lower()} moved from {old.date.isoformat()} to "
            f"{new.date.isoformat()} after the lunch notice deadline ({en_dues}); tell the school and re-issue "
            f"the order sheet.",
            f"{day_label(new.date, 'ja')} {new.alt_name}（{school.name_ja}）：{_item(new, 'ja')}を "
            f"{day_label(old.date, 'ja')}から{day_label(new.date, 'ja')}へ移したのは給食連絡期限（{ja_dues}）の後です。"
            f"学校に連絡し、注文票を再発行してください。",
            [new.visit_id],
        )

    def _never_issued(self, school: SchoolInfo, month: str, lines: list[OrderLine]) -> None:
        # Sorted by date and deadline only: two lines may share both (two visits on one day).
        late = sorted(((line.date, due, line) for line in lines
                       if (due := self.missed(school.id, line.date)) is not None),
                      key=lambda item: (item[0], item[1]))
        if not late:
            return
        days = sorted({day for day, _due, _line in late})
        first_day, first_due = late[0][0], late[0][1]
        alt_codes = {line.alt_code for _d, _due, line in late}
        listed = ", ".join(d.isoformat() for d in days[:MAX_LISTED]) + (" …" if len(days) > MAX_LISTED else "")
        listed_ja = "、".join(day_label(d, "ja") for d in days[:MAX_LISTED]) + ("…" if len(days) > MAX_LISTED else "")
        year, number = month.split("-")
        self._add(
            school, first_day, next(iter(alt_codes)) if len(alt_codes) == 1 else None,
            f"{school.code}: no lunch order sheet issued for {month}, and the lunch notice deadline has passed "
            f"for {len(days)} date(s) ({listed}); the first was {format_deadline(first_due)}. "
            f"Tell the school and issue the order sheet.",
            f"{school.name_ja}：{int(year)}年{int(number)}月の給食注文票が未発行のまま、{len(days)} 日分（{listed_ja}）の給食連絡期限が"
            f"過ぎています（最初の期限 {format_deadline(first_due, 'ja')}）。学校に連絡し、注文票を発行してください。",
            [line.visit_id for _d, _due, line in late],
        )

    def _unreadable_rule(self, school: SchoolInfo, lines: list[OrderLine]) -> None:
        problem = school.rule.problem
        assert problem is not None
        self._add(school, min(line.date for line in lines), None,
                  f"{school.code}: lunch deadlines cannot be checked. {problem.message_en}",
                  f"{school.name_ja}：給食連絡期限を確認できません。{problem.message_ja}",
                  [line.visit_id for line in lines])


def _load_rule(session: Session, branch_id: int, start: dt.date, last: dt.date, now: dt.datetime,
               school_ids: Iterable[int] | None = None) -> tuple[_Rule, list[LunchEntry]]:
    """Only days whose deadline has passed can be late, and deadlines only move forward with the
    day: so each school's first day still open is found first, and only the days up to a month
    past it are read (a few weeks, not the year; the extra month finds where a late visit was
    moved from or to)."""
    scope = list(school_ids) if school_ids is not None else None
    branch = load_branch(session, branch_id)
    schools = load_schools(session, branch_id, branch.settings, scope)
    deadlines = Deadlines.load(session, branch_id, schools, start, last)
    cutoffs = {sid: deadlines.first_open(sid, start, last, now) for sid, s in schools.items() if s.rule.rule}
    horizon = max(cutoffs.values(), default=start) - dt.timedelta(days=1)
    readable = list(cutoffs)
    unreadable = [sid for sid, s in schools.items() if s.rule.rule is None]
    entries: list[LunchEntry] = []
    issues: dict[tuple[int, str], IssuedOrder] = {}
    window_end = min(last, horizon + MOVE_WINDOW)
    if readable and horizon >= start:
        entries = load_entries(session, branch_id, start, window_end, readable)
        issues = load_last_issues(session, branch_id, _months(start, window_end), readable)
    if unreadable:
        entries += load_entries(session, branch_id, start, last, unreadable)
    alt_ids = {e.alt_id for e in entries}
    rule = _Rule(schools, load_alts(session, branch_id, alt_ids), deadlines, issues, cutoffs, start, window_end,
                 now)
    return rule, entries


def lunch_deadline_conflicts(session: Session, branch_id: int, first: dt.date, last: dt.date,
                             now: dt.datetime | None = None) -> list[Conflict]:
    """LUNCH_DEADLINE warnings for dates in [first, last] from today on."""
    moment = as_jst(now)
    start = max(first, moment.date())
    if start > last:
        return []
    rule, entries = _load_rule(session, branch_id, start, last, moment)
    return rule.run(entries)


def lunch_deadline_conflicts_for_proposal(session: Session, branch_id: int, proposed: list[VisitFacts],
                                          replaced_ids: set[int], now: dt.datetime | None = None) -> list[Conflict]:
    """What a proposed change (visits added, moved or cancelled) would make late, before saving it.

    A cancellation is proposed as the visit with status cancelled; `replaced_ids` are the
    stored visits the proposal replaces.
    """
    if not proposed:
        return []
    moment = as_jst(now)
    replaced = session.execute(
        select(Visit.school_id, Visit.date).where(Visit.branch_id == branch_id, Visit.id.in_(replaced_ids))
    ).all() if replaced_ids else []
    schools = {v.school_id for v in proposed} | {school_id for school_id, _day in replaced}
    days = [v.date for v in proposed] + [day for _school_id, day in replaced]
    start = max(min(days).replace(day=1), moment.date())
    last = month_bounds(max(days).strftime("%Y-%m"))[1]
    if start > last:
        return []
    rule, stored = _load_rule(session, branch_id, start, last, moment, schools)
    missing_alts = {v.alt_id for v in proposed} - set(rule.alts)
    if missing_alts:
        rule.alts.update(load_alts(session, branch_id, missing_alts))
    after = [e for e in stored if e.visit_id not in replaced_ids]
    for v in proposed:
        item = ITEM_OF_MODE.get(LunchMode(v.lunch_mode))
        if item is not None and v.status in (VisitStatus.PLANNED, VisitStatus.CONFIRMED):
            after.append(LunchEntry(v.id, v.alt_id, v.school_id, v.date, item))
    ids = {v.id for v in proposed} | set(replaced_ids)
    return [c for c in rule.run(after) if ids & set(c.visit_ids)]
