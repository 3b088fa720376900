"""`export csv --report visits`: the flat visits table, UTF-8 with a BOM for Japanese Excel."""

from __future__ import annotations

import csv

from altdesk.dates import month_bounds, required_range
from altdesk.db.workspace import Workspace
from altdesk.io.atomic import atomic_path
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.spreadsheet_safety import neutralise
from altdesk.reports.visits_table import COLUMNS, build_visits_table

HANDLES = {("csv", "visits")}


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    first, last = request.date_from, request.date_to
    if (first is None or last is None) and request.month:
        first, last = month_bounds(request.month)
    if first is None or last is None:
        first, last = required_range(None, None)  # says which options are missing
    table = build_visits_table(ws, first, last)
    with atomic_path(request.out) as partial, partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in table.rows:
            writer.writerow([neutralise(v) for v in row])
    return ExportResult(
        [request.out],
        f"Wrote {len(table.rows)} visits from {first} to {last} to {request.out}.",
        f"{first}〜{last} の訪問 {len(table.rows)} 件を {request.out} に書き出しました。",
    )
