"""The school editor: names, level, board and contacts; lunch policy; the bell schedule."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import LunchPolicy
from altdesk.labels import LEVEL_LABELS, LUNCH_POLICY_LABELS, label
from altdesk.services.records import Choice, SchoolForm
from ui.dialogs.bell_schedule_editor import BellScheduleEditor
from ui.dialogs.demand_editor import DemandEditor
from ui.dialogs.form_support import add_row, latin_only, select_data, set_label
from ui.dialogs.notice_rule_editor import NoticeRuleEditor
from ui.dialogs.record_dialog import RecordDialog
from ui.level_icons import level_icon
from ui.settings import current_language

translate = QCoreApplication.translate
NOT_SET = -1  # spin box value shown as "—": the contract does not say


class SchoolDialogLayout:
    def setup(self, dialog: RecordDialog, boards: Sequence[Choice]) -> None:
        dialog.setObjectName("school_dialog")
        lang = current_language()
        self.school_box = QGroupBox(dialog)
        form = QFormLayout(self.school_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.code = latin_only(QLineEdit(dialog))
        self.code.setObjectName("code")
        self.code.setMaxLength(20)
        self.name_ja = QLineEdit(dialog)  # typed with the Japanese input method
        self.name_ja.setObjectName("name_ja")
        self.name_en = QLineEdit(dialog)
        self.name_en.setObjectName("name_en")
        self.short_name = QLineEdit(dialog)
        self.short_name.setObjectName("short_name_ja")
        self.short_name.setMaxLength(40)
        self.level = QComboBox(dialog)
        self.level.setObjectName("level")
        for level in LEVEL_LABELS:
            self.level.addItem(level_icon(level), "", level)
        self.board = QComboBox(dialog)
        self.board.setObjectName("board")
        self.board.addItem("", None)
        for board in boards:
            self.board.addItem(f"{board.label(lang)} ({board.code})", board.id)
        self.address = QLineEdit(dialog)
        self.address.setObjectName("address")
        self.phone = latin_only(QLineEdit(dialog))
        self.phone.setObjectName("phone")
        self.contact = QLineEdit(dialog)
        self.contact.setObjectName("contact_teacher")
        self.contracted = QSpinBox(dialog)
        self.contracted.setObjectName("contracted_days")
        self.contracted.setRange(NOT_SET, 366)
        self.contracted.setSpecialValueText("—")
        self.location = QWidget(dialog)
        self.location.setObjectName("location")
        place = QHBoxLayout(self.location)
        place.setContentsMargins(0, 0, 0, 0)
        self.latitude = latin_only(QLineEdit(self.location))
        self.latitude.setObjectName("latitude")
        self.longitude = latin_only(QLineEdit(self.location))
        self.longitude.setObjectName("longitude")
        place.addWidget(self.latitude)
        place.addWidget(self.longitude)
        self.labels = {key: QLabel(dialog) for key in (
            "code", "name_ja", "name_en", "short", "level", "board", "address", "phone", "contact", "contracted",
            "policy", "price", "notice", "location")}
        for key, widget in (("code", self.code), ("name_ja", self.name_ja), ("name_en", self.name_en),
                            ("short", self.short_name), ("level", self.level), ("board", self.board),
                            ("address", self.address), ("phone", self.phone), ("contact", self.contact),
                            ("location", self.location), ("contracted", self.contracted)):
            add_row(form, self.labels[key], widget)

        self.lunch_box = QGroupBox(dialog)
        lunch = QFormLayout(self.lunch_box)
        lunch.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.policy = QComboBox(dialog)
        self.policy.setObjectName("lunch_policy")
        for policy in LunchPolicy:
            self.policy.addItem("", policy)
        self.price = QSpinBox(dialog)
        self.price.setObjectName("lunch_price_yen")
        self.price.setRange(0, 2000)
        self.price.setSingleStep(10)
        self.notice = NoticeRuleEditor(translate("SchoolDialog", "The board's rule"), dialog)
        self.notice.setObjectName("lunch_notice_rule")
        add_row(lunch, self.labels["policy"], self.policy)
        add_row(lunch, self.labels["price"], self.price)
        add_row(lunch, self.labels["notice"], self.notice)

        self.bell_box = QGroupBox(dialog)
        bell = QVBoxLayout(self.bell_box)
        self.bell_hint = QLabel(dialog)
        self.bell_hint.setWordWrap(True)
        self.bell = BellScheduleEditor(dialog)
        bell.addWidget(self.bell_hint)
        bell.addWidget(self.bell, 1)

        self.demand_page = QWidget(dialog)
        self.demand_page.setObjectName("demand_box")
        demand = QVBoxLayout(self.demand_page)
        self.demand_hint = QLabel(dialog)
        self.demand_hint.setWordWrap(True)
        self.demand = DemandEditor(dialog)
        demand.addWidget(self.demand_hint)
        demand.addWidget(self.demand, 1)


        left = QVBoxLayout()
        left.addWidget(self.school_box)
        left.addWidget(self.lunch_box)
        left.addStretch(1)
        self.school_page = QWidget(dialog)
        columns = QHBoxLayout(self.school_page)
        columns.addLayout(left, 3)
        columns.addWidget(self.bell_box, 2)
        # The school on one tab, its demand (a wide table) on the other, each the dialog's whole width.
        self.tabs = QTabWidget(dialog)
        self.tabs.setObjectName("school_tabs")
        self.tabs.addTab(self.school_page, "")
        self.tabs.addTab(self.demand_page, "")
        layout = QVBoxLayout(dialog)
        layout.addWidget(dialog.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(dialog.buttons)
        order: list[QWidget] = [self.code, self.name_ja, self.name_en, self.short_name, self.level, self.board,
                                self.address, self.phone, self.contact, self.latitude, self.longitude,
                                self.contracted, self.policy, self.price,
                                self.notice.kind, self.notice.days, self.notice.days_time, self.notice.day,
                                self.notice.day_time, self.bell.table, self.bell.add_button,
                                self.bell.remove_button, self.tabs, self.demand.table, self.demand.add_button,
                                self.demand.remove_button, dialog.buttons]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self, dialog: RecordDialog) -> None:
        lang = current_language()
        self.school_box.setTitle(translate("SchoolDialog", "School"))
        for key, widget, text in (
            ("code", self.code, translate("SchoolDialog", "&Code:")),
            ("name_ja", self.name_ja, translate("SchoolDialog", "&Name (Japanese):")),
            ("name_en", self.name_en, translate("SchoolDialog", "Name (&English):")),
            ("short", self.short_name, translate("SchoolDialog", "&Short name:")),
            ("level", self.level, translate("SchoolDialog", "&Level:")),
            ("board", self.board, translate("SchoolDialog", "&Board of education:")),
            ("address", self.address, translate("SchoolDialog", "&Address:")),
            ("phone", self.phone, translate("SchoolDialog", "&Phone:")),
            ("contact", self.contact, translate("SchoolDialog", "Contact &teacher:")),
            ("contracted", self.contracted, translate("SchoolDialog", "Contracted da&ys:")),
            ("location", self.latitude, translate("SchoolDialog", "Locat&ion (lat., long.):")),
            ("policy", self.policy, translate("SchoolDialog", "L&unch policy:")),
            ("price", self.price, translate("SchoolDialog", "P&rice per meal:")),
            ("notice", self.notice, translate("SchoolDialog", "Notice &deadline:")),
        ):
            set_label(self.labels[key], widget, text)
        self.name_ja.setPlaceholderText(translate("SchoolDialog", "e.g. さくら市立桜台小学校"))
        self.short_name.setPlaceholderText(translate("SchoolDialog", "e.g. 桜台小 (for the board view)"))
        self.contracted.setSuffix(translate("SchoolDialog", " days a year"))
        self.contracted.setToolTip(translate("SchoolDialog", "Visit days a year in the contract; — if it sets none."))
        self.price.setSuffix(translate("SchoolDialog", " yen"))
        for i, level in enumerate(LEVEL_LABELS):
            self.level.setItemText(i, label(LEVEL_LABELS[level], lang))
        self.board.setItemText(0, translate("SchoolDialog", "— none —"))
        for i in range(self.policy.count()):
            self.policy.setItemText(i, label(LUNCH_POLICY_LABELS[self.policy.itemData(i)], lang))
        self.lunch_box.setTitle(translate("SchoolDialog", "Lunch (給食)"))
        self.bell_box.setTitle(translate("SchoolDialog", "Bell schedule (校時)"))
        self.bell_hint.setText(translate("SchoolDialog", "Periods in order; double-click or type to change a time."))
        self.bell.retranslate()
        self.latitude.setPlaceholderText(translate("SchoolDialog", "latitude, e.g. 35.8617"))
        self.longitude.setPlaceholderText(translate("SchoolDialog", "longitude, e.g. 139.6455"))
        self.latitude.setAccessibleName(translate("SchoolDialog", "Latitude"))
        self.longitude.setAccessibleName(translate("SchoolDialog", "Longitude"))
        self.location.setToolTip(translate(
            "SchoolDialog", "Where the school is, in decimal degrees (both or neither): the planner estimates travel "
            "from it."))
        self.tabs.setTabText(0, translate("SchoolDialog", "School"))
        self.tabs.setTabText(1, translate("SchoolDialog", "Demand"))
        self.demand_hint.setText(translate(
            "SchoolDialog", "ALT days the school asks for, per week or per fortnight; rows in force together add up. "
            "No weekday ticked: any weekday."))
        self.demand.retranslate()
        self.notice.retranslate()


class SchoolDialog(RecordDialog[SchoolForm, SchoolForm]):
    def __init__(self, form: SchoolForm, boards: Sequence[Choice], save: Callable[[SchoolForm], SchoolForm],
                 reload: Callable[[], SchoolForm] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, reload, parent)
        self.ui = SchoolDialogLayout()
        self.ui.setup(self, boards)
        self.ui.retranslate(self)
        ui = self.ui
        self.first_field = ui.code
        for field, widget in (("code", ui.code), ("name_ja", ui.name_ja), ("name_en", ui.name_en),
                              ("short_name_ja", ui.short_name), ("level", ui.level), ("board_id", ui.board),
                              ("address", ui.address), ("phone", ui.phone), ("contact_teacher", ui.contact),
                              ("contracted_days", ui.contracted), ("lunch_policy", ui.policy),
                              ("lunch_price_yen", ui.price), ("lunch_notice_rule", ui.notice.kind),
                              ("latitude", ui.latitude), ("longitude", ui.longitude)):
            # Exact names: "code" must not catch another field; an error brings the School tab to the front.
            self.errors.add_prefix(field, lambda f, name=field, w=widget: self._on_school_tab(w) if f == name else None)
        self.errors.add_prefix("periods.", self._show_period_error)
        self.errors.add_prefix("demands.", self._show_demand_error)
        ui.policy.currentIndexChanged.connect(self._policy_changed)
        self._form = form
        self.load(form)
        self.resize(self.sizeHint().width(), min(self.sizeHint().height(), 700))

    def _on_school_tab(self, widget: QWidget) -> QWidget:
        self.ui.tabs.setCurrentWidget(self.ui.school_page)
        return widget

    def _show_demand_error(self, field: str) -> QWidget | None:
        self.ui.tabs.setCurrentWidget(self.ui.demand_page)
        return self.ui.demand.show_error(field)

    def _show_period_error(self, field: str) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.school_page)
        self.ui.bell.show_error(field)
        return None  # the cell is tinted and selected; the table itself is not marked as a whole

    def _policy_changed(self) -> None:
        serves = self.ui.policy.currentData() != LunchPolicy.NONE
        self.ui.price.setEnabled(serves)
        self.ui.notice.setEnabled(serves)

    def load(self, form: SchoolForm) -> None:
        self._form = form
        ui = self.ui
        self.setWindowTitle(self.tr("New school") if form.id is None else
                            self.tr("School %1 – %2").replace("%1", form.code).replace("%2", form.name_ja))
        ui.code.setText(form.code)
        ui.name_ja.setText(form.name_ja)
        ui.name_en.setText(form.name_en)
        ui.short_name.setText(form.short_name_ja)
        select_data(ui.level, form.level)
        select_data(ui.board, form.board_id)
        ui.address.setText(form.address)
        ui.phone.setText(form.phone)
        ui.contact.setText(form.contact_teacher)
        ui.contracted.setValue(NOT_SET if form.contracted_days is None else form.contracted_days)
        select_data(ui.policy, form.lunch_policy)
        ui.price.setValue(form.lunch_price_yen)
        ui.notice.set_rule(form.lunch_notice_rule)
        ui.bell.model.set_periods(form.periods)
        ui.latitude.setText(coordinate_text(form.latitude))
        ui.longitude.setText(coordinate_text(form.longitude))
        ui.demand.set_demands(form.demands)
        self._policy_changed()

    def collect(self) -> SchoolForm:
        ui = self.ui
        contracted = ui.contracted.value()
        return SchoolForm(
            id=self._form.id, version=self._form.version, code=ui.code.text(), name_ja=ui.name_ja.text(),
            name_en=ui.name_en.text(), short_name_ja=ui.short_name.text(), level=ui.level.currentData(),
            board_id=ui.board.currentData(), address=ui.address.text(), phone=ui.phone.text(),
            contact_teacher=ui.contact.text(), lunch_policy=ui.policy.currentData(),
            lunch_price_yen=ui.price.value(), lunch_notice_rule=ui.notice.rule(),
            contracted_days=None if contracted == NOT_SET else contracted, periods=ui.bell.model.periods(),
            latitude=coordinate_value(ui.latitude.text()), longitude=coordinate_value(ui.longitude.text()),  # type: ignore[arg-type]
            demands=ui.demand.demands(),
        )


def coordinate_text(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def coordinate_value(text: str) -> float | str | None:
    """What was typed: a number, nothing (None), or the text itself for the core to refuse by name."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text  # full-width digits are read by the core too
