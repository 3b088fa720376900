"""Undo and redo the core refuses: the stack keeps saying how things are, and the person is told why.

Another coordinator works on the same database file through a second Workspace: they save a
record meanwhile (StaleEdit), delete it (NotFound, or StaleEdit where the core checks versions),
or start using it (InUse). The refused undo (or redo) changes nothing in the database; the undo
stack, its texts and the Edit menu's Undo/Redo then offer only what can really be undone or redone.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from altdesk.db.database import open_database
from altdesk.db.enums import AbsenceKind, VisitKind, VisitStatus
from altdesk.db.models import School, Visit
from altdesk.services import records as svc
from altdesk.services.absences import (
    AbsenceInput,
    create_absence,
    delete_absence,
    list_absences,
    update_absence,
)
from altdesk.services.rosters import list_alts
from altdesk.services.visits import VisitDraft, delete_visit, get_visit, update_visit
from altdesk.services.workspace import Workspace, open_workspace
from tests.ui.modal import ModalHandler
from tests.unit.absence_fixtures import WEEK, busy_alt
from tests.unit.sched_fixtures import make_alt, make_placement, make_school
from ui import i18n
from ui.controllers.record_commands import KINDS, delete_command, save_command
from ui.dialogs.absence_commands import edit_absence_command
from ui.main_window import MainWindow
from ui.settings import set_current_language
from ui.undo import ServiceCommand, push

TODAY = dt.date(2026, 6, 8)
# The journal's refusal of an undo or redo says which record, what happened to it and who did it.
OTHER = "other coordinator"
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "altdesk_ja.ts"


def _elsewhere(request: pytest.FixtureRequest, ws: Workspace) -> Workspace:
    """Another coordinator's session on the same database file."""
    database = open_database(ws.db.target)
    request.addfinalizer(database.close)
    return open_workspace(database, actor="other coordinator")


@pytest.fixture
def window(qtbot, ws) -> Iterator[MainWindow]:
    win = MainWindow(ws, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.calendar_page.wait_for_background()


@pytest.fixture
def board_window(qtbot, scheduled_ws) -> Iterator[MainWindow]:
    win = MainWindow(scheduled_ws, today=TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.show_section("calendar")
    win.calendar_page.set_view("board")
    win.calendar_page.go_to(TODAY)
    win.calendar_page.confirm_conflicts = lambda conflicts: True
    yield win
    win.calendar_page.wait_for_background()


def _refused(qtbot, trigger: Callable[[], None]) -> dict[str, object]:
    """Run an undo or redo the core refuses; returns the warning the person was shown."""
    seen: dict[str, object] = {}

    def read(box) -> None:
        seen.update(title=box.windowTitle(), text=box.text(), icon=box.icon())
        box.button(QMessageBox.StandardButton.Ok).click()

    handler = ModalHandler(read, "undo_refused")
    trigger()
    qtbot.waitUntil(lambda: handler.ran or bool(handler.errors))
    handler.check()
    assert seen["icon"] == QMessageBox.Icon.Warning
    return seen


def _stack(window: MainWindow) -> dict[str, object]:
    """What the stack and the Edit menu offer."""
    stack = window.ctx.undo_stack
    return {"index": stack.index(), "count": stack.count(),
            "undo": stack.undoText() if stack.canUndo() else None,
            "redo": stack.redoText() if stack.canRedo() else None,
            "menu": (window.undo_action.isEnabled() and window.undo_action.text(),
                     window.redo_action.isEnabled() and window.redo_action.text())}


def _expect(index: int, undo: str | None, redo: str | None, count: int | None = None) -> dict[str, object]:
    return {"index": index, "count": index if count is None else count, "undo": undo, "redo": redo,
            "menu": (undo is not None and f"Undo {undo}", redo is not None and f"Redo {redo}")}


def _edit_alt(window: MainWindow, alt_id: int, **changes: object) -> None:
    form = replace(svc.load_alt(window.ws, alt_id), **changes)
    assert push(window.ctx, save_command(window.ctx, KINDS["alt"], form)) is None


def _add_alt(window: MainWindow, code: str) -> None:
    form = svc.AltForm(code=code, family_name="Carter", given_name="Emily")
    assert push(window.ctx, save_command(window.ctx, KINDS["alt"], form)) is None


def _saved_elsewhere(other: Workspace, alt_id: int, **changes: object) -> None:
    svc.save_alt(other, replace(svc.load_alt(other, alt_id), **changes))


# --- a record edit: an ALT --------------------------------------------------------------------------

def test_undo_of_an_alt_edit_someone_else_saved_meanwhile(qtbot, request, ws, window):
    alt_id = make_alt(ws, "A1")
    _add_alt(window, "A2")
    _edit_alt(window, alt_id, nationality="Ireland")
    _saved_elsewhere(_elsewhere(request, ws), alt_id, nationality="Canada")

    seen = _refused(qtbot, window.undo_action.trigger)

    assert svc.load_alt(ws, alt_id).nationality == "Canada"  # the other coordinator's save stands
    assert seen["title"] == "Undo not done"
    assert seen["text"] == (f"“Edit ALT A1” was not undone.\n\nThe ALT A1 (#{alt_id}) was changed since by {OTHER}. "
                            "Nothing was changed.\n\nThe change is still in effect and can no longer be undone.")
    # The edit is still in effect: it is neither offered for undo again nor for redo.
    assert _stack(window) == _expect(1, "Add ALT A2", None)
    # The change before it is still undoable, and its undo works.
    window.undo_action.trigger()
    assert [a.code for a in list_alts(ws)] == ["A1"]
    assert _stack(window) == _expect(0, None, "Add ALT A2", count=1)


def test_a_refused_undo_keeps_what_was_undone_after_it_redoable(qtbot, request, ws, window):
    alt_id = make_alt(ws, "A1")
    _edit_alt(window, alt_id, nationality="Ireland")
    _add_alt(window, "A2")
    window.undo_action.trigger()  # A2 goes
    _saved_elsewhere(_elsewhere(request, ws), alt_id, nationality="Canada")

    _refused(qtbot, window.undo_action.trigger)

    # The refused edit still holds, and A2 was added on top of it: adding A2 again is still on offer.
    assert _stack(window) == _expect(0, None, "Add ALT A2", count=1)
    window.redo_action.trigger()
    assert [a.code for a in list_alts(ws)] == ["A1", "A2"]
    assert svc.load_alt(ws, alt_id).nationality == "Canada"
    assert _stack(window) == _expect(1, "Add ALT A2", None)


def test_redo_of_an_alt_edit_someone_else_saved_meanwhile(qtbot, request, ws, window):
    alt_id = make_alt(ws, "A1")
    _add_alt(window, "A2")
    _edit_alt(window, alt_id, nationality="Ireland")
    _edit_alt(window, alt_id, phone="090-1234-5678")
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert _stack(window) == _expect(1, "Add ALT A2", "Edit ALT A1", count=3)
    _saved_elsewhere(_elsewhere(request, ws), alt_id, nationality="Canada")

    seen = _refused(qtbot, window.redo_action.trigger)

    stored = svc.load_alt(ws, alt_id)
    assert (stored.nationality, stored.phone) == ("Canada", "")
    assert seen["title"] == "Redo not done"
    assert seen["text"].startswith("“Edit ALT A1” was not redone.")  # type: ignore[union-attr]
    assert f"The ALT A1 (#{alt_id}) was changed since by {OTHER}." in seen["text"]  # type: ignore[operator]
    # Both edits stay undone; neither is offered for redo (the second was made on top of the first).
    assert _stack(window) == _expect(1, "Add ALT A2", None)


def test_undo_of_an_alt_edit_when_someone_else_deleted_the_alt(qtbot, request, ws, window):
    alt_id = make_alt(ws, "A1")
    _edit_alt(window, alt_id, nationality="Ireland")
    other = _elsewhere(request, ws)
    svc.delete_alt(other, alt_id, svc.load_alt(other, alt_id).version)

    seen = _refused(qtbot, window.undo_action.trigger)

    assert list_alts(ws) == []  # not brought back by the undo
    assert "“Edit ALT A1” was not undone." in seen["text"]  # type: ignore[operator]
    assert f"The ALT A1 (#{alt_id}) was deleted since by {OTHER}." in seen["text"]  # type: ignore[operator]
    assert _stack(window) == _expect(0, None, None)


def test_redo_of_an_alt_edit_when_someone_else_deleted_the_alt(qtbot, request, ws, window):
    alt_id = make_alt(ws, "A1")
    _edit_alt(window, alt_id, nationality="Ireland")
    window.undo_action.trigger()
    other = _elsewhere(request, ws)
    svc.delete_alt(other, alt_id, svc.load_alt(other, alt_id).version)

    seen = _refused(qtbot, window.redo_action.trigger)

    assert list_alts(ws) == []
    assert "“Edit ALT A1” was not redone." in seen["text"]  # type: ignore[operator]
    assert f"The ALT A1 (#{alt_id}) was deleted since by {OTHER}." in seen["text"]  # type: ignore[operator]
    assert _stack(window) == _expect(0, None, None)


@pytest.fixture
def japanese(qapp, tmp_path, monkeypatch):
    """The window's language switched to Japanese, from the .qm built from the .ts in the tree."""
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(tool), "-silent", str(TS), "-qm", str(tmp_path / "altdesk_ja.qm")], check=True)
    monkeypatch.setattr(i18n, "translations_dir", lambda: str(tmp_path))
    assert i18n.install_translators(qapp, "ja")
    set_current_language("ja")
    yield
    set_current_language("en")
    i18n.install_translators(qapp, "en")


def test_the_refused_undo_is_explained_in_japanese(qtbot, request, ws, japanese):
    window = MainWindow(ws, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    alt_id = make_alt(ws, "A1")
    _edit_alt(window, alt_id, nationality="Ireland")
    _saved_elsewhere(_elsewhere(request, ws), alt_id, nationality="Canada")

    seen = _refused(qtbot, window.undo_action.trigger)

    assert seen["title"] == "元に戻せませんでした"
    assert seen["text"] == ("「ALT A1 を編集」は元に戻せませんでした。\n\n"
                            f"ALT A1（#{alt_id}）はその後{OTHER}によって変更されています。何も変更していません。\n\n"
                            "この変更はそのまま有効で、もう元に戻すことはできません。")
    assert svc.load_alt(ws, alt_id).nationality == "Canada"
    assert not window.ctx.undo_stack.canUndo() and not window.ctx.undo_stack.canRedo()
    window.calendar_page.wait_for_background()


def test_a_refused_new_edit_leaves_no_redo_on_offer(request, ws, window):
    alt_id = make_alt(ws, "A1")
    _edit_alt(window, alt_id, nationality="Ireland")
    form = replace(svc.load_alt(ws, alt_id), phone="03-1111-2222")  # the form the coordinator opens
    window.undo_action.trigger()
    assert _stack(window) == _expect(0, None, "Edit ALT A1", count=1)

    error = push(window.ctx, save_command(window.ctx, KINDS["alt"], form))

    assert error is not None  # the form was older than the undo: refused, shown by the dialog
    assert svc.load_alt(ws, alt_id).phone == ""
    # As with any new edit the redo side is gone, and the Edit menu says so too.
    assert _stack(window) == _expect(0, None, None)


def test_a_fault_in_an_undo_leaves_the_stack_true_and_reaches_the_fault_report(qtbot, window):
    def lost(_result: object) -> None:
        raise OSError("disk I/O error")

    assert push(window.ctx, ServiceCommand(window.ctx, "Edit ALT A1", lambda: None, lost, ("alts",))) is None
    with qtbot.capture_exceptions() as caught:
        window.undo_action.trigger()
        qtbot.waitUntil(lambda: bool(caught))
    assert [type(exc) for _type, exc, _tb in caught] == [OSError]  # to the window's fault report
    assert _stack(window) == _expect(0, None, None)


def test_a_fault_in_a_new_edit_is_raised_with_nothing_left_on_the_stack(window):
    def lost() -> None:
        raise OSError("disk I/O error")

    with pytest.raises(OSError):
        push(window.ctx, ServiceCommand(window.ctx, "Edit ALT A1", lost, lambda _result: None, ("alts",)))
    assert _stack(window) == _expect(0, None, None)


# --- a record in use: a school ---------------------------------------------------------------------

def _school_id(ws: Workspace, code: str) -> int:
    with ws.db.sessions() as s:
        return s.scalars(select(School.id).where(School.code == code)).one()


def test_undo_of_adding_a_school_someone_else_placed_an_alt_at(qtbot, request, ws, window):
    form = svc.SchoolForm(code="S9", name_ja="市立さくら小学校", name_en="Sakura ES", level="elementary")
    assert push(window.ctx, save_command(window.ctx, KINDS["school"], form)) is None
    other = _elsewhere(request, ws)
    school_id = _school_id(other, "S9")
    make_placement(other, make_alt(other, "A1"), school_id)

    seen = _refused(qtbot, window.undo_action.trigger)

    assert svc.load_school(ws, school_id).code == "S9"  # still there, with its placement
    assert "“Add school S9” was not undone." in seen["text"]  # type: ignore[operator]
    assert f"The school S9 (#{school_id}) is now used by 1 placement. Nothing was changed." in seen["text"]  # type: ignore[operator]
    assert _stack(window) == _expect(0, None, None)


def test_redo_of_deleting_a_school_someone_else_placed_an_alt_at(qtbot, request, ws, window):
    school_id = make_school(ws, "S9")
    version = svc.load_school(ws, school_id).version
    command = delete_command(window.ctx, KINDS["school"], school_id, version, "S9")
    assert push(window.ctx, command) is None
    window.undo_action.trigger()  # back, under its own id
    other = _elsewhere(request, ws)
    assert _school_id(other, "S9") == school_id
    make_placement(other, make_alt(other, "A1"), school_id)

    seen = _refused(qtbot, window.redo_action.trigger)

    assert svc.load_school(ws, school_id).code == "S9"
    assert "“Delete school S9” was not redone." in seen["text"]  # type: ignore[operator]
    assert f"The school S9 (#{school_id}) is now used by 1 placement." in seen["text"]  # type: ignore[operator]
    assert _stack(window) == _expect(0, None, None)


# --- a visit moved on the board --------------------------------------------------------------------

def _move_a_visit(window: MainWindow) -> tuple[int, dt.date]:
    ws = window.ws
    with ws.db.sessions() as s:
        visit = s.scalars(select(Visit).where(Visit.date == TODAY, Visit.status == VisitStatus.PLANNED,
                                              Visit.kind == VisitKind.REGULAR).order_by(Visit.id)).first()
        visit_id, version, alt_id = visit.id, visit.version, visit.alt_id
    day = TODAY + dt.timedelta(days=2)
    assert window.calendar_page.request_move(visit_id, version, day, alt_id)
    window.calendar_page.finish_edits()
    assert get_visit(ws, visit_id).draft.date == day
    return visit_id, day


def _visit_now(ws: Workspace, visit_id: int) -> tuple[dt.date, str] | None:
    with ws.db.sessions() as s:
        visit = s.get(Visit, visit_id)
        return None if visit is None else (visit.date, visit.note)


def _note_elsewhere(other: Workspace, visit_id: int) -> None:
    current = get_visit(other, visit_id)
    update_visit(other, visit_id, current.version, replace(current.draft, note="phoned the school"))


@pytest.mark.parametrize("meanwhile", ["saved", "deleted"])
def test_undo_of_a_visit_move_refused(qtbot, request, scheduled_ws, board_window, meanwhile):
    visit_id, day = _move_a_visit(board_window)
    other = _elsewhere(request, scheduled_ws)
    if meanwhile == "saved":
        _note_elsewhere(other, visit_id)
    else:
        delete_visit(other, visit_id)
    text = board_window.ctx.undo_stack.undoText()
    assert text.startswith("Move visit to")

    seen = _refused(qtbot, board_window.undo_action.trigger)

    assert _visit_now(scheduled_ws, visit_id) == ((day, "phoned the school") if meanwhile == "saved" else None)
    assert f"“{text}” was not undone." in seen["text"]  # type: ignore[operator]
    # The journal's reason (the move is a core operation), naming the visit and who changed it.
    what = "deleted" if meanwhile == "deleted" else "changed"
    assert f"The visit {day.isoformat()} (#{visit_id}) was {what} since by {OTHER}." in seen["text"]  # type: ignore[operator]
    assert _stack(board_window) == _expect(0, None, None)


@pytest.mark.parametrize("meanwhile", ["saved", "deleted"])
def test_redo_of_a_visit_move_refused(qtbot, request, scheduled_ws, board_window, meanwhile):
    visit_id, _day = _move_a_visit(board_window)
    board_window.undo_action.trigger()
    assert _visit_now(scheduled_ws, visit_id) == (TODAY, "")
    other = _elsewhere(request, scheduled_ws)
    if meanwhile == "saved":
        _note_elsewhere(other, visit_id)
    else:
        delete_visit(other, visit_id)
    text = board_window.ctx.undo_stack.redoText()

    seen = _refused(qtbot, board_window.redo_action.trigger)

    assert _visit_now(scheduled_ws, visit_id) == ((TODAY, "phoned the school") if meanwhile == "saved" else None)
    assert f"“{text}” was not redone." in seen["text"]  # type: ignore[operator]
    what = "deleted" if meanwhile == "deleted" else "changed"
    assert f"The visit {TODAY.isoformat()} (#{visit_id}) was {what} since by {OTHER}." in seen["text"]  # type: ignore[operator]
    assert _stack(board_window) == _expect(0, None, None)


def test_undo_of_a_new_visit_someone_else_edited_meanwhile(qtbot, request, scheduled_ws, board_window):
    with scheduled_ws.db.sessions() as s:
        visit = s.scalars(select(Visit).where(Visit.date == TODAY).order_by(Visit.id)).first()
        alt_id, school_id = visit.alt_id, visit.school_id
    day = TODAY + dt.timedelta(days=3)
    task = board_window.calendar_page.create(VisitDraft(alt_id, school_id, day, dt.time(13, 30), dt.time(15, 0),
                                                        "5-6", 2))
    board_window.calendar_page.finish_edits()  # saved on the runner's edit lane
    assert not task.is_running() and board_window.ctx.undo_stack.undoText() == "New visit"
    with scheduled_ws.db.sessions() as s:
        visit_id = s.scalar(select(func.max(Visit.id)))
    _note_elsewhere(_elsewhere(request, scheduled_ws), visit_id)

    seen = _refused(qtbot, board_window.undo_action.trigger)

    assert _visit_now(scheduled_ws, visit_id) == (day, "phoned the school")  # not deleted under them
    assert "“New visit” was not undone." in seen["text"]  # type: ignore[operator]
    assert f"The visit {day.isoformat()} (#{visit_id}) was changed since by {OTHER}." in seen["text"]  # type: ignore[operator]
    assert _stack(board_window) == _expect(0, None, None)


# --- an absence ------------------------------------------------------------------------------------

def _absence_widened(window: MainWindow) -> int:
    ws = window.ws
    alt = busy_alt(ws)
    saved = create_absence(ws, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK))
    [row] = [r for r in list_absences(ws, *WEEK) if r.id == saved.id]
    command = edit_absence_command(window.ctx, row, replace(row.as_input(), end_date=WEEK[1]), alt.code)
    assert push(window.ctx, command) is None
    return saved.id


def _absence_now(ws: Workspace, absence_id: int) -> tuple[dt.date, str] | None:
    found = [r for r in list_absences(ws) if r.id == absence_id]
    return (found[0].end_date, found[0].note) if found else None


def _absence_elsewhere(other: Workspace, absence_id: int, meanwhile: str) -> None:
    [row] = [r for r in list_absences(other) if r.id == absence_id]
    if meanwhile == "saved":
        update_absence(other, absence_id, row.version, replace(row.as_input(), note="doctor's note"))
    else:
        delete_absence(other, absence_id, row.version)


@pytest.mark.parametrize("meanwhile", ["saved", "deleted"])
def test_undo_of_an_absence_edit_refused(qtbot, request, scheduled_ws, board_window, meanwhile):
    window = board_window
    absence_id = _absence_widened(window)
    _absence_elsewhere(_elsewhere(request, scheduled_ws), absence_id, meanwhile)
    text = window.ctx.undo_stack.undoText()
    assert text.startswith("Edit absence of")

    seen = _refused(qtbot, window.undo_action.trigger)

    assert _absence_now(scheduled_ws, absence_id) == ((WEEK[1], "doctor's note") if meanwhile == "saved" else None)
    assert f"“{text}” was not undone." in seen["text"]  # type: ignore[operator]
    assert f"The absence {WEEK[0]} (#{absence_id}) was {meanwhile.replace('saved', 'changed')} since by {OTHER}." \
        in seen["text"]  # type: ignore[operator]
    assert _stack(window) == _expect(0, None, None)


@pytest.mark.parametrize("meanwhile", ["saved", "deleted"])
def test_redo_of_an_absence_edit_refused(qtbot, request, scheduled_ws, board_window, meanwhile):
    window = board_window
    absence_id = _absence_widened(window)
    window.undo_action.trigger()
    assert _absence_now(scheduled_ws, absence_id) == (WEEK[0], "")
    _absence_elsewhere(_elsewhere(request, scheduled_ws), absence_id, meanwhile)
    text = window.ctx.undo_stack.redoText()

    seen = _refused(qtbot, window.redo_action.trigger)

    assert _absence_now(scheduled_ws, absence_id) == ((WEEK[0], "doctor's note") if meanwhile == "saved" else None)
    assert f"“{text}” was not redone." in seen["text"]  # type: ignore[operator]
    assert f"The absence {WEEK[0]} (#{absence_id}) was {meanwhile.replace('saved', 'changed')} since by {OTHER}." \
        in seen["text"]  # type: ignore[operator]
    assert _stack(window) == _expect(0, None, None)
