"""Use cases of the scheduling engine: generate, regenerate one placement, and their results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from altdesk import clock
from altdesk.calendar.day_layers import DayLayers, DayReason, ReasonKind
from altdesk.db.engine import transaction
from altdesk.db.models import Absence, Alt, Placement, School
from altdesk.errors import InvalidInput, NotFound
from altdesk.labels import ABSENCE_KIND_LABELS
from altdesk.scheduling import events as event_rules
from altdesk.scheduling.conflicts import Conflict, check_range
from altdesk.scheduling.generate import (
    GenerateResult,
    Progress,
    branch_date_span,
    fiscal_year_bounds,
    generate,
)
from altdesk.scheduling.loads import ContractProgress, WeekLoad, contract_progress, weekly_loads
from altdesk.scheduling.rollover import RolloverResult, rollover
from altdesk.scheduling.substitutes import (
    Candidate,
    UncoveredVisit,
    assign_substitute,
    rank_candidates,
    unassign_substitute,
    uncovered_visits,
)
from altdesk.services.workspace import Workspace


def generate_visits(
    ws: Workspace,
    first: dt.date | None = None,
    last: dt.date | None = None,
    placement_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> GenerateResult:
    """Generate visits in one transaction; a cancelled run writes nothing."""
    with ws.db.sessions() as session, session.begin():
        if first is None or last is None:
            span = branch_date_span(session, ws.branch_id)
            if span is None:
                return GenerateResult()
            first, last = first or span[0], last or span[1]
        if last < first:
            raise InvalidInput(
                f"The end date {last} is before the start date {first}.",
                f"終了日 {last} が開始日 {first} より前です。",
                field="to",
            )
        result = generate(session, ws.branch_id, first, last, placement_ids, progress)
        if result.cancelled:
            session.rollback()
        return result


def regenerate_placement(ws: Workspace, placement_id: int, from_date: dt.date) -> GenerateResult:
    """After a placement changes: rewrite only its generated visits from `from_date` on."""
    with transaction(ws.db.sessions) as session:
        end = session.scalar(select(Placement.end_date).where(Placement.id == placement_id))
        if end is None:
            raise InvalidInput("No such placement.", "その配置はありません。", field="placement")
        return generate(session, ws.branch_id, from_date, max(end, from_date) + dt.timedelta(days=366),
                        [placement_id])



def check_conflicts(ws: Workspace, first: dt.date, last: dt.date) -> list[Conflict]:
    with ws.db.sessions() as session:
        return check_range(session, ws.branch_id, first, last)


@dataclass(frozen=True)
class Availability:
    ok: bool
    reasons: tuple[DayReason, ...]

    def text(self, lang: str) -> str:
        joiner = "、" if lang == "ja" else ", "
        return joiner.join(r.text(lang) for r in self.reasons)


def can_work(ws: Workspace, alt_id: int, school_id: int, day: dt.date) -> Availability:
    """Can this ALT work at this school on this day, and if not, why (in both languages)."""
    with ws.db.sessions() as session:
        school = session.get(School, school_id)
        alt = session.get(Alt, alt_id)
        if school is None or alt is None or school.branch_id != ws.branch_id or alt.branch_id != ws.branch_id:
            raise InvalidInput("Unknown ALT or school.", "ALTまたは学校が存在しません。")
        reasons = list(DayLayers.load(session, ws.branch_id, day, day).reasons(day, school.board_id, school.id))
        for kind in session.scalars(
            select(Absence.kind).where(Absence.alt_id == alt_id, Absence.start_date <= day, Absence.end_date >= day)
        ):
            en, ja = ABSENCE_KIND_LABELS[kind]
            reasons.append(DayReason(ReasonKind.ABSENCE, f"ALT不在（{ja}）", f"ALT absent ({en})"))
    return Availability(not reasons, tuple(reasons))


def _alt_id(session, ws: Workspace, code: str) -> int:  # type: ignore[no-untyped-def]
    alt_id = session.scalar(select(Alt.id).where(Alt.branch_id == ws.branch_id, Alt.code == code))
    if alt_id is None:
        raise NotFound(f"No ALT with code {code!r}.", f"ALTコード {code!r} は存在しません。")
    return alt_id


@dataclass(frozen=True)
class SubstitutePlan:
    visit: UncoveredVisit
    candidates: list[Candidate]


def plan_substitutes(ws: Workspace, alt_code: str, first: dt.date, last: dt.date, limit: int = 5) -> list[SubstitutePlan]:
    with ws.db.sessions() as session:
        alt_id = _alt_id(session, ws, alt_code)
        return [
            SubstitutePlan(v, rank_candidates(session, ws.branch_id, v.visit_id, limit))
            for v in uncovered_visits(session, ws.branch_id, alt_id, first, last)
        ]


def substitute_candidates(ws: Workspace, visit_id: int, limit: int = 10) -> list[Candidate]:
    with ws.db.sessions() as session:
        return rank_candidates(session, ws.branch_id, visit_id, limit)


def uncovered_for(ws: Workspace, alt_id: int, first: dt.date, last: dt.date) -> list[UncoveredVisit]:
    with ws.db.sessions() as session:
        return uncovered_visits(session, ws.branch_id, alt_id, first, last)


def apply_substitute(ws: Workspace, visit_id: int, substitute_alt_id: int) -> int:
    with transaction(ws.db.sessions) as session:
        return assign_substitute(session, ws.branch_id, visit_id, substitute_alt_id)


def revert_substitute(ws: Workspace, substitute_visit_id: int) -> int:
    with transaction(ws.db.sessions) as session:
        return unassign_substitute(session, ws.branch_id, substitute_visit_id)


def add_school_event(ws: Workspace, school_id: int, day: dt.date, name_ja: str, name_en: str, alt_ids: list[int],
                     start: dt.time = dt.time(8, 30), end: dt.time = dt.time(15, 30),
                     compensatory_day: dt.date | None = None) -> int:
    with transaction(ws.db.sessions) as session:
        return event_rules.create_event(session, ws.branch_id, school_id, day, name_ja, name_en, alt_ids,
                                        start, end, compensatory_day)


def move_compensatory_day(ws: Workspace, event_id: int, alt_id: int, new_day: dt.date) -> None:
    with transaction(ws.db.sessions) as session:
        event_rules.move_compensatory_day(session, ws.branch_id, event_id, alt_id, new_day)


def roll_over(ws: Workspace, to_fiscal_year: int, generate_after: bool = True,
              progress: Progress | None = None) -> tuple[RolloverResult, GenerateResult | None]:
    with transaction(ws.db.sessions) as session:
        result = rollover(session, ws.branch_id, to_fiscal_year)
    generated = None
    if generate_after:
        first, last = fiscal_year_bounds(to_fiscal_year)
        generated = generate_visits(ws, first, last, progress=progress)
    return result, generated


def loads_for(ws: Workspace, first: dt.date, last: dt.date) -> list[WeekLoad]:
    with ws.db.sessions() as session:
        return weekly_loads(session, ws.branch_id, first, last)


def contracts_for(ws: Workspace, fiscal_year: int, today: dt.date | None = None) -> list[ContractProgress]:
    with ws.db.sessions() as session:
        return contract_progress(session, ws.branch_id, fiscal_year, today or clock.today())
