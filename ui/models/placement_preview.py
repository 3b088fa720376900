"""The placement editor's preview: the next dates a pattern produces, each a visit or skipped (and why)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from altdesk.services.records import PreviewDate
from ui.formatting_dates import long_date
from ui.models.row_table import OBJECT_ROLE
from ui.settings import current_language

Index = QModelIndex | QPersistentModelIndex
DATE, OUTCOME = range(2)


class PlacementPreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewDate] = []

    def set_dates(self, dates: Sequence[PreviewDate]) -> None:
        self.beginResetModel()
        self._rows = list(dates)
        self.endResetModel()

    def dates(self) -> list[PreviewDate]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def outcome_text(self, row: PreviewDate) -> str:
        lang = current_language()
        if row.will_visit:
            return self.tr("Visit (added date)") if row.extra else self.tr("Visit")
        joiner = "、" if lang == "ja" else "; "
        return self.tr("Skipped: %1").replace("%1", joiner.join(r.text(lang) for r in row.reasons))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return long_date(row.date) if index.column() == DATE else self.outcome_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.will_visit and index.column() == DATE:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and not row.will_visit and index.column() == DATE:
            font = QApplication.font()
            font.setStrikeOut(True)  # skipped, readable without colour
            return font
        if role == OBJECT_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Date"), self.tr("What happens"))[section] if 0 <= section < 2 else None
