"""Planner figures on the demo branches: `python -m altdesk.bench.planning [--compare] [--company]`.

Large branch (300 ALTs, 800 schools): plan time, gap, hard rules broken (independent check),
total travel and load spread against the greedy baseline in the same run, a mid-year replacement;
--compare runs HiGHS on the same model; --company the 3,000/8,000 company board by board."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any


def _branch(size: str, folder: Path):  # type: ignore[no-untyped-def]
    from altdesk.db.database import open_database
    from altdesk.db.engine import DatabaseTarget
    from altdesk.demo import create_demo_branch
    from altdesk.services.workspace import open_workspace

    db = open_database(DatabaseTarget.parse(str(folder / f"{size}.sqlite3")))
    ws = open_workspace(db, actor="bench")
    create_demo_branch(ws, size)
    return db, ws


def _figures(problem, plan) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from altdesk.planning import hard_rule_breaks

    loads = list(plan.loads().values())
    return {"seconds": round(plan.seconds, 2), "met_days": plan.met_days, "demand_days": plan.demand_days,
            "travel_minutes": plan.travel_total(), "score": plan.score, "gap": round(plan.gap, 4),
            "gap_worst_step": round(plan.worst_step_gap, 4),
            "load_sd": round(statistics.pstdev(loads), 2) if loads else 0.0,
            "load_range": [min(loads), max(loads)] if loads else [], "hard_rule_breaks": len(hard_rule_breaks(problem, plan))}


def run(time_limit: float = 50.0, compare: bool = False, company: bool = False) -> dict[str, Any]:
    from altdesk import planning

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db, ws = _branch("large", Path(tmp))
        try:
            started = time.perf_counter()
            import ortools.sat.python.cp_model  # noqa: F401  the import time the first plan pays

            out["cpsat_import_s"] = round(time.perf_counter() - started, 2)
            problem, _ = planning.year_problem(ws, 2027)
            greedy = planning.greedy_plan(problem)
            plan = planning.plan_fiscal_year(ws, 2027, time_limit)
            out["greedy"] = _figures(problem, greedy)
            out["cpsat"] = _figures(problem, plan)
            out["travel_vs_greedy"] = round(1 - plan.travel_total() / max(1, greedy.travel_total()), 3)
            from altdesk.planning.bound import travel_lower_bound

            bound = travel_lower_bound(problem, greedy.met_days)
            out["travel_bound"] = bound
            out["travel_bound_vs_greedy"] = None if bound is None else round(1 - bound / max(1, greedy.travel_total()), 3)
            if compare:
                plan_h = planning.solve(problem, time_limit, "highs", hint=planning.greedy_hint(problem))
                out["highs"] = _figures(problem, plan_h)
            started = time.perf_counter()
            replacement = planning.plan_replacement(ws, "A0042", __import__("datetime").date(2026, 10, 1))
            out["replacement"] = {"seconds": round(time.perf_counter() - started, 2), "moves": len(replacement.moves),
                                  "unmet": len(replacement.unmet)}
        finally:
            db.close()
        if company:
            db, ws = _branch("company", Path(tmp))
            try:
                started = time.perf_counter()
                problem, _ = planning.year_problem(ws, 2027)
                plan = planning.solve(problem, 600, hint=planning.greedy_hint(problem))
                out["company"] = {**_figures(problem, plan), "wall_s": round(time.perf_counter() - started, 1),
                                  "groups": plan.groups}
            finally:
                db.close()
    return out


# ---- the `bench` group (`altdesk bench --only planning`) ----------------------------------------

PLAN_TIME_LIMIT = 50.0  # the planner's default (start and solve): under the 60 s budget with loading and explaining
COMPANY_TIME_LIMIT = 300.0
SMALL_TIME_LIMIT = 10.0  # the small branch (the bench's own test)


def _spread(plan) -> float:  # type: ignore[no-untyped-def]
    loads = list(plan.loads().values())
    return statistics.pstdev(loads) if loads else 0.0


def _gap_note(plan) -> str:  # type: ignore[no-untyped-def]
    if not plan.gap_known:
        return f"gap not yet known: the solver had no bound in its time ({plan.GAP_NOTE_EN})"
    return (f"gap {plan.gap:.1%} ({plan.GAP_NOTE_EN}); {len(plan.steps)} solver steps"
            + (", the flow's start kept" if plan.start_kept else ""))


def planning_figures(ctx) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The planner's budgets on the bench's branch: next April's plan (time, travel and load spread
    against the greedy baseline in the same run, hard rules by the independent check), a mid-year
    replacement (A0042 leaves on 1 October), and the company size's board-by-board time."""
    import datetime as dt

    from altdesk import planning
    from altdesk.bench.figures import Figure
    from altdesk.bench.timing import Runs, cpu_seconds

    fy = ctx.fiscal_year + 1
    figures = []
    started, cpu = time.perf_counter(), cpu_seconds()
    plan = planning.plan_fiscal_year(ctx.ws, fy, PLAN_TIME_LIMIT if ctx.size != "small" else SMALL_TIME_LIMIT)
    runs = Runs()
    runs.add(time.perf_counter() - started, cpu_seconds() - cpu)
    problem, _ = planning.year_problem(ctx.ws, fy)
    greedy = planning.greedy_plan(problem)
    breaks = planning.hard_rule_breaks(problem, plan)
    plan_fig = Figure("plan_fy", f"plan FY{fy} (the April puzzle), {len(problem.alts)} ALTs", "s", 60.0,
                      baseline_title="greedy baseline: nearest free ALT who teaches the level, school order")
    plan_fig.record(runs, None)
    plan_fig.baseline = greedy.seconds
    plan_fig.note = (f"{plan.met_days}/{plan.demand_days} demanded days a fortnight met (greedy {greedy.met_days}), "
                     f"{len(breaks)} hard rule(s) broken; " + _gap_note(plan))
    if breaks:
        plan_fig.failed = True
    figures.append(plan_fig)
    travel = Figure("plan_travel", "plan travel against greedy's (same run)", "x", 0.8)
    travel.value = plan.travel_total() / max(1, greedy.travel_total())
    travel.runs, travel.samples = 1, [travel.value]
    travel.note = (f"{plan.travel_total()} min a fortnight against greedy's {greedy.travel_total()}; "
                   f"continuity kept at {sum(1 for a in plan.assignments if a.kept)} rows (greedy "
                   f"{sum(1 for a in greedy.assignments if a.kept)})")
    figures.append(travel)
    figures.append(_travel_bound(problem, plan, greedy))
    spread = Figure("plan_load_spread", "plan load spread (sd of classes a week)", "classes", round(_spread(greedy), 2))
    spread.value = _spread(plan)
    spread.runs, spread.samples = 1, [spread.value]
    spread.note = f"budget: greedy's spread in the same run ({_spread(greedy):.2f})"
    figures.append(spread)
    leaver = dt.date(ctx.fiscal_year, 10, 1)
    code = _leaver(ctx.ws, leaver)
    rep = Figure("plan_replacement", f"re-plan after an ALT leaves on {leaver}", "s", 10.0)
    runs = Runs()
    started, cpu = time.perf_counter(), cpu_seconds()
    replacement = planning.plan_replacement(ctx.ws, code, leaver)
    runs.add(time.perf_counter() - started, cpu_seconds() - cpu)
    rep.record(runs)
    rep.note = (f"{code} leaves: {len(replacement.moves)} ALT(s) moved, {len(replacement.unmet)} demand row(s) unmet, "
                f"{len(replacement.ends)} placement(s) end")
    figures.append(rep)
    figures.append(_company(ctx))
    return figures


def _travel_bound(problem, plan, greedy) -> Any:  # type: ignore[no-untyped-def]
    """How low plan_travel can go at all: the least travel of any plan meeting as many days as
    greedy (altdesk.planning.bound), against greedy's. Its budget is plan_travel's target, so the
    row fails when that target is out of reach of every plan on this branch."""
    from altdesk.bench.figures import Figure
    from altdesk.planning.bound import travel_lower_bound

    figure = Figure("plan_travel_bound", "least travel any plan meeting greedy's days can have, against greedy's",
                    "x", 0.8)
    bound = travel_lower_bound(problem, greedy.met_days)
    if bound is None:
        return figure.unavailable("the relaxation cannot meet greedy's days")
    figure.value = bound / max(1, greedy.travel_total())
    figure.runs, figure.samples = 1, [figure.value]
    figure.note = (f"{bound} min a fortnight (weekdays, class limits, caps and the travel limit dropped); the plan's "
                   f"{plan.travel_total()} is {plan.travel_total() / max(1, bound) - 1:.1%} above it")
    return figure


def _leaver(ws, day) -> str:  # type: ignore[no-untyped-def]
    """A0042 (the large branch's), else the first ALT with a placement in force on `day`."""
    from sqlalchemy import select

    from altdesk.db.models import Alt, Placement

    with ws.db.sessions() as session:
        codes = list(session.scalars(select(Alt.code).join(Placement, Placement.alt_id == Alt.id).where(
            Alt.branch_id == ws.branch_id, Placement.start_date <= day, Placement.end_date >= day)
            .order_by(Alt.code).distinct()))
    return "A0042" if "A0042" in codes else codes[0]


def _company(ctx) -> Any:  # type: ignore[no-untyped-def]
    from altdesk import planning
    from altdesk.bench.figures import Figure
    from altdesk.bench.timing import Runs, cpu_seconds

    figure = Figure("plan_company", "plan the company size (3,000 ALTs, 8,000 schools), board by board", "s", None)
    if ctx.size != "large":
        return figure.unavailable("measured with --size large")
    with tempfile.TemporaryDirectory() as tmp:
        db, ws = _branch("company", Path(tmp))
        try:
            runs = Runs()
            started, cpu = time.perf_counter(), cpu_seconds()
            problem, _ = planning.year_problem(ws, ctx.fiscal_year + 1)
            plan = planning.solve(problem, COMPANY_TIME_LIMIT, hint=planning.greedy_hint(problem))
            runs.add(time.perf_counter() - started, cpu_seconds() - cpu)
            figure.record(runs)
            figure.note = (f"{plan.groups} groups, time limit {COMPANY_TIME_LIMIT:.0f} s; {plan.met_days}/"
                           f"{plan.demand_days} days met, {len(planning.hard_rule_breaks(problem, plan))} hard rule(s) "
                           "broken")
        finally:
            db.close()
    return figure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=50.0)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--company", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(args.time_limit, args.compare, args.company), indent=1))


if __name__ == "__main__":
    main()
