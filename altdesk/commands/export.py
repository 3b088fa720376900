"""`export`: reports and files out (csv, pdf, xlsx, ics, the import template)."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from altdesk.dates import parse_date
from altdesk.errors import InvalidInput

NAME = "export"
HELP = "write reports (PDF, Excel, CSV), calendars (.ics) or the import template"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=["csv", "pdf", "xlsx", "ics", "template"], help="what to write")
    parser.add_argument("--report", help="school-month, alt-month, branch-month, visits, lunch-orders, lunch-fees, actuals")
    parser.add_argument("--month", help="YYYY-MM")
    parser.add_argument("--from", dest="date_from", help="first date, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", help="last date, YYYY-MM-DD")
    parser.add_argument("--school", help="a school code, or all")
    parser.add_argument("--alt", help="an ALT code, or all")
    parser.add_argument("--combined", action="store_true", help="with all: one combined PDF instead of one file each")
    parser.add_argument("--filled", action="store_true", help="template: filled with the branch's current data")
    parser.add_argument("--era", choices=["western", "reiwa"], help="school-month: year as 西暦 or 令和")
    parser.add_argument("--out", required=True, help="file, or folder when exporting one file per school/ALT")


def parse_month(value: str | None) -> str | None:
    if value is None:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvalidInput(
            f"--month {value!r} is not a month; write it as YYYY-MM.",
            f"--month {value!r} は月ではありません。YYYY-MM の形式で指定してください。",
            field="month",
        )
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: the command line (and the app) start without it.
    from altdesk.io.export_request import ExportRequest
    from altdesk.services.exports import run_export

    options = {"era": args.era} if args.era else {}
    if ctx.lang == "ja":
        options["lang"] = "ja"  # the import template's sheets, headers and drop-downs in Japanese
    request = ExportRequest(
        format=args.format,
        report=args.report,
        out=Path(args.out).expanduser(),
        month=parse_month(args.month),
        date_from=parse_date(args.date_from, "--from"),
        date_to=parse_date(args.date_to, "--to"),
        school=args.school,
        alt=args.alt,
        combined=args.combined,
        filled=args.filled,
        options=options,
        out_is_folder=args.out.endswith(tuple(sep for sep in (os.sep, os.altsep, "/") if sep)),
    )
    result = run_export(ctx.workspace(), request)
    for warning in result.warnings:
        print(warning)
    ctx.say(
        result.summary_en or f"Wrote {len(result.files)} file(s).",
        result.summary_ja or f"{len(result.files)} 件のファイルを書き出しました。",
    )
    return 0
