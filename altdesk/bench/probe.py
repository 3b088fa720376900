"""The desktop figures, measured by the desktop's probe in a process of its own.

The probe opens the real main window offscreen and prints one JSON object. The core never
imports the desktop face, nor names it: the probe is started through the program's entry
point (`main.py --bench-probe`), the one module that knows both faces. A bare PySide6 window
started the same way is the yardstick for start-up time and memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from altdesk.bench.context import BenchContext
from altdesk.bench.figures import Figure
from altdesk.paths import bundle_root

PROBE_OPTION = "--bench-probe"  # main.py hands the rest of the command line to the desktop's probe
TIMEOUT_S = 900
BUNDLE_BUDGET_S = 2.0  # the shipped folder, launch to a usable window


def bundle_executable() -> Path | None:
    """The one-folder bundle `make bundle` built beside the sources, if there is one."""
    folder = bundle_root() / "dist" / "altdesk"
    for name in ("altdesk.exe", "altdesk"):
        if (folder / name).is_file():
            return folder / name
    return None


def probe_available() -> bool:
    return not getattr(sys, "frozen", False) and (bundle_root() / "main.py").is_file()


def _environment(ctx: BenchContext) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The probe's settings and data folder are its own: nothing read from or left in the user's.
    env["XDG_CONFIG_HOME"] = str(ctx.workdir / "probe-config")
    env["ALTDESK_DATA_DIR"] = str(ctx.workdir / "probe-data")
    env["ALTDESK_DB"] = ctx.target.url  # the probe's database; in the environment, not on a command line
    # Compiled bytecode, as an installed app has it: kept in the bench's folder, never in the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ctx.workdir / "probe-bytecode")
    return env


def run_probe(ctx: BenchContext, bare: bool = False) -> dict[str, Any]:
    """Run the probe once; the JSON it printed, with `app_open_s` measured from the launch."""
    command = [sys.executable, str(bundle_root() / "main.py"), PROBE_OPTION, "--month", ctx.month,
               "--repeat", str(max(3, ctx.repeat))]
    if bare:
        command.append("--bare")
    launched = time.time()
    done = subprocess.run(command, cwd=bundle_root(), env=_environment(ctx), capture_output=True, text=True,
                          timeout=TIMEOUT_S, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        errors = [line for line in done.stderr.splitlines() if line.strip()]
        # A crash prints its cause first, then a list of extension modules: report the cause.
        why = next((line for line in errors if line.startswith("Fatal Python error")), None) or next(
            (line for line in reversed(errors) if not line.startswith("Extension modules")), "no output")
        raise RuntimeError(f"the UI probe stopped (exit {done.returncode}): {why}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["app_open_s"] = result["usable_at"] - launched
    return result


def ui_figures(ctx: BenchContext) -> list[Figure]:
    app_open = Figure("app_open", "start-up to a usable main window", "s", 1.5,
                      baseline_title="bare PySide6 window started the same way")
    startup = Figure("ui_stall_startup", "longest UI-thread stall in the 3 s after start-up", "ms", 100.0)
    populate = Figure("board_populate", f"board populated for {ctx.month} (query, layout, paint)", "ms", 100.0)
    switch = Figure("month_switch", "board: switch to the next month and back", "ms", 100.0)
    overview = Figure("overview_open", "Overview section opened: figures read, five charts drawn", "ms", 300.0)
    stall = Figure("ui_stall_generate", "longest UI-thread stall while generate runs", "ms", 100.0)
    memory = Figure("peak_rss", "peak memory with the branch open", "MB", 400.0,
                    baseline_title="bare PySide6 window")
    figures = [app_open, startup, populate, switch, overview, stall, memory]
    if not probe_available():
        return [f.unavailable("the desktop probe is not part of this installation") for f in figures]
    bare_runs, runs = [], []
    for _ in range(ctx.repeat):  # interleaved, as the other figures
        bare_runs.append(run_probe(ctx, bare=True))
        runs.append(run_probe(ctx))

    def fill(figure: Figure, values: list[float], pick=min, baseline: float | None = None) -> None:  # type: ignore[no-untyped-def]
        figure.samples, figure.value, figure.baseline, figure.runs = values, pick(values), baseline, len(values)

    fill(app_open, [r["app_open_s"] for r in runs], baseline=min(r["app_open_s"] for r in bare_runs))
    best = min(runs, key=lambda r: r["app_open_s"])
    app_open.cpu = best["open_cpu_s"]
    app_open.note = (f"from launch; {best['open_in_process_s']:.2f} s after the probe's first line; "
                     "cpu is the probe's own CPU time up to then")
    fill(startup, [r["startup_stall_ms"] for r in runs])
    fill(populate, [min(r["board_populate_ms"]) for r in runs])
    populate.note = f"{best['rows']} ALTs, {best['visits']} visits; best of {len(best['board_populate_ms'])} per run"
    fill(switch, [min(r["month_switch_ms"]) for r in runs])
    switch.note = f"best of {len(best['month_switch_ms'])} per run"
    fill(overview, [r["overview_open_ms"] for r in runs])
    overview.note = "the first open in each run: the page and QtCharts load then too"
    fill(stall, [r["ui_stall_ms"] for r in runs])
    stall.note = (f"heartbeat every 10 ms; generate took {min(r['generate_s'] for r in runs):.1f} s on the "
                  "worker, then the window reloads")
    fill(memory, [r["peak_rss_mb"] for r in runs], pick=max, baseline=max(r["peak_rss_mb"] for r in bare_runs))
    return figures


def bundle_figures(ctx: BenchContext) -> list[Figure]:
    """Start-up of the built bundle, as a coordinator starts it: `altdesk --time-startup`."""
    figure = Figure("bundle_open", "bundle: start-up to a usable main window", "s", BUNDLE_BUDGET_S,
                    baseline_title="bare PySide6 window started from source")
    executable = ctx.bundle or bundle_executable()
    if executable is None or not executable.is_file():
        return [figure.unavailable("no bundle in dist/altdesk (build it with `make bundle`)")]
    env = _environment(ctx)
    values, cpus = [], []
    for _ in range(ctx.repeat):
        launched = time.time()
        done = subprocess.run([str(executable), "--time-startup"], env=env, capture_output=True, text=True,
                              timeout=TIMEOUT_S, check=False)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            why = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"the bundle did not start (exit {done.returncode}): {why}")
        reported = json.loads(lines[-1])
        values.append(reported["usable_at"] - launched)
        cpus.append(reported["open_cpu_s"])
    figure.samples, figure.value, figure.runs = values, min(values), len(values)
    figure.cpu = cpus[values.index(figure.value)]
    figure.baseline = run_probe(ctx, bare=True)["app_open_s"] if probe_available() else None
    built = datetime.fromtimestamp(executable.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    figure.note = f"{executable.parent} built {built}; cpu is the bundle's own CPU time up to then"
    return [figure]
