"""The board of education editor: its terms and its breaks and closure days, saved together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import DayOffKind
from altdesk.services.records import BoardForm, DayOffForm, validate_day_off
from ui.dialogs.day_off_dialog import DayOffDialog, day_off_kind_text
from ui.dialogs.form_support import add_row, latin_only, set_label
from ui.dialogs.notice_rule_editor import NoticeRuleEditor
from ui.dialogs.record_dialog import RecordDialog
from ui.formatting import format_date
from ui.models.row_table import Column, RowTableModel

translate = QCoreApplication.translate
NOT_SET = -1


def closure_columns() -> list[Column[DayOffForm]]:
    def days(form: DayOffForm) -> int:
        return (form.end_date - form.start_date).days + 1 if form.start_date and form.end_date else 0

    return [
        Column("kind", lambda: translate("BoardDialog", "Kind"), lambda f: day_off_kind_text(f.kind)),
        Column("from", lambda: translate("BoardDialog", "From"),
               lambda f: format_date(f.start_date) if f.start_date else "",
               sort=lambda f: f.start_date.isoformat() if f.start_date else ""),
        Column("to", lambda: translate("BoardDialog", "To"), lambda f: format_date(f.end_date) if f.end_date else "",
               sort=lambda f: f.end_date.isoformat() if f.end_date else ""),
        Column("days", lambda: translate("BoardDialog", "Days"), lambda f: str(days(f)), sort=days, align_right=True),
        Column("name", lambda: translate("BoardDialog", "Name"),
               lambda f: f.name_ja + (f" / {f.name_en}" if f.name_en else "")),
    ]


class BoardDialogLayout:
    def setup(self, dialog: RecordDialog) -> None:
        dialog.setObjectName("board_dialog")
        self.board_box = QGroupBox(dialog)
        form = QFormLayout(self.board_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.code = latin_only(QLineEdit(dialog))
        self.code.setObjectName("code")
        self.code.setMaxLength(20)
        self.name_ja = QLineEdit(dialog)
        self.name_ja.setObjectName("name_ja")
        self.name_en = QLineEdit(dialog)
        self.name_en.setObjectName("name_en")
        self.days = QSpinBox(dialog)
        self.days.setObjectName("contract_days_per_year")
        self.days.setRange(NOT_SET, 366)
        self.days.setSpecialValueText("—")
        self.hours = QDoubleSpinBox(dialog)
        self.hours.setObjectName("contract_hours_per_day")
        self.hours.setRange(0, 24)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setSpecialValueText("—")  # 0 means the contract does not say
        self.notice = NoticeRuleEditor(translate("BoardDialog", "The branch default"), dialog)
        self.notice.setObjectName("lunch_notice_rule")
        self.labels = {key: QLabel(dialog) for key in ("code", "ja", "en", "days", "hours", "notice")}
        for key, widget in (("code", self.code), ("ja", self.name_ja), ("en", self.name_en), ("days", self.days),
                            ("hours", self.hours), ("notice", self.notice)):
            add_row(form, self.labels[key], widget)

        self.closures_box = QGroupBox(dialog)
        closures = QVBoxLayout(self.closures_box)
        self.closures_model: RowTableModel[DayOffForm] = RowTableModel(closure_columns(), dialog)
        self.closures = QTableView(dialog)
        self.closures.setObjectName("closures")
        self.closures.setModel(self.closures_model)
        self.closures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.closures.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.closures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.closures.setAlternatingRowColors(True)
        self.closures.verticalHeader().setVisible(False)
        self.closures.verticalHeader().setDefaultSectionSize(dialog.fontMetrics().height() + 8)
        header = self.closures.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(dialog)
        self.add_button.setObjectName("add_closure")
        self.edit_button = QPushButton(dialog)
        self.edit_button.setObjectName("edit_closure")
        self.remove_button = QPushButton(dialog)
        self.remove_button.setObjectName("remove_closure")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        closures.addWidget(self.closures, 1)
        closures.addLayout(buttons)

        layout = QVBoxLayout(dialog)
        layout.addWidget(dialog.banner)
        layout.addWidget(self.board_box)
        layout.addWidget(self.closures_box, 1)
        layout.addWidget(dialog.buttons)
        order: list[QWidget] = [self.code, self.name_ja, self.name_en, self.days, self.hours, self.notice.kind,
                                self.notice.days, self.notice.days_time, self.notice.day, self.notice.day_time,
                                self.closures, self.add_button, self.edit_button, self.remove_button,
                                dialog.buttons]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self, dialog: RecordDialog) -> None:
        self.board_box.setTitle(translate("BoardDialog", "Board of education (教育委員会)"))
        for key, widget, text in (
            ("code", self.code, translate("BoardDialog", "&Code:")),
            ("ja", self.name_ja, translate("BoardDialog", "&Name (Japanese):")),
            ("en", self.name_en, translate("BoardDialog", "Name (&English):")),
            ("days", self.days, translate("BoardDialog", "Contract &days:")),
            ("hours", self.hours, translate("BoardDialog", "Contract &hours:")),
            ("notice", self.notice, translate("BoardDialog", "Lunch notice dead&line:")),
        ):
            set_label(self.labels[key], widget, text)
        self.name_ja.setPlaceholderText(translate("BoardDialog", "e.g. さくら市教育委員会"))
        self.days.setSuffix(translate("BoardDialog", " days a year"))
        self.hours.setSuffix(translate("BoardDialog", " hours a day"))
        self.closures_box.setTitle(translate("BoardDialog", "Breaks and closure days"))
        self.closures.setAccessibleName(translate("BoardDialog", "Breaks and closure days"))
        self.add_button.setText(translate("BoardDialog", "&Add…"))
        self.edit_button.setText(translate("BoardDialog", "Ed&it…"))
        self.remove_button.setText(translate("BoardDialog", "&Remove"))
        self.closures_model.retranslate()
        self.notice.retranslate()


class BoardDialog(RecordDialog[BoardForm, BoardForm]):
    """Closure edits stay in the dialog until Save: one transaction saves the board and its list."""

    def __init__(self, form: BoardForm, save: Callable[[BoardForm], BoardForm],
                 reload: Callable[[], BoardForm] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, reload, parent)
        self.ui = BoardDialogLayout()
        self.ui.setup(self)
        self.ui.retranslate(self)
        ui = self.ui
        self.first_field = ui.code
        for field, widget in (("code", ui.code), ("name_ja", ui.name_ja), ("name_en", ui.name_en),
                              ("contract_days_per_year", ui.days), ("contract_hours_per_day", ui.hours),
                              ("lunch_notice_rule", ui.notice.kind)):
            self.errors.add(field, widget)
        self.errors.add_prefix("closures.", self._show_closure_error)
        ui.add_button.clicked.connect(self.add_closure)
        ui.edit_button.clicked.connect(self.edit_closure)
        ui.remove_button.clicked.connect(self.remove_closure)
        ui.closures.doubleClicked.connect(lambda _index: self.edit_closure())
        ui.closures.selectionModel().selectionChanged.connect(self._update_buttons)
        self._form = form
        self._closures: list[DayOffForm] = []
        self.load(form)
        self.resize(max(self.sizeHint().width(), 640), 600)

    # --- the closure list, staged until Save ---

    def _set_closures(self, closures: list[DayOffForm], select: int | None = None) -> None:
        self._closures = sorted(closures, key=lambda c: (c.start_date or c.end_date, c.name_ja))  # type: ignore[arg-type, return-value]
        self.ui.closures_model.set_rows(self._closures)
        self.ui.closures.resizeColumnsToContents()
        if select is not None:
            target = closures[select] if 0 <= select < len(closures) else None
            if target in self._closures:
                self.ui.closures.selectRow(self._closures.index(target))
        self._update_buttons()

    def _selected_row(self) -> int | None:
        rows = self.ui.closures.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        selected = self._selected_row() is not None
        self.ui.edit_button.setEnabled(selected)
        self.ui.remove_button.setEnabled(selected)

    def _stage(self, form: DayOffForm) -> DayOffForm:
        """What the closure dialog's Save does here: validate now, write with the board later."""
        return validate_day_off(replace(form, board_id=self._form.id or 0))

    def _closure_dialog(self, form: DayOffForm) -> DayOffForm | None:
        dialog = DayOffDialog(form, self._stage, kinds=(DayOffKind.BREAK, DayOffKind.CLOSURE), fixed_board=True,
                              parent=self)
        return dialog.saved if dialog.exec() else None

    def add_closure(self) -> None:
        last = self._closures[-1] if self._closures else None
        draft = DayOffForm(kind=DayOffKind.CLOSURE, board_id=self._form.id,
                           start_date=last.end_date if last else None)
        added = self._closure_dialog(draft)
        if added is not None:
            self._set_closures([*self._closures, added], select=len(self._closures))

    def edit_closure(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        edited = self._closure_dialog(self._closures[row])
        if edited is not None:
            closures = list(self._closures)
            closures[row] = edited
            self._set_closures(closures, select=row)

    def remove_closure(self) -> None:
        row = self._selected_row()
        if row is not None:
            self._set_closures([c for i, c in enumerate(self._closures) if i != row])

    def _show_closure_error(self, field: str) -> None:
        parts = field.split(".")
        if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) < len(self._closures):
            self.ui.closures.selectRow(int(parts[1]))
            self.ui.closures.setFocus(Qt.FocusReason.OtherFocusReason)
        return None

    # --- form ---

    def load(self, form: BoardForm) -> None:
        self._form = form
        ui = self.ui
        self.setWindowTitle(self.tr("New board of education") if form.id is None else
                            self.tr("Board of education %1 – %2").replace("%1", form.code).replace("%2", form.name_ja))
        ui.code.setText(form.code)
        ui.name_ja.setText(form.name_ja)
        ui.name_en.setText(form.name_en)
        ui.days.setValue(NOT_SET if form.contract_days_per_year is None else form.contract_days_per_year)
        ui.hours.setValue(form.contract_hours_per_day or 0)
        ui.notice.set_rule(form.lunch_notice_rule)
        self._set_closures(list(form.closures))

    def collect(self) -> BoardForm:
        ui = self.ui
        days = ui.days.value()
        hours = ui.hours.value()
        return BoardForm(id=self._form.id, version=self._form.version, code=ui.code.text(),
                         name_ja=ui.name_ja.text(), name_en=ui.name_en.text(),
                         contract_days_per_year=None if days == NOT_SET else days,
                         contract_hours_per_day=hours or None, lunch_notice_rule=ui.notice.rule(),
                         closures=tuple(self._closures))
