"""The placement planner: which ALT goes to which school on which weekdays, for a fiscal year
or after an ALT leaves mid-year.

    plan = plan_fiscal_year(ws, 2027, time_limit=50, progress=on_progress, stop=lambda: cancelled)
    plan.assignments / plan.unmet (each with reasons_en / reasons_ja), plan.score, plan.bound, plan.gap

`progress` gets a PlanProgress after each step (and about every second while one runs) with the
best plan so far; `stop` returning True ends the search and the plan found so far is returned
(plan.stopped). Accepting a plan is altdesk.services.planning.apply_plan, run as one journalled
operation by the face (altdesk.operations.perform). The solver (OR-Tools CP-SAT) is imported
only inside these calls."""

from __future__ import annotations

import datetime as dt
import time

from altdesk.dates import fiscal_year_bounds, fiscal_year_of
from altdesk.db.models import Alt
from altdesk.db.workspace import Workspace
from altdesk.errors import InvalidInput, NotFound
from altdesk.planning.check import evaluate, hard_rule_breaks
from altdesk.planning.greedy import greedy_hint, greedy_plan
from altdesk.planning.load import load_problem
from altdesk.planning.replace import replan
from altdesk.planning.solve import solve
from altdesk.planning.types import (
    AltFacts,
    Assignment,
    DemandRow,
    Fixed,
    Move,
    Plan,
    PlanProgress,
    Problem,
    ProgressFn,
    StopFn,
    UnmetDemand,
    Weights,
)

DEFAULT_TIME_LIMIT = 50.0
REPLACEMENT_TIME_LIMIT = 8.0


def year_problem(ws: Workspace, fiscal_year: int) -> tuple[Problem, dict]:  # type: ignore[type-arg]
    first, last = fiscal_year_bounds(fiscal_year)
    with ws.db.sessions() as session:
        return load_problem(session, ws.branch_id, first, last)


def plan_fiscal_year(ws: Workspace, fiscal_year: int, time_limit: float = DEFAULT_TIME_LIMIT,
                     progress: ProgressFn | None = None, stop: StopFn | None = None, solver: str = "cpsat") -> Plan:
    """The year's plan. Placements in the year that are not pinned are what it replaces (plan.ends)."""
    import dataclasses

    problem, info = year_problem(ws, fiscal_year)
    if not problem.rows:
        raise InvalidInput(f"No school asks for ALT days in fiscal year {fiscal_year}: enter the schools' demand first.",
                           f"{fiscal_year}年度に ALT の訪問を求める学校がありません。先に学校の需要を入力してください。",
                           field="fiscal_year")
    started = time.perf_counter()
    hint = greedy_hint(problem)
    # The time limit is the whole plan's: the start's seconds come out of the solver's.
    plan = solve(problem, max(1.0, time_limit - (time.perf_counter() - started)), solver, progress, stop, hint=hint)
    plan = _better_of(problem, plan, hint)
    plan = dataclasses.replace(plan, seconds=time.perf_counter() - started)
    ends = tuple((pid, problem.first - dt.timedelta(days=1)) for pid in info["placements"])
    return dataclasses.replace(plan, ends=ends)


def _better_of(problem: Problem, plan: Plan, hint: dict[tuple[int, int], frozenset[int]]) -> Plan:
    """The solver's plan, or the start itself when that scores better: the solver's board steps
    work on one board's model at a time and, in their seconds on a large branch, often end a little
    above the flow start they began from (their models do not count every goal as evaluate does)."""
    import dataclasses

    from altdesk.planning.flow import as_plan

    start = as_plan(problem, hint, plan.solver, plan.seconds, plan.stopped, plan.groups)
    score = start.score
    if score >= plan.score or hard_rule_breaks(problem, start):
        return plan
    return dataclasses.replace(start, score=score, bound=min(plan.bound, score), steps=plan.steps, start_kept=True)


def replacement_problem(ws: Workspace, alt_code: str, from_date: dt.date) -> tuple[Problem, dict, int]:  # type: ignore[type-arg]
    from sqlalchemy import select

    from altdesk.db.models import Placement

    _fy_first, fy_last = fiscal_year_bounds(fiscal_year_of(from_date))
    with ws.db.sessions() as session:
        alt_id = session.scalar(select(Alt.id).where(Alt.branch_id == ws.branch_id, Alt.code == alt_code))
        if alt_id is None:
            raise NotFound(f"No ALT with code {alt_code}.", f"コード {alt_code} のALTはいません。")
        problem, info = load_problem(session, ws.branch_id, from_date, fy_last, current_at=from_date,
                                     leaving={alt_id: from_date})
        info["leaver_placements"] = list(session.scalars(select(Placement.id).where(
            Placement.alt_id == alt_id, Placement.end_date >= from_date)))
    return problem, info, alt_id


def plan_replacement(ws: Workspace, alt_code: str, from_date: dt.date, time_limit: float = REPLACEMENT_TIME_LIMIT,
                     progress: ProgressFn | None = None, stop: StopFn | None = None, solver: str = "cpsat") -> Plan:
    """The ALT leaves on from_date (their last day is the day before): what must change, and the moves."""
    problem, info, _alt_id = replacement_problem(ws, alt_code, from_date)
    return replan(problem, info["placements"], info["leaver_placements"], from_date, time_limit, progress, stop, solver)


__all__ = ["AltFacts", "Assignment", "DemandRow", "Fixed", "Move", "Plan", "PlanProgress", "Problem", "UnmetDemand",
           "Weights", "evaluate", "greedy_hint", "greedy_plan", "hard_rule_breaks", "load_problem", "plan_fiscal_year",
           "plan_replacement", "replan", "solve", "year_problem"]
