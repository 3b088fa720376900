"""Use cases behind the Export dialog and the preview: what can be exported, the schools or
ALTs to choose from, running an export with progress and cancel, a PDF preview in memory,
and the speed figures the bench prints."""

from __future__ import annotations

import datetime as dt
import io
import time
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4, landscape
from sqlalchemy import func, select

from altdesk.db.models import Alt, School, Visit
from altdesk.errors import InvalidInput
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback, supported
from altdesk.io.exporters._lunch_orders import ORDERS_TITLE, OrdersJob
from altdesk.io.exporters._output import ExportCancelled
from altdesk.io.exporters.lunch_fees_pdf import draw_fee_report
from altdesk.io.exporters.lunch_orders_pdf import draw_order_sheet
from altdesk.io.exporters.pdf_actuals import draw_actuals
from altdesk.io.pdf.alt_month import draw_alt_month
from altdesk.io.pdf.branch_month import draw_branch_month
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter
from altdesk.io.pdf.school_month import draw_school_month
from altdesk.lunch.fees import FeeReport, fee_report
from altdesk.lunch.month_data import load_month, parse_school_choice, school_ids_for_codes
from altdesk.lunch.notice import now_jst
from altdesk.lunch.orders import OrderSheet, build_order_sheets
from altdesk.reports.actuals import build_actuals
from altdesk.reports.alt_month import build_alt_months
from altdesk.reports.branch_month import build_branch_month
from altdesk.reports.month_common import choose_era, load_branch, month_range, parse_codes, today_tokyo
from altdesk.reports.school_month import load_school_months
from altdesk.services.exports import run_export
from altdesk.services.workspace import Workspace

__all__ = ["ExportCancelled", "ReportChoice", "SubjectChoice", "report_choices", "list_subjects", "run",
           "render_preview", "default_month", "bench_school_month_pdfs", "bench_branch_month_xlsx"]


@dataclass(frozen=True)
class ReportChoice:
    key: str  # the --report value; "calendar" for ics
    label_en: str
    label_ja: str
    subject: str | None  # "school", "alt" or None (one document for the branch)
    formats: tuple[str, ...]
    uses_era: bool
    preview: bool = False  # a PDF preview (and so Print) in the export dialog

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" else self.label_en

    def report_value(self) -> str | None:
        return None if self.key == "calendar" else self.key


_REPORTS = (
    ReportChoice("school-month", "Visit schedule for schools", "学校向け訪問予定表", "school", ("pdf", "xlsx"), True,
                 True),
    ReportChoice("alt-month", "Monthly schedule for ALTs", "ALT向け月間予定表", "alt", ("pdf", "xlsx"), False, True),
    ReportChoice("branch-month", "Branch board (ALTs × days)", "ALT配置表（支店）", None, ("pdf", "xlsx"), True, True),
    ReportChoice("lunch-orders", "Lunch order sheets for schools", "学校向け給食注文票", "school", ("pdf", "xlsx"),
                 True, True),
    ReportChoice("lunch-fees", "Lunch fees (per ALT, branch total)", "給食費（ALT別・支店合計）", None,
                 ("pdf", "xlsx"), False, True),
    ReportChoice("actuals", "Month actuals for head office", "実績報告（本社向け）", None, ("pdf", "xlsx"), False,
                 True),
    ReportChoice("visits", "Visits table", "訪問一覧", None, ("xlsx", "csv"), False),
    ReportChoice("calendar", "Calendars for ALTs (.ics)", "ALT用カレンダー（.ics）", "alt", ("ics",), False),
)


def report_choices() -> list[ReportChoice]:
    """The reports the Export dialog offers, each with the formats an exporter exists for."""
    available = set(supported())
    choices = []
    for choice in _REPORTS:
        formats = tuple(f for f in choice.formats if (f, choice.report_value()) in available)
        if formats:
            choices.append(ReportChoice(choice.key, choice.label_en, choice.label_ja, choice.subject, formats,
                                        choice.uses_era, choice.preview))
    return choices


@dataclass(frozen=True)
class SubjectChoice:
    code: str
    label: str


def list_subjects(ws: Workspace, subject: str) -> list[SubjectChoice]:
    """The schools (code, Japanese name) or ALTs (code, name) of the branch, by code."""
    with ws.db.sessions() as session:
        if subject == "school":
            rows = session.execute(select(School.code, School.name_ja).where(School.branch_id == ws.branch_id)
                                   .order_by(School.code))
            return [SubjectChoice(code, name) for code, name in rows]
        rows = session.execute(select(Alt.code, Alt.given_name, Alt.family_name).where(Alt.branch_id == ws.branch_id)
                               .order_by(Alt.code))
        return [SubjectChoice(code, f"{given} {family}") for code, given, family in rows]


def default_month(ws: Workspace) -> str:
    """Next month — what a coordinator sends around the 20th — within the planned visits."""
    today = today_tokyo()
    following = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    with ws.db.sessions() as session:
        first, last = session.execute(
            select(func.min(Visit.date), func.max(Visit.date)).where(Visit.branch_id == ws.branch_id)
        ).one()
    if first is not None and last is not None and not first <= following <= last:
        following = first.replace(day=1) if following < first else last.replace(day=1)
    return f"{following:%Y-%m}"


def run(ws: Workspace, request: ExportRequest, progress: ProgressCallback | None = None) -> ExportResult:
    """Run an export; progress(done, total) returning False cancels it (ExportCancelled)."""
    return run_export(ws, request, progress)


def render_preview(ws: Workspace, request: ExportRequest, progress: ProgressCallback | None = None) -> bytes:
    """The PDF of a report as bytes, never written to disk (it holds names) and never
    recorded as an issue. Several schools or ALTs come as one document."""
    tick = progress or (lambda _done, _total: True)
    month_range(request.month)
    month = str(request.month)
    buffer = io.BytesIO()
    latin_first = False
    with ws.db.sessions() as session:
        branch = load_branch(session, ws.branch_id)
        fonts = report_fonts(branch.pdf_font)
        if request.report == "lunch-orders":
            # As they would be issued now (issue numbers and changes), recording nothing.
            codes = parse_school_choice(request.school)
            ids = school_ids_for_codes(session, ws.branch_id, codes) if codes is not None else None
            sheets = build_order_sheets(load_month(session, ws.branch_id, month, ids), now_jst(), ids)
            job = OrdersJob(sheets, branch, choose_era(request.options.get("era"), branch))
            pages, size, title = sheets, A4, f"{ORDERS_TITLE} {month}"

            def draw(painter: Painter, sheet: OrderSheet) -> None:
                draw_order_sheet(painter, sheet, job)
        elif request.report == "lunch-fees":
            alt = request.alt if request.alt and request.alt.strip().lower() != "all" else None
            fees = fee_report(session, ws.branch_id, month, alt, now_jst())
            pages, size, title, latin_first = [fees], A4, f"Lunch fees {month}", True

            def draw(painter: Painter, report: FeeReport) -> None:
                draw_fee_report(painter, report, branch, [])
        elif request.report == "actuals":
            actuals = build_actuals(session, ws.branch_id, month)
            pages, size, draw, title = [actuals], landscape(A4), draw_actuals, f"実績報告 {month}"
        elif request.report == "school-month":
            reports, _drafts = load_school_months(session, ws.branch_id, month, parse_codes(request.school, "--school"),
                                                  request.options.get("era"))
            pages, size, draw, title = reports, A4, draw_school_month, f"ALT訪問予定表 {month}"
        elif request.report == "alt-month":
            pages = build_alt_months(session, ws.branch_id, month, parse_codes(request.alt, "--alt"))
            size, draw, title = landscape(A4), draw_alt_month, f"Monthly schedule {month}"
        elif request.report == "branch-month":
            board = build_branch_month(session, ws.branch_id, month, choose_era(request.options.get("era"), branch))
            pages, size, draw, title = [board], landscape(A3), draw_branch_month, board.title
        else:
            raise InvalidInput(f"There is no PDF preview for {request.report}.",
                               f"{request.report} のPDFプレビューはありません。", field="report")
    if not pages:
        if request.report == "lunch-orders":
            raise InvalidInput(f"Nothing to show for {month}: no school has school meals.",
                               f"{month} に給食のある学校はありません。", field="month")
        raise InvalidInput(f"Nothing to show for {month}: no visits.", f"{month} の訪問はありません。", field="month")

    def draw_all(painter: Painter) -> None:
        for number, page in enumerate(pages, start=1):
            draw(painter, page)  # type: ignore[operator]
            if tick(number, len(pages)) is False:
                raise ExportCancelled([])

    write_pdf(buffer, size, fonts, title, branch.name, draw_all, latin_first)  # type: ignore[arg-type]
    return buffer.getvalue()


# --- Speed figures for the bench ------------------------------------------------------------

@dataclass(frozen=True)
class BenchFigure:
    name: str
    seconds: float
    baseline_seconds: float
    baseline: str
    items: int

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds if self.baseline_seconds else float("nan")

    def line(self) -> str:
        return (f"{self.name}: {self.seconds:.2f} s for {self.items} — {self.baseline}: "
                f"{self.baseline_seconds:.2f} s (×{self.ratio:.2f})")


def bench_school_month_pdfs(ws: Workspace, month: str, out_dir: Path) -> BenchFigure:
    """Every school's school-month PDF (one file each, no issue recorded) beside the same text
    drawn on a bare reportlab canvas."""
    from altdesk.io.pdf.baseline import bare_canvas_pdfs, school_month_texts

    request = ExportRequest("pdf", "school-month", out_dir / "altdesk", month=month, school="all",
                            options={"record_issue": "no"})
    supported()  # exporter modules imported before the clock starts
    started = time.perf_counter()
    result = run_export(ws, request)
    seconds = time.perf_counter() - started
    with ws.db.sessions() as session:
        reports, _ = load_school_months(session, ws.branch_id, month, None)
    baseline = bare_canvas_pdfs(school_month_texts(reports), out_dir / "baseline")
    return BenchFigure("PDF school-month, all schools", seconds, baseline, "bare reportlab canvas, same text",
                       len(result.files))


def bench_branch_month_xlsx(ws: Workspace, month: str, out_dir: Path) -> BenchFigure:
    """The branch board workbook beside the same values in a bare openpyxl write-only sheet."""
    from altdesk.io.xlsx.baseline import bare_write_only, branch_month_values

    out_dir.mkdir(parents=True, exist_ok=True)
    request = ExportRequest("xlsx", "branch-month", out_dir / "board.xlsx", month=month)
    supported()  # exporter modules imported before the clock starts
    started = time.perf_counter()
    run_export(ws, request)
    seconds = time.perf_counter() - started
    with ws.db.sessions() as session:
        board = build_branch_month(session, ws.branch_id, month)
    baseline = bare_write_only(branch_month_values(board), out_dir / "baseline.xlsx")
    return BenchFigure("Excel branch-month board", seconds, baseline, "bare openpyxl write-only, same values",
                       len(board.rows))
