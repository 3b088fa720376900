"""`export xlsx --report lunch-orders`: the staff lunch order sheets (教職員給食注文票) as a
workbook, one worksheet per school, made for printing on A4."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from altdesk.db.workspace import Workspace
from altdesk.io.export_request import ExportRequest, ExportResult
from altdesk.io.exporters import ProgressCallback
from altdesk.io.exporters._lunch_orders import ORDERS_TITLE, OrdersJob, export_lunch_orders, issued_text_ja
from altdesk.io.exporters._lunch_xlsx import (
    DATE_JA,
    HEADER_FILL,
    TOTAL_FILL,
    YEN,
    print_setup,
    put,
    sheet_title,
    widths,
)
from altdesk.io.exporters._output import ItemWriter
from altdesk.lunch.month_data import ITEM_LABELS
from altdesk.lunch.orders import OrderSheet, dates_text_ja
from altdesk.reports.month_common import date_ja, month_ja

HANDLES = {("xlsx", "lunch-orders")}
HEADERS = ("ALT氏名", "フリガナ", "区分", "給食・牛乳の日", "食数", "単価", "金額")
HEADER_ROW = 8


def write_sheet(ws: Worksheet, sheet: OrderSheet, job: OrdersJob) -> None:
    era = job.era
    first = dt.date(sheet.year, sheet.month_number, 1)
    put(ws, 1, 1, "教職員給食注文票（ALT）", bold=True, size=15)
    put(ws, 1, 6, "発行日")
    put(ws, 1, 7, issued_text_ja(sheet, era))
    put(ws, 2, 1, f"{month_ja(first, era)}分", bold=True, size=12)
    put(ws, 2, 7, f"第{sheet.issue_number}版（再発行）" if sheet.is_reissue else "第1版", bold=sheet.is_reissue)
    put(ws, 3, 1, f"{sheet.school_name_ja}　御中", bold=True, size=12)
    if sheet.contact_teacher:
        put(ws, 4, 1, f"給食ご担当　{sheet.contact_teacher}")
    put(ws, 3, 5, sheet.branch_name, bold=True)
    put(ws, 4, 5, sheet.branch_address)
    put(ws, 5, 5, f"TEL {sheet.branch_phone}" if sheet.branch_phone else "")
    put(ws, 6, 1, "下記のとおり、ALTの給食を注文いたします。")
    for column, title in enumerate(HEADERS, start=1):
        put(ws, HEADER_ROW, column, title, bold=True, border=True, fill=HEADER_FILL)
    row = HEADER_ROW + 1
    for line in sheet.rows:
        values = [line.alt_name, line.alt_kana, ITEM_LABELS[line.item][1] if line.item else "弁当持参",
                  dates_text_ja(line.dates) if line.item else "（給食の注文なし）",
                  line.count if line.item else None, line.unit_price if line.item else None,
                  line.amount if line.item else None]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, border=True, wrap=column == 4, fmt=YEN if column in (6, 7) else None)
        row += 1
    put(ws, row, 4, "合計", bold=True, border=True, fill=TOTAL_FILL)
    put(ws, row, 5, sheet.count, bold=True, border=True, fill=TOTAL_FILL)
    put(ws, row, 6, None, border=True, fill=TOTAL_FILL)
    put(ws, row, 7, sheet.total, bold=True, border=True, fill=TOTAL_FILL, fmt=YEN)
    row += 1
    if sheet.unpriced:
        put(ws, row, 1, "※単価が未設定の品目があります。金額は単価の設定されたもののみの合計です。")
        row += 1
    diets = list(dict.fromkeys((r.alt_name, r.diet_ja) for r in sheet.rows if r.diet_ja))
    if diets:
        row += 1
        put(ws, row, 1, "食事制限（ご本人の同意を得て記載しています）", bold=True)
        for name, diet in diets:
            row += 1
            put(ws, row, 1, name)
            put(ws, row, 3, diet)
    if sheet.is_reissue:
        row += 2
        since = (f"前回（{date_ja(sheet.previous_issued_at.date(), era)}発行）から" if sheet.previous_issued_at
                 else "前回発行分から")
        put(ws, row, 1, f"変更箇所（{since}）", bold=True)
        row += 1
        for column, title in enumerate(("変更", "ALT氏名", "日付", "区分"), start=1):
            put(ws, row, column, title, bold=True, border=True, fill=HEADER_FILL)
        changes = [("追加", x) for x in sheet.changes.added] + [("取消", x) for x in sheet.changes.cancelled]
        if not changes:
            row += 1
            put(ws, row, 1, "給食の日付に変更はありません（単価等の変更による再発行）。")
        for label, line in changes:
            row += 1
            put(ws, row, 1, label, border=True, bold=True)
            put(ws, row, 2, line.alt_name, border=True)
            put(ws, row, 3, line.date, border=True, fmt=DATE_JA)
            put(ws, row, 4, ITEM_LABELS[line.item][1], border=True)
    row += 2
    if sheet.rule_ja:
        put(ws, row, 1, f"給食の追加・取消のご連絡期限：{sheet.rule_ja}")
        row += 1
    put(ws, row, 1, "ご不明な点は上記の支店までお問い合わせください。")
    widths(ws, [22, 20, 10, 46, 8, 10, 12])
    print_setup(ws, HEADER_ROW)
    ws.oddFooter.left.text = f"{sheet.branch_name}　TEL {sheet.branch_phone}"
    ws.oddFooter.right.text = f"{sheet.school_code}　{sheet.month}　第{sheet.issue_number}版　&P / &N"


def xlsx_writer(job: OrdersJob) -> ItemWriter:
    def write(path: Path, indices: list[int], tick: Callable[[], None]) -> None:
        book = Workbook()
        book.remove(book.active)
        taken: set[str] = set()
        for index in indices:
            sheet = job.sheets[index]
            write_sheet(book.create_sheet(sheet_title(f"{sheet.school_code} {sheet.school_name_ja}", taken)), sheet,
                        job)
            tick()
        book.properties.title = f"{ORDERS_TITLE} {job.sheets[indices[0]].month}"
        book.properties.creator = "ALTdesk"
        book.save(path)

    return write


def export(ws: Workspace, request: ExportRequest, progress: ProgressCallback) -> ExportResult:
    return export_lunch_orders(ws, request, progress, ".xlsx", xlsx_writer)
