"""The PyInstaller bundle: build it and run it as an office PC would (slow: run by `make test`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, run_cli

pytestmark = pytest.mark.bundle  # run by `make test` (not part of the slow set)


def _folder_size(path: Path) -> int:
    """Bytes on disk, each file once (the bundle links some libraries under a second name)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(REPO / "pyinstaller.spec")],
        cwd=REPO, capture_output=True, text=True, timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    executable = work / "dist" / "altdesk" / ("altdesk.exe" if os.name == "nt" else "altdesk")
    assert executable.exists()
    return executable


def _run(executable: Path, *args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", **(env_extra or {})})
    return subprocess.run([str(executable), *args], capture_output=True, text=True, timeout=300, env=env,
                          cwd=executable.parent.parent)


def test_bundle_is_small_enough(bundle):
    size_mb = _folder_size(bundle.parent) / 1e6
    print(f"bundle size: {size_mb:.0f} MB")
    # Qt and the rest take about 100 MB; the planner's solver (OR-Tools CP-SAT with numpy and
    # pandas, which it imports, left unstripped as stripping breaks them) about 240 MB more.
    # Nothing else may grow it unnoticed.
    assert size_mb < 360


def test_bundle_runs_every_face(bundle, tmp_path):
    db = tmp_path / "branch.sqlite3"
    data_dir = tmp_path / "userdata"
    env = {"ALTDESK_DATA_DIR": str(data_dir)}
    version = _run(bundle, "--version", env_extra=env)
    assert version.returncode == 0 and "ALTdesk" in version.stdout
    demo = _run(bundle, "--db", str(db), "demo", "--size", "small", env_extra=env)
    assert demo.returncode == 0, demo.stderr
    assert "20 ALTs" in demo.stdout
    out = tmp_path / "pdfs"
    export = _run(bundle, "--db", str(db), "export", "pdf", "--report", "school-month", "--month", "2026-06",
                  "--school", "all", "--out", str(out), env_extra=env)
    assert export.returncode == 0, export.stderr
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) >= 50  # one per school visited in June
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True).stdout
        assert "訪問予定表" in text
    shot = tmp_path / "window.png"
    screenshot = _run(bundle, "--db", str(db), "--screenshot", str(shot), env_extra=env)
    assert screenshot.returncode == 0, screenshot.stderr
    assert shot.stat().st_size > 10_000
    # QtCharts is in the bundle: the Overview section opens with its charts drawn.
    overview_shot = tmp_path / "overview.png"
    overview = _run(bundle, "--db", str(db), "--section", "overview", "--screenshot", str(overview_shot), env_extra=env)
    assert overview.returncode == 0, overview.stderr
    from PySide6.QtGui import QImage

    picture = QImage(str(overview_shot))
    colours = {picture.pixelColor(x, y).name() for x in range(0, picture.width(), 5)
               for y in range(0, picture.height(), 5)}
    assert {"#2e7d32", "#1565c0"} <= colours  # the charts' green and blue bars
    # The planner's solver is in the bundle: it proposes next year's placements for the branch.
    plan = _run(bundle, "--db", str(db), "plan", "--fiscal-year", "2027", "--time-limit", "10", "--json",
                env_extra=env)
    assert plan.returncode == 0, plan.stderr
    proposed = json.loads(plan.stdout)
    assert proposed["assignments"], proposed
    # With no --db the bundle makes its database in the user data folder.
    check = _run(bundle, "check", "--from", "2026-06-01", "--to", "2026-06-30", env_extra=env)
    assert check.returncode == 0, check.stderr
    assert (data_dir / "altdesk.sqlite3").exists()


def test_bench_times_the_bundle_start_up(bundle, tmp_path):
    """`bench --only bundle` starts the built bundle (`altdesk --time-startup`) and reports the
    seconds from launch to a usable window against its 2 s budget (judged by the bench, not here)."""
    out = tmp_path / "bench.json"
    result = run_cli("bench", "--size", "small", "--repeat", "1", "--only", "bundle", "--bundle", str(bundle),
                     "--json", str(out), timeout=900)
    assert result.returncode == 0, result.stderr
    figure = json.loads(out.read_text(encoding="utf-8"))["figures"][0]
    print(f"bundle start-up: {figure['value']:.2f} s")
    assert figure["name"] == "bundle_open" and figure["unit"] == "s" and figure["budget"] == 2.0
    assert figure["value"] > 0 and figure["runs"] == 1 and str(bundle.parent) in figure["note"]
    assert figure["ok"] is (figure["value"] <= 2.0)
    assert "bundle: start-up to a usable main window" in result.stdout


def test_bundle_refuses_a_newer_database(bundle, tmp_path):
    import sqlite3

    db = tmp_path / "newer.sqlite3"
    assert _run(bundle, "--db", str(db), "demo", "--size", "small",
                env_extra={"ALTDESK_DATA_DIR": str(tmp_path)}).returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    conn.commit()
    conn.close()
    result = _run(bundle, "--db", str(db), "check", env_extra={"ALTDESK_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2 and "newer version" in result.stderr
