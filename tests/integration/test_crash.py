"""Crash safety: SIGKILL a writing process at random moments, many times.

After every kill the database must pass `PRAGMA integrity_check`, hold every commit the
process acknowledged, and hold each unit of work entirely or not at all. Two kinds of
victims:

- an editing loop that prints `ACK n` after each commit (the parent reads the acks, then
  kills at a random moment of the next transaction);
- CLI commands (demo, generate, import, …), one line each in WORKLOADS. A reference run
  records the database's state after each of the command's commits; after a kill the
  database must be in one of those states (or the one before the command): every unit
  of work whole or absent. If the command exited 0 before the kill, the final state.

The default run kills 11 times; the `slow` variant 115 times.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from altdesk.cli import command_modules
from altdesk.db.backup import backup_sqlite, backups_dir_for
from altdesk.db.checks import check_sqlite_file
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.services.workspace import open_workspace
from tests.helpers import REPO, run_cli

MAIN = str(REPO / "main.py")
SEED = int.from_bytes(os.urandom(4), "big")


@dataclass(frozen=True)
class CliWorkload:
    name: str
    setup: tuple[tuple[str, ...], ...]  # run once on the base file, never killed
    step: tuple[str, ...]  # killed at random moments; "{workbook}" is a filled import workbook


DEMO = ("demo", "--size", "small", "--seed", "11")
WORKLOADS = [
    CliWorkload("demo", (), DEMO),
    CliWorkload("generate", (DEMO, ("rollover", "--to-fiscal-year", "2027", "--no-generate")),
                ("generate", "--from", "2027-04-01", "--to", "2028-03-31")),
    CliWorkload("import", (), ("import", "{workbook}")),
]


def state_digest(path: Path) -> str:
    """Every row of every table but the audit log (whose times differ run to run)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'audit_entry' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def assert_sound(path: Path, context: str) -> None:
    check = check_sqlite_file(path, full=True)
    assert check.ok, f"{context}: integrity_check failed: {check.problems[:3]}"
    for backup in backups_dir_for(path).glob("*.sqlite3"):  # a killed backup never leaves a half file
        assert check_sqlite_file(backup, full=False).ok, f"{context}: half-written backup {backup}"


def copy_db(source: Path, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    return backup_sqlite(source, destination)


# --- CLI commands ------------------------------------------------------------------------------

@dataclass
class Prepared:
    base: Path
    states: list[str]  # before the command, then after each of its commits
    argv: list[str]
    seconds: float  # one complete run, start-up included

    @property
    def before(self) -> str:
        return self.states[0]

    @property
    def after(self) -> str:
        return self.states[-1]


def states_after_each_commit(path: Path, argv: list[str]) -> list[str]:
    """Run the command in this process and note the database's state after every commit."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from altdesk.cli import main

    states = [state_digest(path)]

    def committed(_session: Session) -> None:
        states.append(state_digest(path))

    event.listen(Session, "after_commit", committed)
    try:
        assert main(["--db", str(path), *argv]) == 0
    finally:
        event.remove(Session, "after_commit", committed)
    return list(dict.fromkeys(states))  # a commit that changed nothing adds no state


def _timed_cli(*args: str) -> float:
    started = time.perf_counter()
    result = run_cli(*args, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("workbook")
    source = folder / "source.sqlite3"
    assert run_cli("--db", str(source), *DEMO).returncode == 0
    out = folder / "branch.xlsx"
    result = run_cli("--db", str(source), "export", "template", "--filled", "--out", str(out))
    if result.returncode != 0:
        pytest.skip(f"no filled import template in this build: {result.stderr.strip()}")
    return out


def prepare(workload: CliWorkload, folder: Path, workbook_path: Path | None) -> Prepared:
    existing = {m.NAME for m in command_modules()}
    needed = {workload.step[0], *(s[0] for s in workload.setup)}
    if not needed <= existing:
        pytest.skip(f"command(s) {sorted(needed - existing)} not in this build")
    base = folder / "base.sqlite3"
    db = open_database(DatabaseTarget.parse(str(base)))
    open_workspace(db)  # the branch a first command would create
    db.close()
    for step in workload.setup:
        _timed_cli("--db", str(base), *step)
    argv = [a.format(workbook=workbook_path) for a in workload.step]
    states = states_after_each_commit(copy_db(base, folder / "reference-1" / "branch.sqlite3"), argv)
    timed = copy_db(base, folder / "reference-2" / "branch.sqlite3")
    seconds = _timed_cli("--db", str(timed), *argv)
    assert state_digest(timed) == states[-1], f"{workload.name} is not deterministic; the harness needs it to be"
    assert len(states) >= 2, f"{workload.name} wrote nothing"
    return Prepared(base, states, argv, seconds)


def kill_cli_rounds(workload: CliWorkload, prepared: Prepared, rounds: int, folder: Path, rng: random.Random) -> dict:
    outcomes = {"before": 0, "between": 0, "after": 0, "finished": 0}
    for round_no in range(rounds):
        copy = copy_db(prepared.base, folder / f"round-{round_no}" / "branch.sqlite3")
        delay = rng.uniform(0.35, 1.05) * prepared.seconds  # mostly after start-up, while it writes
        proc = subprocess.Popen([sys.executable, MAIN, "--db", str(copy), *prepared.argv], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        context = f"{workload.name} round {round_no} (seed {SEED}, kill after {delay:.2f}s)"
        acknowledged = proc.returncode == 0
        assert acknowledged or proc.returncode == -signal.SIGKILL, f"{context}: exit {proc.returncode}"
        assert_sound(copy, context)
        digest = state_digest(copy)
        if acknowledged:
            outcomes["finished"] += 1
            assert digest == prepared.after, f"{context}: finished but its work is not all there"
        else:
            assert digest in prepared.states, f"{context}: a half-done unit of work survived"
            outcomes["before" if digest == prepared.before else "after" if digest == prepared.after
                     else "between"] += 1
    return outcomes


@pytest.fixture(scope="module")
def prepared_for(tmp_path_factory, request):  # type: ignore[no-untyped-def]
    """Each workload's base file and reference states, made once for the default and slow runs."""
    cache: dict[str, Prepared] = {}

    def get(workload: CliWorkload) -> Prepared:
        if workload.name not in cache:
            wb = request.getfixturevalue("workbook") if "{workbook}" in " ".join(workload.step) else None
            cache[workload.name] = prepare(workload, tmp_path_factory.mktemp(f"crash-{workload.name}"), wb)
        return cache[workload.name]

    return get


DEFAULT_KILLS = {"demo": 2}  # others: 1 by default; the slow run kills each 25 times


@pytest.mark.parametrize("workload", WORKLOADS, ids=[w.name for w in WORKLOADS])
def test_killing_a_command_leaves_a_committed_state(workload, prepared_for, tmp_path):
    rounds = DEFAULT_KILLS.get(workload.name, 1)
    outcomes = kill_cli_rounds(workload, prepared_for(workload), rounds, tmp_path,
                               random.Random(SEED + len(workload.name)))
    assert sum(outcomes.values()) == rounds


@pytest.mark.slow
@pytest.mark.parametrize("workload", WORKLOADS, ids=[w.name for w in WORKLOADS])
def test_killing_a_command_many_times(workload, prepared_for, tmp_path):
    outcomes = kill_cli_rounds(workload, prepared_for(workload), 25, tmp_path,
                               random.Random(SEED + 7 * len(workload.name)))
    # Enough kills landed mid-work to mean something (not all after the end).
    assert outcomes["before"] + outcomes["between"] + outcomes["after"] >= 10, outcomes


# --- an editing loop with acknowledged commits --------------------------------------------------

EDITOR = textwrap.dedent("""
    import datetime as dt, sys
    from sqlalchemy import select
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget, transaction
    from altdesk.db.enums import AbsenceKind
    from altdesk.db.models import Absence, Alt, School
    from altdesk.services.workspace import open_workspace

    db = open_database(DatabaseTarget.parse(sys.argv[1]))
    ws = open_workspace(db, actor="crash-test")
    n = int(sys.argv[2])
    with db.sessions() as s:
        alt_id = s.scalars(select(Alt.id).order_by(Alt.id)).first()
    print("READY", flush=True)
    while True:
        n += 1
        with transaction(db.sessions) as s:  # two writes that belong together
            s.add(Absence(branch_id=ws.branch_id, alt_id=alt_id, start_date=dt.date(2026, 7, 1),
                          end_date=dt.date(2026, 7, 1), kind=AbsenceKind.TRAINING, note=f"crash-{n}"))
            s.get(School, 1).contact_teacher = f"edit {n}"
        print(f"ACK {n}", flush=True)
""")


def committed_edits(path: Path) -> tuple[list[int], str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        notes = [r[0] for r in conn.execute("SELECT note FROM absence WHERE note LIKE 'crash-%'")]
        teacher = conn.execute("SELECT contact_teacher FROM school WHERE id = 1").fetchone()[0]
        logged = conn.execute("SELECT count(*) FROM audit_entry WHERE entity = 'absence' "
                              "AND action = 'create' AND actor = 'crash-test'").fetchone()[0]
    finally:
        conn.close()
    return sorted(int(n.split("-")[1]) for n in notes), teacher, logged


def kill_editor_rounds(path: Path, rounds: int, rng: random.Random) -> int:
    acknowledged_total = 0
    for round_no in range(rounds):
        numbers, _, _ = committed_edits(path)
        start = numbers[-1] if numbers else 0
        proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(path), str(start)], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        acked = start
        ready = proc.stdout.readline().strip()
        assert ready == "READY", proc.stderr.read() if proc.stderr else ""
        for _ in range(rng.randint(0, 12)):  # let some commits through ...
            line = proc.stdout.readline().strip()
            assert line.startswith("ACK "), line
            acked = int(line.split()[1])
        time.sleep(rng.uniform(0, 0.004))  # ... then kill somewhere inside the next ones
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        for line in proc.stdout.read().splitlines():  # acks printed before the kill count too
            if line.startswith("ACK "):
                acked = int(line.split()[1])
        context = f"editing round {round_no} (seed {SEED})"
        assert_sound(path, context)
        numbers, teacher, logged = committed_edits(path)
        assert numbers == list(range(1, len(numbers) + 1)), f"{context}: a commit went missing"
        assert len(numbers) >= acked, f"{context}: acknowledged {acked}, found {len(numbers)}"
        assert len(numbers) <= acked + 1, f"{context}: more commits than the child could make"
        assert teacher == f"edit {numbers[-1]}" if numbers else True, f"{context}: half a transaction"
        assert logged == len(numbers), f"{context}: the audit log and the data disagree"
        acknowledged_total = acked
    return acknowledged_total


@pytest.fixture
def edit_file(tmp_path) -> Path:
    path = tmp_path / "edits.sqlite3"
    assert run_cli("--db", str(path), *DEMO).returncode == 0
    return path


def test_killing_an_editing_loop_loses_no_acknowledged_commit(edit_file):
    assert kill_editor_rounds(edit_file, 6, random.Random(SEED)) >= 0


@pytest.mark.slow
def test_killing_an_editing_loop_many_times(edit_file):
    acknowledged = kill_editor_rounds(edit_file, 40, random.Random(SEED))
    assert acknowledged > 40
