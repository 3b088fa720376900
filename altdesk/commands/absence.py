"""`absence add|list|remove`: record an ALT's absence, see them, take one back.

Recording an absence ends as the window's does: with the visits it leaves uncovered and the
`substitute` command that ranks a cover for each.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from altdesk.commands.month import add_reason_argument, closed_month_reason
from altdesk.dates import parse_date
from altdesk.errors import InvalidInput, NotFound

NAME = "absence"
HELP = "record, list or remove an ALT's absence (paid leave, sick, training, compensatory day off)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="record an absence", description="Record an ALT's absence.")
    add.add_argument("--alt", required=True, help="the ALT's code")
    add.add_argument("--from", dest="date_from", required=True, help="first day, YYYY-MM-DD")
    add.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD (default: the first day)")
    add.add_argument("--kind", required=True,
                     help="paid_leave, sick, training or compensatory (有給休暇, 病欠, 研修, 振替休日 also work)")
    add.add_argument("--note", default="", help="a note for the branch (stays inside the branch)")
    add_reason_argument(add)
    add.add_argument("--json", action="store_true", help="print JSON")
    listing = actions.add_parser("list", help="list absences", description="List absences.")
    listing.add_argument("--alt", help="only this ALT's")
    listing.add_argument("--from", dest="date_from", help="from this day, YYYY-MM-DD")
    listing.add_argument("--to", dest="date_to", help="to this day, YYYY-MM-DD")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = actions.add_parser("remove", help="remove an absence by its id (see list)",
                                description="Remove an absence by its id (see `absence list`).")
    remove.add_argument("id", type=int, help="the absence's id")
    add_reason_argument(remove)
    remove.add_argument("--json", action="store_true", help="print JSON")


def kind_of(text: str) -> str:
    from altdesk.labels import ABSENCE_KIND_LABELS, ABSENCE_KIND_WORDS

    wanted = text.strip().lower()
    for kind, words in ABSENCE_KIND_WORDS.items():
        if wanted in (kind.value, *ABSENCE_KIND_LABELS[kind], *words):
            return kind.value
    raise InvalidInput(
        f"--kind {text!r} is not a kind of absence; use paid_leave, sick, training or compensatory.",
        f"--kind {text!r} は不在の種類ではありません。有給休暇・病欠・研修・振替休日のいずれかを指定してください。",
        field="--kind",
    )


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    return {"add": _add, "list": _list, "remove": _remove}[args.action](args, ctx)


def _add(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.absences import AbsenceInput, create_absence, get_absence
    from altdesk.services.codes import alt_id_for
    from altdesk.services.scheduling import uncovered_for

    first = parse_date(args.date_from, "--from")
    last = parse_date(args.date_to, "--to") or first
    kind = kind_of(args.kind)
    ws = ctx.workspace()
    from altdesk.operations import perform

    data = AbsenceInput(alt_id_for(ws, args.alt), first, last, kind, args.note)
    with closed_month_reason(args.reason):
        saved, _ = perform(ws, f"Record absence of {args.alt}", f"{args.alt} の不在を記録",
                           lambda: create_absence(ws, data))
    row = get_absence(ws, saved.id)
    assert row is not None and first is not None and last is not None
    uncovered = uncovered_for(ws, row.alt_id, first, last)
    follow_up = f"altdesk substitute --alt {row.alt_code} --from {first.isoformat()} --to {last.isoformat()}"
    if args.json:
        print(json.dumps({**_row_json(row), "uncovered_visits": [
            {"visit_id": v.visit_id, "date": v.date.isoformat(), "school_code": v.school_code,
             "school_name_ja": v.school_name_ja, "school_name_en": v.school_name_en,
             "start": v.start_time.strftime("%H:%M"), "end": v.end_time.strftime("%H:%M")}
            for v in uncovered
        ], "substitute_command": follow_up if uncovered else None}, ensure_ascii=False, indent=1))
        return 0
    ctx.say(f"Recorded absence {row.id}: {_describe(row, 'en')}.", f"不在 {row.id} を記録しました：{_describe(row, 'ja')}。")
    if not uncovered:
        ctx.say("No visits of the ALT fall on these days.", "この期間にこのALTの訪問はありません。")
        return 0
    ctx.say(f"{len(uncovered)} visit(s) now need a substitute ALT:", f"代替ALTが必要な訪問：{len(uncovered)} 件")
    for v in uncovered:
        school = v.school_name_ja if ctx.lang == "ja" else (v.school_name_en or v.school_name_ja)
        print(f"  {_day(v.date, ctx.lang)} {v.start_time:%H:%M}-{v.end_time:%H:%M} {v.school_code} {school}")
    ctx.say(f"To rank substitutes for them: {follow_up}", f"代替ALTの候補を見るには：{follow_up}")
    return 0


def _list(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.absences import list_absences
    from altdesk.services.codes import alt_id_for

    ws = ctx.workspace()
    alt_id = alt_id_for(ws, args.alt) if args.alt else None
    rows = list_absences(ws, parse_date(args.date_from, "--from"), parse_date(args.date_to, "--to"), alt_id)
    if args.json:
        print(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print(f"{row.id:>6}  {_describe(row, ctx.lang)}")
    ctx.say(f"{len(rows)} absence(s).", f"不在 {len(rows)} 件。")
    return 0


def _remove(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk.services.absences import delete_absence, get_absence

    ws = ctx.workspace()
    row = get_absence(ws, args.id)
    if row is None:
        raise NotFound(f"No absence with id {args.id}.", f"ID {args.id} の不在はありません。")
    from altdesk.operations import perform

    with closed_month_reason(args.reason):
        perform(ws, f"Delete absence of {row.alt_code} {row.alt_name}", f"{row.alt_code} {row.alt_name} の不在を削除",
                lambda: delete_absence(ws, row.id, row.version))
    if args.json:
        print(json.dumps({"removed": _row_json(row)}, ensure_ascii=False, indent=1))
    else:
        ctx.say(f"Removed absence {row.id}: {_describe(row, 'en')}.",
                f"不在 {row.id} を削除しました：{_describe(row, 'ja')}。")
    return 0


def _day(day: Any, lang: str) -> str:
    from altdesk.labels import day_label

    return day_label(day, lang)


def _describe(row: Any, lang: str) -> str:
    from altdesk.labels import ABSENCE_KIND_LABELS

    en, ja = ABSENCE_KIND_LABELS[row.kind]
    span = _day(row.start_date, lang)
    if row.end_date != row.start_date:
        span += ("〜" if lang == "ja" else " – ") + _day(row.end_date, lang)
    if lang == "ja":
        text = f"{row.alt_code} {row.alt_name} {ja} {span}"
        return text + (f"（行事「{row.event_name_ja}」による）" if row.event_id else "")
    text = f"{row.alt_code} {row.alt_name} {en} {span}"
    return text + (f" (for the event {row.event_name_en or row.event_name_ja})" if row.event_id else "")


def _row_json(row: Any) -> dict[str, Any]:
    return {"id": row.id, "alt_code": row.alt_code, "alt_name": row.alt_name, "kind": row.kind.value,
            "from": row.start_date.isoformat(), "to": row.end_date.isoformat(), "note": row.note,
            "event_id": row.event_id, "visits_uncovered": row.visits_uncovered,
            "visits_covered": row.visits_covered}
