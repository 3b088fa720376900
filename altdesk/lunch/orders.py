"""The monthly lunch order sheet (教職員給食注文票) per school, and what changed since the last one.

Each issued sheet is remembered as an IssuedReport (report "lunch-orders", subject the
school, the month) whose snapshot holds every meal ordered and the changes it announced.
Printing again with nothing changed reprints that issue (same number, same changes);
anything changed makes a new issue listing the dates added and cancelled since.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from altdesk.db.audit import record_event
from altdesk.db.enums import AuditAction
from altdesk.db.models import IssuedReport
from altdesk.labels import WEEKDAYS_EN, WEEKDAYS_JA
from altdesk.lunch.diet import school_diet_ja
from altdesk.lunch.month_data import LUNCH, MILK, REPORT, IssuedOrder, MonthData
from altdesk.lunch.notice import JST

SNAPSHOT_FORMAT = 1


@dataclass(frozen=True)
class OrderLine:
    """One meal of one ALT on one date."""

    alt_id: int
    alt_code: str
    alt_name: str
    date: dt.date
    item: str
    visit_id: int | None = None

    @property
    def key(self) -> tuple[int, dt.date, str]:
        return (self.alt_id, self.date, self.item)

    def as_json(self) -> dict[str, Any]:
        return {"alt_id": self.alt_id, "alt_code": self.alt_code, "alt_name": self.alt_name,
                "date": self.date.isoformat(), "item": self.item, "visit_id": self.visit_id}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OrderLine:
        return cls(int(data["alt_id"]), str(data.get("alt_code", "")), str(data.get("alt_name", "")),
                   dt.date.fromisoformat(data["date"]), str(data.get("item", LUNCH)),
                   int(data["visit_id"]) if data.get("visit_id") is not None else None)


def _sorted(lines: Iterable[OrderLine]) -> tuple[OrderLine, ...]:
    return tuple(sorted(lines, key=lambda line: (line.date, line.alt_code, line.item)))


@dataclass(frozen=True)
class OrderDiff:
    """Meals added and cancelled between two states of a school's month."""

    added: tuple[OrderLine, ...] = ()
    cancelled: tuple[OrderLine, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.added and not self.cancelled

    def as_json(self) -> dict[str, Any]:
        return {"added": [line.as_json() for line in self.added],
                "cancelled": [line.as_json() for line in self.cancelled]}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> OrderDiff:
        data = data or {}
        return cls(_sorted(OrderLine.from_json(d) for d in data.get("added", ())),
                   _sorted(OrderLine.from_json(d) for d in data.get("cancelled", ())))


def diff_lines(before: Iterable[OrderLine], after: Iterable[OrderLine]) -> OrderDiff:
    old = {line.key: line for line in before}
    new = {line.key: line for line in after}
    return OrderDiff(_sorted(new[k] for k in new.keys() - old.keys()),
                     _sorted(old[k] for k in old.keys() - new.keys()))


def current_lines(data: MonthData, school_id: int) -> tuple[OrderLine, ...]:
    lines = []
    for entry in data.by_school.get(school_id, ()):
        alt = data.alts.get(entry.alt_id)
        lines.append(OrderLine(entry.alt_id, alt.code if alt else "", alt.name if alt else "", entry.date,
                               entry.item, entry.visit_id))
    return _sorted(lines)


def issued_lines(issue: IssuedOrder | None) -> tuple[OrderLine, ...]:
    if issue is None:
        return ()
    return _sorted(OrderLine.from_json(d) for d in issue.snapshot.get("entries", ()))


def pending_changes(data: MonthData, school_id: int) -> OrderDiff:
    """What the school has not been told yet: now against the last sheet issued (or nothing)."""
    return diff_lines(issued_lines(data.last_issues.get(school_id)), current_lines(data, school_id))


@dataclass(frozen=True)
class SheetRow:
    """One ALT's meals of one kind at the school this month."""

    alt_code: str
    alt_name: str
    alt_kana: str
    item: str | None  # None: the ALT visits but eats no school meal (own lunch)
    dates: tuple[dt.date, ...]
    unit_price: int | None
    diet_ja: str  # only with the ALT's consent

    @property
    def count(self) -> int:
        return len(self.dates)

    @property
    def amount(self) -> int | None:
        return None if self.unit_price is None else self.unit_price * self.count


@dataclass(frozen=True)
class OrderSheet:
    month: str
    school_id: int
    school_code: str
    school_name_ja: str
    school_name_en: str
    contact_teacher: str
    board_name_ja: str
    branch_name: str
    branch_phone: str
    branch_address: str
    rows: tuple[SheetRow, ...]
    issue_number: int
    issued_at: dt.datetime
    previous_issued_at: dt.datetime | None  # of the sheet the changes are counted from
    changes: OrderDiff
    rule_ja: str
    rule_en: str
    new_issue: bool  # not recorded yet: recording it makes it the last sheet issued
    snapshot: dict[str, Any]

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rows if r.item is not None)

    @property
    def total(self) -> int:
        return sum(r.amount or 0 for r in self.rows if r.item is not None)

    @property
    def unpriced(self) -> bool:
        return any(r.item is not None and r.count and r.unit_price is None for r in self.rows)

    @property
    def is_reissue(self) -> bool:
        return self.issue_number > 1

    @property
    def year(self) -> int:
        return int(self.month[:4])

    @property
    def month_number(self) -> int:
        return int(self.month[5:])


def _rows(data: MonthData, school_id: int, lines: Sequence[OrderLine]) -> tuple[SheetRow, ...]:
    by_alt_item: dict[tuple[int, str], list[dt.date]] = defaultdict(list)
    for line in lines:
        by_alt_item[(line.alt_id, line.item)].append(line.date)
    visiting = {alt_id for (sid, alt_id) in data.visit_days if sid == school_id}
    rows = []
    for alt_id in sorted(visiting | {a for a, _ in by_alt_item}, key=lambda a: data.alts[a].code if a in data.alts
                         else ""):
        alt = data.alts.get(alt_id)
        if alt is None:
            continue
        diet = school_diet_ja(alt, alt.share_diet_consent)
        items = [item for item in (LUNCH, MILK) if (alt_id, item) in by_alt_item]
        for item in items:
            rows.append(SheetRow(alt.code, alt.name, alt.kana, item, tuple(sorted(by_alt_item[(alt_id, item)])),
                                 data.price(item, school_id), diet))
        if not items:
            rows.append(SheetRow(alt.code, alt.name, alt.kana, None, (), None, diet))
    return tuple(rows)


def _snapshot(data: MonthData, school_id: int, lines: Sequence[OrderLine], changes: OrderDiff,
              rows: Sequence[SheetRow], previous: IssuedOrder | None) -> dict[str, Any]:
    return {
        "format": SNAPSHOT_FORMAT,
        "previous_issued_at": previous.issued_at.isoformat() if previous else None,
        "school_code": data.schools[school_id].code,
        "unit_prices": {LUNCH: data.price(LUNCH, school_id), MILK: data.price(MILK, school_id)},
        "entries": [line.as_json() for line in lines],
        "count": sum(r.count for r in rows if r.item is not None),
        "total": sum(r.amount or 0 for r in rows if r.item is not None),
        "changes": changes.as_json(),
    }


def _moment(value: Any) -> dt.datetime | None:
    if not value:
        return None
    moment = dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def build_order_sheets(data: MonthData, now: dt.datetime, school_ids: Iterable[int] | None = None
                       ) -> list[OrderSheet]:
    """Sheets for the given schools (default: every school with meals or a sheet this month)."""
    schools = ([data.schools[i] for i in school_ids if i in data.schools] if school_ids is not None
               else data.schools_in_view())
    sheets = []
    for school in sorted(schools, key=lambda s: s.code):
        lines = current_lines(data, school.id)
        rows = _rows(data, school.id, lines)
        last = data.last_issues.get(school.id)
        prices = {LUNCH: data.price(LUNCH, school.id), MILK: data.price(MILK, school.id)}
        unchanged = (last is not None and {line.key for line in lines} == last.keys()
                     and last.snapshot.get("unit_prices") == prices)
        if unchanged:
            assert last is not None
            number, issued_at, snapshot = last.number, last.issued_at, last.snapshot
            changes = OrderDiff.from_json(last.snapshot.get("changes"))
            previous = _moment(last.snapshot.get("previous_issued_at"))
        else:
            number = last.number + 1 if last else 1
            issued_at = now.astimezone(JST)
            changes = diff_lines(issued_lines(last), lines) if last else OrderDiff()
            snapshot = _snapshot(data, school.id, lines, changes, rows, last)
            previous = last.issued_at if last else None
        sheets.append(OrderSheet(
            month=data.month, school_id=school.id, school_code=school.code, school_name_ja=school.name_ja,
            school_name_en=school.name_en, contact_teacher=school.contact_teacher,
            board_name_ja=school.board_name_ja, branch_name=data.branch.name, branch_phone=data.branch.phone,
            branch_address=data.branch.address, rows=rows, issue_number=number,
            issued_at=issued_at.astimezone(JST), changes=changes,
            previous_issued_at=previous.astimezone(JST) if previous else None,
            rule_ja=school.rule.rule.describe("ja") if school.rule.rule else "",
            rule_en=school.rule.rule.describe("en") if school.rule.rule else "",
            new_issue=not unchanged, snapshot=snapshot,
        ))
    return sheets


def record_order_sheets(session: Session, branch_id: int, actor: str, sheets: Iterable[OrderSheet]) -> int:
    """Remember the new issues among `sheets` (a reprint records nothing). Caller commits."""
    recorded = []
    for sheet in sheets:
        if not sheet.new_issue:
            continue
        session.add(IssuedReport(branch_id=branch_id, report=REPORT, subject_id=sheet.school_id,
                                 month=sheet.month, issued_at=sheet.issued_at.astimezone(dt.UTC),
                                 actor=actor[:100], snapshot=sheet.snapshot))
        recorded.append(sheet)
    if recorded:
        session.flush()
        codes = ", ".join(s.school_code for s in recorded[:10]) + (" …" if len(recorded) > 10 else "")
        record_event(session, AuditAction.EXPORT, "lunch_orders",
                     f"issued lunch order sheets for {recorded[0].month}: {codes}",
                     after={"month": recorded[0].month, "schools": [s.school_code for s in recorded],
                            "issues": {s.school_code: s.issue_number for s in recorded}},
                     branch_id=branch_id)
    return len(recorded)


def dates_text_ja(dates: Iterable[dt.date]) -> str:
    """"1日(月)、3日(水)" — the month is in the sheet's title."""
    return "、".join(f"{d.day}日({WEEKDAYS_JA[d.weekday()]})" for d in sorted(dates))


def dates_text_en(dates: Iterable[dt.date]) -> str:
    return ", ".join(f"{WEEKDAYS_EN[d.weekday()]} {d.day}" for d in sorted(dates))


def yen(amount: int | None) -> str:
    return "—" if amount is None else f"¥{amount:,}"
