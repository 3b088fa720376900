"""`export xlsx --report branch-month`: the branch board as one printable worksheet."""

from __future__ import annotations

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._branch_month import export_board
from altdesk.io.xlsx.branch_month import write_branch_month

HANDLES = {("xlsx", "branch-month")}


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    return export_board(ws, request, progress, ".xlsx", write_branch_month)
