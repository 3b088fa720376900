"""The Japanese UI is complete: the translation file covers every string of the source, and every
window, page, menu and dialog shown in Japanese carries no English word but names and data."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMenu, QWidget, QWizard
from sqlalchemy import select

from altdesk.db.enums import DayOffKind, SchoolLevel
from altdesk.db.models import (
    Absence,
    Alt,
    AuditEntry,
    Board,
    Branch,
    DayOff,
    Placement,
    School,
    SchoolEvent,
    Visit,
)
from altdesk.errors import DatabaseDamaged, DatabaseLocked, NetworkShareRefused, NewerDatabase
from altdesk.services import records as svc
from altdesk.services.calendar_view import filter_choices
from altdesk.services.workspace import Workspace
from tests.ui.japanese_walk import english_left, widget_texts
from tests.ui.modal import ModalHandler
from ui import i18n
from ui.app_context import AppContext
from ui.controllers.record_editing import EndPlacementDialog, RecordEditing
from ui.settings import current_language, set_current_language

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "altdesk_ja.ts"
TOOLS = Path(sys.executable).parent
TODAY = dt.date(2026, 6, 10)  # a Wednesday in term time of the demo's fiscal year 2026


# --- the translation file ------------------------------------------------------------------------

def _ui_sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "ui").rglob("*.py"))


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    return [(context.findtext("name") or "", message.findtext("source") or "", message)
            for context in ET.parse(path).getroot().iter("context") for message in context.iter("message")]


def _translation(message: ET.Element) -> str:
    element = message.find("translation")
    assert element is not None
    forms = element.findall("numerusform")
    return forms[0].text or "" if forms else element.text or ""


def test_the_translation_file_is_current_and_finished(tmp_path):
    """lupdate over today's sources adds nothing and retires nothing: every string is translated."""
    copy = tmp_path / "altdesk_ja.ts"
    shutil.copy(TS, copy)
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *_ui_sources(), "-ts", str(copy)], cwd=REPO, check=True,
                   capture_output=True)
    messages = _messages(copy)
    states = {(ctx, src): message.find("translation").get("type") for ctx, src, message in messages}  # type: ignore[union-attr]
    unfinished = sorted(k for k, state in states.items() if state == "unfinished")
    retired = sorted(k for k, state in states.items() if state in ("vanished", "obsolete"))
    assert unfinished == [], f"no Japanese yet (run tools/update_translations.sh): {unfinished}"
    assert retired == [], f"the .ts holds strings the source no longer has (run tools/update_translations.sh): {retired}"
    assert len(states) > 700
    assert {(c, s) for c, s, _ in _messages(TS)} == set(states)


def test_translations_keep_placeholders_and_accelerators():
    problems = []
    for context, source, message in _messages(TS):
        text = _translation(message)
        if sorted(re.findall(r"%\d|%n|\{\d\}", source)) != sorted(re.findall(r"%\d|%n|\{\d\}", text)):
            problems.append((context, source, text, "placeholders"))
        keys = [k.lower() for k in re.findall(r"(?<!&)&([^&\s])", source)]
        if keys != [k.lower() for k in re.findall(r"(?<!&)&([^&\s])", text)]:
            problems.append((context, source, text, "accelerator"))
        if source.endswith("…") != text.endswith("…"):
            problems.append((context, source, text, "ellipsis"))
    assert problems == []


# --- Japanese on screen ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def qm_folder(tmp_path_factory) -> Path:
    """The .qm built from the .ts in the tree, so the test needs no `make`."""
    folder = tmp_path_factory.mktemp("translations")
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(folder / "altdesk_ja.qm")],
                   check=True)
    return folder


@pytest.fixture
def japanese(qapp, qm_folder, monkeypatch):
    """The app's own translators (ALTdesk's and Qt's), switched to Japanese as at start-up."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: str(qm_folder))
    assert i18n.install_translators(qapp, "ja")
    set_current_language("ja")
    yield
    set_current_language("en")
    i18n.install_translators(qapp, "en")


def _data_words(ws: Workspace) -> set[str]:
    """Names, codes, e-mails and notes typed by people: they stay as entered."""
    columns = [Alt.code, Alt.family_name, Alt.given_name, Alt.nationality, Alt.email, Alt.other_allergens,
               Alt.diet_notes, School.code, School.name_en, School.address, School.contact_teacher, Board.code,
               Board.name_en, Branch.code, Branch.name, Branch.name_en, Branch.address, DayOff.name_en,
               SchoolEvent.name_en, Placement.note, Visit.note, Absence.note, AuditEntry.actor]
    words: set[str] = set()
    with ws.db.sessions() as session:
        for column in columns:
            for value in session.scalars(select(column).distinct()):
                words.update(re.findall(r"[A-Za-z][A-Za-z']+", value or ""))
    words.update(re.findall(r"[A-Za-z][A-Za-z']+", ws.db.target.describe()))  # the database's path
    return words


def _assert_japanese(texts: list[tuple[str, str]], data: set[str]) -> None:
    left = english_left(texts, data)
    assert left == [], "English left in the Japanese UI:\n" + "\n".join(f"  {w}: {t!r}" for w, t in left)


def _menu_texts(window: QWidget, qtbot) -> list[tuple[str, str]]:
    """Open every menu of the menu bar, as a person would, and read it."""
    texts: list[tuple[str, str]] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        menu.popup(window.mapToGlobal(QPoint(10, 10)))
        qtbot.waitUntil(menu.isVisible)
        texts += [(f"menu {menu.title()}", t) for _w, t in widget_texts(menu)]
        menu.hide()
    return texts


def test_the_main_window_speaks_japanese(qtbot, scheduled_ws, japanese):
    from ui.main_window import MainWindow

    data = _data_words(scheduled_ws)
    window = MainWindow(scheduled_ws, today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    texts: list[tuple[str, str]] = []
    for row in range(window.sidebar.count()):
        window.sidebar.setCurrentRow(row)
        page = window.stack.currentWidget()
        qtbot.waitUntil(lambda page=page: not _busy(page), timeout=30000)
        if page is window.calendar_page:
            for view in ("month", "week", "board"):
                window.calendar_page.set_view(view)
                texts += widget_texts(window)
        texts += widget_texts(window)
    texts += _menu_texts(window, qtbot)
    window.calendar_page.wait_for_background(10000)
    _assert_japanese(texts, data)
    assert window.menuBar().actions()[0].text() == "ファイル(&F)"


def _busy(page: QWidget) -> bool:
    for probe in ("is_checking", "is_loading", "is_busy"):
        if callable(getattr(page, probe, None)) and getattr(page, probe)():
            return True
    return bool(getattr(page, "busy", False))


# --- every dialog, wizard and page --------------------------------------------------------------------

def _first(ws: Workspace, model, *where):  # type: ignore[no-untyped-def]
    with ws.db.sessions() as session:
        return session.scalars(select(model).where(model.branch_id == ws.branch_id, *where).limit(1)).one()


def _tiny_pdf(path: Path) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(100, 100, "訪問予定表")
    painter.end()
    return path


def _alt_dialog(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.alt_dialog import AltDialog

    alt = _first(ctx.ws, Alt)
    return [AltDialog(svc.AltForm(), lambda f: f), AltDialog(svc.load_alt(ctx.ws, alt.id), lambda f: f)]


def _school_dialog(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.school_dialog import SchoolDialog

    school = _first(ctx.ws, School)
    boards = svc.board_choices(ctx.ws)
    return [SchoolDialog(svc.SchoolForm(), boards, lambda f: f),
            SchoolDialog(svc.load_school(ctx.ws, school.id), boards, lambda f: f)]


def _board_dialog(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.board_dialog import BoardDialog

    board = _first(ctx.ws, Board)
    return [BoardDialog(svc.BoardForm(), lambda f: f), BoardDialog(svc.load_board(ctx.ws, board.id), lambda f: f)]


def _day_off_dialogs(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.day_off_dialog import DayOffDialog

    ws = ctx.ws
    boards, schools = svc.board_choices(ws), svc.school_choices(ws)
    dialogs: list[QWidget] = []
    for kinds in ((DayOffKind.BREAK, DayOffKind.CLOSURE), (DayOffKind.SCHOOL_DAY_OFF,), (DayOffKind.BRANCH_CLOSURE,)):
        form = svc.DayOffForm(kind=kinds[0], start_date=TODAY)
        dialogs.append(DayOffDialog(form, lambda f: f, kinds=kinds, boards=boards, schools=schools, today=TODAY))
    existing = _first(ws, DayOff)
    form = svc.load_day_off(ws, existing.id)
    dialogs.append(DayOffDialog(form, lambda f: f, kinds=(form.kind,), boards=boards, schools=schools,
                                today=TODAY))
    return dialogs


def _holiday_dialogs(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.holiday_override_dialog import HolidayOverrideDialog

    worked = svc.HolidayOverrideForm(date=dt.date(2026, 7, 20), is_holiday=False)  # 海の日, worked
    added = svc.HolidayOverrideForm(date=dt.date(2026, 6, 12), is_holiday=True)
    return [HolidayOverrideDialog(form, lambda f: f, svc.national_holiday, today=TODAY) for form in (worked, added)]


def _placement_dialogs(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.placement_dialog import PlacementDialog

    ws = ctx.ws
    alts, schools = svc.alt_choices(ws), svc.school_choices(ws)
    existing = svc.load_placement(ws, _first(ws, Placement).id)
    new = svc.PlacementForm(start_date=TODAY, end_date=dt.date(2027, 3, 31), pattern=svc.Pattern(svc.PatternKind.WEEKLY, (0,)))
    dialogs = [PlacementDialog(form, alts, schools, lambda f: f, lambda f, after: svc.preview_placement(ws, f, after),
                               today=TODAY) for form in (new, existing)]
    dialogs.append(EndPlacementDialog(existing, TODAY))
    return dialogs


def _visit_dialogs(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from altdesk.services.visits import VisitDraft
    from ui.dialogs.visit_dialog import VisitDialog

    choices = filter_choices(ctx.ws)
    draft = VisitDraft(choices.alts[0][0], choices.schools[0][0], TODAY, dt.time(8, 15), dt.time(15, 45), "", 4)
    return [VisitDialog(ctx.ws, choices, draft, None)]


def _absence_dialogs(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.absence_dialog import AbsenceDialog
    from ui.dialogs.event_dialog import EventDialog
    from ui.dialogs.substitute_finder import SubstituteFinder

    alt = _first(ctx.ws, Alt)
    school = _first(ctx.ws, School)
    return [AbsenceDialog(ctx, alt_id=alt.id, day=TODAY), EventDialog(ctx, school_id=school.id, day=TODAY),
            SubstituteFinder(ctx, today=TODAY)]


def _export_dialogs(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.pdf_preview import PdfPreview

    return [ExportDialog(ctx.ws), PdfPreview(_tiny_pdf(tmp / "schedule.pdf"))]


def _start_dialogs(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from altdesk.db.engine import DatabaseTarget
    from ui.dialogs.coordinator import CoordinatorDialog
    from ui.dialogs.open_problems import open_problem_box
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.dialogs.recovery import RecoveryDialog

    damaged = tmp / "damaged.sqlite3"
    damaged.write_bytes(b"not a database")
    boxes: list[QWidget] = [CoordinatorDialog("tanaka"), PreferencesDialog(),
                            RecoveryDialog(DatabaseTarget.parse(str(damaged)), DatabaseDamaged("damaged", "破損"), "ja")]
    for error in (NewerDatabase("newer", "新しい版"), DatabaseLocked("locked", "使用中"),
                  NetworkShareRefused("share", "共有フォルダー"), DatabaseDamaged("damaged", "破損")):
        boxes.append(open_problem_box(error, "ja"))
    return boxes


def _pages(ctx: AppContext, tmp: Path) -> list[QWidget]:
    from ui.pages.audit_page import AuditPage
    from ui.pages.calendar_layers_page import CalendarLayersPage
    from ui.pages.placements_page import PlacementsPage
    from ui.pages.roster_page import alt_roster_page, school_roster_page

    return [alt_roster_page(ctx), school_roster_page(ctx), PlacementsPage(ctx), CalendarLayersPage(ctx),
            AuditPage(ctx.ws)]


DIALOGS: dict[str, Callable[[AppContext, Path], list[QWidget]]] = {
    "alt": _alt_dialog, "school": _school_dialog, "board": _board_dialog, "day_off": _day_off_dialogs,
    "holiday_override": _holiday_dialogs, "placement": _placement_dialogs, "visit": _visit_dialogs,
    "absence_event_substitute": _absence_dialogs, "export_preview": _export_dialogs, "start_up": _start_dialogs,
    "pages": _pages,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_speaks_japanese(qtbot, scheduled_ws, japanese, tmp_path, name):
    ctx = AppContext(scheduled_ws)
    RecordEditing(ctx, today=lambda: TODAY)
    # The language list names each language in itself; file names are the user's.
    data = _data_words(scheduled_ws) | {"English"} | set(re.findall(r"[A-Za-z]+", str(tmp_path / "schedule.pdf")))
    texts: list[tuple[str, str]] = []
    for widget in DIALOGS[name](ctx, tmp_path):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitUntil(lambda widget=widget: not _busy(widget), timeout=30000)
        texts += [(f"{type(widget).__name__}: {where}", text) for where, text in widget_texts(widget)]
    _assert_japanese(texts, data)


def test_the_import_wizard_speaks_japanese(qtbot, scheduled_ws, japanese, tmp_path):
    from ui.dialogs.import_wizard import ImportWizard

    # The file's path is the user's; a problem may quote the English codes a file may also use.
    data = _data_words(scheduled_ws) | set(re.findall(r"[A-Za-z]+", str(tmp_path / "meibo.csv")))
    data |= {word for level in SchoolLevel for word in level.value.split("_")}
    wizard = ImportWizard(scheduled_ws)
    qtbot.addWidget(wizard)
    wizard.show()
    texts = widget_texts(wizard)
    # A file with a problem: the preview page lists it.
    bad = tmp_path / "meibo.csv"
    bad.write_text("学校コード,学校名,校種,教育委員会コード\nS9001,テスト小学校,大学,B001\n", encoding="utf-8")
    wizard.files_page.add_paths([bad])
    texts += widget_texts(wizard)
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: not wizard.preview_page.is_busy() and (
        wizard.preview_page.preview is not None or wizard.preview_page.file_error is not None), timeout=30000)
    texts += widget_texts(wizard)
    # A good file: confirm, import, and the summary.
    bad.write_text("学校コード,学校名,校種,教育委員会コード\nS9001,テスト小学校,小学校,B001\n", encoding="utf-8")
    wizard.back()
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: not wizard.preview_page.is_busy() and wizard.preview_page.preview is not None,
                    timeout=30000)
    texts += widget_texts(wizard)
    wizard.button(QWizard.WizardButton.NextButton).click()
    texts += widget_texts(wizard)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: not wizard.is_busy(), timeout=30000)
    texts += widget_texts(wizard)
    _assert_japanese(texts, data)


def test_the_windows_questions_speak_japanese(qtbot, scheduled_ws, japanese):
    """The input dialogs behind Schedule > Generate and April rollover, and the delete questions."""
    from ui.main_window import MainWindow

    data = _data_words(scheduled_ws)
    window = MainWindow(scheduled_ws, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    texts: list[tuple[str, str]] = []

    def read_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        texts.extend(widget_texts(dialog))
        dialog.reject()

    for action in (window.generate_action, window.rollover_action):
        handler = ModalHandler(read_and_cancel)
        action.trigger()
        handler.check()
    editing = RecordEditing.of(window.ctx)
    asked: list[tuple[str, str]] = []
    editing.ask = lambda _parent, title, text, yes: asked.extend([("ask.title", title), ("ask", text),
                                                                  ("ask.yes", yes)]) or False
    editing.tell = lambda _parent, title, text: asked.extend([("tell.title", title), ("tell", text)])
    ws = scheduled_ws
    editing.delete_alt(window, _first(ws, Alt).id)
    editing.delete_school(window, _first(ws, School).id)
    editing.delete_board(window, _first(ws, Board).id)
    editing.delete_day_off(window, _first(ws, DayOff).id)
    window.calendar_page.wait_for_background(10000)
    assert len(asked) >= 4
    _assert_japanese(texts + asked, data)


# --- switching the language ------------------------------------------------------------------------

def test_preferences_switch_the_language_live(qtbot, demo_ws, qm_folder, monkeypatch, qapp):
    from ui.main_window import MainWindow

    monkeypatch.setattr(i18n, "translations_dir", lambda: str(qm_folder))
    window = MainWindow(demo_ws, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.show_section("calendar")
    assert window.file_menu.title() == "&File"
    assert window.sidebar.item(0).text() == "Calendar"
    try:
        window.set_language("ja")
        assert current_language() == "ja"
        assert window.file_menu.title() == "ファイル(&F)"
        assert window.sidebar.item(0).text() == "カレンダー"
        assert window.calendar_page.today_button.text() == "今日"
        assert re.fullmatch(r"\d{4}年\d{1,2}月", window.calendar_page.title.text()), window.calendar_page.title.text()
    finally:
        window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert window.sidebar.item(0).text() == "Calendar"
    assert QApplication.translate("MainWindow", "&File") == "&File"


def test_the_walk_reads_menus_dialogs_and_cells(qtbot, japanese):
    """The walker itself: it sees a dialog's window title, a button, a table cell and a tooltip."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QPushButton, QTableView, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Untranslated title")
    layout = QVBoxLayout(dialog)
    button = QPushButton("保存", dialog)
    button.setToolTip("Save the record")
    table = QTableView(dialog)
    model = QStandardItemModel(1, 1, table)
    model.setItem(0, 0, QStandardItem("Planned"))
    table.setModel(model)
    layout.addWidget(button)
    layout.addWidget(table)
    dialog.show()
    left = dict(english_left(widget_texts(dialog), set()))
    assert set(left.values()) == {"Untranslated title", "Save the record", "Planned"}
