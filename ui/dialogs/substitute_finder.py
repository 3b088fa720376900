"""The substitute finder (代替ALT): pick an absence (or an ALT and dates), see the visits
nobody covers yet, and for the selected one the ALTs who could, ranked, with reasons.

One click (or Enter, or a double-click) assigns; it is an undoable command, so Ctrl+Z here
or in the main window gives the visit back. Every list follows ctx.data_changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from altdesk.scheduling.substitutes import Candidate, UncoveredVisit
from altdesk.services.absences import AbsenceRow, CoveredVisit, covered_visits, get_absence, list_absences
from altdesk.services.scheduling import substitute_candidates, uncovered_for
from ui.app_context import AppContext
from ui.dialogs.absence_commands import assign_substitute_command, remove_substitute_command
from ui.dialogs.absence_dialog import absence_kind_label, combo_alt_id, fill_alt_combo
from ui.formatting import (
    ElideRightDelegate,
    format_date,
    format_date_range,
    format_time_range,
    from_qdate,
    setup_date_edit,
    to_qdate,
)
from ui.models.row_table import OBJECT_ROLE, Column, RowTableModel
from ui.settings import current_language
from ui.undo import push

RECENT_DAYS = 92  # absences that ended longer ago than this are not offered (still reachable by ALT)


@dataclass(frozen=True)
class RankedCandidate:
    rank: int
    candidate: Candidate

    def reasons(self, lang: str) -> str:
        if lang == "ja":
            return "、".join(self.candidate.reasons_ja)
        return ", ".join(self.candidate.reasons_en)


def _school_name(name_ja: str, name_en: str) -> str:
    return name_ja if current_language() == "ja" else (name_en or name_ja)


def _table(parent: QWidget, name: str, model: RowTableModel) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control
    return table


class SubstituteFinder(QDialog):
    assigned = Signal(int, int)  # covered visit id, substitute ALT id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, absence_id: int | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("substitute_finder")
        self.ctx = ctx
        self._today = today or dt.date.today()
        self._absences: list[AbsenceRow] = []
        self._listed_alt: int | None = None

        # What to cover: an absence, or an ALT and dates
        self.absence_label = QLabel(self)
        self.absence_combo = QComboBox(self)
        self.absence_combo.setObjectName("finder_absence")
        self.absence_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.absence_combo.setMinimumContentsLength(40)
        self.absence_label.setBuddy(self.absence_combo)
        self.alt_label = QLabel(self)
        self.alt_combo = QComboBox(self)
        self.alt_combo.setObjectName("finder_alt")
        self.alt_combo.setMinimumContentsLength(22)
        self.alt_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        fill_alt_combo(self.alt_combo, ctx)
        self.alt_combo.setCurrentIndex(-1)
        self.alt_label.setBuddy(self.alt_combo)
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.from_edit, self.to_edit = QDateEdit(self), QDateEdit(self)
        self.from_edit.setObjectName("finder_from")
        self.to_edit.setObjectName("finder_to")
        for edit in (self.from_edit, self.to_edit):
            setup_date_edit(edit)
            edit.setDate(to_qdate(self._today))
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)

        # Visits to cover
        self.uncovered_model: RowTableModel[UncoveredVisit] = RowTableModel([
            Column("date", lambda: self.tr("Date"), lambda v: format_date(v.date), sort=lambda v: v.date.isoformat()),
            Column("time", lambda: self.tr("Time"), lambda v: format_time_range(v.start_time, v.end_time)),
            Column("school", lambda: self.tr("School"), lambda v: _school_name(v.school_name_ja, v.school_name_en),
                   tooltip=lambda v: f"{v.school_code}\n{v.school_name_ja}\n{v.school_name_en}"),
        ], self)
        self.uncovered_table = _table(self, "finder_uncovered", self.uncovered_model)
        self.uncovered_box = QGroupBox(self)
        self.uncovered_count = QLabel(self)
        # Already covered
        self.covered_model: RowTableModel[CoveredVisit] = RowTableModel([
            Column("date", lambda: self.tr("Date"), lambda v: format_date(v.date), sort=lambda v: v.date.isoformat()),
            Column("school", lambda: self.tr("School"), lambda v: _school_name(v.school_name_ja, v.school_name_en)),
            Column("substitute", lambda: self.tr("Substitute"),
                   lambda v: f"{v.substitute_code} {v.substitute_name}".strip()),
        ], self)
        self.covered_table = _table(self, "finder_covered", self.covered_model)
        self.covered_box = QGroupBox(self)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("finder_remove")
        # Candidates
        self.candidate_model: RowTableModel[RankedCandidate] = RowTableModel([
            Column("rank", lambda: self.tr("#"), lambda c: str(c.rank), sort=lambda c: c.rank, align_right=True),
            Column("alt", lambda: self.tr("ALT"), lambda c: f"{c.candidate.alt_code} {c.candidate.name}"),
            Column("score", lambda: self.tr("Score"), lambda c: str(c.candidate.score), sort=lambda c: c.candidate.score,
                   align_right=True),
            Column("why", lambda: self.tr("Why"), lambda c: c.reasons(current_language()),
                   tooltip=lambda c: c.reasons(current_language()).replace(", ", "\n").replace("、", "\n")),
        ], self)
        self.candidate_table = _table(self, "finder_candidates", self.candidate_model)
        self._why_delegate = ElideRightDelegate(self.candidate_table)
        self.candidate_table.setItemDelegateForColumn(3, self._why_delegate)
        self.candidate_box = QGroupBox(self)
        self.visit_label = QLabel(self)
        self.visit_label.setObjectName("finder_visit")
        self.visit_label.setWordWrap(True)
        self.assign_button = QPushButton(self)
        self.assign_button.setObjectName("finder_assign")
        # Feedback and closing
        self.status = QLabel(self)
        self.status.setObjectName("finder_status")
        self.status.setWordWrap(True)
        self.undo_action = ctx.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = ctx.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("finder_undo")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("finder_close")
        for button in (self.remove_button, self.assign_button, self.undo_button, self.close_button):
            button.setAutoDefault(False)  # Enter belongs to the lists (assign), not to a button

        # Layout
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.absence_label)
        pick_row.addWidget(self.absence_combo, 1)
        range_row = QHBoxLayout()
        range_row.addWidget(self.alt_label)
        range_row.addWidget(self.alt_combo, 1)
        range_row.addWidget(self.from_label)
        range_row.addWidget(self.from_edit)
        range_row.addWidget(self.to_label)
        range_row.addWidget(self.to_edit)
        uncovered_layout = QVBoxLayout(self.uncovered_box)
        uncovered_layout.addWidget(self.uncovered_table)
        uncovered_layout.addWidget(self.uncovered_count)
        covered_layout = QVBoxLayout(self.covered_box)
        covered_layout.addWidget(self.covered_table)
        covered_buttons = QHBoxLayout()
        covered_buttons.addStretch(1)
        covered_buttons.addWidget(self.remove_button)
        covered_layout.addLayout(covered_buttons)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.uncovered_box)
        left.addWidget(self.covered_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        candidate_layout = QVBoxLayout(self.candidate_box)
        candidate_layout.addWidget(self.visit_label)
        candidate_layout.addWidget(self.candidate_table, 1)
        assign_row = QHBoxLayout()
        assign_row.addStretch(1)
        assign_row.addWidget(self.assign_button)
        candidate_layout.addLayout(assign_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.candidate_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 620])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(pick_row)
        layout.addLayout(range_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        # Behaviour
        self.absence_combo.currentIndexChanged.connect(self._absence_chosen)
        self.alt_combo.currentIndexChanged.connect(self._range_edited)
        self.alt_combo.currentTextChanged.connect(self._alt_typed)
        self.from_edit.dateChanged.connect(self._range_edited)
        self.to_edit.dateChanged.connect(self._range_edited)
        self.uncovered_table.selectionModel().currentRowChanged.connect(self._load_candidates)
        self.uncovered_table.activated.connect(self._focus_candidates)
        self.candidate_table.activated.connect(lambda _index: self.assign())
        self.candidate_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.covered_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.assign_button.clicked.connect(self.assign)
        self.remove_button.clicked.connect(self.remove_substitute)
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.close_button.clicked.connect(self.reject)
        self.undo_button.setEnabled(ctx.undo_stack.canUndo())
        ctx.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        ctx.data_changed.connect(self._on_data_changed)

        self._load_absences()
        self.retranslate()
        if absence_id is not None:
            self.select_absence(absence_id)
        else:
            self._select_current_absence()
        self.resize(1120, 640)

    # --- Choosing what to cover --------------------------------------------------------------

    def _absence_text(self, row: AbsenceRow) -> str:
        return self.tr("%1 · %2 · %3 · to cover: %4").replace("%1", format_date_range(row.start_date, row.end_date)) \
            .replace("%2", f"{row.alt_code} {row.alt_name}").replace("%3", absence_kind_label(row.kind)) \
            .replace("%4", str(row.visits_uncovered))

    def _load_absences(self, keep: int | None = None) -> None:
        since = self._today - dt.timedelta(days=RECENT_DAYS)
        rows = list_absences(self.ctx.ws, first=since)
        if keep is not None and keep not in {r.id for r in rows}:
            extra = get_absence(self.ctx.ws, keep)
            rows = ([extra] if extra else []) + rows
        self._absences = rows
        current = self.absence_combo.currentData() if keep is None else keep
        self.absence_combo.blockSignals(True)
        self.absence_combo.clear()
        self.absence_combo.addItem(self.tr("None: choose an ALT and dates below"), None)
        for row in rows:
            self.absence_combo.addItem(self._absence_text(row), row.id)
        self.absence_combo.setCurrentIndex(max(0, self.absence_combo.findData(current)) if current else 0)
        self.absence_combo.blockSignals(False)

    def select_absence(self, absence_id: int) -> None:
        if self.absence_combo.findData(absence_id) < 0:
            self._load_absences(keep=absence_id)
        self.absence_combo.setCurrentIndex(max(0, self.absence_combo.findData(absence_id)))
        self._absence_chosen()

    def _select_current_absence(self) -> None:
        """Start on the first absence still to cover from today on, if any."""
        for row in self._absences:
            if row.end_date >= self._today and row.visits_uncovered:
                self.select_absence(row.id)
                return
        self._reload()

    def select_alt(self, alt_id: int, first: dt.date, last: dt.date) -> None:
        self._set_range(alt_id, first, last)
        self._range_edited()

    def _set_range(self, alt_id: int, first: dt.date, last: dt.date) -> None:
        for widget in (self.alt_combo, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        self.alt_combo.setCurrentIndex(self.alt_combo.findData(alt_id))
        self.from_edit.setDate(to_qdate(first))
        self.to_edit.setDate(to_qdate(last))
        for widget in (self.alt_combo, self.from_edit, self.to_edit):
            widget.blockSignals(False)

    def _absence_chosen(self) -> None:
        row = self._absence(self.absence_combo.currentData())
        if row is not None:
            self._set_range(row.alt_id, row.start_date, row.end_date)
        self._reload()
        if self.uncovered_model.rowCount():
            self.uncovered_table.setFocus()

    def _range_edited(self) -> None:
        alt_id, (first, last) = combo_alt_id(self.alt_combo), self.period()
        match = next((r.id for r in self._absences
                      if (r.alt_id, r.start_date, r.end_date) == (alt_id, first, last)), None)
        self.absence_combo.blockSignals(True)
        self.absence_combo.setCurrentIndex(max(0, self.absence_combo.findData(match)) if match else 0)
        self.absence_combo.blockSignals(False)
        self._reload()

    def _alt_typed(self) -> None:
        # Typing names an ALT once the text matches one; until then nothing is listed.
        if combo_alt_id(self.alt_combo) != self._listed_alt:
            self._range_edited()

    def _absence(self, absence_id: int | None) -> AbsenceRow | None:
        return next((r for r in self._absences if r.id == absence_id), None)

    def period(self) -> tuple[dt.date, dt.date]:
        first, last = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        return (first, last) if first <= last else (last, first)

    # --- Lists -------------------------------------------------------------------------------

    def _reload(self) -> None:
        """Reload the visits (keeping the selected one, or the next one once it is covered)."""
        previous = self.selected_visit()
        previous_row = self.uncovered_table.currentIndex().row()
        alt_id = combo_alt_id(self.alt_combo)
        self._listed_alt = alt_id
        first, last = self.period()
        if alt_id is None:
            uncovered, covered = [], []
        else:
            uncovered = uncovered_for(self.ctx.ws, alt_id, first, last)
            covered = covered_visits(self.ctx.ws, alt_id, first, last)
        self.uncovered_model.set_rows(uncovered)
        self.covered_model.set_rows(covered)
        if uncovered:
            ids = [v.visit_id for v in uncovered]
            if previous is not None and previous.visit_id in ids:
                row = ids.index(previous.visit_id)
            else:
                row = min(max(previous_row, 0), len(uncovered) - 1)
            self.uncovered_table.selectionModel().setCurrentIndex(
                self.uncovered_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._load_candidates()
        self._update_counts()

    def _load_candidates(self) -> None:
        visit = self.selected_visit()
        previous = self.selected_candidate()
        if visit is None:
            self.candidate_model.set_rows([])
            self.visit_label.setText(self.tr("Select a visit to see who could cover it."))
            self._update_buttons()
            return
        ranked = [RankedCandidate(i, c) for i, c in enumerate(substitute_candidates(self.ctx.ws, visit.visit_id), 1)]
        self.candidate_model.set_rows(ranked)
        self.visit_label.setText(
            self.tr("%1, %2 at %3 (%4 classes)").replace("%1", format_date(visit.date))
            .replace("%2", format_time_range(visit.start_time, visit.end_time))
            .replace("%3", _school_name(visit.school_name_ja, visit.school_name_en))
            .replace("%4", str(visit.classes)))
        if ranked:
            ids = [r.candidate.alt_id for r in ranked]
            row = ids.index(previous.alt_id) if previous is not None and previous.alt_id in ids else 0
            self.candidate_table.selectionModel().setCurrentIndex(
                self.candidate_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self.visit_label.setText(self.visit_label.text() + "\n" + self.tr(
                "Nobody is free at that time. Consider moving or cancelling the visit."))
        self._fit_columns()
        self._update_buttons()

    def _fit_columns(self) -> None:
        for table in (self.uncovered_table, self.candidate_table, self.covered_table):
            header = table.horizontalHeader()
            for column in range(header.count() - 1):
                table.resizeColumnToContents(column)
                header.resizeSection(column, min(header.sectionSize(column), 260))

    def _update_counts(self) -> None:
        self.uncovered_count.setText(self.tr("To cover: %1 · covered: %2")
                                     .replace("%1", str(self.uncovered_model.rowCount()))
                                     .replace("%2", str(self.covered_model.rowCount())))

    def _update_buttons(self) -> None:
        self.assign_button.setEnabled(self.selected_visit() is not None and self.selected_candidate() is not None)
        self.remove_button.setEnabled(self.selected_covered() is not None)

    def _on_data_changed(self, _kinds: set) -> None:
        self._load_absences()
        self._reload()

    def _focus_candidates(self) -> None:
        if self.candidate_model.rowCount():
            self.candidate_table.setFocus()

    # --- Selection ---------------------------------------------------------------------------

    def selected_visit(self) -> UncoveredVisit | None:
        index = self.uncovered_table.currentIndex()
        return index.data(OBJECT_ROLE) if index.isValid() else None

    def selected_candidate(self) -> Candidate | None:
        index = self.candidate_table.currentIndex()
        ranked = index.data(OBJECT_ROLE) if index.isValid() else None
        return ranked.candidate if ranked is not None else None

    def selected_covered(self) -> CoveredVisit | None:
        index = self.covered_table.currentIndex()
        return index.data(OBJECT_ROLE) if index.isValid() else None

    # --- Assigning ---------------------------------------------------------------------------

    def assign(self) -> None:
        visit, candidate = self.selected_visit(), self.selected_candidate()
        if visit is None or candidate is None:
            return
        school = _school_name(visit.school_name_ja, visit.school_name_en)
        what = (f"{candidate.alt_code} → {visit.school_name_en or visit.school_name_ja} {format_date(visit.date, 'en')}",
                f"{candidate.alt_code} → {visit.school_name_ja} {format_date(visit.date, 'ja')}")
        error = push(self.ctx, assign_substitute_command(self.ctx, visit.visit_id, candidate.alt_id, what))
        if error is not None:
            self.status.setText(error.message(current_language()))
            return
        self.status.setText(self.tr("%1 covers %2 on %3. Undo with Ctrl+Z.")
                            .replace("%1", f"{candidate.alt_code} {candidate.name}").replace("%2", school)
                            .replace("%3", format_date(visit.date)))
        self.assigned.emit(visit.visit_id, candidate.alt_id)
        self.uncovered_table.setFocus()

    def remove_substitute(self) -> None:
        covered = self.selected_covered()
        if covered is None:
            return
        school = _school_name(covered.school_name_ja, covered.school_name_en)
        what = (f"{covered.substitute_code} ← {covered.school_name_en or covered.school_name_ja} "
                f"{format_date(covered.date, 'en')}",
                f"{covered.substitute_code} ← {covered.school_name_ja} {format_date(covered.date, 'ja')}")
        error = push(self.ctx, remove_substitute_command(self.ctx, covered.visit_id, what))
        if error is not None:
            self.status.setText(error.message(current_language()))
            return
        self.status.setText(self.tr("%1 on %2 needs a substitute again.").replace("%1", school)
                            .replace("%2", format_date(covered.date)))

    # --- Language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find Substitute ALTs"))
        self.absence_label.setText(self.tr("A&bsence:"))
        self.absence_combo.setAccessibleName(self.tr("Absence to cover"))
        self.alt_label.setText(self.tr("A&LT:"))
        self.alt_combo.setAccessibleName(self.tr("ALT whose visits need covering"))
        self.alt_combo.lineEdit().setPlaceholderText(self.tr("Code or name"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        self.from_edit.setAccessibleName(self.tr("First day"))
        self.to_edit.setAccessibleName(self.tr("Last day"))
        self.uncovered_box.setTitle(self.tr("Visits to cover"))
        self.uncovered_table.setAccessibleName(self.tr("Visits to cover"))
        self.covered_box.setTitle(self.tr("Already covered"))
        self.covered_table.setAccessibleName(self.tr("Visits already covered"))
        self.remove_button.setText(self.tr("&Remove Substitute"))
        self.candidate_box.setTitle(self.tr("Who could cover the selected visit (best first)"))
        self.candidate_table.setAccessibleName(self.tr("Candidates"))
        self.assign_button.setText(self.tr("&Assign Substitute"))
        self.assign_button.setToolTip(self.tr("Assign the selected ALT (Enter or double-click)"))
        self.undo_button.setText(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))
        self.close_button.setText(self.tr("&Close"))
        for model in (self.uncovered_model, self.covered_model, self.candidate_model):
            model.retranslate()
        for edit in (self.from_edit, self.to_edit):
            setup_date_edit(edit)
        self._load_absences()
        self._reload()


def open_substitute_finder(ctx: AppContext, parent: QWidget | None = None,
                           absence_id: int | None = None) -> SubstituteFinder:
    """Show the finder as its own window beside the main one (not modal)."""
    finder = SubstituteFinder(ctx, parent, absence_id)
    finder.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    finder.setWindowModality(Qt.WindowModality.NonModal)
    finder.show()
    finder.raise_()
    finder.activateWindow()
    return finder
