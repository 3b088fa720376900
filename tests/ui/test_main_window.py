"""The main window: sections, real roster tables over services, search, sort, screenshot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.helpers import run_cli
from ui.main_window import SECTIONS, MainWindow
from ui.models.row_table import OBJECT_ROLE


def test_roster_models_pass_the_model_tester(qtbot, qtmodeltester, demo_ws):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    qtmodeltester.check(window.alt_page.model)
    qtmodeltester.check(window.school_page.model)
    qtmodeltester.check(window.alt_page.proxy)


def test_window_lists_the_branch_and_names_the_database(qtbot, demo_ws):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.show()
    assert window.alt_page.proxy.rowCount() == 20
    assert window.school_page.proxy.rowCount() == 60
    assert str(demo_ws.db.target.sqlite_path) in window.db_label.text()
    names = [window.school_page.model.index(r, 1).data() for r in range(60)]
    assert all(n.endswith(("小学校", "中学校", "幼稚園", "高等学校")) for n in names)
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [t for _, t in SECTIONS]


def test_search_box_filters_and_header_click_sorts(qtbot, demo_ws):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.show()
    window.show_section("schools")
    page = window.school_page
    qtbot.keyClicks(page.search, "junior high")  # typed; matches the English name, any case
    shown = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert shown and all("中学校" in name for name in shown)
    assert page.count_label.text() == f"{len(shown)} of 60"
    # Japanese arrives committed from the input method, as a whole string.
    page.search.setText("小学校")
    shown_ja = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert shown_ja and all("小学校" in name for name in shown_ja)
    page.search.clear()
    # Sort by contracted days, descending, via the header.
    column = [c.key for c in page.model._columns].index("contract")
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, column))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_centre(header, column))
    values = [page.proxy.index(r, column).data(OBJECT_ROLE).contracted_days or 0
              for r in range(page.proxy.rowCount())]
    assert values == sorted(values, reverse=True) or values == sorted(values)
    assert values[0] != values[-1]


def _section_centre(header, column):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    return QPoint(x, header.height() // 2)


def test_sidebar_click_switches_section(qtbot, demo_ws):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.show()
    item = window.sidebar.item(2)
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "schools"
    assert window.school_page.parent() is window.stack.currentWidget()


def test_an_empty_branch_opens_on_every_section(qtbot, ws):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    for key, _title in SECTIONS:
        window.show_section(key)
        assert window.current_section() == key
        assert window.page(key).parent() is window.stack.currentWidget()
    assert window.alt_page.proxy.rowCount() == 0


def test_screenshot_command_writes_the_window(tmp_path):
    path = tmp_path / "b.sqlite3"
    assert run_cli("--db", str(path), "demo", "--size", "small").returncode == 0
    shot = tmp_path / "window.png"
    result = run_cli("--db", str(path), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 600
    # The picture is not blank: the table paints many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10


QUIT_DURING_GENERATE = '''
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.main_window as module
from altdesk.scheduling.generate import fiscal_year_bounds
from main import main

if __name__ == "__main__":
    made = module.MainWindow.__init__

    def init(self, *args, **kwargs):
        made(self, *args, **kwargs)
        def start():
            self.start_generate(*fiscal_year_bounds(2027))
            # The event loop ends without the window being closed (QApplication.quit would close
            # it first, and closing asks about the job: tested in test_calendar.py).
            QTimer.singleShot(200, lambda: QApplication.exit(0))
        QTimer.singleShot(300, start)

    module.MainWindow.__init__ = init
    print("exit", main(["--db", sys.argv[1]]), flush=True)
'''


def test_quitting_while_a_generate_runs_stops_it_instead_of_aborting(tmp_path):
    """Qt aborts a program whose thread is still running at exit (SIGABRT, exit 134): the app
    stops a running job before it ends, even when its event loop ended without a close."""
    import os
    import subprocess
    import sys

    from tests.helpers import REPO

    env = {**os.environ, "ALTDESK_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "ALTDESK_ACTOR": "tester"}
    db = tmp_path / "branch.sqlite3"
    assert run_cli("--db", str(db), "demo", "--size", "small", env=env).returncode == 0
    script = tmp_path / "quit_during_generate.py"
    script.write_text(QUIT_DURING_GENERATE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(db)], capture_output=True, text=True, timeout=120,
                          cwd=REPO, env={**env, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "exit 0" in done.stdout
    assert "Destroyed while thread" not in done.stderr
