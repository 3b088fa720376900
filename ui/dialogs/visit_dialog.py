"""Create or edit one visit, with the conflicts the change would bring shown before saving."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import LunchMode, VisitStatus
from altdesk.errors import InvalidInput
from altdesk.labels import LUNCH_MODE_LABELS, label
from altdesk.services.calendar_view import FilterChoices
from altdesk.services.visits import VisitDraft, preview
from altdesk.services.workspace import Workspace
from ui.calendar.month_week_models import status_label
from ui.calendar.move_confirm import readable_message
from ui.formatting import setup_date_edit
from ui.settings import current_language
from ui.severity_icons import severity_icon

ERROR_STYLE = "border: 2px solid #D55E00;"


class VisitDialogLayout:
    """The widgets and their arrangement (behaviour lives in VisitDialog)."""

    def setup(self, dialog: QDialog) -> None:
        self.alt = QComboBox(dialog)
        self.school = QComboBox(dialog)
        for combo in (self.alt, self.school):
            combo.setEditable(True)  # type to find among hundreds
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.date = QDateEdit(dialog)
        setup_date_edit(self.date)  # 2026年6月1日(月) in Japanese
        self.start = QTimeEdit(dialog)
        self.end = QTimeEdit(dialog)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.periods = QLineEdit(dialog)
        self.classes = QSpinBox(dialog)
        self.classes.setRange(0, 8)
        self.lunch = QComboBox(dialog)
        self.status = QComboBox(dialog)
        self.note = QLineEdit(dialog)
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("alt", self.alt), ("school", self.school), ("date", self.date), ("start", self.start),
                            ("end", self.end), ("periods", self.periods), ("classes", self.classes),
                            ("lunch", self.lunch), ("status", self.status), ("note", self.note)):
            text = QLabel(dialog)
            text.setBuddy(widget)
            self.labels[key] = text
            self.form.addRow(text, widget)
        self.conflict_title = QLabel(dialog)
        self.conflicts = QListWidget(dialog)
        self.conflicts.setMaximumHeight(110)
        self.conflicts.setWordWrap(True)  # a conflict is a sentence; read it whole
        self.error = QLabel(dialog)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #D55E00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        dialog)
        layout = QVBoxLayout(dialog)
        layout.addLayout(self.form)
        layout.addWidget(self.conflict_title)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        dialog.setMinimumWidth(480)


class VisitDialog(QDialog):
    def __init__(self, ws: Workspace, choices: FilterChoices, draft: VisitDraft, visit_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VisitDialog")
        self.ws = ws
        self.visit_id = visit_id
        self.choices = choices
        self.ui = VisitDialogLayout()
        self.ui.setup(self)
        lang = current_language()
        for alt_id, text in choices.alts:
            self.ui.alt.addItem(text, alt_id)
        for school_id, text_ja, text_en in choices.schools:
            self.ui.school.addItem(text_ja if lang == "ja" else text_en, school_id)
        self.ui.lunch.addItem("", None)
        for mode in LunchMode:
            self.ui.lunch.addItem(label(LUNCH_MODE_LABELS[mode], lang), mode)
        for status in VisitStatus:
            self.ui.status.addItem(status_label(status), status)
        self._load(draft)
        self.retranslate()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.refresh_preview)
        for signal in (self.ui.alt.currentIndexChanged, self.ui.school.currentIndexChanged, self.ui.date.dateChanged,
                       self.ui.start.timeChanged, self.ui.end.timeChanged, self.ui.classes.valueChanged,
                       self.ui.lunch.currentIndexChanged, self.ui.status.currentIndexChanged):
            signal.connect(self._preview_timer.start)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.refresh_preview()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit visit") if self.visit_id else self.tr("New visit"))
        titles = {"alt": self.tr("ALT"), "school": self.tr("School"), "date": self.tr("Date"),
                  "start": self.tr("Start"), "end": self.tr("End"), "periods": self.tr("Periods"),
                  "classes": self.tr("Classes"), "lunch": self.tr("Lunch"), "status": self.tr("Status"),
                  "note": self.tr("Note")}
        for key, text in titles.items():
            self.ui.labels[key].setText(text)
        self.ui.lunch.setItemText(0, self.tr("Derive from school and diet"))
        self.ui.periods.setPlaceholderText(self.tr("e.g. 1-4"))
        self.ui.conflict_title.setText(self.tr("What this would break:"))
        self.ui.conflicts.setAccessibleName(self.tr("Conflicts this change would cause"))

    def _load(self, draft: VisitDraft) -> None:
        self.ui.alt.setCurrentIndex(max(0, self.ui.alt.findData(draft.alt_id)))
        self.ui.school.setCurrentIndex(max(0, self.ui.school.findData(draft.school_id)))
        self.ui.date.setDate(QDate(draft.date.year, draft.date.month, draft.date.day))
        self.ui.start.setTime(QTime(draft.start_time.hour, draft.start_time.minute))
        self.ui.end.setTime(QTime(draft.end_time.hour, draft.end_time.minute))
        self.ui.periods.setText(draft.periods)
        self.ui.classes.setValue(draft.classes)
        self.ui.lunch.setCurrentIndex(max(0, self.ui.lunch.findData(draft.lunch_mode)))
        self.ui.status.setCurrentIndex(max(0, self.ui.status.findData(draft.status)))
        self.ui.note.setText(draft.note)

    def draft(self) -> VisitDraft:
        qdate, start, end = self.ui.date.date(), self.ui.start.time(), self.ui.end.time()
        return VisitDraft(
            alt_id=self.ui.alt.currentData(),
            school_id=self.ui.school.currentData(),
            date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            start_time=dt.time(start.hour(), start.minute()),
            end_time=dt.time(end.hour(), end.minute()),
            periods=self.ui.periods.text().strip(),
            classes=self.ui.classes.value(),
            lunch_mode=self.ui.lunch.currentData(),
            status=self.ui.status.currentData(),
            note=self.ui.note.text().strip(),
        )

    def _widget_for(self, field: str | None) -> QWidget | None:
        return {"alt": self.ui.alt, "school": self.ui.school, "end_time": self.ui.end, "classes": self.ui.classes,
                "date": self.ui.date}.get(field or "")

    def _show_error(self, exc: InvalidInput | None) -> None:
        for widget in (self.ui.alt, self.ui.school, self.ui.end, self.ui.classes, self.ui.date):
            widget.setStyleSheet("")
        if exc is None:
            self.ui.error.clear()
            return
        self.ui.error.setText(exc.message(current_language()))
        widget = self._widget_for(exc.field)
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()

    def refresh_preview(self) -> None:
        self.ui.conflicts.clear()
        if self.ui.alt.currentData() is None or self.ui.school.currentData() is None:
            return
        try:
            conflicts = preview(self.ws, self.draft(), self.visit_id)
        except InvalidInput as exc:
            self._show_error(exc)
            return
        self._show_error(None)
        lang = current_language()
        names = {}
        for _id, text_ja, text_en in self.choices.schools:
            code, _, name = (text_ja if lang == "ja" else text_en).partition(" ")
            names[code] = name or code
        for conflict in conflicts:  # the badge's shape tells error from warning, as in the conflicts list
            text = readable_message(conflict, names, lang)
            item = QListWidgetItem(severity_icon(conflict.severity), text)
            item.setToolTip(text)
            self.ui.conflicts.addItem(item)
        if not conflicts:
            self.ui.conflicts.addItem(self.tr("No conflicts."))

    def accept(self) -> None:
        if self.ui.alt.currentData() is None:
            self._show_error(InvalidInput("Choose an ALT.", "ALTを選択してください。", field="alt"))
            return
        if self.ui.school.currentData() is None:
            self._show_error(InvalidInput("Choose a school.", "学校を選択してください。", field="school"))
            return
        try:
            preview(self.ws, self.draft(), self.visit_id)  # validates
        except InvalidInput as exc:
            self._show_error(exc)
            return
        super().accept()
