"""A small integer linear model, written once and handed to either solver.

The planner's model (altdesk.planning.model) is plain 0/1 and integer variables, linear rows and a
linear cost, so the same model runs on OR-Tools CP-SAT (the one the planner uses) and on HiGHS
(kept for the bench's comparison). Each solver is imported only inside its solve function: the
window and the command line start without them (tests/ui/test_startup_imports.py).

Why CP-SAT (measured on the large demo branch by `python -m altdesk.bench.planning --compare`,
figures in README.md): on the board-sized 0/1 models it found plans as good or better within the
same seconds, runs its two workers in parallel, reports every improving solution (the window's
"best plan so far", and Stop keeps it) and takes a hint (last year's placements). It costs more:
the ortools wheel is ~30 MB (80 MB installed, with numpy, pandas and protobuf) and
`from ortools.sat.python import cp_model` takes ~0.8 s, against highspy's 8 MB and ~0.1 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class LinearModel:
    lb: list[int] = field(default_factory=list)
    ub: list[int] = field(default_factory=list)
    cost: list[int] = field(default_factory=list)
    rows: list[tuple[int, int, list[int], list[int]]] = field(default_factory=list)
    hints: dict[int, int] = field(default_factory=dict)
    offset: int = 0

    def var(self, lb: int = 0, ub: int = 1, cost: int = 0) -> int:
        self.lb.append(lb)
        self.ub.append(ub)
        self.cost.append(cost)
        return len(self.lb) - 1

    def add(self, lo: int, hi: int, terms: list[tuple[int, int]]) -> None:
        """lo <= sum(coef * var) <= hi, terms as (var, coef)."""
        if terms:
            self.rows.append((lo, hi, [v for v, _ in terms], [c for _, c in terms]))

    @property
    def size(self) -> tuple[int, int]:
        return len(self.lb), len(self.rows)


INF = 10**9


@dataclass(frozen=True)
class Solution:
    values: list[int]
    objective: float
    bound: float
    optimal: bool
    feasible: bool
    seconds: float
    stopped: bool = False


OnSolution = Callable[[list[int], float, float], None]


def solve_cpsat(model: LinearModel, time_limit: float, workers: int = 2, stop: Callable[[], bool] | None = None,
                on_solution: OnSolution | None = None) -> Solution:
    from ortools.sat.python import cp_model  # loaded only when planning (~0.8 s)

    started = time.perf_counter()
    m = cp_model.CpModel()
    xs = [m.new_bool_var("") if (lo, hi) == (0, 1) else m.new_int_var(lo, hi, "")
          for lo, hi in zip(model.lb, model.ub, strict=True)]
    weighted = cp_model.LinearExpr.weighted_sum
    for lo, hi, idx, coef in model.rows:
        m.add_linear_constraint(weighted([xs[i] for i in idx], coef), max(lo, -INF), min(hi, INF))
    costed = [(i, c) for i, c in enumerate(model.cost) if c]
    m.minimize(weighted([xs[i] for i, _ in costed], [c for _, c in costed]) + model.offset)
    for i, value in model.hints.items():
        m.add_hint(xs[i], value)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    solver.parameters.num_workers = workers
    stopped = [False]

    class _Callback(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if on_solution is not None:
                on_solution([self.value(x) for x in xs], self.objective_value, self.best_objective_bound)
            if stop is not None and stop():
                stopped[0] = True
                self.stop_search()

    status = solver.solve(m, _Callback())
    feasible = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    values = [solver.value(x) for x in xs] if feasible else [0] * len(xs)
    return Solution(values, solver.objective_value if feasible else float("inf"), solver.best_objective_bound,
                    status == cp_model.OPTIMAL, feasible, time.perf_counter() - started, stopped[0])


def solve_highs(model: LinearModel, time_limit: float, workers: int = 2, stop: Callable[[], bool] | None = None,
                on_solution: OnSolution | None = None) -> Solution:
    import highspy  # loaded only when planning
    import numpy as np

    started = time.perf_counter()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(0.1, float(time_limit)))
    h.setOptionValue("threads", workers)
    n = len(model.lb)
    h.addVars(n, np.array(model.lb, dtype=float), np.array(model.ub, dtype=float))
    idx = np.arange(n, dtype=np.int32)
    h.changeColsCost(n, idx, np.array(model.cost, dtype=float))
    h.changeColsIntegrality(n, idx, np.array([highspy.HighsVarType.kInteger] * n))
    starts, indices, values, lower, upper = [], [], [], [], []
    for lo, hi, vs, cs in model.rows:
        starts.append(len(indices))
        indices.extend(vs)
        values.extend(cs)
        lower.append(-highspy.kHighsInf if lo <= -INF else lo)
        upper.append(highspy.kHighsInf if hi >= INF else hi)
    if lower:
        h.addRows(len(lower), np.array(lower, dtype=float), np.array(upper, dtype=float), len(indices),
                  np.array(starts, dtype=np.int32), np.array(indices, dtype=np.int32), np.array(values, dtype=float))
    h.run()
    info = h.getInfo()
    status = h.getModelStatus()
    feasible = info.primal_solution_status == 2  # kSolutionStatusFeasible
    sol = [int(round(v)) for v in h.getSolution().col_value] if feasible else [0] * n
    objective = info.objective_function_value + model.offset if feasible else float("inf")
    return Solution(sol, objective, info.mip_dual_bound + model.offset, status == highspy.HighsModelStatus.kOptimal,
                    feasible, time.perf_counter() - started)


SOLVERS = {"cpsat": solve_cpsat, "highs": solve_highs}
