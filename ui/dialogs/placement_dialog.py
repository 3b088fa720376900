"""The placement editor: who, where, when, how it repeats — with the next dates it produces, live.

The preview asks the core for the dates the pattern gives and marks those that will be
skipped (holidays, board breaks and closures, the school's days off, branch closures, the
ALT's absences, another school at the same time) with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import LunchMode
from altdesk.errors import UserError
from altdesk.labels import LUNCH_MODE_LABELS, WEEKDAYS_EN, WEEKDAYS_JA, label
from altdesk.services.records import (
    NTH_CHOICES,
    Choice,
    Pattern,
    PatternKind,
    PlacementForm,
    PlacementSaved,
    PreviewDate,
)
from ui.dialogs.date_list_editor import DateListEditor
from ui.dialogs.form_support import (
    ChoiceCombo,
    add_row,
    date_edit,
    from_qdate,
    from_qtime,
    message_of,
    multiline,
    select_data,
    set_label,
    time_edit,
    to_qdate,
    to_qtime,
)
from ui.dialogs.record_dialog import RecordDialog
from ui.level_icons import level_icon
from ui.models.placement_preview import PlacementPreviewModel
from ui.settings import current_language

translate = QCoreApplication.translate
Preview = Callable[[PlacementForm, dt.date], list[PreviewDate]]
WORKDAYS = range(5)  # Monday to Friday: schools are closed at weekends
DERIVE = "derive"


class PlacementDialogLayout:
    def setup(self, dialog: RecordDialog, alts: Sequence[Choice], schools: Sequence[Choice]) -> None:
        dialog.setObjectName("placement_dialog")
        lang = current_language()
        self.placement_box = QGroupBox(dialog)
        box = QVBoxLayout(self.placement_box)
        form = QFormLayout()
        box.addLayout(form)
        box.addStretch(1)  # spare height goes below the fields, not between them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form = form
        self.alt = ChoiceCombo(dialog)
        self.alt.setObjectName("alt")
        self.alt.set_choices([(f"{a.code}  {a.label(lang)}", a.id) for a in alts])
        self.school = ChoiceCombo(dialog)
        self.school.setObjectName("school")
        self.school.clear()
        for s in schools:  # the level's colour and letter beside each school, as in every view
            if s.level is not None:
                self.school.addItem(level_icon(s.level), f"{s.code}  {s.label(lang)}", s.id)
            else:
                self.school.addItem(f"{s.code}  {s.label(lang)}", s.id)
        self.start = date_edit(dialog)
        self.start.setObjectName("start_date")
        self.end = date_edit(dialog)
        self.end.setObjectName("end_date")
        self.dates_row = QWidget(dialog)
        dates = QHBoxLayout(self.dates_row)
        dates.setContentsMargins(0, 0, 0, 0)
        self.to_label = QLabel(dialog)
        dates.addWidget(self.start)
        dates.addWidget(self.to_label)
        dates.addWidget(self.end)
        dates.addStretch(1)

        self.kind_row = QWidget(dialog)
        kinds = QHBoxLayout(self.kind_row)
        kinds.setContentsMargins(0, 0, 0, 0)
        self.kind_group = QButtonGroup(dialog)
        self.kind_buttons: dict[PatternKind, QRadioButton] = {}
        for kind in PatternKind:
            button = QRadioButton(dialog)
            button.setObjectName(f"pattern_{kind.value}")
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.weekday_row = QWidget(dialog)
        self.weekday_row.setObjectName("weekdays")
        weekdays = QHBoxLayout(self.weekday_row)
        weekdays.setContentsMargins(0, 0, 0, 0)
        self.weekday_checks: dict[int, QCheckBox] = {}
        for day in WORKDAYS:
            check = QCheckBox(dialog)
            check.setObjectName(f"weekday_{day}")
            self.weekday_checks[day] = check
            weekdays.addWidget(check)
        weekdays.addStretch(1)
        self.week = QComboBox(dialog)
        self.week.setObjectName("week")
        self.week.addItem("", "A")
        self.week.addItem("", "B")
        self.week_row = QWidget(dialog)
        week = QHBoxLayout(self.week_row)
        week.setContentsMargins(0, 0, 0, 0)
        self.week_hint = QLabel(dialog)
        week.addWidget(self.week)
        week.addWidget(self.week_hint, 1)
        self.nth = QComboBox(dialog)
        self.nth.setObjectName("nth")
        for n in NTH_CHOICES:
            self.nth.addItem("", n)
        self.rrule = QLineEdit(dialog)
        self.rrule.setObjectName("rrule")

        self.times_row = QWidget(dialog)
        times = QHBoxLayout(self.times_row)
        times.setContentsMargins(0, 0, 0, 0)
        self.start_time = time_edit(dialog)
        self.start_time.setObjectName("start_time")
        self.end_time = time_edit(dialog)
        self.end_time.setObjectName("end_time")
        self.times_to = QLabel("–", dialog)
        times.addWidget(self.start_time)
        times.addWidget(self.times_to)
        times.addWidget(self.end_time)
        times.addStretch(1)
        self.periods = QLineEdit(dialog)
        self.periods.setObjectName("periods")
        self.periods.setMaximumWidth(dialog.fontMetrics().horizontalAdvance("0" * 16))
        self.classes = QSpinBox(dialog)
        self.classes.setObjectName("classes_per_day")
        self.classes.setRange(0, 12)
        self.lunch = QComboBox(dialog)
        self.lunch.setObjectName("lunch_mode")
        self.lunch.addItem("", DERIVE)
        for mode in LunchMode:
            self.lunch.addItem("", mode)
        self.pinned = QCheckBox(dialog)
        self.pinned.setObjectName("pinned")
        self.classes_row = QWidget(dialog)
        classes_row = QHBoxLayout(self.classes_row)
        classes_row.setContentsMargins(0, 0, 0, 0)
        classes_row.addWidget(self.classes)
        classes_row.addSpacing(12)
        classes_row.addWidget(self.pinned)
        classes_row.addStretch(1)
        self.note = multiline(dialog, 2)
        self.note.setObjectName("note")
        self.apply_from = date_edit(dialog)
        self.apply_from.setObjectName("apply_from")

        self.labels = {key: QLabel(dialog) for key in (
            "alt", "school", "dates", "kind", "weekdays", "week", "nth", "rrule", "times", "periods", "classes",
            "lunch", "note", "apply")}
        for key, widget in (("alt", self.alt), ("school", self.school), ("dates", self.dates_row),
                            ("kind", self.kind_row), ("weekdays", self.weekday_row), ("week", self.week_row),
                            ("nth", self.nth), ("rrule", self.rrule), ("times", self.times_row),
                            ("periods", self.periods), ("classes", self.classes_row), ("lunch", self.lunch),
                            ("note", self.note), ("apply", self.apply_from)):
            add_row(form, self.labels[key], widget)
        for row in (self.dates_row, self.kind_row, self.weekday_row, self.week_row, self.times_row, self.classes_row):
            row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.labels["dates"].setBuddy(self.start)
        self.labels["weekdays"].setBuddy(self.weekday_checks[0])
        self.labels["week"].setBuddy(self.week)
        self.labels["times"].setBuddy(self.start_time)
        self.labels["classes"].setBuddy(self.classes)

        self.preview_box = QGroupBox(dialog)
        preview = QVBoxLayout(self.preview_box)
        self.preview_model = PlacementPreviewModel(dialog)
        self.preview = QTableView(dialog)
        self.preview.setObjectName("preview")
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setDefaultSectionSize(dialog.fontMetrics().height() + 6)
        self.preview.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setWordWrap(False)
        self.preview_summary = QLabel(dialog)
        self.preview_summary.setObjectName("preview_summary")
        self.preview_summary.setWordWrap(True)
        self.skip_button = QPushButton(dialog)
        self.skip_button.setObjectName("skip_date")
        preview.addWidget(self.preview, 1)
        preview.addWidget(self.preview_summary)
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_button)
        skip_row.addStretch(1)
        preview.addLayout(skip_row)
        self.dates_box = QGroupBox(dialog)
        date_lists = QHBoxLayout(self.dates_box)
        self.extra_label = QLabel(dialog)
        self.removed_label = QLabel(dialog)
        self.extra = DateListEditor("extra_dates", dialog)
        self.removed = DateListEditor("removed_dates", dialog)
        for caption, editor in ((self.extra_label, self.extra), (self.removed_label, self.removed)):
            column = QVBoxLayout()
            column.addWidget(caption)
            column.addWidget(editor)
            caption.setBuddy(editor.date)
            date_lists.addLayout(column)
        left = QVBoxLayout()
        left.addWidget(self.placement_box, 1)
        left.addWidget(self.dates_box)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(self.preview_box, 4)
        layout = QVBoxLayout(dialog)
        layout.addWidget(dialog.banner)
        layout.addLayout(columns, 1)
        layout.addWidget(dialog.buttons)

        order: list[QWidget] = [self.alt, self.school, self.start, self.end, *self.kind_buttons.values(),
                                *self.weekday_checks.values(), self.week, self.nth, self.rrule, self.start_time,
                                self.end_time, self.periods, self.classes, self.pinned, self.lunch, self.note,
                                self.apply_from,
                                self.preview, self.skip_button, self.extra.list, self.extra.date, self.extra.add_button,
                                self.extra.remove_button, self.removed.list, self.removed.date,
                                self.removed.add_button, self.removed.remove_button, dialog.buttons]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self, dialog: RecordDialog) -> None:
        lang = current_language()
        self.placement_box.setTitle(translate("PlacementDialog", "Placement"))
        for key, widget, text in (
            ("alt", self.alt, translate("PlacementDialog", "&ALT:")),
            ("school", self.school, translate("PlacementDialog", "&School:")),
            ("dates", self.start, translate("PlacementDialog", "&From:")),
            ("kind", self.kind_row, translate("PlacementDialog", "Repeats:")),
            ("weekdays", self.weekday_row, translate("PlacementDialog", "On:")),
            ("week", self.week, translate("PlacementDialog", "&Week:")),
            ("nth", self.nth, translate("PlacementDialog", "Which &one:")),
            ("rrule", self.rrule, translate("PlacementDialog", "&Rule (RRULE):")),
            ("times", self.start_time, translate("PlacementDialog", "&Hours:")),
            ("periods", self.periods, translate("PlacementDialog", "&Periods:")),
            ("classes", self.classes, translate("PlacementDialog", "&Classes a day:")),
            ("lunch", self.lunch, translate("PlacementDialog", "&Lunch:")),
            ("note", self.note, translate("PlacementDialog", "&Note:")),
            ("apply", self.apply_from, translate("PlacementDialog", "Appl&y changes from:")),
        ):
            set_label(self.labels[key], widget, text)
        self.to_label.setText(translate("PlacementDialog", "to"))
        self.pinned.setText(translate("PlacementDialog", "P&inned: the planner keeps it as it is"))
        self.pinned.setToolTip(translate("PlacementDialog", "A pinned placement is never moved or ended by the "
                                                            "placement planner."))
        self.end.setAccessibleName(translate("PlacementDialog", "To"))
        self.end_time.setAccessibleName(translate("PlacementDialog", "Ends at"))
        self.start_time.setAccessibleName(translate("PlacementDialog", "Starts at"))
        kind_names = {PatternKind.WEEKLY: translate("PlacementDialog", "Every week"),
                      PatternKind.ALTERNATE: translate("PlacementDialog", "Alternate weeks"),
                      PatternKind.MONTHLY: translate("PlacementDialog", "Monthly"),
                      PatternKind.CUSTOM: translate("PlacementDialog", "Other rule")}
        for kind, button in self.kind_buttons.items():
            button.setText(kind_names[kind])
        names = WEEKDAYS_JA if lang == "ja" else WEEKDAYS_EN
        for day, check in self.weekday_checks.items():
            check.setText(names[day])
            check.setAccessibleName(translate("PlacementDialog", "Visits on %1").replace("%1", names[day]))
        self.week.setItemText(0, translate("PlacementDialog", "Week A"))
        self.week.setItemText(1, translate("PlacementDialog", "Week B"))
        self.week_hint.setText(translate("PlacementDialog", "Week A holds 1 April, then every second week."))
        self.week_hint.setWordWrap(True)
        nth_names = {1: translate("PlacementDialog", "1st"), 2: translate("PlacementDialog", "2nd"),
                     3: translate("PlacementDialog", "3rd"), 4: translate("PlacementDialog", "4th"),
                     5: translate("PlacementDialog", "5th"), -1: translate("PlacementDialog", "Last")}
        for i in range(self.nth.count()):
            self.nth.setItemText(i, nth_names[self.nth.itemData(i)])
        self.periods.setPlaceholderText(translate("PlacementDialog", "e.g. 1-4"))
        self.lunch.setItemText(0, translate("PlacementDialog", "From the school's policy and the ALT's diet"))
        for i in range(1, self.lunch.count()):
            self.lunch.setItemText(i, label(LUNCH_MODE_LABELS[self.lunch.itemData(i)], lang))
        self.apply_from.setToolTip(translate(
            "PlacementDialog", "Visits before this day stay as they are; from this day on they follow the change."))
        self.preview_box.setTitle(translate("PlacementDialog", "Next dates"))
        self.skip_button.setText(translate("PlacementDialog", "S&kip this date"))
        self.skip_button.setToolTip(translate("PlacementDialog",
                                              "Add the selected date to the removed dates (or Delete in the list)."))
        self.preview.setAccessibleName(translate("PlacementDialog", "Next dates"))
        self.dates_box.setTitle(translate("PlacementDialog", "Exceptions"))
        self.extra_label.setText(translate("PlacementDialog", "Added &dates:"))
        self.removed_label.setText(translate("PlacementDialog", "R&emoved dates:"))
        self.extra.list.setAccessibleName(translate("PlacementDialog", "Added dates"))
        self.removed.list.setAccessibleName(translate("PlacementDialog", "Removed dates"))
        self.extra.retranslate()
        self.removed.retranslate()


class PlacementDialog(RecordDialog[PlacementForm, PlacementSaved]):
    def __init__(self, form: PlacementForm, alts: Sequence[Choice], schools: Sequence[Choice],
                 save: Callable[[PlacementForm], PlacementSaved], preview: Preview,
                 reload: Callable[[], PlacementForm] | None = None, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(save, reload, parent)
        self._preview = preview
        self._today = today or dt.date.today()
        self.ui = PlacementDialogLayout()
        self.ui.setup(self, [a for a in alts if not a.inactive or a.id == form.alt_id], schools)
        self.ui.retranslate(self)
        ui = self.ui
        self.first_field = ui.alt
        for field, widget in (("alt_id", ui.alt), ("school_id", ui.school), ("start_date", ui.start),
                              ("end_date", ui.end), ("weekdays", ui.weekday_checks[0]), ("week", ui.week),
                              ("nth", ui.nth), ("pattern", ui.rrule), ("start_time", ui.start_time),
                              ("end_time", ui.end_time), ("periods", ui.periods), ("classes_per_day", ui.classes),
                              ("lunch_mode", ui.lunch), ("note", ui.note), ("apply_from", ui.apply_from),
                              ("extra_dates", ui.extra.list), ("removed_dates", ui.removed.list)):
            self.errors.add(field, widget)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # typing a date fires many changes: preview once it settles
        self._timer.timeout.connect(self.refresh_preview)
        for signal in (ui.alt.currentIndexChanged, ui.school.currentIndexChanged, ui.start.dateChanged,
                       ui.end.dateChanged, ui.week.currentIndexChanged, ui.nth.currentIndexChanged,
                       ui.rrule.textChanged, ui.start_time.timeChanged, ui.end_time.timeChanged,
                       ui.extra.changed, ui.removed.changed, ui.apply_from.dateChanged):
            signal.connect(self._schedule_preview)
        for check in ui.weekday_checks.values():
            check.toggled.connect(self._schedule_preview)
        ui.kind_group.buttonToggled.connect(self._kind_changed)
        ui.skip_button.clicked.connect(self.skip_selected_date)
        ui.preview.selectionModel().selectionChanged.connect(self._update_skip)
        ui.preview_model.modelReset.connect(self._update_skip)
        ui.preview.installEventFilter(self)
        ui.start.dateChanged.connect(self._start_changed)
        self._form = form
        self.load(form)
        self.resize(max(self.sizeHint().width(), 980), min(max(self.sizeHint().height(), 600), 700))

    # --- pattern rows follow the kind ---

    def _current_kind(self) -> PatternKind:
        for kind, button in self.ui.kind_buttons.items():
            if button.isChecked():
                return kind
        return PatternKind.WEEKLY

    def _kind_changed(self) -> None:
        kind = self._current_kind()
        form, ui = self.ui.form, self.ui
        form.setRowVisible(ui.weekday_row, kind != PatternKind.CUSTOM)
        form.setRowVisible(ui.week_row, kind == PatternKind.ALTERNATE)
        form.setRowVisible(ui.nth, kind == PatternKind.MONTHLY)
        form.setRowVisible(ui.rrule, kind == PatternKind.CUSTOM)
        ui.kind_buttons[PatternKind.CUSTOM].setVisible(kind == PatternKind.CUSTOM or bool(ui.rrule.text()))
        self._schedule_preview()

    def _start_changed(self) -> None:
        if self.ui.end.date() < self.ui.start.date():
            self.ui.end.setDate(self.ui.start.date())

    # --- preview ---

    def _selected_preview(self) -> PreviewDate | None:
        rows = self.ui.preview.selectionModel().selectedRows()
        return self.ui.preview_model.dates()[rows[0].row()] if rows else None

    def _update_skip(self) -> None:
        self.ui.skip_button.setEnabled(self._selected_preview() is not None)

    def skip_selected_date(self) -> None:
        """The selected date will not be visited: an added date is taken back, any other removed."""
        chosen = self._selected_preview()
        if chosen is None or any(r.kind == "removed" for r in chosen.reasons):
            return
        if chosen.date in self.ui.extra.dates():
            self.ui.extra.set_dates([d for d in self.ui.extra.dates() if d != chosen.date])
            self._schedule_preview()
        else:
            self.ui.removed.add_date(chosen.date)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.ui.preview and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Delete):
            self.skip_selected_date()
            return True
        return super().eventFilter(watched, event)

    def _schedule_preview(self) -> None:
        self._timer.start()

    def preview_from(self) -> dt.date:
        """From where the preview counts: the start, or for an edit the day the change applies from."""
        start = from_qdate(self.ui.start.date()) or self._today
        if self._form.id is None:
            return start
        return max(start, from_qdate(self.ui.apply_from.date()) or self._today)

    def refresh_preview(self) -> None:
        self._timer.stop()
        ui = self.ui
        try:
            dates = self._preview(self.collect(), self.preview_from())
        except UserError as error:
            ui.preview_model.set_dates([])
            ui.preview_summary.setText(message_of(error))
            return
        ui.preview_model.set_dates(dates)
        visits = sum(d.will_visit for d in dates)
        skipped = len(dates) - visits
        if not dates:
            ui.preview_summary.setText(self.tr("No dates: check the weekdays and the date range."))
        elif skipped:
            ui.preview_summary.setText(" ".join((
                self.tr("%n visit(s).", "", visits),
                self.tr("%n date(s) skipped: struck through, with the reason.", "", skipped))))
        else:
            ui.preview_summary.setText(" ".join((self.tr("%n visit(s).", "", visits), self.tr("None skipped."))))

    # --- form ---

    def load(self, form: PlacementForm) -> None:
        self._form = form
        ui = self.ui
        self.setWindowTitle(self.tr("New placement") if form.id is None else self.tr("Placement"))
        ui.alt.select(form.alt_id)
        ui.school.select(form.school_id)
        ui.start.setDate(to_qdate(form.start_date or self._today))
        ui.end.setDate(to_qdate(form.end_date or form.start_date or self._today))
        pattern = form.pattern
        ui.rrule.setText(pattern.rrule if pattern.kind == PatternKind.CUSTOM else "")
        ui.kind_buttons[pattern.kind].setChecked(True)
        for day, check in ui.weekday_checks.items():
            check.setChecked(day in pattern.weekdays)
        select_data(ui.week, pattern.week)
        select_data(ui.nth, pattern.nth)
        ui.start_time.setTime(to_qtime(form.start_time))
        ui.end_time.setTime(to_qtime(form.end_time))
        ui.periods.setText(form.periods)
        ui.classes.setValue(form.classes_per_day)
        select_data(ui.lunch, form.lunch_mode if form.lunch_mode is not None else DERIVE)
        ui.note.setPlainText(form.note)
        ui.pinned.setChecked(form.pinned)
        ui.extra.set_dates(form.extra_dates)
        ui.removed.set_dates(form.removed_dates)
        start = form.start_date or self._today
        for editor in (ui.extra, ui.removed):
            editor.set_default_date(max(start, self._today))
        editing = form.id is not None
        ui.form.setRowVisible(ui.apply_from, editing)
        ui.apply_from.setDate(to_qdate(max(self._today, start) if editing else start))
        self._kind_changed()
        self.refresh_preview()

    def collect(self) -> PlacementForm:
        ui = self.ui
        kind = self._current_kind()
        lunch = ui.lunch.currentData()
        pattern = Pattern(kind, tuple(d for d, c in ui.weekday_checks.items() if c.isChecked()),
                          week=ui.week.currentData(), nth=ui.nth.currentData(), rrule=ui.rrule.text())
        return PlacementForm(
            id=self._form.id, version=self._form.version, alt_id=ui.alt.choice_id(),  # type: ignore[arg-type]
            school_id=ui.school.choice_id(),  # type: ignore[arg-type]
            start_date=from_qdate(ui.start.date()), end_date=from_qdate(ui.end.date()), pattern=pattern,
            extra_dates=ui.extra.dates(), removed_dates=ui.removed.dates(),
            start_time=from_qtime(ui.start_time.time()), end_time=from_qtime(ui.end_time.time()),
            periods=ui.periods.text(), classes_per_day=ui.classes.value(),
            lunch_mode=None if lunch == DERIVE else LunchMode(lunch), note=ui.note.toPlainText(),
            apply_from=from_qdate(ui.apply_from.date()) if self._form.id is not None else None,
            pinned=ui.pinned.isChecked(),
        )
