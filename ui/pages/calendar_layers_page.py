"""The day layers of a fiscal year, each editable: boards with their breaks and closure days,
schools' own days off, branch closures, and the national holidays with the branch's overrides."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from altdesk.db.enums import DayOffKind
from altdesk.scheduling.generate import fiscal_year_bounds, fiscal_year_of
from altdesk.services.records import fiscal_year_holidays, list_boards, list_day_offs
from ui.app_context import AppContext
from ui.controllers.record_editing import RecordEditing
from ui.models.calendar_layers import make_board_model, make_day_off_model, make_holiday_model
from ui.pages.record_panel import RecordPanel
from ui.settings import current_language

BOARD_KINDS = (DayOffKind.BREAK, DayOffKind.CLOSURE)
LAYER_KINDS = {"calendar", "day_offs"}


class CalendarLayersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_calendar_layers")
        self.ctx = ctx
        editing = RecordEditing.of(ctx)
        ws = ctx.ws

        self.year_label = QLabel(self)
        self.year = QSpinBox(self)
        self.year.setObjectName("fiscal_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(fiscal_year_of(editing.today()))
        self.year_label.setBuddy(self.year)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.explanation, 1)

        self.boards = RecordPanel(make_board_model(self), "boards", self, actions=editing.board_actions(),
                                  loader=lambda: list_boards(ws))
        self.closures_title = QLabel(self)
        self.closures = RecordPanel(
            make_day_off_model(False, self), "board_closures", self,
            actions=editing.day_off_actions(DayOffKind.CLOSURE, self._board_id), search=False,
            loader=lambda: [r for r in list_day_offs(ws, *self.bounds(), kinds=BOARD_KINDS)
                            if r.board_id == self._board_id()])
        closures_box = QWidget(self)
        closures_layout = QVBoxLayout(closures_box)
        closures_layout.setContentsMargins(0, 0, 0, 0)
        closures_layout.addWidget(self.closures_title)
        closures_layout.addWidget(self.closures)
        self.board_split = QSplitter(Qt.Orientation.Vertical, self)
        self.board_split.addWidget(self.boards)
        self.board_split.addWidget(closures_box)
        self.board_split.setChildrenCollapsible(False)

        self.school_days = RecordPanel(
            make_day_off_model(True, self), "school_days_off", self,
            actions=editing.day_off_actions(DayOffKind.SCHOOL_DAY_OFF),
            loader=lambda: list_day_offs(ws, *self.bounds(), kinds=(DayOffKind.SCHOOL_DAY_OFF,)))
        self.branch_closures = RecordPanel(
            make_day_off_model(False, self), "branch_closures", self,
            actions=editing.day_off_actions(DayOffKind.BRANCH_CLOSURE), search=False,
            loader=lambda: list_day_offs(ws, *self.bounds(), kinds=(DayOffKind.BRANCH_CLOSURE,)))
        self.holidays = RecordPanel(
            make_holiday_model(self), "holidays", self, actions=editing.holiday_actions(), search=False,
            loader=lambda: fiscal_year_holidays(ws, self.year.value()), row_id=lambda row: row.date,
            button_texts=lambda: (self.tr("Add a holiday…"), self.tr("Override…"), self.tr("Remove override")))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("layer_tabs")
        for widget in (self.board_split, self.school_days, self.branch_closures, self.holidays):
            self.tabs.addTab(widget, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.boards.watch(ctx, {"boards", "schools"} | LAYER_KINDS)
        self.closures.watch(ctx, {"boards"} | LAYER_KINDS)
        self.school_days.watch(ctx, {"schools"} | LAYER_KINDS)
        self.branch_closures.watch(ctx, LAYER_KINDS)
        self.holidays.watch(ctx, {"holidays", "calendar"})
        self.boards.table.selectionModel().selectionChanged.connect(self._board_changed)
        self.year.valueChanged.connect(self.refresh)
        self.retranslate()
        self.refresh()
        if self.boards.proxy.rowCount():
            self.boards.table.selectRow(0)

    def bounds(self) -> tuple[dt.date, dt.date]:
        return fiscal_year_bounds(self.year.value())

    def _board_id(self) -> int | None:
        row = self.boards.selected_row()
        return row.id if row is not None else None

    def _board_changed(self) -> None:
        row = self.boards.selected_row()
        self.closures.new_button.setEnabled(row is not None)
        self.closures.new_action.setEnabled(row is not None)
        self._title_closures()
        self.closures.refresh()
        self.closures.fit_columns()

    def _title_closures(self) -> None:
        row = self.boards.selected_row()
        if row is None:
            self.closures_title.setText(self.tr("Choose a board above to see its breaks and closure days."))
            return
        name = row.name_ja if current_language() == "ja" else (row.name_en or row.name_ja)
        self.closures_title.setText(self.tr("Breaks and closure days of %1 in fiscal year %2")
                                    .replace("%1", name).replace("%2", str(self.year.value())))

    def refresh(self) -> None:
        for panel in (self.boards, self.closures, self.school_days, self.branch_closures, self.holidays):
            panel.refresh()
            panel.fit_columns()
        self._board_changed()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("&Fiscal year:"))
        self.year.setAccessibleName(self.tr("Fiscal year"))
        self.year.setSuffix("年度" if current_language() == "ja" else "")  # 2026年度
        self.year.setToolTip(self.tr("April to March; 2026 means April 2026 to March 2027."))
        self.explanation.setText(self.tr(
            "Visits are only planned on school working days: these layers say which days are not."))
        for index, text in enumerate((self.tr("Boards, breaks and closures"), self.tr("School days off"),
                                      self.tr("Branch closures"), self.tr("National holidays"))):
            self.tabs.setTabText(index, text)
        for panel in (self.boards, self.closures, self.school_days, self.branch_closures, self.holidays):
            panel.retranslate()
        self.boards.search.setPlaceholderText(self.tr("Search boards…"))
        self.school_days.search.setPlaceholderText(self.tr("Search by school or name…"))
        self._title_closures()
