"""`undo [OPERATION_ID]`: take back an edit from the journal (default: the newest one in effect,
by anyone), exactly, or refuse with the reason and change nothing."""

from __future__ import annotations

import argparse

NAME = "undo"
HELP = "take back an edit (default: the newest that can be undone, by anyone); see `history`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("operation_id", nargs="?", type=int, metavar="OPERATION_ID",
                        help="the edit's number in `history` (default: the newest that can be undone)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.operations import undo

    return report(undo(ctx.workspace(), args.operation_id), args, ctx, "Undone", "元に戻しました")


def report(record, args: argparse.Namespace, ctx, done_en: str, done_ja: str) -> int:  # type: ignore[no-untyped-def]
    import json

    from altdesk.operations import operation

    target = operation(ctx.workspace(), record.operation_id).reverts if record.operation_id else None
    if args.json:
        print(json.dumps({"operation_id": record.operation_id, "reverts": target, "text_en": record.text_en,
                          "text_ja": record.text_ja, "months": list(record.months), "topics": sorted(record.topics),
                          "rows": [{"entity": r.entity, "id": r.id, "action": r.action} for r in record.rows]},
                         ensure_ascii=False, indent=1))
        return 0
    en = record.text_en.split(": ", 1)[-1]
    ja = record.text_ja.split(": ", 1)[-1]
    ctx.say(f"{done_en}: {en} (operation {target}; {len(record.rows)} record(s)).",
            f"{done_ja}：{ja}（操作 {target}、{len(record.rows)} 件）。")
    return 0
