"""Closures sheet: board breaks and closure days, school days off, branch closures.

Found again by kind + board or school + start date, so a second import updates the
end date and names instead of adding a copy.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from altdesk.db.enums import DayOffKind
from altdesk.db.models import Board, DayOff, School
from altdesk.io.importing import domain_values as dv
from altdesk.io.importing.dates import ja_date, parse_date
from altdesk.io.importing.plan import PlanContext, PlanItem, diff, item_for, unknown_code_problem
from altdesk.io.importing.schema import Field, ParsedSheet, Record, Schema
from altdesk.io.importing.text import code, nfkc, plain_text
from altdesk.io.importing.writing import WriteContext

FIELDS: tuple[Field, ...] = (
    Field("kind", "Kind", ("区分", "種類", "種別", "type"), dv.parse_day_off_kind, required=True,
          help_en="What kind of day off, which decides whether a board or a school is named.",
          help_ja="休みの種類。教育委員会と学校のどちらを指定するかが決まります。", allowed_en=dv.DAY_OFF_ALLOWED_EN,
          allowed_ja=dv.DAY_OFF_ALLOWED_JA, example="break", width=15,
          choices=("break", "closure", "school_day_off", "branch_closure")),
    Field("board", "Board", ("教育委員会コード", "教育委員会", "教委", "board code"), plain_text,
          help_en="For break and closure: the board's code (or name).", help_ja="長期休業・学校閉庁日のとき：教育委員会のコード（または名前）。",
          example="B001", width=11, number_format="@"),
    Field("school_code", "School code", ("学校コード", "学校番号", "school"), code,
          help_en="For school_day_off: the school's code.", help_ja="学校休業日のとき：学校のコード。", example="S0001",
          max_length=20, width=11, number_format="@"),
    Field("start_date", "Start date", ("開始日", "日付", "休業開始日", "date", "from"), parse_date, required=True,
          help_en="First day off.", help_ja="休みの初日。", example="2026-07-21", number_format="yyyy-mm-dd", width=12),
    Field("end_date", "End date", ("終了日", "休業終了日", "to", "until"), parse_date,
          help_en="Last day off. Empty: the start date (one day).", help_ja="休みの最終日。空欄は開始日と同じ（1 日）。",
          example="2026-08-31", number_format="yyyy-mm-dd", width=12),
    Field("name_ja", "Name (ja)", ("名称", "名前", "休業名", "name"), plain_text,
          help_en="Shown on schedules. Empty: the kind's name.", help_ja="予定表に表示する名前。空欄は種類名。",
          example="夏季休業", max_length=200, width=18),
    Field("name_en", "Name (en)", ("名称（英語）", "英語名", "english name"), plain_text, help_en="The name in English.",
          help_ja="英語の名前。", example="Summer break", max_length=200, width=18),
)

SCHEMA = Schema(
    kind="closures", sheet="Closures", sheet_aliases=("休業日", "休み", "休業", "学校閉庁日", "休業日一覧", "Closure"),
    label_en="closure", label_ja="休業日", fields=FIELDS, required_groups=(("kind", "start_date"),),
    key_columns=("kind", "start_date"),
)
KIND_EN = {DayOffKind.BREAK: "Break", DayOffKind.CLOSURE: "School closure days",
           DayOffKind.SCHOOL_DAY_OFF: "School day off", DayOffKind.BRANCH_CLOSURE: "Branch closure"}


def _existing(ctx: PlanContext) -> dict[tuple[str, str | None, dt.date], DayOff]:
    board, school = aliased(Board), aliased(School)
    rows = ctx.session.execute(
        select(DayOff, board.code, school.code)
        .outerjoin(board, DayOff.board_id == board.id)
        .outerjoin(school, DayOff.school_id == school.id)
        .where(DayOff.branch_id == ctx.branch_id)
    ).all()
    found: dict[tuple[str, str | None, dt.date], DayOff] = {}
    for day_off, board_code, school_code in rows:
        found.setdefault((str(day_off.kind), board_code or school_code, day_off.start_date), day_off)
    return found


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    existing_by_key = _existing(ctx)
    for record in sheet.records:
        values = record.values
        kind, start = values.get("kind"), values.get("start_date")
        if not record.ok or kind is None or start is None:
            continue
        scope = _scope(ctx, sheet, record, kind)
        if scope is False:
            continue
        end = values.get("end_date") or start
        if end < start:
            sheet.problems.append(sheet.problem(record, "end_date", "The end date is before the start date.",
                                                "終了日が開始日より前です。"))
            continue
        key = (str(kind), scope, start)
        shown = f"{kind} {scope + ' ' if scope else ''}from {start.isoformat()}"
        shown_ja = f"{dv.DAY_OFF_LABELS_JA[kind]} {scope + ' ' if scope else ''}{ja_date(start)}から"
        if not ctx.claim(sheet, record, "closures", key, f"The closure {shown}", "start_date"):
            continue
        target: dict[str, Any] = {"end_date": end}
        if sheet.has("name_ja") or key not in existing_by_key:
            target["name_ja"] = values.get("name_ja") or dv.DAY_OFF_LABELS_JA[kind]
        if sheet.has("name_en") or key not in existing_by_key:
            target["name_en"] = values.get("name_en") or ("" if sheet.has("name_en") else KIND_EN[kind])
        existing = existing_by_key.get(key)
        label = target.get("name_ja") or (existing.name_ja if existing else "")
        if existing is None:
            ctx.add(item_for(sheet, record, "closures", "create", shown, label, target,
                             extra={"kind": kind, "scope": scope, "start_date": start}, key_ja=shown_ja))
        else:
            changes = diff(existing, target)
            ctx.add(item_for(sheet, record, "closures", "update" if changes else "unchanged", shown, label, target,
                             existing, changes, key_ja=shown_ja))


def _scope(ctx: PlanContext, sheet: ParsedSheet, record: Record, kind: DayOffKind) -> str | None | bool:
    """The board or school code the kind needs; False after reporting a problem."""
    values = record.values
    board_text = (values.get("board") or "").strip()
    school_code = values.get("school_code")
    if kind in (DayOffKind.BREAK, DayOffKind.CLOSURE):
        if school_code:
            sheet.problems.append(sheet.problem(
                record, "school_code",
                "A break or closure belongs to a board: leave School code empty (use school_day_off for one school).",
                "長期休業・学校閉庁日は教育委員会単位です。学校コードは空欄にしてください（1 校だけなら学校休業日）。"))
            return False
        if not board_text:
            sheet.problems.append(sheet.problem(
                record, "board" if sheet.has("board") else "kind",
                "A break or closure needs the board (its code or name).",
                "長期休業・学校閉庁日には教育委員会（コードまたは名前）が必要です。"))
            return False
        board_code = ctx.board_code_for(board_text) or ctx.board_code_for(nfkc(board_text).replace(" ", ""))
        if board_code is None:
            sheet.problems.append(sheet.problem(
                record, "board", f"There is no board {board_text} in this branch or in this import.",
                f"教育委員会「{board_text}」は、この支店にも取り込むデータにもありません。"))
            return False
        return board_code
    if kind == DayOffKind.SCHOOL_DAY_OFF:
        if board_text:
            sheet.problems.append(sheet.problem(
                record, "board", "A school day off belongs to one school: leave Board empty.",
                "学校休業日は 1 校単位です。教育委員会は空欄にしてください。"))
            return False
        if not school_code:
            sheet.problems.append(sheet.problem(
                record, "school_code" if sheet.has("school_code") else "kind",
                "A school day off needs the school code.", "学校休業日には学校コードが必要です。"))
            return False
        if not ctx.school_known(school_code):
            sheet.problems.append(unknown_code_problem(sheet, record, "school_code", "school", "学校", school_code,
                                                       ctx.schools))
            return False
        return school_code
    if board_text or school_code:
        sheet.problems.append(sheet.problem(
            record, "board" if board_text else "school_code",
            "A branch closure applies to the whole branch: leave Board and School code empty.",
            "支店休業日は支店全体に適用されます。教育委員会と学校コードは空欄にしてください。"))
        return False
    return None


def write(wctx: WriteContext, item: PlanItem) -> None:
    if item.action == "create":
        kind: DayOffKind = item.extra["kind"]
        scope = item.extra["scope"]
        wctx.session.add(DayOff(
            branch_id=wctx.branch_id,
            kind=kind,
            board_id=wctx.board_ids[scope] if kind in (DayOffKind.BREAK, DayOffKind.CLOSURE) else None,
            school_id=wctx.school_ids[scope] if kind == DayOffKind.SCHOOL_DAY_OFF else None,
            start_date=item.extra["start_date"],
            **{"name_en": "", **item.values},
        ))
    elif item.action == "update":
        for name, value in item.values.items():
            setattr(item.existing, name, value)


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    board, school = aliased(Board), aliased(School)
    query = (
        select(DayOff, board.code, school.code)
        .outerjoin(board, DayOff.board_id == board.id)
        .outerjoin(school, DayOff.school_id == school.id)
        .where(DayOff.branch_id == branch_id)
        .order_by(DayOff.kind, board.code, school.code, DayOff.start_date)
    )
    return [
        {"kind": str(day_off.kind), "board": board_code or "", "school_code": school_code or "",
         "start_date": day_off.start_date, "end_date": day_off.end_date, "name_ja": day_off.name_ja,
         "name_en": day_off.name_en}
        for day_off, board_code, school_code in session.execute(query)
    ]
