"""Bulk inserts without per-row SQLAlchemy overhead, for generate and the demo.

Values go through each column type's own bind processor, so they are stored exactly as
an ordinary insert stores them; only the per-row statement bookkeeping is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":  # other drivers: SQLAlchemy's own executemany path
        connection.execute(insert(table), list(rows))
        return
    names = [c.name for c in table.columns if c.name in rows[0]]
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in names]
    placeholders = ", ".join("?" for _ in names)
    columns = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
    sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({columns}) VALUES ({placeholders})"
    pairs = list(zip(names, processors, strict=True))
    params = [
        tuple(proc(row[name]) if proc is not None and row[name] is not None else row[name] for name, proc in pairs)
        for row in rows
    ]
    connection.exec_driver_sql(sql, params)
