"""What every measure gets: the workspace on the demo branch, its database, the month and year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from altdesk.bench.baselines import RawDatabase
from altdesk.db.engine import DatabaseTarget
from altdesk.db.workspace import Workspace
from altdesk.scheduling.generate import fiscal_year_bounds
from altdesk.services.calendar_view import month_range


@dataclass
class BenchContext:
    ws: Workspace
    target: DatabaseTarget
    raw: RawDatabase
    size: str
    fiscal_year: int
    month: str  # YYYY-MM, a month of the fiscal year with school days
    workdir: Path
    repeat: int
    say: Callable[[str], None]
    bundle: Path | None = None  # the bundle's program, when given

    @property
    def year_bounds(self) -> tuple[dt.date, dt.date]:
        return fiscal_year_bounds(self.fiscal_year)

    @property
    def month_bounds(self) -> tuple[dt.date, dt.date]:
        year, month = (int(p) for p in self.month.split("-"))
        return month_range(year, month)

    @property
    def branch_id(self) -> int:
        return self.ws.branch_id
