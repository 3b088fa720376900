"""Events sheet: school events on weekends or holidays (Sports Day) and the ALTs attending.

An event is found again by school code + date. Events are written through the scheduling
engine's rules (altdesk.scheduling.events), so an imported event is the same as one made
in the app: each attendee gets an event visit and a compensatory day off (振替). The day
off may be left empty: the engine then gives the default, the school's next school day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from altdesk.db.enums import VisitKind
from altdesk.db.models import Alt, School, SchoolEvent, Visit
from altdesk.io.importing.dates import ja_date, parse_date, parse_time
from altdesk.io.importing.plan import PlanContext, PlanItem, diff, item_for, unknown_code_problem
from altdesk.io.importing.problems import CellError
from altdesk.io.importing.schema import Field, ParsedSheet, Record, Schema
from altdesk.io.importing.text import CellContext, code, plain_text, reject_special, split_list
from altdesk.io.importing.writing import WriteContext
from altdesk.scheduling import events as event_rules

ATTENDEES_HELP_EN = "ALT codes separated by commas; a code may carry its own day off: A0001=2026-10-05."
ATTENDEES_HELP_JA = "ALT コードを読点区切りで。個別の振替休日は A0001=2026-10-05 のように書けます。"


def parse_attendees(value: Any, ctx: CellContext) -> list[tuple[str, dt.date | None]] | None:
    reject_special(value)
    if value is None:
        return None
    attendees: dict[str, dt.date | None] = {}
    text = str(value)
    # "/" separates list items but also dates: protect dates written with slashes first.
    protected = re.sub(r"(\d{4})[/／](\d{1,2})[/／](\d{1,2})", r"\1-\2-\3", text)
    items = [part for item in split_list(protected)
             for part in ([item] if re.search(r"[=:(（]", item) else item.split())]
    for item in items:
        match = re.fullmatch(r"([^=:()\s（）]+)\s*(?:[=:]\s*(.+)|[(（]\s*(.+?)\s*[)）])?", item)
        if not match:
            raise CellError(ATTENDEES_HELP_EN, ATTENDEES_HELP_JA)
        alt_code = code(match.group(1), ctx)
        if not alt_code:
            raise CellError(ATTENDEES_HELP_EN, ATTENDEES_HELP_JA)
        day_text = match.group(2) or match.group(3)
        attendees[alt_code] = parse_date(day_text, ctx) if day_text else None
    return sorted(attendees.items())


FIELDS: tuple[Field, ...] = (
    Field("school_code", "School code", ("学校コード", "学校番号", "school"), code, required=True,
          help_en="The school holding the event.", help_ja="行事を行う学校のコード。", example="S0001", max_length=20,
          width=11, number_format="@"),
    Field("school_name", "School name", ("学校名",), plain_text, reference_only=True,
          help_en="For reading only; ignored on import.", help_ja="確認用。取り込みでは使いません。", example="桜台小学校",
          width=22),
    Field("date", "Date", ("日付", "実施日", "開催日", "行事日", "event date"), parse_date, required=True,
          help_en="The day of the event.", help_ja="行事の日。", example="2026-10-03", number_format="yyyy-mm-dd",
          width=12),
    Field("name_ja", "Event (ja)", ("行事名", "行事", "名称", "event", "event name", "name"), plain_text, required=True,
          help_en="The event's name in Japanese.", help_ja="行事名。", example="運動会", max_length=200, width=16),
    Field("name_en", "Event (en)", ("行事名（英語）", "英語名", "event name (english)"), plain_text,
          help_en="The event's name in English.", help_ja="英語の行事名。", example="Sports Day", max_length=200, width=16),
    Field("start_time", "Start time", ("開始時刻", "集合時刻"), parse_time, help_en="Empty: 8:30.", help_ja="空欄は 8:30。",
          example="08:30", number_format="hh:mm", width=10),
    Field("end_time", "End time", ("終了時刻", "解散時刻"), parse_time, help_en="Empty: 15:30.", help_ja="空欄は 15:30。",
          example="15:30", number_format="hh:mm", width=10),
    Field("attendees", "Attendees", ("参加ALT", "出席ALT", "参加者", "ALTコード", "alts", "alt codes"), parse_attendees,
          help_en=ATTENDEES_HELP_EN, help_ja=ATTENDEES_HELP_JA, example="A0001, A0002", width=22),
    Field("compensatory_date", "Compensatory day off", ("振替休日", "振替日", "振替休業日", "学校の振替休業日", "代休日",
                                                         "school day off", "compensatory date"), parse_date,
          help_en="The school's day off in return, which the attending ALTs get too. Empty: the school's next "
                  "school day after the event.",
          help_ja="学校の振替休業日（参加 ALT の振替休日にもなります）。空欄なら行事の次の登校日。", example="2026-10-05",
          number_format="yyyy-mm-dd", width=12),
)

SCHEMA = Schema(
    kind="events", sheet="Events", sheet_aliases=("行事", "学校行事", "行事予定", "イベント", "Event"),
    label_en="event", label_ja="行事", fields=FIELDS, required_groups=(("school_code", "date", "name_ja"),),
    key_columns=("school_code", "date"),
)
DEFAULTS: dict[str, Any] = {"name_en": "", "start_time": dt.time(8, 30), "end_time": dt.time(15, 30)}


def _existing(ctx: PlanContext) -> dict[tuple[str, dt.date], list[SchoolEvent]]:
    rows = ctx.session.execute(
        select(SchoolEvent, School.code)
        .join(School, SchoolEvent.school_id == School.id)
        .where(SchoolEvent.branch_id == ctx.branch_id)
        .options(selectinload(SchoolEvent.attendees))
    ).all()
    found: dict[tuple[str, dt.date], list[SchoolEvent]] = {}
    for event, school_code in rows:
        found.setdefault((school_code, event.date), []).append(event)
    return found


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    existing_by_key = _existing(ctx)
    alt_codes = {a.id: c for c, a in ctx.alts.items()}
    for record in sheet.records:
        values = record.values
        school_code, day, name = values.get("school_code"), values.get("date"), values.get("name_ja")
        if not record.ok or not school_code or day is None or not name:
            continue
        if not ctx.school_known(school_code):
            sheet.problems.append(unknown_code_problem(sheet, record, "school_code", "school", "学校", school_code,
                                                       ctx.schools))
            continue
        shown = f"{school_code} {day.isoformat()}"
        shown_ja = f"{school_code} {ja_date(day)}"
        if not ctx.claim(sheet, record, "events", (school_code, day), f"The event at {shown}", "date"):
            continue
        target: dict[str, Any] = {"name_ja": name}
        for field_name in DEFAULTS:
            if sheet.has(field_name):
                value = values.get(field_name)
                target[field_name] = DEFAULTS[field_name] if value in (None, "") else value
        attendees = _attendees(ctx, sheet, record)
        if attendees is False or not _days_after(sheet, record, day, attendees):
            continue
        candidates = existing_by_key.get((school_code, day), [])
        existing = next((e for e in candidates if e.name_ja == name), candidates[0] if len(candidates) == 1 else None)
        if candidates and existing is None:
            sheet.problems.append(sheet.problem(
                record, "name_ja",
                f"{school_code} has several events on {day.isoformat()}; name one of them exactly to update it.",
                f"{school_code} には {day.isoformat()} の行事が複数あります。更新する行事の名前を正確に書いてください。"))
            continue
        times = {**DEFAULTS, **({} if existing is None else
                                {"start_time": existing.start_time, "end_time": existing.end_time}), **target}
        if times["end_time"] <= times["start_time"]:
            sheet.problems.append(sheet.problem(record, "end_time" if sheet.has("end_time") else "start_time",
                                                "The end time must be after the start time.",
                                                "終了時刻は開始時刻より後にしてください。"))
            continue
        extra: dict[str, Any] = {"school_code": school_code, "date": day,
                                 "compensatory_date": values.get("compensatory_date")}
        if attendees is not None:
            extra["attendees"] = attendees
        if existing is None:
            ctx.add(item_for(sheet, record, "events", "create", shown, name, target, extra=extra, key_ja=shown_ja))
            continue
        changes = list(diff(existing, target))
        day_off = existing.school_day_off
        if sheet.has("compensatory_date"):
            day_off = values.get("compensatory_date") or event_rules.default_compensatory_day(
                ctx.session, ctx.branch_id, ctx.schools[school_code], day, existing.id)
            if day_off != existing.school_day_off:
                changes.append("school_day_off")
        extra["compensatory_date"] = day_off
        if attendees is not None:
            current = sorted((alt_codes.get(a.alt_id, ""), a.compensatory_date) for a in existing.attendees)
            if current != sorted((c, own or day_off) for c, own in attendees):
                changes.append("attendees")
        ctx.add(item_for(sheet, record, "events", "update" if changes else "unchanged", shown, name, target,
                         existing, tuple(changes), extra, key_ja=shown_ja))


def _attendees(ctx: PlanContext, sheet: ParsedSheet, record: Record) -> list[tuple[str, dt.date | None]] | None | bool:
    if not sheet.has("attendees"):
        return None
    attendees = record.values.get("attendees") or []
    unknown = [alt_code for alt_code, _ in attendees if not ctx.alt_known(alt_code)]
    if unknown:
        sheet.problems.append(unknown_code_problem(sheet, record, "attendees", "ALT", "ALT", unknown[0], ctx.alts))
        return False
    return attendees


def _days_after(sheet: ParsedSheet, record: Record, day: dt.date,
                attendees: list[tuple[str, dt.date | None]] | None) -> bool:
    """Compensatory days off come after the event (the engine's rule)."""
    given = record.values.get("compensatory_date")
    if given is not None and given <= day:
        sheet.problems.append(sheet.problem(record, "compensatory_date",
                                            "The compensatory day off must come after the event.",
                                            "振替休日は行事の後の日にしてください。"))
        return False
    early = [c for c, own in attendees or [] if own is not None and own <= day]
    if early:
        sheet.problems.append(sheet.problem(record, "attendees",
                                            f"The day off of {early[0]} must come after the event.",
                                            f"{early[0]} の振替休日は行事の後の日にしてください。"))
        return False
    return True


def write(wctx: WriteContext, item: PlanItem) -> None:
    session, branch_id = wctx.session, wctx.branch_id
    attendees = item.extra.get("attendees")
    if item.action == "create":
        school = session.get(School, wctx.school_ids[item.extra["school_code"]])
        day = item.extra["date"]
        day_off = item.extra["compensatory_date"] or event_rules.default_compensatory_day(session, branch_id, school, day)
        event = SchoolEvent(branch_id=branch_id, school_id=school.id, date=day, school_day_off=day_off,
                            **{**DEFAULTS, **item.values})
        session.add(event)
        session.flush()
        for alt_code, own in attendees or []:
            event_rules.add_attendee(session, branch_id, event, wctx.alt_ids[alt_code], own or day_off)
        event_rules.follow_school_days_off(session, branch_id, [(school.id, day_off)])
        return
    if item.action != "update":
        return
    event: SchoolEvent = item.existing
    for name, value in item.values.items():
        setattr(event, name, value)
    day_off = item.extra["compensatory_date"]
    days_off = [(event.school_id, event.school_day_off), (event.school_id, day_off)]
    event.school_day_off = day_off
    for visit in session.scalars(select(Visit).where(Visit.event_id == event.id, Visit.kind == VisitKind.EVENT)):
        visit.start_time, visit.end_time = event.start_time, event.end_time
        visit.note = event.name_en or event.name_ja
    if attendees is None:
        session.flush()
        event_rules.follow_school_days_off(session, branch_id, days_off)
        return
    wanted = {wctx.alt_ids[c]: own or day_off for c, own in attendees}
    for attendee in list(event.attendees):
        if attendee.alt_id not in wanted:
            event_rules.remove_attendee(session, branch_id, event, attendee)
        elif attendee.compensatory_date != wanted[attendee.alt_id]:
            event_rules.move_compensatory_day(session, branch_id, event.id, attendee.alt_id, wanted[attendee.alt_id])
    session.flush()
    present = {a.alt_id for a in event.attendees}
    for alt_id, day in wanted.items():
        if alt_id not in present:
            event_rules.add_attendee(session, branch_id, event, alt_id, day)
    session.flush()
    event_rules.follow_school_days_off(session, branch_id, days_off)


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    codes = dict(session.execute(select(Alt.id, Alt.code).where(Alt.branch_id == branch_id)).all())
    query = (
        select(SchoolEvent, School)
        .join(School, SchoolEvent.school_id == School.id)
        .where(SchoolEvent.branch_id == branch_id)
        .order_by(School.code, SchoolEvent.date)
        .options(selectinload(SchoolEvent.attendees))
    )
    rows = []
    for event, school in session.execute(query):
        attendees = sorted((codes.get(a.alt_id, ""), a.compensatory_date) for a in event.attendees)
        day_off = event.school_day_off
        rows.append({
            "school_code": school.code, "school_name": school.name_ja, "date": event.date, "name_ja": event.name_ja,
            "name_en": event.name_en, "start_time": event.start_time, "end_time": event.end_time,
            "attendees": ", ".join(c if d in (day_off, None) else f"{c}={d.isoformat()}" for c, d in attendees),
            "compensatory_date": day_off,
        })
    return rows
