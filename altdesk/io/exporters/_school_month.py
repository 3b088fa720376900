"""The school-month export, whatever the format: choose the schools, decide each issue, write
the files, then remember what was issued (only for files that were written)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from altdesk.db.engine import transaction
from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import (
    ExportCancelled,
    ItemWriter,
    Subject,
    option_date,
    records_issue,
    write_outputs,
)
from altdesk.io.pdf.parallel import Job
from altdesk.reports.issues import record_issues
from altdesk.reports.month_common import month_range, parse_codes
from altdesk.reports.school_month import REPORT, SchoolMonth, load_school_months

WriterFactory = Callable[[list[SchoolMonth]], ItemWriter]


def export_school_month(
    ws: Workspace, request: ExportRequest, progress: ProgressCallback, suffix: str, make_writer: WriterFactory,
    parallel_job: Job | None = None,
) -> ExportResult:
    codes = parse_codes(request.school, "--school")
    month_range(request.month)
    month = str(request.month)
    with ws.db.sessions() as session:
        reports, drafts = load_school_months(
            session, ws.branch_id, month, codes, request.options.get("era"), option_date(request, "issue_date")
        )
    subjects = [Subject(r.school_id, r.school_code, r.school_name_ja) for r in reports]
    many = codes is None or len(codes) > 1
    completed: list[int] = []
    files: list[Path] = []
    try:
        parallel = (parallel_job, reports, reports[0].branch.pdf_font) if parallel_job and reports else None
        files = write_outputs(request, month, subjects, many, suffix, f"{month}_訪問予定表{suffix}",
                              make_writer(reports), progress, completed, parallel)
    except ExportCancelled:
        _remember(ws, request, [drafts[i] for i in completed])
        raise
    reissued = _remember(ws, request, [drafts[i] for i in completed])
    if not reports:
        return ExportResult([], f"No school has visits in {month}; nothing was written.",
                            f"{month} に訪問のある学校はありません。何も書き出していません。")
    return ExportResult(
        files,
        f"Wrote the {month} visit schedules of {len(reports)} school(s) to {len(files)} file(s)"
        + (f"; {reissued} issue(s) recorded." if reissued else "."),
        f"{len(reports)} 校の {month} 訪問予定表を {len(files)} 件のファイルに書き出しました"
        + (f"（発行記録 {reissued} 件）。" if reissued else "。"),
    )


def _remember(ws: Workspace, request: ExportRequest, drafts: list) -> int:  # type: ignore[type-arg]
    if not records_issue(request) or not any(d.info.is_new for d in drafts):
        return 0
    with transaction(ws.db.sessions) as session:
        return record_issues(session, ws.branch_id, REPORT, ws.actor, drafts)
