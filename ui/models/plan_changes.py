"""The Planner's list of changes as a table model: one plain row per change, ticks kept per school.

A plan on a large branch brings hundreds of changes: the rows stay plain tuples and data() answers
from them (no object per cell). Ticks go by school (apply_plan takes schools), so the model keeps
one tick per school code and ticking any row of a school ticks all its rows. Demand left unmet has
no tick and red text; a school whose changes are accepted is greyed with a ✓ in place of its tick
until an Undo takes the acceptance back. The texts shown (column titles, kinds, tooltips) come
from the page, which translates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

NEW, ENDS, REMOVED, UNMET = "new", "ends", "removed", "unmet"
CHECK, CHANGE, SCHOOL, ALT, DAYS, DATES, REASONS = range(7)
SCHOOL_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

_RED = QBrush(QColor("#c62828"))
_GREY = QBrush(QColor("#9e9e9e"))
_ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class ChangeRow:
    kind: str  # NEW, ENDS, REMOVED or UNMET
    school_code: str
    school: str
    alt: str
    days: str
    dates: str
    reasons: str

    def text(self, column: int) -> str:
        return (self.school, self.alt, self.days, self.dates, self.reasons)[column - SCHOOL]


@dataclass(frozen=True)
class ChangeTexts:
    """What the page shows, translated there."""

    titles: tuple[str, ...]  # the 7 column titles
    kinds: dict[str, str]  # kind → "New placement", …
    tick_tip: str
    accepted_tip: str


class PlanChangesModel(QAbstractTableModel):
    ticks_changed = Signal()  # a school ticked or unticked (through the view or set_school_ticked)

    def __init__(self, texts: ChangeTexts, parent: Any = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self._rows: list[ChangeRow] = []
        self._ticked: dict[str, bool] = {}  # school code → ticked, for schools with a change to accept
        self._accepted: frozenset[str] = frozenset()
        self._school_rows: dict[str, list[int]] = {}  # school code → its rows that take a tick

    # --- content -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ChangeRow], ticked: bool = True) -> None:
        """Show these rows (in this order), every school ticked (or none), none accepted."""
        self.beginResetModel()
        self._rows = list(rows)
        self._school_rows = {}
        for index, row in enumerate(self._rows):
            if row.kind != UNMET:
                self._school_rows.setdefault(row.school_code, []).append(index)
        self._ticked = dict.fromkeys(self._school_rows, ticked)
        self._accepted = frozenset()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def row_at(self, row: int) -> ChangeRow:
        return self._rows[row]

    def rows(self) -> Sequence[ChangeRow]:
        return self._rows

    # --- ticks and accepted schools ----------------------------------------------------------------
    def all_schools(self) -> frozenset[str]:
        """Schools with a change to accept (unmet demand is none), accepted or not."""
        return frozenset(self._school_rows)

    def open_schools(self) -> set[str]:
        """Schools with a change not accepted yet."""
        return {code for code in self._school_rows if code not in self._accepted}

    def ticked_schools(self) -> set[str]:
        return {code for code, ticked in self._ticked.items() if ticked and code not in self._accepted}

    def is_ticked(self, code: str) -> bool:
        return self._ticked.get(code, False) and code not in self._accepted

    def set_school_ticked(self, code: str, ticked: bool) -> bool:
        """Tick or untick every row of a school; False when it has none to tick (unknown, or accepted)."""
        if code not in self._school_rows or code in self._accepted:
            return False
        if self._ticked[code] != ticked:
            self._ticked[code] = ticked
            self._rows_changed(self._school_rows[code], CHECK, CHECK)
            self.ticks_changed.emit()
        return True

    def set_accepted(self, codes: Iterable[str]) -> None:
        """Grey the rows of these schools and take their ticks away; a school no longer accepted
        (its acceptance undone) comes back unticked."""
        accepted = frozenset(codes) & frozenset(self._school_rows)
        if accepted == self._accepted:
            return
        changed = accepted ^ self._accepted
        for code in accepted - self._accepted:
            self._ticked[code] = False
        self._accepted = accepted
        self._rows_changed(sorted(r for code in changed for r in self._school_rows[code]), CHECK, REASONS)

    def accepted_schools(self) -> frozenset[str]:
        return self._accepted

    def _rows_changed(self, rows: Sequence[int], first_column: int, last_column: int) -> None:
        """One dataChanged per run of consecutive rows (a school's new rows and its ended ones are apart)."""
        start = previous = None
        for row in list(rows) + [None]:
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None and previous is not None:
                self.dataChanged.emit(self.index(start, first_column), self.index(previous, last_column))
            start = previous = row

    # --- the model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == SCHOOL_ROLE:
            return row.school_code
        if role == KIND_ROLE:
            return row.kind
        unmet = row.kind == UNMET
        done = not unmet and row.school_code in self._accepted
        if column == CHECK:
            if role == Qt.ItemDataRole.CheckStateRole and not unmet and not done:
                return Qt.CheckState.Checked if self._ticked[row.school_code] else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return "✓" if done else ""
            if role == Qt.ItemDataRole.ToolTipRole and not unmet:
                return self.texts.accepted_tip if done else self.texts.tick_tip
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # Cut in a narrow column: the tooltip gives it whole.
            return self.texts.kinds[row.kind] if column == CHANGE else row.text(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _RED if unmet else _GREY if done else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == CHECK:
            row = self._rows[index.row()]
            if row.kind != UNMET and row.school_code not in self._accepted:
                return _ENABLED | Qt.ItemFlag.ItemIsUserCheckable
        return _ENABLED

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != CHECK or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        return self.set_school_ticked(self._rows[index.row()].school_code, state == Qt.CheckState.Checked.value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.texts.titles[section] if 0 <= section < len(self.texts.titles) else None
