"""The Overview section: the branch's year at a glance in five charts (see ui.overview_charts).

The figures are read in one call off the window's thread (altdesk.services.overview) and read
again after a change while the page is shown (or when it is shown next). Each chart can be
copied, saved as PNG or printed, and opens the list of what it counts.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMarginsF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontInfo, QGuiApplication, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from altdesk.dates import fiscal_year_of
from altdesk.reports.overview import Overview, fiscal_months
from ui import faults
from ui.app_context import AppContext
from ui.dialogs.overview_list import ChartListDialog
from ui.formatting import format_month
from ui.overview_charts import CHARTS, ChartSpec
from ui.overview_read import start_overview_read
from ui.runner import Task
from ui.settings import current_language

# The change-record topics (altdesk.operations.record.TOPICS) the figures depend on; a day off or a
# holiday reaches them through the visits it moves, and the branch through its milk price.
RELEVANT = {"visits", "absences", "placements", "schools", "alts", "events", "branch"}
CHANGE_DELAY_MS = 300  # a burst of edits is read once
PNG_SCALE = 2  # saved and copied at twice the screen's pixels: sharp in a document or e-mail


def _in_pixels(font: QFont) -> QFont:
    """The font sized in pixels, as on the screen: a printer's painter would size points at its
    own resolution, and the page is already scaled from the screen's size."""
    sized = QFont(font)
    sized.setPixelSize(QFontInfo(font).pixelSize())
    return sized


class ChartCard(QFrame):
    """One chart with its title, a line saying what it shows, and its actions."""

    open_list = Signal(str)

    def __init__(self, spec: ChartSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"overview_{spec.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName(f"overview_{spec.key}_note")
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(190)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setToolTip(self.tr("Double-click to see the list behind the chart."))
        self.view.mouseDoubleClickEvent = lambda _event: self.open_list.emit(spec.key)  # type: ignore[method-assign]
        self.buttons: dict[str, QToolButton] = {}
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        for key, slot in (("list", lambda: self.open_list.emit(spec.key)), ("copy", self.copy),
                          ("png", self.ask_and_save_png), ("print", self.ask_and_print)):
            button = QToolButton(self)
            button.setObjectName(f"overview_{spec.key}_{key}")
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.spec.title())
        for key, text in (("list", self.tr("List…")), ("copy", self.tr("Copy")), ("png", self.tr("Save PNG…")),
                          ("print", self.tr("Print…"))):
            self.buttons[key].setText(text)

    def show_overview(self, overview: Overview, lang: str) -> None:
        self.note.setText(self.spec.note(overview, lang))
        old = self.view.chart()
        self.view.setChart(self.spec.build(overview, lang))
        if old is not None:
            old.deleteLater()  # the view gave it up: nothing else owns it

    def chart(self) -> QChart:
        return self.view.chart()

    def picture(self) -> QPixmap:
        """The chart with its title and note, as a picture at PNG_SCALE times the screen's size."""
        size = self.view.size()
        pixmap = QPixmap(size.width() * PNG_SCALE, (size.height() + 40) * PNG_SCALE)
        pixmap.fill(Qt.GlobalColor.white)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(PNG_SCALE, PNG_SCALE)
        self._paint(painter, QRectF(0, 0, size.width(), size.height() + 40))
        painter.end()
        return pixmap

    def _paint(self, painter: QPainter, target: QRectF) -> None:
        painter.setFont(_in_pixels(self.title.font()))
        painter.drawText(QRectF(target.left(), target.top(), target.width(), 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title.text())
        painter.setFont(_in_pixels(self.note.font()))
        painter.drawText(QRectF(target.left(), target.top() + 20, target.width(), 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         self.note.text())
        self.view.render(painter, QRectF(target.left(), target.top() + 40, target.width(), target.height() - 40))

    def copy(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.picture())

    def save_png(self, path: Path) -> bool:
        return self.picture().save(str(path), "PNG")

    def ask_and_save_png(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the chart"), f"{self.spec.key}.png",
                                                    self.tr("PNG pictures (*.png)"))
        if name:
            self.save_png(Path(name if name.lower().endswith(".png") else name + ".png"))

    def print_to(self, printer: QPrinter) -> None:
        """One landscape page: the title, the note, and the chart as large as the page allows."""
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        painter = QPainter(printer)
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        size = self.view.size()
        wanted = QRectF(0, 0, size.width(), size.height() + 40)
        scale = min(page.width() / wanted.width(), page.height() / wanted.height())
        painter.scale(scale, scale)
        self._paint(painter, wanted.marginsRemoved(QMarginsF(0, 0, 0, 0)))
        painter.end()

    def ask_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)


class OverviewPage(QWidget):
    loaded = Signal()  # the charts show the figures last read

    def __init__(self, ctx: AppContext, today: dt.date, parent: QWidget | None = None,
                 first_read: Task | None = None) -> None:
        """`first_read`: the read of `today`'s fiscal year and month, already started by the window."""
        super().__init__(parent)
        self.setObjectName("page_overview")
        self.ctx = ctx
        self.today = today
        self.overview: Overview | None = None
        self.last_error: BaseException | None = None
        self.open_ms: float | None = None  # from asking to charts drawn, the last time (bench)
        self._asked_at = 0.0
        self._stale = False
        self._reading = False

        self.year_label = QLabel(self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("overview_year")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(fiscal_year_of(today))
        self.month_label = QLabel(self)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("overview_month")
        self.status = QLabel(self)
        self.status.setObjectName("overview_status")
        self._fill_months(f"{today:%Y-%m}")
        self.year_spin.valueChanged.connect(self._year_changed)
        self.month_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)
        ctx.data_changed.connect(self._on_data_changed)
        # Read first: the figures are read on a worker while the charts' widgets are built here.
        if first_read is not None:
            self._reading, self._asked_at = True, time.perf_counter()
            self.status.setText(self.tr("Reading…"))
            self._follow(first_read)
        else:
            self.refresh()

        self.cards = {spec.key: ChartCard(spec, self) for spec in CHARTS}
        for card in self.cards.values():
            card.open_list.connect(self.open_list)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        # Three counts above, two charts of the year's months below, wider: twelve labels each.
        for index, card in enumerate(self.cards.values()):
            if index < 3:
                grid.addWidget(card, 0, index * 2, 1, 2)
            else:
                grid.addWidget(card, 1, (index - 3) * 3, 1, 3)
        for column in range(6):
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)

        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(self.month_label)
        top.addWidget(self.month_combo)
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Fiscal year"))
        self.month_label.setText(self.tr("Month of the class load"))
        self._fill_months(self.month())  # the months' names in the new language
        for card in self.cards.values():
            card.retranslate()
            if self.overview is not None:  # the charts' own words (axes, legends) too
                card.show_overview(self.overview, current_language())

    def _fill_months(self, wanted: str) -> None:
        months = fiscal_months(self.year_spin.value())
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for month in months:
            first = dt.date(int(month[:4]), int(month[5:]), 1)
            self.month_combo.addItem(format_month(first, current_language()), month)
        self.month_combo.setCurrentIndex(months.index(wanted) if wanted in months else 0)
        self.month_combo.blockSignals(False)

    def _year_changed(self) -> None:
        current = self.month()
        self._fill_months(f"{self.year_spin.value() + (int(current[5:]) < 4)}-{current[5:]}")
        self.refresh()

    def month(self) -> str:
        return str(self.month_combo.currentData())

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self._reading = True
        self._asked_at = time.perf_counter()
        self.status.setText(self.tr("Reading…"))
        self._follow(start_overview_read(self.ctx, self.year_spin.value(), self.month(), self.today))

    def _follow(self, task: Task) -> None:
        task.owner = self  # an answer for a page already gone is dropped
        task.done.connect(self._show)
        task.error.connect(self._failed)

    def is_reading(self) -> bool:
        return self._reading

    def _show(self, overview: Overview) -> None:
        self._reading = False
        self.overview = overview
        self.last_error = None
        lang = current_language()
        for card in self.cards.values():
            card.show_overview(overview, lang)
        self.status.clear()
        self.open_ms = (time.perf_counter() - self._asked_at) * 1000
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._reading = False
        self.last_error = error
        self.status.setText(faults.failure_text(error, faults.READ_OVERVIEW))
        self.loaded.emit()

    def _on_data_changed(self, kinds: set) -> None:
        if not kinds & RELEVANT:
            return
        if self.isVisible():
            self._change_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    # --- the lists --------------------------------------------------------------------------

    def open_list(self, key: str) -> ChartListDialog | None:
        if self.overview is None:
            return None
        card = self.cards[key]
        lang = current_language()
        on_open = self._show_week if key == "loads" else None
        dialog = ChartListDialog(card.spec.title(), card.spec.note(self.overview, lang), card.spec.columns(lang),
                                 card.spec.rows(self.overview), self, on_open)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _show_week(self, load: object) -> None:
        monday = getattr(load, "busiest_monday", None)
        if monday is not None:
            self.ctx.show_day.emit(monday, getattr(load, "alt_id", None))
