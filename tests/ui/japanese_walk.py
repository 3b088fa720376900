"""Collecting every visible string of a window, to find English left in the Japanese UI."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QWidget,
    QWizard,
)

# Words that stay in Latin letters in a Japanese office UI: product and format names, the
# job title everyone uses, keyboard keys.
ALLOWED_WORDS = {
    "ALT", "ALTs", "ALTdesk", "PDF", "Excel", "CSV", "xlsx", "csv", "ics", "iCalendar", "SQLite", "PostgreSQL",
    "Ctrl", "Shift", "Alt", "Del", "Esc", "Enter", "Tab", "URL", "OS", "FY", "ID", "Home", "Left", "Right",
    "UTF", "BOM", "Shift_JIS", "cp932", "JSON", "Qt", "UNC", "NFS", "SMB", "Windows", "Linux", "PNG",
    "Insert", "RRULE",
}
WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")
CELL_ROWS = 40  # rows of each item view whose cells are read (the first ones show every column's kind)


def _is_qt_internal(widget: QWidget) -> bool:
    """Qt's own scroll arrows and line-edit buttons: translated by qtbase, named by Qt."""
    parent = widget.parentWidget()
    return isinstance(parent, QTabBar | QAbstractSpinBox) or widget.objectName().startswith("qt_")


def widget_texts(root: QWidget, cells: bool = True, hints: bool = True) -> list[tuple[str, str]]:
    """(where, text) for every string a person can see in `root` and its children.

    `cells` adds the display text of the first rows of every item view; `hints` adds tooltips
    and accessible names (what a screen reader says).
    """
    found: list[tuple[str, str]] = []

    def add(where: str, text: object) -> None:
        if isinstance(text, str) and text:
            if "<" in text:  # rich text: the words, not the markup
                text = re.sub(r"&\w+;", " ", re.sub(r"<[^>]*>", " ", text))
            found.append((where, text.replace("&", "")))

    widgets: Iterable[QWidget] = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if _is_qt_internal(widget):
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow():
            add(f"{name}.windowTitle", widget.windowTitle())
        if (isinstance(widget, QLabel | QAbstractButton)) and widget.isVisibleTo(root):
            add(f"{name}.text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(f"{name}.title", widget.title())
        elif isinstance(widget, QLineEdit):
            add(f"{name}.placeholder", widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{name}.tab{i}", widget.tabText(i))
        elif isinstance(widget, QMenu):
            add(f"{name}.title", widget.title())
            for action in widget.actions():
                add(f"{name}.action", action.text())
        elif isinstance(widget, QWizard):
            for page_id in widget.pageIds():
                page = widget.page(page_id)
                add(f"{name}.page.title", page.title())
                add(f"{name}.page.subTitle", page.subTitle())
        if isinstance(widget, QSpinBox):
            add(f"{name}.prefix", widget.prefix())
            add(f"{name}.suffix", widget.suffix())
            add(f"{name}.specialValue", widget.specialValueText())
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
                and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            rows = model.rowCount(QModelIndex())
            for column in range(columns):
                add(f"{name}.header{column}", model.headerData(column, Qt.Orientation.Horizontal))
            if cells:
                for row in range(min(rows, CELL_ROWS)):
                    for column in range(columns):
                        index = model.index(row, column)
                        add(f"{name}.cell{row},{column}", index.data())
                        if hints:
                            add(f"{name}.cellToolTip{row},{column}", index.data(Qt.ItemDataRole.ToolTipRole))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                add(f"{name}.item{i}", widget.itemText(i))
        if hints:
            add(f"{name}.toolTip", widget.toolTip())
            add(f"{name}.accessibleName", widget.accessibleName())
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            add("menu.title", menu.title())
            for action in menu.actions():
                add("menu.action", action.text())
    return found


def english_left(texts: list[tuple[str, str]], data_words: set[str]) -> list[tuple[str, str]]:
    """The strings that still contain English words (other than allowed words and data)."""
    bad = []
    for where, text in dict.fromkeys(texts):  # each (where, text) once
        if not isinstance(text, str):
            continue
        words = [w for w in WORD.findall(text) if w not in ALLOWED_WORDS and w not in data_words]
        if words:
            bad.append((where, text))
    return bad
