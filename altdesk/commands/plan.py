"""`plan`: propose the placements of a fiscal year, or what changes when an ALT leaves; --apply
accepts the plan as one operation (`altdesk undo` takes it back)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from altdesk.dates import parse_date
from altdesk.errors import InvalidInput

NAME = "plan"
HELP = "propose placements for a fiscal year, or re-plan after an ALT leaves (--apply accepts the plan)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fiscal-year", type=int, help="plan this fiscal year (April to March), e.g. 2027")
    parser.add_argument("--alt-leaves", metavar="CODE", help="re-plan after this ALT leaves (with --from)")
    parser.add_argument("--from", dest="date_from", help="the ALT's first day away, YYYY-MM-DD")
    parser.add_argument("--time-limit", type=float, default=None, help="seconds the solver may take")
    parser.add_argument("--solver", choices=["cpsat", "highs"], default="cpsat", help=argparse.SUPPRESS)
    parser.add_argument("--apply", action="store_true", help="accept the plan: create and end placements")
    parser.add_argument("--json", action="store_true", help="print JSON")


def plan_json(plan: Any) -> dict[str, Any]:
    return {
        "first": plan.first.isoformat(), "last": plan.last.isoformat(), "solver": plan.solver,
        "score": plan.score, "bound": plan.bound, "gap": round(plan.gap, 4),
        "gap_worst_step": round(plan.worst_step_gap, 4), "gap_known": plan.gap_known, "gap_means": plan.GAP_NOTE_EN,
        "steps": [{"step": s, "alts": a, "rows": r, "objective": o, "bound": b, "proven": p}
                  for s, a, r, o, b, p in plan.steps],
        "optimal": plan.optimal,
        "seconds": round(plan.seconds, 2), "stopped": plan.stopped, "groups": plan.groups,
        "demand_days": plan.demand_days, "met_days": plan.met_days, "travel_minutes": plan.travel_total(),
        "assignments": [
            {"alt_code": a.alt_code, "school_code": a.school_code, "demand_id": a.demand_id,
             "days_en": a.days_label("en"), "days_ja": a.days_label("ja"), "slots": sorted(a.slots),
             "classes_per_day": a.classes_per_day, "start": a.start.isoformat(), "end": a.end.isoformat(),
             "travel_minutes": a.travel_minutes, "kept": a.kept, "pinned": a.pinned, "existing": a.existing,
             "reasons_en": list(a.reasons_en), "reasons_ja": list(a.reasons_ja)}
            for a in plan.assignments
        ],
        "unmet": [
            {"school_code": u.school_code, "demand_id": u.demand_id, "level": u.level, "days_missing": u.days_missing,
             "per": "week" if u.period_weeks == 1 else "fortnight",
             "reasons_en": list(u.reasons_en), "reasons_ja": list(u.reasons_ja)}
            for u in plan.unmet
        ],
        "moves": [{"alt_code": m.alt_code, "leaves": list(m.leaves), "takes": list(m.takes)} for m in plan.moves],
        "ends": [{"placement_id": pid, "last_day": day.isoformat()} for pid, day in plan.ends],
    }


def run(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from altdesk import planning

    ws = ctx.workspace()
    if args.alt_leaves:
        first = parse_date(args.date_from, "--from")
        if first is None:
            raise InvalidInput("--alt-leaves needs --from YYYY-MM-DD (the first day away).",
                               "--alt-leaves には --from YYYY-MM-DD（不在になる初日）が必要です。", field="--from")
        plan = planning.plan_replacement(ws, args.alt_leaves, first, args.time_limit or planning.REPLACEMENT_TIME_LIMIT,
                                         solver=args.solver)
        what_en, what_ja = f"Re-plan after {args.alt_leaves} leaves on {first}", f"{args.alt_leaves} の離任（{first}）に伴う再配置"
    elif args.fiscal_year:
        plan = planning.plan_fiscal_year(ws, args.fiscal_year, args.time_limit or planning.DEFAULT_TIME_LIMIT,
                                         solver=args.solver)
        what_en, what_ja = f"Plan placements of fiscal year {args.fiscal_year}", f"{args.fiscal_year}年度の配置計画"
    else:
        raise InvalidInput("Give --fiscal-year YEAR, or --alt-leaves CODE --from DATE.",
                           "--fiscal-year 年度、または --alt-leaves コード --from 日付 を指定してください。",
                           field="--fiscal-year")
    applied = None
    if args.apply:
        from altdesk.operations import perform
        from altdesk.services.planning import apply_plan

        applied, _ = perform(ws, what_en, what_ja, lambda: apply_plan(ws, plan))
    if args.json:
        data = plan_json(plan)
        if applied is not None:
            data["applied"] = {"created": list(applied.created), "ended": list(applied.ended),
                               "removed": list(applied.removed), "visits": applied.visits}
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    ja = ctx.lang == "ja"
    for a in plan.assignments:
        if a.existing:
            continue
        reasons = "、".join(a.reasons_ja) if ja else "; ".join(a.reasons_en)
        print(f"{a.school_code} ← {a.alt_code} {a.days_label(ctx.lang)} ({reasons})")
    for u in plan.unmet:
        reasons = "、".join(u.reasons_ja) if ja else "; ".join(u.reasons_en)
        ctx.say(f"UNMET {u.school_code}: {u.days_missing} day(s) a {'week' if u.period_weeks == 1 else 'fortnight'}: {reasons}",
                f"未充足 {u.school_code}：{'週' if u.period_weeks == 1 else '隔週'} {u.days_missing} 日：{reasons}")
    for m in plan.moves:
        ctx.say(f"MOVE {m.alt_code}: leaves {', '.join(m.leaves) or '-'}; takes {', '.join(m.takes) or '-'}",
                f"異動 {m.alt_code}：外れる {', '.join(m.leaves) or '-'}／担当 {', '.join(m.takes) or '-'}")
    gap_en = (f"gap {plan.gap:.1%} ({plan.GAP_NOTE_EN})" if plan.gap_known
              else "gap not yet known (a step has no bound yet: a longer --time-limit gives one)")
    gap_ja = (f"ギャップ {plan.gap:.1%}（{plan.GAP_NOTE_JA}）" if plan.gap_known
              else "ギャップは未確定（下界の出ていないステップがあります。--time-limit を延ばすと出ます）")
    ctx.say(f"{what_en}: {plan.met_days} of {plan.demand_days} demanded days a fortnight met, travel "
            f"{plan.travel_total()} min a fortnight, score {plan.score:.0f}, {gap_en}, {plan.seconds:.1f} s"
            f"{', ' + str(len(plan.moves)) + ' ALT(s) moved' if args.alt_leaves else ''}.",
            f"{what_ja}：隔週あたり需要 {plan.demand_days} 日のうち {plan.met_days} 日を充足、移動 {plan.travel_total()} 分、"
            f"評価値 {plan.score:.0f}、{gap_ja}、"
            f"{plan.seconds:.1f} 秒"
            f"{'、異動するALT ' + str(len(plan.moves)) + ' 人' if args.alt_leaves else ''}。")
    if applied is not None:
        ctx.say(f"Applied: {len(applied.created)} placement(s) created, {len(applied.ended)} ended, "
                f"{len(applied.removed)} removed, {applied.visits} visit(s) generated. `altdesk undo` takes it back.",
                f"適用しました：配置 新規 {len(applied.created)}、終了 {len(applied.ended)}、削除 {len(applied.removed)}、"
                f"訪問 {applied.visits} 件を生成。`altdesk undo` で元に戻せます。")
    return 0
