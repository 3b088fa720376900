"""The Overview section: five charts drawn from the branch's figures, each opening its list, copied,
saved as PNG (read back) and printed (the PDF read back); a change redraws them."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from altdesk.db.enums import VisitStatus
from altdesk.db.models import Visit
from altdesk.services.visits import cancel_visit, get_visit
from ui import settings
from ui.app_context import AppContext
from ui.models.row_table import OBJECT_ROLE
from ui.pages.overview_page import OverviewPage

TODAY = dt.date(2026, 11, 20)


def _page(qtbot, ws) -> OverviewPage:  # type: ignore[no-untyped-def]
    ctx = AppContext(ws, today=lambda: TODAY)
    page = OverviewPage(ctx, TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.is_reading(), timeout=20000)
    assert page.last_error is None
    return page


def _bars(page: OverviewPage, key: str) -> dict[str, float]:
    """Category -> the height of its bar (the sum of the sets, as the one-colour-per-bar charts stack)."""
    chart = page.cards[key].chart()
    axis = next(a for a in chart.axes(Qt.Orientation.Horizontal) if isinstance(a, QBarCategoryAxis))
    series = next(s for s in chart.series() if isinstance(s, QAbstractBarSeries))
    return {name: sum(bar_set.at(i) for bar_set in series.barSets()) for i, name in enumerate(axis.categories())}


def test_the_charts_show_the_branchs_figures(qtbot, scheduled_ws):
    page = _page(qtbot, scheduled_ws)
    overview = page.overview
    assert page.month() == "2026-11" and overview.month == "2026-11"
    assert page.month_combo.currentText() == "Nov 2026"
    loads = _bars(page, "loads")
    assert sum(loads.values()) == len(overview.loads) > 0  # every ALT with a visit in November, in one band
    paces = _bars(page, "pace")
    behind = sum(1 for s in overview.schools if s.pace.value == "behind")
    assert paces[f"Behind ({behind})"] == behind
    fees = _bars(page, "fees")
    assert list(fees)[:3] == ["Apr", "May", "Jun"]
    assert [round(v * 1000) for v in fees.values()] == [f.yen for f in overview.fees]
    note = page.cards["fees"].note.text()
    assert f"¥{sum(f.yen for f in overview.fees):,}" in note


def test_each_chart_opens_its_list(qtbot, scheduled_ws):
    page = _page(qtbot, scheduled_ws)
    dialog = page.open_list("pace")
    qtbot.addWidget(dialog)
    rows = [dialog.view.model().index(r, 0).data(OBJECT_ROLE) for r in range(dialog.view.model().rowCount())]
    assert len(rows) == len(page.overview.schools)
    assert rows[0].shortfall == max(s.shortfall for s in page.overview.schools)  # most behind first
    text = dialog.as_text().splitlines()
    assert text[0].split("\t")[:3] == ["Code", "School", "Contract (days/year)"] and len(text) == len(rows) + 1
    dialog.copy_all()
    assert QGuiApplication.clipboard().text() == dialog.as_text()
    shown: list[tuple[object, object]] = []
    page.ctx.show_day.connect(lambda day, alt: shown.append((day, alt)))
    loads = page.open_list("loads")
    qtbot.addWidget(loads)
    loads.view.doubleClicked.emit(loads.view.model().index(0, 0))  # the busiest ALT's week in the calendar
    first = page.overview.loads[0]
    assert shown == [(first.busiest_monday, first.alt_id)]
    page.cards["levels"].view.mouseDoubleClickEvent(None)  # a double-click on a chart opens its list too
    assert page.findChildren(type(dialog))[-1].windowTitle() == "Placements by school level"


def test_a_chart_is_copied_saved_as_png_and_printed(qtbot, scheduled_ws, tmp_path):
    page = _page(qtbot, scheduled_ws)
    card = page.cards["fees"]
    card.copy()
    copied = QGuiApplication.clipboard().image()
    assert not copied.isNull() and copied.width() >= card.view.width()
    path = tmp_path / "fees.png"
    assert card.save_png(path)
    image = QImage(str(path))
    assert image.width() == copied.width() and image.height() > card.view.height()
    # Not a blank picture: the bars' green is in it.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert "#2e7d32" in colours
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "fees.pdf"))
    card.print_to(printer)
    info = subprocess.run(["pdfinfo", str(tmp_path / "fees.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M) and "842 x 595" in info  # one A4 page, landscape
    text = subprocess.run(["pdftotext", str(tmp_path / "fees.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Lunch fees per month" in text and "FY2026" in text


def test_a_change_redraws_the_charts(qtbot, scheduled_ws):
    page = _page(qtbot, scheduled_ws)
    school = next(s for s in page.overview.schools if s.delivered)
    with scheduled_ws.db.sessions() as s:
        visits = s.execute(select(Visit.id, Visit.date).where(
            Visit.school_id == school.school_id, Visit.status == VisitStatus.PLANNED,
            Visit.date.between(dt.date(2026, 4, 1), TODAY))).all()
    days: dict[dt.date, list[int]] = {}
    for visit_id, day in visits:
        days.setdefault(day, []).append(visit_id)
    visit_id = next(ids[0] for ids in days.values() if len(ids) == 1)
    cancel_visit(scheduled_ws, visit_id, get_visit(scheduled_ws, visit_id).version, "school_closed")
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.ctx.changed("visits")
    assert {s.code: s.delivered for s in page.overview.schools}[school.code] == school.delivered - 1


def test_japanese_axes(qtbot, scheduled_ws, monkeypatch):
    monkeypatch.setattr(settings, "current_language", lambda: "ja")
    from ui.pages import overview_page

    monkeypatch.setattr(overview_page, "current_language", lambda: "ja")
    page = _page(qtbot, scheduled_ws)
    assert list(_bars(page, "fees"))[:2] == ["4月", "5月"]
    assert "小学校" in _bars(page, "levels")


def test_the_window_reads_the_figures_while_it_builds_the_page(qtbot, scheduled_ws):
    from ui.main_window import MainWindow

    window = MainWindow(scheduled_ws, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.show_section("overview")
    page = window.page("overview")
    assert page.is_reading()  # started before the page existed, followed by it
    qtbot.waitUntil(lambda: not page.is_reading(), timeout=20000)
    assert page.last_error is None and page.overview.month == "2026-11" and page.overview.fiscal_year == 2026
    assert sum(_bars(page, "loads").values()) == len(page.overview.loads)
    window.calendar_page.wait_for_background(10000)
