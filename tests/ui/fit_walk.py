"""Does every window, page and dialog fit an office screen, with no text cut?

Run as a script in a process of its own (QT_SCALE_FACTOR must be set before the application
exists): `python -m tests.ui.fit_walk DB LANG QM_FOLDER OUT_JSON`. It opens the main window on
every section and every dialog at 1366x768 (divided by the scale factor, as Qt lays out in
logical pixels), and writes the problems found, one text each, as a JSON list.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

SCREEN = (1366, 768)
TASKBAR = 40  # the Windows taskbar takes this much of the screen's height
TODAY = dt.date(2026, 6, 10)


def screen_limit() -> tuple[int, int]:
    """The room a window has, in the logical pixels Qt lays out with."""
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    return int(SCREEN[0] / scale), int((SCREEN[1] - TASKBAR) / scale)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped_texts(root, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Labels, buttons, date and number fields, headers and cells whose text is wider than the
    room it has, with no tooltip that gives it whole."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QCheckBox,
        QHeaderView,
        QLabel,
        QRadioButton,
        QTabBar,
        QWidget,
    )

    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 1 or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget.parentWidget(), QTabBar | QAbstractSpinBox):
            continue
        name = f"{where}: {type(widget).__name__}#{widget.objectName()}"
        has_tip = bool(widget.toolTip())
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap() or widget.textFormat() == Qt.TextFormat.RichText or "<" in widget.text():
                needed = widget.heightForWidth(widget.width()) if widget.wordWrap() else widget.sizeHint().height()
                if widget.wordWrap() and needed > widget.height() + 2 and not has_tip:
                    found.append(f"{name} cut below: {widget.text()[:60]!r}")
                elif not widget.wordWrap() and widget.sizeHint().width() > widget.width() + 2 and not has_tip:
                    found.append(f"{name} cut: {widget.text()[:60]!r}")
            else:
                text = _plain(widget.text())
                longest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                if longest > widget.contentsRect().width() + 1 and not has_tip:
                    found.append(f"{name} cut: {text!r} needs {longest}px, has {widget.contentsRect().width()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.minimumSizeHint() if isinstance(widget, QCheckBox | QRadioButton) else widget.sizeHint()
            if hint.width() > widget.width() + 1 and not has_tip:
                found.append(f"{name} cut: {_plain(widget.text())!r} needs {hint.width()}px, has {widget.width()}")
        elif isinstance(widget, QAbstractSpinBox) and widget.lineEdit() is not None:
            edit = widget.lineEdit()
            text = edit.text()
            room = edit.width() - 4  # the line edit's own frame margins
            if text and metrics.horizontalAdvance(text) > room:
                found.append(f"{name} cut: {text!r} needs {metrics.horizontalAdvance(text)}px, has {room}")
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
                and widget.model() is not None:
            found += _clipped_in_view(widget, name)
    return found


def _clipped_in_view(view, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QHeaderView, QListView, QStyle, QTableView, QTreeView

    found: list[str] = []
    model = view.model()
    header = view.horizontalHeader() if isinstance(view, QTableView) else \
        view.header() if isinstance(view, QTreeView) else None
    columns = model.columnCount(QModelIndex()) if not isinstance(view, QListView) else 1
    metrics = view.fontMetrics()
    if isinstance(view, QListView) and view.wordWrap():
        return found  # its rows grow to hold each text
    for column in range(columns):
        if header is not None and (header.isSectionHidden(column) or not header.isVisible()):
            continue
        width = view.columnWidth(column) if header is not None else view.viewport().width()
        if header is not None and column == header.logicalIndex(header.count() - 1) and header.stretchLastSection():
            width = max(width, header.sectionSize(column))
        if header is not None:
            title = model.headerData(column, Qt.Orientation.Horizontal)
            tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            if isinstance(title, str) and title and not tip:
                margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
                needed = max(header.fontMetrics().horizontalAdvance(line) for line in title.split("\n")) + 2 * margin
                if needed > header.sectionSize(column) + 1:
                    found.append(f"{name} header cut: {title!r} needs {needed}px, has {header.sectionSize(column)}")
        for row in range(min(model.rowCount(QModelIndex()), 25)):
            index = model.index(row, column)
            text = index.data()
            if not isinstance(text, str) or not text or view.isIndexHidden(index):
                continue
            icon = 22 if index.data(Qt.ItemDataRole.DecorationRole) is not None else 0
            needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 8 + icon
            if needed <= width:
                continue
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if not tip:
                found.append(f"{name} cell {row},{column} cut with no tooltip: {text[:60]!r}")
                break
            if view.textElideMode() == Qt.TextElideMode.ElideMiddle and view.itemDelegate() is not None \
                    and type(view.itemDelegate()).__name__ in ("QStyledItemDelegate", "QItemDelegate"):
                found.append(f"{name} cell {row},{column} cut in the middle: {text[:60]!r}")
                break
    del QHeaderView
    return found


def too_big(widget, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    limit = screen_limit()
    least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if widget.layout() is not None:
        least = least.expandedTo(widget.layout().totalMinimumSize())
    if least.width() > limit[0] or least.height() > limit[1]:
        return [f"{where}: at least {least.width()}x{least.height()}, the screen has {limit[0]}x{limit[1]}"]
    return []


def check_window(widget, where: str, settle: Callable[[], None]) -> list[str]:  # type: ignore[no-untyped-def]
    """Shown at the size it asks for, no larger than the screen: does it fit, is a text cut?"""
    limit = screen_limit()
    problems = too_big(widget, where)
    hint = widget.sizeHint()
    widget.show()
    widget.resize(min(max(hint.width(), widget.width()), limit[0]), min(max(hint.height(), widget.height()), limit[1]))
    settle()
    return problems + clipped_texts(widget, where)


def _dialogs(ctx, tmp: Path) -> Iterable[tuple[str, object]]:  # type: ignore[no-untyped-def]
    from altdesk.scheduling.conflicts import Conflict, ConflictKind, Severity
    from tests.ui.test_japanese_ui import DIALOGS
    from ui import faults
    from ui.dialogs.branch_dialog import BranchDialog
    from ui.dialogs.fault_dialog import FaultDialog
    from ui.dialogs.import_wizard import ImportWizard
    from ui.dialogs.welcome_dialog import WelcomeDialog

    for name, make in DIALOGS.items():
        if name == "pages":
            continue
        for widget in make(ctx, tmp):
            yield name, widget
    yield "branch", BranchDialog(ctx)
    yield "welcome", WelcomeDialog(ctx)
    yield "fault", FaultDialog(RuntimeError("boom"), faults.GENERATE, "Traceback …", tmp / "altdesk.log")
    yield "import", ImportWizard(ctx.ws)
    from ui.calendar.move_confirm import conflict_box

    long_school = "東京都立特別支援学校小学部第二分校"
    conflicts = [Conflict(ConflictKind.DOUBLE_BOOKING, Severity.ERROR, TODAY, "A0001", "S0001",
                          f"Double booking with {long_school} from 08:15 to 15:45 on the same day.",
                          f"{long_school}と同じ日の 08:15-15:45 に重複しています。", (1, 2))] * 8
    yield "move", conflict_box(None, conflicts)


def main(db_path: str, lang: str, qm_folder: str, out: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "ALTDESK_DATA_DIR" not in os.environ:  # (setdefault would make the folder even when unused)
        os.environ["ALTDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="altdesk-fit-")
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("ALTdesk-tests-fit")
    app.setApplicationName("ALTdesk-tests-fit")
    app.setStyle("Fusion")
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget
    from altdesk.services.workspace import open_workspace
    from ui import i18n
    from ui.app_context import AppContext
    from ui.controllers.record_editing import RecordEditing
    from ui.main_window import MainWindow
    from ui.settings import set_current_language

    i18n.translations_dir = lambda: qm_folder  # type: ignore[assignment]
    set_current_language(lang)
    i18n.install_translators(app, lang)
    db = open_database(DatabaseTarget.parse(db_path))
    ws = open_workspace(db, actor="fit")

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    problems: list[str] = []
    window = MainWindow(ws, today=TODAY)
    limit = screen_limit()
    window.show()
    window.resize(*limit)
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        page = window.stack.currentWidget()
        views = ("month", "week", "board") if page is window.calendar_page else ("",)
        for view in views:
            if view:
                window.calendar_page.set_view(view)
                window.calendar_page.wait_for_background(10000)
            settle()
            where = f"{lang} window: {window.sidebar.item(row).text()} {view}".strip()
            problems += too_big(window, where)
            problems += clipped_texts(window, where)
    window.calendar_page.wait_for_background(10000)
    ctx = AppContext(ws)
    RecordEditing(ctx, today=lambda: TODAY)
    tmp = Path(out).parent / "dialogs"  # beside the answer: the caller's folder, removed with it
    tmp.mkdir(exist_ok=True)
    for name, dialog in _dialogs(ctx, tmp):
        problems += check_window(dialog, f"{lang} dialog {name} {type(dialog).__name__}", settle)
        dialog.hide()
        dialog.deleteLater()
        settle()
    window.close()
    Path(out).write_text(json.dumps(sorted(set(problems)), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    from altdesk import clock
    from altdesk.lunch.notice import JST

    # The pages read "now" (deadlines, the month they open on): the walk sees the same day
    # whenever it runs.
    with clock.frozen(dt.datetime.combine(TODAY, dt.time(10), tzinfo=JST)):
        sys.exit(main(*sys.argv[1:5]))
