"""The CLI's contract: --help everywhere, exit codes, messages without tracebacks."""

from __future__ import annotations

import os

import pytest

from altdesk.cli import command_modules
from tests.helpers import run_cli


def test_top_level_help_lists_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    for module in command_modules():
        assert module.NAME in result.stdout


@pytest.mark.parametrize("name", [m.NAME for m in command_modules()])
def test_every_command_has_help(name):
    result = run_cli(name, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_db_from_environment_variable(tmp_path):
    path = tmp_path / "env.sqlite3"
    result = run_cli("demo", "--size", "small", env={"ALTDESK_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists()


def test_default_database_lives_in_the_user_data_dir(tmp_path):
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "ALTDESK_DB"}
    env["ALTDESK_DATA_DIR"] = str(data)
    result = run_cli("demo", "--size", "small", env=env)
    assert result.returncode == 0, result.stderr
    assert (data / "altdesk.sqlite3").exists()


def test_unreachable_server_is_a_clear_message_not_a_traceback():
    result = run_cli("--db", "postgresql+psycopg://nobody@127.0.0.1:9/none", "demo")
    assert result.returncode == 2
    assert "Cannot open the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_command_is_rejected():
    result = run_cli("frobnicate")
    assert result.returncode == 2


def test_import_kinds_offered_by_the_cli_are_the_importers_kinds():
    from altdesk.commands.import_cmd import KIND_CHOICES
    from altdesk.io.importing import KINDS

    assert tuple(KINDS) == KIND_CHOICES


def test_a_fault_exits_1_names_the_log_and_logs_the_traceback_without_values(monkeypatch, capsys, db_path):
    from altdesk import cli
    from altdesk.commands import check
    from altdesk.logs import log_file

    def broken(args, ctx):  # type: ignore[no-untyped-def]
        return {}["Zqxclisentinel"]

    monkeypatch.setattr(check, "run", broken)
    assert cli.main(["--db", str(db_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and str(log_file()) in err and "Traceback" not in err
    logged = log_file().read_text(encoding="utf-8")
    assert "command check failed" in logged and "in broken" in logged and "KeyError" in logged
    assert "Zqxclisentinel" not in logged.replace('["Zqxclisentinel"]', "")


def test_a_fault_in_japanese_names_the_log_too(monkeypatch, capsys, db_path):
    from altdesk import cli
    from altdesk.commands import check
    from altdesk.logs import log_file

    monkeypatch.setattr(check, "run", lambda args, ctx: 1 / 0)
    assert cli.main(["--db", str(db_path), "--lang", "ja", "check"]) == 1
    err = capsys.readouterr().err
    assert "内部エラー" in err and str(log_file()) in err
