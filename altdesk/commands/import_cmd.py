"""`import`: read the spreadsheets a branch keeps (xlsx or CSV) into the database.

Everything is checked before anything is written; then all of it is written in one
transaction, or nothing is. Exit 0: imported (or, with --dry-run, would import);
2: rejected, with every problem listed and nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the importer loads at run time: the desktop app starts without it
    from altdesk.io.importing import Problem
    from altdesk.services import importing

KIND_CHOICES = ("branch", "schools", "alts", "placements", "closures", "events", "absences", "demand", "travel_times")

NAME = "import"
HELP = "import the branch, schools, ALTs, placements, closures, events and absences from Excel (.xlsx) or CSV"
LIST_LIMIT = 200  # changes listed one by one in a dry run; the counts cover the rest
ONE = {"boards": ("board", "教育委員会"), "schools": ("school", "学校"), "alts": ("ALT", "ALT"),
       "placements": ("placement", "配置"), "closures": ("closure", "休業日"), "events": ("event", "行事"),
       "absences": ("absence", "不在"), "branch": ("branch", "支店"),
       "demand": ("school's demand", "学校の需要"), "travel_times": ("travel time", "移動時間")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="xlsx workbook(s) or CSV file(s)")
    parser.add_argument("--kind", choices=KIND_CHOICES,
                        help="what the file holds (default: told by sheet names or headers)")
    parser.add_argument("--dry-run", action="store_true",
                        help="check and report what would be created, updated and left alone; write nothing")
    parser.add_argument("--json", action="store_true",
                        help="print the problems as a JSON list (file, sheet, row, column, value, message_en, message_ja)")


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _print_problems(problems: list[Problem] | tuple[Problem, ...], lang: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
        return
    for problem in problems:
        _err(problem.describe(lang))


def _kind_label(kind: str, lang: str) -> str:
    from altdesk.io.importing import KIND_LABELS

    en, ja = KIND_LABELS[kind]
    return ja if lang == "ja" else en


def _counts_lines(counts: dict[str, dict[str, int]], lang: str, would: bool) -> list[str]:
    lines = []
    for kind, tally in counts.items():
        label = _kind_label(kind, lang)
        if lang == "ja":
            verb = "予定" if would else ""
            lines.append(f"  {label}：新規 {tally['create']} 件、更新 {tally['update']} 件、変更なし {tally['unchanged']} 件{verb}")
        elif would:
            lines.append(f"  {label}: {tally['create']} to create, {tally['update']} to update, "
                         f"{tally['unchanged']} left alone")
        else:
            lines.append(f"  {label}: {tally['create']} created, {tally['update']} updated, "
                         f"{tally['unchanged']} left alone")
    return lines


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.io.importing import ImportFileError, ImportRejected
    from altdesk.services import importing

    lang = ctx.lang
    out = _err if args.json else print  # with --json, stdout carries the JSON alone
    try:
        preview = importing.preview(ctx.workspace(), args.files, args.kind)
    except ImportFileError as exc:
        if args.json:
            _print_problems([exc.problem], lang, True)
            _err(exc.message(lang))
            return exc.exit_code
        raise
    for source in preview.files:
        if source.encoding:
            out(f"{source.path}: 文字コード {source.encoding} として読みました。" if lang == "ja"
                else f"{source.path}: read as {source.encoding}.")
    if not preview.ok:
        _print_problems(preview.problems, lang, args.json)
        errors = len(preview.errors)
        out(f"取り込みませんでした：{errors} 件の問題を直してください。何も変更していません。" if lang == "ja"
            else f"Not imported: {errors} problem(s) to fix. Nothing was changed.")
        return 2
    if args.dry_run:
        _print_problems(preview.problems, lang, args.json)
        out("試行（--dry-run）：何も書き込んでいません。取り込むと次のようになります：" if lang == "ja"
            else "Dry run: nothing was written. Importing would do this:")
        for line in _counts_lines(preview.counts, lang, would=True):
            out(line)
        listed = [c for c in preview.changes if c.action != "unchanged"]
        for change in listed[:LIST_LIMIT]:
            out(_change_line(change, lang))
        if len(listed) > LIST_LIMIT:
            out(f"  … 他 {len(listed) - LIST_LIMIT} 件" if lang == "ja" else f"  … and {len(listed) - LIST_LIMIT} more")
        if any(c.kind == "placements" for c in listed):
            out("新規・変更の配置には、取り込み時に訪問予定を生成します（手で編集した訪問はそのまま）。" if lang == "ja"
                else "New and changed placements get their visits generated when imported (visits edited by hand are kept).")
        return 0
    try:
        outcome = importing.apply(ctx.workspace(), preview)
    except ImportRejected as exc:  # the database changed between the check and the write
        _print_problems(exc.problems, lang, args.json)
        out(exc.message(lang))
        return exc.exit_code
    _print_problems(outcome.warnings, lang, args.json)
    out("取り込みました：" if lang == "ja" else "Imported:")
    for line in _counts_lines(outcome.counts, lang, would=False):
        out(line)
    visits = outcome.visits
    if any(visits.values()):
        out(f"  訪問（新規・変更した配置から生成）：作成 {visits['created']} 件、更新 {visits['updated']} 件、削除 {visits['deleted']} 件"
            if lang == "ja" else
            f"  visits of new and changed placements: {visits['created']} generated, {visits['updated']} updated, "
            f"{visits['deleted']} removed")
    return 0


def _change_line(change: importing.Change, lang: str) -> str:
    kind = ONE[change.kind][1 if lang == "ja" else 0]
    labels = change.shown_labels(lang)
    if lang == "ja":
        action = {"create": "新規", "update": "更新"}[change.action]
        fields = f"：{'、'.join(labels)}" if labels else ""
    else:
        action = {"create": "create", "update": "update"}[change.action]
        fields = f": {', '.join(labels)}" if labels else ""
    return f"  {action} {kind} {change.shown_key(lang)} {change.label}{fields}"
