"""`send`: send a month to every school and ALT at once (altdesk.services.month_end).

Exit 2 with the list when something blocks the month (errors, uncovered visits, lunch to
review): nothing is written or marked sent. `--force` sends anyway and the sent record says
so; `--dry-run` lists the blockers and what would go out, writes nothing, and exits 2 when
the month is blocked (so a script can ask "is the month ready?")."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

NAME = "send"
HELP = "send a month: every school's schedule and lunch order sheet, board print files, ALT months and .ics"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", required=True, help="YYYY-MM (usually next month)")
    parser.add_argument("--out", help="folder to write into (the month's files go in a folder named YYYY-MM)")
    parser.add_argument("--json", action="store_true", help="print what was (or would be) sent as JSON")
    parser.add_argument("--dry-run", action="store_true", help="list blockers and what would go out; write nothing")
    parser.add_argument("--force", action="store_true", help="send even when something blocks the month")


def _problem_line(problem, lang: str) -> str:  # type: ignore[no-untyped-def]
    from altdesk.services.month_end import CATEGORY_LABELS

    label = CATEGORY_LABELS[problem.category][1 if lang == "ja" else 0]
    return f"  [{label}] {problem.message(lang)}"


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: the command line (and the app) start without it.
    from altdesk.commands.export import parse_month
    from altdesk.errors import InvalidInput
    from altdesk.services.month_end import MonthBlocked, prepare_send, send_month

    month = parse_month(args.month)
    assert month is not None
    ws = ctx.workspace()
    if args.dry_run:
        plan = prepare_send(ws, month)
        if args.json:
            print(json.dumps({"dry_run": True, **plan.as_json()}, ensure_ascii=False, indent=1))
        else:
            _print_plan(plan, ctx)
        return 2 if plan.blocked and not args.force else 0
    if not args.out:
        raise InvalidInput("Give the folder to write into with --out DIR (or use --dry-run).",
                           "書き出し先のフォルダーを --out DIR で指定してください（または --dry-run）。", field="out")
    try:
        result = send_month(ws, month, Path(args.out).expanduser(), force=args.force)
    except MonthBlocked as blocked:
        if args.json:
            print(json.dumps({"month": month, "sent": False, "blocked": True,
                              "blockers": [p.as_json() for p in blocked.blockers]}, ensure_ascii=False, indent=1))
        raise
    if args.json:
        print(json.dumps({**result.plan.as_json(), "sent": True, "folder": str(result.folder),
                          "sent_at": result.sent_at.isoformat(), "sent_by": ws.actor,
                          "new_issues": result.recorded, "forced": args.force}, ensure_ascii=False, indent=1))
        return 0
    for problem in result.plan.problems:
        print(_problem_line(problem, ctx.lang))
    ctx.say(result.summary("en"), result.summary("ja"))
    return 0


def _print_plan(plan, ctx) -> None:  # type: ignore[no-untyped-def]
    lang = ctx.lang
    ja = lang == "ja"
    if plan.problems:
        print("送付を止める問題と警告：" if ja else "Blockers and warnings:")
        for problem in plan.problems:
            print(_problem_line(problem, lang))
    print("学校：" if ja else "Schools:")
    for school in plan.schools:
        print(f"  {school.code} {school.name_ja}: {school.status(lang)}")
        for change in (*school.schedule_changes, *school.order_changes):
            print(f"      変更箇所: {change}" if ja else f"      change: {change}")
    print("ALT：" if ja else "ALTs:")
    for alt in plan.alts:
        print(f"  {alt.code} {alt.name}: " + (f"訪問 {alt.visits} 件（PDF、.ics）" if ja
                                              else f"{alt.visits} visit(s) (PDF, .ics)"))
    print(plan.state.describe(lang))
    if plan.blocked:
        ctx.say(f"{plan.month} cannot be sent yet: {len(plan.blockers)} problem(s) to fix (or send with --force).",
                f"{plan.month} はまだ送付できません。直す問題が {len(plan.blockers)} 件あります（--force で強制送付）。")
    else:
        ctx.say(f"{plan.month} is ready: {len(plan.files)} file(s) would be written ({plan.new_issues} new issue(s)).",
                f"{plan.month} は送付できます：{len(plan.files)} 件のファイル（新たな発行 {plan.new_issues} 件）。")
