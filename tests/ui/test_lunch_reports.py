"""Lunch in the Reports section and the Export dialog: the order sheets (給食注文票) and the lunch
fees (per ALT and the branch total), offered like the other reports: preview (and so Print),
PDF and Excel, read back with pdftotext and openpyxl."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from altdesk.services.lunch import month_ledger, order_sheets
from tests.integration.test_send_month import MONTH, pdf_pages
from tests.unit.report_fixtures import pdf_text
from ui.app_context import AppContext
from ui.dialogs.export_dialog import ExportDialog
from ui.pages.reports_page import ReportsPage


@pytest.fixture
def dialog(qtbot, scheduled_ws, tmp_path):
    dlg = ExportDialog(scheduled_ws)
    dlg.show_messages = False
    qtbot.addWidget(dlg)
    year, month = (int(p) for p in MONTH.split("-"))
    dlg.month_edit.setDate(QDate(year, month, 1))
    dlg.folder_edit.setText(str(tmp_path / "out"))
    return dlg


def choose(dlg: ExportDialog, key: str, fmt: str) -> None:
    dlg.report_combo.setCurrentIndex(dlg.report_combo.findData(key))
    dlg.format_combo.setCurrentIndex(dlg.format_combo.findData(fmt))
    assert dlg.format_combo.currentData() == fmt


def export(qtbot, dlg: ExportDialog):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.worker is not None and not dlg.worker.is_running() and dlg.export_button.isEnabled(),
                    timeout=60000)
    assert dlg.last_result is not None, dlg.last_error
    return dlg.last_result.files


def preview_pages(qtbot, dlg: ExportDialog) -> int:
    assert dlg.preview_button.isEnabled()
    qtbot.mouseClick(dlg.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.preview is not None and dlg.preview.document.pageCount() > 0, timeout=60000)
    pages = dlg.preview.document.pageCount()
    assert dlg.preview.print_button.isEnabled()  # printing goes through the preview
    dlg.preview.close()
    return pages


def pick(dlg: ExportDialog, code: str) -> None:
    for i in range(dlg.subject_list.count()):
        item = dlg.subject_list.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == code
                           or item.text().startswith(code) else Qt.CheckState.Unchecked)
    dlg.pick_radio.setChecked(True)


def test_the_reports_section_lists_the_lunch_reports_and_opens_them(qtbot, scheduled_ws):
    page = ReportsPage(AppContext(scheduled_ws))
    qtbot.addWidget(page)
    keys = [page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(page.table.rowCount())]
    assert {"lunch-orders", "lunch-fees"} <= set(keys)
    row = keys.index("lunch-fees")
    assert "PDF" in page.table.item(row, 2).text() and "Excel" in page.table.item(row, 2).text()
    dialog = page.open_export(row)
    qtbot.addWidget(dialog)
    assert dialog.report_combo.currentData() == "lunch-fees"


def test_order_sheets_preview_pdf_and_excel_hold_the_school_order_lines(qtbot, dialog, scheduled_ws):
    sheets = order_sheets(scheduled_ws, MONTH)
    sheet = next(s for s in sheets if any(r.item == "lunch" for r in s.rows))
    eating = [r for r in sheet.rows if r.item is not None]

    choose(dialog, "lunch-orders", "pdf")
    pick(dialog, sheet.school_code)
    assert preview_pages(qtbot, dialog) == 1  # the school's sheet, as it would be issued now
    [pdf] = export(qtbot, dialog)
    text = pdf_text(pdf)
    assert "給食注文票" in text and sheet.school_name_ja in text
    for row in eating:
        assert row.alt_name in text or row.alt_kana in text
        first = row.dates[0]
        assert f"{first.day}日" in text

    choose(dialog, "lunch-orders", "xlsx")
    pick(dialog, sheet.school_code)
    [xlsx] = export(qtbot, dialog)
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    cells = [str(c) for r in rows for c in r if c is not None]
    assert any(sheet.school_name_ja in c for c in cells)
    total = next(r for r in rows if "合計" in [str(c) for c in r if c is not None])
    assert sheet.count in total and sheet.total in total


def test_lunch_fees_preview_pdf_and_excel_total_equal_to_the_ledger(qtbot, dialog, scheduled_ws):
    ledger_total = month_ledger(scheduled_ws, MONTH).total_yen
    assert ledger_total > 0

    choose(dialog, "lunch-fees", "pdf")
    assert not dialog.subject_box.isVisibleTo(dialog)
    assert preview_pages(qtbot, dialog) >= 1
    [pdf] = export(qtbot, dialog)
    text = "\n".join(pdf_pages(pdf))  # laid out: the total's words and figures on one line
    assert re.search(rf"Branch total \(\d+ ALTs?\)\s+\d+\s+¥{ledger_total:,}", text), text[-600:]

    choose(dialog, "lunch-fees", "xlsx")
    [xlsx] = export(qtbot, dialog)
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    total = next(r for r in rows if r[0] == "Total")
    assert total[7] == ledger_total
    subtotals = sum(r[7] for r in rows if r[4] == "Subtotal")
    assert subtotals == ledger_total
