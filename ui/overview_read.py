"""Starting the Overview's read, for the page and for the window that is about to build it.

The window starts the read before it loads the page's module and builds its charts' widgets (about
80 ms on an office PC), so the figures are read meanwhile. This module loads nothing heavy.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from altdesk.services.overview import Overview, read_overview
from ui import faults
from ui.app_context import AppContext
from ui.runner import Task, runner_for


def _read(ctx: AppContext, fiscal_year: int, month: str, today: dt.date, _progress: object) -> Overview:
    return read_overview(ctx.ws, fiscal_year, month, today)


def start_overview_read(ctx: AppContext, fiscal_year: int, month: str, today: dt.date) -> Task:
    """The read on the window's runner; its `done` carries the Overview, `error` the failure.
    A newer read supersedes one not yet answered."""
    return runner_for(ctx).read(partial(_read, ctx, fiscal_year, month, today), key=("overview", id(ctx)),
                                action=faults.READ_OVERVIEW)
