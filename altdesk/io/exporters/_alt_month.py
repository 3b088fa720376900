"""The alt-month export, whatever the format: choose the ALTs, write one file each (or one
combined file)."""

from __future__ import annotations

from collections.abc import Callable

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import ItemWriter, Subject, option_date, write_outputs
from altdesk.reports.alt_month import AltMonth, build_alt_months
from altdesk.reports.month_common import month_range, parse_codes


def export_alt_month(ws: Workspace, request: ExportRequest, progress: ProgressCallback, suffix: str,
                     make_writer: Callable[[list[AltMonth]], ItemWriter]) -> ExportResult:
    codes = parse_codes(request.alt, "--alt")
    month_range(request.month)
    month = str(request.month)
    with ws.db.sessions() as session:
        reports = build_alt_months(session, ws.branch_id, month, codes, issued_on=option_date(request, "issue_date"))
    subjects = [Subject(r.alt_id, r.code, r.name) for r in reports]
    many = codes is None or len(codes) > 1
    files = write_outputs(request, month, subjects, many, suffix, f"{month}_ALT_schedules{suffix}",
                          make_writer(reports), progress)
    if not reports:
        return ExportResult([], f"No ALT has visits in {month}; nothing was written.",
                            f"{month} に訪問のあるALTはいません。何も書き出していません。")
    return ExportResult(
        files,
        f"Wrote the {month} schedules of {len(reports)} ALT(s) to {len(files)} file(s).",
        f"ALT {len(reports)} 名の {month} 予定表を {len(files)} 件のファイルに書き出しました。",
    )
