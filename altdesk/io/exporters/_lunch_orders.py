"""The lunch-orders and lunch-fees exports, whatever the format: choose the schools, decide each
sheet's issue, write the files, then remember the sheets whose file was written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from altdesk.dates import check_month
from altdesk.db.engine import transaction
from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import (
    ExportCancelled,
    ItemWriter,
    Subject,
    atomic_path,
    option_date,
    records_issue,
    single_path,
    write_outputs,
)
from altdesk.lunch.fees import FeeReport, fee_report
from altdesk.lunch.month_data import load_month, parse_school_choice, school_ids_for_codes
from altdesk.lunch.notice import JST, now_jst
from altdesk.lunch.orders import OrderSheet, build_order_sheets, record_order_sheets
from altdesk.reports.month_common import BranchInfo, choose_era, date_ja, load_branch, month_range

ORDERS_TITLE = "給食注文票"


@dataclass(frozen=True)
class OrdersJob:
    sheets: list[OrderSheet]
    branch: BranchInfo  # sender details, era and PDF font as every report uses them
    era: str


def _month(request: ExportRequest) -> str:
    month_range(request.month)  # says "give --month" when it is missing
    return check_month(request.month)


def _now(request: ExportRequest) -> dt.datetime:
    """Now in Japan, or the issue date the request asks for (at the current time of day)."""
    now = now_jst()
    chosen = option_date(request, "issue_date")
    return dt.datetime.combine(chosen, now.timetz()) if chosen else now


def export_lunch_orders(ws: Workspace, request: ExportRequest, progress: ProgressCallback, suffix: str,
                        make_writer: Callable[[OrdersJob], ItemWriter]) -> ExportResult:
    month = _month(request)
    codes = parse_school_choice(request.school)
    with ws.db.sessions() as session:
        ids = school_ids_for_codes(session, ws.branch_id, codes) if codes is not None else None
        sheets = build_order_sheets(load_month(session, ws.branch_id, month, ids), _now(request), ids)
        branch = load_branch(session, ws.branch_id)
    if not sheets:
        return ExportResult([], f"No school has school meals in {month}; nothing was written.",
                            f"{month} に給食のある学校はありません。何も書き出していません。")
    job = OrdersJob(sheets, branch, choose_era(request.options.get("era"), branch))
    subjects = [Subject(s.school_id, s.school_code, f"{ORDERS_TITLE}_{s.school_name_ja}") for s in sheets]
    many = codes is None or len(codes) > 1
    completed: list[int] = []
    try:
        files = write_outputs(request, month, subjects, many, suffix, f"{month}_{ORDERS_TITLE}{suffix}",
                              make_writer(job), progress, completed)
    except ExportCancelled:
        _remember(ws, request, [sheets[i] for i in completed])
        raise
    recorded = _remember(ws, request, [sheets[i] for i in completed])
    meals = sum(s.count for s in sheets)
    return ExportResult(
        files,
        f"Wrote the {month} lunch order sheets of {len(sheets)} school(s) ({meals} meals) to {len(files)} file(s)"
        + (f"; {recorded} issue(s) recorded." if recorded else "."),
        f"{len(sheets)} 校の {month} 給食注文票（{meals} 食）を {len(files)} 件のファイルに書き出しました"
        + (f"（発行記録 {recorded} 件）。" if recorded else "。"),
    )


def _remember(ws: Workspace, request: ExportRequest, sheets: list[OrderSheet]) -> int:
    if not records_issue(request) or not sheets:
        return 0
    with transaction(ws.db.sessions) as session:
        return record_order_sheets(session, ws.branch_id, ws.actor, sheets)


def export_lunch_fees(ws: Workspace, request: ExportRequest, progress: ProgressCallback, suffix: str,
                      write: Callable[[Path, FeeReport, BranchInfo], None]) -> ExportResult:
    month = _month(request)
    alt = request.alt if request.alt and request.alt.strip().lower() != "all" else None
    with ws.db.sessions() as session:
        report = fee_report(session, ws.branch_id, month, alt, _now(request))
    with ws.db.sessions() as session:
        branch = load_branch(session, ws.branch_id)
    path = single_path(request, f"{month}_lunch_fees{suffix}")
    with atomic_path(path) as partial:
        write(partial, report, branch)
    progress(1, 1)
    return ExportResult(
        [path],
        f"Wrote the {month} lunch fees of {len(report.alts)} ALT(s): {report.days} meals, ¥{report.total:,}, "
        f"to {path}.",
        f"{month} の給食費（ALT {len(report.alts)} 名、{report.days} 食、¥{report.total:,}）を {path} に"
        "書き出しました。",
    )


def issued_text_ja(sheet: OrderSheet, era: str) -> str:
    return date_ja(sheet.issued_at.astimezone(JST).date(), era)
