"""Moving a visit on the board with PostgreSQL behind a slow link: the desktop probe moves visits
(`main.py --bench-probe --moves`) through the bench's latency proxy (25 ms each way, a 50 ms
round trip) and reports how long the window's thread was blocked at most, and how long until the
move was on screen, confirmed by the server, and shown as read back."""

from __future__ import annotations

import json
import subprocess
import sys

from altdesk.bench.context import BenchContext
from altdesk.bench.figures import Figure
from altdesk.bench.latency_proxy import behind_proxy
from altdesk.bench.probe import PROBE_OPTION, TIMEOUT_S, _environment, probe_available
from altdesk.paths import bundle_root

DELAY_S = 0.025  # each way
MOVES = 5


def move_figures(ctx: BenchContext) -> list[Figure]:
    link = f"PostgreSQL behind a {DELAY_S * 2000:.0f} ms round trip"
    stall = Figure("ui_stall_move", f"longest UI-thread stall while a visit is moved ({link})", "ms", 100.0)
    shown = Figure("move_shown", f"board move: on screen ({link})", "ms", 100.0)
    confirmed = Figure("move_confirmed", f"board move: confirmed by the server ({link})", "ms", None)
    figures = [stall, shown, confirmed]
    if not ctx.target.url.startswith("postgresql"):
        return [f.unavailable("needs a PostgreSQL server: run the bench with --url") for f in figures]
    if not probe_available():
        return [f.unavailable("the desktop probe is not part of this installation") for f in figures]
    with behind_proxy(ctx.target.url, DELAY_S) as (_proxy, slow_url):
        env = _environment(ctx)
        env["ALTDESK_DB"] = slow_url
        command = [sys.executable, str(bundle_root() / "main.py"), PROBE_OPTION, "--moves", "--month", ctx.month,
                   "--repeat", str(max(MOVES, ctx.repeat))]
        done = subprocess.run(command, cwd=bundle_root(), env=env, capture_output=True, text=True,
                              timeout=TIMEOUT_S, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        errors = [line for line in done.stderr.splitlines() if line.strip()]
        raise RuntimeError(f"the move probe stopped (exit {done.returncode}): {(errors or ['no output'])[-1]}")
    result = json.loads(lines[-1])
    for figure, key, pick in ((stall, "move_stall_ms", max), (shown, "move_shown_ms", max),
                              (confirmed, "move_confirmed_ms", min)):
        figure.samples = result[key]
        figure.value = pick(figure.samples)
        figure.runs = len(figure.samples)
    stall.note = (f"heartbeat every 10 ms from the key to the board read back and its checks; worst of "
                  f"{result['moves']} moves")
    shown.note = "from the key to the board painted with the move pending; worst of the moves"
    confirmed.note = (f"best of the moves; the board read back after "
                      f"{min(result['move_refreshed_ms']):.0f} ms at best")
    return figures
