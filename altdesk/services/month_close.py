"""Closing a month: once the month's actuals (実績) went to head office, the month is closed;
an edit to its visits, absences or events then needs a reason (`edit_reason`) and is listed as
a correction on the next actuals. The check itself lives with the sessions (altdesk.db.closing),
so no service, command or bulk statement can go round it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from altdesk.dates import month_bounds
from altdesk.db.audit import now_utc
from altdesk.db.closing import edit_reason
from altdesk.db.engine import transaction
from altdesk.db.models import ClosedMonth, MonthCorrection
from altdesk.errors import InvalidInput
from altdesk.services.workspace import Workspace

__all__ = ["ClosedMonthInfo", "CorrectionInfo", "close_month", "closed_months", "corrections", "edit_reason",
           "is_closed", "reopen_month"]


@dataclass(frozen=True)
class ClosedMonthInfo:
    month: str
    closed_at: dt.datetime
    actor: str

    def as_json(self) -> dict[str, str]:
        return {"month": self.month, "closed_at": self.closed_at.isoformat(), "closed_by": self.actor}


@dataclass(frozen=True)
class CorrectionInfo:
    month: str
    at: dt.datetime
    actor: str
    entity: str
    entity_id: int | None
    summary: str
    reason: str


def _check(month: str) -> str:
    try:
        first, _ = month_bounds(month)
    except (ValueError, TypeError):
        raise InvalidInput(f"{month!r} is not a month; write it as YYYY-MM.",
                           f"{month!r} は月ではありません。YYYY-MM の形式で指定してください。", field="month") from None
    return f"{first:%Y-%m}"


def close_month(ws: Workspace, month: str) -> ClosedMonthInfo:
    """Close a month (refused if it is closed already)."""
    month = _check(month)
    with transaction(ws.db.sessions) as session:
        if session.scalar(select(ClosedMonth.id).where(ClosedMonth.branch_id == ws.branch_id,
                                                       ClosedMonth.month == month)) is not None:
            raise InvalidInput(f"{month} is closed already.", f"{month} はすでに締め済みです。", field="month")
        row = ClosedMonth(branch_id=ws.branch_id, month=month, closed_at=now_utc(), actor=ws.actor)
        session.add(row)
        session.flush()
        return ClosedMonthInfo(month, row.closed_at, row.actor)


def reopen_month(ws: Workspace, month: str) -> ClosedMonthInfo:
    """Open a closed month again (its corrections stay listed)."""
    month = _check(month)
    with transaction(ws.db.sessions) as session:
        row = session.scalar(select(ClosedMonth).where(ClosedMonth.branch_id == ws.branch_id,
                                                       ClosedMonth.month == month))
        if row is None:
            raise InvalidInput(f"{month} is not closed.", f"{month} は締められていません。", field="month")
        info = ClosedMonthInfo(month, row.closed_at, row.actor)
        session.delete(row)
        return info


def closed_months(ws: Workspace) -> list[ClosedMonthInfo]:
    with ws.db.sessions() as session:
        return [ClosedMonthInfo(r.month, r.closed_at, r.actor) for r in session.scalars(
            select(ClosedMonth).where(ClosedMonth.branch_id == ws.branch_id).order_by(ClosedMonth.month))]


def is_closed(ws: Workspace, month: str) -> bool:
    return any(m.month == _check(month) for m in closed_months(ws))


def corrections(ws: Workspace, month: str | None = None) -> list[CorrectionInfo]:
    """Edits made to closed months (to one month, or to all), oldest first."""
    with ws.db.sessions() as session:
        query = select(MonthCorrection).where(MonthCorrection.branch_id == ws.branch_id)
        if month is not None:
            query = query.where(MonthCorrection.month == _check(month))
        return [CorrectionInfo(r.month, r.at, r.actor, r.entity, r.entity_id, r.summary, r.reason)
                for r in session.scalars(query.order_by(MonthCorrection.at, MonthCorrection.id))]
