"""`absence` and `event` from the command line, as a coordinator (or a head office script) records them."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.helpers import run_cli, table_dump
from tests.integration.cli_batch import run_cli_batch


@pytest.fixture(scope="module")
def _demo_template(tmp_path_factory):
    """The demo branch, made once by the command line and copied for each test."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    result = run_cli("--db", str(path), "demo", "--size", "small", "--seed", "4")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture()
def demo_db(_demo_template, tmp_path):
    path = tmp_path / "demo.sqlite3"
    source, target = sqlite3.connect(_demo_template), sqlite3.connect(path)
    source.backup(target)  # consistent copy, WAL contents included
    source.close()
    target.close()
    return path


# What each command prints and returns is checked, not a process each: the commands between two
# looks at the database run one after another in one process (tests/integration/cli_batch.py).


def _first_visit(path, alt_code: str, after: str) -> tuple[str, str]:
    """The ALT's first planned visit on or after a day: (date, school code)."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT v.date, s.code FROM visit v JOIN alt a ON a.id = v.alt_id JOIN school s ON s.id = v.school_id "
            "WHERE a.code = ? AND v.date >= ? AND v.status = 'planned' ORDER BY v.date LIMIT 1",
            (alt_code, after)).fetchone()


def test_recording_an_absence_lists_the_uncovered_visits_and_the_substitute_command(demo_db):
    day, school = _first_visit(demo_db, "A0001", "2026-12-01")
    db = ("--db", str(demo_db))
    added, listed = run_cli_batch([[*db, "--lang", "ja", "absence", "add", "--alt", "A0001", "--from", day,
                                    "--kind", "病欠"],
                                   [*db, "absence", "list", "--alt", "A0001", "--json"]])
    assert added.returncode == 0, added.stderr
    y, m, d = (int(x) for x in day.split("-"))
    assert "を記録しました" in added.stdout and f"{y}年{m}月{d}日(" in added.stdout and day not in added.stdout.split("：")[1]
    assert school in added.stdout  # the visit that now needs a substitute
    assert f"altdesk substitute --alt A0001 --from {day} --to {day}" in added.stdout

    listed = json.loads(listed.stdout)
    [mine] = [a for a in listed if a["from"] == day]
    assert (mine["kind"], mine["to"], mine["visits_uncovered"]) == ("sick", day, 1)

    # The same days again: refused, in the person's language, nothing written.
    before = table_dump(demo_db)
    again, wrong = run_cli_batch([[*db, "absence", "add", "--alt", "A0001", "--from", day, "--kind", "paid_leave"],
                                  [*db, "--lang", "ja", "absence", "add", "--alt", "A0001", "--from", day,
                                   "--kind", "flu"]])
    assert again.returncode == 2 and "already has an absence" in again.stderr and "Traceback" not in again.stderr
    assert wrong.returncode == 2 and "不在の種類ではありません" in wrong.stderr
    assert table_dump(demo_db) == before

    removed, left = run_cli_batch([[*db, "absence", "remove", str(mine["id"]), "--json"],
                                   [*db, "absence", "list", "--alt", "A0001", "--json"]])
    assert removed.returncode == 0, removed.stderr
    assert json.loads(removed.stdout)["removed"]["id"] == mine["id"]
    assert not [a for a in json.loads(left.stdout) if a["from"] == day]


def test_an_event_gives_each_attendee_an_event_visit_and_a_day_off_and_goes_with_remove(demo_db):
    db = ("--db", str(demo_db))
    with sqlite3.connect(demo_db) as conn:
        school, alt = conn.execute(
            "SELECT s.code, a.code FROM placement p JOIN school s ON s.id = p.school_id "
            "JOIN alt a ON a.id = p.alt_id ORDER BY s.code LIMIT 1").fetchone()
    added, absences = run_cli_batch([[*db, "event", "add", "--school", school, "--date", "2026-10-17",
                                      "--name-ja", "学習発表会", "--name-en", "Learning Fair", "--alt", alt, "--json"],
                                     [*db, "absence", "list", "--alt", alt, "--json"]])
    assert added.returncode == 0, added.stderr
    event = json.loads(added.stdout)
    assert event["date"] == "2026-10-17" and event["school_code"] == school
    [attendee] = event["attendees"]
    assert attendee["alt_code"] == alt and attendee["compensatory_day"] > "2026-10-17"
    absences = json.loads(absences.stdout)
    assert any(a["kind"] == "compensatory" and a["from"] == attendee["compensatory_day"]
               and a["event_id"] == event["id"] for a in absences)
    # The 振替 belongs to the event: removing it alone is refused and points at the event.
    [comp] = [a for a in absences if a["event_id"] == event["id"]]
    refused, ja, removed, events_left, absences_left = run_cli_batch([
        [*db, "absence", "remove", str(comp["id"])],
        [*db, "--lang", "ja", "event", "list", "--from", "2026-10-17", "--to", "2026-10-17"],
        [*db, "event", "remove", str(event["id"])],
        [*db, "event", "list", "--from", "2026-10-17", "--to", "2026-10-17", "--json"],
        [*db, "absence", "list", "--alt", alt, "--json"],
    ])
    assert refused.returncode == 2 and "change it in the event" in refused.stderr

    assert "2026年10月17日(土)" in ja.stdout and "学習発表会" in ja.stdout and "振替休日" in ja.stdout

    assert removed.returncode == 0, removed.stderr
    assert json.loads(events_left.stdout) == []
    assert not [a for a in json.loads(absences_left.stdout) if a["event_id"] == event["id"]]


def test_event_input_mistakes_are_refused_without_a_trace(demo_db):
    db = ("--db", str(demo_db))
    before = table_dump(demo_db)
    unknown, bad_time = run_cli_batch([
        [*db, "event", "add", "--school", "S9999", "--date", "2026-10-17", "--name-ja", "運動会"],
        [*db, "--lang", "ja", "event", "add", "--school", "S0001", "--date", "2026-10-17", "--name-ja", "運動会",
         "--start", "9h"],
    ])
    assert unknown.returncode == 2 and "S9999" in unknown.stderr
    assert bad_time.returncode == 2 and "HH:MM" in bad_time.stderr and "Traceback" not in bad_time.stderr
    assert table_dump(demo_db) == before


def test_a_closed_month_is_changed_only_with_a_reason_and_each_change_is_a_correction(demo_db):
    day, _ = _first_visit(demo_db, "A0001", "2026-12-01")
    month, saturday = day[:7], "2026-12-05"
    assert month == "2026-12"  # the demo's visits in December: the event's Saturday in the same month
    db = ("--db", str(demo_db))
    with sqlite3.connect(demo_db) as conn:
        school, alt = conn.execute(
            "SELECT s.code, a.code FROM placement p JOIN school s ON s.id = p.school_id "
            "JOIN alt a ON a.id = p.alt_id ORDER BY s.code LIMIT 1").fetchone()
    [closed] = run_cli_batch([[*db, "month", "close", month]])
    assert closed.returncode == 0, closed.stderr

    # Without --reason: refused, saying so and how to give it, in the person's language; nothing written.
    before = table_dump(demo_db)
    absence, absence_ja, event = run_cli_batch([
        [*db, "absence", "add", "--alt", "A0001", "--from", day, "--kind", "sick"],
        [*db, "--lang", "ja", "absence", "add", "--alt", "A0001", "--from", day, "--kind", "sick"],
        [*db, "event", "add", "--school", school, "--date", saturday, "--name-ja", "学習発表会", "--alt", alt],
    ])
    for refused in (absence, event):
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert f"{month} is closed" in refused.stderr and "--reason" in refused.stderr
    assert absence_ja.returncode == 2 and "締め済み" in absence_ja.stderr and "--reason" in absence_ja.stderr
    assert table_dump(demo_db) == before

    # With it: made, and each listed as a correction with its reason.
    added, event_added = run_cli_batch([
        [*db, "absence", "add", "--alt", "A0001", "--from", day, "--kind", "sick", "--reason", "本人から電話", "--json"],
        [*db, "event", "add", "--school", school, "--date", saturday, "--name-ja", "学習発表会", "--alt", alt,
         "--reason", "学校から連絡", "--json"],
    ])
    assert added.returncode == 0, added.stderr
    assert event_added.returncode == 0, event_added.stderr
    absence_id, event_id = json.loads(added.stdout)["id"], json.loads(event_added.stdout)["id"]

    # Removing them is an edit to the month too.
    before = table_dump(demo_db)
    kept_absence, kept_event = run_cli_batch([[*db, "absence", "remove", str(absence_id)],
                                              [*db, "event", "remove", str(event_id), "--reason", "  "]])
    assert kept_absence.returncode == 2 and "--reason" in kept_absence.stderr
    assert kept_event.returncode == 2 and "--reason" in kept_event.stderr  # a blank reason is none
    assert table_dump(demo_db) == before
    removed, event_removed, status = run_cli_batch([
        [*db, "absence", "remove", str(absence_id), "--reason", "記録の誤り"],
        [*db, "event", "remove", str(event_id), "--reason", "行事の中止"],
        [*db, "month", "status", month, "--json"],
    ])
    assert removed.returncode == 0, removed.stderr
    assert event_removed.returncode == 0, event_removed.stderr
    found = json.loads(status.stdout)["corrections"]
    assert {(c["entity"], c["entity_id"], c["reason"]) for c in found} >= {
        ("absence", absence_id, "本人から電話"), ("school_event", event_id, "学校から連絡"),
        ("absence", absence_id, "記録の誤り"), ("school_event", event_id, "行事の中止")}
    assert {c["reason"] for c in found} == {"本人から電話", "学校から連絡", "記録の誤り", "行事の中止"}
