"""`altdesk plan` end to end on the small demo branch: --json read back, --apply then the conflict
checker finds no hard rule broken, `altdesk undo` restores the placements; a replacement lists its moves."""

from __future__ import annotations

import json
import sqlite3

from tests.helpers import run_cli


def _placements(path) -> list[tuple]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, alt_id, school_id, start_date, end_date, rrule FROM placement ORDER BY id").fetchall()
    finally:
        conn.close()


def test_plan_json_apply_check_and_undo(tmp_path):
    db = str(tmp_path / "b.sqlite3")
    assert run_cli("--db", db, "demo", "--size", "small").returncode == 0
    before = _placements(tmp_path / "b.sqlite3")
    # The plan's quality is not what is checked here (the bench's planning group measures it): the
    # solver's shortest time limit, which still returns a whole plan (from the greedy start at worst).
    shown = run_cli("--db", db, "plan", "--fiscal-year", "2027", "--time-limit", "1", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["met_days"] > 0 and data["assignments"]
    assert all(a["reasons_en"] and a["reasons_ja"] for a in data["assignments"])
    assert all(u["reasons_en"] and u["reasons_ja"] for u in data["unmet"])
    applied = run_cli("--db", db, "plan", "--fiscal-year", "2027", "--time-limit", "1", "--apply", "--json")
    assert applied.returncode == 0, applied.stderr
    result = json.loads(applied.stdout)["applied"]
    assert result["created"] and result["visits"] > 0
    after = _placements(tmp_path / "b.sqlite3")
    assert len(after) == len(before) + len(result["created"])
    check = run_cli("--db", db, "check", "--from", "2027-04-01", "--to", "2028-03-31", "--json")
    assert check.returncode in (0, 1), check.stderr
    problems = json.loads(check.stdout)
    problems = problems.get("conflicts", problems) if isinstance(problems, dict) else problems
    hard = {"double_booking", "weekly_overload", "level_not_taught", "absent", "day_off"}
    assert [c for c in problems if c.get("kind") in hard] == []
    undone = run_cli("--db", db, "undo")
    assert undone.returncode == 0, undone.stderr
    assert _placements(tmp_path / "b.sqlite3") == before


def test_replacement_lists_moves_and_ends_the_leavers_placements(tmp_path):
    db = str(tmp_path / "b.sqlite3")
    assert run_cli("--db", db, "demo", "--size", "small").returncode == 0
    out = run_cli("--db", db, "plan", "--alt-leaves", "A0003", "--from", "2026-10-01", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ends"] and all(e["last_day"] == "2026-09-30" for e in data["ends"])
    assert data["moves"] and all(m["takes"] or m["leaves"] for m in data["moves"])
    assert data["seconds"] < 10
