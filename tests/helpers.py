"""Helpers for tests: running the CLI as a real process, dumping tables."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True, text=True, env=full_env, timeout=timeout, cwd=REPO,
    )


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, for comparing two databases."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


# Tables an undo does not put back as they were: the journal and audit trail grow, issues stand.
NOT_REPLAYED = frozenset({"audit_entry", "operation", "alembic_version", "issued_report"})


def data_tables(ws: Any) -> dict[str, dict[int, dict[str, Any]]]:
    """Every row of every data table of a workspace, by id, without the version (an undo moves
    it on): what an undo must give back exactly."""
    from sqlalchemy import select

    from altdesk.db.audit import jsonable
    from altdesk.db.models import Base

    found: dict[str, dict[int, dict[str, Any]]] = {}
    with ws.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_REPLAYED:
                continue
            rows = conn.execute(select(table)).mappings().all()
            found[table.name] = {r["id"]: {k: jsonable(v) for k, v in r.items() if k != "version"} for r in rows}
    return found
