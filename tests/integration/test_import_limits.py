"""Hostile import files are refused quickly, name where they went wrong, and change
nothing: paths that are not regular files, recurrences and dates no school year holds,
absurd ranges and merges, rows whose cells do not line up with their headers. Honest
large files land whole.

Each hostile import runs as a real process with a time limit: before these refusals
existed, the same files hung the import or took gigabytes."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import run_cli, table_dump

LIMIT_SECONDS = 30  # each of these imports is refused in well under a second


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "branch.sqlite3"
    result = run_cli("--db", str(path), "demo", "--size", "small", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def branch(demo_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite3"
    shutil.copy(demo_db, path)
    return path


def refused(db: Path, file: Path, *more: str) -> list[dict]:
    """Import with --json: exit 2, no traceback, nothing changed; the problems as JSON."""
    before = table_dump(db)
    result = run_cli("--db", str(db), "import", str(file), "--json", *more, timeout=LIMIT_SECONDS)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert table_dump(db) == before
    problems = json.loads(result.stdout)
    assert problems and all(p["file"] == str(file) for p in problems)
    return problems


# --- Paths that are not regular files ---------------------------------------------------

def test_a_pipe_is_refused_at_once_not_waited_on(branch, tmp_path):
    pipe = tmp_path / "schools.csv"
    os.mkfifo(pipe)
    [problem] = refused(branch, pipe)
    assert "not a regular file" in problem["message_en"] and "通常のファイルではありません" in problem["message_ja"]


def test_a_link_to_an_endless_device_is_refused(branch, tmp_path):
    link = tmp_path / "alts.csv"
    link.symlink_to("/dev/urandom")
    [problem] = refused(branch, link)
    assert "not a regular file" in problem["message_en"]


def test_a_folder_is_refused(branch, tmp_path):
    folder = tmp_path / "placements.xlsx"
    folder.mkdir()
    [problem] = refused(branch, folder)
    assert "folder" in problem["message_en"] and "フォルダー" in problem["message_ja"]
