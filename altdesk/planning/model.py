"""The placement model for one group of ALTs and demand rows (a board, a region, or the
mop-up of what the groups left): candidates pruned first, then 0/1 choices of ALT per row and of
days per choice, hard rules as rows, soft goals as costs (see altdesk.planning.linear)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from altdesk.planning.check import preferred_bonus
from altdesk.planning.linear import LinearModel
from altdesk.planning.types import SLOTS, AltFacts, DemandRow, Fixed, Problem, slot, slots_of

CANDIDATES_PER_ROW = 14
PAIR_LEVELS = ("elementary", "junior_high")


@dataclass
class AltRoom:
    """What an ALT still has free once the fixed placements are counted."""

    free: set[int]
    classes: list[int]  # per week A, B
    schools: set[int]
    cap: int | None


def rooms(problem: Problem, fixed: list[Fixed]) -> dict[int, AltRoom]:
    out: dict[int, AltRoom] = {}
    for alt in problem.alts.values():
        out[alt.id] = AltRoom(set(range(SLOTS)) - set(alt.blocked_slots), [alt.weekly_class_limit] * 2, set(),
                              alt.max_schools)
    for f in fixed:
        room = out.get(f.alt_id)
        if room is None:
            continue
        room.free -= f.slots
        for s in f.slots:
            room.classes[s % 2] -= f.classes_per_day
        room.schools.add(f.school_id)
    return out


def options(row: DemandRow, free: set[int]) -> list[frozenset[int]]:
    """The day choices a row offers an ALT free on `free`: weekdays (both weeks) or single slots."""
    out = []
    for w in row.weekdays:
        if row.period_weeks == 1:
            both = frozenset(slots_of(w))
            if both <= free and not both & row.closed_slots:
                out.append(both)
        else:
            for s in slots_of(w):
                if s in free and s not in row.closed_slots:
                    out.append(frozenset({s}))
    return out


def dates_ok(alt: AltFacts, row: DemandRow) -> bool:
    return (alt.start_date is None or alt.start_date <= row.start) and (alt.end_date is None or alt.end_date >= row.end)


def eligible(problem: Problem, alt: AltFacts, row: DemandRow, room: AltRoom) -> int | None:
    """Travel minutes if the ALT may take the row (hard rules that need no solver), else None."""
    if row.level not in alt.levels or not dates_ok(alt, row):
        return None
    minutes = problem.minutes(alt, row)
    limit = problem.weights.max_travel_minutes
    if minutes is not None and minutes > limit:
        return None
    if len(options(row, room.free)) < row.days:
        return None
    per_week = row.classes_per_day * (row.days if row.period_weeks == 1 else (row.days + 1) // 2)
    if per_week > max(room.classes):
        return None
    if room.cap is not None and row.school_id not in room.schools and len(room.schools) >= room.cap:
        return None
    return limit if minutes is None else minutes


def _may_keep(alt: AltFacts, row: DemandRow, room: AltRoom) -> bool:
    """The hard rules an ALT's current row must still meet for the ALT to keep it (travel is no rule for it)."""
    return row.level in alt.levels and dates_ok(alt, row) and len(options(row, room.free)) >= row.days


@dataclass
class Built:
    model: LinearModel
    x: dict[tuple[int, int], int] = field(default_factory=dict)  # (alt id, row index) -> var
    d: dict[tuple[int, int], list[tuple[int, frozenset[int]]]] = field(default_factory=dict)
    minutes: dict[tuple[int, int], int] = field(default_factory=dict)


def build(problem: Problem, alt_ids: list[int], row_ids: list[int], fixed: list[Fixed],
          hint: dict[tuple[int, int], frozenset[int]] | None = None) -> Built:
    """The model over problem.rows[i] for i in row_ids and the given ALTs, with `fixed` taken as given."""
    w = problem.weights
    m = LinearModel()
    b = Built(m)
    room = rooms(problem, fixed)
    rows = problem.rows
    by_alt: dict[int, list[int]] = defaultdict(list)
    for i in row_ids:
        row = rows[i]
        found = []
        for a in alt_ids:
            minutes = eligible(problem, problem.alts[a], row, room[a])
            if minutes is not None:
                found.append((minutes, a))
        found.sort(key=lambda f: (f[0], (f[1] * 7919 + row.id) % 1009))  # ties: no favourite ALT
        keep = found[:CANDIDATES_PER_ROW]
        # An ALT may always keep its own current row, however far (the old placements were made by
        # hand, with no travel limit) and however many nearer ALTs there are.
        kept_alts = {a for _, a in keep}
        if hint is not None:  # the start's ALT for the row, however many are nearer
            extra = [(mn, a) for mn, a in found[CANDIDATES_PER_ROW:] if (a, row.id) in hint]
            keep += extra
            kept_alts |= {a for _, a in extra}
        for a in alt_ids:
            if a not in kept_alts and row.id in problem.current.get(a, {}) and \
                    _may_keep(problem.alts[a], row, room[a]):
                minutes = problem.minutes(problem.alts[a], row)
                keep.append((w.max_travel_minutes if minutes is None else minutes, a))
        n_slots = row.days * (2 if row.period_weeks == 1 else 1)
        keepers = {a for _, a in keep}
        last_year = [a for a in keepers if row.school_id in problem.alts[a].last_year_schools]
        if last_year:
            m.offset += w.continuity
        m.offset += w.unmet_day * n_slots
        take = []
        for minutes, a in keep:
            alt = problem.alts[a]
            cost = w.travel * minutes * n_slots - w.unmet_day * n_slots
            if a in last_year:
                cost -= w.continuity
            if alt.preferred_levels and row.level in alt.preferred_levels:
                cost -= preferred_bonus(w)
            x = m.var(cost=cost)
            b.x[(a, i)] = x
            b.minutes[(a, i)] = minutes
            opts = [(m.var(), o) for o in options(row, room[a].free)]
            b.d[(a, i)] = opts
            m.add(0, 0, [(v, 1) for v, _ in opts] + [(x, -row.days)])
            take.append((x, 1))
            by_alt[a].append(i)
            if hint is not None:
                # A complete start: every choice and every goal's variable (below) hinted, so the
                # solver begins from a plan (the greedy one) and never returns a worse one.
                hinted = hint.get((a, row.id))
                m.hints[x] = int(hinted is not None)
                for v, o in opts:
                    m.hints[v] = int(hinted is not None and o <= hinted)
        m.add(0, 1, take)
    for a, idxs in by_alt.items():
        alt = problem.alts[a]
        r = room[a]
        per_slot: dict[int, list[tuple[int, int]]] = defaultdict(list)
        classes: list[list[tuple[int, int]]] = [[], []]
        load_terms: list[tuple[int, int]] = []
        for i in idxs:
            cpd = rows[i].classes_per_day
            for v, o in b.d[(a, i)]:
                for s in o:
                    per_slot[s].append((v, 1))
                    classes[s % 2].append((v, cpd))
                load_terms.append((v, cpd * len(o)))
        for terms in per_slot.values():
            m.add(0, 1, terms)
        for p in (0, 1):
            m.add(-10**9, r.classes[p], classes[p])
        # Schools: one cost per school whichever rows of it the ALT takes, and the cap.
        by_school: dict[int, list[int]] = defaultdict(list)
        for i in idxs:
            by_school[rows[i].school_id].append(b.x[(a, i)])
        school_vars = []
        for school_id, xs in by_school.items():
            if school_id in r.schools:
                continue  # already one of the ALT's schools
            if len(xs) == 1:
                m.cost[xs[0]] += w.schools
                school_vars.append(xs[0])
            else:
                z = m.var(cost=w.schools)
                if hint is not None:
                    m.hints[z] = max(m.hints.get(x, 0) for x in xs)
                for x in xs:
                    m.add(0, 10**9, [(z, 1), (x, -1)])
                school_vars.append(z)
        if r.cap is not None:
            m.add(0, max(0, r.cap - len(r.schools)), [(v, 1) for v in school_vars])
        # Balance: fortnight classes near twice the weekly target.
        if w.balance:
            fixed_load = 2 * alt.weekly_class_limit - sum(r.classes)
            target = 2 * w.target_classes - fixed_load
            dev = m.var(0, 200, cost=w.balance)
            if hint is not None:
                m.hints[dev] = min(200, abs(sum(c * m.hints.get(v, 0) for v, c in load_terms) - target))
            m.add(-target, 10**9, [(dev, 1)] + [(v, -c) for v, c in load_terms])  # dev >= load - target
            m.add(target, 10**9, [(dev, 1)] + load_terms)  # dev >= target - load
        # Elementary with junior high in one board.
        if w.pairing:
            kinds: dict[int | None, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
            for i in idxs:
                if rows[i].level in PAIR_LEVELS:
                    kinds[rows[i].board_id][rows[i].level].append(b.x[(a, i)])
            for board, got in kinds.items():
                if board is None or len(got) < 2:
                    continue
                p = m.var(cost=-w.pairing)
                if hint is not None:
                    m.hints[p] = min(max((m.hints.get(v, 0) for v in got[level]), default=0) for level in PAIR_LEVELS)
                for level in PAIR_LEVELS:
                    m.add(0, 10**9, [(v, 1) for v in got[level]] + [(p, -1)])
        # Replacement: an ALT whose week changes counts once (every ALT of a replacement has an
        # entry in problem.current, empty for one with no placement now).
        current = problem.current.get(a)
        if current is not None:
            moved = m.var(cost=w.moved_alt)
            kept_rows = {rows[i].id: i for i in idxs}
            for demand_id, slots in current.items():
                i = kept_rows.get(demand_id)
                if i is None:
                    m.offset += 0  # its row is outside this model: the ALT cannot keep it here
                    continue
                m.add(1, 10**9, [(moved, 1), (b.x[(a, i)], 1)])
                for v, o in b.d[(a, i)]:
                    if not o <= slots:
                        m.add(0, 10**9, [(moved, 1), (v, -1)])
            for i in idxs:
                if rows[i].id not in current:
                    m.add(0, 10**9, [(moved, 1), (b.x[(a, i)], -1)])
            if hint is not None:
                m.hints[moved] = int(any(m.hints.get(b.x[(a, i)], 0) != int(rows[i].id in current) for i in idxs) or any(
                    m.hints.get(v, 0) and not o <= current.get(rows[i].id, frozenset())
                    for i in idxs for v, o in b.d[(a, i)]))
            else:
                m.hints[moved] = 0
    return b


def extract(b: Built, problem: Problem, values: list[int]) -> list[tuple[int, int, frozenset[int], int]]:
    """(alt id, row index, slots, minutes) of each choice the solution makes."""
    out = []
    for (a, i), x in b.x.items():
        if values[x]:
            chosen = frozenset().union(*[o for v, o in b.d[(a, i)] if values[v]])
            out.append((a, i, chosen, b.minutes[(a, i)]))
    return out


__all__ = ["AltRoom", "Built", "build", "eligible", "extract", "options", "rooms", "slot"]
