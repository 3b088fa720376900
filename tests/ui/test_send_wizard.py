"""Send next month, driven by clicks: blocked by one error, the jump to it, fixed, checked
again, what goes out, sent (files written, month marked sent), in English and in Japanese."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from altdesk.db.engine import transaction
from altdesk.db.enums import VisitStatus
from altdesk.db.models import Visit
from altdesk.services import month_end
from tests.integration.test_send_month import DAY, MONTH, double_book, pdf_pages, remove_visit
from ui.app_context import AppContext
from ui.dialogs.send_wizard import SendWizard
from ui.settings import set_current_language

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / ".venv" / "bin"


@pytest.fixture(params=["en", "ja"])
def lang(request, qapp, tmp_path):
    if request.param == "en":
        yield "en"
        return
    qm = tmp_path / "altdesk_ja.qm"
    ts_files = sorted((REPO / "resources" / "translations").glob("*.ts"))
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", *map(str, ts_files), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    set_current_language("ja")
    yield "ja"
    set_current_language("en")
    qapp.removeTranslator(translator)


def wait_idle(qtbot, wizard: SendWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.busy and (wizard.plan is not None or bool(wizard.last_error)), timeout=60000)


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_send_next_month_blocked_fixed_sent(qtbot, scheduled_ws, tmp_path, lang, monkeypatch):
    monkeypatch.setenv("ALTDESK_PDF_WORKERS", "1")
    ws = scheduled_ws
    bad = double_book(ws)
    ctx = AppContext(ws)
    days, sections = [], []
    ctx.show_day.connect(lambda day, alt: days.append((day, alt)))
    wizard = SendWizard(ctx, None, MONTH, sections.append)
    qtbot.addWidget(wizard)
    wizard.show()
    wait_idle(qtbot, wizard)
    check = wizard.check_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    # Step 1: blocked, the blocker named, Next refused; the jumps go to the day and the list.
    assert wizard.plan is not None and wizard.plan.blocked
    assert not next_button.isEnabled()
    problem = wizard.plan.blockers[0]
    assert check.table.item(0, 0).text() == ("エラー" if lang == "ja" else "Errors")
    assert check.table.item(0, 1).text() == ("2026年6月10日(水)" if lang == "ja" else "Wed 10 Jun 2026")
    assert check.table.item(0, 2).text() == problem.message(lang)
    assert ("重なっています" if lang == "ja" else "overlap") in check.table.item(0, 2).text()
    assert ("まだ送付していません" if lang == "ja" else "not been sent") in check.state_label.text()
    click(qtbot, check.day_button)
    assert days == [(DAY, problem.alt_id)]
    click(qtbot, check.section_button)
    assert sections == ["conflicts"]

    # Fixed (as the coordinator would on the board), checked again: Next is allowed.
    remove_visit(ws, bad)
    click(qtbot, check.recheck_button)
    wait_idle(qtbot, wizard)
    assert not wizard.plan.blocked and next_button.isEnabled()
    click(qtbot, next_button)

    # Step 2: what goes out, per school and ALT; the folder to write into.
    contents = wizard.contents_page
    assert wizard.currentPage() is contents
    plan = wizard.plan
    assert contents.schools.rowCount() == len(plan.schools) > 0
    assert contents.alts.rowCount() == len(plan.alts) > 0
    first = plan.schools[0]
    assert contents.schools.item(0, 0).text() == f"{first.code} {first.name_ja}"
    assert contents.schools.item(0, 2).text() == first.status(lang)
    assert ("新規" if lang == "ja" else "new") in first.status(lang)
    out = tmp_path / ("送付先" if lang == "ja" else "out")
    contents.folder_edit.setText(str(out))
    click(qtbot, next_button)

    # Step 3: send; every file written, the month marked sent.
    page = wizard.send_page
    assert wizard.currentPage() is page
    assert str(out / MONTH) in page.where_label.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    click(qtbot, page.send_button)
    qtbot.waitUntil(lambda: wizard.result is not None or bool(wizard.last_error), timeout=120000)
    assert wizard.result is not None, wizard.last_error
    assert all(f.is_file() for f in wizard.result.files)
    board = plan.boards[0]
    assert len([p for p in pdf_pages(out / MONTH / board.file) if "ALT訪問予定表" in p]) == len(board.school_codes)
    assert page.result_label.text() == wizard.result.summary(lang)
    assert page.open_button.isEnabled() and not page.send_button.isEnabled()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    state = month_end.sent_state(ws, MONTH)
    assert state.was_sent and state.sent.actor == "tester"

    if lang == "ja":  # the wizard's own words are Japanese (data such as ALT names aside)
        for text in (wizard.windowTitle(), check.title(), check.subTitle(), contents.title(), page.title(),
                     page.send_button.text(), check.recheck_button.text(), check.day_button.text(),
                     contents.folder_label.text(), page.where_label.text().split(str(out))[0]):
            assert not re.search(r"[A-Za-z]{3,}", text.replace("ALT", "")), text

    # A change after sending shows on step 1 when the month is checked again.
    wizard.restart()
    with transaction(ws.db.sessions) as session:
        visit = session.scalars(select(Visit).where(Visit.date == DAY, Visit.status == VisitStatus.PLANNED)
                                .order_by(Visit.id)).first()
        visit.status = VisitStatus.CANCELLED
    click(qtbot, check.recheck_button)
    wait_idle(qtbot, wizard)
    assert wizard.plan.state.changed_since_sent
    assert ("送付後に変更があります" if lang == "ja" else "changed since sent") in check.state_label.text()
