"""Small square icons for school levels: the level colour plus its letter (never colour alone).

The letter follows the UI language (幼 小 中 高 支 / K E J S N), as in the calendar's legend.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from altdesk.db.enums import SchoolLevel
from altdesk.labels import LEVEL_COLOURS, LEVEL_LETTERS
from ui.settings import current_language


def level_icon(level: SchoolLevel, size: int = 32, lang: str | None = None) -> QIcon:
    return _level_icon(SchoolLevel(level), size, lang or current_language())


@cache
def _level_icon(level: SchoolLevel, size: int, lang: str) -> QIcon:
    letter = LEVEL_LETTERS[level][1 if lang == "ja" else 0]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(LEVEL_COLOURS[level]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRect(1, 1, size - 2, size - 2), size / 5, size / 5)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.66 if lang == "ja" else 0.62)))  # a kanji needs its full square
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    return QIcon(pixmap)
