"""`bench`: build a demo branch in a database of its own and measure every performance budget."""

from __future__ import annotations

import argparse
from pathlib import Path

from altdesk.bench import GROUP_NAMES
from altdesk.errors import InvalidInput

# Every start of the program builds the command line: the measures are imported in run().
SIZES = ("small", "large", "company")

NAME = "bench"
HELP = "measure speed and memory on a demo branch, beside the bare libraries doing the same work"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", choices=SIZES, default="large",
                        help="demo branch to build (default large: 300 ALTs, 800 schools)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", metavar="DIR",
                        help="build the database in DIR and keep it (and the exported files); "
                             "a bench database already there is reused")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is reported (default 3)")
    parser.add_argument("--only", metavar="GROUPS",
                        help=f"comma-separated measures to run: {', '.join(GROUP_NAMES)} (default all)")
    parser.add_argument("--url", metavar="URL",
                        help="an empty server database (postgresql+psycopg://…) to build in instead of a "
                             "temporary SQLite file; the global --db is not used")
    parser.add_argument("--bundle", metavar="PATH",
                        help="the built bundle's program to time (default: dist/altdesk/altdesk if built)")
    parser.add_argument("--fail-over-budget", action="store_true",
                        help="exit 2 when a figure misses its budget or could not be measured")


def _groups(text: str | None) -> tuple[str, ...]:
    if not text:
        return tuple(GROUP_NAMES)
    chosen = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [g for g in chosen if g not in GROUP_NAMES]
    if unknown or not chosen:
        raise InvalidInput(
            f"--only {text!r}: unknown measure {', '.join(unknown) or '(none)'}; choose from {', '.join(GROUP_NAMES)}.",
            f"--only {text!r}：不明な計測 {', '.join(unknown) or '（なし）'}。{', '.join(GROUP_NAMES)} から選んでください。",
            field="only",
        )
    return tuple(g for g in GROUP_NAMES if g in chosen)


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    if args.repeat < 1:
        raise InvalidInput("--repeat must be 1 or more.", "--repeat は 1 以上にしてください。", field="repeat")
    if args.url and "://" not in args.url:
        raise InvalidInput(f"--url {args.url!r} is not a database URL.",
                           f"--url {args.url!r} はデータベースのURLではありません。", field="url")
    from altdesk.bench.harness import BenchOptions, run_bench
    from altdesk.bench.report import table, write_json

    options = BenchOptions(size=args.size, groups=_groups(args.only), repeat=args.repeat,
                           keep=Path(args.keep).expanduser().resolve() if args.keep else None, url=args.url,
                           bundle=Path(args.bundle).expanduser().resolve() if args.bundle else None)
    report = run_bench(options)
    print(table(report))
    if args.json:
        write_json(report, Path(args.json).expanduser())
        ctx.say(f"Figures written to {args.json}.", f"計測結果を {args.json} に書き出しました。")
    if args.fail_over_budget and not report.all_ok():
        return 2
    return 0
