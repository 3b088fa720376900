"""The month grid (weeks x weekdays, each day listing who is where) and the week agenda."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from altdesk.db.enums import VisitStatus
from altdesk.labels import LUNCH_MODE_LABELS, label
from altdesk.services.calendar_view import DayInfo, MonthBoard, VisitCell
from ui.calendar.board_model import ERROR_KINDS, PAPERWORK_KINDS
from ui.calendar.visit_painting import (
    ERROR_MARK,
    NO_MARK,
    WARNING_MARK,
    lunch_mark,
    paint_kit,
    paint_visit_line,
)
from ui.formatting_dates import hhmm, long_date, weekday_short
from ui.settings import current_language

Index = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole + 20
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 21
INFO_ROLE = Qt.ItemDataRole.UserRole + 22
CONFLICTS_ROLE = Qt.ItemDataRole.UserRole + 23
IN_MONTH_ROLE = Qt.ItemDataRole.UserRole + 24



Entry = tuple[str, VisitCell]  # (ALT label, visit)


def short_alt_name(name: str) -> str:
    """"A0001 Emily Smith" -> "Smith": a month cell names who is where in a few letters (the tooltip
    and the day's agenda give the whole name)."""
    return name.rsplit(" ", 1)[-1] if name else name


class MonthModel(QAbstractTableModel):
    """Six weeks of seven days starting on the Monday on or before the 1st."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._start = dt.date(2026, 4, 1)
        self._month = (2026, 4)
        self._entries: dict[dt.date, list[Entry]] = {}
        self._infos: dict[dt.date, DayInfo] = {}
        self._conflicts: dict[int, list[str]] = {}
        self._marks: dict[bool, dict[int, int]] = {}
        self._rows: list | None = None

    def set_board(self, board: MonthBoard) -> None:
        self.beginResetModel()
        self._month = (board.first.year, board.first.month)
        self._start = board.first - dt.timedelta(days=board.first.weekday())
        self._entries = {}
        for row in board.rows:
            for day, visits in row.cells.items():
                self._entries.setdefault(day, []).extend((f"{row.code} {row.name}", v) for v in visits)
        for entries in self._entries.values():
            entries.sort(key=lambda e: (e[1].start_time, e[0]))
        self._infos = {info.date: info for info in board.days}
        if board.rows is not self._rows:  # another read: its conflict check is to come
            self._conflicts = {}
            self._marks = {}
        self._rows = board.rows
        self.endResetModel()

    def set_conflicts(self, conflicts: dict[int, list[str]]) -> None:
        self._conflicts = conflicts
        self._marks = {}
        self.dataChanged.emit(self.index(0, 0), self.index(5, 6), [CONFLICTS_ROLE])

    def visit_marks(self, hide_paperwork: bool) -> dict[int, int]:
        """Visit id -> its mark (error or warning), as on the board; made once per conflict check."""
        marks = self._marks.get(hide_paperwork)
        if marks is None:
            marks = {}
            for visit_id, kinds in self._conflicts.items():
                shown = [k for k in kinds if not (hide_paperwork and k in PAPERWORK_KINDS)]
                if shown:
                    marks[visit_id] = ERROR_MARK if any(k in ERROR_KINDS for k in shown) else WARNING_MARK
            self._marks[hide_paperwork] = marks
        return marks

    def date_at(self, index: Index) -> dt.date:
        return self._start + dt.timedelta(days=index.row() * 7 + index.column())

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - self._start).days
        if not 0 <= offset < 42:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.date_at(index)
        entries = self._entries.get(day, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DAY_ROLE:
            return day
        if role == ENTRIES_ROLE:
            return entries
        if role == INFO_ROLE:
            return self._infos.get(day)
        if role == IN_MONTH_ROLE:
            return (day.year, day.month) == self._month
        if role == CONFLICTS_ROLE:
            return sum(len(self._conflicts.get(v.visit_id, ())) for _, v in entries)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            info = self._infos.get(day)
            lang = current_language()
            lines = [long_date(day)]
            if info and (info.label_ja or info.label_en):
                lines.append(info.label_ja if lang == "ja" else info.label_en)
            for alt_label, visit in entries[:25]:
                school = visit.name_ja if lang == "ja" else (visit.name_en or visit.name_ja)
                lines.append(f"{hhmm(visit.start_time)} {alt_label} — {school} {lunch_mark(visit.lunch_mode)}")
            if len(entries) > 25:
                lines.append(QCoreApplication.translate("MonthWeek", "… and %1 more").replace("%1", str(len(entries) - 25)))
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return weekday_short(dt.date(2026, 6, 1) + dt.timedelta(days=section))
        return None


class MonthDelegate(QStyledItemDelegate):
    """Each day: its number, holiday/closure shaded and named, then who is where (ALT and school,
    one per line with its conflict mark); a day with more than fits ends with "+N", which opens it."""

    more_clicked = Signal(object)  # the day whose "+N" was clicked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hide_paperwork = False
        self.today: dt.date | None = None

    @staticmethod
    def _lines(rect: QRect, line_height: int) -> tuple[int, int]:
        """(top of the first visit line, how many lines fit below the day's number)."""
        top = rect.top() + 2 + line_height + 2
        return top, max(0, (rect.bottom() - top) // line_height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # type: ignore[no-untyped-def]
        painter.save()
        palette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        kit = paint_kit(palette, option.font)
        info = index.data(INFO_ROLE)
        in_month = index.data(IN_MONTH_ROLE)
        day = index.data(DAY_ROLE)
        if selected:
            painter.fillRect(rect, kit.highlight)
        elif day.weekday() >= 5 or (info is not None and info.label_ja):
            painter.fillRect(rect, kit.day_off)
        if day == self.today:  # edged in blue, as today's column on the board
            painter.setPen(kit.today_pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role) if in_month else palette.color(QPalette.ColorRole.PlaceholderText))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        line_height = option.fontMetrics.height() + 1
        header = QRect(rect.left() + 4, rect.top() + 2, rect.width() - 8, line_height)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        painter.setFont(option.font)
        if info is not None and (info.label_ja or info.label_en):
            name = info.label_ja if current_language() == "ja" else info.label_en
            painter.drawText(header.adjusted(18, 0, -12, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, header.width() - 30))
        entries = index.data(ENTRIES_ROLE) or []
        top, available = self._lines(rect, line_height)
        shown = entries if len(entries) <= available else entries[:max(0, available - 1)]
        marks = index.model().visit_marks(self.hide_paperwork)
        for alt_label, visit in shown:
            line = QRect(rect.left() + 2, top, rect.width() - 4, line_height)
            paint_visit_line(painter, line, visit, kit, selected, label=f"{short_alt_name(alt_label)} {visit.short_name}",
                             mark=marks.get(visit.visit_id, NO_MARK))
            top += line_height
        hidden = len(entries) - len(shown)
        if hidden and available:
            more = QCoreApplication.translate("MonthWeek", "+%1 more").replace("%1", str(hidden))
            link = QFont(option.font)
            link.setUnderline(True)
            painter.setFont(link)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link))
            painter.drawText(QRect(rect.left() + 6, top, rect.width() - 8, line_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, more)
        painter.restore()

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem, index) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            entries = index.data(ENTRIES_ROLE) or []
            line_height = option.fontMetrics.height() + 1
            top, available = self._lines(option.rect, line_height)
            if available and len(entries) > available:
                more_top = top + (available - 1) * line_height
                if more_top <= event.position().y() < more_top + line_height:
                    self.more_clicked.emit(index.data(DAY_ROLE))
                    return True
        return super().editorEvent(event, model, option, index)


WEEK_COLUMNS = ("day", "time", "periods", "alt", "school", "lunch", "status")


class WeekModel(QAbstractTableModel):
    """The week's visits as an agenda (for the ALTs and schools the filter leaves)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[dt.date, str, VisitCell]] = []
        self._infos: dict[dt.date, DayInfo] = {}

    def set_week(self, board: MonthBoard, monday: dt.date) -> None:
        self.beginResetModel()
        days = {monday + dt.timedelta(days=i) for i in range(7)}
        self._rows = sorted(
            ((day, f"{row.code} {row.name}", v) for row in board.rows for day, visits in row.cells.items()
             if day in days for v in visits),
            key=lambda r: (r[0], r[2].start_time, r[1]),
        )
        self._infos = {info.date: info for info in board.days}
        self.endResetModel()

    def visit_at(self, row: int) -> VisitCell:
        return self._rows[row][2]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(WEEK_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day, alt_label, visit = self._rows[index.row()]
        key = WEEK_COLUMNS[index.column()]
        lang = current_language()
        if role == DAY_ROLE:
            return day
        if role == Qt.ItemDataRole.DecorationRole and key == "school":
            from ui.level_icons import level_icon

            return level_icon(visit.level)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if key == "day":
            return long_date(day)
        if key == "time":
            return f"{hhmm(visit.start_time)}–{hhmm(visit.end_time)}"
        if key == "periods":
            return visit.periods
        if key == "alt":
            return alt_label
        if key == "school":
            return visit.name_ja if lang == "ja" else f"{visit.name_en} ({visit.name_ja})"
        if key == "lunch":
            return label(LUNCH_MODE_LABELS[visit.lunch_mode], lang)
        return status_label(visit.status)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {"day": QCoreApplication.translate("MonthWeek", "Day"), "time": QCoreApplication.translate("MonthWeek", "Time"), "periods": QCoreApplication.translate("MonthWeek", "Periods"), "alt": QCoreApplication.translate("MonthWeek", "ALT"),
                  "school": QCoreApplication.translate("MonthWeek", "School"), "lunch": QCoreApplication.translate("MonthWeek", "Lunch"), "status": QCoreApplication.translate("MonthWeek", "Status")}
        return titles[WEEK_COLUMNS[section]] if 0 <= section < len(WEEK_COLUMNS) else None


def status_label(status: VisitStatus) -> str:
    return {
        VisitStatus.PLANNED: QCoreApplication.translate("MonthWeek", "Planned"),
        VisitStatus.CONFIRMED: QCoreApplication.translate("MonthWeek", "Confirmed"),
        VisitStatus.CANCELLED: QCoreApplication.translate("MonthWeek", "Cancelled"),
        VisitStatus.COVERED: QCoreApplication.translate("MonthWeek", "Covered by substitute"),
    }[status]
