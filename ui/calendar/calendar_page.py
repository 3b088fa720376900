"""The Calendar section: month grid, week agenda and the ALTs x days board, with filters,
navigation, editing (dialog, drag and drop, keyboard) through undoable commands."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from altdesk.db.enums import CancelReason, SchoolLevel, VisitStatus
from altdesk.errors import Cancelled, MonthClosed, UserError
from altdesk.labels import LEVEL_COLOURS, LEVEL_LABELS, LEVEL_LETTERS, label
from altdesk.scheduling.conflicts import Conflict
from altdesk.services.calendar_view import (
    BoardFilter,
    FilterChoices,
    MonthBoard,
    VisitCell,
    filter_choices,
    month_range,
)
from altdesk.services.visits import (
    VisitDraft,
    cancel_visit,
    create_visit,
    get_visit,
    move_visit,
    preview,
    update_visit,
)
from ui import faults
from ui.app_context import AppContext
from ui.calendar.board_model import ALT_ROLE, DAY_ROLE, BoardModel
from ui.calendar.month_loader import MonthLoader
from ui.calendar.month_week_models import (
    DAY_ROLE as MONTH_DAY_ROLE,
)
from ui.calendar.month_week_models import (
    MonthDelegate,
    MonthModel,
    WeekModel,
)
from ui.calendar.move_confirm import ask_about_conflicts
from ui.calendar.moves import MOVE_VISIT, SAVE_VISIT, UNMOVED, AskFirst, MoveCommand, MoveRequest, VersionBook
from ui.calendar.sent_strip import SentStrip
from ui.calendar.visit_painting import (
    ABSENCE_SHORT,
    ERROR_COLOUR,
    NEEDS_SUBSTITUTE,
    TODAY_COLOUR,
    WARNING_COLOUR,
    BoardDelegate,
)
from ui.formatting_dates import long_date, month_title
from ui.level_icons import level_icon
from ui.runner import EDIT, Task, runner_for
from ui.settings import current_language, settings
from ui.undo import OperationCommand, push

VIEWS = ("month", "week", "board")
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&\w+;)")


def _unbreakable(html: str) -> str:
    """Rich text whose visible characters may not be split across lines."""
    pieces = []
    for piece in _TAG_OR_ENTITY.split(html):
        if piece.startswith(("<", "&")):
            pieces.append(piece)
        else:
            pieces.append("\u2060".join(piece.replace(" ", "\u00a0")))
    return "".join(pieces)
CHOICES_LATEST_MS = 1500  # the filter lists, if no conflict check has landed by then



class CalendarPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_calendar")
        self.ctx = ctx
        self.today = today or dt.date.today()
        self.current_day = self.today
        self.view = "board"
        self._choices: FilterChoices | None = None
        self._choices_task: Task | None = None
        self.runner = runner_for(ctx)  # the window's one runner: reads, the conflict check, moves
        self.versions = VersionBook()
        self.moves_saved = 0
        self.loader = MonthLoader(lambda: self.ctx.ws, self._show_board, self._neighbour_ranges, self)
        self.loader.conflicts_found.connect(self._apply_conflicts)
        self.loader.failed.connect(self.ctx.status_message.emit)
        # A quiet moment (no read running beside the window) for the filter lists' first load.
        self.loader.settled.connect(self._read_choices_if_missing)
        # Asked before an edit that brings conflicts, before a cancel, and for an edit to a closed
        # month; tests replace them.
        self.confirm_conflicts: Callable[[list[Conflict]], bool] = self._ask_about_conflicts
        self.ask_cancel_reason: Callable[[VisitCell], tuple[CancelReason, str] | None] = self._ask_cancel_reason
        self.ask_closed_reason: Callable[[MonthClosed], str | None] = self._ask_closed_reason

        self._build_toolbar()
        self.board_model = BoardModel(self)
        self.board_model.set_today(self.today)
        self.zoom = 1.0  # the board's day columns, relative to a five-kanji name
        self.fit_month = False
        self.board_view = self._make_board_view()
        self.month_model = MonthModel(self)
        self.month_view = self._make_month_view()
        self.week_model = WeekModel(self)
        self.week_view = self._make_week_view()
        self.stack = QStackedWidget(self)
        for widget in (self.month_view, self.week_view, self.board_view):
            self.stack.addWidget(widget)
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setObjectName("calendar_legend")
        self.legend.setWordWrap(True)  # one line on a wide screen, two or three on an office laptop
        # "Changed since sent on …" above the board and the month, while the month shown was sent
        # and has changed since; its button opens the send wizard on that month.
        self.sent_strip = SentStrip(ctx, self)
        self.sent_strip.send_again.connect(self.open_send_wizard)
        self.sent_strip.updated.connect(lambda _state: self.board_model.set_changed_alts(self.sent_strip.changed_alts()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.toolbar)
        layout.addLayout(self.filters)
        layout.addWidget(self.sent_strip)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        self.board_model.move_requested.connect(self.request_move)
        self.ctx.data_changed.connect(self._on_data_changed)
        self._make_actions()
        self._restore_settings()
        self.retranslate()
        if self._pending_alt or self._pending_school:
            self.reload_choices()  # the remembered filter is applied from these lists
        else:  # the filter lists are filled after the board and its badges, which need none of them
            self._fill_filters(FilterChoices([], [], []))  # "All" meanwhile, never a blank box
            QTimer.singleShot(CHOICES_LATEST_MS, self, self._read_choices_if_missing)
        self.reload()

    # --- construction --------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QHBoxLayout()
        self.view_group = QButtonGroup(self)
        self.view_buttons: dict[str, QToolButton] = {}
        for key in VIEWS:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setObjectName(f"view_{key}")
            self.view_group.addButton(button)
            self.view_buttons[key] = button
            button.clicked.connect(lambda _checked=False, k=key: self.set_view(k))
            self.toolbar.addWidget(button)
        self.toolbar.addSpacing(12)
        self.prev_button, self.today_button, self.next_button = QToolButton(self), QToolButton(self), QToolButton(self)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        for button in (self.prev_button, self.today_button, self.next_button):
            self.toolbar.addWidget(button)
        self.title = QLabel(self)
        self.title.setObjectName("calendar_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.toolbar.addSpacing(12)
        self.toolbar.addWidget(self.title)
        self.toolbar.addStretch(1)
        self.summary = QLabel(self)
        self.toolbar.addWidget(self.summary)
        self.toolbar.addSpacing(12)
        self.paperwork_button = QToolButton(self)
        self.paperwork_button.setObjectName("show_paperwork")
        self.paperwork_button.setCheckable(True)
        self.paperwork_button.setChecked(True)
        self.paperwork_button.toggled.connect(self.show_paperwork)
        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("fit_month")
        self.fit_button.setCheckable(True)
        self.fit_button.toggled.connect(self.set_fit_month)
        self.zoom_out_button, self.zoom_in_button = QToolButton(self), QToolButton(self)
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(-1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(1))
        for button in (self.paperwork_button, self.zoom_out_button, self.fit_button, self.zoom_in_button):
            self.toolbar.addWidget(button)

        self.filters = QHBoxLayout()
        self.alt_filter, self.school_filter = QComboBox(self), QComboBox(self)
        self.board_filter, self.level_filter = QComboBox(self), QComboBox(self)
        for combo in (self.alt_filter, self.school_filter):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for combo in (self.board_filter, self.level_filter):
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.filter_labels = [QLabel(self) for _ in range(4)]
        for text, combo in zip(self.filter_labels, (self.alt_filter, self.school_filter, self.board_filter,
                                                     self.level_filter), strict=True):
            text.setBuddy(combo)
            self.filters.addWidget(text)
            self.filters.addWidget(combo, 1)
            combo.activated.connect(self._filters_changed)
        self.filters.addWidget(self.search, 1)
        self.search.returnPressed.connect(self._filters_changed)
        self.search.textChanged.connect(lambda text: self._filters_changed() if not text else None)

    def _make_board_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("board_view")
        view.setModel(self.board_model)
        view.setItemDelegate(BoardDelegate(view))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setWordWrap(False)
        view.setShowGrid(True)
        height = self.fontMetrics().height()
        view.verticalHeader().setDefaultSectionSize(height + 10)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setDefaultSectionSize(self._base_day_width())
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setMinimumSectionSize(18)
        view.doubleClicked.connect(self._board_double_clicked)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._board_menu)
        return view

    def _make_month_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("month_view")
        view.setModel(self.month_model)
        self.month_delegate = MonthDelegate(view)
        self.month_delegate.today = self.today
        self.month_delegate.more_clicked.connect(self.open_day)
        view.setItemDelegate(self.month_delegate)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.doubleClicked.connect(self._month_double_clicked)
        return view

    def _make_week_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("week_view")
        view.setModel(self.week_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.doubleClicked.connect(lambda index: self.edit_visit(self.week_model.visit_at(index.row())))
        return view

    def _make_actions(self) -> None:
        def add(shortcut: str | QKeySequence, slot: Callable[[], None], widget: QWidget) -> QAction:
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            widget.addAction(action)
            return action

        add("Ctrl+Shift+Right", lambda: self.move_selected(days=1), self.board_view)
        add("Ctrl+Shift+Left", lambda: self.move_selected(days=-1), self.board_view)
        add("Ctrl+Shift+Down", lambda: self.move_selected(rows=1), self.board_view)
        add("Ctrl+Shift+Up", lambda: self.move_selected(rows=-1), self.board_view)
        add("Return", self.edit_selected, self.board_view)
        add("Delete", self.cancel_selected, self.board_view)
        add("Alt+Left", lambda: self.step(-1), self)
        add("Alt+Right", lambda: self.step(1), self)
        add("Alt+Home", self.go_today, self)
        for keys, step in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), 1), ((QKeySequence.StandardKey.ZoomOut,), -1)):
            action = add(keys[0], lambda _checked=False, s=step: self.zoom_by(s), self)
            action.setShortcuts([binding for key in keys for binding in (
                QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)])])

    def retranslate(self) -> None:
        names = {"month": QCoreApplication.translate("CalendarPage", "Month"), "week": QCoreApplication.translate("CalendarPage", "Week"), "board": QCoreApplication.translate("CalendarPage", "Board")}
        for key, button in self.view_buttons.items():
            button.setText(names[key])
            button.setAccessibleName(names[key])
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(QCoreApplication.translate("CalendarPage", "Previous (Alt+Left)"))
        self.prev_button.setAccessibleName(QCoreApplication.translate("CalendarPage", "Previous"))
        self.next_button.setText("▶")
        self.next_button.setToolTip(QCoreApplication.translate("CalendarPage", "Next (Alt+Right)"))
        self.next_button.setAccessibleName(QCoreApplication.translate("CalendarPage", "Next"))
        self.today_button.setText(QCoreApplication.translate("CalendarPage", "Today"))
        self.paperwork_button.setText(QCoreApplication.translate("CalendarPage", "Paperwork"))
        self.paperwork_button.setToolTip(QCoreApplication.translate(
            "CalendarPage", "Show the marks of paperwork warnings (lunch notices past their deadline)"))
        self.fit_button.setText(QCoreApplication.translate("CalendarPage", "Fit month"))
        self.fit_button.setToolTip(QCoreApplication.translate("CalendarPage", "Show the whole month in the window"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(QCoreApplication.translate("CalendarPage", "Wider days (Ctrl++)"))
        self.zoom_in_button.setAccessibleName(QCoreApplication.translate("CalendarPage", "Wider days"))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(QCoreApplication.translate("CalendarPage", "Narrower days (Ctrl+-)"))
        self.zoom_out_button.setAccessibleName(QCoreApplication.translate("CalendarPage", "Narrower days"))
        for text, title in zip(self.filter_labels, (QCoreApplication.translate("CalendarPage", "ALT"), QCoreApplication.translate("CalendarPage", "School"), QCoreApplication.translate("CalendarPage", "Board of education"),
                                                    QCoreApplication.translate("CalendarPage", "Level")), strict=True):
            text.setText(title)
        self.search.setPlaceholderText(QCoreApplication.translate("CalendarPage", "Search ALT or school…"))
        self.search.setAccessibleName(QCoreApplication.translate("CalendarPage", "Search"))
        self.board_view.setAccessibleName(QCoreApplication.translate("CalendarPage", "Board: ALTs by day"))
        self.month_view.setAccessibleName(QCoreApplication.translate("CalendarPage", "Month"))
        self.week_view.setAccessibleName(QCoreApplication.translate("CalendarPage", "Week"))
        self._fill_level_filter()
        if self._choices is not None:
            self._fill_filters(self._choices)
        self._update_legend()
        self._update_title()
        self.sent_strip.retranslate()
        self.board_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.board_model.columnCount() - 1))
        self.week_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.month_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def _update_legend(self) -> None:
        lang = current_language()
        ja = lang == "ja"
        levels = " &nbsp;".join(
            f"<span style='background:{colour};color:black'>&nbsp;{LEVEL_LETTERS[level][1 if ja else 0]}"
            f"&nbsp;</span> {label(LEVEL_LABELS[level], lang)}"
            for level, colour in LEVEL_COLOURS.items())
        marks = QCoreApplication.translate("CalendarPage", "Lunch: 給 school lunch · 弁 own lunch · 牛 milk only") if ja else QCoreApplication.translate(
            "CalendarPage", "Lunch: L school lunch · B own lunch · M milk only")
        absences = " · ".join(short[1 if ja else 0] for short in ABSENCE_SHORT.values())
        parts = [
            levels,
            QCoreApplication.translate("CalendarPage", "hollow box: a substitute's visit"),
            marks,
            f"<b style='color:{ERROR_COLOUR.name()}'>●</b> " + QCoreApplication.translate("CalendarPage", "error"),
            f"<b style='color:{WARNING_COLOUR.name()}'>▲</b> " + QCoreApplication.translate("CalendarPage", "warning"),
            QCoreApplication.translate("CalendarPage", "hatched: ALT away (%1)").replace("%1", absences),
            f"<b>{NEEDS_SUBSTITUTE[1 if ja else 0]}</b> " + QCoreApplication.translate("CalendarPage", "no substitute yet"),
            QCoreApplication.translate("CalendarPage", "grey text: covered by a substitute"),
            QCoreApplication.translate("CalendarPage", "struck out: cancelled"),
            "★ " + QCoreApplication.translate("CalendarPage", "school event"),
            QCoreApplication.translate("CalendarPage", "grey: weekend, holiday or closure"),
            f"<b style='color:{TODAY_COLOUR.name()}'>┃</b>" + QCoreApplication.translate("CalendarPage", "blue: today"),
        ]
        # Lines break between the entries, never inside one: Japanese may break between any two
        # characters, so a word joiner (U+2060) holds each entry's text together.
        self.legend.setText(" &nbsp;| ".join(_unbreakable(part) for part in parts))

    # --- filters and navigation -----------------------------------------------------------
    def reload_choices(self) -> None:
        """Read the filter lists now, on this thread: for a caller that needs them at once (a
        remembered filter, a new visit's dialog before the background read has answered)."""
        self._choices = filter_choices(self.ctx.ws)
        self._fill_filters(self._choices)

    def read_choices(self) -> None:
        """Read the filter lists on the runner (a slow server never holds the window) and fill
        them when they arrive; a newer read replaces one still out."""
        ws = self.ctx.ws
        self._choices_task = self.runner.read(lambda _progress: filter_choices(ws), key=("choices", id(self)),
                                              owner=self, on_done=self._choices_arrived)

    def _read_choices_if_missing(self) -> None:
        if self._choices is None and (self._choices_task is None or not self._choices_task.is_pending()):
            self.read_choices()

    def _choices_arrived(self, choices: FilterChoices) -> None:
        self._choices = choices
        self._fill_filters(choices)

    def _fill_filters(self, choices: FilterChoices) -> None:
        lang = current_language()
        for combo, items in ((self.alt_filter, [(i, t) for i, t in choices.alts]),
                             (self.school_filter, [(i, ja if lang == "ja" else en) for i, ja, en in choices.schools]),
                             (self.board_filter, [(i, ja if lang == "ja" else en) for i, ja, en in choices.boards])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(QCoreApplication.translate("CalendarPage", "All"), None)
            for item_id, text in items:
                combo.addItem(text, item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _fill_level_filter(self) -> None:
        current = self.level_filter.currentData()
        self.level_filter.blockSignals(True)
        self.level_filter.clear()
        self.level_filter.addItem(QCoreApplication.translate("CalendarPage", "All"), None)
        for level in SchoolLevel:
            self.level_filter.addItem(level_icon(level), label(LEVEL_LABELS[level], current_language()), level)
        self.level_filter.setCurrentIndex(max(0, self.level_filter.findData(current)))
        self.level_filter.blockSignals(False)

    def current_filter(self) -> BoardFilter:
        def one(combo: QComboBox) -> frozenset:
            value = combo.currentData()
            return frozenset() if value is None else frozenset([value])

        return BoardFilter(one(self.alt_filter), one(self.school_filter), one(self.board_filter),
                           one(self.level_filter), self.search.text())

    def set_filter(self, alt_id: int | None = None, school_id: int | None = None, text: str | None = None) -> None:
        self._choices_or_load()
        self.alt_filter.setCurrentIndex(max(0, self.alt_filter.findData(alt_id)))
        self.school_filter.setCurrentIndex(max(0, self.school_filter.findData(school_id)))
        if text is not None:
            self.search.setText(text)
        self._filters_changed()

    def _filters_changed(self, *_args: object) -> None:
        self._save_settings()
        self.reload()

    def set_view(self, view: str) -> None:
        self.view = view
        self.view_buttons[view].setChecked(True)
        for button in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            button.setVisible(view == "board")  # the board's day columns
        self.paperwork_button.setVisible(view != "week")  # the agenda shows no marks
        self.stack.setCurrentIndex(VIEWS.index(view))
        self._save_settings()
        self._show_loaded()

    def step(self, direction: int) -> None:
        if self.view == "week":
            self.go_to(self.current_day + dt.timedelta(days=7 * direction))
            return
        year, month = self.current_day.year, self.current_day.month + direction
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        self.go_to(dt.date(year, month, 1))

    def go_today(self) -> None:
        self.go_to(self.today)

    def go_to(self, day: dt.date, alt_id: int | None = None) -> None:
        old_month = (self.current_day.year, self.current_day.month)
        self.current_day = day
        if (day.year, day.month) != old_month or self.loader.board is None:
            self.loader.show_range(*self._load_range(), self.current_filter())
        else:
            self._show_loaded()
        self._select_day(day, alt_id)
        self._save_settings()

    def month_bounds(self) -> tuple[dt.date, dt.date]:
        return month_range(self.current_day.year, self.current_day.month)

    # --- loading --------------------------------------------------------------------------
    def _load_range(self, day: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """The dates read for `day` (default: the current day) in the current view."""
        day = day or self.current_day
        first, last = month_range(day.year, day.month)
        if self.view == "week":  # a week can straddle two months
            monday = day - dt.timedelta(days=day.weekday())
            first, last = min(first, monday), max(last, monday + dt.timedelta(days=6))
        return first, last

    def reload(self) -> None:
        """Read the current range afresh (after a filter change, or when asked)."""
        self.loader.read_now(*self._load_range(), self.current_filter())

    def reload_soon(self) -> None:
        """Read the current range again on a worker (after an edit or a job): the old board stays
        until the new one arrives."""
        self.loader.read_soon(*self._load_range(), self.current_filter())

    def _show_board(self, board: MonthBoard, keep_current: bool) -> None:
        current = self.board_view.currentIndex()
        self.board_model.settle_moves(self.loader.board_read)
        self._show_loaded()
        if keep_current:  # the same range read again after an edit: the cursor stays put
            self._restore_current(current.row(), current.column())

    def _neighbour_ranges(self) -> tuple[list[tuple[dt.date, dt.date]], BoardFilter] | None:
        """The months either side of the one shown (a week steps by seven days and rarely leaves
        its month: none)."""
        if self.view == "week":
            return None
        first = dt.date(self.current_day.year, self.current_day.month, 1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        previous = (first - dt.timedelta(days=1)).replace(day=1)
        return [self._load_range(previous), self._load_range(following)], self.current_filter()

    def _show_loaded(self) -> None:
        board = self.loader.board
        if board is None:
            return
        if self.view == "board":
            first, last = self.month_bounds()
            month_only = replace(board, first=first, last=last,
                                 days=[d for d in board.days if first <= d.date <= last])
            self.board_model.set_board(month_only)
            self._size_board_columns()
            self._size_board_rows()
        elif self.view == "month":
            self.month_model.set_board(board)
        else:
            self.week_model.set_week(board, self.current_day - dt.timedelta(days=self.current_day.weekday()))
            self.week_view.horizontalHeader().setResizeContentsPrecision(60)  # measure a sample, not every row
            self.week_view.resizeColumnsToContents()
        self._update_title()
        self.sent_strip.show_month(None if self.view == "week" else f"{self.current_day:%Y-%m}")
        self.board_model.set_changed_alts(self.sent_strip.changed_alts())
        visits = board.visit_count()
        self.summary.setText(QCoreApplication.translate("CalendarPage", "%1 ALTs · %2 visits").replace("%1", str(len(board.rows))).replace(
            "%2", str(visits)))
        if not board.rows and self.current_filter().is_empty():
            self.empty_hint.setText(QCoreApplication.translate(
                "CalendarPage", "No ALTs yet. Fill in the import template (File › Import spreadsheets…) or add "
                "schools, ALTs and placements under their sections; then Schedule › Generate visits."))
            self.empty_hint.show()
        elif not board.rows:
            self.empty_hint.setText(QCoreApplication.translate("CalendarPage", "No ALTs match. Add ALTs and placements, or clear the filters."))
            self.empty_hint.show()
        else:
            self.empty_hint.hide()

    def _base_day_width(self) -> int:
        """A weekday wide enough for the level box, a five-kanji short name and the lunch mark."""
        metrics = self.fontMetrics()
        return metrics.horizontalAdvance("中 桜ケ丘中央給") + 16

    def _totals_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("25 · 25 · 25 · 25 · 25") + 12

    def _size_board_columns(self) -> None:
        header = self.board_view.horizontalHeader()
        board = self.board_model.board
        if board is None:
            return
        weekends = sum(1 for day in board.days if day.weekend)
        if self.fit_month:  # every day and the week totals within the view
            room = self.board_view.viewport().width() - self._totals_width() - 2
            weekdays = max(1, len(board.days) - weekends)
            weekday_width = int(room / (weekdays + weekends / 2))
            if weekday_width // 2 < 22:  # weekends keep their least width
                weekday_width = int((room - 22 * weekends) / weekdays)
            weekday_width = max(24, weekday_width)
        else:
            weekday_width = max(24, int(self._base_day_width() * self.zoom))
        for column, day in enumerate(board.days):
            header.resizeSection(column, weekday_width if not day.weekend else max(22, weekday_width // 2))
        header.resizeSection(len(board.days), self._totals_width())

    def _size_board_rows(self) -> None:
        """A row grows to hold its busiest day: both visits of a double booking, an absence above
        its visits. Most rows keep the default height (only those that grow are sized)."""
        header = self.board_view.verticalHeader()
        line = header.defaultSectionSize()
        model = self.board_model
        for row in range(model.rowCount()):
            lines = model.row_lines(row)
            if lines > 1 or header.sectionSize(row) != line:
                header.resizeSection(row, line + (lines - 1) * (line - 4))

    def set_fit_month(self, fit: bool) -> None:
        self.fit_month = fit
        if self.fit_button.isChecked() != fit:
            self.fit_button.setChecked(fit)
        settings().setValue("calendar/fit_month", fit)
        self._size_board_columns()

    def zoom_by(self, steps: int) -> None:
        """Ctrl+plus / Ctrl+minus: wider or narrower days (leaving the fit to the month)."""
        self.zoom = min(2.0, max(0.3, self.zoom * (1.25 ** steps)))
        settings().setValue("calendar/zoom", self.zoom)
        self.set_fit_month(False)

    def show_paperwork(self, shown: bool) -> None:
        self.board_model.set_hide_paperwork(not shown)
        self.month_delegate.hide_paperwork = not shown
        self.month_view.viewport().update()
        settings().setValue("calendar/paperwork", shown)
        self.board_view.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.fit_month:
            QTimer.singleShot(0, self, self._size_board_columns)

    def _update_title(self) -> None:
        if self.view == "week":
            monday = self.current_day - dt.timedelta(days=self.current_day.weekday())
            self.title.setText(f"{long_date(monday)} – {long_date(monday + dt.timedelta(days=6))}")
        else:
            self.title.setText(month_title(self.current_day))

    def _apply_conflicts(self, conflicts: dict[int, list[str]]) -> None:
        self.board_model.set_conflicts(conflicts)
        self.month_model.set_conflicts(conflicts)

    def background_busy(self) -> bool:
        """A conflict check or a month read still running, or a read-ahead about to start."""
        return self.loader.busy() or (self._choices_task is not None and self._choices_task.is_pending())

    def wait_for_background(self, ms: int = 10000) -> None:
        """For tests and shutdown: let every conflict check and month read still running finish
        (the filter lists' read too, and its answer is taken)."""
        self.loader.wait(ms)
        if self._choices_task is not None and self._choices_task.is_pending():
            self._choices_task.wait(ms)
            QCoreApplication.processEvents()

    def _on_data_changed(self, kinds: set) -> None:
        if kinds & {"alts", "schools", "boards"}:
            self.read_choices()
        if kinds & {"visits", "alts", "schools", "placements", "boards", "absences", "events", "calendar"}:
            self.reload_soon()
        if self.ctx.touches(*self.month_bounds()):  # a send ("issues") too: it may clear the strip
            self.sent_strip.refresh_soon()

    def open_send_wizard(self, month: str) -> QWidget:
        """Send next month… on `month` (the strip's Send again…): opened the way the Schedule menu
        opens it, by the window's Reports section; by the page itself when it stands alone."""
        reports = getattr(self.window(), "reports_page", None)
        if reports is not None and hasattr(reports, "open_send_wizard"):
            return reports.open_send_wizard(month)  # type: ignore[no-any-return]
        from ui.dialogs.send_wizard import SendWizard

        wizard = SendWizard(self.ctx, self, month)
        wizard.setWindowFlag(Qt.WindowType.Window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.show()
        return wizard

    def finish_loading(self, ms: int = 10000) -> None:
        """Wait until a reload started by an edit has arrived and is shown (tests, screenshots)."""
        self.loader.finish(ms)

    def _select_day(self, day: dt.date, alt_id: int | None) -> None:
        if self.view == "board":
            column = self.board_model.day_column(day)
            row = self.board_model.row_of_alt(alt_id) if alt_id is not None else 0
            if column is not None and row is not None and self.board_model.rowCount():
                index = self.board_model.index(row, column)
                self.board_view.setCurrentIndex(index)
                self.board_view.scrollTo(index)
        elif self.view == "month":
            index = self.month_model.index_of(day)
            if index.isValid():
                self.month_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- settings ---------------------------------------------------------------------------
    def _save_settings(self) -> None:
        store = settings()
        store.setValue("calendar/view", self.view)
        store.setValue("calendar/month", self.current_day.isoformat())
        store.setValue("calendar/alt", self.alt_filter.currentData() or 0)
        store.setValue("calendar/school", self.school_filter.currentData() or 0)

    def _restore_settings(self) -> None:
        store = settings()
        view = store.value("calendar/view", "board", type=str)
        self.view = view if view in VIEWS else "board"
        self.view_buttons[self.view].setChecked(True)
        self.stack.setCurrentIndex(VIEWS.index(self.view))
        for button in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            button.setVisible(self.view == "board")
        self.paperwork_button.setVisible(self.view != "week")
        self.zoom = min(2.0, max(0.3, store.value("calendar/zoom", 1.0, type=float)))
        self.fit_month = store.value("calendar/fit_month", False, type=bool)
        self.fit_button.setChecked(self.fit_month)
        self.paperwork_button.setChecked(store.value("calendar/paperwork", True, type=bool))
        self._pending_alt = store.value("calendar/alt", 0, type=int)
        self._pending_school = store.value("calendar/school", 0, type=int)

    def restore_filters(self) -> None:
        """Apply the filters remembered from the last session (once the choices are loaded)."""
        if self._pending_alt or self._pending_school:
            self.set_filter(self._pending_alt or None, self._pending_school or None)

    # --- editing -----------------------------------------------------------------------------
    def _board_visits(self, index: QModelIndex) -> list[VisitCell]:
        self._catch_up()
        return self.board_model.visits_at(index) if index.isValid() else []

    def _catch_up(self) -> None:
        """Before an edit: a reload still on its way (after the last edit) is read now, so the
        edit acts on what is stored (its version), not on the board as it was."""
        current = self.board_view.currentIndex()
        if self.loader.catch_up(*self._load_range(), self.current_filter()):
            self._restore_current(current.row(), current.column())

    def _restore_current(self, row: int, column: int) -> None:
        if 0 <= row < self.board_model.rowCount() and 0 <= column < self.board_model.columnCount():
            self.board_view.setCurrentIndex(self.board_model.index(row, column))

    def _board_double_clicked(self, index: QModelIndex) -> None:
        visits = self._board_visits(index)
        if visits:
            self.edit_visit(visits[0])
        elif index.data(DAY_ROLE) is not None:
            self.new_visit(index.data(DAY_ROLE), index.data(ALT_ROLE))

    def _month_double_clicked(self, index: QModelIndex) -> None:
        self.open_day(index.data(MONTH_DAY_ROLE))

    def open_day(self, day: dt.date) -> None:
        """From the month: the day's week as an agenda, every visit listed."""
        self.current_day = day
        self.set_view("week")
        self.reload()

    def _board_menu(self, point) -> None:  # type: ignore[no-untyped-def]
        index = self.board_view.indexAt(point)
        if not index.isValid() or index.data(DAY_ROLE) is None:
            return
        menu = QMenu(self)
        visits = self._board_visits(index)
        menu.addAction(QCoreApplication.translate("CalendarPage", "New visit…"), lambda: self.new_visit(index.data(DAY_ROLE), index.data(ALT_ROLE)))
        for visit in visits:
            name = visit.name_ja if current_language() == "ja" else (visit.name_en or visit.name_ja)
            menu.addAction(QCoreApplication.translate("CalendarPage", "Edit %1…").replace("%1", name), lambda v=visit: self.edit_visit(v))
            if visit.status in (VisitStatus.PLANNED, VisitStatus.CONFIRMED):
                menu.addAction(QCoreApplication.translate("CalendarPage", "Cancel %1…").replace("%1", name),
                               lambda v=visit: self.ask_and_cancel(v))
        menu.exec(self.board_view.viewport().mapToGlobal(point))

    def _choices_or_load(self) -> FilterChoices:
        if self._choices is None:
            self.reload_choices()
        assert self._choices is not None
        return self._choices

    def new_visit_here(self) -> None:
        index = self.board_view.currentIndex()
        day = index.data(DAY_ROLE) if index.isValid() else self.current_day
        alt_id = index.data(ALT_ROLE) if index.isValid() else None
        self.new_visit(day or self.current_day, alt_id)

    def new_visit(self, day: dt.date, alt_id: int | None) -> None:
        choices = self._choices_or_load()
        if not choices.alts or not choices.schools:
            QMessageBox.information(self, QCoreApplication.translate("CalendarPage", "New visit"), QCoreApplication.translate("CalendarPage", "Add an ALT and a school first."))
            return
        draft = VisitDraft(alt_id or choices.alts[0][0], choices.schools[0][0], day, dt.time(8, 15), dt.time(15, 45),
                           "", 4)
        from ui.dialogs.visit_dialog import VisitDialog  # loaded with the first visit opened

        dialog = VisitDialog(self.ctx.ws, choices, draft, None, self)
        if dialog.exec() == VisitDialog.DialogCode.Accepted:
            self.create(dialog.draft())

    def create(self, draft: VisitDraft) -> Task:
        ws = self.ctx.ws
        return self._journalled(QCoreApplication.translate("CalendarPage", "New visit"), "New visit", "訪問の追加",
                                lambda: create_visit(ws, draft))

    def edit_selected(self) -> None:
        visits = self._board_visits(self.board_view.currentIndex())
        if visits:
            self.edit_visit(visits[0])

    def edit_visit(self, visit: VisitCell) -> None:
        try:
            detail = get_visit(self.ctx.ws, visit.visit_id)
        except UserError as exc:
            self._report(exc)
            return
        from ui.dialogs.visit_dialog import VisitDialog

        dialog = VisitDialog(self.ctx.ws, self._choices_or_load(), detail.draft, visit.visit_id, self)
        if dialog.exec() == VisitDialog.DialogCode.Accepted:
            self.update(visit.visit_id, detail.version, dialog.draft())

    def _journalled(self, text: str, text_en: str, text_ja: str, work: Callable[[], object],
                    closed_reason: str | None = None) -> Task:
        """A visit edit as one journalled operation (altdesk.operations.perform) on the runner's edit
        lane, in order after any move. The answer pushes its undo step (which does not do the work
        again; undo and redo replay the journal) and the board is read again; a refusal is reported
        as ever, a fault has reached ui.faults already. An edit a closed month refused is asked a
        reason for, and made again with it."""
        ws = self.ctx.ws

        def run(_progress: object) -> object:
            from ui.undo import perform_with_reason

            return perform_with_reason(ws, text_en, text_ja, work, closed_reason)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, MonthClosed) and closed_reason is None:
                reason = self.ask_closed_reason(exc)
                if reason:
                    self._journalled(text, text_en, text_ja, work, reason)
                else:  # the person keeps the month as it is: nothing more to tell
                    self.ctx.status_message.emit(exc.message(current_language()))
                    self.reload_soon()
                return
            self._edit_refused(exc)

        def done(answer: object) -> None:
            if isinstance(answer, Cancelled):
                self.reload_soon()
                return
            result, record = answer  # type: ignore[misc]
            push(self.ctx, OperationCommand.already_done(self.ctx, text, record, ("visits",), result))

        return self.runner.edit(run, owner=self, action=SAVE_VISIT, on_done=done, on_error=refused)

    def _edit_refused(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self._report(exc)
        else:  # a fault: its dialog is up already; the status bar says what failed
            self.ctx.status_message.emit(faults.failure_text(exc, SAVE_VISIT))
            self.reload_soon()

    def update(self, visit_id: int, version: int, draft: VisitDraft) -> Task:
        ws = self.ctx.ws
        return self._journalled(QCoreApplication.translate("CalendarPage", "Edit visit"), "Edit visit", "訪問の編集",
                                lambda: update_visit(ws, visit_id, version, draft))

    def cancel_selected(self) -> None:
        visits = [v for v in self._board_visits(self.board_view.currentIndex())
                  if v.status in (VisitStatus.PLANNED, VisitStatus.CONFIRMED)]
        if visits:
            self.ask_and_cancel(visits[0])

    def ask_and_cancel(self, visit: VisitCell) -> Task | None:
        """Cancel a visit after asking why (the menu's Cancel…, the Delete key)."""
        choice = self.ask_cancel_reason(visit)
        return None if choice is None else self.cancel(visit, *choice)

    def _ask_cancel_reason(self, visit: VisitCell) -> tuple[CancelReason, str] | None:
        from ui.dialogs.cancel_visit_dialog import CancelVisitDialog

        lang = current_language()
        school = visit.name_ja if lang == "ja" else (visit.name_en or visit.name_ja)
        found = self.board_model.find_visit(visit.visit_id)
        board = self.board_model.board
        alt = next((r.name for r in board.rows if r.alt_id == visit.alt_id), "") if board is not None else ""
        subject = QCoreApplication.translate("CalendarPage", "%1 at %2, %3").replace("%1", alt).replace(
            "%2", school).replace("%3", long_date(found[1]) if found is not None else "")
        dialog = CancelVisitDialog(subject, self)
        return dialog.choice() if dialog.exec() == CancelVisitDialog.DialogCode.Accepted else None

    def _ask_closed_reason(self, refusal: MonthClosed) -> str | None:
        from ui.dialogs.closed_month import ask_closed_month_reason

        return ask_closed_month_reason(self, refusal)

    def cancel(self, visit: VisitCell, reason: CancelReason = CancelReason.OTHER, note: str = "") -> Task:
        ws = self.ctx.ws
        return self._journalled(QCoreApplication.translate("CalendarPage", "Cancel visit"), "Cancel visit",
                                "訪問の中止", lambda: cancel_visit(ws, visit.visit_id, visit.version, reason, note))

    def move_selected(self, days: int = 0, rows: int = 0) -> None:
        index = self.board_view.currentIndex()
        # No catching up here: the move reads the stored visit on the runner, and a move still
        # being saved is shown where it goes.
        visits = self.board_model.visits_at(index) if index.isValid() else []
        if not visits:
            return
        target = self.board_model.index(index.row() + rows, index.column() + days)
        day, alt_id = target.data(DAY_ROLE), target.data(ALT_ROLE)
        if not target.isValid() or day is None:
            return
        if self.request_move(visits[0].visit_id, visits[0].version, day, alt_id):
            self.board_view.setCurrentIndex(self.board_model.index(target.row(), target.column()))

    def request_move(self, visit_id: int, version: int, day: dt.date, alt_id: int) -> bool:
        """Move a visit (drag and drop, keys): shown at its new place at once, as pending, while the
        runner previews and saves it; conflicts are asked about when the preview finds some. The
        answer confirms it (one undoable command; the board is read again) or puts it back with the
        reason. False when there is nothing to move."""
        found = self.board_model.find_visit(visit_id)
        if found is not None and found[1] == day and found[2] == alt_id:
            return False
        token = self.board_model.show_move(found[0], day, alt_id) if found is not None else None
        self._size_board_rows()  # a double booking shown at once gets its second line
        self._start_move(MoveRequest(visit_id, version, day, alt_id, token), confirmed=False)
        return True

    def _start_move(self, move: MoveRequest, confirmed: bool) -> None:
        ws, book = self.ctx.ws, self.versions

        def run(_progress: object) -> object:  # on the runner's edit lane, in order
            expected = book.expected(move.visit_id, move.version)
            detail = get_visit(ws, move.visit_id)
            if detail.draft.date == move.day and detail.draft.alt_id == move.alt_id:
                return UNMOVED
            if not confirmed:
                moved = replace(detail.draft, date=move.day, alt_id=move.alt_id,
                                lunch_mode=detail.draft.lunch_mode if detail.lunch_overridden else None)
                conflicts = preview(ws, moved, move.visit_id)
                if conflicts:
                    return AskFirst(conflicts)
            from ui.undo import perform_with_reason

            result, record = perform_with_reason(
                ws, f"Move visit to {long_date(move.day, 'en')}", f"訪問を {long_date(move.day, 'ja')} に移動",
                lambda: move_visit(ws, move.visit_id, expected, move.day, move.alt_id), move.closed_reason)
            book.record(move.visit_id, result[1])
            return result, record

        self.runner.edit(run, owner=self, action=MOVE_VISIT, on_done=lambda answer: self._move_answered(move, answer),
                         on_error=lambda exc: self._move_refused(move, exc))

    def _move_answered(self, move: MoveRequest, answer: object) -> None:
        if answer is UNMOVED or isinstance(answer, Cancelled):
            self._put_back(move)
            return
        if isinstance(answer, AskFirst):
            if self.confirm_conflicts(answer.conflicts):
                self._start_move(move, confirmed=True)
            else:
                self._put_back(move)
            return
        assert isinstance(answer, tuple)
        result, record = answer
        if move.token is not None:  # shown where it went until a read after this save arrives
            self.board_model.confirm_move(move.visit_id, move.token, self.loader.reads_started)
        text = QCoreApplication.translate("CalendarPage", "Move visit to %1").replace("%1", long_date(move.day))
        self.moves_saved += 1
        command = MoveCommand.already_done(self.ctx, text, record, ("visits",), result)
        command.note_versions(self.versions, move.visit_id)
        push(self.ctx, command)  # the journal's record re-reads the board

    def _move_refused(self, move: MoveRequest, exc: BaseException) -> None:
        if isinstance(exc, MonthClosed) and move.closed_reason is None:
            reason = self.ask_closed_reason(exc)
            if reason:  # still shown where it goes: saved again, with the reason
                self._start_move(replace(move, closed_reason=reason), confirmed=True)
                return
            self._put_back(move)  # the person keeps the month as it is: nothing more to tell
            self.ctx.status_message.emit(exc.message(current_language()))
            self.reload_soon()
            return
        self._put_back(move)
        if isinstance(exc, UserError):
            self._report(exc, reload=False)
        else:  # a fault: its dialog is up already; the status bar says what failed
            self.ctx.status_message.emit(faults.failure_text(exc, MOVE_VISIT))
        self.reload_soon()

    def _put_back(self, move: MoveRequest) -> None:
        if move.token is not None and self.board_model.drop_move(move.visit_id, move.token):
            self._size_board_rows()

    def edits_busy(self) -> bool:
        """A move (or another edit) still on its way to the core."""
        return bool(self.runner.tasks(EDIT))

    def finish_edits(self, ms: int = 10000) -> None:
        """For tests and screenshots: let the edits on the runner end and their answers land."""
        self.runner.settle(ms, EDIT)

    def _ask_about_conflicts(self, conflicts: list[Conflict]) -> bool:
        return ask_about_conflicts(self, conflicts, self.school_names())

    def school_names(self) -> dict[str, str]:
        """School code -> the school's name in the UI language, for messages that name a code."""
        ja = current_language() == "ja"
        names: dict[str, str] = {}
        for _id, text_ja, text_en in self._choices_or_load().schools:
            code, _, name = (text_ja if ja else text_en).partition(" ")
            names[code] = name or code
        return names

    def _report(self, error: UserError | None, reload: bool = True) -> UserError | None:
        if error is not None:
            message = error.message(current_language())
            self.ctx.status_message.emit(message)
            if self.isVisible():
                QMessageBox.warning(self, QCoreApplication.translate("CalendarPage", "Not saved"), message)
            if reload:
                self.reload()
        return error
