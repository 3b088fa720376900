"""Qt models of the import wizard: a sheet as read (problem cells marked), the problem
list, and the records to create or update. Adapters over altdesk.services.importing data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from altdesk.io.importing import Problem
from altdesk.io.importing.problems import column_letter
from altdesk.services.importing import Change, SheetView
from ui.settings import current_language

Index = QModelIndex | QPersistentModelIndex
# Soft tints that keep black text readable in light and dark palettes; an icon and a
# tooltip always go with them, so colour never carries the meaning alone.
ERROR_TINT = QColor("#F6C9B8")  # light vermillion (Okabe-Ito D55E00, tinted)
WARNING_TINT = QColor("#FBE3A8")  # light orange (Okabe-Ito E69F00, tinted)


def message_text(problem: Problem) -> str:
    return problem.message_ja if current_language() == "ja" else problem.message_en


class SheetPreviewModel(QAbstractTableModel):
    """One sheet as read: its rows under its headers, problem cells tinted with an icon."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view: SheetView | None = None
        self._cells: dict[tuple[int, int], list[Problem]] = {}  # (sheet row, column) -> problems
        self._rows: dict[int, list[Problem]] = {}  # sheet row -> problems about the whole row
        self._row_index: dict[int, int] = {}

    def set_sheet(self, view: SheetView | None, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._view = view
        self._cells, self._rows = {}, {}
        if view is not None:
            self._row_index = {number: i for i, (number, _cells) in enumerate(view.rows)}
            for problem in problems:
                if problem.file != view.file or problem.sheet != view.sheet or problem.row is None:
                    continue
                if problem.column_index is not None:
                    self._cells.setdefault((problem.row, problem.column_index), []).append(problem)
                else:
                    self._rows.setdefault(problem.row, []).append(problem)
        self.endResetModel()

    def view(self) -> SheetView | None:
        return self._view

    def index_of(self, row_number: int, column: int | None) -> QModelIndex:
        position = self._row_index.get(row_number)
        if position is None or self._view is None:
            return QModelIndex()
        return self.index(position, max(0, min(column or 0, self.columnCount() - 1)))

    def problems_at(self, index: Index) -> list[Problem]:
        if self._view is None or not index.isValid():
            return []
        number = self._view.rows[index.row()][0]
        return self._cells.get((number, index.column()), []) + self._rows.get(number, [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._view is None else len(self._view.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._view is None:
            return 0
        widest = max((len(cells) for _n, cells in self._view.rows), default=0)
        return max(len(self._view.headers), widest)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._view is None or not index.isValid() or index.row() >= len(self._view.rows):
            return None
        number, cells = self._view.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()] if index.column() < len(cells) else ""
        problems = self._cells.get((number, index.column()), [])
        if not problems:
            return None
        errors = any(p.is_error for p in problems)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ERROR_TINT if errors else WARNING_TINT)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("black"))
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if errors else QStyle.StandardPixmap.SP_MessageBoxWarning
            return _style_icon(pixmap)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(message_text(p) for p in problems)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._view is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            header = self._view.headers[section] if section < len(self._view.headers) else ""
            field = self._view.fields[section] if section < len(self._view.fields) else None
            if role == Qt.ItemDataRole.DisplayRole:
                letter = column_letter(section)
                return f"{letter}  {header}" if header else letter
            if role == Qt.ItemDataRole.ToolTipRole and header:
                if field is None:
                    return self.tr("Not used by ALTdesk: this column is ignored.")
                return self.tr("Read as: %1").replace("%1", field)
            if role == Qt.ItemDataRole.ForegroundRole and header and field is None:
                return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
            return None
        if not 0 <= section < len(self._view.rows):
            return None
        number = self._view.rows[section][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(number)  # the row number Excel shows
        row_problems = self._rows.get(number, [])
        if row_problems and role == Qt.ItemDataRole.DecorationRole:
            return _style_icon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        if row_problems and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(message_text(p) for p in row_problems)
        return None


def _style_icon(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


class ProblemModel(QAbstractTableModel):
    """Every problem, with where it is and what to do, in the UI's language."""

    COLUMNS = ("severity", "file", "sheet", "row", "column", "value", "message")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problem_at(self, row: int) -> Problem:
        return self._problems[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._problems):
            return None
        problem = self._problems[index.row()]
        key = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "severity":
                return self.tr("Error") if problem.is_error else self.tr("Warning")
            if key == "file":
                return Path(problem.file).name if role == Qt.ItemDataRole.DisplayRole else problem.file
            if key == "sheet":
                return problem.sheet or ""
            if key == "row":
                return "" if problem.row is None else str(problem.row)
            if key == "column":
                if problem.column_letter and problem.column:
                    return f"{problem.column_letter} ({problem.column})"
                return problem.column_letter or problem.column or ""
            if key == "value":
                return problem.value or ""
            return message_text(problem)
        if role == Qt.ItemDataRole.DecorationRole and key == "severity":
            return _style_icon(QStyle.StandardPixmap.SP_MessageBoxCritical if problem.is_error
                               else QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = {
            "severity": self.tr("Kind"), "file": self.tr("File"), "sheet": self.tr("Sheet"), "row": self.tr("Row"),
            "column": self.tr("Column"), "value": self.tr("Value"), "message": self.tr("What to do"),
        }
        return titles[self.COLUMNS[section]] if 0 <= section < len(self.COLUMNS) else None


class ChangeModel(QAbstractTableModel):
    """Records to create or update (and, as counts elsewhere, those left alone)."""

    COLUMNS = ("action", "kind", "key", "label", "fields")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._changes: list[Change] = []

    def set_changes(self, changes: Sequence[Change]) -> None:
        self.beginResetModel()
        self._changes = [c for c in changes if c.action != "unchanged"]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._changes) or role != Qt.ItemDataRole.DisplayRole:
            return None
        change = self._changes[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "action":
            return self.tr("New") if change.action == "create" else self.tr("Update")
        if key == "kind":
            return kind_title(change.kind)
        if key == "fields":
            return ("、" if current_language() == "ja" else ", ").join(change.shown_labels(current_language()))
        if key == "key":
            return change.shown_key(current_language())
        return getattr(change, key)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        titles = {"action": self.tr("Change"), "kind": self.tr("Kind"), "key": self.tr("Code"),
                  "label": self.tr("Name"), "fields": self.tr("Fields changed")}
        return titles[self.COLUMNS[section]] if 0 <= section < len(self.COLUMNS) else None


def kind_title(kind: str) -> str:
    titles = {
        "boards": QCoreApplication.translate("ImportWizard", "Boards of education"), "schools": QCoreApplication.translate("ImportWizard", "Schools"), "alts": QCoreApplication.translate("ImportWizard", "ALTs"),
        "placements": QCoreApplication.translate("ImportWizard", "Placements"), "closures": QCoreApplication.translate("ImportWizard", "Closures"), "events": QCoreApplication.translate("ImportWizard", "Events"),
        "absences": QCoreApplication.translate("ImportWizard", "Absences"),
        "branch": QCoreApplication.translate("ImportWizard", "Branch"),
        "demand": QCoreApplication.translate("ImportWizard", "School demand"),
        "travel_times": QCoreApplication.translate("ImportWizard", "Travel times"),
    }
    return titles.get(kind, kind)


def counts_text(counts: dict[str, dict[str, int]], done: bool) -> str:
    lines = []
    for kind, tally in counts.items():
        if done:
            template = QCoreApplication.translate("ImportWizard", "%1: %2 created, %3 updated, %4 left alone")
        else:
            template = QCoreApplication.translate("ImportWizard", "%1: %2 to create, %3 to update, %4 left alone")
        lines.append(template.replace("%1", kind_title(kind)).replace("%2", str(tally["create"]))
                     .replace("%3", str(tally["update"])).replace("%4", str(tally["unchanged"])))
    return "\n".join(lines)
