"""Preferences: the language of the app (applied at once) and the lunch-mark style."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.settings import current_language, settings

LANGUAGES = (("en", "English"), ("ja", "日本語"))


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreferencesDialog")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGES:  # each language is named in itself
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)  # room for the title bar's Japanese title
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("Language"))
        self.language.setAccessibleName(self.tr("Language"))

    def chosen_language(self) -> str:
        return self.language.currentData()

    def accept(self) -> None:
        settings().setValue("ui/language", self.chosen_language())
        super().accept()
