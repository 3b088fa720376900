"""The bench's baseline: schools in code order, each demand to the nearest free ALT who teaches
the level (the same hard rules, no look-ahead) - what a hand-made spreadsheet plan amounts to."""

from __future__ import annotations

import dataclasses
import time

from altdesk.planning.check import evaluate
from altdesk.planning.model import AltRoom, eligible, options, rooms
from altdesk.planning.solve import _plan
from altdesk.planning.types import SLOTS, Plan, Problem

PAIRS_UP_TO_ROWS = 2000  # a company's every pair is too many to sort; it starts from the baseline


def _days_for(row, r) -> frozenset[int] | None:  # type: ignore[no-untyped-def]
    """The first days of the row that fit the ALT's room (free slots, classes a week), or None."""
    picked: list[frozenset[int]] = []
    for o in options(row, r.free):
        if len(picked) < row.days and all(r.classes[s % 2] - row.classes_per_day *
                                          (1 + sum(1 for p in picked for q in p if q % 2 == s % 2)) >= 0
                                          for s in o):
            picked.append(o)
    return frozenset().union(*picked) if len(picked) == row.days else None


def _take(room, a: int, row, slots: frozenset[int]) -> None:  # type: ignore[no-untyped-def]
    r = room[a]
    r.free -= slots
    for s in slots:
        r.classes[s % 2] -= row.classes_per_day
    r.schools.add(row.school_id)


def greedy_plan(problem: Problem) -> Plan:
    started = time.perf_counter()
    fixed = list(problem.fixed)
    room = rooms(problem, fixed)
    chosen: list[tuple[int, int, frozenset[int], int]] = []
    fixed_rows = {f.demand_id for f in fixed}
    order = sorted(range(len(problem.rows)), key=lambda i: (problem.rows[i].school_code, problem.rows[i].id))
    for i in order:
        row = problem.rows[i]
        if row.id in fixed_rows:
            continue
        best = None
        for alt in problem.alts.values():
            minutes = eligible(problem, alt, row, room[alt.id])
            if minutes is None:
                continue
            got = _days_for(row, room[alt.id])
            if got is None:
                continue
            if best is None or minutes < best[0]:
                best = (minutes, alt.id, got)
        if best is None:
            continue
        minutes, a, slots = best
        chosen.append((a, i, slots, minutes))
        _take(room, a, row, slots)
    plan = _plan(problem, problem.fixed, chosen, 0.0, 0.0, "greedy", time.perf_counter() - started, False, False, 1)
    score = evaluate(problem, plan)
    return dataclasses.replace(plan, score=score, bound=score)


def nearest_pairs_plan(problem: Problem) -> list[tuple[int, int, frozenset[int], int]]:
    """The solver's start: every (ALT, row) pair the hard rules allow, shortest travel first, each
    taken while both are free (a school's last year's ALT first among equals). Much shorter travel
    than school order (a school late in the order no longer gets whoever is left), and no hard rule
    broken; rows still open after that go to whoever has room, school order."""
    fixed = list(problem.fixed)
    room = rooms(problem, fixed)
    fixed_rows = {f.demand_id for f in fixed}
    pairs = []
    for i, row in enumerate(problem.rows):
        if row.id in fixed_rows:
            continue
        for alt in problem.alts.values():
            minutes = eligible(problem, alt, row, room[alt.id])
            if minutes is not None:
                pairs.append((minutes, row.school_id not in alt.last_year_schools, -row.days, row.id, alt.id, i))
    pairs.sort()
    done: set[int] = set()
    chosen: list[tuple[int, int, frozenset[int], int]] = []
    for minutes, _ly, _d, _rid, a, i in pairs:
        if i in done:
            continue
        row = problem.rows[i]
        if eligible(problem, problem.alts[a], row, room[a]) is None:
            continue
        got = _days_for(row, room[a])
        if got is None:
            continue
        done.add(i)
        chosen.append((a, i, got, minutes))
        _take(room, a, row, got)
    _repair(problem, fixed, chosen, [i for i, r in enumerate(problem.rows) if i not in done and r.id not in fixed_rows])
    return chosen


def _room_of(problem: Problem, fixed: list, chosen: list, a: int):  # type: ignore[no-untyped-def,type-arg]
    alt = problem.alts[a]
    r = AltRoom(set(range(SLOTS)) - set(alt.blocked_slots), [alt.weekly_class_limit] * 2, set(), alt.max_schools)
    for f in fixed:
        if f.alt_id == a:
            r.free -= f.slots
            for s in f.slots:
                r.classes[s % 2] -= f.classes_per_day
            r.schools.add(f.school_id)
    for b, i, got, _m in chosen:
        if b == a:
            row = problem.rows[i]
            r.free -= got
            for s in got:
                r.classes[s % 2] -= row.classes_per_day
            r.schools.add(row.school_id)
    return r


def _repair(problem: Problem, fixed: list, chosen: list, open_rows: list[int]) -> None:  # type: ignore[type-arg]
    """Each row still open: an ALT who could take it gives up one of its rows to another ALT with
    room (one step of an ejection chain), nearest first; nothing changes if no such pair exists."""
    empty = {a: AltRoom(set(range(SLOTS)), [99, 99], set(), None) for a in problem.alts}
    for i in open_rows:
        row = problem.rows[i]
        cands = sorted((m, a) for a in problem.alts
                       if (m := eligible(problem, problem.alts[a], row, empty[a])) is not None)
        done = False
        for m, a in cands:
            for k, (b, j, _got_j, _m_j) in enumerate(chosen):
                if b != a:
                    continue
                rest = chosen[:k] + chosen[k + 1:]
                ra = _room_of(problem, fixed, rest, a)
                if eligible(problem, problem.alts[a], row, ra) is None or (slots := _days_for(row, ra)) is None:
                    continue
                row_j = problem.rows[j]
                with_i = rest + [(a, i, slots, m)]
                for m2, c in sorted((mm, c) for c in problem.alts if c != a
                                    and (mm := eligible(problem, problem.alts[c], row_j, empty[c])) is not None):
                    rc = _room_of(problem, fixed, with_i, c)
                    if eligible(problem, problem.alts[c], row_j, rc) is None or (s2 := _days_for(row_j, rc)) is None:
                        continue
                    chosen[:] = with_i + [(c, j, s2, m2)]
                    done = True
                    break
                if done:
                    break
            if done:
                break


def greedy_hint(problem: Problem) -> dict[tuple[int, int], frozenset[int]]:
    """The solver's start, a plan that breaks no hard rule: the shortest-travel pairs first
    (nearest_pairs_plan), or the school-order baseline where that meets more demand."""
    baseline = [(a.alt_id, a.demand_id, a.slots) for a in greedy_plan(problem).assignments
                if a.demand_id is not None and not a.existing]
    if len(problem.rows) > PAIRS_UP_TO_ROWS:
        return {(a, d): s for a, d, s in baseline}
    pairs = nearest_pairs_plan(problem)
    met_pairs = sum(len(s) for _a, _i, s, _m in pairs)
    if met_pairs >= sum(len(s) for _a, _d, s in baseline):
        return {(a, problem.rows[i].id): s for a, i, s, _m in pairs}
    return {(a, d): s for a, d, s in baseline}
