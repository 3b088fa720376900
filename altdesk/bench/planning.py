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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=50.0)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--company", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run(args.time_limit, args.compare, args.company), indent=1))


if __name__ == "__main__":
    main()
