"""`redo [OPERATION_ID]`: make an undone edit again (default: the one undone last)."""

from __future__ import annotations

import argparse

NAME = "redo"
HELP = "make an undone edit again (default: the one undone last); see `history`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("operation_id", nargs="?", type=int, metavar="OPERATION_ID",
                        help="the undone edit's number in `history` (default: the one undone last)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.commands.undo import report
    from altdesk.operations import redo

    return report(redo(ctx.workspace(), args.operation_id), args, ctx, "Redone", "やり直しました")
