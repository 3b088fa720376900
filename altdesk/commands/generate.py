"""`generate`: turn placements into visits over a date range."""

from __future__ import annotations

import argparse
import time

from altdesk.dates import parse_date

NAME = "generate"
HELP = "turn placements into visits (skips weekends, holidays, closures, absences; keeps manual edits)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", help="first date, YYYY-MM-DD (default: first placement)")
    parser.add_argument("--to", dest="date_to", help="last date, YYYY-MM-DD (default: last placement)")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: the command line (and the app) start without it.
    from altdesk.services.scheduling import generate_visits

    started = time.perf_counter()
    result = generate_visits(ctx.workspace(), parse_date(args.date_from, "--from"), parse_date(args.date_to, "--to"))
    seconds = time.perf_counter() - started
    skipped = result.skipped_day_off + result.skipped_absent + result.skipped_double_booking
    ctx.say(
        f"Generated in {seconds:.1f} s: {result.created} created, {result.updated} updated, "
        f"{result.deleted} removed, {result.unchanged} unchanged, {result.kept_manual} kept as edited by hand; "
        f"{skipped} dates skipped ({result.skipped_day_off} days off, {result.skipped_absent} absences, "
        f"{result.skipped_double_booking} double bookings).",
        f"{seconds:.1f} 秒で生成しました：新規 {result.created}、更新 {result.updated}、削除 {result.deleted}、"
        f"変更なし {result.unchanged}、手動編集を保持 {result.kept_manual}。"
        f"スキップ {skipped} 日（休業日 {result.skipped_day_off}、不在 {result.skipped_absent}、"
        f"重複 {result.skipped_double_booking}）。",
    )
    return 0
