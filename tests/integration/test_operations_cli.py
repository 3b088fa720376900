"""`history`, `undo` and `redo` from the command line: an edit made in one process (another
coordinator's, through the core) undone and redone in new processes, read back as JSON."""

from __future__ import annotations

import json
from dataclasses import replace

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.operations import perform
from altdesk.services import records as svc
from altdesk.services.workspace import open_workspace
from tests.helpers import run_cli


def test_an_edit_by_another_is_undone_and_redone_by_the_command_line(tmp_path):
    path = tmp_path / "branch.sqlite3"
    db = open_database(DatabaseTarget.parse(str(path)))
    try:
        ws = open_workspace(db, actor="sato")
        alt = svc.save_alt(ws, svc.AltForm(code="A1", family_name="Carter", given_name="Emily"))
        _, record = perform(ws, "Edit ALT A1", "ALT A1 を編集", lambda: svc.save_alt(ws, replace(alt, family_name="Smith")))
    finally:
        db.close()
    cli = ("--db", str(path))

    listed = run_cli(*cli, "history", "--json")
    assert listed.returncode == 0, listed.stderr
    lines = json.loads(listed.stdout)
    assert lines[0]["id"] == record.operation_id and lines[0]["actor"] == "sato"
    assert lines[0]["text_ja"] == "ALT A1 を編集" and lines[0]["undoable"] and lines[0]["state"] == "done"

    undone = run_cli(*cli, "undo", "--json", env={"ALTDESK_ACTOR": "tanaka"})
    assert undone.returncode == 0, undone.stderr
    answer = json.loads(undone.stdout)
    assert answer["reverts"] == record.operation_id and answer["rows"] == [
        {"entity": "alt", "id": alt.id, "action": "update"}]
    assert answer["text_en"] == "Undo: Edit ALT A1" and answer["topics"] == ["alts"]
    db = open_database(DatabaseTarget.parse(str(path)))
    try:
        assert svc.load_alt(open_workspace(db), alt.id).family_name == "Carter"
    finally:
        db.close()

    lines = json.loads(run_cli(*cli, "history", "--limit", "2", "--json").stdout)
    assert [(x["kind"], x["actor"], x["reverts"]) for x in lines] == [("undo", "tanaka", record.operation_id),
                                                                      ("edit", "sato", None)]
    assert lines[1]["state"] == "undone"
    again = run_cli(*cli, "--lang", "ja", "undo")  # nothing left that can be undone
    assert again.returncode == 2 and "元に戻せる操作はありません" in again.stderr

    redone = run_cli(*cli, "redo", str(record.operation_id))
    assert redone.returncode == 0, redone.stderr
    assert "Redone: Edit ALT A1" in redone.stdout
    text = run_cli(*cli, "--lang", "ja", "history").stdout
    assert "やり直し: ALT A1 を編集" in text
    db = open_database(DatabaseTarget.parse(str(path)))
    try:
        assert svc.load_alt(open_workspace(db), alt.id).family_name == "Smith"
    finally:
        db.close()


def test_absence_add_and_remove_from_the_command_line_are_journalled(tmp_path):
    path = tmp_path / "branch.sqlite3"
    db = open_database(DatabaseTarget.parse(str(path)))
    try:
        svc.save_alt(open_workspace(db, actor="sato"), svc.AltForm(code="A1", family_name="Carter", given_name="E"))
    finally:
        db.close()
    cli = ("--db", str(path))
    added = run_cli(*cli, "absence", "add", "--alt", "A1", "--from", "2026-06-08", "--kind", "sick", "--json")
    assert added.returncode == 0, added.stderr
    absence_id = json.loads(added.stdout)["id"]
    lines = json.loads(run_cli(*cli, "history", "--json").stdout)
    assert lines[0]["text_en"] == "Record absence of A1" and lines[0]["months"] == ["2026-06"]
    assert run_cli(*cli, "absence", "remove", str(absence_id)).returncode == 0
    undone = json.loads(run_cli(*cli, "undo", "--json").stdout)
    assert undone["rows"] == [{"entity": "absence", "id": absence_id, "action": "create"}]  # the same id again
    listed = json.loads(run_cli(*cli, "absence", "list", "--json").stdout)
    assert [r["id"] for r in listed] == [absence_id]
