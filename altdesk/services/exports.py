"""Running an export: find the exporter for (format, report), run it, record it in the audit log."""

from __future__ import annotations

from altdesk.errors import InvalidInput
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback, find_exporter, supported
from altdesk.services.audit import record_export
from altdesk.services.workspace import Workspace


def _never_cancel(_done: int, _total: int) -> bool:
    return True


def run_export(ws: Workspace, request: ExportRequest, progress: ProgressCallback | None = None) -> ExportResult:
    module = find_exporter(request.format, request.report)
    if module is None:
        choices = ", ".join(f"{f} --report {r}" if r else f for f, r in supported()) or "none"
        raise InvalidInput(
            f"ALTdesk cannot export {request.format} {('--report ' + request.report) if request.report else ''}."
            f" Available: {choices}.",
            f"{request.format} {request.report or ''} の出力には対応していません。対応：{choices}。",
            field="report",
        )
    result = module.export(ws, request, progress or _never_cancel)
    record_export(ws, request, result)  # who exported what, and which files
    return result
