"""The Reports section lists every report and opens the export dialog on the chosen one."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_reports_page_opens_the_export_dialog_on_the_chosen_report(qtbot, demo_ws):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.show_section("reports")
    page = window.reports_page
    labels = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert any("visit schedule" in text.lower() or "school" in text.lower() for text in labels)
    page.table.selectRow(1)
    dialog = page.open_export(1)
    qtbot.addWidget(dialog)
    assert dialog.report_combo.currentIndex() == 1
    assert dialog.report_combo.currentText() == labels[1]
    dialog.close()
