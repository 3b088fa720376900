"""Severity badges: a round badge with × for errors, a triangle with ! for warnings, so the
shape tells them apart without colour (Okabe-Ito vermillion and orange on top)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

from altdesk.scheduling.conflicts import Severity

ERROR_COLOUR = "#D55E00"
WARNING_COLOUR = "#E69F00"


@cache
def severity_icon(severity: Severity, size: int = 32) -> QIcon:
    """A round badge with × for errors, a triangle with ! for warnings: shape, not only colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("black"), max(1.0, size / 16)))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.6))
    painter.setFont(font)
    if severity == Severity.ERROR:
        painter.setBrush(QColor(ERROR_COLOUR))
        painter.drawEllipse(2, 2, size - 4, size - 4)
        painter.setPen(QColor("white"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "×")
    else:
        painter.setBrush(QColor(WARNING_COLOUR))
        s = float(size)
        painter.drawPolygon(QPolygonF([QPointF(s / 2, 2), QPointF(s - 2, s - 3), QPointF(2, s - 3)]))
        painter.setPen(QColor("black"))
        painter.drawText(pixmap.rect().adjusted(0, int(s * 0.15), 0, 0), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)
