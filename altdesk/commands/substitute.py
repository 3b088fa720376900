"""`substitute`: visits an absent ALT leaves uncovered and ranked candidates for each."""

from __future__ import annotations

import argparse
import json

from altdesk.dates import required_range

NAME = "substitute"
HELP = "list the visits an absent ALT leaves uncovered and rank substitute ALTs for each"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--alt", required=True, help="the absent ALT's code")
    parser.add_argument("--from", dest="date_from", required=True, help="first date, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", required=True, help="last date, YYYY-MM-DD")
    parser.add_argument("--limit", type=int, default=5, help="candidates per visit (default 5)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    # Loaded when the command runs: the command line (and the app) start without it.
    from altdesk.services.scheduling import plan_substitutes

    first, last = required_range(args.date_from, args.date_to)
    plans = plan_substitutes(ctx.workspace(), args.alt, first, last, args.limit)
    if args.json:
        print(json.dumps([
            {
                "visit_id": p.visit.visit_id, "date": p.visit.date.isoformat(), "school_code": p.visit.school_code,
                "school_name_ja": p.visit.school_name_ja, "start": p.visit.start_time.strftime("%H:%M"),
                "end": p.visit.end_time.strftime("%H:%M"),
                "candidates": [
                    {"alt_code": c.alt_code, "name": c.name, "score": c.score, "teaches_level": c.teaches_level,
                     "visited_before": c.visited_before, "week_classes": c.week_classes, "diet_ok": c.diet_ok,
                     "same_board": c.same_board, "reasons_en": list(c.reasons_en), "reasons_ja": list(c.reasons_ja)}
                    for c in p.candidates
                ],
            }
            for p in plans
        ], ensure_ascii=False, indent=1))
        return 0
    if not plans:
        ctx.say(f"No visits to cover for {args.alt} from {first} to {last}.",
                f"{first}〜{last} に {args.alt} の代替が必要な訪問はありません。")
    for plan in plans:
        v = plan.visit
        school = v.school_name_ja if ctx.lang == "ja" else (v.school_name_en or v.school_name_ja)
        print(f"{v.date} {v.start_time:%H:%M}-{v.end_time:%H:%M} {v.school_code} {school}")
        for rank, c in enumerate(plan.candidates, start=1):
            reasons = "、".join(c.reasons_ja) if ctx.lang == "ja" else ", ".join(c.reasons_en)
            print(f"   {rank}. {c.alt_code} {c.name} ({reasons})")
        if not plan.candidates:
            ctx.say("   no free ALT", "   空いているALTはいません")
    return 0
