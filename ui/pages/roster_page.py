"""The ALT and School rosters: searchable, sortable tables with New / Edit / Delete.

`RosterPage(model, object_name)` still works as a read-only table the window fills itself;
`alt_roster_page(ctx)` and `school_roster_page(ctx)` give the full pages, which load their
rows from the services, open the editors and refresh when the records change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from altdesk.services.rosters import list_alts, list_schools
from ui.app_context import AppContext
from ui.controllers.record_editing import RecordActions, RecordEditing
from ui.models.rosters import make_alt_model, make_school_model
from ui.models.row_table import RowTableModel
from ui.pages.record_panel import RecordPanel


class RosterPage(RecordPanel):
    def __init__(self, model: RowTableModel, object_name: str, parent: QWidget | None = None, *,
                 actions: RecordActions | None = None,
                 loader: Callable[[], Sequence[Any]] | None = None) -> None:
        super().__init__(model, object_name, parent, actions=actions, loader=loader)

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(self.tr("Search by code, name, board…"))


def alt_roster_page(ctx: AppContext, parent: QWidget | None = None) -> RosterPage:
    page = RosterPage(make_alt_model(parent), "page_alts", parent,
                      actions=RecordEditing.of(ctx).alt_actions(), loader=lambda: list_alts(ctx.ws))
    page.watch(ctx, {"alts", "placements"})
    page.refresh()
    return page


def school_roster_page(ctx: AppContext, parent: QWidget | None = None) -> RosterPage:
    page = RosterPage(make_school_model(parent), "page_schools", parent,
                      actions=RecordEditing.of(ctx).school_actions(), loader=lambda: list_schools(ctx.ws))
    page.watch(ctx, {"schools", "boards"})
    page.refresh()
    return page
