"""`month close|reopen|status YYYY-MM`: close a month whose actuals (実績) went to head office.

A closed month refuses an edit to its visits, absences and events unless a reason is given
(the window asks for one; `absence` and `event` take it as --reason); each such edit is listed as a
correction on the next actuals."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager

NAME = "month"
HELP = "close a month after its actuals went to head office, reopen it, or show which months are closed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["close", "reopen", "status"], help="what to do")
    parser.add_argument("month", nargs="?", help="YYYY-MM (status: every closed month when left out)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def add_reason_argument(parser: argparse.ArgumentParser) -> None:
    """--reason for a command that edits visits, absences or events (absence, event)."""
    parser.add_argument("--reason", metavar="TEXT",
                        help="why a closed month must change: an edit to a closed month is refused without it, "
                             "and with it is listed as a correction on the next actuals")


@contextmanager
def closed_month_reason(reason: str | None) -> Iterator[None]:
    """The edit inside may change a closed month when --reason was given (inside edit_reason, so it
    is recorded as a correction); without one, a closed month's refusal says to give --reason."""
    from altdesk.errors import InvalidInput, MonthClosed
    from altdesk.services.month_close import edit_reason

    try:
        with edit_reason(reason or ""):
            yield
    except MonthClosed as refused:
        if reason and reason.strip():  # not refused for want of a reason: as the core says it
            raise
        shown = ", ".join(refused.months)
        # The core's message asks for "a reason"; here the person needs to know which option gives it.
        raise InvalidInput(
            f"{shown} is closed (its actuals went to head office): nothing was changed. To change it, "
            "run the command again with --reason TEXT saying why; the change will show as a correction "
            "on the next actuals.",
            f"{shown} は締め済みです（実績報告済み）。何も変更していません。変更するには --reason で理由を"
            "指定して、もう一度実行してください。変更は次回の実績報告に訂正として記載されます。",
            field="--reason") from None


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
