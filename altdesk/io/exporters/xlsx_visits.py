"""`export xlsx --report visits`: the flat table of visits (as on CSV) as a workbook."""

from __future__ import annotations

from altdesk.dates import month_bounds, required_range
from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import atomic_path, single_path
from altdesk.io.xlsx.visits import write_visits
from altdesk.reports.visits_table import build_visits_table

HANDLES = {("xlsx", "visits")}


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    first, last = request.date_from, request.date_to
    if (first is None or last is None) and request.month:
        first, last = month_bounds(request.month)
    if first is None or last is None:
        first, last = required_range(None, None)  # says which options are missing
    table = build_visits_table(ws, first, last)
    path = single_path(request, f"visits_{first}_{last}.xlsx")
    with atomic_path(path) as partial:
        write_visits(partial, table)
    progress(1, 1)
    return ExportResult(
        [path],
        f"Wrote {len(table.rows)} visits from {first} to {last} to {path}.",
        f"{first}〜{last} の訪問 {len(table.rows)} 件を {path} に書き出しました。",
    )
