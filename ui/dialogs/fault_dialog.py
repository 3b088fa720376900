"""The dialog a fault is shown in: what failed, what the person can do, where the log is, in the
window's language with the other language below; "Copy details" for whoever supports ALTdesk.

Shown (not exec'd) by ui.faults, which keeps one at a time and counts the faults that come
while it is open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.settings import current_language

if TYPE_CHECKING:
    from ui.faults import Action


def advice(lang: str, log_path: Path | None) -> str:
    """What the person can do about a fault, in one language."""
    if lang == "ja":
        where = (f"ログファイル: {log_path}" if log_path is not None
                 else "ログファイルを書き込めませんでした。「詳細をコピー」で内容をコピーして送ってください。")
        return ("もう一度お試しください。再び失敗する場合は ALTdesk を再起動してください。それでも失敗する場合は、"
                "ログファイルを ALTdesk のサポート担当者に送ってください。\n" + where)
    where = (f"Log file: {log_path}" if log_path is not None
             else "The log file could not be written: use Copy details and send the text instead.")
    return ("Please try again. If it fails again, restart ALTdesk. If it still fails, send the log file "
            "to your ALTdesk support contact.\n" + where)


class FaultDialog(QDialog):
    def __init__(self, exc: BaseException, action: Action, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fault_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.details = details
        self.repeats = 0
        lang = current_language()
        other = "en" if lang == "ja" else "ja"

        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(32, 32))
        self.message = QLabel(f"<b>{_html(action.text(lang))}</b><br>{_html(advice(lang, log_path))}", self)
        self.message.setObjectName("fault_message")
        self.other = QLabel(f"{_html(action.text(other))}<br>{_html(advice(other, log_path))}", self)
        self.other.setObjectName("fault_message_other")
        self.other.setEnabled(False)  # greyed: the second language, for a colleague or support
        self.repeat_label = QLabel(self)
        self.repeat_label.setObjectName("fault_repeats")
        self.repeat_label.hide()
        for label in (self.message, self.other, self.repeat_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copy_details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.message)
        layout.addWidget(self.other)
        layout.addWidget(self.repeat_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ALTdesk: something went wrong"))
        self.copy_button.setText(self.tr("Copy details"))
        self.copy_button.setToolTip(self.tr("Copy the version and the technical details, to send with the log"))
        self.close_button.setText(self.tr("Close"))
        if self.repeats:
            self.repeat_label.setText(self.tr("It failed %n more time(s) while this message was open.", "",
                                              self.repeats))

    def count_repeat(self) -> None:
        """Another fault came while this dialog was open: counted here, not a dialog of its own."""
        self.repeats += 1
        self.repeat_label.show()
        self.retranslate()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
