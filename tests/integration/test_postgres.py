"""Several coordinators on one PostgreSQL server: every command, migrations, optimistic
locking, concurrent writers, pg_dump backups. Each test gets its own fresh database."""

from __future__ import annotations

import csv
import os
import subprocess
import uuid
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from altdesk.cli import command_modules
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.enums import LunchPolicy, SchoolLevel
from altdesk.db.migrate import head_revision
from altdesk.db.models import AuditEntry, Base, School
from altdesk.demo import create_demo_branch
from altdesk.errors import StaleEdit
from altdesk.services.audit import AuditFilter, query_audit
from altdesk.services.safety import find_server_tool
from altdesk.services.workspace import load_record, open_workspace, save_edit
from tests.helpers import REPO, run_cli
from tests.integration.cli_batch import run_cli_batch
from tests.integration.test_locking import check_no_update_lost, run_concurrent_writers

pytestmark = pytest.mark.postgres
PG_URL = os.environ.get("ALTDESK_TEST_PG_URL")
SKIP_REASON = ("ALTDESK_TEST_PG_URL is not set, so the PostgreSQL tests did NOT run. "
               "`make test` starts a throw-away server (.ci/with-postgres.sh); run: "
               "bash .ci/with-postgres.sh .venv/bin/python -m pytest tests/integration/test_postgres.py")


def _admin():  # type: ignore[no-untyped-def]
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture
def fresh_pg() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    if not PG_URL:
        pytest.skip(SKIP_REASON)
    yield from _fresh_database()


def _fresh_database() -> Iterator[str]:
    name = f"altdesk_test_{uuid.uuid4().hex[:12]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def second_pg() -> Iterator[str]:
    if not PG_URL:
        pytest.skip(SKIP_REASON)
    yield from _fresh_database()


@pytest.fixture
def pg_ws(fresh_pg):  # type: ignore[no-untyped-def]
    db = open_database(DatabaseTarget.parse(fresh_pg))
    ws = open_workspace(db, actor="tester")
    create_demo_branch(ws, "small", 2026, seed=7)
    yield ws
    db.close()


def test_migrations_reach_head_and_the_schema_matches_the_models(fresh_pg):
    db = open_database(DatabaseTarget.parse(fresh_pg))
    try:
        assert db.migration.to_revision == head_revision()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert diff == []
    finally:
        db.close()
    again = open_database(DatabaseTarget.parse(fresh_pg))
    again.close()
    assert again.migration.from_revision == again.migration.to_revision


# One line per command: what to run on PostgreSQL and what its output must say. A command
# added to altdesk/commands/ needs its line here (the test below says so).
PG_RUNS: list[tuple[str, list[str], int, str]] = [
    ("demo", ["demo", "--size", "small", "--seed", "5"], 0, "Demo branch (small) created"),
    ("generate", ["generate"], 0, "Generated"),
    ("check", ["check"], 0, "conflicts"),
    ("substitute", ["substitute", "--alt", "A0001", "--from", "2026-06-01", "--to", "2026-06-05"], 0, "A00"),
    ("absence", ["absence", "add", "--alt", "A0001", "--from", "2026-06-08", "--kind", "sick"], 0, "Recorded absence"),
    ("absence", ["absence", "list", "--alt", "A0001"], 0, "sick"),
    ("event", ["event", "add", "--school", "S0001", "--date", "2026-10-17", "--name-ja", "学習発表会"], 0,
     "Recorded event"),
    ("event", ["event", "list", "--from", "2026-10-17", "--to", "2026-10-17"], 0, "学習発表会"),
    ("branch", ["branch", "set", "--phone", "043-000-1111"], 0, "Saved."),
    ("branch", ["branch", "show"], 0, "043-000-1111"),
    ("history", ["history"], 0, "Edit branch details"),
    ("undo", ["undo"], 0, "Undone: Edit branch details"),
    ("redo", ["redo"], 0, "Redone: Edit branch details"),
    ("month", ["month", "close", "2026-06", "--json"], 0, '"closed_by"'),
    ("month", ["month", "status"], 0, "2026-06: closed"),
    ("export", ["export", "pdf", "--report", "actuals", "--month", "2026-06", "--out", "{tmp}/actuals.pdf"], 0,
     "actuals.pdf"),
    ("month", ["month", "reopen", "2026-06"], 0, "Reopened 2026-06"),
    ("export", ["export", "csv", "--report", "visits", "--month", "2026-06", "--out", "{tmp}/visits.csv"], 0,
     "visits.csv"),
    ("send", ["send", "--month", "2026-07", "--out", "{tmp}/month-end", "--force"], 0, "Sent 2026-07"),
    # Only the plan's shape is read: the solver's shortest time limit (the greedy start in the worst case).
    ("plan", ["plan", "--fiscal-year", "2027", "--time-limit", "1"], 0, "S0001 ←"),
    ("export", ["export", "template", "--filled", "--out", "{tmp}/branch.xlsx"], 0, "branch.xlsx"),
    ("import", ["import", "{tmp}/branch.xlsx"], 0, "Imported"),
    ("rollover", ["rollover", "--to-fiscal-year", "2027"], 0, "FY2027"),
    ("verify", ["verify"], 0, "Schema: " + head_revision() + " (current)"),
    ("backup", ["backup", "--out", "{tmp}/branch.dump"], 0, "pg_dump"),
    ("restore", ["restore", "{tmp}/branch.dump"], 2, "pg_restore --clean"),
]


# Commands whose PostgreSQL run lives in another test (they need their own empty database).
COVERED_ELSEWHERE = {
    "bench": "tests/integration/test_bench.py::test_the_database_figures_on_postgresql",
}


def test_every_command_has_a_postgresql_run():
    for where in COVERED_ELSEWHERE.values():
        file, test = where.split("::")
        assert f"def {test}(" in (REPO / file).read_text(encoding="utf-8"), where
    covered = {name for name, *_ in PG_RUNS} | set(COVERED_ELSEWHERE)
    missing = sorted(m.NAME for m in command_modules() if m.NAME not in covered)
    assert not missing, f"add a line to PG_RUNS in {__file__} for: {', '.join(missing)}"


def test_every_cli_command_runs_on_postgresql(fresh_pg, tmp_path):
    existing = {m.NAME for m in command_modules()}
    runs = [(name, code, expected) for name, _argv, code, expected in PG_RUNS if name in existing]
    # What each command prints and returns is the point here, not a process of its own: the
    # commands run one after another in one interpreter (a second a command saved).
    results = run_cli_batch([["--db", fresh_pg, *[a.format(tmp=tmp_path) for a in argv]]
                             for name, argv, _code, _expected in PG_RUNS if name in existing])
    ran = []
    for (name, code, expected), result in zip(runs, results, strict=True):
        assert result.returncode == code, f"{name}: {result.stdout}{result.stderr}"
        assert "Traceback" not in result.stderr, name
        assert expected in result.stdout + result.stderr, f"{name}: {result.stdout}{result.stderr}"
        ran.append(name)
    assert {"demo", "verify", "backup", "restore"} <= set(ran)
    if "export" in ran:
        with open(tmp_path / "visits.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) > 100 and any("2026-06" in cell for cell in rows[1])
    engine = create_engine(fresh_pg)
    try:
        with engine.connect() as conn:
            alts = conn.execute(text("SELECT count(*) FROM alt")).scalar()
            log = conn.execute(text("SELECT count(*) FROM audit_entry")).scalar()
            if "rollover" in ran:
                assert conn.execute(text("SELECT count(*) FROM visit WHERE date >= '2027-04-01'")).scalar() > 0
    finally:
        engine.dispose()
    assert alts == 20 and log > 0


def test_rows_added_after_the_demo_get_new_ids(pg_ws):
    with transaction(pg_ws.db.sessions) as s:
        school = School(branch_id=pg_ws.branch_id, code="NEW1", name_ja="新設小学校", level=SchoolLevel.ELEMENTARY,
                        lunch_policy=LunchPolicy.SERVES)
        s.add(school)
    assert school.id > 60


def test_the_board_reads_a_month_with_the_values_stored(pg_ws):
    """The board reads dates and times as the driver returns them: text on SQLite, values here."""
    import datetime as dt

    from altdesk.db.models import Visit
    from altdesk.services.calendar_view import month_board, month_range
    from altdesk.services.scheduling import generate_visits

    first, last = month_range(2026, 6)
    generate_visits(pg_ws, first, last)
    with pg_ws.db.sessions() as session:
        expected = {v.id: (v.alt_id, v.date, v.start_time, v.end_time, v.status) for v in session.scalars(
            select(Visit).where(Visit.branch_id == pg_ws.branch_id, Visit.date.between(first, last)))}
    board = month_board(pg_ws, first, last)
    found = {v.visit_id: (row.alt_id, day, v.start_time, v.end_time, v.status)
             for row in board.rows for day, visits in row.cells.items() for v in visits}
    assert len(expected) > 50 and found == expected
    assert all(type(day) is dt.date for row in board.rows for day in row.cells)


def test_two_coordinators_second_save_is_refused_with_a_reload(pg_ws, fresh_pg):
    other_db = open_database(DatabaseTarget.parse(fresh_pg))
    try:
        other = open_workspace(other_db, actor="佐藤")
        mine = load_record(pg_ws, School, 5)
        theirs = load_record(other, School, 5)
        save_edit(other, School, 5, theirs["version"], {"contact_teacher": "田中先生"})
        with pytest.raises(StaleEdit) as caught:
            save_edit(pg_ws, School, 5, mine["version"], {"contact_teacher": "鈴木先生"})
        assert caught.value.current["contact_teacher"] == "田中先生"
        save_edit(pg_ws, School, 5, caught.value.current["version"], {"contact_teacher": "鈴木先生"})
    finally:
        other_db.close()
    rows = query_audit(pg_ws, AuditFilter(entity="school"))
    assert [(r.actor, r.changes[0][2]) for r in rows[:2]] == [("tester", "鈴木先生"), ("佐藤", "田中先生")]
    assert rows[0].at.tzinfo is not None


def test_no_update_is_lost_with_concurrent_writer_processes_on_postgresql(pg_ws, fresh_pg):
    start = load_record(pg_ws, School, 3)["contracted_days"] or 0
    outcome = run_concurrent_writers(fresh_pg, 3, writers=4, times=25)
    check_no_update_lost(pg_ws, 3, start, outcome, 4, 25)


def _table_rows(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t.name: sorted(conn.execute(select(t)).all(), key=repr) for t in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_pg_dump_backup_restores_every_table(pg_ws, fresh_pg, second_pg, tmp_path):
    """Restore drill on the server: pg_restore the backup into a new database and compare."""
    dump = tmp_path / "branch.dump"
    result = run_cli("--db", fresh_pg, "backup", "--out", str(dump))
    assert result.returncode == 0, result.stderr
    pg_restore = find_server_tool("pg_restore")
    assert pg_restore, "pg_restore not found beside the server"
    listed = subprocess.run([pg_restore, "--list", str(dump)], capture_output=True, text=True, check=True)
    assert "TABLE DATA public alt" in listed.stdout
    target = make_url(second_pg).set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run([pg_restore, "--no-owner", f"--dbname={target}", str(dump)], check=True, capture_output=True)
    original, restored = _table_rows(fresh_pg), _table_rows(second_pg)
    # The dump holds everything up to the moment it was taken; the log line saying a
    # backup was written comes after it.
    original["audit_entry"] = [r for r in original["audit_entry"] if "backup written" not in r.summary]
    assert restored == original
    assert len(original["alt"]) == 20 and original["audit_entry"]


def test_import_fills_an_empty_postgresql_database(pg_ws, second_pg, tmp_path):
    workbook = tmp_path / "branch.xlsx"
    exported = run_cli("--db", str(pg_ws.db.target.url), "export", "template", "--filled", "--out", str(workbook))
    if exported.returncode != 0:
        pytest.skip(f"no filled template export in this build: {exported.stderr.strip()}")
    result = run_cli("--db", second_pg, "import", str(workbook), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    engine = create_engine(second_pg)
    try:
        with engine.connect() as conn:
            counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ("school", "alt")}
    finally:
        engine.dispose()
    assert counts == {"school": 60, "alt": 20}
    db = open_database(DatabaseTarget.parse(second_pg))
    try:
        ws = open_workspace(db)
        with transaction(db.sessions) as s:
            s.add(School(branch_id=ws.branch_id, code="NEW2", name_ja="新設中学校", level=SchoolLevel.JUNIOR_HIGH))
        assert query_audit(ws, AuditFilter(text="NEW2"))
    finally:
        db.close()


def test_verify_reports_the_server_schema(pg_ws, fresh_pg):
    result = run_cli("--db", fresh_pg, "verify")
    assert result.returncode == 0
    assert "Connection: ok" in result.stdout and "20 alt" in result.stdout
    with pg_ws.db.sessions() as s:
        assert s.scalar(select(AuditEntry.actor).limit(1)) == "tester"
