"""Bulk reads and writes without per-row SQLAlchemy overhead, for generate, the conflict check,
the calendar and the demo.

Writes: values go through each column type's own bind processor, so they are stored exactly
as an ordinary insert stores them; a value repeated down a column (a time, a status, a date)
is converted once, and the per-row statement bookkeeping is skipped.

Reads: `stored(column)` selects a column as the driver returns it, skipping the type's result
processing per row (SQLAlchemy's enum processor is plain Python); `members(EnumClass)` maps
the stored text back to the enum member with one dictionary lookup, `Decoded(parse)` a stored
date or time to its value.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Connection, Dialect, Result, Row, String, Table, insert, type_coerce
from sqlalchemy.sql.elements import ColumnElement, Label

E = TypeVar("E", bound=Enum)
T = TypeVar("T")
Encode = Callable[[Any], Any]


def stored(column: ColumnElement[Any], name: str | None = None) -> Label[Any]:
    """The column as the driver returns it (for an enum column: its text), under its own name."""
    return type_coerce(column, String).label(name or column.key)


class Decoded(dict[Any, T]):
    """Stored value -> value, for a `stored` date or time column: SQLite returns the text, and a
    month of visits holds a few dozen distinct texts, so each is parsed once and every other
    row is one dictionary lookup. A driver that returns the value itself (PostgreSQL) maps it
    to itself."""

    def __init__(self, parse: Callable[[str], T]) -> None:
        super().__init__()
        self.parse = parse

    def __missing__(self, raw: Any) -> T:
        value = self.parse(raw) if isinstance(raw, str) else raw
        self[raw] = value
        return value


def members(enum_cls: type[E]) -> dict[Any, E]:
    """Stored value -> member, for decoding `stored` enum columns (a str enum's member is also
    found by itself, as it hashes and compares as its value)."""
    return {member.value: member for member in enum_cls}


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build many small objects without the cycle collector running in between.

    Tuples and dicts built from rows hold no reference cycles, but each few hundred allocations
    would start a collection that walks the young objects again (and now and then the whole
    heap, which in the desktop app holds Qt's wrappers too). One collection may follow later.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def all_rows(result: Result[Any], chunk: int = 2000) -> list[Row[Any]]:
    """`result.all()` in chunks: building rows is C code that keeps the interpreter lock for the
    whole list, so a year of rows fetched at once holds up every other thread (the window's too)."""
    rows: list[Row[Any]] = []
    for part in result.partitions(chunk):
        rows.extend(part)
    return rows


def _same(value: Any) -> Any:
    return value


def _memoised(process: Callable[[Any], Any] | None) -> Encode | None:
    if process is None:
        return None
    cache: dict[Any, Any] = {}

    def encode(value: Any) -> Any:
        if value is None:
            return None
        try:
            return cache[value]
        except KeyError:
            result = cache[value] = process(value)
            return result
        except TypeError:  # unhashable (a JSON list or dict): convert every time
            return process(value)

    return encode


class RowEncoder:
    """Python values -> what the driver stores, for the given columns of `table`, in that order."""

    def __init__(self, dialect: Dialect, table: Table, columns: Sequence[str]) -> None:
        self.table = table
        self.columns = tuple(columns)
        self._encoders = [_memoised(table.c[name].type._cached_bind_processor(dialect)) for name in self.columns]

    def value(self, index: int, value: Any) -> Any:
        encode = self._encoders[index]
        return value if encode is None else encode(value)

    def column(self, index: int) -> Encode:
        """The (memoised) conversion of one column, for a loop that encodes only that column."""
        encode = self._encoders[index]
        return encode if encode is not None else _same

    def row(self, values: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(v if encode is None else encode(v) for encode, v in zip(self._encoders, values, strict=True))

    def part(self, start: int, values: Sequence[Any]) -> tuple[Any, ...]:
        """Encode the columns from `start` on: rows sharing a prefix encode it once."""
        return tuple(v if encode is None else encode(v)
                     for encode, v in zip(self._encoders[start:start + len(values)], values, strict=True))


def insert_encoded(connection: Connection, encoder: RowEncoder, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows already encoded by `encoder` in one go through the driver: COPY on
    PostgreSQL (psycopg), else one executemany."""
    if not rows:
        return
    dialect = connection.dialect
    preparer = dialect.identifier_preparer
    columns = ", ".join(preparer.quote(name) for name in encoder.columns)
    table = preparer.format_table(encoder.table)
    if dialect.driver == "psycopg":
        # PostgreSQL: COPY, in the connection's own transaction; about twice as fast as an
        # executemany of the same rows (the foreign key checks per row remain).
        with connection.connection.driver_connection.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    if dialect.paramstyle == "qmark":
        marks = ["?"] * len(encoder.columns)
    elif dialect.paramstyle in ("format", "pyformat"):
        marks = ["%s"] * len(encoder.columns)
    else:  # a driver with named parameters: let SQLAlchemy build the statement
        connection.execute(insert(encoder.table), [dict(zip(encoder.columns, r, strict=True)) for r in rows])
        return
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(marks)})"
    connection.exec_driver_sql(sql, list(rows))


def bulk_insert(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert dictionaries (all with the keys of the first) in one executemany."""
    if not rows:
        return
    names = [c.name for c in table.columns if c.name in rows[0]]
    dialect = connection.dialect
    if dialect.paramstyle not in ("qmark", "format", "pyformat"):  # SQLAlchemy's own executemany path
        connection.execute(insert(table), list(rows))
        return
    encoder = RowEncoder(dialect, table, names)
    insert_encoded(connection, encoder, [encoder.row([row[name] for name in names]) for row in rows])

