"""The ALT editor: the person on the left, the diet profile (sensitive personal data) on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import AltStatus, TravelMode
from altdesk.labels import LEVEL_LABELS, label
from altdesk.lunch.diet import ALLERGEN_BY_KEY, ALLERGENS, DietReview, unreadable_text
from altdesk.services.records import AltForm
from ui.dialogs.form_support import (
    add_row,
    date_edit,
    from_qdate,
    latin_only,
    multiline,
    select_data,
    set_label,
    to_qdate,
)
from ui.dialogs.record_dialog import RecordDialog
from ui.dialogs.school_dialog import coordinate_text, coordinate_value
from ui.settings import current_language

translate = QCoreApplication.translate


def allergen_text(key: str, lang: str) -> str:
    """"Egg (卵)" in English — schools' labels say 卵 — and just 卵 in Japanese."""
    term = ALLERGEN_BY_KEY[key]
    return term.ja if lang == "ja" else f"{term.en.capitalize()} ({term.ja})"


# The review choices: "" is "to review" (own lunch until a coordinator decides).
REVIEW_CHOICES: tuple[str, ...] = ("", DietReview.SCHOOL_LUNCH_OK.value, DietReview.OWN_LUNCH.value)



def _level_checks(parent: QWidget, name: str, prefix: str, columns: int) -> tuple[QWidget, dict[str, QCheckBox]]:
    """A box of one check per school level, in a grid (the levels taught, the levels preferred)."""
    box = QWidget(parent)
    box.setObjectName(name)
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    checks: dict[str, QCheckBox] = {}
    for i, level in enumerate(LEVEL_LABELS):
        check = QCheckBox(box)
        check.setObjectName(f"{prefix}_{level.value}")
        checks[level.value] = check
        grid.addWidget(check, i // columns, i % columns)
    return box, checks

class AltDialogLayout:
    """Widgets and their arrangement; no behaviour (OpenLP's Ui_ classes)."""

    def setup(self, dialog: RecordDialog) -> None:
        dialog.setObjectName("alt_dialog")
        self.person_box = QGroupBox(dialog)
        person = QFormLayout(self.person_box)
        person.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.code = latin_only(QLineEdit(dialog))
        self.code.setObjectName("code")
        self.code.setMaxLength(20)
        self.family_name = QLineEdit(dialog)
        self.family_name.setObjectName("family_name")
        self.given_name = QLineEdit(dialog)
        self.given_name.setObjectName("given_name")
        self.kana = QLineEdit(dialog)  # typed with the Japanese input method
        self.kana.setObjectName("kana")
        self.nationality = QLineEdit(dialog)
        self.nationality.setObjectName("nationality")
        self.start_date = date_edit(dialog, optional=True)
        self.start_date.setObjectName("start_date")
        self.status = QComboBox(dialog)
        self.status.setObjectName("status")
        for value in AltStatus:
            self.status.addItem("", value)
        self.email = latin_only(QLineEdit(dialog))
        self.email.setObjectName("email")
        self.phone = latin_only(QLineEdit(dialog))
        self.phone.setObjectName("phone")
        self.weekly_limit = QSpinBox(dialog)
        self.weekly_limit.setObjectName("weekly_class_limit")
        self.weekly_limit.setRange(0, 99)
        self.levels_box, self.level_checks = _level_checks(dialog, "levels", "level", columns=2)
        self.labels = {key: QLabel(dialog) for key in (
            "code", "family", "given", "kana", "nationality", "start", "status", "email", "phone", "limit", "levels")}
        for key, widget in (("code", self.code), ("family", self.family_name), ("given", self.given_name),
                            ("kana", self.kana), ("nationality", self.nationality), ("start", self.start_date),
                            ("status", self.status), ("email", self.email), ("phone", self.phone),
                            ("limit", self.weekly_limit), ("levels", self.levels_box)):
            add_row(person, self.labels[key], widget)

        self.planning_box = QGroupBox(dialog)
        self.planning_box.setObjectName("planning_box")
        planning = QFormLayout(self.planning_box)
        planning.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.end_date = date_edit(dialog, optional=True)
        self.end_date.setObjectName("end_date")
        self.home = QWidget(dialog)
        self.home.setObjectName("home")
        home = QHBoxLayout(self.home)
        home.setContentsMargins(0, 0, 0, 0)
        self.home_latitude = latin_only(QLineEdit(self.home))
        self.home_latitude.setObjectName("home_latitude")
        self.home_longitude = latin_only(QLineEdit(self.home))
        self.home_longitude.setObjectName("home_longitude")
        home.addWidget(self.home_latitude)
        home.addWidget(self.home_longitude)
        travel_row = QWidget(dialog)
        travel = QHBoxLayout(travel_row)
        travel.setContentsMargins(0, 0, 0, 0)
        self.travel_mode = QComboBox(dialog)
        self.travel_mode.setObjectName("travel_mode")
        for mode in TravelMode:
            self.travel_mode.addItem("", mode)
        self.max_schools = QSpinBox(dialog)
        self.max_schools.setObjectName("max_schools")
        self.max_schools.setRange(0, 20)
        self.max_schools.setSpecialValueText("—")
        self.max_schools_label = QLabel(dialog)
        self.max_schools_label.setBuddy(self.max_schools)
        travel.addWidget(self.travel_mode, 1)
        travel.addWidget(self.max_schools_label)
        travel.addWidget(self.max_schools)
        self.preferred_box, self.preferred_checks = _level_checks(dialog, "preferred_levels", "preferred", columns=3)
        for key in ("end", "home", "travel", "preferred"):
            self.labels[key] = QLabel(dialog)
        for key, widget in (("end", self.end_date), ("home", self.home), ("travel", travel_row),
                            ("preferred", self.preferred_box)):
            add_row(planning, self.labels[key], widget)

        self.diet_box = QGroupBox(dialog)
        self.diet_box.setObjectName("diet_box")
        diet = QVBoxLayout(self.diet_box)
        self.diet_note = QLabel(dialog)
        self.diet_note.setWordWrap(True)
        diet.addWidget(self.diet_note)
        self.allergens_label = QLabel(dialog)
        diet.addWidget(self.allergens_label)
        allergen_grid = QGridLayout()
        self.allergen_checks: dict[str, QCheckBox] = {}
        for i, key in enumerate(a.key for a in ALLERGENS):
            check = QCheckBox(dialog)
            check.setObjectName(f"allergen_{key}")
            self.allergen_checks[key] = check
            allergen_grid.addWidget(check, i // 4, i % 4)  # two rows of four, in the labelling order
        diet.addLayout(allergen_grid)
        self.self_form = QFormLayout()
        self.other_allergens = QLineEdit(dialog)
        self.other_allergens.setObjectName("other_allergens")
        self.other_label = QLabel(dialog)
        add_row(self.self_form, self.other_label, self.other_allergens)
        diet.addLayout(self.self_form)
        flags = QHBoxLayout()
        self.vegetarian = QCheckBox(dialog)
        self.vegetarian.setObjectName("vegetarian")
        self.vegan = QCheckBox(dialog)
        self.vegan.setObjectName("vegan")
        self.halal = QCheckBox(dialog)
        self.halal.setObjectName("halal")
        self.gluten_free = QCheckBox(dialog)
        self.gluten_free.setObjectName("gluten_free")
        for check in (self.vegetarian, self.vegan, self.halal, self.gluten_free):
            flags.addWidget(check)
        flags.addStretch(1)
        diet.addLayout(flags)
        self.notes_label = QLabel(dialog)
        diet.addWidget(self.notes_label)
        self.diet_notes = multiline(dialog, 4)
        self.diet_notes.setObjectName("diet_notes")
        self.notes_label.setBuddy(self.diet_notes)
        diet.addWidget(self.diet_notes)
        review_form = QFormLayout()
        self.review_label = QLabel(dialog)
        self.diet_review = QComboBox(dialog)
        self.diet_review.setObjectName("diet_review")
        for value in REVIEW_CHOICES:
            self.diet_review.addItem("", value)
        add_row(review_form, self.review_label, self.diet_review)
        diet.addLayout(review_form)
        self.consent = QCheckBox(dialog)
        self.consent.setObjectName("share_diet_consent")
        diet.addWidget(self.consent)
        diet.addStretch(1)

        # The diet profile and the planner's data share the right column, one tab each.
        self.right_tabs = QTabWidget(dialog)
        self.right_tabs.setObjectName("alt_tabs")
        self.diet_box.setFlat(True)
        self.planning_box.setFlat(True)
        self.right_tabs.addTab(self.diet_box, "")
        planning_page = QWidget(dialog)
        planning_layout = QVBoxLayout(planning_page)
        planning_layout.addWidget(self.planning_box)
        planning_layout.addStretch(1)
        self.right_tabs.addTab(planning_page, "")
        columns = QHBoxLayout()
        columns.addWidget(self.person_box, 1)
        columns.addWidget(self.right_tabs, 1)
        layout = QVBoxLayout(dialog)
        layout.addWidget(dialog.banner)
        layout.addLayout(columns)
        layout.addWidget(dialog.buttons)

        order: list[QWidget] = [self.code, self.family_name, self.given_name, self.kana, self.nationality,
                                self.start_date, self.status, self.email, self.phone, self.weekly_limit,
                                *self.level_checks.values(), self.right_tabs,
                                *self.allergen_checks.values(), self.other_allergens,
                                self.vegetarian, self.vegan, self.halal, self.gluten_free, self.diet_notes,
                                self.diet_review, self.consent, self.end_date, self.home_latitude,
                                self.home_longitude, self.travel_mode, self.max_schools,
                                *self.preferred_checks.values(), dialog.buttons]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self, dialog: RecordDialog) -> None:
        lang = current_language()
        self.person_box.setTitle(translate("AltDialog", "ALT"))
        for key, widget, text in (
            ("code", self.code, translate("AltDialog", "&Code:")),
            ("family", self.family_name, translate("AltDialog", "&Family name (romaji):")),
            ("given", self.given_name, translate("AltDialog", "&Given name (romaji):")),
            ("kana", self.kana, translate("AltDialog", "&Reading (katakana):")),
            ("nationality", self.nationality, translate("AltDialog", "&Nationality:")),
            ("start", self.start_date, translate("AltDialog", "S&tarted:")),
            ("status", self.status, translate("AltDialog", "St&atus:")),
            ("email", self.email, translate("AltDialog", "&E-mail:")),
            ("phone", self.phone, translate("AltDialog", "&Phone:")),
            ("limit", self.weekly_limit, translate("AltDialog", "&Weekly class limit:")),
            ("levels", self.levels_box, translate("AltDialog", "Levels taught:")),
        ):
            set_label(self.labels[key], widget, text)
        self.kana.setPlaceholderText(translate("AltDialog", "e.g. エミリー・カーター"))
        self.start_date.setToolTip(translate("AltDialog", "The first day with the company; leave — if unknown."))
        self.weekly_limit.setSuffix(translate("AltDialog", " classes"))
        status_names = {AltStatus.ACTIVE: translate("AltDialog", "Active"),
                        AltStatus.ON_LEAVE: translate("AltDialog", "On leave"),
                        AltStatus.LEFT: translate("AltDialog", "Left the company")}
        for i in range(self.status.count()):
            self.status.setItemText(i, status_names[self.status.itemData(i)])
        for level, pair in LEVEL_LABELS.items():
            check = self.level_checks[level.value]
            check.setText(label(pair, lang))
            check.setAccessibleName(translate("AltDialog", "Teaches %1").replace("%1", label(pair, lang)))
        self.planning_box.setTitle(translate("AltDialog", "What the placement planner needs"))
        self.right_tabs.setTabText(0, translate("AltDialog", "Diet"))
        self.right_tabs.setTabText(1, translate("AltDialog", "Planning"))
        set_label(self.labels["end"], self.end_date, translate("AltDialog", "Contract end&s:"))
        self.end_date.setToolTip(translate("AltDialog", "The last day of the contract; leave — if open."))
        set_label(self.labels["home"], self.home_latitude, translate("AltDialog", "&Home (lat., long.):"))
        self.home_latitude.setPlaceholderText(translate("AltDialog", "latitude, e.g. 35.8617"))
        self.home_longitude.setPlaceholderText(translate("AltDialog", "longitude, e.g. 139.6455"))
        self.home_latitude.setAccessibleName(translate("AltDialog", "Home latitude"))
        self.home_longitude.setAccessibleName(translate("AltDialog", "Home longitude"))
        self.home.setToolTip(translate("AltDialog", "Where the ALT lives, in decimal degrees (both or neither): the "
                                                    "planner estimates travel from it."))
        set_label(self.labels["travel"], self.travel_mode, translate("AltDialog", "Travels &by:"))
        mode_names = {TravelMode.CAR: translate("AltDialog", "Car"),
                      TravelMode.TRAIN_BUS: translate("AltDialog", "Train or bus"),
                      TravelMode.BICYCLE: translate("AltDialog", "Bicycle")}
        for i in range(self.travel_mode.count()):
            self.travel_mode.setItemText(i, mode_names[self.travel_mode.itemData(i)])
        set_label(self.max_schools_label, self.max_schools, translate("AltDialog", "At &most:"))
        self.max_schools.setSuffix(translate("AltDialog", " schools"))
        self.max_schools.setToolTip(translate("AltDialog", "At most this many schools for the ALT; — for no cap."))
        self.max_schools.setAccessibleName(translate("AltDialog", "At most this many schools"))
        set_label(self.labels["preferred"], self.preferred_box, translate("AltDialog", "Would rather teach:"))
        for level, pair in LEVEL_LABELS.items():
            check = self.preferred_checks[level.value]
            check.setText(label(pair, lang))
            check.setAccessibleName(translate("AltDialog", "Would rather teach %1").replace("%1", label(pair, lang)))
        self.diet_box.setTitle(translate("AltDialog", "Diet profile (sensitive personal data)"))
        self.diet_note.setText(translate(
            "AltDialog", "Decides whether the ALT can eat school lunch. Shared with schools only with the ALT's "
            "consent."))
        self.allergens_label.setText(translate("AltDialog", "Allergies to the eight labelled allergens:"))
        for key, check in self.allergen_checks.items():
            check.setText(allergen_text(key, lang))
            check.setAccessibleName(translate("AltDialog", "Allergic to %1").replace("%1", allergen_text(key, lang)))
        set_label(self.other_label, self.other_allergens, translate("AltDialog", "&Other allergens:"))
        self.other_allergens.setPlaceholderText(translate("AltDialog", "e.g. kiwi, soy"))
        self.vegetarian.setText(translate("AltDialog", "Vegetarian"))
        self.vegan.setText(translate("AltDialog", "Vegan"))
        self.halal.setText(translate("AltDialog", "Halal"))
        self.gluten_free.setText(translate("AltDialog", "Gluten-free"))
        set_label(self.notes_label, self.diet_notes, translate("AltDialog", "&Diet notes:"))
        set_label(self.review_label, self.diet_review, translate("AltDialog", "Lunch re&view:"))
        review_names = {"": translate("AltDialog", "To review: own lunch until reviewed"),
                        DietReview.SCHOOL_LUNCH_OK.value: translate("AltDialog", "Reviewed: school lunch is fine"),
                        DietReview.OWN_LUNCH.value: translate("AltDialog", "Reviewed: own lunch")}
        for i in range(self.diet_review.count()):
            self.diet_review.setItemText(i, review_names[self.diet_review.itemData(i)])
        self.diet_review.setToolTip(translate(
            "AltDialog", "Diet notes and other allergens are free text the lunch rules cannot read: the ALT brings "
            "own lunch until you say what they mean. Changing the text asks for a new review."))
        self.consent.setText(translate("AltDialog", "The ALT consents to share diet details with schools"))


class AltDialog(RecordDialog[AltForm, AltForm]):
    def __init__(self, form: AltForm, save: Callable[[AltForm], AltForm],
                 reload: Callable[[], AltForm] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, reload, parent)
        self.ui = AltDialogLayout()
        self.ui.setup(self)
        self.ui.retranslate(self)
        ui = self.ui
        self.first_field = ui.code
        for field, widget in (("code", ui.code), ("family_name", ui.family_name), ("given_name", ui.given_name),
                              ("kana", ui.kana), ("nationality", ui.nationality), ("start_date", ui.start_date),
                              ("status", ui.status), ("email", ui.email), ("phone", ui.phone),
                              ("weekly_class_limit", ui.weekly_limit), ("levels", ui.levels_box)):
            self.errors.add(field, widget)
        # Fields on the tabs: an error names one, its tab comes to the front.
        for tab, field, widget in ((0, "allergens", ui.allergen_checks["egg"]), (0, "other_allergens", ui.other_allergens),
                                   (0, "diet_notes", ui.diet_notes), (0, "diet_review", ui.diet_review),
                                   (1, "end_date", ui.end_date), (1, "home_latitude", ui.home_latitude),
                                   (1, "home_longitude", ui.home_longitude), (1, "travel_mode", ui.travel_mode),
                                   (1, "preferred_levels", ui.preferred_box), (1, "max_schools", ui.max_schools)):
            self.errors.add_prefix(field, lambda _f, t=tab, w=widget: self._on_tab(t, w))
        ui.vegan.toggled.connect(lambda on: on and ui.vegetarian.setChecked(True))  # vegan implies vegetarian
        self._reviewed_text = ""  # the free text the loaded review was made for
        ui.diet_notes.textChanged.connect(self._diet_text_changed)
        ui.other_allergens.textChanged.connect(self._diet_text_changed)
        self._form = form
        self.load(form)
        self.setMinimumWidth(930)  # two columns, with room for long e-mail addresses (and the tabs' frame)

    def load(self, form: AltForm) -> None:
        self._form = form
        ui = self.ui
        self.setWindowTitle(self.tr("New ALT") if form.id is None else
                            self.tr("ALT %1 – %2").replace("%1", form.code).replace("%2", form.display_name))
        ui.code.setText(form.code)
        ui.family_name.setText(form.family_name)
        ui.given_name.setText(form.given_name)
        ui.kana.setText(form.kana)
        ui.nationality.setText(form.nationality)
        ui.start_date.setDate(to_qdate(form.start_date))
        select_data(ui.status, form.status)
        ui.email.setText(form.email)
        ui.phone.setText(form.phone)
        ui.weekly_limit.setValue(form.weekly_class_limit)
        for value, check in ui.level_checks.items():
            check.setChecked(value in form.levels)
        for key, check in ui.allergen_checks.items():
            check.setChecked(key in form.allergens)
        ui.other_allergens.setText(form.other_allergens)
        ui.vegetarian.setChecked(form.vegetarian)
        ui.vegan.setChecked(form.vegan)
        ui.halal.setChecked(form.halal)
        ui.gluten_free.setChecked(form.gluten_free)
        ui.diet_notes.setPlainText(form.diet_notes)
        ui.consent.setChecked(form.share_diet_consent)
        ui.end_date.setDate(to_qdate(form.end_date))
        ui.home_latitude.setText(coordinate_text(form.home_latitude))
        ui.home_longitude.setText(coordinate_text(form.home_longitude))
        select_data(ui.travel_mode, form.travel_mode)
        ui.max_schools.setValue(form.max_schools or 0)
        for value, check in ui.preferred_checks.items():
            check.setChecked(value in form.preferred_levels)
        self._reviewed_text = self._unreadable()
        select_data(ui.diet_review, form.diet_review.value if form.diet_review else "")
        self._diet_text_changed()

    def _on_tab(self, tab: int, widget: QWidget) -> QWidget:
        self.ui.right_tabs.setCurrentIndex(tab)
        return widget

    def _unreadable(self) -> str:
        ui = self.ui
        return unreadable_text(tuple(k for k, c in ui.allergen_checks.items() if c.isChecked()),
                               ui.other_allergens.text(), ui.diet_notes.toPlainText())

    def _diet_text_changed(self, *_args: object) -> None:
        """A review holds for the text it was made for: editing the text asks for a new one."""
        unreadable = self._unreadable()
        if unreadable != self._reviewed_text:
            self.ui.diet_review.setCurrentIndex(0)
        self.ui.diet_review.setEnabled(bool(unreadable))

    def collect(self) -> AltForm:
        ui = self.ui
        return AltForm(
            id=self._form.id, version=self._form.version, code=ui.code.text(), family_name=ui.family_name.text(),
            given_name=ui.given_name.text(), kana=ui.kana.text(), nationality=ui.nationality.text(),
            start_date=from_qdate(ui.start_date.date()), status=ui.status.currentData(), email=ui.email.text(),
            phone=ui.phone.text(), levels=tuple(v for v, c in ui.level_checks.items() if c.isChecked()),
            allergens=tuple(k for k, c in ui.allergen_checks.items() if c.isChecked()),
            other_allergens=ui.other_allergens.text(), vegetarian=ui.vegetarian.isChecked(),
            vegan=ui.vegan.isChecked(), halal=ui.halal.isChecked(), gluten_free=ui.gluten_free.isChecked(),
            diet_notes=ui.diet_notes.toPlainText(), share_diet_consent=ui.consent.isChecked(),
            weekly_class_limit=ui.weekly_limit.value(),
            diet_review=DietReview(ui.diet_review.currentData()) if ui.diet_review.currentData() else None,
            end_date=from_qdate(ui.end_date.date()), home_latitude=coordinate_value(ui.home_latitude.text()),  # type: ignore[arg-type]
            home_longitude=coordinate_value(ui.home_longitude.text()),  # type: ignore[arg-type]
            travel_mode=ui.travel_mode.currentData(),
            preferred_levels=tuple(v for v, c in ui.preferred_checks.items() if c.isChecked()),
            max_schools=ui.max_schools.value() or None,
        )
