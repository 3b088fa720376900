"""The core's figures (no Qt): generate, the month board query, the conflict check, the exports.

Each measure returns its figures; the harness turns an exception into a failed figure.
"""

from __future__ import annotations

import shutil

from altdesk.bench.context import BenchContext
from altdesk.bench.external import export_baseline
from altdesk.bench.figures import Figure
from altdesk.bench.timing import Runs, paired, timed
from altdesk.io.export_request import ExportRequest
from altdesk.io.exporters import find_exporter
from altdesk.services.calendar_view import month_board
from altdesk.services.exports import run_export
from altdesk.services.scheduling import check_conflicts, generate_visits

RAW = "raw driver"


def month_query(ctx: BenchContext) -> list[Figure]:
    first, last = ctx.month_bounds
    figure = Figure("month_query", f"month board read model, {ctx.month}, all ALTs", "ms", 100.0,
                    baseline_title=f"{RAW}: the same rows (visits joined with schools, and the ALTs)")
    mine, bare, board = paired(
        lambda: month_board(ctx.ws, first, last),
        lambda: ctx.raw.month_rows(ctx.branch_id, first, last),
        5 * ctx.repeat,
    )
    figure.record(mine, bare).note = f"{len(board.rows)} ALTs, {board.visit_count()} visits"
    return [figure]


def conflict_check(ctx: BenchContext) -> list[Figure]:
    first, last = ctx.year_bounds
    figure = Figure("conflict_check_fy", f"full conflict check, FY{ctx.fiscal_year}", "s", 1.0,
                    baseline_title=f"{RAW}: select the year's visits")
    mine, bare, found = paired(
        lambda: check_conflicts(ctx.ws, first, last),
        lambda: ctx.raw.year_rows(ctx.branch_id, first, last),
        ctx.repeat,
    )
    figure.record(mine, bare).note = f"{len(found)} conflicts"
    return [figure]


def generate(ctx: BenchContext) -> list[Figure]:
    """Generating the year from scratch, then regenerating it unchanged, each beside the bare driver."""
    first, last = ctx.year_bounds
    fresh = Figure("generate_fy", f"generate FY{ctx.fiscal_year} from placements", "s", 3.0,
                   baseline_title=f"{RAW}: executemany of the same rows, one transaction")
    columns = ctx.raw.visit_columns()
    mine, bare = Runs(), Runs()
    created = 0
    for _ in range(ctx.repeat):
        ctx.raw.delete_generated(ctx.branch_id, first, last)
        _seconds, result = timed(lambda: generate_visits(ctx.ws, first, last), mine)
        created = result.created
        rows = ctx.raw.generated_rows(ctx.branch_id, first, last, columns)
        ctx.raw.delete_generated(ctx.branch_id, first, last)
        timed(lambda rows=rows: ctx.raw.insert_rows(columns, rows), bare)
    fresh.record(mine, bare).note = f"{created} visits"

    again = Figure("regenerate_fy", f"regenerate FY{ctx.fiscal_year}, nothing changed", "s", 3.0,
                   baseline_title=f"{RAW}: select the year's visits")
    mine, year_bare, result = paired(
        lambda: generate_visits(ctx.ws, first, last),
        lambda: ctx.raw.year_rows(ctx.branch_id, first, last),
        ctx.repeat,
    )
    again.record(mine, year_bare).note = f"{result.unchanged} unchanged, {result.changed} changed"
    return [fresh, again]


def _export(ctx: BenchContext, fmt: str, report: str, figure: Figure, out_name: str, runs: int) -> list[Figure]:
    if find_exporter(fmt, report) is None:
        return [figure.unavailable(f"no exporter for {fmt} --report {report} yet")]
    out = ctx.workdir / out_name

    def clear() -> None:
        if out.is_dir():
            shutil.rmtree(out)
        elif out.exists():
            out.unlink()

    request = ExportRequest(format=fmt, report=report, out=out, month=ctx.month, school="all", alt="all")
    bare = export_baseline(ctx, fmt, report, ctx.workdir / f"bare-{out_name}")
    mine, theirs, result = paired(lambda: run_export(ctx.ws, request), bare, runs, before=clear)
    figure.record(mine, theirs).note = f"{len(result.files)} file(s)" + ("" if bare else "; no bare-library yardstick")
    return [figure]


def pdf_school_month(ctx: BenchContext) -> list[Figure]:
    figure = Figure("pdf_school_month", f"PDF visit schedules of all schools, {ctx.month}", "s", 15.0,
                    baseline_title="bare reportlab canvas: the same text, one PDF per school")
    return _export(ctx, "pdf", "school-month", figure, "pdf-school-month", 1)


def xlsx_branch_month(ctx: BenchContext) -> list[Figure]:
    figure = Figure("xlsx_branch_month", f"Excel branch board, {ctx.month}", "s", 2.0,
                    baseline_title="openpyxl write-only: the same cells")
    return _export(ctx, "xlsx", "branch-month", figure, f"branch-month-{ctx.month}.xlsx", ctx.repeat)


def send_month_figure(ctx: BenchContext) -> list[Figure]:
    """Month-end in one step beside the month's school PDFs made the way they were before it: the
    visit schedules, then the lunch order sheets, each exported for all schools. Its budget is twice
    their time in the same run; on top of those a send writes the boards' print files and every
    ALT's month and calendar, and marks the month sent."""
    from altdesk.services.month_end import send_month

    figure = Figure("send_month", f"Send {ctx.month}: every school's, board's and ALT's file", "s", None,
                    baseline_title="the month's school PDFs alone: schedules, then order sheets")
    sent, alone = ctx.workdir / "send", ctx.workdir / "send-school-pdfs-alone"
    requests = [ExportRequest(format="pdf", report=report, out=alone / report, month=ctx.month, school="all",
                              alt="all") for report in ("school-month", "lunch-orders")]

    def school_pdfs_alone() -> None:
        for request in requests:
            run_export(ctx.ws, request)

    mine, theirs, result = paired(lambda: send_month(ctx.ws, ctx.month, sent, force=True), school_pdfs_alone,
                                  ctx.repeat, before=lambda: shutil.rmtree(sent, ignore_errors=True),
                                  before_bare=lambda: shutil.rmtree(alone, ignore_errors=True))
    figure.record(mine, theirs)
    figure.budget = 2 * figure.baseline if figure.baseline else None
    figure.note = f"{len(result.files)} files; budget: twice the school PDFs alone, measured in the same run"
    return [figure]
