"""Personal data stays in the database and in the files a person asked for.

The workflows run with an ALT whose names and diet details are sentinels; afterwards
no log file, temporary file or settings file may hold any of them. The database (and
the exports a person asked for) must, or the search would prove nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import openpyxl
import pytest

from altdesk.cli import command_modules
from tests.helpers import REPO, run_cli
from tests.integration.cli_batch import run_cli_batch

FAMILY = "Zqxfamilysentinel"
GIVEN = "Qzygivensentinel"
DIET = "zqx-diet-sentinel 重度の卵アレルギー"
ALLERGEN = "zqxallergensentinel"
SENTINELS = [FAMILY, GIVEN, "zqx-diet-sentinel", ALLERGEN, "重度の卵アレルギー"]


def forms(text: str) -> list[bytes]:
    """How a string can sit in a file: UTF-8, UTF-16 (Windows), JSON's \\u escapes."""
    escaped = json.dumps(text)[1:-1]
    return list({text.encode("utf-8"), text.encode("utf-16-le"), escaped.encode("ascii", "ignore")})


def files_holding_sentinels(root: Path, *, newer_than: float = 0.0, skip: tuple[Path, ...] = ()) -> list[str]:
    found = []
    patterns = [form for s in SENTINELS for form in forms(s)]
    # os.walk, not Path.rglob: a folder that another process (another test worker) removes while it
    # is walked is skipped, where rglob raises.
    paths = (Path(folder) / name for folder, _dirs, names in os.walk(root) for name in names)
    for path in paths:
        try:
            if any(path.is_relative_to(s) for s in skip) or not path.is_file():
                continue
            stat = path.stat()
            if stat.st_mtime < newer_than or stat.st_size > 50_000_000:
                continue
            data = path.read_bytes()
        except OSError:  # other people's files, sockets, files gone meanwhile
            continue
        if any(p in data for p in patterns):
            found.append(str(path))
    return found


FAULT = textwrap.dedent("""
    import logging, sys
    from sqlalchemy import insert
    from altdesk.logs import configure_logging
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget, transaction
    from altdesk.db.models import Alt
    from altdesk.services.workspace import open_workspace
    configure_logging(logging.DEBUG)
    db = open_database(DatabaseTarget.parse(sys.argv[1]))
    ws = open_workspace(db)
    try:  # a duplicate ALT code: the database refuses it; the fault is logged as the CLI logs faults
        with transaction(db.sessions) as s:
            s.execute(insert(Alt), [{"branch_id": ws.branch_id, "code": "A0001", "family_name": sys.argv[2],
                                     "given_name": sys.argv[3], "diet_notes": sys.argv[4], "version": 1}])
    except Exception:
        logging.getLogger("altdesk").exception("saving an ALT failed")
""")


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Path]:
    places = {name: tmp_path / name for name in ("data", "config", "tmp", "db", "out")}
    for path in places.values():
        path.mkdir()
    return places


def test_sentinels_stay_out_of_logs_temp_files_and_settings(sandbox):
    started = time.time() - 1
    env = {
        "ALTDESK_DATA_DIR": str(sandbox["data"]),
        "XDG_CONFIG_HOME": str(sandbox["config"]),
        "TMPDIR": str(sandbox["tmp"]), "TEMP": str(sandbox["tmp"]), "TMP": str(sandbox["tmp"]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    db = sandbox["db"] / "branch.sqlite3"
    out = sandbox["out"]
    existing = {m.NAME for m in command_modules()}

    def cli(*commands: tuple[str, ...], fails: tuple[str, ...] = ()) -> None:
        """The commands one after another in one process of their own (what they leave in files is
        the point, not a process each); each must succeed, but those named in `fails` exit 2."""
        for args, result in zip(commands, run_cli_batch([["--db", str(db), *args] for args in commands], env=env),
                                strict=True):
            assert result.returncode == (2 if args in fails else 0), f"{args}: {result.stdout}{result.stderr}"

    cli(("demo", "--size", "small"),
        # The ALT gets sentinel names and diet details the way a coordinator would give them.
        ("export", "template", "--filled", "--out", str(out / "branch.xlsx")))
    book = openpyxl.load_workbook(out / "branch.xlsx")
    sheet = book["ALTs"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "A0001")
    for header, value in (("Family name", FAMILY), ("Given name", GIVEN), ("Diet notes", DIET),
                          ("Other allergens", ALLERGEN), ("Consent to share diet", "no")):
        row[headers.index(header)].value = value
    book.save(out / "edited.xlsx")
    # A rejected import: its messages go to the screen, not into a file.
    row[headers.index("Start date")].value = "not a date"
    book.save(out / "bad.xlsx")
    rejected = ("import", str(out / "bad.xlsx"))
    cli(("import", str(out / "edited.xlsx")), rejected,
        *[args for args in (("generate",), ("check",),
                            ("substitute", "--alt", "A0001", "--from", "2026-06-01", "--to", "2026-06-05"),
                            ("export", "csv", "--report", "visits", "--month", "2026-06", "--out",
                             str(out / "visits.csv")),
                            ("export", "pdf", "--report", "alt-month", "--alt", "A0001", "--month", "2026-06",
                             "--out", str(out / "alt.pdf")),
                            ("export", "ics", "--alt", "A0001", "--month", "2026-06", "--out", str(out / "alt.ics")),
                            ("export", "pdf", "--report", "lunch-orders", "--month", "2026-06",
                             "--out", str(out / "lunch")),
                            ("backup",), ("verify",), ("restore", "--newest"))
          if args[0] in existing],
        fails=(rejected,))
    # The desktop app, a process of its own.
    shot = run_cli("--db", str(db), "--screenshot", str(out / "window.png"), env=env, timeout=300)
    assert shot.returncode == 0, shot.stdout + shot.stderr
    fault = subprocess.run([sys.executable, "-c", FAULT, str(db), FAMILY, GIVEN, DIET],
                                         cwd=REPO, env={**os.environ, **env}, capture_output=True, text=True)
    assert fault.returncode == 0, fault.stderr

    # The search works: the database and the exports hold the sentinels.
    assert files_holding_sentinels(sandbox["db"]), "the sentinels never reached the database"
    assert (sandbox["data"] / "logs" / "altdesk.log").exists(), "nothing was logged: the test proves nothing"
    assert "saving an ALT failed" in (sandbox["data"] / "logs" / "altdesk.log").read_text(encoding="utf-8")
    # Where they must not be.
    assert files_holding_sentinels(sandbox["data"]) == []  # logs and anything else in the data folder
    assert files_holding_sentinels(sandbox["config"]) == []  # QSettings and config files
    assert files_holding_sentinels(sandbox["tmp"]) == []  # temp files of the commands and the app
    system_tmp = Path(tempfile.gettempdir())
    basetemp = sandbox["db"].parents[2]  # pytest's own folder (this test's files live there)
    assert files_holding_sentinels(system_tmp, newer_than=started, skip=(basetemp,)) == []
