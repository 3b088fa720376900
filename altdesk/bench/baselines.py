"""The same database work done with the bare driver (sqlite3, or psycopg on PostgreSQL):
no SQLAlchemy, no type processing, no Python objects beyond the driver's tuples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import closing
from typing import Any

from altdesk.db.engine import DatabaseTarget, make_engine

# The month board's columns, as calendar_view.month_board selects them.
MONTH_SQL = (
    "SELECT v.id, v.version, v.alt_id, v.school_id, s.code, s.short_name_ja, s.name_ja, s.name_en, s.level, "
    "v.lunch_mode, v.status, v.kind, v.start_time, v.end_time, v.periods, v.classes, v.needs_reschedule, "
    "v.date, s.board_id FROM visit v JOIN school s ON s.id = v.school_id "
    "WHERE v.branch_id = {p} AND v.date BETWEEN {p} AND {p} ORDER BY v.date, v.start_time"
)
ALTS_SQL = "SELECT id, code, given_name, family_name, kana FROM alt WHERE branch_id = {p} ORDER BY code"
# The conflict check's columns, as conflicts._load_visits selects them.
YEAR_SQL = (
    "SELECT id, alt_id, school_id, date, start_time, end_time, classes, lunch_mode, status, kind, "
    "needs_reschedule FROM visit WHERE branch_id = {p} AND date BETWEEN {p} AND {p}"
)
GENERATED_SQL = (
    "SELECT {columns} FROM visit WHERE branch_id = {p} AND origin = 'generated' AND date BETWEEN {p} AND {p} "
    "ORDER BY id"
)
# Deleting visits in bulk needs an index on the self-reference (ON DELETE SET NULL), else
# every deleted row scans the table. The bench adds it for its own set-up steps only.


class RawDatabase:
    """A bare DB-API connection to the bench's database.

    It comes from the app's own engine, so it has the same connection settings (SQLite's
    PRAGMAs), and is then used through the driver alone.
    """

    def __init__(self, target: DatabaseTarget) -> None:
        self.target = target
        self._engine = make_engine(target)
        self._pooled = self._engine.raw_connection()
        self.conn: Any = self._pooled.driver_connection
        if target.is_sqlite:
            self.placeholder = "?"
            self.conn.isolation_level = None  # explicit BEGIN/COMMIT below
        elif target.is_postgresql:
            self.placeholder = "%s"
            self.conn.autocommit = True
        else:
            raise ValueError(f"no bare driver for {target.describe()}")

    def close(self) -> None:
        self._pooled.close()
        self._engine.dispose()

    def server_version(self) -> str:
        if self.is_sqlite:
            return f"SQLite {self.fetch('SELECT sqlite_version()', ())[0][0]}"
        return f"PostgreSQL {self.fetch('SHOW server_version', ())[0][0]}"

    @property
    def is_sqlite(self) -> bool:
        return self.placeholder == "?"

    def _day(self, day: dt.date) -> Any:
        return day.isoformat() if self.is_sqlite else day

    def sql(self, template: str, **parts: str) -> str:
        return template.format(p=self.placeholder, **parts)

    def fetch(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with closing(self.conn.cursor()) as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with closing(self.conn.cursor()) as cursor:
            cursor.execute(sql, params)

    # --- the work the bench compares against ------------------------------------------------
    def month_rows(self, branch_id: int, first: dt.date, last: dt.date) -> int:
        alts = self.fetch(self.sql(ALTS_SQL), (branch_id,))
        visits = self.fetch(self.sql(MONTH_SQL), (branch_id, self._day(first), self._day(last)))
        return len(alts) + len(visits)

    def year_rows(self, branch_id: int, first: dt.date, last: dt.date) -> int:
        return len(self.fetch(self.sql(YEAR_SQL), (branch_id, self._day(first), self._day(last))))

    def visit_columns(self) -> list[str]:
        """Every column but the id, which the database assigns on insert as it does for generate."""
        with closing(self.conn.cursor()) as cursor:
            cursor.execute("SELECT * FROM visit WHERE 1 = 0")
            return [d[0] for d in cursor.description if d[0] != "id"]

    def generated_rows(self, branch_id: int, first: dt.date, last: dt.date,
                       columns: list[str]) -> list[tuple[Any, ...]]:
        sql = self.sql(GENERATED_SQL, columns=", ".join(columns))
        return self.fetch(sql, (branch_id, self._day(first), self._day(last)))

    def delete_generated(self, branch_id: int, first: dt.date, last: dt.date) -> None:
        """Set-up, not measured: remove the year's generated visits so they can be written again."""
        self.execute(self.sql("DELETE FROM visit WHERE branch_id = {p} AND origin = 'generated' "
                              "AND date BETWEEN {p} AND {p}"), (branch_id, self._day(first), self._day(last)))

    def insert_rows(self, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """The bare driver's bulk insert: one transaction, executemany, commit."""
        sql = (f"INSERT INTO visit ({', '.join(columns)}) "
               f"VALUES ({', '.join(self.placeholder for _ in columns)})")
        if self.is_sqlite:
            self.conn.execute("BEGIN")
            try:
                self.conn.executemany(sql, rows)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        else:
            with self.conn.transaction(), closing(self.conn.cursor()) as cursor:
                cursor.executemany(sql, rows)
