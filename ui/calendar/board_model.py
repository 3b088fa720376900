"""The board: rows are ALTs, columns are the days of the month, then the weekly class totals.

Cells carry plain VisitCell tuples; the delegate paints them (no widget per cell). A visit
can be dragged to another day or ALT; the drop only *asks* to move (`move_requested`):
the page previews the conflicts and runs the undoable edit.

A move the page has asked the core for is shown at once where it goes (`show_move`), drawn as
pending ("Saving…") until the core answers: confirmed, it stays there until a board read after
the save shows it from the core (`settle_moves`); refused, it goes back (`drop_move`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from altdesk.labels import label as bilingual
from altdesk.scheduling.conflicts import ABSENCE_LABELS, KIND_LABELS, ConflictKind
from altdesk.services.calendar_view import BoardRow, DayInfo, MonthBoard, VisitCell
from ui.calendar.visit_painting import ERROR_MARK, NO_MARK, WARNING_MARK, needs_substitute
from ui.formatting_dates import hhmm, long_date, weekday_short
from ui.settings import current_language

ALT_MARK = "✎"  # before the name of an ALT whose month changed since it was sent (ui/calendar/sent_strip.py)

# Errors as the conflict rules (altdesk/scheduling/conflicts.py) rate them: the board's mark tells
# them from warnings by shape and colour.
ERROR_KINDS = frozenset({ConflictKind.DOUBLE_BOOKING.value, ConflictKind.DAY_OFF.value, ConflictKind.ABSENT.value,
                         ConflictKind.LUNCH_DIET.value})
# Paperwork to do, not a problem with the visit: the coordinator can hide these marks.
PAPERWORK_KINDS = frozenset({ConflictKind.LUNCH_DEADLINE.value})
TODAY_HEADER = QColor("#56B4E9")  # Okabe-Ito sky blue behind today's date (the cells are edged in blue)


def _kind_text(kind: str, lang: str) -> str:
    """A conflict kind as people say it (重複 / Double booking), not its code."""
    try:
        return bilingual(KIND_LABELS[ConflictKind(kind)], lang)
    except ValueError:
        return kind


VISITS_ROLE = Qt.ItemDataRole.UserRole + 10
DAY_ROLE = Qt.ItemDataRole.UserRole + 11
ALT_ROLE = Qt.ItemDataRole.UserRole + 12
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 13
DAYINFO_ROLE = Qt.ItemDataRole.UserRole + 14

MIME_TYPE = "application/x-altdesk-visit"

_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_TOTALS_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DAY_FLAGS = _TOTALS_FLAGS | Qt.ItemFlag.ItemIsDropEnabled
_VISIT_FLAGS = _DAY_FLAGS | Qt.ItemFlag.ItemIsDragEnabled

Index = QModelIndex | QPersistentModelIndex
_move_tokens = itertools.count(1)


@dataclass
class PendingMove:
    """A visit shown at its new place before the core has confirmed the move."""

    visit: VisitCell  # as it is shown there (its ALT the target row's)
    day: dt.date
    alt_id: int
    token: int
    saved: bool = False  # the core confirmed it; shown until a board read after `saved_at` arrives
    saved_at: int = 0



class BoardModel(QAbstractTableModel):
    move_requested = Signal(int, int, object, int)  # visit id, version, new date, new ALT id

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._board: MonthBoard | None = None
        self._conflicts: dict[int, list[str]] = {}
        self._weeks: list[dt.date] = []
        self.today: dt.date | None = None
        self.hide_paperwork = False
        self.visit_marks: dict[int, int] = {}  # visit id -> ERROR_MARK or WARNING_MARK, read by the delegate
        self.moves: dict[int, PendingMove] = {}  # visit id -> where it is shown while the core saves it
        self.changed_alts: frozenset[str] = frozenset()  # codes of ALTs whose month changed since sent

    # --- data in -------------------------------------------------------------------
    def set_board(self, board: MonthBoard) -> None:
        self.beginResetModel()
        if self._board is None or board.rows is not self._board.rows:  # another read: its check is to come
            self._conflicts = {}
            self.visit_marks = {}
        self._board = board
        mondays = sorted({d.date - dt.timedelta(days=d.date.weekday()) for d in board.days})
        self._weeks = mondays
        self.endResetModel()

    def set_conflicts(self, conflicts: dict[int, list[str]]) -> None:
        self._conflicts = conflicts
        self._update_marks()

    def set_hide_paperwork(self, hide: bool) -> None:
        """Hide (or show again) the marks of paperwork warnings such as a lunch notice deadline."""
        self.hide_paperwork = hide
        self._update_marks()

    def set_changed_alts(self, codes: frozenset[str]) -> None:
        """Mark the rows of these ALTs (their month would now go out differently from what was sent)."""
        if codes == self.changed_alts:
            return
        self.changed_alts = codes
        if self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def set_today(self, today: dt.date) -> None:
        self.today = today

    def _update_marks(self) -> None:
        hidden = PAPERWORK_KINDS if self.hide_paperwork else frozenset()
        marks: dict[int, int] = {}
        for visit_id, kinds in self._conflicts.items():
            shown = [kind for kind in kinds if kind not in hidden]
            if shown:
                marks[visit_id] = ERROR_MARK if any(kind in ERROR_KINDS for kind in shown) else WARNING_MARK
        self.visit_marks = marks
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [CONFLICT_ROLE])

    # --- moves the core has not answered yet ---------------------------------------------
    def show_move(self, visit: VisitCell, day: dt.date, alt_id: int) -> int:
        """Show `visit` at (day, ALT) at once, as pending; returns the move's token."""
        token = next(_move_tokens)
        self.moves[visit.visit_id] = PendingMove(visit._replace(alt_id=alt_id), day, alt_id, token)
        self._cells_changed()
        return token

    def confirm_move(self, visit_id: int, token: int, read_number: int) -> None:
        """The core saved the move: drawn as any visit, until a read numbered above `read_number`."""
        move = self.moves.get(visit_id)
        if move is not None and move.token == token:
            move.saved, move.saved_at = True, read_number
            self._cells_changed()

    def drop_move(self, visit_id: int, token: int) -> bool:
        """The core refused the move (or it was not asked for): the visit goes back."""
        move = self.moves.get(visit_id)
        if move is None or move.token != token:
            return False
        del self.moves[visit_id]
        self._cells_changed()
        return True

    def settle_moves(self, read_number: int) -> None:
        """A board read numbered `read_number` is shown: the saved moves it includes are its own."""
        settled = [visit_id for visit_id, move in self.moves.items() if move.saved and move.saved_at < read_number]
        for visit_id in settled:
            del self.moves[visit_id]
        if settled:
            self._cells_changed()

    def is_saving(self, visit_id: int) -> bool:
        move = self.moves.get(visit_id)
        return move is not None and not move.saved

    def cells_of(self, row: BoardRow, date: dt.date) -> list[VisitCell]:
        """The visits shown in a row's day: the stored ones, with the moves not yet read applied."""
        visits = row.cells.get(date, [])
        if not self.moves:
            return visits
        moves = self.moves
        # A visit just moved comes first: the cursor went with it, so keys move it on.
        shown = [m.visit for m in moves.values() if m.day == date and m.alt_id == row.alt_id]
        shown.extend(v for v in visits if v.visit_id not in moves)
        return shown

    def find_visit(self, visit_id: int) -> tuple[VisitCell, dt.date, int] | None:
        """Where a visit is shown: (its cell, day, ALT id), or None when it is not on the board."""
        move = self.moves.get(visit_id)
        if move is not None:
            return move.visit, move.day, move.alt_id
        if self._board is None:
            return None
        for row in self._board.rows:
            for day, visits in row.cells.items():
                for visit in visits:
                    if visit.visit_id == visit_id:
                        return visit, day, row.alt_id
        return None

    def _cells_changed(self) -> None:
        if self.rowCount() and self.columnCount() > 1:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 2))

    @property
    def board(self) -> MonthBoard | None:
        return self._board

    def day_column(self, day: dt.date) -> int | None:
        if self._board is None or not self._board.first <= day <= self._board.last:
            return None
        return (day - self._board.first).days

    def row_of_alt(self, alt_id: int) -> int | None:
        if self._board is None:
            return None
        for number, row in enumerate(self._board.rows):
            if row.alt_id == alt_id:
                return number
        return None

    def day_at(self, column: int) -> DayInfo | None:
        if self._board is None or not 0 <= column < len(self._board.days):
            return None
        return self._board.days[column]

    def row_at(self, row: int) -> BoardRow | None:
        if self._board is None or not 0 <= row < len(self._board.rows):
            return None
        return self._board.rows[row]

    def visits_at(self, index: Index) -> list[VisitCell]:
        row, day = self.row_at(index.row()), self.day_at(index.column())
        if row is None or day is None:
            return []
        return self.cells_of(row, day.date)

    def conflicts_of(self, visit_id: int) -> list[str]:
        return self._conflicts.get(visit_id, [])

    def mark_of(self, visit_id: int) -> int:
        return self.visit_marks.get(visit_id, NO_MARK)

    def row_lines(self, number: int) -> int:
        """The most lines a day of this row needs: its visits, and a line for an absence. Counted
        from the stored visits (no cells are made for rows never scrolled to)."""
        row = self.row_at(number)
        if row is None:
            return 1
        per_day: dict[object, int] = {}
        for stored in row.stored:
            day = stored[-1]
            per_day[day] = per_day.get(day, 0) + 1
        most = max(per_day.values(), default=1)
        if row.absences:
            for day in row.absences:
                most = max(most, 1 + per_day.get(day.isoformat(), per_day.get(day, 0)))
        for move in self.moves.values():  # a move shown before it is read: its day may need a line more
            if move.alt_id == row.alt_id:
                most = max(most, len(self.cells_of(row, move.day)) + (1 if move.day in row.absences else 0))
        return most

    # --- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._board is None else len(self._board.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._board is None:
            return 0
        return len(self._board.days) + 1  # the days, then weekly totals (names are the row headers)

    def _totals_column(self) -> int:
        return self.columnCount() - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._board is None:
            return None
        row = self._board.rows[index.row()]
        column = index.column()
        if column == self._totals_column():
            weeks = [row.week_classes.get(monday, 0) for monday in self._weeks]
            if role == Qt.ItemDataRole.DisplayRole:
                return " · ".join(str(w) for w in weeks)
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [QCoreApplication.translate("BoardModel", "Classes per week (Monday %1): %2").replace("%1", m.strftime("%m/%d")).replace(
                    "%2", str(w)) for m, w in zip(self._weeks, weeks, strict=True)]
                lines.append(QCoreApplication.translate("BoardModel", "Month: %1 classes on %2 days").replace("%1", str(row.month_classes)).replace(
                    "%2", str(row.month_days)))
                return "\n".join(lines)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        day = self._board.days[column]
        visits = self.cells_of(row, day.date)
        if role == Qt.ItemDataRole.DisplayRole:
            return " / ".join(v.short_name for v in visits)
        if role == VISITS_ROLE:
            return visits
        if role == DAY_ROLE:
            return day.date
        if role == DAYINFO_ROLE:
            return day
        if role == ALT_ROLE:
            return row.alt_id
        if role == CONFLICT_ROLE:
            return [kind for v in visits for kind in self._conflicts.get(v.visit_id, [])]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, day, visits)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._tooltip(row, day, visits)
        return None

    def _tooltip(self, row: BoardRow, day: DayInfo, visits: list[VisitCell]) -> str:
        lang = current_language()
        lines = [f"{row.name} — {long_date(day.date)}"]
        label = day.label_ja if lang == "ja" else day.label_en
        if label:
            lines.append(label)
        absence = row.absences.get(day.date)
        if absence is not None:
            lines.append(QCoreApplication.translate("BoardModel", "Absent: %1").replace(
                "%1", bilingual(ABSENCE_LABELS[absence.value], lang)))
        for v in visits:
            name = v.name_ja if lang == "ja" else (v.name_en or v.name_ja)
            lines.append(f"{hhmm(v.start_time)}-{hhmm(v.end_time)}  {name}  {v.periods}")
            if self.is_saving(v.visit_id):
                lines.append(QCoreApplication.translate("BoardModel", "Saving…"))
            if absence is not None and needs_substitute(v):
                lines.append(QCoreApplication.translate("BoardModel", "Needs a substitute"))
            kinds = self._conflicts.get(v.visit_id)
            if kinds:
                errors = [_kind_text(kind, lang) for kind in kinds if kind in ERROR_KINDS]
                warnings = [_kind_text(kind, lang) for kind in kinds if kind not in ERROR_KINDS]
                if errors:
                    lines.append(QCoreApplication.translate("BoardModel", "Error: %1").replace("%1", ", ".join(errors)))
                if warnings:
                    lines.append(QCoreApplication.translate("BoardModel", "Warning: %1").replace(
                        "%1", ", ".join(warnings)))
        if not visits:
            lines.append(QCoreApplication.translate("BoardModel", "No visit"))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._board is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._board.rows):
                return None
            row = self._board.rows[section]
            changed = row.code in self.changed_alts
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{ALT_MARK} {row.code}  {row.name}" if changed else f"{row.code}  {row.name}"
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = f"{row.code} {row.name}\n{row.kana}"
                return tip + "\n" + QCoreApplication.translate(
                    "BoardModel", "Changed since the month was sent: send it again.") if changed else tip
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self._totals_column():
                return QCoreApplication.translate("BoardModel", "Classes/week")
            if not 0 <= section < len(self._board.days):
                return None
            day = self._board.days[section]
            mark = (" 祝" if current_language() == "ja" else " ✱") if day.label_ja else ""
            return f"{day.date.day}{mark}\n{weekday_short(day.date)}"
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole) and 0 <= section < len(self._board.days):
            if self._board.days[section].date != self.today:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return TODAY_HEADER
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < self._totals_column():
            day = self._board.days[section]
            label = day.label_ja if current_language() == "ja" else day.label_en
            today = QCoreApplication.translate("BoardModel", "Today") if day.date == self.today else ""
            return f"{long_date(day.date)} {label} {today}".strip()
        return None

    # --- drag and drop ---------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every painted cell: constants, not flag arithmetic (slow on Python enums).
        if not index.isValid():
            return _NO_FLAGS
        row, day = self.row_at(index.row()), self.day_at(index.column())
        if row is None or day is None:
            return _TOTALS_FLAGS
        if self.moves:
            return _VISIT_FLAGS if self.cells_of(row, day.date) else _DAY_FLAGS
        return _VISIT_FLAGS if day.date in row.cells else _DAY_FLAGS

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            visits = self.visits_at(index)
            if visits:
                first = visits[0]
                mime.setData(MIME_TYPE, json.dumps({"visit_id": first.visit_id, "version": first.version}).encode())
                break
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(MIME_TYPE) and parent.isValid() and self.day_at(parent.column()) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = json.loads(bytes(data.data(MIME_TYPE)).decode())
        target_row, day = self.row_at(parent.row()), self.day_at(parent.column())
        if target_row is None or day is None:
            return False
        self.move_requested.emit(payload["visit_id"], payload["version"], day.date, target_row.alt_id)
        return False  # the page performs the move; nothing is removed by the view
