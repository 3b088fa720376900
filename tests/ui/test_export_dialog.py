"""The Export dialog and the PDF preview, driven by clicks on the demo branch."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from altdesk.services.scheduling import generate_visits
from tests.unit.report_fixtures import pdf_pages, pdf_text
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.pdf_preview import PdfPreview


@pytest.fixture
def june(demo_ws):
    generate_visits(demo_ws, dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    return demo_ws


@pytest.fixture
def dialog(qtbot, june, tmp_path):
    dlg = ExportDialog(june)
    dlg.show_messages = False
    qtbot.addWidget(dlg)
    dlg.month_edit.setDate(QDate(2026, 6, 1))
    dlg.folder_edit.setText(str(tmp_path / "out"))
    return dlg


def wait_done(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.worker is not None and not dlg.worker.is_running() and dlg.export_button.isEnabled(),
                    timeout=60000)


def choose(dlg, key):
    dlg.report_combo.setCurrentIndex(dlg.report_combo.findData(key))


def test_exports_picked_schools_as_pdf_files(qtbot, dialog, tmp_path):
    choose(dialog, "school-month")
    assert dialog.format_combo.currentData() == "pdf" and dialog.subject_list.count() == 60
    qtbot.keyClicks(dialog.filter_edit, "S000")
    visible = [dialog.subject_list.item(i) for i in range(dialog.subject_list.count())
               if not dialog.subject_list.item(i).isHidden()]
    assert len(visible) == 9
    visible[0].setCheckState(Qt.CheckState.Checked)
    visible[1].setCheckState(Qt.CheckState.Checked)
    assert dialog.pick_radio.isChecked() and dialog.combined_check.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, dialog)
    assert dialog.last_result is not None, dialog.last_error
    files = sorted((tmp_path / "out").glob("*.pdf"))
    assert [f.name[:13] for f in files] == ["2026-06_S0001", "2026-06_S0002"]
    assert "ALT訪問予定表" in pdf_text(files[0])


def test_branch_board_as_excel_with_the_reiwa_year(qtbot, dialog, tmp_path):
    choose(dialog, "branch-month")
    assert not dialog.subject_box.isVisibleTo(dialog) and dialog.era_combo.isVisibleTo(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    dialog.era_combo.setCurrentIndex(dialog.era_combo.findData("reiwa"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, dialog)
    [path] = dialog.last_result.files
    from openpyxl import load_workbook

    assert load_workbook(path).active["A1"].value == "ALT配置表\u3000令和8年6月"


def test_nothing_ticked_is_refused_with_a_message(qtbot, dialog):
    choose(dialog, "alt-month")
    dialog.pick_radio.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is None and dialog.status_label.text()


def test_cancel_stops_the_export(qtbot, dialog, tmp_path, monkeypatch):
    import ui.dialogs.export_dialog as module

    def slow_run(ws, request, progress):
        from altdesk.services.reporting import run

        return run(ws, request, lambda done, total: progress(done, total) and done < 2)

    monkeypatch.setattr(module, "run", slow_run)
    choose(dialog, "school-month")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, dialog)
    assert dialog.last_result is None and "cancel" in dialog.last_error.lower()
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 2


def test_preview_shows_the_alt_month_in_memory_and_prints(qtbot, dialog, tmp_path):
    choose(dialog, "alt-month")
    dialog.pick_radio.setChecked(True)
    dialog.subject_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=60000)
    preview = dialog.preview
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=10000)
    assert preview.document.pageCount() == 1 and "1" in preview.pages_label.text()
    assert not (tmp_path / "out").exists()  # nothing written for a preview
    layout = preview.page_layout()
    assert layout.orientation().name == "Landscape"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(layout)
    assert preview.print_to(printer)
    assert pdf_pages(tmp_path / "printed.pdf") == 1


def test_preview_of_a_file(qtbot, tmp_path, june):
    from altdesk.io.export_request import ExportRequest
    from altdesk.services.reporting import run

    result = run(june, ExportRequest("pdf", "branch-month", tmp_path / "board.pdf", month="2026-06"))
    preview = PdfPreview(result.files[0])
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.document.pageCount() > 0, timeout=10000)
    assert "board.pdf" in preview.windowTitle()
    assert preview.page_layout().pageSize().id().name == "A3"
