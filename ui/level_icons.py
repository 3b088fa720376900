"""Small square icons for school levels: the level colour plus its letter (never colour alone)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from altdesk.db.enums import SchoolLevel
from altdesk.labels import LEVEL_COLOURS, LEVEL_LETTERS


@cache
def level_icon(level: SchoolLevel, size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(LEVEL_COLOURS[level]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRect(1, 1, size - 2, size - 2), size / 5, size / 5)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, LEVEL_LETTERS[level][0])
    painter.end()
    return QIcon(pixmap)
