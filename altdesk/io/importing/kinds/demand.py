"""Demand sheet: what each school asks for (ALT days per week or per fortnight, on which
weekdays, classes per day, from a date), the placement planner's input.

A school named on the sheet gets exactly the demand rows the sheet gives it (rows in force
together add up, so one school may have several); schools not named keep theirs. The rules
are the school editor's: 1 to 10 days that fit in the weekdays of the period, Monday to
Friday only, 0 to 8 classes a day, the end not before the start.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.models import School, SchoolDemand
from altdesk.io.importing.dates import parse_date
from altdesk.io.importing.plan import PlanContext, PlanItem, item_for, unknown_code_problem
from altdesk.io.importing.schema import Field, ParsedSheet, Record, Schema
from altdesk.io.importing.text import code, enum, integer, lookup_key, plain_text
from altdesk.io.importing.weekdays import parse_weekdays
from altdesk.io.importing.writing import WriteContext

SCHOOL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
MAX_CLASSES = 8
MAX_NOTE = 500
PERIOD_ALLOWED_EN = "week, fortnight (or 毎週, 隔週)"
PERIOD_ALLOWED_JA = "毎週、隔週（または week, fortnight）"
parse_period = enum({lookup_key(w): 1 for w in ("week", "weekly", "per week", "1", "毎週", "週", "1週", "週1")}
                    | {lookup_key(w): 2 for w in ("fortnight", "fortnightly", "per fortnight", "2 weeks", "2", "隔週",
                                                   "2週", "2週間", "2週毎")},
                    PERIOD_ALLOWED_EN, PERIOD_ALLOWED_JA)

FIELDS: tuple[Field, ...] = (
    Field("school_code", "School code", ("学校コード", "学校番号", "学校ID", "校番", "school id", "school"), code,
          required=True, help_en="The school asking for the ALT.", help_ja="ALT を求める学校のコード。", example="S0001",
          max_length=20, width=12, number_format="@"),
    Field("school_name", "School name", ("学校名", "校名"), plain_text, reference_only=True,
          help_en="For reading only; ignored on import.", help_ja="確認用。取り込みでは使いません。",
          example="さくら市立桜台小学校", width=24),
    Field("days", "ALT days", ("ALT日数", "派遣日数", "訪問日数", "日数", "days"), integer(1, 10), required=True,
          help_en="ALT days per week (or per fortnight), 1 to 10.", help_ja="1 週（または 2 週）あたりの ALT の日数（1〜10）。",
          example="2", width=9),
    Field("period_weeks", "Per", ("単位", "頻度", "毎週・隔週", "per"), parse_period,
          help_en="Whether the days count per week or per fortnight. Empty: per week.",
          help_ja="日数が 1 週あたりか 2 週あたりか。空欄は毎週。", allowed_en=PERIOD_ALLOWED_EN,
          allowed_ja=PERIOD_ALLOWED_JA, example="week", width=10, choices=("week", "fortnight")),
    Field("weekdays", "Weekdays", ("曜日", "訪問曜日", "希望曜日", "weekdays", "days of week"), parse_weekdays,
          help_en="The weekdays the school takes the ALT (Monday to Friday). Empty: any weekday.",
          help_ja="ALT を受け入れる曜日（月〜金）。空欄はどの曜日でも可。", allowed_en="Mon-Fri; e.g. Mon, Wed or 月～金",
          allowed_ja="月〜金。例：月・水、月～金", example="Mon, Wed, Thu", width=16),
    Field("classes_per_day", "Classes per day", ("1日の授業数", "授業数", "コマ数", "1日のコマ数", "classes"),
          integer(0, MAX_CLASSES), help_en=f"Classes on each ALT day, 0 to {MAX_CLASSES}. Empty: 4.",
          help_ja=f"ALT の日 1 日あたりの授業数（0〜{MAX_CLASSES}）。空欄は 4。", example="4", width=10),
    Field("start_date", "Start date", ("開始日", "適用開始日", "from"), parse_date, required=True,
          help_en="From when the school asks for this.", help_ja="この需要の開始日。", example="2026-04-01",
          number_format="yyyy-mm-dd", width=12),
    Field("end_date", "End date", ("終了日", "適用終了日", "to", "until"), parse_date,
          help_en="The last day (empty: open).", help_ja="終了日（空欄は期限なし）。", example="2027-03-31",
          number_format="yyyy-mm-dd", width=12),
    Field("note", "Note", ("備考", "メモ", "notes"), plain_text, help_en="For the branch.", help_ja="支店内のメモ。",
          example="1年生は隔週", max_length=MAX_NOTE, width=24),
)

SCHEMA = Schema(
    kind="demand", sheet="Demand", sheet_aliases=("需要", "ALT需要", "派遣需要", "訪問需要", "Demands", "School demand"),
    label_en="demand", label_ja="需要", fields=FIELDS, required_groups=(("school_code", "days", "start_date"),),
    key_columns=("school_code", "days"),
)

Row = tuple[int, int, tuple[str, ...], int, dt.date, "dt.date | None", str]


def _row_of(d: SchoolDemand) -> Row:
    return (d.days, d.period_weeks, tuple(d.weekdays or ()), d.classes_per_day, d.start_date, d.end_date, d.note or "")


def _check(sheet: ParsedSheet, record: Record) -> Row | None:
    values = record.values
    period = values.get("period_weeks") or 1
    weekdays = tuple(values.get("weekdays") or ())
    weekend = [d for d in weekdays if d not in SCHOOL_WEEKDAYS]
    if weekend:
        sheet.problems.append(sheet.problem(record, "weekdays", "Schools take ALTs from Monday to Friday only.",
                                            "ALT の訪問曜日は月〜金のみです。"))
        return None
    days = values["days"]
    most = min(10, (len(weekdays) or len(SCHOOL_WEEKDAYS)) * period)
    if days > most:
        unit = ("a week", "週") if period == 1 else ("a fortnight", "2週")
        sheet.problems.append(sheet.problem(
            record, "days", f"{days} ALT days {unit[0]} do not fit: at most {most} on the weekdays given.",
            f"{unit[1]}に {days} 日は入りません。指定の曜日では最大 {most} 日です。"))
        return None
    start, end = values["start_date"], values.get("end_date")
    if end is not None and end < start:
        sheet.problems.append(sheet.problem(record, "end_date", "The end date is before the start date.",
                                            "終了日が開始日より前です。"))
        return None
    classes = values.get("classes_per_day")
    return (days, period, weekdays, 4 if classes is None else classes, start, end, values.get("note") or "")


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    wanted: dict[str, list[Row]] = {}
    first_row: dict[str, Record] = {}
    failed: set[str] = set()
    for record in sheet.records:
        values = record.values
        school_code = values.get("school_code")
        if not record.ok or not school_code or values.get("days") is None or values.get("start_date") is None:
            continue
        if not ctx.school_known(school_code):
            sheet.problems.append(unknown_code_problem(sheet, record, "school_code", "school", "学校", school_code,
                                                       ctx.schools))
            failed.add(school_code)
            continue
        row = _check(sheet, record)
        if row is None:
            failed.add(school_code)
            continue
        if school_code not in first_row:
            if not ctx.claim(sheet, record, "demand", school_code, f"The demand of school {school_code}",
                             "school_code"):
                failed.add(school_code)
                continue
            first_row[school_code] = record
        wanted.setdefault(school_code, []).append(row)
    stored: dict[str, list[Row]] = {}
    if wanted:
        for demand, school_code in ctx.session.execute(
                select(SchoolDemand, School.code).join(School, School.id == SchoolDemand.school_id)
                .where(SchoolDemand.branch_id == ctx.branch_id).order_by(SchoolDemand.start_date, SchoolDemand.id)):
            stored.setdefault(school_code, []).append(_row_of(demand))
    for school_code, rows in wanted.items():
        if school_code in failed:
            continue
        record = first_row[school_code]
        existing = ctx.schools.get(school_code)
        label = existing.name_ja if existing is not None else ctx.new_schools[school_code].values.get("name_ja", "")
        now = stored.get(school_code, [])
        key_en = f"{school_code}: {len(rows)} row(s)"
        if not now:
            action = "create"
        else:
            action = "unchanged" if sorted(map(repr, now)) == sorted(map(repr, rows)) else "update"
        ctx.add(item_for(sheet, record, "demand", action, school_code, label, {"rows": rows},  # type: ignore[arg-type]
                         changes=("demand",) if action == "update" else (), extra={"shown": key_en}))


def write(wctx: WriteContext, item: PlanItem) -> None:
    if item.action == "unchanged":
        return
    school_id = wctx.school_ids[item.key]
    for old in wctx.session.scalars(select(SchoolDemand).where(SchoolDemand.school_id == school_id)):
        wctx.session.delete(old)  # one by one: the audit names each
    wctx.session.flush()
    for days, period, weekdays, classes, start, end, note in item.values["rows"]:
        wctx.session.add(SchoolDemand(branch_id=wctx.branch_id, school_id=school_id, days=days, period_weeks=period,
                                      weekdays=list(weekdays), classes_per_day=classes, start_date=start,
                                      end_date=end, note=note))


_DAY_WORDS = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri"}


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    query = (select(SchoolDemand, School.code, School.name_ja).join(School, School.id == SchoolDemand.school_id)
             .where(SchoolDemand.branch_id == branch_id).order_by(School.code, SchoolDemand.start_date, SchoolDemand.id))
    return [
        {"school_code": school_code, "school_name": name, "days": d.days,
         "period_weeks": "fortnight" if d.period_weeks == 2 else "week",
         "weekdays": ", ".join(_DAY_WORDS.get(w, w) for w in d.weekdays or ()), "classes_per_day": d.classes_per_day,
         "start_date": d.start_date, "end_date": d.end_date, "note": d.note or ""}
        for d, school_code, name in session.execute(query)
    ]
