"""The import figure: a branch file of 10,000 ALT rows (xlsx) read, checked and written into an
empty branch, beside the bare libraries reading the same rows and inserting them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from altdesk.bench.context import BenchContext
from altdesk.bench.figures import Figure
from altdesk.bench.timing import Runs, timed
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.services.importing import apply
from altdesk.services.workspace import open_workspace

ROWS = 10_000
HEADERS = ("ALT code", "Family name", "Given name", "Nationality", "Start date", "Levels taught", "Allergens")


def write_alts_workbook(path: Path, rows: int = ROWS) -> Path:
    """An ALTs sheet as programs write one: streamed, without a <dimension>."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("ALTs")
    sheet.append(HEADERS)
    for n in range(rows):
        sheet.append([f"Y{n:05d}", f"Family{n}", f"Given{n}", "UK", dt.date(2024, 4, 1), "elementary, junior_high",
                      "egg" if n % 7 == 0 else None])
    workbook.save(path)
    return path


def _bare_import(path: Path, db_path: Path) -> int:
    """openpyxl read-only rows, then one executemany into a plain table, one transaction."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = [row for row in workbook["ALTs"].iter_rows(min_row=2, values_only=True)]
    finally:
        workbook.close()
    pad = (None,) * len(HEADERS)  # a row's trailing empty cells are not in the file
    db_path.unlink(missing_ok=True)
    connection = sqlite3.connect(db_path)
    try:
        connection.execute(f"CREATE TABLE alt_rows ({', '.join(f'c{i}' for i in range(len(HEADERS)))})")
        connection.executemany(f"INSERT INTO alt_rows VALUES ({', '.join('?' * len(HEADERS))})",
                               [tuple(str(v) if v is not None else None for v in (*row, *pad)[:len(HEADERS)])
                                for row in rows])
        connection.commit()
    finally:
        connection.close()
    return len(rows)


def import_alts(ctx: BenchContext) -> list[Figure]:
    figure = Figure("import_10k", f"import {ROWS:,} ALT rows (xlsx) into an empty branch", "s", 10.0,
                    baseline_title="openpyxl read-only rows + raw driver executemany, one transaction")
    path = write_alts_workbook(ctx.workdir / "import_alts.xlsx")
    mine, bare = Runs(), Runs()
    created = 0
    for run in range(max(1, ctx.repeat)):
        db_path = ctx.workdir / f"import-{run}.sqlite3"
        db_path.unlink(missing_ok=True)
        db = open_database(DatabaseTarget.parse(str(db_path)))
        try:
            ws = open_workspace(db, actor="bench")
            _seconds, outcome = timed(lambda ws=ws: apply(ws, [path]), mine)  # read, check, write: all of it
            created = outcome.counts["alts"]["create"]
        finally:
            db.close()
        timed(lambda: _bare_import(path, ctx.workdir / "import-bare.sqlite3"), bare)
    figure.record(mine, bare).note = f"{created:,} ALTs created, one transaction, a fresh SQLite file each run"
    return [figure]
