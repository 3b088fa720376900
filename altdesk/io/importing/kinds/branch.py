"""Branch sheet: the branch's own name, address and phone (they sign every schedule and order
sheet) and the lunch notice rule boards use unless they have their own. One row; it updates
the branch this import goes into."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from altdesk.db.branch_settings import load_branch_settings, save_branch_settings
from altdesk.db.models import Branch
from altdesk.io.importing import domain_values as dv
from altdesk.io.importing.plan import PlanContext, PlanItem, item_for, same
from altdesk.io.importing.schema import Field, ParsedSheet, Schema
from altdesk.io.importing.text import plain_text
from altdesk.io.importing.writing import WriteContext
from altdesk.lunch.notice import InvalidNoticeRule, parse_rule

FIELDS: tuple[Field, ...] = (
    Field("name", "Branch name (ja)", ("支店名", "事業所名", "営業所名", "branch", "branch name"), plain_text,
          help_en="The branch's name in Japanese, as schools read it on schedules and order sheets.",
          help_ja="支店名（訪問予定表・給食注文票に記載されます）。", example="ALTdesk さくら支店", max_length=200, width=24),
    Field("name_en", "Branch name (en)", ("支店名（英語）", "英語名", "branch name (english)"), plain_text,
          help_en="The name in English, for ALTs.", help_ja="英語の支店名（ALT 向け）。", example="Sakura Branch",
          max_length=200, width=22),
    Field("address", "Address", ("住所", "所在地"), plain_text, help_en="The branch's postal address.",
          help_ja="支店の住所。", example="千葉県さくら市本町1-1", max_length=300, width=28),
    Field("phone", "Phone", ("電話番号", "電話", "TEL"), plain_text, help_en="The number schools call.",
          help_ja="学校からの連絡先の電話番号。", example="043-123-4567", max_length=40, width=16, number_format="@"),
    Field("lunch_notice", "Lunch notice", ("給食連絡期限", "給食連絡の期限", "lunch notice rule"), dv.parse_notice_rule,
          help_en="When boards without a rule of their own need lunch changes. Empty: day 20 of the previous month.",
          help_ja="独自の期限がない教育委員会への給食連絡の期限。空欄は前月20日。", allowed_en=dv.NOTICE_HELP_EN,
          allowed_ja=dv.NOTICE_HELP_JA, example="4 school days before, 11:00", width=24),
)
SCHEMA = Schema(
    kind="branch", sheet="Branch", sheet_aliases=("支店", "支店情報", "事業所", "Branch office"),
    label_en="branch", label_ja="支店", fields=FIELDS, required_groups=(("name", "phone"), ("name", "address")),
    key_columns=("name",),
)
TEXT_FIELDS = ("name", "name_en", "address", "phone")


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    rows = [record for record in sheet.records if record.ok]
    for extra in rows[1:]:
        sheet.problems.append(sheet.problem(extra, "name", "The Branch sheet holds one row: the branch itself.",
                                            "支店シートは 1 行（この支店）だけです。"))
    if not rows or len(rows) > 1:
        return
    record = rows[0]
    branch = ctx.session.get(Branch, ctx.branch_id)
    assert branch is not None
    target: dict[str, Any] = {name: (record.values.get(name) or "").strip() for name in TEXT_FIELDS if sheet.has(name)}
    if "name" in target and not target["name"]:
        sheet.problems.append(sheet.problem(record, "name", "The branch needs a name: it signs every schedule.",
                                            "支店名は必須です（訪問予定表に記載されます）。"))
        return
    changes = [name for name, value in target.items() if not same(getattr(branch, name), value)]
    if sheet.has("lunch_notice"):
        rule = record.values.get("lunch_notice")
        if rule is not None:
            try:
                rule = parse_rule(rule, "the branch").as_json()
            except InvalidNoticeRule as problem:
                sheet.problems.append(sheet.problem(record, "lunch_notice", problem.message_en, problem.message_ja))
                return
        target["lunch_notice_rule"] = rule
        if load_branch_settings(ctx.session, ctx.branch_id).lunch_notice_rule != rule:
            changes.append("lunch_notice_rule")
    label = target.get("name") or branch.name
    ctx.add(item_for(sheet, record, "branch", "update" if changes else "unchanged", branch.code, label, target,
                     branch, tuple(changes)))


def write(wctx: WriteContext, item: PlanItem) -> None:
    if item.action != "update":
        return
    branch: Branch = item.existing
    for name in TEXT_FIELDS:
        if name in item.values:
            setattr(branch, name, item.values[name])
    if "lunch_notice_rule" in item.values:
        settings = load_branch_settings(wctx.session, wctx.branch_id)
        save_branch_settings(wctx.session, wctx.branch_id, settings.changed(lunch_notice_rule=item.values["lunch_notice_rule"]))


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    branch = session.get(Branch, branch_id)
    if branch is None:
        return []
    rule = load_branch_settings(session, branch_id).lunch_notice_rule
    return [{"name": branch.name, "name_en": branch.name_en, "address": branch.address, "phone": branch.phone,
             "lunch_notice": dv.format_notice_rule(rule)}]
