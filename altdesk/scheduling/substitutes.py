"""Substitute ALTs (代替ALT): the visits an absence leaves uncovered and who could cover them.

Candidates must be free that day (not absent, no visit that overlaps once travel time is
counted). They are ranked by: teaches the school's level, has visited the school before,
lighter week, diet compatible with the school's lunch, same board of education.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.enums import AltStatus, LunchMode, LunchPolicy, VisitKind, VisitOrigin, VisitStatus
from altdesk.db.models import Absence, Alt, School, Visit
from altdesk.errors import InvalidInput, NotFound
from altdesk.lunch.derive import derive_lunch, diet_facts
from altdesk.scheduling.generate import overlaps, travel_gap


@dataclass(frozen=True)
class UncoveredVisit:
    visit_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    school_id: int
    school_code: str
    school_name_ja: str
    school_name_en: str
    periods: str
    classes: int


@dataclass(frozen=True)
class Candidate:
    alt_id: int
    alt_code: str
    name: str
    score: int
    teaches_level: bool
    visited_before: bool
    week_classes: int
    diet_ok: bool
    same_board: bool
    reasons_en: tuple[str, ...]
    reasons_ja: tuple[str, ...]


ACTIVE = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)


def uncovered_visits(session: Session, branch_id: int, alt_id: int, first: dt.date, last: dt.date) -> list[UncoveredVisit]:
    rows = session.execute(
        select(Visit.id, Visit.date, Visit.start_time, Visit.end_time, Visit.school_id, School.code, School.name_ja,
               School.name_en, Visit.periods, Visit.classes)
        .join(School, School.id == Visit.school_id)
        .where(Visit.branch_id == branch_id, Visit.alt_id == alt_id, Visit.date.between(first, last),
               Visit.status.in_([s.value for s in ACTIVE]))
        .order_by(Visit.date, Visit.start_time)
    )
    return [UncoveredVisit(*row) for row in rows]


def rank_candidates(session: Session, branch_id: int, visit_id: int, limit: int = 10) -> list[Candidate]:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.branch_id != branch_id:
        raise NotFound("That visit no longer exists.", "その訪問は存在しません。")
    school = session.get(School, visit.school_id)
    assert school is not None
    day, monday = visit.date, visit.date - dt.timedelta(days=visit.date.weekday())
    gap = travel_gap(session, branch_id)
    absent = {
        alt_id for (alt_id,) in session.execute(
            select(Absence.alt_id).where(Absence.branch_id == branch_id, Absence.start_date <= day,
                                         Absence.end_date >= day)
        )
    }
    busy: dict[int, list[tuple[dt.time, dt.time]]] = defaultdict(list)
    week_classes: dict[int, int] = defaultdict(int)
    for alt_id, v_day, start, end, classes in session.execute(
        select(Visit.alt_id, Visit.date, Visit.start_time, Visit.end_time, Visit.classes).where(
            Visit.branch_id == branch_id, Visit.date.between(monday, monday + dt.timedelta(days=6)),
            Visit.status.in_([s.value for s in ACTIVE]),
        )
    ):
        week_classes[alt_id] += classes
        if v_day == day:
            busy[alt_id].append((start, end))
    visited = {
        alt_id for (alt_id,) in session.execute(
            select(Visit.alt_id).where(Visit.school_id == school.id, Visit.date < day).distinct()
        )
    }
    boards = {
        alt_id: board_id for alt_id, board_id in session.execute(
            select(Visit.alt_id, School.board_id).join(School, School.id == Visit.school_id).where(
                Visit.branch_id == branch_id, Visit.date.between(monday, monday + dt.timedelta(days=6))
            )
        )
    }
    diets = diet_facts(session, branch_id)
    policy = LunchPolicy(school.lunch_policy)
    candidates = []
    for alt in session.scalars(select(Alt).where(Alt.branch_id == branch_id, Alt.status == AltStatus.ACTIVE)):
        if alt.id == visit.alt_id or alt.id in absent:
            continue
        if any(overlaps(visit.start_time, visit.end_time, s, e, gap) for s, e in busy.get(alt.id, ())):
            continue
        teaches = not alt.levels or school.level.value in alt.levels
        before = alt.id in visited
        diet_ok = policy != LunchPolicy.SERVES or not diets[alt.id].restricted
        same_board = school.board_id is not None and boards.get(alt.id) == school.board_id
        load = week_classes.get(alt.id, 0)
        score = 40 * teaches + 25 * before + 10 * diet_ok + 10 * same_board + max(0, 25 - load)
        reasons_en, reasons_ja = [], []
        if not busy.get(alt.id):
            reasons_en.append("free all day")
            reasons_ja.append("終日空き")
        else:
            reasons_en.append("free at that time")
            reasons_ja.append("その時間は空き")
        if teaches:
            reasons_en.append("teaches this level")
            reasons_ja.append("校種担当")
        if before:
            reasons_en.append("has visited this school")
            reasons_ja.append("訪問経験あり")
        if same_board:
            reasons_en.append("same board")
            reasons_ja.append("同じ教育委員会")
        if not diet_ok:
            reasons_en.append("own lunch (diet)")
            reasons_ja.append("弁当持参（食事制限）")
        reasons_en.append(f"{load} classes this week")
        reasons_ja.append(f"今週 {load} コマ")
        candidates.append(Candidate(alt.id, alt.code, alt.display_name, score, teaches, before, load, diet_ok,
                                    same_board, tuple(reasons_en), tuple(reasons_ja)))
    candidates.sort(key=lambda c: (-c.score, c.week_classes, c.alt_code))
    return candidates[:limit]


def assign_substitute(session: Session, branch_id: int, visit_id: int, substitute_alt_id: int) -> int:
    """Cover a visit: the original is kept (status covered, covered_by set) and a substitute
    visit is created for the new ALT. Returns the substitute visit's id."""
    original = session.get(Visit, visit_id)
    if original is None or original.branch_id != branch_id:
        raise NotFound("That visit no longer exists.", "その訪問は存在しません。")
    if original.status not in ACTIVE:
        raise InvalidInput("This visit is already covered or cancelled.", "この訪問は既に代替済みか中止です。",
                           field="visit")
    substitute = session.get(Alt, substitute_alt_id)
    if substitute is None or substitute.branch_id != branch_id:
        raise NotFound("That ALT does not exist.", "そのALTは存在しません。")
    _refuse_unavailable(session, branch_id, original, substitute)
    school = session.get(School, original.school_id)
    assert school is not None
    diet = diet_facts(session, branch_id)[substitute.id]
    lunch = derive_lunch(LunchPolicy(school.lunch_policy), diet).mode
    if original.lunch_mode == LunchMode.NONE:
        lunch = LunchMode.NONE
    original.status = VisitStatus.COVERED
    original.covered_by_alt_id = substitute.id
    original.origin = VisitOrigin.MANUAL  # edited by hand: regeneration leaves it alone
    cover = Visit(
        branch_id=branch_id, alt_id=substitute.id, school_id=original.school_id, placement_id=None,
        date=original.date, planned_date=None, start_time=original.start_time, end_time=original.end_time,
        periods=original.periods, classes=original.classes, lunch_mode=lunch, status=VisitStatus.PLANNED,
        kind=VisitKind.SUBSTITUTE, origin=VisitOrigin.MANUAL, substitute_for_visit_id=original.id,
        note=original.note,
    )
    session.add(cover)
    session.flush()
    return cover.id


def _refuse_unavailable(session: Session, branch_id: int, visit: Visit, substitute: Alt) -> None:
    """The core refuses a substitute who is absent or already busy then, whoever asks (UI or CLI)."""
    absent = session.scalar(select(Absence.id).where(
        Absence.alt_id == substitute.id, Absence.start_date <= visit.date, Absence.end_date >= visit.date).limit(1))
    if absent is not None:
        raise InvalidInput(f"{substitute.display_name} is absent on {visit.date}.",
                           f"{substitute.display_name} は {visit.date} に不在です。", field="substitute")
    gap = travel_gap(session, branch_id)
    for start, end in session.execute(select(Visit.start_time, Visit.end_time).where(
            Visit.branch_id == branch_id, Visit.alt_id == substitute.id, Visit.date == visit.date,
            Visit.status.in_([s.value for s in ACTIVE]))):
        if overlaps(visit.start_time, visit.end_time, start, end, gap):
            raise InvalidInput(
                f"{substitute.display_name} already has a visit at {start:%H:%M}-{end:%H:%M} that day.",
                f"{substitute.display_name} はその日 {start:%H:%M}〜{end:%H:%M} に別の訪問があります。",
                field="substitute")


def unassign_substitute(session: Session, branch_id: int, substitute_visit_id: int) -> int:
    """Undo `assign_substitute`: remove the cover and give the visit back to its ALT."""
    cover = session.get(Visit, substitute_visit_id)
    if cover is None or cover.branch_id != branch_id or cover.substitute_for_visit_id is None:
        raise NotFound("That substitute visit no longer exists.", "その代替訪問は存在しません。")
    original = session.get(Visit, cover.substitute_for_visit_id)
    assert original is not None
    original.status = VisitStatus.PLANNED
    original.covered_by_alt_id = None
    session.delete(cover)
    session.flush()
    return original.id
