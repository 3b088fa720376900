"""Keeping PostgreSQL's id sequences ahead of rows inserted with explicit ids.

Bulk inserts with explicit ids (the demo generator) do not move a serial column's
sequence, so the next ordinary insert would reuse an id and fail. SQLite needs nothing:
it takes max(id) + 1.
"""

from __future__ import annotations

from sqlalchemy import Connection, Integer, text
from sqlalchemy.orm import Session

from altdesk.db.models import Base


def advance_sequences(bind: Session | Connection) -> None:
    """Move every table's id sequence past the largest id in the table (PostgreSQL only)."""
    dialect = bind.get_bind().dialect if isinstance(bind, Session) else bind.dialect
    if dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        column = table.c.get("id")
        if column is None or not isinstance(column.type, Integer) or not column.primary_key:
            continue
        bind.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"
        ))
