"""A PDF shown as the printer will print it (QtPdf), with Print.

The document comes from a file, or from bytes held in memory (a preview of a report that
holds names never goes to a temporary file). Print renders each page at the printer's
resolution on the paper size and orientation of the PDF's own pages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PdfPreview(QDialog):
    def __init__(self, path: str | Path | bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(self.tr("Preview"))
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("print_button")
        self.fit_width_button = QPushButton(self.tr("Fit &width"), self)
        self.fit_page_button = QPushButton(self.tr("Whole &page"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pages_label")
        bar = QHBoxLayout()
        for widget in (self.print_button, self.fit_width_button, self.fit_page_button, self.zoom_out_button,
                       self.zoom_in_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.print_button.clicked.connect(self.print_document)
        self.fit_width_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.zoom_in_button.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out_button.clicked.connect(lambda: self._zoom(0.8))
        self.close_button.clicked.connect(self.close)
        self.document.pageCountChanged.connect(self._show_page_count)
        self._load(path)

    def _load(self, source: str | Path | bytes) -> None:
        if isinstance(source, bytes):
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(source))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
        else:
            self.setWindowTitle(self.tr("Preview — %1").replace("%1", Path(source).name))
            self.document.load(str(source))
        self._show_page_count()

    def _show_page_count(self) -> None:
        self.pages_label.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        self.print_button.setEnabled(self.document.pageCount() > 0)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    # --- printing -------------------------------------------------------------------------

    def page_layout(self) -> QPageLayout:
        """The paper and orientation of the document's first page (A4 portrait, A3 landscape…)."""
        size = self.document.pagePointSize(0) if self.document.pageCount() else QSizeF(595, 842)
        landscape = size.width() > size.height()
        portrait_size = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        page_size = QPageSize(portrait_size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(self.page_layout())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not self.print_to(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))

    def print_to(self, printer: QPrinter) -> bool:
        """Render every page (or the chosen range) onto the printer, scaled to fit the paper."""
        count = self.document.pageCount()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, min(count, printer.toPage()) - 1
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            for index in range(first, last + 1):
                if index > first:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                points = self.document.pagePointSize(index)
                scale = min(area.width() / points.width(), area.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(index, size)
                target = QRect(0, 0, size.width(), size.height())
                target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
                painter.drawImage(target, image)
        finally:
            painter.end()
        return True
