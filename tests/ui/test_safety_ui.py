"""The audit page, the damaged-file dialog, the open-problem messages and the File menu's
backup/restore/verify actions, driven as a person would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from altdesk.db.backup import list_backups
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.models import School
from altdesk.errors import DatabaseDamaged, DatabaseLocked, NewerDatabase
from altdesk.services.safety import make_backup
from altdesk.services.workspace import open_workspace
from tests.helpers import file_digest, run_cli
from tests.integration.test_locking import start_holder
from tests.unit.test_backup import damage, phone_of
from ui.dialogs import safety_actions
from ui.dialogs.coordinator import CoordinatorDialog, coordinator_for_start, remember_coordinator
from ui.dialogs.open_problems import open_problem_box
from ui.dialogs.recovery import RecoveryDialog
from ui.pages.audit_page import AuditPage


def _edit(db, actor: str, code: str, **values) -> None:  # type: ignore[no-untyped-def]
    open_workspace(db, actor=actor)
    with transaction(db.sessions) as s:
        school = s.scalar(select(School).where(School.code == code))
        for key, value in values.items():
            setattr(school, key, value)


@pytest.fixture
def audited_ws(demo_ws):  # type: ignore[no-untyped-def]
    _edit(demo_ws.db, "Sato", "S0001", contact_teacher="山田先生")
    _edit(demo_ws.db, "tester", "S0002", phone="000-0000")
    return demo_ws


def _loaded(qtbot, page: AuditPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.is_loading() and page.count_label.text() != "", timeout=10000)


def test_audit_page_model_and_filters(qtbot, qtmodeltester, audited_ws):
    page = AuditPage(audited_ws)
    qtbot.addWidget(page)
    page.show()
    _loaded(qtbot, page)
    qtmodeltester.check(page.model)
    everything = page.proxy.rowCount()
    assert everything >= 8  # the demo's bulk entries and the two edits
    assert page.proxy.index(0, 4).data().startswith("changed school S0002")  # newest first
    page.who.setCurrentIndex(page.who.findData("Sato"))
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10000)
    assert page.proxy.index(0, 1).data() == "Sato"
    # The selected entry's values before and after.
    page.table.selectRow(0)
    assert page.details.rowCount() == 1
    assert [page.details.item(0, c).text() for c in (0, 2)] == ["contact_teacher", "山田先生"]
    page.who.setCurrentIndex(0)
    qtbot.keyClicks(page.text, "s0002")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10000)
    page.text.clear()
    page.action.setCurrentIndex(page.action.findData("create"))

    def shown_actions() -> set[str]:
        return {page.proxy.index(r, 2).data() for r in range(page.proxy.rowCount())}

    qtbot.waitUntil(lambda: shown_actions() == {"Created"}, timeout=10000)
    assert page.proxy.rowCount() < everything
    page.action.setCurrentIndex(0)
    page.use_to.setChecked(True)
    page.date_to.setDate(page.date_to.date().addDays(-1))
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10000)
    assert page.count_label.text() == "0 entries"
    page.retranslate()


def _damaged_with_backup(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "branch.sqlite3"
    assert run_cli("--db", str(path), "demo").returncode == 0
    db = open_database(DatabaseTarget.parse(str(path)))
    backup = make_backup(open_workspace(db))
    db.close()
    damage(path)
    return path, backup


def test_damaged_file_dialog_restores_the_newest_good_backup(qtbot, tmp_path):
    path, backup = _damaged_with_backup(tmp_path)
    damaged = file_digest(path)
    target = DatabaseTarget.parse(str(path))
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(target, exclusive=True)
    dialog = RecoveryDialog(target, caught.value, "en", actor="tester")
    qtbot.addWidget(dialog)
    assert dialog.backup is not None and dialog.backup.path == backup
    assert "damaged" in dialog.text() and dialog.restore_button is not None
    assert dialog.backup.taken.strftime("%Y-%m-%d %H:%M") in dialog.informativeText()
    assert dialog.restore() is not None
    kept = [b for b in list_backups(path) if b.reason == "damaged"]
    assert len(kept) == 1 and file_digest(kept[0].path) == damaged
    reopened = open_database(target, exclusive=True)
    reopened.close()


def test_damaged_file_without_backup_offers_nothing(qtbot, tmp_path):
    path = tmp_path / "branch.sqlite3"
    assert run_cli("--db", str(path), "demo").returncode == 0
    damage(path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(DatabaseTarget.parse(str(path)))
    dialog = RecoveryDialog(DatabaseTarget.parse(str(path)), caught.value, "ja")
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None and dialog.restore() is None
    assert "破損" in dialog.text()


def test_open_problem_messages():
    locked = open_problem_box(DatabaseLocked("The database x is already open in another ALTdesk."), "en")
    assert locked.windowTitle() == "Already open in another ALTdesk"
    assert "crashed" in locked.informativeText()
    newer = open_problem_box(NewerDatabase("newer", "新しいバージョン"), "ja")
    assert newer.text() == "新しいバージョン" and "not changed" in newer.informativeText()


def test_app_refuses_a_file_already_open_in_another_altdesk(tmp_path):
    path = tmp_path / "branch.sqlite3"
    assert run_cli("--db", str(path), "demo").returncode == 0
    holder = start_holder(path)
    try:
        result = run_cli("--db", str(path), "--screenshot", str(tmp_path / "shot.png"))
    finally:
        holder.kill()
        holder.wait(timeout=10)
    assert result.returncode == 2
    assert "already open in another ALTdesk" in result.stderr
    assert not (tmp_path / "shot.png").exists()


def test_app_start_with_a_damaged_file_in_screenshot_mode_says_so_and_changes_nothing(tmp_path):
    path, _backup = _damaged_with_backup(tmp_path)
    before = file_digest(path)
    result = run_cli("--db", str(path), "--screenshot", str(tmp_path / "shot.png"))
    assert result.returncode == 2 and "damaged" in result.stderr
    assert file_digest(path) == before


def test_coordinator_name_is_asked_and_remembered(qtbot, monkeypatch):
    monkeypatch.delenv("ALTDESK_ACTOR", raising=False)
    dialog = CoordinatorDialog("tanaka")
    qtbot.addWidget(dialog)
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "suzuki")
    assert dialog.name() == "suzuki"
    dialog.name_edit.clear()
    assert dialog.name()  # empty falls back to the OS user
    remember_coordinator("Suzuki", ask_again=False)
    assert coordinator_for_start(interactive=True) == "Suzuki"  # not asked again
    remember_coordinator("Suzuki", ask_again=True)
    assert coordinator_for_start(interactive=False) == "Suzuki"


@pytest.fixture
def told(monkeypatch):  # type: ignore[no-untyped-def]
    """Message boxes the actions show, recorded instead of blocking the test."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(safety_actions.QMessageBox, "information",
                        staticmethod(lambda _p, title, text: said.append(("info", text))))
    monkeypatch.setattr(safety_actions.QMessageBox, "critical",
                        staticmethod(lambda _p, title, text: said.append(("critical", text))))
    monkeypatch.setattr(safety_actions.QMessageBox, "question",
                        staticmethod(lambda _p, title, text, *buttons: said.append(("question", text, *buttons))
                                     or QMessageBox.StandardButton.Yes))
    return said


def test_backup_verify_and_restore_from_the_menu(qtbot, demo_ws, told):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    actions = safety_actions.SafetyActions(window, demo_ws)
    assert [a.text() for a in actions.actions()] == ["&Back Up Now", "Back Up &To…", "&Restore From Backup…",
                                                     "&Verify Database"]
    db_path = demo_ws.db.target.sqlite_path
    original = phone_of(db_path, "S0001")
    actions.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    kind, text = told.pop()
    assert kind == "info" and "backup was written" in text
    (made,) = [b for b in list_backups(db_path) if b.reason == "manual"]
    assert str(made.path) in text

    actions.verify_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    kind, text = told.pop()
    assert kind == "info" and "passed the integrity check" in text and "Backups: 1" in text

    with transaction(demo_ws.db.sessions) as s:
        s.scalar(select(School).where(School.code == "S0001")).phone = "changed-after-backup"
    restored = []
    actions.restored.connect(lambda: restored.append(True))
    actions.restore(made.path)
    qtbot.waitUntil(lambda: bool(restored) and len(told) == 2, timeout=30000)
    question, done = told
    assert question[0] == "question" and "20 ALTs, 60 schools" in question[1]
    assert question[-1] == QMessageBox.StandardButton.No  # Enter does not replace the database
    assert done[0] == "info" and "before-restore" in done[1]
    assert phone_of(db_path, "S0001") == original
    # The open app keeps working on the restored data.
    with demo_ws.db.sessions() as s:
        assert s.scalar(select(School.phone).where(School.code == "S0001")) == original


def test_restoring_a_damaged_backup_from_the_menu_is_refused(qtbot, demo_ws, told, tmp_path):
    from PySide6.QtWidgets import QWidget

    bad = tmp_path / "bad.sqlite3"
    make_backup(demo_ws, bad)
    damage(bad)
    window = QWidget()
    qtbot.addWidget(window)
    actions = safety_actions.SafetyActions(window, demo_ws)
    before = phone_of(demo_ws.db.target.sqlite_path, "S0001")
    actions.restore(bad)
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    kind, text = told.pop()
    assert kind == "critical" and "damaged" in text
    assert phone_of(demo_ws.db.target.sqlite_path, "S0001") == before
    conn = sqlite3.connect(demo_ws.db.target.sqlite_path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    assert Qt  # the module is a Qt test
