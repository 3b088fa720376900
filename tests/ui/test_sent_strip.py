"""The board's "changed since sent" strip: a month sent, then changed through the board's own
cancel, says so above the grid (when it was sent, how many schools' sheets and ALTs' schedules
differ), marks the rows of the ALTs whose month differs, and its Send again… opens the send
wizard on that month; a month unchanged since it was sent, or never sent, shows nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from altdesk.db.enums import CancelReason
from altdesk.services.month_end import send_month, sent_state
from tests.integration.test_send_month import DAY, MONTH
from tests.ui.test_send_wizard import wait_idle
from ui.calendar.board_model import ALT_MARK, VISITS_ROLE
from ui.dialogs.send_wizard import SendWizard
from ui.formatting_dates import long_date
from ui.main_window import MainWindow

TODAY = dt.date(2026, 5, 20)  # June (MONTH) is next month


def _marked_rows(page) -> list[int]:  # type: ignore[no-untyped-def]
    model = page.board_model
    return [row for row in range(model.rowCount())
            if str(model.headerData(row, Qt.Orientation.Vertical)).startswith(ALT_MARK)]


def test_the_strip_says_a_sent_month_changed_and_sends_it_again(qtbot, scheduled_ws, tmp_path, monkeypatch):
    monkeypatch.setenv("ALTDESK_PDF_WORKERS", "1")
    ws = scheduled_ws
    send_month(ws, MONTH, tmp_path / "sent", force=True)
    window = MainWindow(ws, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_section("calendar")
    page = window.calendar_page
    strip = page.sent_strip
    page.set_view("board")

    # Sent and unchanged: read, and nothing shown.
    with qtbot.waitSignal(strip.updated, timeout=60000) as read:
        page.go_to(DAY)
    assert read.args[0].was_sent and not read.args[0].changed_since_sent
    assert strip.isHidden() and _marked_rows(page) == []

    # A visit of the month cancelled on the board (a journalled core operation): the strip appears.
    model = page.board_model
    column = model.day_column(DAY)
    visit = next(v for row in range(model.rowCount()) for v in model.index(row, column).data(VISITS_ROLE))
    with qtbot.waitSignal(strip.updated, timeout=60000, check_params_cb=lambda s: s.changed_since_sent):
        page.cancel(visit, CancelReason.OTHER, "test")
        page.finish_edits()
    expected = sent_state(ws, MONTH)
    assert strip.state == expected and expected.changed_since_sent
    assert strip.isVisible()
    schools = len({code for kind, code in expected.changed if kind in ("school", "orders")})
    alts = {code for kind, code in expected.changed if kind == "alt"}
    assert schools and alts
    text = strip.text.text()
    assert text.startswith(f"Changed since sent on {long_date(expected.sent.sent_at.date(), 'en')} — ")
    assert (f"{schools} schools' sheets differ" if schools > 1 else "1 school's sheets differ") in text
    assert (f"{len(alts)} ALTs' schedules differ" if len(alts) > 1 else "1 ALT's schedule differs") in text
    assert MONTH in strip.text.toolTip() or expected.describe("en") in strip.text.toolTip()
    # The rows of the ALTs whose month differs are marked, the cancelled visit's among them.
    marked = _marked_rows(page)
    assert model.row_of_alt(visit.alt_id) in marked
    assert {model.row_at(row).code for row in marked} == alts & {r.code for r in model.board.rows}
    assert len(marked) < model.rowCount()

    # Send again… opens the send wizard (as the Schedule menu does) on that month.
    qtbot.mouseClick(strip.button, Qt.MouseButton.LeftButton)
    wizard = window.findChild(SendWizard, "send_wizard")
    assert wizard is not None and wizard.isVisible()
    assert wizard.month() == MONTH
    wait_idle(qtbot, wizard)
    wizard.close()

    # The month view shares the strip; the week agenda has none.
    page.set_view("month")
    assert strip.isVisible()
    page.set_view("week")
    assert strip.isHidden()
    page.set_view("board")

    # A month never sent: nothing, and no row marked.
    with qtbot.waitSignal(strip.updated, timeout=60000) as read:
        page.step(1)
    assert not read.args[0].was_sent
    assert strip.isHidden() and _marked_rows(page) == []
    page.wait_for_background()
