"""The branch-month export: one board for the whole branch, one file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import atomic_path, check_progress, option_date, single_path
from altdesk.reports.branch_month import BranchMonth, build_branch_month
from altdesk.reports.month_common import choose_era, load_branch, month_range


def load_board(ws: Workspace, request: ExportRequest) -> BranchMonth:
    month_range(request.month)
    with ws.db.sessions() as session:
        era = choose_era(request.options.get("era"), load_branch(session, ws.branch_id))
        return build_branch_month(session, ws.branch_id, str(request.month), era, option_date(request, "issue_date"))


def export_board(ws: Workspace, request: ExportRequest, progress: ProgressCallback, suffix: str,
                 write: Callable[[Path, BranchMonth], None]) -> ExportResult:
    board = load_board(ws, request)
    path = single_path(request, f"{board.month}_ALT配置表{suffix}")
    check_progress(progress, 0, 1, [])
    with atomic_path(path) as partial:
        write(partial, board)
    progress(1, 1)
    return ExportResult(
        [path],
        f"Wrote the {board.month} board of {len(board.rows)} ALTs to {path}.",
        f"ALT {len(board.rows)} 名の {board.month} 配置表を {path} に書き出しました。",
    )
