"""The scheduling commands as a head office script would run them."""

from __future__ import annotations

import csv
import json

import pytest

from tests.helpers import run_cli


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    result = run_cli("--db", str(path), "demo", "--size", "small", "--seed", "4")
    assert result.returncode == 0, result.stderr
    assert "visits in FY2026" in result.stdout
    return path


def test_demo_comes_with_its_year_generated_and_generate_is_idempotent(demo_db):
    result = run_cli("--db", str(demo_db), "generate", "--from", "2026-04-01", "--to", "2027-03-31")
    assert result.returncode == 0, result.stderr
    assert "0 created, 0 updated, 0 removed" in result.stdout


def test_check_json_shape_and_fail_on(demo_db):
    result = run_cli("--db", str(demo_db), "check", "--from", "2026-04-01", "--to", "2027-03-31", "--json")
    assert result.returncode == 0, result.stderr
    conflicts = json.loads(result.stdout)
    assert conflicts, "the demo has events with compensatory days to reschedule"
    for item in conflicts:
        assert set(item) == {"kind", "severity", "date", "alt_code", "school_code", "message_en", "message_ja"}
        assert item["severity"] in ("error", "warning")
    kinds = {c["kind"] for c in conflicts}
    assert "needs_reschedule" in kinds
    failing = run_cli("--db", str(demo_db), "check", "--from", "2026-04-01", "--to", "2027-03-31",
                      "--fail-on", "warning")
    assert failing.returncode == 2


def test_check_rejects_bad_dates_without_traceback(demo_db):
    result = run_cli("--db", str(demo_db), "check", "--from", "2026-13-01")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_substitute_lists_ranked_candidates(demo_db):
    result = run_cli("--db", str(demo_db), "substitute", "--alt", "A0001", "--from", "2026-06-01",
                     "--to", "2026-06-05", "--json")
    assert result.returncode == 0, result.stderr
    plans = json.loads(result.stdout)
    assert plans and all(p["date"].startswith("2026-06-0") for p in plans)
    covered = [p for p in plans if p["candidates"]]
    assert covered, "part-time ALTs are free on some of those days"
    for plan in covered:
        scores = [c["score"] for c in plan["candidates"]]
        assert scores == sorted(scores, reverse=True)
        assert plan["candidates"][0]["reasons_en"] and plan["candidates"][0]["reasons_ja"]
    unknown = run_cli("--db", str(demo_db), "substitute", "--alt", "NOPE", "--from", "2026-06-01",
                      "--to", "2026-06-05")
    assert unknown.returncode == 2 and "NOPE" in unknown.stderr


def test_visits_csv_opens_in_japanese_excel(demo_db, tmp_path):
    out = tmp_path / "visits.csv"
    result = run_cli("--db", str(demo_db), "export", "csv", "--report", "visits", "--from", "2026-06-01",
                     "--to", "2026-06-30", "--out", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Japanese Excel needs to read UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows and list(rows[0]) == ["date", "alt_code", "alt_name", "school_code", "school_name_ja",
                                      "school_name_en", "start", "end", "periods", "lunch", "status", "kind"]
    assert all("2026-06-01" <= r["date"] <= "2026-06-30" for r in rows)
    assert any(r["school_name_ja"].endswith("学校") for r in rows)
    assert {r["lunch"] for r in rows} <= {"給食", "弁当持参", "牛乳のみ", "なし"}


def test_rollover_command(tmp_path):
    path = tmp_path / "roll.sqlite3"
    assert run_cli("--db", str(path), "demo", "--size", "small").returncode == 0
    result = run_cli("--db", str(path), "rollover", "--to-fiscal-year", "2027")
    assert result.returncode == 0, result.stderr
    assert "FY2027" in result.stdout and "visits generated" in result.stdout
