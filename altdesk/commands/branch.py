"""`branch show|set`: the branch's name, address and phone (they sign every schedule and order
sheet) and its default lunch notice rule."""

from __future__ import annotations

import argparse
import json

NAME = "branch"
HELP = "show or set the branch's name, address, phone and default lunch notice rule"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="show the branch's details", description="Show the branch's details.")
    show.add_argument("--json", action="store_true", help="print JSON")
    change = actions.add_parser("set", help="change some of the branch's details",
                                description="Change the branch's details; what is not given stays as it is.")
    change.add_argument("--name", help="the branch's name in Japanese, e.g. ALTdesk さくら支店")
    change.add_argument("--name-en", help="the branch's name in English")
    change.add_argument("--address", help="the branch's address")
    change.add_argument("--phone", help="the branch's phone number, e.g. 043-123-4567")
    change.add_argument("--notice-rule", metavar="RULE",
                        help="default lunch notice rule for boards without their own: '4 school days before, "
                             "11:00', 'day 20 of previous month' (or 4授業日前 11:00, 前月20日), or 'default'")
    change.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.branch import branch_details, update_branch_details

    ws = ctx.workspace()
    if args.action == "set":
        extra = {}
        if args.notice_rule is not None:
            extra["notice_rule"] = _rule(args.notice_rule)
        from altdesk.operations import perform

        details, _ = perform(ws, "Edit branch details", "支店情報を編集", lambda: update_branch_details(
            ws, name=args.name, name_en=args.name_en, address=args.address, phone=args.phone, **extra))
    else:
        details = branch_details(ws)
    if args.json:
        print(json.dumps({"code": details.code, "name": details.name, "name_en": details.name_en,
                          "address": details.address, "phone": details.phone,
                          "notice_rule": details.effective_notice_rule,
                          "notice_rule_is_default": details.notice_rule is None}, ensure_ascii=False, indent=1))
        return 0
    if args.action == "set":
        ctx.say("Saved.", "保存しました。")
    default_en = " (default)" if details.notice_rule is None else ""
    default_ja = "（既定）" if details.notice_rule is None else ""
    rows = [("Code", "支店コード", details.code), ("Name", "支店名", details.name),
            ("Name (English)", "支店名（英語）", details.name_en), ("Address", "住所", details.address),
            ("Phone", "電話番号", details.phone),
            ("Lunch notice rule", "給食連絡の期限",
             details.notice_rule_text(ctx.lang) + (default_ja if ctx.lang == "ja" else default_en))]
    for en, ja, value in rows:
        print(f"{ja if ctx.lang == 'ja' else en}: {value or '-'}")
    return 0


def _rule(text: str) -> dict | None:
    """A rule written as people write it (the import template's wording); 'default' clears it."""
    from altdesk.errors import InvalidInput
    from altdesk.io.importing.domain_values import NOTICE_HELP_EN, NOTICE_HELP_JA, parse_notice_rule
    from altdesk.io.importing.problems import CellError
    from altdesk.io.importing.text import CellContext

    if text.strip().lower() in ("default", "既定", "none", ""):
        return None
    try:
        rule = parse_notice_rule(text, CellContext())
    except CellError:
        raise InvalidInput(f"--notice-rule {text!r}: {NOTICE_HELP_EN}", f"--notice-rule {text!r}：{NOTICE_HELP_JA}",
                           field="--notice-rule") from None
    return rule
