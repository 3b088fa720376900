"""Every window, page and dialog fits a 1366x768 office screen, at 100% and 125% scaling, in
English and Japanese, with no label, button, field, header or cell cut (unless a tooltip gives
the whole text). Each run is a process of its own: the scale factor is read when Qt starts."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "altdesk_ja.ts"


@pytest.fixture(scope="module")
def qm_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("translations")
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(TS), "-qm",
                    str(folder / "altdesk_ja.qm")], check=True)
    return folder


@pytest.mark.parametrize("scale", ["1", "1.25"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_everything_fits_the_screen(_scheduled_demo_template, qm_folder, tmp_path, lang, scale):
    out = tmp_path / "problems.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale,
           "ALTDESK_DATA_DIR": str(tmp_path / "data")}
    db = tmp_path / "branch.sqlite3"
    source, target = sqlite3.connect(_scheduled_demo_template), sqlite3.connect(db)
    source.backup(target)
    source.close()
    target.close()
    run = subprocess.run([sys.executable, "-m", "tests.ui.fit_walk", str(db), lang, str(qm_folder), str(out)],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    problems = json.loads(out.read_text(encoding="utf-8"))
    assert problems == [], "\n".join(problems)
