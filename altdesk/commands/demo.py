"""`demo`: fill an empty database with a believable demo branch."""

from __future__ import annotations

import argparse
import time

# The demo's sizes (altdesk.demo.SIZES; a test keeps the two alike): the generator itself is
# loaded when the command runs, so `--help` stays quick.
SIZE_NAMES = ("small", "large", "company")

NAME = "demo"
HELP = "fill an empty database with a deterministic demo branch"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", choices=SIZE_NAMES, default="small",
                        help="small: 20 ALTs/60 schools; large: 300/800; company: 3,000/8,000")
    parser.add_argument("--fiscal-year", type=int, default=2026, help="fiscal year (April-March) to plan")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same branch")
    parser.add_argument("--force", action="store_true", help="replace the data of a non-empty branch")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: the command line (and the app) start without it.
    from altdesk.demo import create_demo_branch
    from altdesk.demo_schedule import schedule_demo_branch

    started = time.perf_counter()
    counts = create_demo_branch(ctx.workspace(), args.size, args.fiscal_year, args.seed, args.force)
    generated = schedule_demo_branch(ctx.workspace(), args.fiscal_year, args.seed)
    seconds = time.perf_counter() - started
    ctx.say(
        f"Demo branch ({args.size}) created in {seconds:.1f} s: {counts['alts']} ALTs, "
        f"{counts['schools']} schools, {counts['boards']} boards, {counts['placements']} placements, "
        f"{generated.created} visits in FY{args.fiscal_year}.",
        f"デモ支店（{args.size}）を {seconds:.1f} 秒で作成しました：ALT {counts['alts']} 名、"
        f"学校 {counts['schools']} 校、教育委員会 {counts['boards']}、配置 {counts['placements']} 件、"
        f"{args.fiscal_year}年度の訪問 {generated.created} 件。",
    )
    return 0
