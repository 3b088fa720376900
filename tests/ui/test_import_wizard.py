"""The import wizard driven by clicks: choose, preview with problem cells marked, confirm,
import on a worker thread, see what changed; cancel and file errors handled."""

from __future__ import annotations

import os
import threading
import time

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import func, select

from altdesk.db.models import School
from altdesk.services import importing
from tests.helpers import table_dump
from ui.dialogs.import_wizard import ImportWizard, changed_kinds
from ui.dialogs.import_wizard_models import ERROR_TINT

GOOD = ("学校コード,学校名,校種,教育委員会コード,給食\n"
        "S9001,テスト小学校,小学校,B001,給食あり\n"
        "S9002,テスト中学校,中学校,B001,なし\n"
        "S0001,さくら市立緑浦中学校（改称）,中学校,B001,給食あり\n")
BAD = ("学校コード,学校名,校種,メモ\n"
       "S9001,テスト小学校,小学校,\n"
       "S9002,テスト大学,大学,鍵あり\n")


def school_count(ws) -> int:
    with ws.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(School))


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_preview(qtbot, ws, path) -> ImportWizard:
    wizard = ImportWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file yet
    wizard.files_page.add_paths([path])
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: not wizard.preview_page.is_busy() and (
        wizard.preview_page.preview is not None or wizard.preview_page.file_error is not None), timeout=20000)
    return wizard


def test_preview_marks_the_problem_cell_and_lists_every_problem(qtbot, qtmodeltester, demo_ws, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(BAD, encoding="utf-8")
    wizard = open_preview(qtbot, demo_ws, path)
    page = wizard.preview_page
    model = page.sheet_model
    qtmodeltester.check(model)
    qtmodeltester.check(page.problem_model)
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == ["2", "3"]
    bad = model.index(1, 2)  # row 3, column C (校種)
    assert bad.data() == "大学"
    assert bad.data(Qt.ItemDataRole.BackgroundRole) == QBrush(ERROR_TINT)
    assert isinstance(bad.data(Qt.ItemDataRole.DecorationRole), QIcon)  # not colour alone
    assert "elementary" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(2, Qt.Orientation.Horizontal) == "C  校種"
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Read as: Level"
    assert "ignored" in model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)  # メモ
    assert page.problem_model.rowCount() == 2  # the error and the unknown column's warning
    assert page.problem_model.index(0, 0).data() in ("Error", "Warning")
    assert "1 problem(s) must be fixed" in page.summary.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    error_row = next(r for r in range(2) if page.problem_model.problem_at(r).is_error)
    table = page.problem_table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(page.problem_model.index(error_row, 6)).center())
    assert page.sheet_table.currentIndex() == bad  # the problem's cell is shown


def test_fix_the_file_and_check_again(qtbot, demo_ws, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(BAD, encoding="utf-8")
    wizard = open_preview(qtbot, demo_ws, path)
    path.write_text(BAD.replace("大学", "中学校"), encoding="utf-8")
    qtbot.mouseClick(wizard.preview_page.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None and not wizard.preview_page.is_busy(), timeout=20000)
    assert wizard.preview_page.preview.ok
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_import_from_choice_to_summary(qtbot, qtmodeltester, demo_ws, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text(GOOD, encoding="cp932")
    wizard = open_preview(qtbot, demo_ws, path)
    assert "Shift_JIS (cp932)" in wizard.preview_page.summary.text()
    assert "2 to create, 1 to update" in wizard.preview_page.summary.text()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.confirm_page
    qtmodeltester.check(wizard.confirm_page.change_model)
    assert wizard.confirm_page.change_model.rowCount() == 3
    fields = {wizard.confirm_page.change_model.index(r, 2).data(): wizard.confirm_page.change_model.index(r, 4).data()
              for r in range(3)}
    assert fields == {"S9001": "", "S9002": "", "S0001": "Name (ja)"}
    assert school_count(demo_ws) == 60  # nothing written before the commit button
    with qtbot.waitSignal(wizard.imported, timeout=20000) as imported:
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20000)
    assert imported.args[0].counts["schools"] == {"create": 2, "update": 1, "unchanged": 0}
    assert changed_kinds(imported.args[0]) == {"schools"}  # the board was only referred to
    assert school_count(demo_ws) == 62
    assert "Schools: 2 created, 1 updated" in wizard.summary_page.counts.text()
    assert wizard.summary_page.change_model.rowCount() == 3
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert not wizard.isVisible()


def test_the_import_runs_on_a_worker_thread(qtbot, demo_ws, tmp_path, monkeypatch):
    path = tmp_path / "schools.csv"
    path.write_text(GOOD, encoding="utf-8")
    threads = []
    real_apply = ImportWizard.apply

    def watched(ws, preview, progress):
        threads.append((threading.get_ident(), QThread.currentThread() is QApplication.instance().thread()))
        return real_apply(ws, preview, progress)

    monkeypatch.setattr(ImportWizard, "apply", staticmethod(watched))
    wizard = open_preview(qtbot, demo_ws, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=20000)
    [(ident, on_ui_thread)] = threads
    assert ident != threading.get_ident() and not on_ui_thread


def test_cancelling_the_import_changes_nothing(qtbot, demo_ws, tmp_path, monkeypatch):
    path = tmp_path / "schools.csv"
    path.write_text(GOOD, encoding="utf-8")
    before = table_dump(demo_ws.db.target.sqlite_path)

    def slow(ws, preview, progress):  # waits, as a long import would, until cancel is asked
        deadline = time.monotonic() + 15
        while progress(0, 10) and time.monotonic() < deadline:
            time.sleep(0.01)
        return importing.apply(ws, preview, progress=progress)

    monkeypatch.setattr(ImportWizard, "apply", staticmethod(slow))
    wizard = open_preview(qtbot, demo_ws, path)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    page = wizard.progress_page
    qtbot.waitUntil(page.is_busy, timeout=5000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error is not None, timeout=20000)
    assert "cancelled" in page.error and "nothing was changed" in page.error
    assert page.again_button.isVisible()
    assert table_dump(demo_ws.db.target.sqlite_path) == before


def test_an_unreadable_file_is_explained_in_the_wizard(qtbot, demo_ws, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    wizard = open_preview(qtbot, demo_ws, path)
    assert str(path) in wizard.preview_page.summary.text() and "empty" in wizard.preview_page.summary.text()
    assert wizard.preview_page.problem_model.rowCount() == 1
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_save_an_empty_template_from_the_first_page(qtbot, demo_ws, tmp_path):
    wizard = ImportWizard(demo_ws)
    qtbot.addWidget(wizard)
    target = tmp_path / "template.xlsx"
    wizard.files_page.save_template(target)
    qtbot.waitUntil(lambda: "Template saved" in wizard.files_page.template_status.text(), timeout=20000)
    assert target.exists()
    import openpyxl

    assert openpyxl.load_workbook(target).sheetnames[:6] == ["Branch", "Schools", "ALTs", "Placements", "Closures",
                                                             "Events"]


def test_a_pipe_is_explained_at_once_not_waited_on(qtbot, demo_ws, tmp_path):
    pipe = tmp_path / "schools.csv"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer for ever
    wizard = open_preview(qtbot, demo_ws, pipe)
    assert "not a regular file" in wizard.preview_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_reading_a_large_file_shows_the_row_reached_and_can_be_stopped(qtbot, demo_ws, tmp_path, monkeypatch):
    path = tmp_path / "schools.csv"
    path.write_text("学校コード,学校名,校種\n" + "".join(f"X{n:05d},学校{n},小学校\n" for n in range(20_000)),
                    encoding="utf-8")
    real_preview = importing.preview
    rows_seen: list[int] = []

    def paced(ws, paths, kind, progress):  # each report takes a while, as on a slow office PC
        def slow(done, total):
            if total == 0:
                rows_seen.append(done)
            time.sleep(0.2)
            return progress(done, total)
        return real_preview(ws, paths, kind, slow)

    monkeypatch.setattr(importing, "preview", paced)
    wizard = ImportWizard(demo_ws)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.add_paths([path])
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: "(row " in page.summary.text(), timeout=20000)
    assert page.cancel_button.isVisible() and page.busy.isVisible()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_busy() and page.file_error is not None, timeout=20000)
    assert "cancelled" in page.file_error and not page.cancel_button.isVisible()
    assert rows_seen and max(rows_seen) < 20_000  # stopped part way through
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_japanese_window_saves_the_japanese_template(qtbot, demo_ws, tmp_path):
    import openpyxl

    from ui.settings import set_current_language

    set_current_language("ja")
    try:
        wizard = ImportWizard(demo_ws)
        qtbot.addWidget(wizard)
        target = tmp_path / "テンプレート.xlsx"
        wizard.files_page.save_template(target)
        qtbot.waitUntil(lambda: target.exists() and not wizard.files_page.template_runner.is_running(), timeout=20000)
    finally:
        set_current_language("en")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:3] == ["支店", "学校", "ALT"] and book["学校"]["A1"].value == "学校コード"
