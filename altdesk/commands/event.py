"""`event add|list|remove`: school events on a weekend or holiday (Sports Day, 運動会) with
the ALTs who attend and their compensatory day off (振替)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from altdesk.commands.month import add_reason_argument, closed_month_reason
from altdesk.dates import parse_date
from altdesk.errors import InvalidInput, NotFound

NAME = "event"
HELP = "record, list or remove a school event (e.g. Sports Day) with its ALTs and their 振替 day off"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="record a school event",
                             description="Record a school event: each attending ALT gets an event visit and "
                                         "a compensatory day off (振替), by default the school's next school day.")
    add.add_argument("--school", required=True, help="the school's code")
    add.add_argument("--date", required=True, help="the event's day, YYYY-MM-DD")
    add.add_argument("--name-ja", required=True, help="the event's name in Japanese, e.g. 運動会")
    add.add_argument("--name-en", default="", help="the event's name in English, e.g. Sports Day")
    add.add_argument("--start", default="08:30", help="start time, HH:MM (default 08:30)")
    add.add_argument("--end", default="15:30", help="end time, HH:MM (default 15:30)")
    add.add_argument("--day-off", help="the school's compensatory day off, YYYY-MM-DD "
                                       "(default: the school's next school day)")
    add.add_argument("--alt", action="append", default=None, metavar="CODE",
                     help="an attending ALT (repeat for each); default: the ALTs placed at the school")
    add_reason_argument(add)
    add.add_argument("--json", action="store_true", help="print JSON")
    listing = actions.add_parser("list", help="list school events", description="List school events.")
    listing.add_argument("--from", dest="date_from", help="from this day, YYYY-MM-DD")
    listing.add_argument("--to", dest="date_to", help="to this day, YYYY-MM-DD")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", help="remove an event by its id (see list), with its visits and 振替",
                                description="Remove an event by its id (see `event list`): its event visits "
                                            "and compensatory days off go with it.")
    remove.add_argument("id", type=int, help="the event's id")
    add_reason_argument(remove)
    remove.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    return {"add": _add, "list": _list, "remove": _remove}[args.action](args, ctx)


def parse_time(text: str, option: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{option} {text!r} is not a time; write it as HH:MM.",
                           f"{option} {text!r} は時刻ではありません。HH:MM の形式で指定してください。",
                           field=option) from None


def _add(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.codes import alt_id_for, school_id_for
    from altdesk.services.school_events import Attendance, EventInput, alts_placed_at, create_event, get_event

    ws = ctx.workspace()
    school_id = school_id_for(ws, args.school)
    alt_ids = [alt_id_for(ws, code) for code in args.alt] if args.alt else sorted(alts_placed_at(ws, school_id))
    data = EventInput(school_id, parse_date(args.date, "--date"), args.name_ja, args.name_en,
                      parse_time(args.start, "--start"), parse_time(args.end, "--end"),
                      parse_date(args.day_off, "--day-off"), tuple(Attendance(a) for a in alt_ids))
    from altdesk.operations import perform

    with closed_month_reason(args.reason):
        saved, _ = perform(ws, f"Record school event {args.name_ja}", f"学校行事「{args.name_ja}」を記録",
                           lambda: create_event(ws, data))
    row = get_event(ws, saved.id)
    assert row is not None
    if args.json:
        print(json.dumps(_row_json(row), ensure_ascii=False, indent=1))
        return 0
    ctx.say(f"Recorded event {row.id}: {_describe(row, 'en')}.", f"行事 {row.id} を記録しました：{_describe(row, 'ja')}。")
    _print_attendees(row, ctx)
    return 0


def _list(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.school_events import list_events

    rows = list_events(ctx.workspace(), parse_date(args.date_from, "--from"), parse_date(args.date_to, "--to"))
    if args.json:
        print(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print(f"{row.id:>6}  {_describe(row, ctx.lang)}")
        _print_attendees(row, ctx)
    ctx.say(f"{len(rows)} event(s).", f"行事 {len(rows)} 件。")
    return 0


def _remove(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.school_events import delete_event, get_event

    ws = ctx.workspace()
    row = get_event(ws, args.id)
    if row is None:
        raise NotFound(f"No school event with id {args.id}.", f"ID {args.id} の学校行事はありません。")
    from altdesk.operations import perform

    with closed_month_reason(args.reason):
        perform(ws, f"Delete school event {row.name_ja}", f"学校行事「{row.name_ja}」を削除",
                lambda: delete_event(ws, row.id, row.version))
    if args.json:
        print(json.dumps({"removed": _row_json(row)}, ensure_ascii=False, indent=1))
    else:
        ctx.say(f"Removed event {row.id}: {_describe(row, 'en')}, with its event visits and days off.",
                f"行事 {row.id} を削除しました：{_describe(row, 'ja')}（行事の訪問と振替休日も削除）。")
    return 0


def _day(day: dt.date, lang: str) -> str:
    from altdesk.labels import day_label

    return day_label(day, lang)


def _describe(row: Any, lang: str) -> str:
    times = f"{row.start_time:%H:%M}-{row.end_time:%H:%M}"
    if lang == "ja":
        off = f"、学校の振替休業日 {_day(row.compensatory_day, 'ja')}" if row.compensatory_day else ""
        return f"{_day(row.date, 'ja')} {times} {row.school_code} {row.school_name_ja} {row.name_ja}{off}"
    off = f", school's day off {_day(row.compensatory_day, 'en')}" if row.compensatory_day else ""
    school = row.school_name_en or row.school_name_ja
    return f"{_day(row.date, 'en')} {times} {row.school_code} {school} {row.name_en or row.name_ja}{off}"


def _print_attendees(row: Any, ctx) -> None:  # type: ignore[no-untyped-def]
    if not row.attendees:
        ctx.say("        no ALT attends", "        参加ALTなし")
    for a in row.attendees:
        day = _day(a.compensatory_day, ctx.lang) if a.compensatory_day else "-"
        ctx.say(f"        {a.alt_code} {a.alt_name}: compensatory day off {day}",
                f"        {a.alt_code} {a.alt_name}：振替休日 {day}")
        if a.visits_to_reschedule:
            ctx.say(f"          {a.visits_to_reschedule} visit(s) on that day still to reschedule",
                    f"          その日の訪問 {a.visits_to_reschedule} 件の振替が必要です")


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "school_code": row.school_code, "school_name_ja": row.school_name_ja,
        "school_name_en": row.school_name_en, "date": row.date.isoformat(), "name_ja": row.name_ja,
        "name_en": row.name_en, "start": row.start_time.strftime("%H:%M"), "end": row.end_time.strftime("%H:%M"),
        "school_day_off": row.compensatory_day.isoformat() if row.compensatory_day else None,
        "attendees": [{"alt_code": a.alt_code, "alt_name": a.alt_name,
                       "compensatory_day": a.compensatory_day.isoformat() if a.compensatory_day else None,
                       "visits_to_reschedule": a.visits_to_reschedule} for a in row.attendees],
    }
