"""The branch names itself: `branch show|set`, and what schools receive is signed with it."""

from __future__ import annotations

import json
import subprocess

import pytest

from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services.branch import branch_details, branch_is_unnamed, update_branch_details
from tests.helpers import run_cli, table_dump
from tests.integration.cli_batch import run_cli_batch


def test_a_new_database_asks_for_a_name_and_keeps_other_settings(ws):
    assert branch_is_unnamed(ws)
    with ws.db.sessions.begin() as s:
        from altdesk.db.models import Branch

        s.get(Branch, ws.branch_id).settings = {"report_era": "reiwa", "something_newer": {"kept": True}}
    first = branch_details(ws)
    saved = update_branch_details(ws, first.version, name="ALTdesk さくら支店", phone="043-123-4567",
                                  notice_rule={"kind": "school_days_before", "days": 4, "time": "11:00"})
    assert not branch_is_unnamed(ws)
    assert (saved.name, saved.phone, saved.notice_rule_text("ja")) == ("ALTdesk さくら支店", "043-123-4567",
                                                                      "4登校日前の11:00まで")
    with ws.db.sessions() as s:
        settings = s.get(Branch, ws.branch_id).settings
    assert settings["report_era"] == "reiwa" and settings["something_newer"] == {"kept": True}
    # Another coordinator's form, loaded before that save, is refused rather than overwriting it.
    with pytest.raises(StaleEdit):
        update_branch_details(ws, first.version, phone="0000")
    with pytest.raises(InvalidInput) as bad:
        update_branch_details(ws, notice_rule={"kind": "weekly"})
    assert bad.value.field == "lunch_notice_rule"
    back = update_branch_details(ws, notice_rule=None)
    assert back.notice_rule is None and "20th of the previous month" in back.notice_rule_text("en")


# The tests below check what each command prints and returns, not a process each: the commands
# between two looks at the files run one after another in one process (tests/integration/cli_batch.py).

def test_branch_set_signs_the_school_schedule(tmp_path):
    db = tmp_path / "b.sqlite3"
    out = tmp_path / "s.pdf"
    made, changed, shown, result = run_cli_batch([
        ["--db", str(db), "demo", "--size", "small"],
        ["--db", str(db), "--lang", "ja", "branch", "set", "--name", "ALTdesk もみじ支店",
         "--address", "静岡県もみじ市本町1-1", "--phone", "054-999-0001", "--notice-rule", "前月15日"],
        ["--db", str(db), "branch", "show", "--json"],
        ["--db", str(db), "export", "pdf", "--report", "school-month", "--month", "2026-12",
         "--school", "S0001", "--out", str(out)],
    ])
    assert made.returncode == 0
    assert changed.returncode == 0, changed.stderr
    assert "保存しました" in changed.stdout and "前月15日の17:00まで" in changed.stdout
    shown = json.loads(shown.stdout)
    assert shown["notice_rule"] == {"kind": "day_of_previous_month", "day": 15, "time": "17:00"}
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "ALTdesk もみじ支店" in text and "054-999-0001" in text

    before = table_dump(db)
    refused, blank = run_cli_batch([["--db", str(db), "--lang", "ja", "branch", "set", "--notice-rule", "毎週火曜"],
                                    ["--db", str(db), "branch", "set", "--name", "  "]])
    assert refused.returncode == 2 and "給食連絡の期限" in refused.stderr and "Traceback" not in refused.stderr
    assert blank.returncode == 2
    assert table_dump(db) == before


def test_the_branch_travels_in_the_template_and_one_row_is_all_it_takes(tmp_path):
    import openpyxl

    old, new, out = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3", tmp_path / "branch.xlsx"
    made = run_cli_batch([
        ["--db", str(old), "demo", "--size", "small"],
        ["--db", str(old), "branch", "set", "--name", "ALTdesk もみじ支店", "--phone", "054-999-0001",
         "--notice-rule", "4 school days before, 11:00"],
        ["--db", str(old), "--lang", "ja", "export", "template", "--filled", "--out", str(out)],
    ])
    assert [r.returncode for r in made] == [0, 0, 0], made
    book = openpyxl.load_workbook(out)
    assert [c.value for c in book["支店"][2]][:1] == ["ALTdesk もみじ支店"]
    imported, new_shown, old_shown = run_cli_batch([["--db", str(new), "import", str(out)],
                                                    ["--db", str(new), "branch", "show", "--json"],
                                                    ["--db", str(old), "branch", "show", "--json"]])
    assert imported.returncode == 0, imported.stderr + imported.stdout
    assert json.loads(new_shown.stdout) | {"code": "MAIN"} == json.loads(old_shown.stdout) | {"code": "MAIN"}
    sheet = book["支店"]
    sheet.append(["ALTdesk 別支店", None, None, "000"])
    book.save(out)
    before = table_dump(new)
    refused = run_cli("--db", str(new), "--lang", "ja", "import", str(out))
    assert refused.returncode == 2 and "支店シートは 1 行" in refused.stderr and "3 行目" in refused.stderr
    assert table_dump(new) == before
