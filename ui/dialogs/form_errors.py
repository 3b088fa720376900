"""Showing a refused save in a form: the message beside an error badge, the field it names
outlined and focused (the core's InvalidInput says which field)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from altdesk.errors import UserError
from altdesk.scheduling.conflicts import Severity
from ui.settings import current_language
from ui.severity_icons import ERROR_COLOUR, severity_icon


class FormErrors(QWidget):
    """An error line for a dialog; hidden while there is nothing to say."""

    def __init__(self, fields: dict[str, QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("form_error")
        self._fields = fields
        self._marked: list[QWidget] = []
        icon = QLabel(self)
        icon.setPixmap(severity_icon(Severity.ERROR).pixmap(16, 16))
        self.text = QLabel(self)
        self.text.setObjectName("form_error_text")
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon, 0)
        layout.addWidget(self.text, 1)
        self.hide()

    def show_error(self, error: UserError) -> None:
        self.clear()
        message = error.message(current_language())
        self.text.setText(message)
        self.show()
        widget = self._fields.get(getattr(error, "field", None) or "")
        if widget is not None:
            widget.setStyleSheet(f"border: 2px solid {ERROR_COLOUR};")
            widget.setAccessibleDescription(message)
            widget.setFocus()
            self._marked.append(widget)

    def clear(self) -> None:
        for widget in self._marked:
            widget.setStyleSheet("")
            widget.setAccessibleDescription("")
        self._marked.clear()
        self.text.clear()
        self.hide()

    def field_marked(self) -> str | None:
        """The field currently outlined (for tests and screen readers)."""
        for name, widget in self._fields.items():
            if widget in self._marked:
                return name
        return None
