"""Collecting every visible string of a window, to find English left in the Japanese UI."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
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
}
WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a person can see in `root` and its children."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text:
            found.append((where, text.replace("&", "")))

    widgets: Iterable[QWidget] = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow():
            add(f"{name}.windowTitle", widget.windowTitle())
        if isinstance(widget, QLabel) and widget.isVisibleTo(root):
            add(f"{name}.text", widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isVisibleTo(root):
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
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add(f"{name}.header{column}", model.headerData(column, Qt.Orientation.Horizontal))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                add(f"{name}.item{i}", widget.itemText(i))
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            add("menu.title", menu.title())
            for action in menu.actions():
                add("menu.action", action.text())
    return found


def english_left(texts: list[tuple[str, str]], data_words: set[str]) -> list[tuple[str, str]]:
    """The strings that still contain English words (other than allowed words and data)."""
    bad = []
    for where, text in texts:
        if not isinstance(text, str):
            continue
        words = [w for w in WORD.findall(text) if w not in ALLOWED_WORDS and w not in data_words]
        if words:
            bad.append((where, text))
    return bad
