"""Placements sheet: which ALT visits which school on which weekdays, stored as an RRULE.

A placement is identified by ALT code + school code + start date (the stored one, which
alternate weeks may move to the Monday of the next week, see recurrence.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from altdesk.dates import fiscal_year_start
from altdesk.db.models import Alt, Placement, School
from altdesk.io.importing import domain_values as dv
from altdesk.io.importing.dates import ja_date, parse_date, parse_date_list, parse_time
from altdesk.io.importing.plan import PlanContext, PlanItem, diff, item_for, unknown_code_problem
from altdesk.io.importing.problems import CellError
from altdesk.io.importing.recurrence import build_rrule, describe_rrule, parse_raw_rrule
from altdesk.io.importing.schema import Field, ParsedSheet, Record, Schema
from altdesk.io.importing.text import code, integer, plain_text
from altdesk.io.importing.weekdays import (
    DAY_LABELS_EN,
    PERIODS_HELP_EN,
    PERIODS_HELP_JA,
    RRULE_DAYS,
    WEEK_HELP_EN,
    WEEK_HELP_JA,
    WEEKDAY_HELP_EN,
    WEEKDAY_HELP_JA,
    WEEKLY,
    parse_periods,
    parse_week,
    parse_weekdays,
)
from altdesk.io.importing.writing import WriteContext

FIELDS: tuple[Field, ...] = (
    Field("alt_code", "ALT code", ("ALTコード", "ALT番号", "ALT", "alt"), code, required=True,
          help_en="An ALT in the branch or in the ALTs sheet.", help_ja="支店の ALT、または ALTs シートの ALT のコード。",
          example="A0001", max_length=20, width=11, number_format="@"),
    Field("alt_name", "ALT name", ("ALT名", "ALT氏名", "氏名"), plain_text, reference_only=True,
          help_en="For reading only; ignored on import.", help_ja="確認用。取り込みでは使いません。", example="Emily Smith",
          width=20),
    Field("school_code", "School code", ("学校コード", "学校番号", "school"), code, required=True,
          help_en="A school in the branch or in the Schools sheet.", help_ja="支店の学校、または Schools シートの学校のコード。",
          example="S0001", max_length=20, width=11, number_format="@"),
    Field("school_name", "School name", ("学校名",), plain_text, reference_only=True,
          help_en="For reading only; ignored on import.", help_ja="確認用。取り込みでは使いません。", example="桜台小学校",
          width=24),
    Field("weekdays", "Weekdays", ("曜日", "訪問曜日", "勤務曜日", "days", "weekday"), parse_weekdays,
          help_en="The days of the week the ALT goes to the school.", help_ja="訪問する曜日。",
          allowed_en=WEEKDAY_HELP_EN, allowed_ja=WEEKDAY_HELP_JA, example="Mon, Wed", width=14),
    Field("week", "Week", ("週", "隔週", "第n週", "週パターン", "week pattern", "weeks"), parse_week,
          help_en="Which weeks. Week A is the week of 1 April of the fiscal year and every second week after it.",
          help_ja="どの週か。A 週は年度の 4 月 1 日を含む週から 1 週おき、B 週はその間の週。",
          allowed_en=WEEK_HELP_EN, allowed_ja=WEEK_HELP_JA, example="A", width=8),
    Field("rrule", "RRULE", ("繰り返し規則", "recurrence"), plain_text,
          help_en="Advanced: an RFC 5545 rule instead of Weekdays and Week.",
          help_ja="上級者向け：曜日と週の代わりに RFC 5545 の繰り返し規則。", example="FREQ=WEEKLY;BYDAY=MO,WE", width=16),
    Field("start_date", "Start date", ("開始日", "配置開始日", "開始", "start", "from"), parse_date, required=True,
          help_en="First day of the placement.", help_ja="配置の開始日。", example="2026-04-06", number_format="yyyy-mm-dd",
          width=12),
    Field("end_date", "End date", ("終了日", "配置終了日", "終了", "end", "until", "to"), parse_date,
          help_en="Last day. Empty: the end of the fiscal year (31 March).", help_ja="最終日。空欄は年度末（3 月 31 日）。",
          example="2027-03-31", number_format="yyyy-mm-dd", width=12),
    Field("start_time", "Start time", ("開始時刻", "出勤時刻", "始業", "arrive"), parse_time,
          help_en="When the ALT arrives. Empty: 8:15.", help_ja="出勤時刻。空欄は 8:15。", example="08:15",
          number_format="hh:mm", width=10),
    Field("end_time", "End time", ("終了時刻", "退勤時刻", "終業", "leave"), parse_time,
          help_en="When the ALT leaves. Empty: 16:00.", help_ja="退勤時刻。空欄は 16:00。", example="16:00",
          number_format="hh:mm", width=10),
    Field("periods", "Periods", ("校時", "担当校時", "時限"), parse_periods, help_en="Periods taught.",
          help_ja="担当する校時。", allowed_en=PERIODS_HELP_EN, allowed_ja=PERIODS_HELP_JA, example="1-4", width=9),
    Field("classes_per_day", "Classes per day", ("授業数", "1日の授業数", "コマ数", "classes"), integer(0, 12),
          help_en="Classes a day (empty: 4).", help_ja="1 日の授業数（空欄は 4）。", example="4"),
    Field("lunch_mode", "Lunch", ("給食", "昼食", "lunch mode"), dv.parse_lunch_mode,
          help_en="Empty: as the school's lunch policy.", help_ja="空欄は学校の給食方針どおり。",
          allowed_en=dv.MODE_ALLOWED_EN, allowed_ja=dv.MODE_ALLOWED_JA, example="school_lunch",
          choices=("school_lunch", "own_lunch", "milk_only", "none")),
    Field("extra_dates", "Extra dates", ("追加日", "追加訪問日", "added dates"), parse_date_list,
          help_en="Dates added to the pattern, separated by commas.", help_ja="パターン以外に訪問する日（読点区切り）。",
          example="2026-05-16", width=16),
    Field("removed_dates", "Removed dates", ("除外日", "訪問しない日", "skipped dates"), parse_date_list,
          help_en="Dates taken out of the pattern, separated by commas.", help_ja="パターンから除く日（読点区切り）。",
          example="2026-06-03", width=16),
    Field("note", "Note", ("備考", "メモ", "notes", "remarks"), plain_text, help_en="Free text.", help_ja="自由記述。",
          example="", width=24),
)

SCHEMA = Schema(
    kind="placements", sheet="Placements", sheet_aliases=("配置", "配置表", "訪問パターン", "勤務表", "Placement"),
    label_en="placement", label_ja="配置", fields=FIELDS,
    required_groups=(("alt_code", "school_code", "weekdays"), ("alt_code", "school_code", "rrule")),
    key_columns=("alt_code", "school_code"),
)
DEFAULTS: dict[str, Any] = {"start_time": dt.time(8, 15), "end_time": dt.time(16, 0), "periods": "",
                            "classes_per_day": 4, "lunch_mode": None, "extra_dates": [], "removed_dates": [], "note": ""}
OPTIONAL = ("start_time", "end_time", "periods", "classes_per_day", "lunch_mode", "extra_dates", "removed_dates", "note")


def _existing(ctx: PlanContext) -> dict[tuple[str, str, dt.date], Placement]:
    cached = getattr(ctx, "_placements", None)
    if cached is None:
        alt, school = aliased(Alt), aliased(School)
        rows = ctx.session.execute(
            select(Placement, alt.code, school.code)
            .join(alt, Placement.alt_id == alt.id)
            .join(school, Placement.school_id == school.id)
            .where(Placement.branch_id == ctx.branch_id)
        ).all()
        cached = {(alt_code, school_code, p.start_date): p for p, alt_code, school_code in rows}
        ctx._placements = cached  # type: ignore[attr-defined]
    return cached


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    if not sheet.has("start_date"):
        return  # reported when the sheet was read
    existing_by_key = _existing(ctx)
    for number, record in enumerate(sheet.records, start=1):
        ctx.pace(sheet, number, record)  # a raw RRULE is looked into per row: keep to the deadline
        if not record.ok:
            continue
        planned = _plan_row(ctx, sheet, record)
        if planned is None:
            continue
        alt_code, school_code, start, target = planned
        key = (alt_code, school_code, start)
        shown = f"{alt_code} @ {school_code} from {start.isoformat()}"
        shown_ja = f"{alt_code} @ {school_code} {ja_date(start)}から"
        if not ctx.claim(sheet, record, "placements", key, f"The placement {shown}", "start_date"):
            continue
        existing = existing_by_key.get(key)
        label = _label(ctx, alt_code, school_code)
        if existing is None:
            _warn_near_duplicate(ctx, sheet, record, key, existing_by_key)
            full = {**DEFAULTS, **target}
            if not _times_ok(sheet, record, full):
                continue
            ctx.add(item_for(sheet, record, "placements", "create", shown, label, target,
                             extra={"alt_code": alt_code, "school_code": school_code, "start_date": start},
                             key_ja=shown_ja))
        else:
            merged = {name: getattr(existing, name) for name in ("start_time", "end_time")} | target
            if not _times_ok(sheet, record, merged):
                continue
            changes = diff(existing, target)
            ctx.add(item_for(sheet, record, "placements", "update" if changes else "unchanged", shown, label, target,
                             existing, changes, key_ja=shown_ja))


def _plan_row(ctx: PlanContext, sheet: ParsedSheet,
              record: Record) -> tuple[str, str, dt.date, dict[str, Any]] | None:
    values = record.values
    alt_code, school_code, start = values.get("alt_code"), values.get("school_code"), values.get("start_date")
    if not alt_code or not school_code or start is None:
        return None
    ok = True
    if not ctx.alt_known(alt_code):
        sheet.problems.append(unknown_code_problem(sheet, record, "alt_code", "ALT", "ALT", alt_code, ctx.alts))
        ok = False
    if not ctx.school_known(school_code):
        sheet.problems.append(unknown_code_problem(sheet, record, "school_code", "school", "学校", school_code,
                                                   ctx.schools))
        ok = False
    end = values.get("end_date") or dt.date(fiscal_year_start(start).year + 1, 3, 31)
    recurrence = _recurrence(sheet, record, start, end)
    if recurrence is None:
        return None
    rule, effective_start = recurrence
    if end < effective_start:
        sheet.problems.append(sheet.problem(
            record, "end_date" if values.get("end_date") else "start_date",
            f"The end date {end.isoformat()} is before the start date {effective_start.isoformat()}.",
            f"終了日 {end.isoformat()} が開始日 {effective_start.isoformat()} より前です。"))
        ok = False
    if not ok:
        return None
    target: dict[str, Any] = {"rrule": rule, "end_date": end}
    for name in OPTIONAL:
        if sheet.has(name):
            value = values.get(name)
            target[name] = DEFAULTS[name] if value in (None, "") else value
    return alt_code, school_code, effective_start, target


def _recurrence(sheet: ParsedSheet, record: Record, start: dt.date, end: dt.date) -> tuple[str, dt.date] | None:
    values = record.values
    days, pattern, raw = values.get("weekdays"), values.get("week"), (values.get("rrule") or "").strip()
    if raw and (days or (pattern is not None and pattern != WEEKLY)):
        sheet.problems.append(sheet.problem(
            record, "rrule", "Give either Weekdays (and Week) or an RRULE, not both.",
            "曜日（と週）か RRULE のどちらか一方だけを入力してください。"))
        return None
    if raw:
        try:
            return parse_raw_rrule(raw, start, end), start
        except CellError as exc:
            sheet.problems.append(sheet.problem(record, "rrule", exc.message_en, exc.message_ja))
            return None
    if not days:
        column = "weekdays" if sheet.has("weekdays") else "rrule"
        sheet.problems.append(sheet.problem(record, column, "Weekdays are required.", "曜日は必須です。"))
        return None
    if any(day in ("SA", "SU") for day in days):
        sheet.problems.append(sheet.problem(
            record, "weekdays",
            "The pattern includes a Saturday or Sunday; check this is a school with weekend classes.",
            "土曜日または日曜日が含まれています。土曜授業などのある学校か確認してください。", "warning"))
    return build_rrule(days, pattern or WEEKLY, start)


def _times_ok(sheet: ParsedSheet, record: Record, values: dict[str, Any]) -> bool:
    if values["end_time"] <= values["start_time"]:
        sheet.problems.append(sheet.problem(
            record, "end_time" if sheet.has("end_time") else "start_time",
            "The end time must be after the start time.", "終了時刻は開始時刻より後にしてください。"))
        return False
    return True


def _starts_by_pair(ctx: PlanContext,
                    existing: dict[tuple[str, str, dt.date], Placement]) -> dict[tuple[str, str], list[dt.date]]:
    """Start dates of the existing placements by (ALT, school), built once: looked up per
    row instead of scanning every placement for every row."""
    cached = getattr(ctx, "_placement_starts", None)
    if cached is None:
        cached = {}
        for alt_code, school_code, start in sorted(existing):
            cached.setdefault((alt_code, school_code), []).append(start)
        ctx._placement_starts = cached  # type: ignore[attr-defined]
    return cached


def _warn_near_duplicate(ctx: PlanContext, sheet: ParsedSheet, record: Record, key: tuple[str, str, dt.date],
                         existing: dict[tuple[str, str, dt.date], Placement]) -> None:
    """A placement of the same ALT at the same school starting within a fortnight: likely the same one."""
    alt_code, school_code, start = key
    for other_start in _starts_by_pair(ctx, existing).get((alt_code, school_code), ()):
        if abs((other_start - start).days) <= 13:
            sheet.problems.append(sheet.problem(
                record, "start_date",
                f"{alt_code} already has a placement at {school_code} starting {other_start.isoformat()}; this row "
                f"adds another starting {start.isoformat()}. If it should change that one, use its start date.",
                f"{alt_code} には {school_code} で {other_start.isoformat()} 開始の配置が既にあります。この行は "
                f"{start.isoformat()} 開始の配置を追加します。既存の配置を変更する場合は同じ開始日にしてください。",
                "warning"))
            return


def _label(ctx: PlanContext, alt_code: str, school_code: str) -> str:
    alt = ctx.alts.get(alt_code)
    school = ctx.schools.get(school_code)
    alt_name = alt.display_name if alt else (ctx.new_alts[alt_code].label if alt_code in ctx.new_alts else alt_code)
    school_name = school.name_ja if school else (
        ctx.new_schools[school_code].label if school_code in ctx.new_schools else school_code)
    return f"{alt_name} → {school_name}"


def write(wctx: WriteContext, item: PlanItem) -> None:
    if item.action == "create":
        placement = Placement(
            branch_id=wctx.branch_id,
            alt_id=wctx.alt_ids[item.extra["alt_code"]],
            school_id=wctx.school_ids[item.extra["school_code"]],
            start_date=item.extra["start_date"],
            **{**DEFAULTS, **item.values},
        )
        wctx.session.add(placement)
        wctx.placements_written.append((placement, None))
    elif item.action == "update":
        wctx.placements_written.append((item.existing, item.existing.end_date))
        for name, value in item.values.items():
            setattr(item.existing, name, value)


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    alt, school = aliased(Alt), aliased(School)
    rows = []
    query = (
        select(Placement, alt, school)
        .join(alt, Placement.alt_id == alt.id)
        .join(school, Placement.school_id == school.id)
        .where(Placement.branch_id == branch_id)
        .order_by(alt.code, school.code, Placement.start_date)
    )
    for placement, alt_row, school_row in session.execute(query):
        described = describe_rrule(placement.rrule, placement.start_date)
        row: dict[str, Any] = {
            "alt_code": alt_row.code, "alt_name": alt_row.display_name, "school_code": school_row.code,
            "school_name": school_row.name_ja, "start_date": placement.start_date, "end_date": placement.end_date,
            "start_time": placement.start_time, "end_time": placement.end_time, "periods": placement.periods,
            "classes_per_day": placement.classes_per_day,
            "lunch_mode": str(placement.lunch_mode) if placement.lunch_mode else "",
            "extra_dates": ", ".join(placement.extra_dates or []),
            "removed_dates": ", ".join(placement.removed_dates or []), "note": placement.note,
        }
        if described is None:
            row["rrule"] = placement.rrule
        else:
            days, week = described
            row["weekdays"] = ", ".join(DAY_LABELS_EN[RRULE_DAYS.index(d)] for d in days)
            row["week"] = week
        rows.append(row)
    return rows
