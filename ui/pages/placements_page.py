"""Placements: which ALT goes to which school, how often, from when to when. New / Edit / Delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QCheckBox, QWidget

from altdesk.services.records import PlacementRow, list_placements
from ui.app_context import AppContext
from ui.controllers.record_editing import RecordEditing
from ui.models.placements import make_placement_model
from ui.models.row_table import OBJECT_ROLE
from ui.pages.record_panel import RecordPanel


class _CurrentOnly(QSortFilterProxyModel):
    """The search box's text filter, and optionally only placements not yet ended."""

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.today = today
        self.current_only = True

    def set_current_only(self, on: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.current_only = on
            self.endFilterChange()
        else:
            self.current_only = on
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.current_only:
            row: PlacementRow = self.sourceModel().index(source_row, 0, source_parent).data(OBJECT_ROLE)
            if row is not None and row.end_date < self.today():
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class PlacementsPage(RecordPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        editing = RecordEditing.of(ctx)
        current = _CurrentOnly(editing.today, parent)
        super().__init__(make_placement_model(parent), "page_placements", parent,
                         actions=editing.placement_actions(), loader=lambda: list_placements(ctx.ws),
                         proxy=current)
        self.current = current
        self.ctx = ctx
        self.show_ended = QCheckBox(self)
        self.show_ended.setObjectName("show_ended")
        self.show_ended.toggled.connect(self._show_ended)
        self.filters.addWidget(self.show_ended)
        self.watch(ctx, {"placements", "alts", "schools"})
        self.retranslate()
        self.refresh()
        self.fit_columns()

    def _show_ended(self, on: bool) -> None:
        self.current.set_current_only(not on)
        self._update_count()

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(self.tr("Search by ALT, school, weekday…"))
        if hasattr(self, "show_ended"):
            self.show_ended.setText(self.tr("Show ended placements"))
            self.show_ended.setToolTip(self.tr("Placements whose end date has passed are hidden unless ticked."))
