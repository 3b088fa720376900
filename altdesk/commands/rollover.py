"""`rollover`: copy placements into the next fiscal year (April rollover)."""

from __future__ import annotations

import argparse

NAME = "rollover"
HELP = "copy placements and board day layers into a new fiscal year, then generate its visits"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to-fiscal-year", type=int, required=True, help="the new fiscal year, e.g. 2027")
    parser.add_argument("--no-generate", action="store_true", help="copy placements only")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: the command line (and the app) start without it.
    from altdesk.services.scheduling import roll_over

    result, generated = roll_over(ctx.workspace(), args.to_fiscal_year, generate_after=not args.no_generate)
    created = generated.created if generated else 0
    ctx.say(
        f"FY{args.to_fiscal_year}: {result.placements_copied} placements copied "
        f"({result.placements_already_there} already there), {result.day_offs_copied} breaks and closures copied "
        f"(check their dates), {created} visits generated.",
        f"{args.to_fiscal_year}年度：配置 {result.placements_copied} 件をコピー（既存 {result.placements_already_there} 件）、"
        f"休業・閉庁日 {result.day_offs_copied} 件をコピー（日付を確認してください）、訪問 {created} 件を生成。",
    )
    return 0
