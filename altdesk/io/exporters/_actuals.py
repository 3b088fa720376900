"""The month's actuals (実績報告) export: one document for the branch, one file; and the table
rows both formats print, with their Japanese headings (head office reads Japanese)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._output import atomic_path, check_progress, single_path
from altdesk.labels import ABSENCE_KIND_LABELS, CANCEL_REASON_LABELS, day_label
from altdesk.lunch.notice import JST
from altdesk.reports.actuals import (
    ABSENCE_KINDS,
    REASONS,
    AltActuals,
    MonthActuals,
    SchoolActuals,
    build_actuals,
)
from altdesk.reports.month_common import month_range

TITLE = "実績報告"
SCHOOL_HEADERS = ("学校コード", "学校名", "計画日数", "計画授業数", "実施日数", "実施授業数",
                  *(f"中止\n{CANCEL_REASON_LABELS[r][1]}" for r in REASONS), "中止\n計", "年間\n契約日数",
                  "年度累計\n実施日数")
ALT_HEADERS = ("ALTコード", "氏名", "勤務日数", "授業数", "行事日数", "振替休日",
               *(ABSENCE_KIND_LABELS[k][1] for k in ABSENCE_KINDS), "週最大\n授業数", "週上限", "上限\n超過週")
CORRECTION_HEADERS = ("対象月", "日時", "担当者", "対象", "内容", "理由")


def month_title(report: MonthActuals) -> str:
    return f"{TITLE} {report.first.year}年{report.first.month}月"


def status_line(report: MonthActuals) -> str:
    made = f"作成日 {day_label(report.made_on, 'ja')}"
    if report.closed_at is not None:
        closed = day_label(report.closed_at.astimezone(JST).date(), "ja")
        return f"{made}　締め済み {closed}（{report.closed_by}）"
    return f"{made}　未締め：{day_label(report.cutoff, 'ja')}までの実施分"


def school_row(school: SchoolActuals) -> list[object]:
    return [school.code, school.name_ja, school.planned_days, school.planned_classes, school.delivered_days,
            school.delivered_classes, *(school.cancelled.get(r, 0) for r in REASONS), school.cancelled_total,
            school.contracted_days if school.contracted_days is not None else "—", school.days_to_date]


def alt_row(alt: AltActuals) -> list[object]:
    return [alt.code, alt.name, alt.days_worked, alt.classes, alt.event_days, alt.compensatory_days,
            *(alt.absences.get(k, 0) for k in ABSENCE_KINDS), alt.most_classes_in_a_week, alt.weekly_limit,
            alt.weeks_over_limit]


def correction_rows(report: MonthActuals) -> list[list[object]]:
    return [[c.month, c.at.astimezone(JST).strftime("%Y-%m-%d %H:%M"), c.actor,
             f"{c.entity} #{c.entity_id}" if c.entity_id is not None else c.entity, c.summary, c.reason]
            for c in report.corrections]


def load_actuals(ws: Workspace, request: ExportRequest) -> MonthActuals:
    month_range(request.month)
    with ws.db.sessions() as session:
        return build_actuals(session, ws.branch_id, str(request.month))


def export_actuals(ws: Workspace, request: ExportRequest, progress: ProgressCallback, suffix: str,
                   write: Callable[[Path, MonthActuals], None]) -> ExportResult:
    report = load_actuals(ws, request)
    path = single_path(request, f"{report.month}_{TITLE}{suffix}")
    check_progress(progress, 0, 1, [])
    with atomic_path(path) as partial:
        write(partial, report)
    progress(1, 1)
    schools = len(report.schools())
    return ExportResult(
        [path],
        f"Wrote the {report.month} actuals of {schools} schools and {len(report.alts)} ALTs to {path}.",
        f"{report.month} の実績報告（学校 {schools} 校・ALT {len(report.alts)} 名）を {path} に書き出しました。",
    )
