"""The Planner section: plan the next fiscal year's placements, or re-plan after an ALT leaves.

The plan is made off the window's thread (a runner job: the solver releases the interpreter while
it searches, and its progress arrives about every second with the best plan so far, shown as it
comes). Stop ends the search and keeps that plan. The result shows its totals and four charts, a
map-like plot of ALT homes and schools with the assignments drawn, and the changes against
today's placements with their reasons (a table view over ui.models.plan_changes: hundreds of rows
cost no object per cell); accepting all of them or those of the schools ticked is one undoable
operation (altdesk.services.planning.apply_plan, which also generates the visits). Schools an ALT
moves between go together: accepting one asks to take the others too (schools_also_needed).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from altdesk.dates import fiscal_year_of
from altdesk.errors import UserError
from altdesk.planning import DEFAULT_TIME_LIMIT, REPLACEMENT_TIME_LIMIT, Plan, PlanProgress
from altdesk.planning.types import WEEKDAY_CODES, WEEKDAY_EN, WEEKDAY_JA
from altdesk.services.planning import Applied, PlanPlaces, apply_plan, schools_also_needed
from altdesk.services.rosters import list_alts
from ui.app_context import AppContext
from ui.formatting import (
    fiscal_year_label,
    format_date,
    from_qdate,
    setup_date_edit,
    to_qdate,
)
from ui.models.plan_changes import (
    ALT,
    CHANGE,
    CHECK,
    DATES,
    DAYS,
    ENDS,
    KIND_ROLE,
    NEW,
    REASONS,
    REMOVED,
    SCHOOL,
    SCHOOL_ROLE,
    UNMET,
    ChangeRow,
    ChangeTexts,
    PlanChangesModel,
)
from ui.planner_plot import (
    PlanMap,
    continuity,
    continuity_chart,
    demand_chart,
    load_chart,
    travel_chart,
    travel_per_alt,
)
from ui.runner import Task, runner_for
from ui.settings import current_language
from ui.undo import OperationCommand, push

YEAR, LEAVE = "year", "leave"
# The changes' columns, kinds and roles live with their model; named here too for the page's tests.
__all__ = ["ALT", "CHANGE", "CHECK", "DATES", "DAYS", "ENDS", "KIND_ROLE", "NEW", "REASONS", "REMOVED", "SCHOOL",
           "SCHOOL_ROLE", "UNMET", "PlannerPage"]


def _weekdays(codes: str, lang: str) -> str:
    """A rule's BYDAY ("MO,WE") as the plan writes days (Mon/Wed, 月曜・水曜)."""
    names = WEEKDAY_JA if lang == "ja" else tuple(n[:3] for n in WEEKDAY_EN)
    days = [names[WEEKDAY_CODES.index(c)] for c in codes.split(",") if c in WEEKDAY_CODES]
    return ("・" if lang == "ja" else "/").join(days)


def _span(first: dt.date, last: dt.date) -> str:
    """A placement's dates without weekdays: most span the whole year, so the column stays narrow."""
    dash = "〜" if current_language() == "ja" else " – "
    return f"{format_date(first, weekday=False)}{dash}{format_date(last, weekday=False)}"


# Changes that can make a plan shown wrong: what it ends, who is free, what is asked for.
STALE_KINDS = frozenset({"placements", "alts", "schools", "absences", "events", "day_offs", "holidays", "boards",
                         "branch", "all"})

class ChartCard(QFrame):
    """A small chart under its title."""

    def __init__(self, key: str, title: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"planner_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title, self)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(70)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setToolTip(tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def set_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self.view.setChart(chart)  # the view owns the new chart; the old one is ours to delete
        if old is not None and old is not chart:
            old.deleteLater()


class PlannerPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planner_page")
        self.ctx = ctx
        self.plan: Plan | None = None
        self.places: PlanPlaces | None = None
        self.task: Task | None = None
        self.last_error: UserError | None = None
        self.last_applied: Applied | None = None
        self._stop = threading.Event()
        # Written by the job's thread, read here: the latest step, and the map's places (read first).
        self._latest: list[PlanProgress | None] = [None]
        self._early_places: list[PlanPlaces | None] = [None]
        self._shown_best: Plan | None = None
        self._run_mode = YEAR
        self._what = ("", "")  # the accepted operation's name, in English and Japanese
        self._leaver = ""
        self._accepted: list[tuple[OperationCommand, frozenset[str]]] = []
        # The plan shown was made before a change elsewhere (not its own accepting): not accepted.
        self._stale = False
        self._accepting = False
        self._drawings: list[Callable[[], Any]] = []  # waiting for their turn (_in_turns)
        stop = self._stop
        self.destroyed.connect(lambda *_: stop.set())  # a page closed mid-run ends its search
        self._build()
        ctx.undo_stack.indexChanged.connect(self._show_accepted)
        ctx.data_changed.connect(self._data_changed)
        self._read_alts()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        today = self.ctx.today()
        self.year_radio = QRadioButton(self.tr("Fiscal year"), self)
        self.year_radio.setObjectName("planner_year_mode")
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("planner_year")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(fiscal_year_of(today) + 1)
        self.leave_radio = QRadioButton(self.tr("An ALT leaves:"), self)
        self.leave_radio.setObjectName("planner_leave_mode")
        self.alt_combo = QComboBox(self)
        self.alt_combo.setObjectName("planner_alt")
        self.alt_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.alt_combo.setMinimumContentsLength(16)
        self.from_label = QLabel(self.tr("first day away"), self)
        self.from_date = QDateEdit(self)
        self.from_date.setObjectName("planner_from")
        setup_date_edit(self.from_date)
        self.from_date.setDate(to_qdate(today + dt.timedelta(days=7 - today.weekday())))  # next Monday
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.year_radio)
        self.modes.addButton(self.leave_radio)
        self.year_radio.setChecked(True)
        self.modes.buttonToggled.connect(self._mode_changed)
        self.limit_label = QLabel(self.tr("Time limit"), self)
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setObjectName("planner_time_limit")
        self.limit_spin.setRange(2, 3600)
        self.limit_spin.setSuffix(self.tr(" s"))
        self.limit_spin.setValue(int(DEFAULT_TIME_LIMIT))
        self.run_button = QPushButton(self.tr("Run"), self)
        self.run_button.setObjectName("planner_run")
        self.run_button.clicked.connect(self.run)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("planner_stop")
        self.stop_button.setToolTip(self.tr("End the search and keep the best plan found so far."))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("planner_progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(140)
        self.progress.setRange(0, 1)
        self.status = QLabel(self.tr("Choose what to plan, then Run."), self)
        self.status.setObjectName("planner_status")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        modes = QHBoxLayout()
        modes.addWidget(self.year_radio)
        modes.addWidget(self.year_spin)
        modes.addSpacing(16)
        modes.addWidget(self.leave_radio)
        modes.addWidget(self.alt_combo)
        modes.addWidget(self.from_label)
        modes.addWidget(self.from_date)
        modes.addStretch(1)
        runs = QHBoxLayout()
        runs.addWidget(self.limit_label)
        runs.addWidget(self.limit_spin)
        runs.addWidget(self.run_button)
        runs.addWidget(self.stop_button)
        runs.addWidget(self.progress)
        runs.addWidget(self.status, 1)

        # Totals: a name over each figure.
        totals = QGridLayout()
        totals.setHorizontalSpacing(18)
        totals.setVerticalSpacing(0)
        names = {
            "met": self.tr("Demand met"), "travel": self.tr("Travel in all"), "per_alt": self.tr("Travel per ALT"),
            "loads": self.tr("Load"), "kept": self.tr("Continuity kept"), "gap": self.tr("Gap"),
        }
        self.totals: dict[str, QLabel] = {}
        for column, (key, name) in enumerate(names.items()):
            head = QLabel(name, self)
            head.setStyleSheet("color: #616161;")
            value = QLabel("–", self)
            value.setObjectName(f"planner_total_{key}")
            bold = value.font()
            bold.setBold(True)
            value.setFont(bold)
            totals.addWidget(head, 0, column)
            totals.addWidget(value, 1, column)
            self.totals[key] = value
        totals.setColumnStretch(len(names), 1)

        # Charts two by two, beside the map.
        self.cards = {
            "demand": ChartCard("demand", self.tr("Demand met"), self.tr("Days a fortnight met and unmet."), self),
            "travel": ChartCard("travel", self.tr("Travel per ALT"),
                                self.tr("One-way minutes a week of each ALT, the most first."), self),
            "loads": ChartCard("loads", self.tr("Load per ALT"),
                               self.tr("Classes a week of each ALT, the most first."), self),
            "kept": ChartCard("kept", self.tr("Continuity kept"),
                              self.tr("ALT–school pairs that taught together last year, and new ones."), self),
        }
        charts = QWidget(self)
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 2, index % 2)

        # The map, and the changes with the buttons that accept them.
        self.map = PlanMap(self)
        self.map.setMinimumSize(160, 100)
        self.map_note = QLabel(self.tr("● ALT home  ■ school (red: demand unmet)  — assignment (dashed: kept as it is)"),
                               self)
        self.map_note.setWordWrap(True)
        self.map_note.setStyleSheet("color: #616161;")
        map_box = QWidget(self)
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.setSpacing(2)
        map_layout.addWidget(self.map, 1)
        map_layout.addWidget(self.map_note)

        # A view over plain rows (a plan on a large branch brings hundreds of changes: no object per cell).
        self.changes = PlanChangesModel(ChangeTexts(
            titles=("", self.tr("Change"), self.tr("School"), self.tr("ALT"), self.tr("Days"), self.tr("Dates"),
                    self.tr("Reasons")),
            kinds={NEW: self.tr("New placement"), ENDS: self.tr("Ends"), REMOVED: self.tr("Removed"),
                   UNMET: self.tr("Unmet")},
            tick_tip=self.tr("Ticked: accepted with the other changes at this school."),
            accepted_tip=self.tr("Accepted")), self)
        self.table = QTableView(self)
        self.table.setObjectName("planner_changes")
        self.table.setModel(self.changes)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(80)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)  # the reasons take the room left; each cell's tooltip has it whole
        self.changes.ticks_changed.connect(self._set_buttons)
        self.changes_note = QLabel(self)
        self.changes_note.setObjectName("planner_changes_note")
        self.changes_note.setWordWrap(True)
        self.accept_selected_button = QPushButton(self.tr("Accept selected"), self)
        self.accept_selected_button.setObjectName("planner_accept_selected")
        self.accept_selected_button.setToolTip(self.tr("Make the changes of the schools ticked, in one step "
                                                       "Undo takes back."))
        self.accept_selected_button.clicked.connect(self.accept_selected)
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.accept_all_button.setObjectName("planner_accept_all")
        self.accept_all_button.clicked.connect(self.accept_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.changes_note, 1)
        buttons.addWidget(self.accept_selected_button)
        buttons.addWidget(self.accept_all_button)
        changes_box = QWidget(self)
        changes_layout = QVBoxLayout(changes_box)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_layout.setSpacing(2)
        changes_layout.addWidget(self.table, 1)
        changes_layout.addLayout(buttons)

        # The changes get the page's width: their reasons are the longest texts.
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.setChildrenCollapsible(False)
        upper.addWidget(charts)
        upper.addWidget(map_box)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("planner_split")
        split.setChildrenCollapsible(False)
        split.addWidget(upper)
        split.addWidget(changes_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(modes)
        layout.addLayout(runs)
        layout.addLayout(totals)
        layout.addWidget(split, 1)
        self._mode_changed()
        self._set_buttons()

    def _mode_changed(self, *_args: Any) -> None:
        leave = self.leave_radio.isChecked()
        self.year_spin.setEnabled(not leave)
        for widget in (self.alt_combo, self.from_label, self.from_date):
            widget.setEnabled(leave)
        self.limit_spin.setValue(int(REPLACEMENT_TIME_LIMIT if leave else DEFAULT_TIME_LIMIT))

    def _read_alts(self) -> None:
        ws = self.ctx.ws
        runner_for(self.ctx).read(lambda _progress: list_alts(ws), on_done=self._show_alts, owner=self,
                                  key=("planner-alts", id(self)))

    def _show_alts(self, alts: list[Any]) -> None:
        current = self.alt_combo.currentData()
        with QSignalBlocker(self.alt_combo):
            self.alt_combo.clear()
            for alt in alts:
                self.alt_combo.addItem(f"{alt.code} {alt.display_name}", alt.code)
            index = self.alt_combo.findData(current)
            self.alt_combo.setCurrentIndex(max(0, index))

    # --- running -----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.task is not None and self.task.is_pending()

    def run(self) -> None:
        """Start the plan chosen above on a job thread (the solver never runs on this one)."""
        if self.is_running():
            return
        from altdesk.services.job_process import run_in_process, spec_for

        ws, limit = self.ctx.ws, float(self.limit_spin.value())
        stop, latest, early = self._stop, self._latest, self._early_places
        stop.clear()
        latest[0] = early[0] = None
        self._run_mode = LEAVE if self.leave_radio.isChecked() else YEAR
        if self._run_mode == YEAR:
            year = self.year_spin.value()
            self._what = (f"Plan placements of fiscal year {year}", f"{year}年度の配置計画")
            self._leaver = ""
            spec = spec_for(ws, "plan_year", year, limit)
        else:
            code = str(self.alt_combo.currentData() or "")
            first = from_qdate(self.from_date.date())
            self._what = (f"Re-plan after {code} leaves on {first}", f"{code} の離任（{first}）に伴う再配置")
            self._leaver = code
            spec = spec_for(ws, "plan_replacement", code, first, limit)

        # In a process of its own: the planner's start and the solver's wrapper are Python work that
        # would hold the interpreter's lock from this thread for seconds at a time on a large branch.
        def work(progress: Any) -> tuple[Plan, PlanPlaces]:
            def on_report(payload: tuple[str, Any]) -> None:
                kind, value = payload
                if kind == "places":
                    early[0] = value  # the best plan so far is drawn on them as it comes
                else:
                    latest[0] = value

            # Stop (or the window closing) stops the search: the plan found so far is the answer.
            return run_in_process(spec, lambda done, total: progress(done, total) and not stop.is_set(), on_report)

        self.last_error = None
        self.plan, self.places, self._shown_best = None, None, None
        self._accepted.clear()
        self._stale = False
        self._clear_result()
        self.progress.setRange(0, 0)  # busy until the first step says how many there are
        self.status.setText(self.tr("Planning…"))
        self.task = runner_for(self.ctx).job(work, on_done=self._done, on_error=self._failed,
                                             on_progress=self._progressed, owner=self)
        self._set_buttons()

    def stop(self) -> None:
        """End the search: the plan found so far comes back as the result."""
        if self.is_running():
            self._stop.set()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping: keeping the best plan found so far…"))

    def _progressed(self, _done: int, _total: int) -> None:
        step = self._latest[0]
        if step is None or not self.is_running():
            return
        lang = current_language()
        self.progress.setRange(0, max(1, step.total))
        self.progress.setValue(min(step.done, step.total))
        stage = step.stage_ja if lang == "ja" else step.stage_en
        if step.timed:
            text = self.tr("%1 — %2 of %3 s").replace("%1", stage).replace("%2", f"{step.seconds:.0f}") \
                .replace("%3", str(step.total))
        else:
            text = self.tr("%1 — step %2 of %3, %4 s").replace("%1", stage).replace("%2", str(step.done)) \
                .replace("%3", str(step.total)).replace("%4", f"{step.seconds:.0f}")
        if self._stop.is_set():
            text = self.tr("Stopping: keeping the best plan found so far…")
        self.status.setText(text)
        places = self._early_places[0]
        if places is not None and not self.map.has_places(places, lang):
            self.map.show_places(places, lang)  # the best plan's lines at the next step
            return
        if step.best is not None and step.best is not self._shown_best:
            best = self._shown_best = step.best
            self._show_totals(best)
            if places is not None:
                self._in_turns(lambda: best is self._shown_best and self.map.show_plan(best, places, lang))
            self._in_turns(lambda: best is self._shown_best and self._show_charts(best))

    def _done(self, result: Any) -> None:
        self.task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if not isinstance(result, tuple):  # cancelled as the window closed
            self._set_buttons()
            return
        self.plan, self.places = result
        plan = self.plan
        if plan.stopped:
            self.status.setText(self.tr("Stopped after %1 s: this is the best plan found so far.")
                                .replace("%1", f"{plan.seconds:.0f}"))
        elif plan.optimal:
            self.status.setText(self.tr("Done in %1 s: no better plan exists.").replace("%1", f"{plan.seconds:.0f}"))
        else:
            self.status.setText(self.tr("Done in %1 s (time limit reached): the best plan found.")
                                .replace("%1", f"{plan.seconds:.0f}"))
        self._shown_best = plan
        self._show_totals(plan)
        self._fill_changes()
        self._set_buttons()
        places, lang = self.places, current_language()
        self._in_turns(lambda: plan is self.plan and self.map.show_plan(plan, places, lang))
        self._in_turns(lambda: plan is self.plan and self._show_charts(plan))

    def _in_turns(self, draw: Callable[[], Any]) -> None:
        """Draw on a later turn of the event loop, each drawing in a turn of its own, so the window
        paints in between: a plan's map, charts and list together held it for over 0.1 s."""
        self._drawings.append(draw)
        if len(self._drawings) == 1:
            QTimer.singleShot(0, self, self._draw_next)

    def _draw_next(self) -> None:
        if self._drawings:
            self._drawings.pop(0)()
        if self._drawings:  # the next one after the window has painted this one
            QTimer.singleShot(0, self, self._draw_next)

    def result_drawn(self) -> bool:
        """A plan is shown whole: its list, totals, map and charts (for tests)."""
        return self.plan is not None and not self._drawings

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.last_error = exc if isinstance(exc, UserError) else None
        message = exc.message(current_language()) if isinstance(exc, UserError) else self.tr("Planning failed.")
        self.status.setText(message)
        self._set_buttons()

    def wait_for_plan(self, ms: int = 60000) -> bool:
        """For tests: let the job end on its thread (its answer lands with the next events)."""
        return self.task is None or self.task.wait(ms)

    # --- the result --------------------------------------------------------------------------
    def _clear_result(self) -> None:
        for label in self.totals.values():
            label.setText("–")
            label.setToolTip("")
        for card in self.cards.values():
            card.set_chart(QChart())
        self.map.clear_plan()
        self.changes.clear()
        self.changes_note.setText("")

    def _show_totals(self, plan: Plan) -> None:
        lang = current_language()
        met, demanded = plan.met_days, plan.demand_days
        share = f" ({met / demanded:.0%})" if demanded else ""
        self.totals["met"].setText(self.tr("%1 of %2 days").replace("%1", str(met)).replace("%2", str(demanded))
                                   + share)
        self.totals["met"].setToolTip(self.tr("Days a fortnight the schools ask for, and how many the plan fills."))
        travel = travel_per_alt(plan)
        total_week = plan.travel_total() / 2
        self.totals["travel"].setText(self.tr("%1 min a week").replace("%1", f"{total_week:.0f}"))
        self.totals["travel"].setToolTip(self.tr("One-way travel of every ALT from home to school, a week."))
        mean = total_week / len(travel) if travel else 0.0
        self.totals["per_alt"].setText(self.tr("%1 min a week").replace("%1", f"{mean:.0f}"))
        loads = list(plan.loads().values())
        if loads:
            low, high = min(loads), max(loads)
            self.totals["loads"].setText(self.tr("%1–%2 classes a week").replace("%1", f"{low:.0f}")
                                         .replace("%2", f"{high:.0f}"))
            self.totals["loads"].setToolTip(self.tr("Spread between the busiest and the least busy ALT: %1 classes.")
                                            .replace("%1", f"{high - low:.0f}"))
        else:
            self.totals["loads"].setText("–")
        kept, pairs = continuity(plan)
        self.totals["kept"].setText(self.tr("%1 of %2 pairs").replace("%1", str(kept)).replace("%2", str(pairs)))
        gap = f"{plan.gap:.1%}" if plan.gap_known else self.tr("not yet known")
        if plan.optimal:
            gap = self.tr("%1 (proven best)").replace("%1", gap)
        elif plan.stopped:
            gap = self.tr("%1 (stopped)").replace("%1", gap)
        self.totals["gap"].setText(gap)
        self.totals["gap"].setToolTip(
            (plan.GAP_NOTE_JA if lang == "ja" else plan.GAP_NOTE_EN) if plan.gap_known
            else self.tr("A step of the search has no bound yet: a longer time limit gives one."))

    def _show_charts(self, plan: Plan) -> None:
        self.cards["demand"].set_chart(demand_chart(plan))
        self.cards["travel"].set_chart(travel_chart(plan))
        self.cards["loads"].set_chart(load_chart(plan))
        self.cards["kept"].set_chart(continuity_chart(plan))

    def _fill_changes(self) -> None:
        plan, places = self.plan, self.places
        assert plan is not None and places is not None
        lang = current_language()
        rows: list[ChangeRow] = []
        alt_names = {p.code: p.name_en for p in places.alts.values()}
        day_labels: dict[frozenset[int], str] = {}  # a few patterns serve hundreds of assignments
        spans: dict[tuple[dt.date, dt.date], str] = {}
        for a in plan.assignments:
            if a.existing or a.demand_id is None:
                continue
            days = day_labels.get(a.slots)
            if days is None:
                days = day_labels[a.slots] = a.days_label(lang)
            span = spans.get((a.start, a.end))
            if span is None:
                span = spans[(a.start, a.end)] = _span(a.start, a.end)
            rows.append(ChangeRow(NEW, a.school_code, self._school(a.school_code, a.school_name_en, a.school_name_ja),
                                  f"{a.alt_code} {a.alt_name}", days, span,
                                  ("、" if lang == "ja" else "; ").join(a.reasons_ja if lang == "ja" else a.reasons_en)))
        for end in places.ends:
            if self._run_mode == YEAR:
                why = self.tr("Replaced by the plan of %1").replace("%1", fiscal_year_label(plan.first.year))
            elif end.alt_code == self._leaver:
                why = self.tr("%1 leaves: last day %2").replace("%1", end.alt_code) \
                    .replace("%2", format_date(end.last_day))
            else:
                why = self.tr("Moved by the re-plan")
            rows.append(ChangeRow(REMOVED if end.removed else ENDS, end.school_code,
                                  self._school(end.school_code, end.school_name_en, end.school_name_ja),
                                  f"{end.alt_code} {alt_names.get(end.alt_code, '')}".strip(),
                                  _weekdays(end.weekdays, lang),
                                  _span(end.start, end.end if end.removed else end.last_day), why))
        for u in plan.unmet:
            days = (self.tr("%1 day(s) a week") if u.period_weeks == 1 else self.tr("%1 day(s) a fortnight")) \
                .replace("%1", str(u.days_missing))
            rows.append(ChangeRow(UNMET, u.school_code,
                                  self._school(u.school_code, u.school_name_en, u.school_name_ja), "–", days, "",
                                  ("、" if lang == "ja" else "; ").join(u.reasons_ja if lang == "ja" else u.reasons_en)))
        order = {NEW: 0, ENDS: 1, REMOVED: 1, UNMET: 2}
        rows.sort(key=lambda r: (order[r.kind], r.school_code, r.alt))
        self.changes.set_rows(rows)  # every school ticked
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        # The tick (or ✓) and the kind as wide as they are; the others as wide as their texts up to a cap
        # (a cut cell has its tooltip): the reasons get the rest.
        box = self.table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self.table)
        header.resizeSection(CHECK, max(box + 12, metrics.horizontalAdvance("✓") + 14))
        kinds = {r.kind for r in rows}
        header.resizeSection(CHANGE, max([metrics.horizontalAdvance(self._kind_text(k)) for k in kinds]
                                         + [metrics.horizontalAdvance(self.changes.texts.titles[CHANGE])]) + 14)
        for column, most in ((SCHOOL, 230), (ALT, 170), (DAYS, 130), (DATES, 210)):
            # The first few hundred rows tell the width well enough (a cut cell has its tooltip).
            texts = {r.text(column) for r in rows[:300]} | {self.changes.texts.titles[column]}
            wanted = max(metrics.horizontalAdvance(text) for text in texts) + 14
            header.resizeSection(column, min(most, wanted))
        new = sum(1 for r in rows if r.kind == NEW)
        ends = sum(1 for r in rows if r.kind in (ENDS, REMOVED))
        unmet = sum(1 for r in rows if r.kind == UNMET)
        self.changes_note.setText(self.tr("%1 new placement(s), %2 ended or removed, %3 demand(s) unmet. Ticks go "
                                          "by school.").replace("%1", str(new)).replace("%2", str(ends))
                                  .replace("%3", str(unmet)))
        self._show_accepted()

    def _school(self, code: str, name_en: str, name_ja: str) -> str:
        return f"{code} {name_ja if current_language() == 'ja' else name_en}"

    def _kind_text(self, kind: str) -> str:
        return self.changes.texts.kinds[kind]

    # --- ticks and accepting ------------------------------------------------------------------
    def _rows_schools(self, ticked_only: bool) -> set[str]:
        """Schools with changes not accepted yet (those ticked only, or all of them)."""
        return self.changes.ticked_schools() if ticked_only else self.changes.open_schools()

    def selected_schools(self) -> set[str]:
        return self._rows_schools(ticked_only=True)

    def set_school_ticked(self, code: str, ticked: bool) -> None:
        """A school's changes go together (apply_plan takes schools): one tick ticks its rows."""
        self.changes.set_school_ticked(code, ticked)

    def accept_selected(self) -> None:
        schools = self.selected_schools()
        if schools:
            self._accept(frozenset(schools))

    def accept_all(self) -> None:
        schools = self._rows_schools(ticked_only=False)
        if schools:
            self._accept(frozenset(schools))

    def _accept(self, schools: frozenset[str]) -> None:
        plan, ws = self.plan, self.ctx.ws
        if plan is None:
            return
        accepted = self._accepted_schools()
        if self.places is not None:
            # An ALT who moves from one school to another takes both: accepting one alone would book
            # the ALT twice (apply_plan refuses it). Ask before adding the others.
            extra = schools_also_needed(plan, self.places.ends, schools | accepted) - accepted
            if extra:
                if not self._also_accept(extra):
                    return
                schools = schools | extra
        # Every school not yet accepted: all of the plan in one apply_plan call (the same as no filter).
        only = None if not accepted and schools == self._all_schools() else sorted(schools)
        text_en, text_ja = self._what
        if only is not None:
            text_en += f" ({len(only)} school{'s' if len(only) != 1 else ''})"
            text_ja += f"（{len(only)}校）"
        command = OperationCommand(self.ctx, text_en, text_ja, lambda: apply_plan(ws, plan, only),
                                   ("placements", "visits"))
        self._accepting = True  # its own change does not make the plan stale
        try:
            error = push(self.ctx, command)
        finally:
            self._accepting = False
        if error is not None:
            QMessageBox.warning(self, self.tr("Planner"), error.message(current_language()))
            return
        self._accepted.append((command, schools))
        applied = command.result if isinstance(command.result, Applied) else None
        self.last_applied = applied
        if applied is not None:
            self.status.setText(self.tr("Accepted: %1 placement(s) created, %2 ended, %3 removed, %4 visit(s) "
                                        "generated. Undo takes it back.")
                                .replace("%1", str(len(applied.created))).replace("%2", str(len(applied.ended)))
                                .replace("%3", str(len(applied.removed))).replace("%4", str(applied.visits)))
        self._show_accepted()

    def _also_accept(self, codes: frozenset[str], most: int = 8) -> bool:
        """Ask whether to accept the changes at these schools too (Yes) or nothing (No)."""
        lang = current_language()
        names = {p.code: (p.name_ja if lang == "ja" else p.name_en) for p in self.places.schools.values()} \
            if self.places is not None else {}
        listed = [f"{code} {names.get(code, '')}".strip() for code in sorted(codes)]
        text = ("、" if lang == "ja" else ", ").join(listed[:most])
        if len(listed) > most:
            text += " " + self.tr("and %1 more").replace("%1", str(len(listed) - most))
        answer = QMessageBox.question(
            self, self.tr("Planner"),
            self.tr("Accepting these changes also needs the changes at %1: an ALT moves between them. "
                    "Accept those too?").replace("%1", text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _all_schools(self) -> frozenset[str]:
        return self.changes.all_schools()

    def _accepted_schools(self) -> set[str]:
        """Schools whose changes are in effect: accepted here and not undone since."""
        stack = self.ctx.undo_stack
        done = [stack.command(i) for i in range(stack.index())]
        found: set[str] = set()
        for command, schools in self._accepted:
            if any(command is other for other in done):
                found |= schools
        return found

    def _show_accepted(self, *_args: Any) -> None:
        """Rows of schools accepted are greyed, their tick gone (they cannot be accepted twice);
        after an Undo they come back."""
        self.changes.set_accepted(self._accepted_schools())
        self._set_buttons()

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & {"alts", "all"}:
            self._read_alts()
        if self.plan is None or self.is_running() or self._stale or not kinds & STALE_KINDS:
            return
        record = self.ctx.announcing
        if self._accepting or (record is not None and any(record is c.record for c, _ in self._accepted)):
            return  # this page's own accepting, or its undo or redo
        # Accepting now would apply a plan made on data that has changed since: the placements it
        # ends or the rooms it counted on may be gone. Run again.
        self._stale = True
        self.status.setText(self.tr("Placements, ALTs, schools or absences changed after this plan was made: "
                                    "run it again before accepting."))
        self._set_buttons()

    def _set_buttons(self) -> None:
        running = self.is_running()
        self.run_button.setEnabled(not running)
        self.stop_button.setEnabled(running and not self._stop.is_set())
        open_rows = self._rows_schools(ticked_only=False) \
            if self.plan is not None and not running and not self._stale else set()
        self.accept_all_button.setEnabled(bool(open_rows))
        self.accept_selected_button.setEnabled(bool(open_rows) and bool(self.selected_schools()))
