"""`history`: the branch's journal of edits, newest first (who, when, what, and whether undo can
take it back)."""

from __future__ import annotations

import argparse
import json
from typing import Any

NAME = "history"
HELP = "list the branch's edits, newest first: who, when, what, and whether each can be undone"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=int, default=20, help="how many operations (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def operation_json(info: Any) -> dict[str, Any]:
    return {"id": info.id, "at": info.at.isoformat(), "actor": info.actor, "kind": info.kind.value,
            "text_en": info.text_en, "text_ja": info.text_ja, "undoable": info.undoable and info.kind.value == "edit",
            "why_not_undoable_en": info.why_not_undoable("en"), "why_not_undoable_ja": info.why_not_undoable("ja"),
            "state": info.state.value, "reverts": info.reverts, "topics": list(info.topics),
            "months": list(info.months)}


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.errors import InvalidInput
    from altdesk.operations import history

    if args.limit < 1:
        raise InvalidInput("--limit must be 1 or more.", "--limit は1以上にしてください。", field="--limit")
    lines = history(ctx.workspace(), args.limit)
    if args.json:
        print(json.dumps([operation_json(i) for i in lines], ensure_ascii=False, indent=1))
        return 0
    if not lines:
        ctx.say("No edits recorded yet.", "記録された操作はまだありません。")
    for info in lines:
        state = ""
        if info.kind.value == "edit":
            if info.state.value == "undone":
                state = " [元に戻し済み]" if ctx.lang == "ja" else " [undone]"
            elif not info.undoable:
                state = " [元に戻せません]" if ctx.lang == "ja" else " [cannot be undone]"
        print(f"{info.id:>6}  {info.at:%Y-%m-%d %H:%M}  {info.actor}  {info.text(ctx.lang)}{state}")
    return 0
