"""`month close|reopen|status YYYY-MM`: close a month whose actuals (実績) went to head office.

A closed month refuses an edit to its visits, absences and events unless a reason is given
(the window asks for one); each such edit is listed as a correction on the next actuals."""

from __future__ import annotations

import argparse
import json

NAME = "month"
HELP = "close a month after its actuals went to head office, reopen it, or show which months are closed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["close", "reopen", "status"], help="what to do")
    parser.add_argument("month", nargs="?", help="YYYY-MM (status: every closed month when left out)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.commands.export import parse_month
    from altdesk.errors import InvalidInput
    from altdesk.operations import perform
    from altdesk.services import month_close

    month = parse_month(args.month)
    ws = ctx.workspace()
    if args.action == "status":
        closed = month_close.closed_months(ws)
        if month is not None:
            closed = [c for c in closed if c.month == month]
        payload = {"closed": [c.as_json() for c in closed],
                   "corrections": [{"month": c.month, "at": c.at.isoformat(), "actor": c.actor, "entity": c.entity,
                                    "entity_id": c.entity_id, "summary": c.summary, "reason": c.reason}
                                   for c in month_close.corrections(ws, month)]}
        if args.json:
            print(json.dumps(payload, ensure_ascii=False, indent=1))
        elif not closed:
            ctx.say("No month is closed." if month is None else f"{month} is not closed.",
                    "締め済みの月はありません。" if month is None else f"{month} は締められていません。")
        else:
            for c in closed:
                ctx.say(f"{c.month}: closed {c.closed_at:%Y-%m-%d %H:%M} UTC by {c.actor}",
                        f"{c.month}：締め済み {c.closed_at:%Y-%m-%d %H:%M} UTC（{c.actor}）")
        return 0
    if month is None:
        raise InvalidInput("Give the month, as YYYY-MM.", "対象月を YYYY-MM の形式で指定してください。", field="month")
    if args.action == "close":
        info, _ = perform(ws, f"Close {month}", f"{month} を締める", lambda: month_close.close_month(ws, month))
        en, ja = f"Closed {month}: an edit to it now needs a reason.", f"{month} を締めました。以後の変更には理由が必要です。"
    else:
        info, _ = perform(ws, f"Reopen {month}", f"{month} の締めを解除",
                          lambda: month_close.reopen_month(ws, month))
        en, ja = f"Reopened {month}.", f"{month} の締めを解除しました。"
    if args.json:
        print(json.dumps({"action": args.action, **info.as_json()}, ensure_ascii=False, indent=1))
    else:
        ctx.say(en, ja)
    return 0
