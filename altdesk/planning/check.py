"""An independent check of a plan against the hard rules, and one score for any plan (the
planner's or the greedy baseline's) so they compare on the same terms. Written apart from the
model on purpose: it reads only the Problem and the Plan."""

from __future__ import annotations

from collections import defaultdict

from altdesk.planning.types import SLOTS, Plan, Problem, Weights


def hard_rule_breaks(problem: Problem, plan: Plan) -> list[str]:
    rows = {r.id: r for r in problem.rows}
    out: list[str] = []
    used: dict[tuple[int, int], str] = {}
    classes: dict[tuple[int, int], int] = defaultdict(int)
    schools: dict[int, set[int]] = defaultdict(set)
    taken: dict[int, int] = defaultdict(int)
    items = [(a.alt_id, a.school_id, a.demand_id, a.slots, a.classes_per_day, a.school_code) for a in plan.assignments]
    in_plan = {(a.alt_id, a.demand_id) for a in plan.assignments}
    for f in problem.fixed:
        if f.demand_id is None or (f.alt_id, f.demand_id) not in in_plan:
            items.append((f.alt_id, f.school_id, None, f.slots, f.classes_per_day, f"fixed@{f.school_id}"))
        if f.pinned and f.demand_id is not None and (f.alt_id, f.demand_id) not in in_plan:
            out.append(f"pinned placement of ALT {f.alt_id} at school {f.school_id} is missing")
    for alt_id, school_id, demand_id, slots, cpd, label in items:
        alt = problem.alts.get(alt_id)
        if alt is None:
            out.append(f"unknown ALT {alt_id}")
            continue
        for s in slots:
            if s in alt.blocked_slots:
                out.append(f"{alt.code} is absent on slot {s} ({label})")
            if (alt_id, s) in used:
                out.append(f"{alt.code} has two schools on slot {s}: {used[(alt_id, s)]} and {label}")
            used[(alt_id, s)] = label
            classes[(alt_id, s % 2)] += cpd
        schools[alt_id].add(school_id)
        if demand_id is None:
            continue
        row = rows.get(demand_id)
        if row is None:
            out.append(f"{label}: unknown demand {demand_id}")
            continue
        taken[demand_id] += 1
        if row.level not in alt.levels:
            out.append(f"{alt.code} does not teach {row.level} ({label})")
        if (alt.start_date and alt.start_date > row.start) or (alt.end_date and alt.end_date < row.end):
            out.append(f"{alt.code}'s contract does not cover {row.start}..{row.end} ({label})")
        wanted = row.days * (2 if row.period_weeks == 1 else 1)
        if len(slots) != wanted:
            out.append(f"{label}: {len(slots)} slots given, {wanted} demanded")
        for s in slots:
            if s // 2 not in row.weekdays:
                out.append(f"{label}: weekday {s // 2} is not one the school asks for")
            if s in row.closed_slots:
                out.append(f"{label}: slot {s} has no school day")
        if row.period_weeks == 1 and any((s ^ 1) not in slots for s in slots):
            out.append(f"{label}: a weekly demand given in alternate weeks only")
    for (alt_id, week), n in classes.items():
        if n > problem.alts[alt_id].weekly_class_limit:
            out.append(f"{problem.alts[alt_id].code}: {n} classes in week {'AB'[week]} over the limit")
    for alt_id, got in schools.items():
        cap = problem.alts[alt_id].max_schools
        if cap is not None and len(got) > cap:
            out.append(f"{problem.alts[alt_id].code}: {len(got)} schools over the cap of {cap}")
    for demand_id, n in taken.items():
        if n > 1:
            out.append(f"demand {demand_id} taken {n} times")
    return out


def workable_alts(problem: Problem) -> set[int]:
    """ALTs the balance goal counts: any with a free slot who teaches a level some row asks for
    within its contract's dates (an ALT who can take nothing is no imbalance of the plan's)."""
    spans: dict[str, set[tuple]] = defaultdict(set)  # type: ignore[type-arg]
    for r in problem.rows:
        spans[r.level].add((r.start, r.end))
    out = set()
    for alt in problem.alts.values():
        if len(alt.blocked_slots) >= SLOTS:
            continue
        if any((alt.start_date is None or alt.start_date <= start) and (alt.end_date is None or alt.end_date >= end)
               for level in alt.levels for start, end in spans.get(level, ())):
            out.add(alt.id)
    return out


def preferred_bonus(weights: Weights) -> int:
    """What a row at one of the ALT's preferred levels takes off the score (the model's and evaluate's)."""
    return max(1, weights.schools // 2)


def evaluate(problem: Problem, plan: Plan) -> float:
    """The planner's objective for any plan: unmet days, travel, continuity lost, schools, balance
    (every ALT who could work, an idle one the farthest from the target), preferred levels, pairings."""
    w = problem.weights
    rows = {r.id: r for r in problem.rows}
    score = 0.0
    for u in plan.unmet:
        score += w.unmet_day * u.days_missing * (2 if u.period_weeks == 1 else 1)
    kept_rows = set()
    load: dict[int, float] = {a: 0.0 for a in workable_alts(problem)}
    schools: dict[int, set[int]] = defaultdict(set)
    pairs: dict[tuple[int, int | None], set[str]] = defaultdict(set)
    for a in plan.assignments:
        score += w.travel * (a.travel_minutes if a.travel_minutes is not None else w.max_travel_minutes) * len(a.slots)
        if a.kept:
            kept_rows.add(a.demand_id)
        load[a.alt_id] = load.get(a.alt_id, 0.0) + a.classes_per_day * len(a.slots)
        schools[a.alt_id].add(a.school_id)
        row = rows.get(a.demand_id) if a.demand_id is not None else None
        if row is not None:
            pairs[(a.alt_id, row.board_id)].add(row.level)
            alt = problem.alts.get(a.alt_id)
            if alt is not None and row.level in alt.preferred_levels:
                score -= preferred_bonus(w)
    last_year = {s for alt in problem.alts.values() for s in alt.last_year_schools}
    for row in problem.rows:
        if row.id not in kept_rows and row.school_id in last_year:
            score += w.continuity
    score += w.schools * sum(len(s) for s in schools.values())
    score += w.balance * sum(abs(v - 2 * w.target_classes) for v in load.values())
    score -= w.pairing * sum(1 for (alt, board), lv in pairs.items()
                             if board is not None and {"elementary", "junior_high"} <= lv)
    return score
