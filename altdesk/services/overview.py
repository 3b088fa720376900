"""The Overview section's figures for a fiscal year and a month, in one read."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from altdesk.reports.overview import MonthFees, Overview, build_overview, fees_by_month
from altdesk.services.workspace import Workspace

__all__ = ["Overview", "read_overview"]


def _fees(ws: Workspace, fiscal_year: int) -> list[MonthFees]:
    with ws.db.sessions() as session:
        return fees_by_month(session, ws.branch_id, fiscal_year)


def read_overview(ws: Workspace, fiscal_year: int, month: str, today: dt.date) -> Overview:
    # The year's meals are half the work: they are read on a second connection meanwhile (the
    # database works without holding Python's lock, so the two reads share the machine's cores).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="altdesk-overview") as pool:
        fees = pool.submit(_fees, ws, fiscal_year)
        with ws.db.sessions() as session:
            rest = build_overview(session, ws.branch_id, fiscal_year, month, today, fees=[])
        return replace(rest, fees=fees.result())
