"""Painting visits: a level colour strip with the level letter, the short school name, the lunch
mark, and a conflict badge. Meaning never rests on colour alone (letters and symbols too).

The board paints several hundred cells per frame, all in Python: colours, fonts and elided
texts (elided and laid out) are made once per palette, font and language (a `PaintKit`) instead of once per cell,
and the delegate reads the board model directly instead of asking for one role at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from altdesk.db.enums import LunchMode, VisitKind, VisitStatus
from altdesk.labels import LEVEL_COLOURS, LEVEL_LETTERS
from altdesk.lunch.marks import lunch_mark as core_lunch_mark
from altdesk.services.calendar_view import VisitCell
from ui.settings import current_language

BADGE_COLOUR = QColor("#D55E00")  # Okabe-Ito vermillion, with a "!" so it reads without colour
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_DIMMED = (VisitStatus.CANCELLED, VisitStatus.COVERED)
_KIT_CHANGES = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                QEvent.Type.ApplicationFontChange, QEvent.Type.ApplicationPaletteChange)
_LINES_LIMIT = 20_000  # laid out texts kept per kit; a month board has a few thousand distinct ones


def lunch_mark(mode: LunchMode) -> str:
    return core_lunch_mark(mode, current_language())


def day_off_brush(palette: QPalette) -> QColor:
    """A grey that works on light and dark palettes alike."""
    base, mid = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid)
    return QColor((base.red() * 3 + mid.red()) // 4, (base.green() * 3 + mid.green()) // 4,
                  (base.blue() * 3 + mid.blue()) // 4)


class PaintKit:
    """What painting a visit needs that does not change from cell to cell."""

    def __init__(self, palette: QPalette, font: QFont, lang: str) -> None:
        self.lang = lang
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.day_off = day_off_brush(palette)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.dimmed_text = palette.color(QPalette.ColorRole.PlaceholderText)
        self.level_colours = {level: QColor(colour) for level, colour in LEVEL_COLOURS.items()}
        self.level_letters = {level: letters[1 if lang == "ja" else 0] for level, letters in LEVEL_LETTERS.items()}
        self.lunch_marks = {mode: core_lunch_mark(mode, lang) for mode in LunchMode}
        self.substitute_prefix = "代" if lang == "ja" else "S"
        # (strike out, italic) -> font and its metrics
        self.fonts: dict[tuple[bool, bool], tuple[QFont, QFontMetrics]] = {}
        for strike in (False, True):
            for italic in (False, True):
                styled = QFont(font)
                styled.setStrikeOut(strike)
                styled.setItalic(italic)
                self.fonts[(strike, italic)] = (styled, QFontMetrics(styled))
        badge_font = QFont(font)
        badge_font.setPixelSize(9)
        badge_font.setBold(True)
        self.badge_font = badge_font
        self._lines: dict[tuple[str, str, int, bool, bool], tuple[QStaticText, QStaticText | None]] = {}

    def texts(self, body: str, mark: str, width: int, strike: bool, italic: bool) -> tuple[str, str]:
        """The body elided to fit beside the lunch mark."""
        metrics = self.fonts[(strike, italic)][1]
        mark_width = metrics.horizontalAdvance(mark) + 2 if mark else 0
        return metrics.elidedText(body, Qt.TextElideMode.ElideRight, max(0, width - mark_width)), mark

    def lines(self, body: str, mark: str, width: int, strike: bool,
              italic: bool) -> tuple[QStaticText, QStaticText | None]:
        """The body (elided) and the mark, laid out once per text, width and style: drawing a laid
        out text is about three times faster than `drawText`, which shapes it again each time."""
        key = (body, mark, width, strike, italic)
        found = self._lines.get(key)
        if found is None:
            font = self.fonts[(strike, italic)][0]
            elided, mark = self.texts(body, mark, width, strike, italic)
            found = (_laid_out(elided, font), _laid_out(mark, font) if mark else None)
            if len(self._lines) > _LINES_LIMIT:
                self._lines.clear()
            self._lines[key] = found
        return found


def _laid_out(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # a school named "<...>" is text, not markup
    static.prepare(QTransform(), font)
    return static


_kits: dict[tuple[int, str, str], PaintKit] = {}


def paint_kit(palette: QPalette, font: QFont) -> PaintKit:
    """The kit for this palette, font and the current language (a handful exist in a session)."""
    lang = current_language()
    key = (palette.cacheKey(), font.key(), lang)
    kit = _kits.get(key)
    if kit is None:
        if len(_kits) > 16:
            _kits.clear()
        kit = _kits[key] = PaintKit(palette, font, lang)
    return kit


def paint_visit_line(painter: QPainter, rect: QRect, visit: VisitCell, kit: PaintKit, selected: bool,
                     show_letter: bool = True, label: str | None = None) -> None:
    """One visit on one line within `rect`."""
    painter.fillRect(rect.left() + 1, rect.top() + 1, 4, rect.height() - 2, kit.level_colours[visit.level])
    status, kind = visit.status, visit.kind
    strike = status == VisitStatus.CANCELLED
    italic = status == VisitStatus.COVERED or kind == VisitKind.SUBSTITUTE
    painter.setFont(kit.fonts[(strike, italic)][0])
    painter.setPen(kit.dimmed_text if status in _DIMMED else kit.highlighted_text if selected else kit.text)
    prefix = kit.level_letters[visit.level] if show_letter else ""
    if kind == VisitKind.SUBSTITUTE:
        prefix = kit.substitute_prefix + prefix
    elif kind == VisitKind.EVENT:
        prefix = "★" + prefix
    text = label if label is not None else visit.short_name
    body = f"{prefix} {text}" if prefix else text
    text_rect = rect.adjusted(7, 0, -2, 0)
    line, mark = kit.lines(body, kit.lunch_marks[visit.lunch_mode], text_rect.width(), strike, italic)
    # Centred on the line as drawText would: the text's own height within the rectangle.
    top = text_rect.top() + (text_rect.height() - line.size().height()) / 2
    painter.drawStaticText(QPointF(text_rect.left(), top), line)
    if mark is not None:
        painter.drawStaticText(QPointF(text_rect.right() + 1 - mark.size().width(), top), mark)


def paint_badge(painter: QPainter, rect: QRect, kit: PaintKit) -> None:
    size = 11
    badge = QRectF(rect.right() - size - 1, rect.top() + 1, size, size)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(BADGE_COLOUR)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(badge)
    painter.setFont(kit.badge_font)
    painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "!")
    painter.restore()


class BoardDelegate(QStyledItemDelegate):
    """Paints one board cell: its visits one per line, shaded on days off, a badge on conflicts.

    The kit is kept until the view's font, palette or style changes, or the language: asking
    each cell's option for its font and palette (copies made for Python) cost a tenth of a repaint.
    """

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._kit: PaintKit | None = None
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _KIT_CHANGES:
            self._kit = None
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # type: ignore[no-untyped-def]
        model = index.model()
        row, day = model.row_at(index.row()), model.day_at(index.column())
        if row is None or day is None:  # the weekly totals column
            super().paint(painter, option, index)
            return
        visits = row.cells.get(day.date, ())
        rect = option.rect
        state = option.state.value
        selected = bool(state & _SELECTED)
        kit = self._kit
        if kit is None or kit.lang != current_language():
            kit = self._kit = paint_kit(option.palette, option.font)
        painter.save()
        if selected:
            painter.fillRect(rect, kit.highlight)
        elif day.weekend or day.label_ja:
            painter.fillRect(rect, kit.day_off)
        if visits:
            left, top, width = rect.left(), rect.top(), rect.width()
            height = rect.height() / len(visits)
            for number, visit in enumerate(visits):
                line = QRect(left, int(top + number * height), width, int(height))
                paint_visit_line(painter, line, visit, kit, selected, show_letter=False)
            if model.has_conflicts(visits):
                paint_badge(painter, rect, kit)
        if state & _FOCUS:
            painter.setPen(kit.text)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()
