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


def test_a_month_is_closed_and_reopened_from_reports_and_undo_takes_the_close_back(qtbot, demo_ws):
    import datetime as dt

    from altdesk.services.month_close import is_closed

    window = MainWindow(demo_ws, today=dt.date(2026, 7, 3))
    qtbot.addWidget(window)
    window.show_section("reports")
    panel = window.reports_page.closing
    qtbot.waitUntil(lambda: panel.closed is not None, timeout=10000)
    assert panel.state.text().startswith("Open")
    assert panel.month() == "2026-06" and panel.month_combo.currentText() == "Jun 2026"  # last month first
    assert panel.close_button.isEnabled() and not panel.reopen_button.isEnabled()
    asked: list[str] = []
    panel.confirm = lambda question: asked.append(question) or True

    with qtbot.waitSignal(panel.loaded):
        panel.close_button.click()
    assert is_closed(demo_ws, "2026-06") and "Jun 2026" in asked[0]
    assert panel.state.text().startswith("Closed on ") and "a change needs a reason" in panel.state.text()
    assert panel.reopen_button.isEnabled() and not panel.close_button.isEnabled()
    assert window.ctx.undo_stack.undoText() == "Close 2026-06"

    with qtbot.waitSignal(panel.loaded):
        window.ctx.undo_stack.undo()  # Edit ▸ Undo opens it again
    assert not is_closed(demo_ws, "2026-06") and panel.close_button.isEnabled()
    with qtbot.waitSignal(panel.loaded):
        window.ctx.undo_stack.redo()
    assert is_closed(demo_ws, "2026-06")
    with qtbot.waitSignal(panel.loaded):
        panel.reopen_button.click()
    assert not is_closed(demo_ws, "2026-06") and len(asked) == 2

    dialog = window.reports_page.open_actuals("2026-06")
    qtbot.addWidget(dialog)
    assert dialog.report_combo.currentData() == "actuals" and dialog.month() == "2026-06"
    dialog.close()
