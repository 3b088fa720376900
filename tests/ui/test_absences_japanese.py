"""Every string of the conflicts, absences and substitute screens has a Japanese translation,
and in Japanese those screens show no English words (other than ALT and key names)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QTabWidget,
)

from tests.unit.absence_fixtures import WEEK, busy_alt, schedule
from ui.app_context import AppContext
from ui.dialogs.absence_dialog import AbsenceDialog
from ui.dialogs.event_dialog import EventDialog
from ui.dialogs.substitute_finder import SubstituteFinder
from ui.pages.absences_page import AbsencesPage
from ui.pages.conflicts_page import ConflictsPage
from ui.settings import set_current_language

REPO = Path(__file__).resolve().parents[2]
SOURCES = ["ui/pages/conflicts_page.py", "ui/pages/absences_page.py", "ui/dialogs/absence_dialog.py",
           "ui/dialogs/event_dialog.py", "ui/dialogs/substitute_finder.py", "ui/dialogs/absence_commands.py"]
TOOLS = Path(sys.executable).parent
ALLOWED = {"ALT", "ALTs", "Ctrl", "Z", "Enter", "F5", "Sports", "Day", "FY"}  # key names; the example English name


def _translated(ts_files: list[Path]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for path in ts_files:
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                text = message.findtext("translation") or ""
                if text and message.find("translation").get("type") != "unfinished":
                    found.setdefault((name, message.findtext("source")), text)
    return found


def test_every_string_has_a_japanese_translation(tmp_path):
    extracted = tmp_path / "extracted.ts"
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *SOURCES, "-ts", str(extracted), "-no-obsolete"],
                   cwd=REPO, check=True, capture_output=True)
    translated = _translated(sorted((REPO / "resources" / "translations").glob("*.ts")))
    wanted = {(c.findtext("name"), m.findtext("source"))
              for c in ET.parse(extracted).getroot().iter("context") for m in c.iter("message")}
    missing = sorted(k for k in wanted if k not in translated)
    assert len(wanted) > 150
    assert missing == []


@pytest.fixture
def japanese_ui(qapp, tmp_path):
    qm = tmp_path / "altdesk_ja.qm"
    ts_files = sorted((REPO / "resources" / "translations").glob("*.ts"))
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", *map(str, ts_files), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    set_current_language("ja")
    yield
    set_current_language("en")
    qapp.removeTranslator(translator)


def _english_words(widget) -> list[str]:
    texts: list[str] = []
    for child in [widget, *widget.findChildren(object)]:
        if isinstance(child.parent(), QTabBar):  # Qt's own scroll arrows (qtbase translates them)
            continue
        if isinstance(child, QLabel | QAbstractButton | QGroupBox) and child.isVisibleTo(widget):
            texts.append(child.title() if isinstance(child, QGroupBox) else child.text())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QComboBox) and not child.isEditable():
            texts.extend(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QTableView):
            model = child.model()
            texts.extend(str(model.headerData(c, child.horizontalHeader().orientation()))
                         for c in range(model.columnCount()))
        if hasattr(child, "accessibleName") and callable(child.accessibleName):
            texts.append(child.accessibleName())
    words = set()
    for text in texts:
        text = re.sub(r"A\d{4} [^\s]+ [^\s]+", "", text)  # ALT codes with names are data
        words |= {w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED}
    return sorted(words)


def test_the_screens_speak_japanese(qtbot, demo_ws, japanese_ui):
    ws = schedule(demo_ws)
    alt = busy_alt(ws)
    ctx = AppContext(ws)
    page = ConflictsPage(ctx, today=WEEK[0])
    absences = AbsencesPage(ctx, today=WEEK[0])
    finder = SubstituteFinder(ctx, today=WEEK[0])
    event = EventDialog(ctx, day=WEEK[1] + dt.timedelta(days=1))
    dialog = AbsenceDialog(ctx, alt_id=alt.id, day=WEEK[0])
    for widget in (page, absences, finder, event, dialog):
        qtbot.addWidget(widget)
        widget.show()
    qtbot.waitUntil(lambda: not page.is_checking())
    for widget in (page, absences, finder, event, dialog):
        assert _english_words(widget) == [], type(widget).__name__
