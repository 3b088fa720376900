"""Run several command lines through the program's entry point (main.py's main) in ONE process.

Starting the interpreter and importing ALTdesk costs about a second a command; a test that runs
two dozen commands only to check what each prints and returns (not anything about a process of
its own) runs them here instead. Each command's exit code and everything written to the file
descriptors 1 and 2 (its own output, a child's, a traceback) are captured as a process of its own
would have them. Used as `python -m tests.integration.cli_batch RESULTS.json ARGV.json`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    """What a command left: as subprocess.CompletedProcess has it."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def run_cli_batch(commands: list[list[str]], env: dict[str, str] | None = None,
                  timeout: float = 900) -> list[Outcome]:
    """Run every command line in order in one fresh interpreter; their outcomes, in order."""
    with tempfile.TemporaryDirectory(prefix="altdesk-cli-batch-") as folder:
        argv_file, results_file = Path(folder) / "argv.json", Path(folder) / "results.json"
        argv_file.write_text(json.dumps(commands), encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "tests.integration.cli_batch", str(results_file), str(argv_file)],
                              capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=timeout,
                              cwd=REPO)
        assert done.returncode == 0 and results_file.exists(), f"the batch itself failed: {done.stdout}{done.stderr}"
        return [Outcome(**row) for row in json.loads(results_file.read_text(encoding="utf-8"))]


def _captured(argv: list[str]) -> dict[str, object]:
    import main

    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            try:
                code = main.main(argv)
            except SystemExit as stop:  # argparse's refusals exit 2
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
            except BaseException:  # as the interpreter would: a traceback and exit 1
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        out.seek(0)
        err.seek(0)
        return {"args": argv, "returncode": int(code or 0),
                "stdout": out.read().decode("utf-8", "replace"), "stderr": err.read().decode("utf-8", "replace")}


def _main() -> int:
    results_file, argv_file = Path(sys.argv[1]), Path(sys.argv[2])
    sys.argv = [str(REPO / "main.py")]  # as main.py is started; the commands' argv are passed to main()
    results = [_captured(argv) for argv in json.loads(argv_file.read_text(encoding="utf-8"))]
    results_file.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(_main())
