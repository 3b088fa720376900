"""Solving a Problem into a Plan: a small branch as one model; a large branch or a company from
the flow's start by a local search over neighbourhoods of ALTs (or, with no start, board by board
and then one mop-up over what the boards left unmet); progress with the best plan so far; stop
keeps it."""

from __future__ import annotations

import dataclasses
import math
import time
from collections import defaultdict

from altdesk.planning import explain
from altdesk.planning.bound import score_lower_bound
from altdesk.planning.check import evaluate
from altdesk.planning.linear import SOLVERS
from altdesk.planning.model import Built, build, eligible, extract, rooms
from altdesk.planning.types import (
    Assignment,
    Fixed,
    Plan,
    PlanProgress,
    Problem,
    ProgressFn,
    StopFn,
    UnmetDemand,
)

ONE_GROUP_ROWS = 240  # a branch this small is solved as one model


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def groups_by_board(problem: Problem, row_ids: list[int],
                    hint: dict[tuple[int, int], frozenset[int]] | None = None) -> list[tuple[list[int], list[int]]]:
    """(alt ids, row indexes) per board: an ALT goes to the board most of its hinted rows are in
    (the greedy start), else to the board nearest home that still needs ALT days, nearest first."""
    rows = problem.rows
    board_of_row = {r.id: r.board_id for r in rows}
    hinted: dict[int, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
    for (a, demand_id), slots in (hint or {}).items():
        hinted[a][board_of_row.get(demand_id)] += len(slots)
    by_board: dict[int | None, list[int]] = defaultdict(list)
    for i in row_ids:
        by_board[rows[i].board_id].append(i)
    if len(row_ids) <= ONE_GROUP_ROWS or len(by_board) == 1:
        return [(list(problem.alts), row_ids)]
    centres = {b: _centre([(rows[i].latitude, rows[i].longitude) for i in idx
                            if rows[i].latitude is not None and rows[i].longitude is not None])
               for b, idx in by_board.items()}
    need = {b: sum(rows[i].days * (2 if rows[i].period_weeks == 1 else 1) for i in idx) * 1.08
            for b, idx in by_board.items()}
    pairs = []
    for alt in problem.alts.values():
        for b, c in centres.items():
            if c is None or alt.latitude is None or alt.longitude is None:
                dist = 1e6
            else:
                dist = math.hypot(alt.latitude - c[0], (alt.longitude - c[1]) * 0.81)
            pairs.append((dist, alt.id, b))
    pairs.sort(key=lambda p: (p[0], p[1], str(p[2])))
    placed: dict[int, int | None] = {}
    for a, counts in hinted.items():
        b = max(counts, key=lambda k: counts[k])
        if b in need:
            placed[a] = b
            need[b] -= 10 - len(problem.alts[a].blocked_slots)
    nearest: dict[int, int | None] = {}
    for _dist, a, b in pairs:
        nearest.setdefault(a, b)
        if a in placed or need[b] <= 0:
            continue
        placed[a] = b
        need[b] -= 10 - len(problem.alts[a].blocked_slots)
    alts_of: dict[int | None, list[int]] = defaultdict(list)
    for a in problem.alts:
        alts_of[placed.get(a, nearest.get(a))].append(a)
    return [(alts_of.get(b, []), idx) for b, idx in sorted(by_board.items(), key=lambda kv: str(kv[0]))]


def solve(problem: Problem, time_limit: float = 50.0, solver: str = "cpsat", progress: ProgressFn | None = None,
          stop: StopFn | None = None, hint: dict[tuple[int, int], frozenset[int]] | None = None,
          row_ids: list[int] | None = None, alt_ids: list[int] | None = None) -> Plan:
    """The plan for `problem` (its rows, or `row_ids`; its ALTs, or `alt_ids` for the groups)."""
    started = time.perf_counter()
    solve_fn = SOLVERS[solver]
    rows = problem.rows
    fixed_rows = {f.demand_id for f in problem.fixed if f.demand_id is not None}
    row_ids = [i for i in (range(len(rows)) if row_ids is None else row_ids) if rows[i].id not in fixed_rows]
    groups = groups_by_board(problem, row_ids, hint) if alt_ids is None else [(alt_ids, row_ids)]
    # A year's plan is measured against the whole branch (a replacement's steps are small models
    # the solver bounds itself, with goals the relaxation does not price).
    whole = score_lower_bound(problem) if not problem.current else None
    time_limit = max(1.0, time_limit - (time.perf_counter() - started))
    if len(groups) > 1 and hint:
        return improve_locally(problem, row_ids, hint, time_limit, solver, progress, stop, time.perf_counter(), whole)
    fixed = list(problem.fixed)
    chosen: list[tuple[int, int, frozenset[int], int]] = []
    objective = bound = 0.0
    optimal = True
    stopped = False
    weight_total = sum(len(g[1]) for g in groups) or 1
    budget = time_limit * (0.85 if len(groups) > 1 else 1.0)
    total_steps = len(groups) + (1 if len(groups) > 1 else 0)

    def report(done: int, current: list[tuple[int, int, frozenset[int], int]]) -> None:
        if progress is not None:
            best = _plan(problem, fixed_base, chosen + current, 0.0, 0.0, solver, time.perf_counter() - started,
                         False, True, len(groups))
            progress(PlanProgress(f"Solving step {done + 1} of {total_steps}", f"計算中 {done + 1}/{total_steps}",
                                  done, total_steps, time.perf_counter() - started, best))

    fixed_base = list(problem.fixed)
    steps: list[tuple[int, int, int, float | None, float, bool]] = []
    for step, (g_alts, g_rows) in enumerate(groups):
        if stopped:
            break
        b = build(problem, g_alts, g_rows, fixed, hint)
        share = budget * len(g_rows) / weight_total
        last_report = [time.perf_counter()]

        def on_solution(values: list[int], _obj: float, _bound: float, b=b, step=step, last_report=last_report) -> None:
            if progress is not None and time.perf_counter() - last_report[0] > 1.0:
                last_report[0] = time.perf_counter()
                report(step, extract(b, problem, values))

        sol = solve_fn(b.model, share, stop=stop, on_solution=on_solution)
        stopped = stopped or sol.stopped
        if not sol.feasible:
            # No solution in its share of the time (a busy machine): the group keeps its start.
            optimal = False
            got = from_hint(b, problem, hint, fixed)
            steps.append((step, len(g_alts), len(g_rows), None, sol.bound, False))
        else:
            objective += sol.objective
            bound += sol.bound
            optimal = optimal and sol.optimal
            got = extract(b, problem, sol.values)
            steps.append((step, len(g_alts), len(g_rows), sol.objective, sol.bound, sol.optimal))
        chosen += got
        fixed += [Fixed(a, rows[i].school_id, s, rows[i].classes_per_day, rows[i].id) for a, i, s, _ in got]
        report(step + 1, [])
    if len(groups) > 1 and not stopped:
        taken = {i for _, i, _, _ in chosen}
        left = [i for i in row_ids if i not in taken]
        if left:
            rest = max(2.0, time_limit - (time.perf_counter() - started))
            b = build(problem, list(problem.alts), left, fixed, hint)
            sol = solve_fn(b.model, rest, stop=stop)
            if sol.feasible:
                got = extract(b, problem, sol.values)
                chosen += got
                # The mop-up's objective counts its rows only; its rows' share of the groups' is replaced.
                objective += sol.objective
                bound += sol.bound
                optimal = optimal and sol.optimal
                steps.append((len(groups), len(problem.alts), len(left), sol.objective, sol.bound, sol.optimal))
    plan = _plan(problem, fixed_base, chosen, objective, bound, solver, time.perf_counter() - started, optimal,
                 stopped, len(groups))
    # One score for every plan (altdesk.planning.check.evaluate); the bound keeps the solver's gap
    # when one model was all of it, and is the whole branch's otherwise.
    score = evaluate(problem, plan)
    solver_bound = score - max(0.0, objective - bound) if len(groups) == 1 else -math.inf
    best_bound = max(solver_bound, -math.inf if whole is None else whole)
    return dataclasses.replace(plan, score=score, bound=best_bound if best_bound > -math.inf else score - max(
        0.0, objective - bound), steps=tuple(steps))


def from_hint(b: Built, problem: Problem, hint: dict[tuple[int, int], frozenset[int]] | None,
              fixed: list[Fixed]) -> list[tuple[int, int, frozenset[int], int]]:
    """The hinted choices of a model (the greedy start) that still fit beside `fixed`."""
    if not hint:
        return []
    room = rooms(problem, fixed)
    rows = problem.rows
    out = []
    for (a, i), _x in b.x.items():
        slots = hint.get((a, rows[i].id))
        if slots is None:
            continue
        picked = [o for _v, o in b.d[(a, i)] if o <= slots]
        got = frozenset().union(*picked) if picked else frozenset()
        r = room[a]
        cpd = rows[i].classes_per_day
        if len(picked) != rows[i].days or got != slots or not got <= r.free or any(
                r.classes[p] < cpd * sum(1 for s in got if s % 2 == p) for p in (0, 1)):
            continue
        r.free -= got
        for s in got:
            r.classes[s % 2] -= cpd
        out.append((a, i, got, b.minutes[(a, i)]))
    return out


# ALTs planned again together in one step of the local search. Measured on the large branch (45 s):
# 5 ALTs, 430 steps nearly all proven, score 92,466; 3 ALTs, 92,927; 7 ALTs, 92,572; 10, 93,053.
NEIGHBOURS = 5
STEP_SECONDS = 1.0  # a step's most; most are proven in a tenth of it


def improve_locally(problem: Problem, row_ids: list[int], hint: dict[tuple[int, int], frozenset[int]],
                    time_limit: float, solver: str, progress: ProgressFn | None, stop: StopFn | None,
                    started: float, whole: float | None = None) -> Plan:
    """A large branch or a company, from a plan that breaks no hard rule (the flow's start): a
    search over neighbourhoods. Each step takes one ALT and the ALTs living nearest, frees every row
    they have (and any row left unmet that one of them may take), and plans those rows again among
    them with everything else kept. All of an ALT's rows are in its step, so the step's model counts
    every goal as evaluate does, and it starts from the plan so far: no step makes the plan worse."""
    import random

    solve_fn = SOLVERS[solver]
    rows = problem.rows
    row_index = {r.id: i for i, r in enumerate(rows)}
    allowed = set(row_ids)
    plan_now: dict[tuple[int, int], frozenset[int]] = {(a, d): s for (a, d), s in hint.items()
                                                      if d in row_index and row_index[d] in allowed}
    alts = sorted(problem.alts)
    where = {a: (problem.alts[a].latitude, problem.alts[a].longitude) for a in alts}

    def neighbours(seed: int) -> list[int]:
        lat, lon = where[seed]
        if lat is None or lon is None:
            return [seed]
        dist = sorted((math.hypot((p[0] - lat), (p[1] - lon) * 0.81), a) for a, p in where.items()
                      if p[0] is not None and p[1] is not None)
        return [a for _d, a in dist[:NEIGHBOURS]]

    order = list(alts)
    random.Random(len(alts) * 7919 + len(rows)).shuffle(order)  # the same order for the same branch
    steps: list[tuple[int, int, int, float | None, float, bool]] = []
    stopped = False
    step = 0
    last_report = time.perf_counter()
    proven_since_change = 0

    def current_plan(seconds: float) -> Plan:
        chosen = [(a, row_index[d], s, 0) for (a, d), s in plan_now.items()]
        return _plan(problem, list(problem.fixed), chosen, 0.0, 0.0, solver, seconds, False, stopped, 1)

    while not stopped and order:
        if time.perf_counter() - started + 0.3 > time_limit or proven_since_change >= len(order):
            break  # out of time, or every neighbourhood proven best as it stands
        seed = order[step % len(order)]
        group = neighbours(seed)
        members = set(group)
        taken = {row_index[d] for (_a, d) in plan_now}
        mine = sorted({row_index[d] for (a, d) in plan_now if a in members})
        room = rooms(problem, list(problem.fixed))
        open_rows = [i for i in row_ids if i not in taken and any(
            eligible(problem, problem.alts[a], rows[i], room[a]) is not None for a in group)]
        free_rows = mine + open_rows
        step += 1
        if not free_rows:
            proven_since_change += 1
            continue
        start = {(a, d): s for (a, d), s in plan_now.items() if a in members}
        fixed = list(problem.fixed) + [Fixed(a, rows[row_index[d]].school_id, s, rows[row_index[d]].classes_per_day, d)
                                       for (a, d), s in plan_now.items() if a not in members]
        b = build(problem, group, free_rows, fixed, start)
        share = min(STEP_SECONDS, max(0.2, time_limit - (time.perf_counter() - started) - 0.2))
        sol = solve_fn(b.model, share, stop=stop)
        stopped = stopped or sol.stopped
        if sol.feasible:
            got = extract(b, problem, sol.values)
            new = {(a, rows[i].id): s for a, i, s, _m in got}
            changed = new != start
            for key in start:
                del plan_now[key]
            plan_now.update(new)
            proven_since_change = 0 if changed else proven_since_change + int(sol.optimal)
            steps.append((step - 1, len(group), len(free_rows), sol.objective, sol.bound, sol.optimal))
        else:
            steps.append((step - 1, len(group), len(free_rows), None, sol.bound, False))
        if progress is not None and time.perf_counter() - last_report > 1.0:
            last_report = time.perf_counter()
            seconds = time.perf_counter() - started
            progress(PlanProgress(f"Improving the plan ({step} groups of neighbouring ALTs planned again)",
                                  f"計画を改善中（近くに住むALTのグループを {step} 回組み直し）",
                                  int(seconds), max(1, round(time_limit)), seconds, current_plan(seconds), timed=True))
    plan = current_plan(time.perf_counter() - started)
    score = evaluate(problem, plan)
    objective = sum(st[3] for st in steps if st[3] is not None)
    bound = sum(st[4] for st in steps if st[3] is not None)
    return dataclasses.replace(plan, score=score, bound=score - max(0.0, objective - bound) if whole is None else whole,
                               steps=tuple(steps), optimal=False, seconds=time.perf_counter() - started,
                               groups=len({seed for seed in order[:step]}))


def _plan(problem: Problem, fixed: list[Fixed], chosen: list[tuple[int, int, frozenset[int], int]], objective: float,
          bound: float, solver: str, seconds: float, optimal: bool, stopped: bool, groups: int) -> Plan:
    rows = problem.rows
    loads: dict[int, float] = defaultdict(float)
    for a, i, s, _ in chosen:
        loads[a] += rows[i].classes_per_day * len(s) / 2
    for f in fixed:
        loads[f.alt_id] += f.classes_per_day * len(f.slots) / 2
    assignments = []
    rows_by_id = {r.id: r for r in rows}
    for f in fixed:
        alt = problem.alts.get(f.alt_id)
        row = rows_by_id.get(f.demand_id) if f.demand_id is not None else None
        if alt is None or row is None:
            continue
        assignments.append(dataclasses.replace(
            _assignment(problem, alt, row, f.slots, problem.minutes(alt, row), loads[alt.id], f.pinned), existing=True))
    for a, i, s, _minutes in chosen:
        alt, row = problem.alts[a], rows[i]
        assignments.append(_assignment(problem, alt, row, s, problem.minutes(alt, row), loads[a], False))
    met = {x.demand_id for x in assignments}
    room = rooms(problem, list(fixed) + [Fixed(a, rows[i].school_id, s, rows[i].classes_per_day, rows[i].id)
                                         for a, i, s, _ in chosen])
    unmet = []
    for row in rows:
        if row.id in met:
            continue
        en, ja = explain.unmet_reasons(problem, row, room, stopped)
        unmet.append(UnmetDemand(row.id, row.school_id, row.school_code, row.school_name_en, row.school_name_ja,
                                 row.level, row.days, row.period_weeks, en, ja))
    assignments.sort(key=lambda x: (x.school_code, x.alt_code))
    return Plan(problem.first, problem.last, tuple(assignments), tuple(unmet), objective, bound, solver, seconds,
                optimal, stopped, groups)


def _assignment(problem: Problem, alt, row, slots: frozenset[int], minutes: int | None, load: float,  # type: ignore[no-untyped-def]
                pinned: bool) -> Assignment:
    draft = Assignment(alt.id, alt.code, alt.name, row.school_id, row.school_code, row.school_name_en,
                       row.school_name_ja, row.id, frozenset(slots), row.classes_per_day, row.start, row.end, minutes,
                       row.school_id in alt.last_year_schools, pinned, (), ())
    en, ja = explain.assignment_reasons(problem, alt, row, minutes, draft.days_label("en"), draft.days_label("ja"),
                                        load, pinned)
    return Assignment(**{**draft.__dict__, "reasons_en": en, "reasons_ja": ja})
