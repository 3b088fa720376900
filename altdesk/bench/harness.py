"""Running a bench: build the demo branch in a database of its own, run each measure, collect figures."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from altdesk.bench import GROUP_NAMES, imports, measures, moves, planning, probe, processes
from altdesk.bench.baselines import RawDatabase
from altdesk.bench.context import BenchContext
from altdesk.bench.figures import BenchReport, Figure
from altdesk.bench.machine import describe_machine, load_average
from altdesk.db.branch_settings import load_branch_settings, save_branch_settings
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.demo import create_demo_branch
from altdesk.demo_schedule import schedule_demo_branch
from altdesk.errors import NotEmpty
from altdesk.services.workspace import Workspace, branch_is_empty, open_workspace

log = logging.getLogger(__name__)

Measure = Callable[[BenchContext], list[Figure]]

# Groups in the order they run: the desktop probe last, as it writes (a generate) too.
GROUPS: dict[str, tuple[Measure, tuple[str, ...]]] = {
    "query": (measures.month_query, ("month_query",)),
    "conflicts": (measures.conflict_check, ("conflict_check_fy",)),
    "generate": (measures.generate, ("generate_fy", "regenerate_fy")),
    "pdf": (measures.pdf_school_month, ("pdf_school_month",)),
    "xlsx": (measures.xlsx_branch_month, ("xlsx_branch_month",)),
    "send": (measures.send_month_figure, ("send_month",)),
    "import": (imports.import_alts, ("import_10k",)),
    "cli": (processes.cli_figures, ("cli_help", "cli_command_help", "cli_check_fy")),
    "planning": (planning.planning_figures, ("plan_fy", "plan_travel", "plan_load_spread", "plan_replacement",
                                             "plan_company")),
    "ui": (probe.ui_figures, ("app_open", "ui_stall_startup", "board_populate", "month_switch",
                              "overview_open", "ui_stall_generate", "peak_rss")),
    "move": (moves.move_figures, ("ui_stall_move", "move_shown", "move_confirmed")),
    "bundle": (probe.bundle_figures, ("bundle_open",)),
}
assert tuple(GROUPS) == GROUP_NAMES, "altdesk.bench.GROUP_NAMES lists the groups the command offers"
FISCAL_YEAR = 2026
MONTH = "2026-06"  # a full school month: no long break, one holiday-free stretch
DEMO_SEED = 1
MARKER = "bench"  # in the branch settings: this branch was built by the bench (and may be reused)


@dataclass
class BenchOptions:
    size: str = "large"
    groups: tuple[str, ...] = GROUP_NAMES
    repeat: int = 3
    keep: Path | None = None  # keep the database and files here; a database already there is reused
    url: str | None = None  # an empty server database to use instead of a temporary SQLite file
    bundle: Path | None = None  # the bundle's program to time (default: dist/altdesk beside the sources)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _prepare_target(options: BenchOptions, workdir: Path) -> DatabaseTarget:
    if options.url:
        return DatabaseTarget.parse(options.url)
    return DatabaseTarget.parse(str(workdir / f"bench-{options.size}.sqlite3"))


def run_bench(options: BenchOptions, say: Callable[[str], None] = _say) -> BenchReport:
    workdir = options.keep or Path(tempfile.mkdtemp(prefix="altdesk-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    target = _prepare_target(options, workdir)
    where = (target.describe() if options.url
             else f"SQLite file {target.sqlite_path}" if options.keep else "SQLite (temporary file)")
    report = BenchReport(options.size, where, describe_machine())
    db = open_database(target)
    raw: RawDatabase | None = None
    try:
        ws = open_workspace(db, actor="bench")
        built = _built_by_bench(ws)
        if built is None and not branch_is_empty(ws):
            raise NotEmpty(
                "The bench builds its own demo branch and rewrites its visits: give it an empty database.",
                "ベンチマークは専用のデモ支店を作成し訪問を書き換えます。空のデータベースを指定してください。",
            )
        if built is not None and built != options.size:
            raise NotEmpty(
                f"This database holds the bench's {built} branch, not {options.size}; use another folder.",
                f"このデータベースにはベンチマークの {built} 支店があります（{options.size} ではありません）。"
                "別のフォルダーを指定してください。",
            )
        if built is None:
            say(f"Building the {options.size} demo branch (FY{FISCAL_YEAR})…")
            started = time.perf_counter()
            counts = create_demo_branch(ws, options.size, FISCAL_YEAR, DEMO_SEED)
            generated = schedule_demo_branch(ws, FISCAL_YEAR, DEMO_SEED)
            _mark_built(ws, options.size)
            report.setup = {**counts, "visits": generated.created,
                            "build_s": round(time.perf_counter() - started, 1), "reused": False}
        else:
            say("Reusing the demo branch already in the database.")
            report.setup = {"reused": True}
        raw = RawDatabase(target)
        report.machine["database"] = raw.server_version()
        ctx = BenchContext(ws, target, raw, options.size, FISCAL_YEAR, MONTH, workdir, max(1, options.repeat), say,
                           options.bundle)
        for group in options.groups:
            measure, names = GROUPS[group]
            say(f"Measuring {group}…")
            report.figures.extend(_run_measure(measure, names, ctx))
    finally:
        if raw is not None:
            raw.close()
        db.close()
        report.machine["load_average_end"] = load_average()
        if options.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return report


def _built_by_bench(ws: Workspace) -> str | None:
    """The size of the demo branch an earlier bench built here (None: not built by a bench)."""
    with ws.db.sessions() as session:
        marker = load_branch_settings(session, ws.branch_id).other.get(MARKER)
    return str(marker["size"]) if isinstance(marker, dict) and "size" in marker else None


def _mark_built(ws: Workspace, size: str) -> None:
    with transaction(ws.db.sessions) as session:
        settings = load_branch_settings(session, ws.branch_id)
        marked = settings.changed(other={**settings.other, MARKER: {"size": size, "seed": DEMO_SEED}})
        save_branch_settings(session, ws.branch_id, marked)


def _run_measure(measure: Measure, names: tuple[str, ...], ctx: BenchContext) -> list[Figure]:
    try:
        return measure(ctx)
    except Exception as exc:  # one broken measure must not hide the others' figures
        log.exception("bench measure %s failed", measure.__name__)
        failed = []
        for name in names:
            figure = Figure(name, name.replace("_", " "), "", None, note=f"failed: {type(exc).__name__}: {exc}")
            figure.failed = True
            failed.append(figure)
        return failed
