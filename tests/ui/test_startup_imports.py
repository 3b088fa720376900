"""The window opens with only what its first view needs: every other page, each dialog, the
exporters and Alembic are loaded when first used (each is a slice of the start-up time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers import REPO, run_cli

LOADED_LATER = (
    "ui.pages.lunch_page", "ui.pages.absences_page", "ui.pages.conflicts_page", "ui.pages.reports_page",
    "ui.pages.placements_page", "ui.pages.roster_page", "ui.pages.audit_page", "ui.dialogs.visit_dialog",
    "ui.pages.planner_page", "ortools",
    "ui.dialogs.substitute_finder", "ui.dialogs.import_wizard", "ui.dialogs.preferences_dialog",
    "altdesk.services.exports", "altdesk.demo_schedule", "reportlab", "openpyxl", "alembic", "holidays",
)


def test_the_window_opens_without_the_modules_it_does_not_show(tmp_path):
    env = {"ALTDESK_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "branch.sqlite3"
    made = run_cli("--db", str(db), "demo", "--size", "small", env=env)  # also caches the year's holidays
    assert made.returncode == 0, made.stderr
    code = ("import json, sys; from main import main; code = main(['--db', sys.argv[1], '--time-startup']); "
            f"print(json.dumps([code, [m for m in {LOADED_LATER!r} if m in sys.modules]]))")
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=120,
                          cwd=REPO, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    exit_code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert exit_code == 0
    assert loaded == []
