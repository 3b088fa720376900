"""The exports' bare-library yardsticks (altdesk/io/pdf/baseline.py, altdesk/io/xlsx/baseline.py),
prepared outside the timing: a callable doing only the bare library's part, or None when the
yardstick is not there (the figure then shows no ratio)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from altdesk.bench.context import BenchContext


def _module(name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def export_baseline(ctx: BenchContext, fmt: str, report: str, out: Path) -> Callable[[], object] | None:
    if (fmt, report) == ("pdf", "school-month"):
        return _pdf_school_month(ctx, out)
    if (fmt, report) == ("xlsx", "branch-month"):
        return _xlsx_branch_month(ctx, out)
    return None


def _pdf_school_month(ctx: BenchContext, out: Path) -> Callable[[], object] | None:
    baseline = _module("altdesk.io.pdf.baseline")
    reports_module = _module("altdesk.reports.school_month")
    if baseline is None or reports_module is None:
        return None
    with ctx.ws.db.sessions() as session:
        reports, _drafts = reports_module.load_school_months(session, ctx.branch_id, ctx.month, None)
    texts = baseline.school_month_texts(reports)
    return lambda: baseline.bare_canvas_pdfs(texts, out)


def _xlsx_branch_month(ctx: BenchContext, out: Path) -> Callable[[], object] | None:
    baseline = _module("altdesk.io.xlsx.baseline")
    board_module = _module("altdesk.reports.branch_month")
    if baseline is None or board_module is None:
        return None
    with ctx.ws.db.sessions() as session:
        board = board_module.build_branch_month(session, ctx.branch_id, ctx.month)
    values = baseline.branch_month_values(board)
    return lambda: baseline.bare_write_only(values, out)
