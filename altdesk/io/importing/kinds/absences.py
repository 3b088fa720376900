"""Absences sheet: ALTs' paid leave, sick days, training and compensatory days off.

An absence is found again by ALT code + start date, so a second import updates its end, kind
and note instead of adding a copy. The same rules as the absence form apply: the last day is
not before the first, at most a year, no two absences of one ALT on the same day, and a
compensatory day that belongs to a school event is changed through the event. Visits on the
days stay as they are, uncovered, as when an absence is recorded in the window: the
substitute finder and `altdesk substitute` list them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.enums import AbsenceKind
from altdesk.db.models import Absence, Alt
from altdesk.io.importing.dates import ja_date, parse_date
from altdesk.io.importing.plan import PlanContext, PlanItem, diff, item_for, unknown_code_problem
from altdesk.io.importing.schema import Field, ParsedSheet, Schema
from altdesk.io.importing.text import code, enum, lookup_key, plain_text
from altdesk.io.importing.writing import WriteContext
from altdesk.labels import ABSENCE_KIND_LABELS, ABSENCE_KIND_WORDS

MAX_DAYS = 366
MAX_NOTE = 1000
KIND_ALLOWED_EN = "paid_leave, sick, training, compensatory (or 有給休暇, 病欠, 研修, 振替休日)"
KIND_ALLOWED_JA = "有給休暇、病欠、研修、振替休日（または paid_leave, sick, training, compensatory）"
parse_absence_kind = enum({lookup_key(word): kind for kind, words in ABSENCE_KIND_WORDS.items()
                           for word in (str(kind), *ABSENCE_KIND_LABELS[kind], *words)},
                          KIND_ALLOWED_EN, KIND_ALLOWED_JA)

FIELDS: tuple[Field, ...] = (
    Field("alt_code", "ALT code", ("ALTコード", "ALT番号", "ALT", "alt"), code, required=True,
          help_en="The absent ALT's code.", help_ja="不在の ALT のコード。", example="A0001", max_length=20, width=11,
          number_format="@"),
    Field("alt_name", "ALT name", ("ALT名", "ALT氏名", "氏名"), plain_text, reference_only=True,
          help_en="For reading only; ignored on import.", help_ja="確認用。取り込みでは使いません。", example="Emily Smith",
          width=20),
    Field("kind", "Kind", ("種類", "区分", "不在の種類", "休暇の種類", "type"), parse_absence_kind, required=True,
          help_en="The kind of absence.", help_ja="不在の種類。", allowed_en=KIND_ALLOWED_EN, allowed_ja=KIND_ALLOWED_JA,
          example="paid_leave", width=14, choices=("paid_leave", "sick", "training", "compensatory")),
    Field("start_date", "Start date", ("開始日", "日付", "休暇開始日", "不在開始日", "date", "from"), parse_date, required=True,
          help_en="The first day of the absence.", help_ja="不在の初日。", example="2026-06-03", number_format="yyyy-mm-dd",
          width=12),
    Field("end_date", "End date", ("終了日", "休暇終了日", "不在終了日", "to", "until"), parse_date,
          help_en="The last day. Empty: the start date (one day).", help_ja="不在の最終日。空欄は開始日と同じ（1 日）。",
          example="2026-06-04", number_format="yyyy-mm-dd", width=12),
    Field("note", "Note", ("備考", "メモ", "理由", "notes", "reason"), plain_text,
          help_en="For the branch only; never printed for schools.", help_ja="支店内のメモ。学校向けの帳票には出ません。",
          example="通院", max_length=MAX_NOTE, width=24),
)

SCHEMA = Schema(
    kind="absences", sheet="Absences", sheet_aliases=("不在", "休暇", "休暇一覧", "不在一覧", "欠勤", "Absence", "Leave"),
    label_en="absence", label_ja="不在", fields=FIELDS, required_groups=(("alt_code", "kind", "start_date"),),
    key_columns=("alt_code", "start_date"),
)
KIND_NAMES = ABSENCE_KIND_LABELS


def _existing(ctx: PlanContext) -> dict[tuple[str, dt.date], Absence]:
    rows = ctx.session.execute(
        select(Absence, Alt.code).join(Alt, Alt.id == Absence.alt_id).where(Absence.branch_id == ctx.branch_id)
    ).all()
    return {(alt_code, absence.start_date): absence for absence, alt_code in rows}


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    existing_by_key = _existing(ctx)
    # Every absence's days, by ALT: what is stored, less what this import rewrites, plus its rows.
    taken: dict[str, list[tuple[dt.date, dt.date, Any]]] = {}
    for (alt_code, _start), absence in existing_by_key.items():
        taken.setdefault(alt_code, []).append((absence.start_date, absence.end_date, absence))
    for record in sheet.records:
        values = record.values
        alt_code, kind, start = values.get("alt_code"), values.get("kind"), values.get("start_date")
        if not record.ok or not alt_code or kind is None or start is None:
            continue
        if not ctx.alt_known(alt_code):
            sheet.problems.append(unknown_code_problem(sheet, record, "alt_code", "ALT", "ALT", alt_code, ctx.alts))
            continue
        end = values.get("end_date") or start
        if end < start:
            sheet.problems.append(sheet.problem(record, "end_date", "The last day is before the first day.",
                                                "終了日が開始日より前です。"))
            continue
        if (end - start).days + 1 > MAX_DAYS:
            sheet.problems.append(sheet.problem(record, "end_date", f"An absence can last at most {MAX_DAYS} days.",
                                                f"不在期間は最長 {MAX_DAYS} 日です。"))
            continue
        shown = f"{alt_code} {start.isoformat()}"
        shown_ja = f"{alt_code} {ja_date(start)}"
        if not ctx.claim(sheet, record, "absences", (alt_code, start), f"The absence of {shown}", "start_date"):
            continue
        existing = existing_by_key.get((alt_code, start))
        if existing is not None and existing.event_id is not None:
            sheet.problems.append(sheet.problem(
                record, "start_date",
                f"The absence of {shown} is the compensatory day off of a school event; change it in the event.",
                f"{shown} の不在は学校行事の振替休日です。行事で変更してください。"))
            continue
        clash = next((other for other in taken.get(alt_code, [])
                      if other[2] is not existing and other[0] <= end and other[1] >= start), None)
        if clash is not None:
            en, ja = KIND_NAMES.get(_kind_of(clash[2]), ("absence", "不在"))
            span = clash[0].isoformat() + (f" – {clash[1].isoformat()}" if clash[1] != clash[0] else "")
            sheet.problems.append(sheet.problem(
                record, "start_date",
                f"{alt_code} already has an absence on these days ({en}, {span}).",
                f"{alt_code} にはこの期間に既に不在があります（{ja}、{span}）。"))
            continue
        taken.setdefault(alt_code, []).append((start, end, kind))
        target: dict[str, Any] = {"end_date": end, "kind": kind}
        if sheet.has("note") or existing is None:
            target["note"] = values.get("note") or ""
        label = KIND_NAMES[kind][1]
        if existing is None:
            ctx.add(item_for(sheet, record, "absences", "create", shown, label, target,
                             extra={"alt_code": alt_code, "start_date": start}, key_ja=shown_ja))
        else:
            changes = diff(existing, target)
            ctx.add(item_for(sheet, record, "absences", "update" if changes else "unchanged", shown, label, target,
                             existing, changes, key_ja=shown_ja))


def _kind_of(what: Any) -> AbsenceKind | None:
    if isinstance(what, Absence):
        return AbsenceKind(what.kind)
    return what if isinstance(what, AbsenceKind) else None


def write(wctx: WriteContext, item: PlanItem) -> None:
    if item.action == "create":
        wctx.session.add(Absence(branch_id=wctx.branch_id, alt_id=wctx.alt_ids[item.extra["alt_code"]],
                                 start_date=item.extra["start_date"], **item.values))
    elif item.action == "update":
        for name, value in item.values.items():
            setattr(item.existing, name, value)


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    """The absences a coordinator records (those of school events ride on the Events sheet)."""
    query = (
        select(Absence, Alt.code, Alt.given_name, Alt.family_name)
        .join(Alt, Alt.id == Absence.alt_id)
        .where(Absence.branch_id == branch_id, Absence.event_id.is_(None))
        .order_by(Alt.code, Absence.start_date)
    )
    return [
        {"alt_code": alt_code, "alt_name": f"{given} {family}", "kind": str(absence.kind),
         "start_date": absence.start_date, "end_date": absence.end_date, "note": absence.note or ""}
        for absence, alt_code, given, family in session.execute(query)
    ]
