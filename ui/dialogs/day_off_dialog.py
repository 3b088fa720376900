"""One day-layer entry: a board's break or closure day, a school's day off, a branch closure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from altdesk.db.enums import DayOffKind
from altdesk.labels import label
from altdesk.services.records import DAY_OFF_KIND_LABELS, Choice, DayOffForm
from ui.dialogs.form_support import (
    ChoiceCombo,
    add_row,
    date_edit,
    from_qdate,
    select_data,
    set_label,
    to_qdate,
)
from ui.dialogs.record_dialog import RecordDialog
from ui.settings import current_language

translate = QCoreApplication.translate


def day_off_kind_text(kind: DayOffKind, lang: str | None = None) -> str:
    return label(DAY_OFF_KIND_LABELS[DayOffKind(kind)], lang or current_language())


class DayOffDialogLayout:
    def setup(self, dialog: RecordDialog, kinds: Sequence[DayOffKind], boards: Sequence[Choice],
              schools: Sequence[Choice]) -> None:
        dialog.setObjectName("day_off_dialog")
        lang = current_language()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind = QComboBox(dialog)
        self.kind.setObjectName("kind")
        for kind in kinds:
            self.kind.addItem("", kind)
        self.board = ChoiceCombo(dialog)
        self.board.setObjectName("board")
        self.board.set_choices([(f"{b.label(lang)} ({b.code})", b.id) for b in boards])
        self.school = ChoiceCombo(dialog)
        self.school.setObjectName("school")
        self.school.set_choices([(f"{s.code}  {s.label(lang)}", s.id) for s in schools])
        self.start = date_edit(dialog)
        self.start.setObjectName("start_date")
        self.end = date_edit(dialog)
        self.end.setObjectName("end_date")
        self.length = QLabel(dialog)
        self.length.setObjectName("length")
        self.name_ja = QLineEdit(dialog)  # typed with the Japanese input method
        self.name_ja.setObjectName("name_ja")
        self.name_en = QLineEdit(dialog)
        self.name_en.setObjectName("name_en")
        self.labels = {key: QLabel(dialog) for key in ("kind", "board", "school", "start", "end", "ja", "en")}
        for key, widget in (("kind", self.kind), ("board", self.board), ("school", self.school),
                            ("start", self.start), ("end", self.end)):
            add_row(self.form, self.labels[key], widget)
        self.form.addRow("", self.length)
        add_row(self.form, self.labels["ja"], self.name_ja)
        add_row(self.form, self.labels["en"], self.name_en)
        layout = QVBoxLayout(dialog)
        layout.addWidget(dialog.banner)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(dialog.buttons)
        order: list[QWidget] = [self.kind, self.board, self.school, self.start, self.end, self.name_ja,
                                self.name_en, dialog.buttons]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate(self, dialog: RecordDialog) -> None:
        for key, widget, text in (
            ("kind", self.kind, translate("DayOffDialog", "&Kind:")),
            ("board", self.board, translate("DayOffDialog", "&Board of education:")),
            ("school", self.school, translate("DayOffDialog", "&School:")),
            ("start", self.start, translate("DayOffDialog", "&From:")),
            ("end", self.end, translate("DayOffDialog", "&To:")),
            ("ja", self.name_ja, translate("DayOffDialog", "&Name (Japanese):")),
            ("en", self.name_en, translate("DayOffDialog", "Name (&English):")),
        ):
            set_label(self.labels[key], widget, text)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, day_off_kind_text(self.kind.itemData(i)))
        self.name_ja.setPlaceholderText(translate("DayOffDialog", "e.g. 夏季休業, 学校閉庁日, 開校記念日"))
        self.school.lineEdit().setPlaceholderText(translate("DayOffDialog", "Type a code or part of the name"))


class DayOffDialog(RecordDialog[DayOffForm, DayOffForm]):
    """`kinds` limits the choice (the board editor offers only breaks and closures, its board fixed)."""

    def __init__(self, form: DayOffForm, save: Callable[[DayOffForm], DayOffForm], *,
                 kinds: Sequence[DayOffKind] = tuple(DayOffKind), boards: Sequence[Choice] = (),
                 schools: Sequence[Choice] = (), fixed_board: bool = False,
                 reload: Callable[[], DayOffForm] | None = None, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(save, reload, parent)
        self._today = today or dt.date.today()
        self.ui = DayOffDialogLayout()
        self.ui.setup(self, kinds, boards, schools)
        self.ui.retranslate(self)
        self._fixed_board = fixed_board
        self._start: dt.date | None = None
        ui = self.ui
        self.first_field = ui.kind
        for field, widget in (("kind", ui.kind), ("board_id", ui.board), ("school_id", ui.school),
                              ("start_date", ui.start), ("end_date", ui.end), ("name_ja", ui.name_ja),
                              ("name_en", ui.name_en)):
            self.errors.add(field, widget)
        ui.kind.currentIndexChanged.connect(self._kind_changed)
        ui.start.dateChanged.connect(self._start_changed)
        ui.end.dateChanged.connect(self._update_length)
        self._form = form
        self.load(form)
        self.setMinimumWidth(460)

    def _kind_changed(self) -> None:
        kind = self.ui.kind.currentData()
        board_kind = kind in (DayOffKind.BREAK, DayOffKind.CLOSURE)
        self.ui.form.setRowVisible(self.ui.board, board_kind and not self._fixed_board)
        self.ui.form.setRowVisible(self.ui.school, kind == DayOffKind.SCHOOL_DAY_OFF)

    def _start_changed(self) -> None:
        # The end moves with the start, keeping the length (a one-day entry stays one day).
        start = from_qdate(self.ui.start.date())
        if start is not None and self._start is not None:
            self.ui.end.setDate(self.ui.end.date().addDays((start - self._start).days))
        self._start = start
        self._update_length()

    def _update_length(self) -> None:
        start, end = from_qdate(self.ui.start.date()), from_qdate(self.ui.end.date())
        if start is None or end is None or end < start:
            self.ui.length.clear()
            return
        days = (end - start).days + 1
        self.ui.length.setText(self.tr("%n day(s)", "", days))

    def load(self, form: DayOffForm) -> None:
        self._form = form
        ui = self.ui
        if form.id is None:
            self.setWindowTitle(self.tr("New day off"))
        else:
            self.setWindowTitle(self.tr("Day off – %1").replace("%1", form.name_ja))
        select_data(ui.kind, form.kind)
        ui.board.select(form.board_id)
        ui.school.select(form.school_id)
        self._start = None
        ui.start.setDate(to_qdate(form.start_date or self._today))
        ui.end.setDate(to_qdate(form.end_date or form.start_date or self._today))
        self._start = from_qdate(ui.start.date())
        ui.name_ja.setText(form.name_ja)
        ui.name_en.setText(form.name_en)
        self._kind_changed()
        self._update_length()

    def collect(self) -> DayOffForm:
        ui = self.ui
        board_id = self._form.board_id if self._fixed_board else ui.board.choice_id()
        return DayOffForm(id=self._form.id, version=self._form.version, kind=ui.kind.currentData(),
                          board_id=board_id, school_id=ui.school.choice_id(),  # type: ignore[arg-type]
                          start_date=from_qdate(ui.start.date()), end_date=from_qdate(ui.end.date()),
                          name_ja=ui.name_ja.text(), name_en=ui.name_en.text())
