"""What the planner works on and what it returns: plain, typed records with no database in them,
so the window, the command line, the bench and the tests all read the same plan.

Time in a plan is a fortnight of ten slots, (weekday, week A or B): a weekly demand takes a
weekday in both weeks, a fortnightly one takes single slots. Slot = weekday * 2 + week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR")
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
WEEKDAY_JA = ("月曜", "火曜", "水曜", "木曜", "金曜")
SLOTS = 10


def slot(weekday: int, week: int) -> int:
    return weekday * 2 + week


def slots_of(weekday: int) -> tuple[int, int]:
    return (weekday * 2, weekday * 2 + 1)


@dataclass(frozen=True)
class Weights:
    """The soft goals' weights (branch settings plan_weight_*), the target load and the longest travel."""

    continuity: int = 30
    travel: int = 2
    balance: int = 3
    schools: int = 10
    pairing: int = 8
    target_classes: int = 22
    max_travel_minutes: int = 60
    unmet_day: int = 10_000  # a demanded day left unmet outweighs every soft goal
    moved_alt: int = 2_000  # replacement: an ALT whose week changes (after unmet days, before the rest)


@dataclass(frozen=True)
class AltFacts:
    id: int
    code: str
    name: str
    levels: frozenset[str]
    preferred_levels: frozenset[str] = frozenset()
    latitude: float | None = None
    longitude: float | None = None
    travel_mode: str = "car"
    weekly_class_limit: int = 25
    max_schools: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    blocked_slots: frozenset[int] = frozenset()  # slots the ALT's recorded absences take
    last_year_schools: frozenset[int] = frozenset()


@dataclass(frozen=True)
class DemandRow:
    id: int
    school_id: int
    school_code: str
    school_name_en: str
    school_name_ja: str
    level: str
    board_id: int | None
    latitude: float | None
    longitude: float | None
    days: int  # per period
    period_weeks: int  # 1 weekly, 2 fortnightly
    weekdays: tuple[int, ...]  # allowed weekdays 0..4
    classes_per_day: int
    start: dt.date  # clamped to the plan's window
    end: dt.date
    closed_slots: frozenset[int] = frozenset()  # slots with no school day in the span (calendar)


@dataclass(frozen=True)
class Fixed:
    """An ALT's existing placement the planner keeps as it is (pinned, or outside what it may change)."""

    alt_id: int
    school_id: int
    slots: frozenset[int]
    classes_per_day: int
    demand_id: int | None = None  # the demand row it fills, if any
    placement_id: int | None = None
    pinned: bool = False


@dataclass
class Problem:
    first: dt.date
    last: dt.date
    alts: dict[int, AltFacts]
    rows: list[DemandRow]
    minutes: Callable[[AltFacts, DemandRow], int | None]
    weights: Weights = field(default_factory=Weights)
    fixed: list[Fixed] = field(default_factory=list)
    # Replacement: each ALT's current (demand id, slots) it should keep if it need not move.
    current: dict[int, dict[int, frozenset[int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Assignment:
    alt_id: int
    alt_code: str
    alt_name: str
    school_id: int
    school_code: str
    school_name_en: str
    school_name_ja: str
    demand_id: int | None
    slots: frozenset[int]
    classes_per_day: int
    start: dt.date
    end: dt.date
    travel_minutes: int | None
    kept: bool  # the ALT taught at this school last year
    pinned: bool
    reasons_en: tuple[str, ...]
    reasons_ja: tuple[str, ...]
    existing: bool = False  # already a placement (pinned, or kept by a replacement): nothing to create

    def weekly_pattern(self) -> list[tuple[tuple[int, ...], int]]:
        """(weekdays, interval) groups with the week of an alternate-week group in the interval's
        sign: [(weekdays, 1)] every week, [(weekdays, 2)] week A, [(weekdays, -2)] week B."""
        every = tuple(w for w in range(5) if slot(w, 0) in self.slots and slot(w, 1) in self.slots)
        week_a = tuple(w for w in range(5) if slot(w, 0) in self.slots and slot(w, 1) not in self.slots)
        week_b = tuple(w for w in range(5) if slot(w, 1) in self.slots and slot(w, 0) not in self.slots)
        groups: list[tuple[tuple[int, ...], int]] = []
        if every:
            groups.append((every, 1))
        if week_a:
            groups.append((week_a, 2))
        if week_b:
            groups.append((week_b, -2))
        return groups

    def days_label(self, lang: str = "en") -> str:
        names = WEEKDAY_JA if lang == "ja" else tuple(n[:3] for n in WEEKDAY_EN)
        parts = []
        for days, interval in self.weekly_pattern():
            text = ("・" if lang == "ja" else "/").join(names[d] for d in days)
            if interval == 2:
                text += "（A週）" if lang == "ja" else " (week A)"
            elif interval == -2:
                text += "（B週）" if lang == "ja" else " (week B)"
            parts.append(text)
        return ", ".join(parts)


@dataclass(frozen=True)
class UnmetDemand:
    demand_id: int
    school_id: int
    school_code: str
    school_name_en: str
    school_name_ja: str
    level: str
    days_missing: int
    period_weeks: int
    reasons_en: tuple[str, ...]
    reasons_ja: tuple[str, ...]


@dataclass(frozen=True)
class Move:
    """Replacement: an ALT whose week changes, with what it gives up and takes on."""

    alt_code: str
    alt_name: str
    leaves: tuple[str, ...]  # "S0012 Mon/Wed"
    takes: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    first: dt.date
    last: dt.date
    assignments: tuple[Assignment, ...]
    unmet: tuple[UnmetDemand, ...]
    score: float  # the objective, lower is better
    bound: float  # the solver's bound on the best possible score
    solver: str
    seconds: float
    optimal: bool
    stopped: bool = False
    groups: int = 1
    moves: tuple[Move, ...] = ()
    # Placements the plan takes the place of: (placement id, last day); a last day before the
    # placement's start means it goes (it has no visits to keep).
    ends: tuple[tuple[int, dt.date], ...] = ()
    # Each solver step (a board's group, then the mop-up): (step, ALTs, rows, objective or None when
    # the step found no solution in its time and kept its start, the bound of that step's model, proven).
    steps: tuple[tuple[int, int, int, float | None, float, bool], ...] = ()
    # The plan is the solver's start (the min-cost flow's, rounded and shortened), which scored better
    # than what the solver's steps made of it in their time; steps and gap are still the solver's.
    start_kept: bool = False

    @property
    def gap(self) -> float:
        """Relative gap to the bound (0: proven best). A year's plan is bounded by a relaxation of
        the whole branch (altdesk.planning.bound.score_lower_bound), or by the solver's own bound
        where one model was the whole plan and it bounds higher."""
        if self.optimal:
            return 0.0
        return max(0.0, (self.score - self.bound)) / max(1.0, abs(self.score))

    @property
    def gap_known(self) -> bool:
        """False while the bound says nothing (at or below zero, where no plan can score: a
        replacement's solver ran out of time before bounding its model): the gap is then a figure
        without meaning (over 100%), shown as not yet known."""
        return self.optimal or self.bound > 0

    @property
    def worst_step_gap(self) -> float:
        """The largest gap of one solver step's model to its own bound (0 when every step is proven)."""
        return max([max(0.0, o - b) / max(1.0, abs(o)) for _s, _a, _r, o, b, _opt in self.steps if o is not None],
                   default=self.gap)

    GAP_NOTE_EN = ("gap to the least score any plan of the branch can have (the plan's goals with weekdays, "
                   "weekly class limits and caps on schools left out)")
    GAP_NOTE_JA = "ギャップは支店全体でどの計画も下回れない値（曜日・週のコマ数上限・学校数の上限を外した目的値）との差"

    @property
    def demand_days(self) -> int:
        return sum(len(a.slots) for a in self.assignments if a.demand_id is not None) + sum(
            u.days_missing * (2 if u.period_weeks == 1 else 1) for u in self.unmet)

    @property
    def met_days(self) -> int:
        return sum(len(a.slots) for a in self.assignments if a.demand_id is not None)

    def travel_total(self) -> int:
        """Minutes of one-way travel over a fortnight (every day at every school)."""
        return sum((a.travel_minutes or 0) * len(a.slots) for a in self.assignments)

    def loads(self) -> dict[str, float]:
        """Classes per week of each ALT with an assignment (the fortnight's average)."""
        out: dict[str, float] = {}
        for a in self.assignments:
            out[a.alt_code] = out.get(a.alt_code, 0.0) + a.classes_per_day * len(a.slots) / 2
        return out


@dataclass(frozen=True)
class PlanProgress:
    """What a long plan reports as it goes: the stage, groups done of all, and the best plan so far."""

    stage_en: str
    stage_ja: str
    done: int
    total: int
    seconds: float
    best: Plan | None
    timed: bool = False  # done and total are seconds (a search that runs until its time is up)


ProgressFn = Callable[[PlanProgress], None]
StopFn = Callable[[], bool]
