"""The Overview section's figures for a fiscal year and a month, in one read."""

from __future__ import annotations

import datetime as dt

from altdesk.reports.overview import Overview, build_overview
from altdesk.services.workspace import Workspace

__all__ = ["Overview", "read_overview"]


def read_overview(ws: Workspace, fiscal_year: int, month: str, today: dt.date) -> Overview:
    with ws.db.sessions() as session:
        return build_overview(session, ws.branch_id, fiscal_year, month, today)
