"""Painting visits: a level colour strip with the level letter, the short school name, the lunch
mark, and a conflict badge. Meaning never rests on colour alone (letters and symbols too)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from altdesk.db.enums import LunchMode, VisitKind, VisitStatus
from altdesk.labels import LEVEL_COLOURS, LEVEL_LETTERS
from altdesk.services.calendar_view import VisitCell
from ui.settings import current_language

LUNCH_MARKS = {
    "ja": {LunchMode.SCHOOL_LUNCH: "給", LunchMode.OWN_LUNCH: "弁", LunchMode.MILK_ONLY: "牛", LunchMode.NONE: ""},
    "en": {LunchMode.SCHOOL_LUNCH: "L", LunchMode.OWN_LUNCH: "B", LunchMode.MILK_ONLY: "M", LunchMode.NONE: ""},
}
BADGE_COLOUR = QColor("#D55E00")  # Okabe-Ito vermillion, with a "!" so it reads without colour


def lunch_mark(mode: LunchMode) -> str:
    return LUNCH_MARKS["ja" if current_language() == "ja" else "en"][mode]


def day_off_brush(palette: QPalette) -> QColor:
    """A grey that works on light and dark palettes alike."""
    base, mid = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid)
    return QColor((base.red() * 3 + mid.red()) // 4, (base.green() * 3 + mid.green()) // 4,
                  (base.blue() * 3 + mid.blue()) // 4)


def paint_visit_line(painter: QPainter, rect: QRect, visit: VisitCell, palette: QPalette, selected: bool,
                     show_letter: bool = True, label: str | None = None) -> None:
    """One visit on one line within `rect`."""
    strip = QRect(rect.left() + 1, rect.top() + 1, 4, rect.height() - 2)
    painter.fillRect(strip, QColor(LEVEL_COLOURS[visit.level]))
    text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    if visit.status in (VisitStatus.CANCELLED, VisitStatus.COVERED):
        text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
    font = QFont(painter.font())
    font.setStrikeOut(visit.status == VisitStatus.CANCELLED)
    font.setItalic(visit.status == VisitStatus.COVERED or visit.kind == VisitKind.SUBSTITUTE)
    painter.setFont(font)
    painter.setPen(text_colour)
    text_rect = rect.adjusted(7, 0, -2, 0)
    mark = lunch_mark(visit.lunch_mode)
    prefix = ""
    if show_letter:
        prefix = LEVEL_LETTERS[visit.level][1 if current_language() == "ja" else 0]
    if visit.kind == VisitKind.SUBSTITUTE:
        prefix = ("代" if current_language() == "ja" else "S") + prefix
    if visit.kind == VisitKind.EVENT:
        prefix = "★" + prefix
    text = label if label is not None else visit.short_name
    metrics = painter.fontMetrics()
    mark_width = metrics.horizontalAdvance(mark) + 2 if mark else 0
    body = metrics.elidedText(f"{prefix} {text}".strip() if show_letter else text, Qt.TextElideMode.ElideMiddle,
                              max(0, text_rect.width() - mark_width))
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, body)
    if mark:
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, mark)


def paint_badge(painter: QPainter, rect: QRect, count: int) -> None:
    size = 11
    badge = QRectF(rect.right() - size - 1, rect.top() + 1, size, size)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(BADGE_COLOUR)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(badge)
    font = QFont(painter.font())
    font.setPixelSize(9)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "!")
    painter.restore()


class BoardDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # type: ignore[no-untyped-def]
        from ui.calendar.board_model import CONFLICT_ROLE, DAYINFO_ROLE, VISITS_ROLE

        visits = index.data(VISITS_ROLE)
        if visits is None:  # the totals column
            super().paint(painter, option, index)
            return
        painter.save()
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        day = index.data(DAYINFO_ROLE)
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif day is not None and (day.weekend or day.label_ja):
            painter.fillRect(option.rect, day_off_brush(palette))
        if visits:
            height = option.rect.height() / len(visits)
            for number, visit in enumerate(visits):
                line = QRect(option.rect.left(), int(option.rect.top() + number * height), option.rect.width(),
                             int(height))
                paint_visit_line(painter, line, visit, palette, selected, show_letter=False)
        conflicts = index.data(CONFLICT_ROLE) or []
        if conflicts:
            paint_badge(painter, option.rect, len(conflicts))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()
