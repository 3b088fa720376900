"""Lunch fees per ALT for a month (what each ALT owes the schools for meals), and the branch total.

Internal and in English; carries no diet details.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.models import Alt
from altdesk.errors import NotFound
from altdesk.lunch.ledger import AltSchoolLine, alt_rows
from altdesk.lunch.month_data import ITEM_LABELS, MonthData, load_month


@dataclass(frozen=True)
class FeeLine:
    school_code: str
    school_name_en: str
    school_name_ja: str
    item: str
    days: int
    unit_price: int | None
    amount: int

    @property
    def item_label(self) -> str:
        return ITEM_LABELS[self.item][0]


@dataclass(frozen=True)
class AltFees:
    alt_code: str
    alt_name: str
    lines: tuple[FeeLine, ...]

    @property
    def days(self) -> int:
        return sum(line.days for line in self.lines)

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def unpriced(self) -> bool:
        return any(line.unit_price is None for line in self.lines)


@dataclass(frozen=True)
class FeeReport:
    month: str
    branch_name: str
    branch_name_en: str
    branch_phone: str
    made_at: dt.datetime
    alts: tuple[AltFees, ...]

    @property
    def days(self) -> int:
        return sum(a.days for a in self.alts)

    @property
    def total(self) -> int:
        return sum(a.amount for a in self.alts)

    @property
    def unpriced(self) -> bool:
        return any(a.unpriced for a in self.alts)


def _fee_line(line: AltSchoolLine) -> FeeLine:
    return FeeLine(line.school_code, line.school_name_en, line.school_name_ja, line.item, len(line.dates),
                   line.unit_price, line.amount)


def build_fee_report(data: MonthData, now: dt.datetime, alt_codes: set[str] | None = None) -> FeeReport:
    alts = tuple(
        AltFees(row.code, row.name, tuple(_fee_line(line) for line in row.lines))
        for row in alt_rows(data) if row.lines and (alt_codes is None or row.code in alt_codes)
    )
    return FeeReport(data.month, data.branch.name, data.branch.name_en, data.branch.phone, now, alts)


def fee_report(session: Session, branch_id: int, month: str, alt: str | None, now: dt.datetime) -> FeeReport:
    """The month's fees per ALT; `alt` a code to show one ALT only (None or "all": every ALT)."""
    codes = None
    if alt is not None and alt.strip().lower() not in ("", "all"):
        found = session.scalar(select(Alt.code).where(Alt.branch_id == branch_id, Alt.code == alt.strip()))
        if found is None:
            raise NotFound(f"No ALT with code {alt!r}.", f"ALTコード {alt!r} は存在しません。")
        codes = {found}
    return build_fee_report(load_month(session, branch_id, month), now, codes)
