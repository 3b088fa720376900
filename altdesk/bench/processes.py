"""The command line as a person or a head-office script meets it: each figure a whole process,
from launch to exit, beside a bare `python -c pass` started the same way."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from altdesk.bench.context import BenchContext
from altdesk.bench.figures import Figure
from altdesk.bench.timing import paired

HELP_BUDGET_S = 0.3
CHECK_BUDGET_S = 1.5


def program() -> list[str]:
    """How to start ALTdesk's command line: the frozen program itself, else main.py."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, str(Path(__file__).resolve().parents[2] / "main.py")]


def _environment(ctx: BenchContext) -> dict[str, str]:
    """Compiled bytecode, as an installed program has it, kept in the bench's folder (never in the
    tree); the data folder the bench's own."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ctx.workdir / "cli-bytecode")
    env["ALTDESK_DATA_DIR"] = str(ctx.workdir / "cli-data")
    return env


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=120)


def _bare() -> None:
    _run([sys.executable, "-c", "pass"])


def command_names(base: list[str]) -> list[str]:
    """The commands the program offers, as its own --help lists them (under COMMAND)."""
    env = {**os.environ, "COLUMNS": "200"}  # one line per command
    shown = subprocess.run([*base, "--help"], check=True, capture_output=True, text=True, timeout=120, env=env).stdout
    section = shown.split("COMMAND\n", 1)[-1].split("\n\n", 1)[0]
    return re.findall(r"^ {4}([a-z][a-z_-]*) ", section, flags=re.MULTILINE)


def cli_figures(ctx: BenchContext) -> list[Figure]:
    base = program()
    env = _environment(ctx)
    first, last = ctx.year_bounds
    check_command = [*base, "--db", ctx.target.url, "check", "--from", first.isoformat(), "--to", last.isoformat()]
    _run(check_command, env)  # once untimed: the bytecode is compiled, as on an installed program
    bare_title = "bare interpreter: python -c pass"
    top = Figure("cli_help", "altdesk --help (whole process)", "s", HELP_BUDGET_S, baseline_title=bare_title)
    mine, bare, _ = paired(lambda: _run([*base, "--help"], env), _bare, 3 * ctx.repeat)
    top.record(mine, bare)
    # Every command's --help; the slowest is the figure.
    slowest, slowest_name = None, ""
    for name in command_names(base):
        runs, bare_runs, _ = paired(lambda n=name: _run([*base, n, "--help"], env), _bare, ctx.repeat)
        if slowest is None or runs.best > slowest[0].best:
            slowest, slowest_name = (runs, bare_runs), name
    each = Figure("cli_command_help", "slowest COMMAND --help (whole process)", "s", HELP_BUDGET_S,
                  baseline_title=bare_title)
    if slowest is not None:
        each.record(*slowest).note = f"slowest: {slowest_name}"
    check = Figure("cli_check_fy", f"altdesk check of FY{ctx.fiscal_year} (whole process)", "s", CHECK_BUDGET_S,
                   baseline_title=bare_title)
    mine, bare, _ = paired(lambda: _run(check_command, env), _bare, ctx.repeat)
    check.record(mine, bare)
    return [top, each, check]
