"""`check`: list conflicts in the schedule."""

from __future__ import annotations

import argparse
import json

from altdesk import clock
from altdesk.dates import parse_date

NAME = "check"
HELP = "list conflicts: double bookings, visits on days off, absences, overloads, lunch, contracts"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", help="first date (default: start of this fiscal year)")
    parser.add_argument("--to", dest="date_to", help="last date (default: end of this fiscal year)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of conflicts")
    parser.add_argument("--fail-on", choices=["error", "warning"],
                        help="exit 2 when a conflict of this severity (or worse) is found")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: the command line (and the app) start without it.
    from altdesk.dates import fiscal_year_bounds, fiscal_year_of
    from altdesk.scheduling.conflicts import Severity
    from altdesk.services.scheduling import check_conflicts

    default_first, default_last = fiscal_year_bounds(fiscal_year_of(clock.today()))
    first = parse_date(args.date_from, "--from") or default_first
    last = parse_date(args.date_to, "--to") or default_last
    conflicts = check_conflicts(ctx.workspace(), first, last)
    if args.json:
        print(json.dumps([{k: v for k, v in c.as_json().items() if k != "visit_ids"} for c in conflicts],
                         ensure_ascii=False, indent=1))
    else:
        for c in conflicts:
            mark = "ERROR  " if c.severity == Severity.ERROR else "warning"
            print(f"{mark} {c.kind.value:<17} {c.message(ctx.lang)}")
        errors = sum(c.severity == Severity.ERROR for c in conflicts)
        ctx.say(f"{len(conflicts)} conflicts ({errors} errors) from {first} to {last}.",
                f"{first}〜{last} の問題：{len(conflicts)} 件（エラー {errors} 件）。")
    if args.fail_on:
        worst = {Severity.ERROR} if args.fail_on == "error" else {Severity.ERROR, Severity.WARNING}
        if any(c.severity in worst for c in conflicts):
            return 2
    return 0
