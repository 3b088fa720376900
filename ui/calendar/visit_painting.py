"""Painting visits: a box in the level's colour with the level's letter (hollow for a substitute's
visit), the short school name, a conflict mark (a vermillion circle for an error, an orange
triangle for a warning) beside the lunch mark, never over it. Absences shade the ALT's day with
their kind. Meaning never rests on colour alone (letters and shapes too).

The board paints several hundred cells per frame, all in Python: colours, fonts, shapes and
texts (elided and laid out) are made once per palette, font and language (a `PaintKit`) instead of
once per cell, and the delegate reads the board model directly instead of asking for one role at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from altdesk.db.enums import AbsenceKind, LunchMode, VisitKind, VisitStatus
from altdesk.labels import LEVEL_COLOURS, LEVEL_LETTERS
from altdesk.lunch.marks import lunch_mark as core_lunch_mark
from altdesk.services.calendar_view import VisitCell
from ui.settings import current_language

ERROR_COLOUR = QColor("#D55E00")  # Okabe-Ito vermillion: a circle with "!"
WARNING_COLOUR = QColor("#E69F00")  # Okabe-Ito orange: a triangle with "!"
TODAY_COLOUR = QColor("#0072B2")  # Okabe-Ito blue: the edges of today's column
NO_MARK, WARNING_MARK, ERROR_MARK = 0, 1, 2
# Short enough for a board cell; the tooltip and the Absences page say it in full.
ABSENCE_SHORT: dict[AbsenceKind, tuple[str, str]] = {
    AbsenceKind.SICK: ("Sick", "病欠"),
    AbsenceKind.PAID_LEAVE: ("Leave", "有休"),
    AbsenceKind.TRAINING: ("Training", "研修"),
    AbsenceKind.COMPENSATORY: ("Comp. day", "振替"),
}
NEEDS_SUBSTITUTE = ("No sub", "要代替")
_SELECTED = QStyle.StateFlag.State_Selected.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
_DIMMED = (VisitStatus.CANCELLED, VisitStatus.COVERED)
_ACTIVE = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)
_KIT_CHANGES = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                QEvent.Type.ApplicationFontChange, QEvent.Type.ApplicationPaletteChange)
_LINES_LIMIT = 20_000  # laid out texts kept per kit; a month board has a few thousand distinct ones
MARK_SIZE = 11


def lunch_mark(mode: LunchMode) -> str:
    return core_lunch_mark(mode, current_language())


def day_off_brush(palette: QPalette) -> QColor:
    """A grey that works on light and dark palettes alike."""
    base, mid = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Mid)
    return QColor((base.red() * 3 + mid.red()) // 4, (base.green() * 3 + mid.green()) // 4,
                  (base.blue() * 3 + mid.blue()) // 4)


def needs_substitute(visit: VisitCell) -> bool:
    """A visit still planned on a day its ALT is away: someone must cover it."""
    return visit.status in _ACTIVE


class PaintKit:
    """What painting a visit needs that does not change from cell to cell."""

    def __init__(self, palette: QPalette, font: QFont, lang: str) -> None:
        self.lang = lang
        ja = lang == "ja"
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.day_off = day_off_brush(palette)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.dimmed_text = palette.color(QPalette.ColorRole.PlaceholderText)
        self.absence_brush = QBrush(palette.color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        self.today_pen = QPen(TODAY_COLOUR, 2)
        self.level_colours = {level: QColor(colour) for level, colour in LEVEL_COLOURS.items()}
        self.level_pens = {level: QPen(colour, 1.5) for level, colour in self.level_colours.items()}
        self.black = QColor("black")
        self.white = QColor("white")
        self.lunch_marks = {mode: core_lunch_mark(mode, lang) for mode in LunchMode}
        self.needs_substitute = NEEDS_SUBSTITUTE[1 if ja else 0]
        # (strike out, bold) -> font and its metrics
        self.fonts: dict[tuple[bool, bool], tuple[QFont, QFontMetrics]] = {}
        for strike in (False, True):
            for bold in (False, True):
                styled = QFont(font)
                styled.setStrikeOut(strike)
                styled.setBold(bold)
                self.fonts[(strike, bold)] = (styled, QFontMetrics(styled))
        plain, metrics = self.fonts[(False, False)]
        self.line_height = metrics.height() + 6
        letters = {level: letters[1 if ja else 0] for level, letters in LEVEL_LETTERS.items()}
        self.box_width = max(metrics.horizontalAdvance(letter) for letter in letters.values()) + 4
        self.level_letters = {level: _laid_out(letter, plain) for level, letter in letters.items()}
        bold_font = self.fonts[(False, True)][0]
        self.absence_labels = {kind: _laid_out(texts[1 if ja else 0], bold_font)
                               for kind, texts in ABSENCE_SHORT.items()}
        badge_font = QFont(font)
        badge_font.setPixelSize(9)
        badge_font.setBold(True)
        self.badge_font = badge_font
        self.bang = _laid_out("!", badge_font)
        half = MARK_SIZE / 2
        self.triangle = QPolygonF([QPointF(half, 0), QPointF(MARK_SIZE, MARK_SIZE), QPointF(0, MARK_SIZE)])
        self._lines: dict[tuple[str, str, int, bool, bool], tuple[QStaticText, QStaticText | None]] = {}

    def texts(self, body: str, mark: str, width: int, strike: bool, bold: bool) -> tuple[str, str]:
        """The body elided at its end (a name keeps its start; the tooltip gives it whole) to fit
        beside the lunch mark."""
        metrics = self.fonts[(strike, bold)][1]
        mark_width = metrics.horizontalAdvance(mark) + 2 if mark else 0
        return metrics.elidedText(body, Qt.TextElideMode.ElideRight, max(0, width - mark_width)), mark

    def lines(self, body: str, mark: str, width: int, strike: bool,
              bold: bool) -> tuple[QStaticText, QStaticText | None]:
        """The body (elided) and the mark, laid out once per text, width and style: drawing a laid
        out text is about three times faster than `drawText`, which shapes it again each time."""
        key = (body, mark, width, strike, bold)
        found = self._lines.get(key)
        if found is None:
            font = self.fonts[(strike, bold)][0]
            elided, mark = self.texts(body, mark, width, strike, bold)
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
                     label: str | None = None, mark: int = NO_MARK, uncovered: bool = False) -> None:
    """One visit on one line within `rect`: level box, name, conflict mark, lunch mark.
    `uncovered`: its ALT is away and nobody covers it yet."""
    top, height = rect.top(), rect.height()
    box = QRect(rect.left() + 1, top + 1, kit.box_width, height - 2)
    level = visit.level
    substitute = visit.kind == VisitKind.SUBSTITUTE
    if substitute:  # hollow: the same level, taught by a substitute
        painter.setPen(kit.level_pens[level])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(box).adjusted(0.75, 0.75, -0.75, -0.75))
        painter.setPen(kit.highlighted_text if selected else kit.text)
    else:
        painter.fillRect(box, kit.level_colours[level])
        painter.setPen(kit.black)
    painter.setFont(kit.fonts[(False, False)][0])  # a laid out text draws in the painter's font
    letter = kit.level_letters[level]
    letter_size = letter.size()
    painter.drawStaticText(QPointF(box.left() + (box.width() - letter_size.width()) / 2,
                                   box.top() + (box.height() - letter_size.height()) / 2), letter)
    status = visit.status
    strike = status == VisitStatus.CANCELLED
    painter.setFont(kit.fonts[(strike, uncovered)][0])
    painter.setPen(kit.dimmed_text if status in _DIMMED else kit.highlighted_text if selected else kit.text)
    text = label if label is not None else visit.short_name
    if uncovered:
        text = f"{kit.needs_substitute} {text}"
    elif visit.kind == VisitKind.EVENT:
        text = f"★{text}"
    text_rect = rect.adjusted(kit.box_width + 4, 0, -2, 0)
    lunch = kit.lunch_marks[visit.lunch_mode]
    room = text_rect.width() - (MARK_SIZE + 2 if mark else 0)
    line, lunch_text = kit.lines(text, lunch, room, strike, uncovered)
    # Centred on the line as drawText would: the text's own height within the rectangle.
    text_top = text_rect.top() + (text_rect.height() - line.size().height()) / 2
    painter.drawStaticText(QPointF(text_rect.left(), text_top), line)
    right = text_rect.right() + 1
    if lunch_text is not None:
        lunch_left = right - lunch_text.size().width()
        if not mark or lunch_left - MARK_SIZE - 1 >= text_rect.left():  # too narrow for both: the mark
            painter.drawStaticText(QPointF(lunch_left, text_top), lunch_text)
            right = lunch_left
    if mark:
        paint_mark(painter, max(text_rect.left(), right - MARK_SIZE - 1), top + (height - MARK_SIZE) / 2, mark, kit)


def paint_mark(painter: QPainter, left: float, top: float, mark: int, kit: PaintKit) -> None:
    """An error (vermillion circle) or a warning (orange triangle), each with "!"."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(left, top)
    painter.setPen(Qt.PenStyle.NoPen)
    if mark == ERROR_MARK:
        painter.setBrush(ERROR_COLOUR)
        painter.drawEllipse(QRectF(0, 0, MARK_SIZE, MARK_SIZE))
        painter.setPen(kit.white)
    else:
        painter.setBrush(WARNING_COLOUR)
        painter.drawPolygon(kit.triangle)
        painter.setPen(kit.black)
    bang = kit.bang.size()
    painter.setFont(kit.badge_font)
    painter.drawStaticText(QPointF((MARK_SIZE - bang.width()) / 2, (MARK_SIZE - bang.height()) / 2 + 1), kit.bang)
    painter.restore()


def paint_pending(painter: QPainter, line: QRect, kit: PaintKit) -> None:
    """A visit the core is still saving: dimmed behind a veil of the background, edged with dashes."""
    veil = QColor(kit.base)
    veil.setAlpha(140)
    painter.fillRect(line, veil)
    pen = QPen(kit.text)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(line.adjusted(1, 1, -2, -2))


class BoardDelegate(QStyledItemDelegate):
    """Paints one board cell: the absence's kind on a shaded day away, then its visits one per
    line, each with its conflict mark; days off grey; today's column edged in blue.

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
        date = day.date
        visits = model.cells_of(row, date) if model.moves else row.cells.get(date, ())
        absence = row.absences.get(date) if row.absences else None
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
        if absence is not None and not selected:
            painter.fillRect(rect, kit.absence_brush)
        left, top, width = rect.left(), rect.top(), rect.width()
        lines = len(visits) + (1 if absence is not None else 0)
        if lines:
            height = rect.height() / lines
            number = 0
            if absence is not None:
                text = kit.absence_labels[absence]
                painter.setFont(kit.fonts[(False, True)][0])
                painter.setPen(kit.highlighted_text if selected else kit.text)
                painter.drawStaticText(QPointF(left + 4, top + (height - text.size().height()) / 2), text)
                number = 1
            marks = model.visit_marks
            for visit in visits:
                line = QRect(left, int(top + number * height), width, int(height))
                paint_visit_line(painter, line, visit, kit, selected, mark=marks.get(visit.visit_id, NO_MARK),
                                 uncovered=absence is not None and needs_substitute(visit))
                if model.moves and model.is_saving(visit.visit_id):
                    paint_pending(painter, line, kit)
                number += 1
        if date == model.today:
            painter.setPen(kit.today_pen)
            painter.drawLine(rect.left() + 1, rect.top(), rect.left() + 1, rect.bottom())
            painter.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom())
        if state & _FOCUS:
            painter.setPen(kit.text)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()
