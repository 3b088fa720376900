"""What every record dialog shares: the error banner, highlighting the offending field,
date and time conversions, and a date edit that may be left empty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from altdesk.errors import InvalidInput, UserError
from ui.formatting import setup_date_edit
from ui.settings import current_language

INVALID_PROPERTY = "invalid"
VERMILLION = QColor("#D55E00")  # Okabe-Ito, the palette the levels use
NO_DATE = QDate(1900, 1, 1)


def message_of(error: UserError) -> str:
    return error.message(current_language())


def to_qdate(day: dt.date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else NO_DATE


def from_qdate(value: QDate) -> dt.date | None:
    if not value.isValid() or value == NO_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())


def to_qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class OptionalDateEdit(QDateEdit):
    """A date that may be left blank (—). Typing, stepping or opening the calendar on a blank
    field starts from today rather than from the blank's stand-in (1900); Delete blanks it."""

    def _start_from_today(self) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
                self.date() == NO_DATE or self.lineEdit().selectedText() == self.text()):
            self.setDate(NO_DATE)
            return
        if event.text().isdigit() or event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                                                     Qt.Key.Key_PageDown):
            self._start_from_today()
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._start_from_today()
        super().mousePressEvent(event)


def date_edit(parent: QWidget, optional: bool = False) -> QDateEdit:
    """A date field with a calendar pop-up; `optional` lets it be blank (shown as —)."""
    edit = OptionalDateEdit(parent) if optional else QDateEdit(parent)
    setup_date_edit(edit)  # 2026年6月1日(月) in Japanese, Mon 1 Jun 2026 in English
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
    else:
        edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    return edit


def time_edit(parent: QWidget) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    return edit


def latin_only(edit: QLineEdit) -> QLineEdit:
    """Codes, e-mail and phone: tell the input method to offer Latin letters first."""
    edit.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText)
    return edit


class ErrorBanner(QWidget):
    """A calm one-line (wrapping) message at the top of a dialog, with the standard warning icon."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("error_banner")
        self.icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setObjectName("error_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.setAutoFillBackground(True)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        palette.setColor(QPalette.ColorRole.Window, _tint(base, 0.18))
        self.setPalette(palette)
        self.hide()

    def show_message(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.hide()


def _tint(base: QColor, amount: float) -> QColor:
    """`base` mixed with vermillion: readable in light and dark palettes alike."""
    return QColor(
        round(base.red() + (VERMILLION.red() - base.red()) * amount),
        round(base.green() + (VERMILLION.green() - base.green()) * amount),
        round(base.blue() + (VERMILLION.blue() - base.blue()) * amount),
    )


class _ClearOnEdit(QObject):
    """Un-highlights a field as soon as the person changes it."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__(errors.banner)
        self._errors = errors

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            self._errors.unmark(watched)
        return False


class FieldErrors:
    """Maps form field names to the widgets that edit them; shows InvalidInput on the right one.

    A field may map to a callable instead (e.g. a table that selects the offending cell), or be
    matched by prefix ("periods." for every row of the bell schedule).
    """

    def __init__(self, banner: ErrorBanner) -> None:
        self.banner = banner
        self._widgets: dict[str, QWidget] = {}
        self._handlers: dict[str, Callable[[str], QWidget | None]] = {}
        self._marked: dict[QWidget, tuple[QPalette, str]] = {}
        self._clear_on_edit = _ClearOnEdit(self)

    def add(self, field: str, widget: QWidget) -> None:
        self._widgets[field] = widget

    def add_prefix(self, prefix: str, handler: Callable[[str], QWidget | None]) -> None:
        """`handler(field)` shows the field (selects a row…) and returns the widget to mark."""
        self._handlers[prefix] = handler

    def widget_for(self, field: str | None) -> QWidget | None:
        if not field:
            return None
        if field in self._widgets:
            return self._widgets[field]
        for prefix, handler in self._handlers.items():
            if field.startswith(prefix):
                return handler(field)
        return None

    def show(self, error: UserError) -> QWidget | None:
        """Show the message; highlight and focus the field it names. Returns that widget."""
        self.clear()
        self.banner.show_message(message_of(error))
        widget = self.widget_for(error.field if isinstance(error, InvalidInput) else None)
        if widget is not None:
            self.mark(widget, message_of(error))
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        return widget

    def mark(self, widget: QWidget, text: str) -> None:
        if widget not in self._marked:
            self._marked[widget] = (QPalette(widget.palette()), widget.toolTip())
        palette = widget.palette()
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            palette.setColor(role, _tint(palette.color(role), 0.28))
        widget.setPalette(palette)
        widget.setProperty(INVALID_PROPERTY, True)
        widget.setToolTip(text)
        widget.setAccessibleDescription(text)
        widget.installEventFilter(self._clear_on_edit)
        for child in widget.findChildren(QLineEdit):  # a combo box's or spin box's editor
            child.installEventFilter(self._clear_on_edit)

    def unmark(self, widget: QWidget) -> None:
        target = widget
        while target is not None and target not in self._marked:
            target = target.parentWidget()
        if target is None:
            return
        palette, tooltip = self._marked.pop(target)
        target.setPalette(palette)
        target.setProperty(INVALID_PROPERTY, False)
        target.setToolTip(tooltip)
        target.setAccessibleDescription("")

    def clear(self) -> None:
        for widget in list(self._marked):
            self.unmark(widget)
        self.banner.clear()

    def is_marked(self, widget: QWidget) -> bool:
        return bool(widget.property(INVALID_PROPERTY))


def add_row(form: QFormLayout, label: QLabel, field: QWidget) -> None:
    """A form row whose label is the field's buddy (Alt+letter focuses it)."""
    label.setBuddy(field)
    form.addRow(label, field)


def set_label(label: QLabel, field: QWidget, text: str) -> None:
    """Label text with a mnemonic, and the same words as the field's accessible name."""
    label.setText(text)
    field.setAccessibleName(text.replace("&", "").rstrip(":："))


def multiline(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def combo_data(combo: QComboBox) -> object:
    return combo.currentData()


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class ChoiceCombo(QComboBox):
    """A drop-down of records (ALTs, schools, boards) one can also type into to search.

    Typing filters by any part of the code or name (800 schools are too many to scroll).
    `choice_id()` is None unless the text names one of the items exactly.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_choices(self, items: list[tuple[str, object]], none_text: str | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        if none_text is not None:
            self.addItem(none_text, None)
        for text, value in items:
            self.addItem(text, value)
        self.blockSignals(False)

    def choice_id(self) -> object:
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else None

    def select(self, value: object) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")


def rows_editor(owner: QWidget, table: QWidget, row_name: str, add: Callable[[], object],
                remove: Callable[[], object]) -> tuple[QPushButton, QPushButton]:
    """A table of rows with Add and Remove buttons under it, laid out in `owner` (the bell
    schedule and a school's demand). The buttons' texts are the caller's (they follow the language)."""
    add_button = QPushButton(owner)
    add_button.setObjectName(f"add_{row_name}")
    remove_button = QPushButton(owner)
    remove_button.setObjectName(f"remove_{row_name}")
    add_button.clicked.connect(add)
    remove_button.clicked.connect(remove)
    buttons = QHBoxLayout()
    buttons.addWidget(add_button)
    buttons.addWidget(remove_button)
    buttons.addStretch(1)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    layout.addLayout(buttons)
    return add_button, remove_button
