"""Overriding the national-holiday layer for one date: a holiday worked, or a day made a holiday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from altdesk.services.records import HolidayOverrideForm
from ui.dialogs.form_support import add_row, date_edit, from_qdate, set_label, to_qdate
from ui.dialogs.record_dialog import RecordDialog
from ui.formatting import format_date
from ui.settings import current_language

translate = QCoreApplication.translate
HolidayLookup = Callable[[dt.date], tuple[str, str] | None]


class HolidayOverrideDialogLayout:
    def setup(self, dialog: RecordDialog) -> None:
        dialog.setObjectName("holiday_override_dialog")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.date = date_edit(dialog)
        self.date.setObjectName("date")
        self.national = QLabel(dialog)
        self.national.setObjectName("national_holiday")
        self.working = QRadioButton(dialog)
        self.working.setObjectName("is_working_day")
        self.holiday = QRadioButton(dialog)
        self.holiday.setObjectName("is_holiday")
        self.choice = QButtonGroup(dialog)
        self.choice.addButton(self.working)
        self.choice.addButton(self.holiday)
        self.name_ja = QLineEdit(dialog)
        self.name_ja.setObjectName("name_ja")
        self.name_en = QLineEdit(dialog)
        self.name_en.setObjectName("name_en")
        self.labels = {key: QLabel(dialog) for key in ("date", "national", "effect", "ja", "en")}
        add_row(form, self.labels["date"], self.date)
        add_row(form, self.labels["national"], self.national)
        add_row(form, self.labels["effect"], self.working)
        form.addRow("", self.holiday)
        add_row(form, self.labels["ja"], self.name_ja)
        add_row(form, self.labels["en"], self.name_en)
        layout = QVBoxLayout(dialog)
        layout.addWidget(dialog.banner)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(dialog.buttons)
        order: list[QWidget] = [self.date, self.working, self.holiday, self.name_ja, self.name_en, dialog.buttons]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self, dialog: RecordDialog) -> None:
        for key, widget, text in (
            ("date", self.date, translate("HolidayOverrideDialog", "&Date:")),
            ("national", self.national, translate("HolidayOverrideDialog", "National holiday:")),
            ("effect", self.working, translate("HolidayOverrideDialog", "This day is:")),
            ("ja", self.name_ja, translate("HolidayOverrideDialog", "&Name (Japanese):")),
            ("en", self.name_en, translate("HolidayOverrideDialog", "Name (&English):")),
        ):
            set_label(self.labels[key], widget, text)
        self.working.setText(translate("HolidayOverrideDialog", "A &working day: schools are open"))
        self.holiday.setText(translate("HolidayOverrideDialog", "A &holiday: no visits"))
        self.working.setAccessibleName(self.working.text().replace("&", ""))  # its own words, not the row's label
        self.holiday.setAccessibleName(self.holiday.text().replace("&", ""))
        self.name_ja.setPlaceholderText(translate("HolidayOverrideDialog", "e.g. 授業日 (why it is worked)"))


class HolidayOverrideDialog(RecordDialog[HolidayOverrideForm, HolidayOverrideForm]):
    def __init__(self, form: HolidayOverrideForm, save: Callable[[HolidayOverrideForm], HolidayOverrideForm],
                 lookup: HolidayLookup, reload: Callable[[], HolidayOverrideForm] | None = None,
                 today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, reload, parent)
        self._today = today or dt.date.today()
        self._lookup = lookup
        self.ui = HolidayOverrideDialogLayout()
        self.ui.setup(self)
        self.ui.retranslate(self)
        ui = self.ui
        self.first_field = ui.date
        for field, widget in (("date", ui.date), ("is_holiday", ui.holiday), ("name_ja", ui.name_ja),
                              ("name_en", ui.name_en)):
            self.errors.add(field, widget)
        ui.date.dateChanged.connect(self._date_changed)
        self._form = form
        self.load(form)
        self.setMinimumWidth(480)

    def _date_changed(self) -> None:
        day = from_qdate(self.ui.date.date())
        found = self._lookup(day) if day else None
        if found is None:
            self.ui.national.setText(self.tr("— (an ordinary day)"))
        else:
            ja, en = found
            self.ui.national.setText(ja if current_language() == "ja" else f"{en} ({ja})")

    def load(self, form: HolidayOverrideForm) -> None:
        self._form = form
        ui = self.ui
        self.setWindowTitle(self.tr("Holiday override") if form.id is None else
                            self.tr("Holiday override – %1").replace("%1", format_date(form.date) if form.date else ""))
        ui.date.setDate(to_qdate(form.date or self._today))
        ui.date.setEnabled(form.id is None)  # the date is what an override is about: delete and add to move it
        (ui.holiday if form.is_holiday else ui.working).setChecked(True)
        ui.name_ja.setText(form.name_ja)
        ui.name_en.setText(form.name_en)
        self._date_changed()

    def collect(self) -> HolidayOverrideForm:
        ui = self.ui
        return HolidayOverrideForm(id=self._form.id, version=self._form.version, date=from_qdate(ui.date.date()),
                                   is_holiday=ui.holiday.isChecked(), name_ja=ui.name_ja.text(),
                                   name_en=ui.name_en.text())
