"""Absences of ALTs (paid leave, sick, training, compensatory day off): list, record, edit,
delete; and the visits an absence has had covered by a substitute.

Every write is one transaction. Edits and deletes carry the version the form loaded, so a
change someone else made in between is refused (StaleEdit) instead of overwritten.
A compensatory day that belongs to a school event is changed through the event.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from altdesk.db.engine import transaction
from altdesk.db.enums import AbsenceKind, VisitStatus
from altdesk.db.models import Absence, Alt, School, SchoolEvent, Visit
from altdesk.db.optimistic import apply_edit
from altdesk.errors import InvalidInput, NotFound, StaleEdit
from altdesk.labels import ABSENCE_KIND_LABELS
from altdesk.scheduling.substitutes import unassign_substitute
from altdesk.services.workspace import Workspace

MAX_DAYS = 366
MAX_NOTE = 1000
ACTIVE = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)

KIND_NAMES = ABSENCE_KIND_LABELS


@dataclass(frozen=True)
class AbsenceInput:
    """What a form sends: the ALT, the dates (inclusive), the kind and a note."""

    alt_id: int | None
    start_date: dt.date | None
    end_date: dt.date | None
    kind: AbsenceKind | str | None
    note: str = ""


@dataclass(frozen=True)
class AbsenceRow:
    id: int
    version: int
    alt_id: int
    alt_code: str
    alt_name: str
    start_date: dt.date
    end_date: dt.date
    kind: AbsenceKind
    note: str
    event_id: int | None
    event_name_ja: str
    event_name_en: str
    visits_uncovered: int  # planned or confirmed visits of the ALT on those days
    visits_covered: int  # visits a substitute ALT covers

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    def covers(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date

    def as_input(self) -> AbsenceInput:
        return AbsenceInput(self.alt_id, self.start_date, self.end_date, self.kind, self.note)


class Saved(NamedTuple):
    id: int
    version: int


@dataclass(frozen=True)
class CoveredVisit:
    """A visit of the absent ALT that a substitute covers."""

    visit_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    school_id: int
    school_code: str
    school_name_ja: str
    school_name_en: str
    substitute_visit_id: int | None
    substitute_alt_id: int | None
    substitute_code: str
    substitute_name: str


# --- Reading ---------------------------------------------------------------------------------

def list_absences(
    ws: Workspace,
    first: dt.date | None = None,
    last: dt.date | None = None,
    alt_id: int | None = None,
) -> list[AbsenceRow]:
    """Absences overlapping [first, last] (all when not given), by start date then ALT code."""
    with ws.db.sessions() as session:
        return _rows(session, ws.branch_id, first, last, alt_id)


def get_absence(ws: Workspace, absence_id: int) -> AbsenceRow | None:
    with ws.db.sessions() as session:
        rows = _rows(session, ws.branch_id, None, None, None, absence_id)
    return rows[0] if rows else None


def _rows(
    session: Session,
    branch_id: int,
    first: dt.date | None,
    last: dt.date | None,
    alt_id: int | None,
    absence_id: int | None = None,
) -> list[AbsenceRow]:
    query = (
        select(Absence.id, Absence.version, Absence.alt_id, Alt.code, Alt.given_name, Alt.family_name,
               Absence.start_date, Absence.end_date, Absence.kind, Absence.note, Absence.event_id,
               SchoolEvent.name_ja, SchoolEvent.name_en)
        .join(Alt, Alt.id == Absence.alt_id)
        .outerjoin(SchoolEvent, SchoolEvent.id == Absence.event_id)
        .where(Absence.branch_id == branch_id)
        .order_by(Absence.start_date, Alt.code, Absence.id)
    )
    if first is not None:
        query = query.where(Absence.end_date >= first)
    if last is not None:
        query = query.where(Absence.start_date <= last)
    if alt_id is not None:
        query = query.where(Absence.alt_id == alt_id)
    if absence_id is not None:
        query = query.where(Absence.id == absence_id)
    rows = session.execute(query).all()
    if not rows:
        return []
    counts = _visit_counts(session, branch_id, [r.id for r in rows])
    return [
        AbsenceRow(
            id=r.id, version=r.version, alt_id=r.alt_id, alt_code=r.code,
            alt_name=f"{r.given_name} {r.family_name}", start_date=r.start_date, end_date=r.end_date,
            kind=AbsenceKind(r.kind), note=r.note or "", event_id=r.event_id,
            event_name_ja=r.name_ja or "", event_name_en=r.name_en or "",
            visits_uncovered=counts[r.id][0], visits_covered=counts[r.id][1],
        )
        for r in rows
    ]


def _visit_counts(session: Session, branch_id: int, absence_ids: list[int]) -> dict[int, list[int]]:
    """Per absence: [uncovered, covered] visits of its ALT on its days, in one query."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    query = (
        select(Absence.id, Visit.status, func.count(Visit.id))
        .join(Visit, and_(Visit.alt_id == Absence.alt_id, Visit.branch_id == branch_id,
                          Visit.date >= Absence.start_date, Visit.date <= Absence.end_date))
        .where(Absence.branch_id == branch_id, Absence.id.in_(absence_ids),
               Visit.status.in_([*ACTIVE, VisitStatus.COVERED.value]))
        .group_by(Absence.id, Visit.status)
    )
    for absence_id, status, count in session.execute(query):
        status = VisitStatus(status)
        counts[absence_id][0 if status != VisitStatus.COVERED else 1] += count
    return counts


def covered_visits(ws: Workspace, alt_id: int, first: dt.date, last: dt.date) -> list[CoveredVisit]:
    """The ALT's visits in [first, last] that a substitute covers, with who covers them."""
    cover = aliased(Visit)
    substitute = aliased(Alt)
    with ws.db.sessions() as session:
        rows = session.execute(
            select(Visit.id, Visit.date, Visit.start_time, Visit.end_time, Visit.school_id, School.code,
                   School.name_ja, School.name_en, cover.id, substitute.id, substitute.code,
                   substitute.given_name, substitute.family_name)
            .join(School, School.id == Visit.school_id)
            .outerjoin(cover, and_(cover.substitute_for_visit_id == Visit.id,
                                   cover.status.in_(ACTIVE)))
            .outerjoin(substitute, substitute.id == func.coalesce(cover.alt_id, Visit.covered_by_alt_id))
            .where(Visit.branch_id == ws.branch_id, Visit.alt_id == alt_id, Visit.date.between(first, last),
                   Visit.status == VisitStatus.COVERED.value)
            .order_by(Visit.date, Visit.start_time, Visit.id)
        ).all()
    return [
        CoveredVisit(
            visit_id=r[0], date=r[1], start_time=r[2], end_time=r[3], school_id=r[4], school_code=r[5],
            school_name_ja=r[6], school_name_en=r[7], substitute_visit_id=r[8], substitute_alt_id=r[9],
            substitute_code=r[10] or "", substitute_name=f"{r[11]} {r[12]}" if r[11] else "",
        )
        for r in rows
    ]


# --- Writing ---------------------------------------------------------------------------------

def create_absence(ws: Workspace, data: AbsenceInput) -> Saved:
    with transaction(ws.db.sessions) as session:
        values = _validated(session, ws.branch_id, data, None)
        absence = Absence(branch_id=ws.branch_id, **values)
        session.add(absence)
        session.flush()
        return Saved(absence.id, absence.version)


def update_absence(ws: Workspace, absence_id: int, expected_version: int, data: AbsenceInput) -> Saved:
    with transaction(ws.db.sessions) as session:
        current = session.get(Absence, absence_id)
        if current is None or current.branch_id != ws.branch_id:
            raise StaleEdit()  # the form was loaded, so someone has deleted it since
        _refuse_event_day(session, current)
        values = _validated(session, ws.branch_id, data, absence_id)
        absence = apply_edit(session, Absence, absence_id, ws.branch_id, expected_version, values)
        return Saved(absence.id, absence.version)


def delete_absence(ws: Workspace, absence_id: int, expected_version: int) -> AbsenceInput:
    """Delete and return what was deleted (so an undo can record it again)."""
    with transaction(ws.db.sessions) as session:
        absence = session.get(Absence, absence_id)
        if absence is None or absence.branch_id != ws.branch_id or absence.version != expected_version:
            raise StaleEdit()
        _refuse_event_day(session, absence)
        deleted = AbsenceInput(absence.alt_id, absence.start_date, absence.end_date, AbsenceKind(absence.kind),
                               absence.note or "")
        session.delete(absence)
        session.flush()
        return deleted


def remove_substitute(ws: Workspace, visit_id: int) -> int:
    """Give a covered visit back to its ALT (the substitute's visit goes). Returns the substitute
    ALT's id, so the cover can be made again. Found by the covered visit, whose id never changes."""
    with transaction(ws.db.sessions) as session:
        cover_id = session.scalar(
            select(Visit.id).where(Visit.branch_id == ws.branch_id, Visit.substitute_for_visit_id == visit_id)
            .order_by(Visit.id.desc()).limit(1)
        )
        cover = session.get(Visit, cover_id) if cover_id is not None else None
        original = session.get(Visit, visit_id)
        if cover is None or original is None or original.status != VisitStatus.COVERED:
            raise NotFound("That visit has no substitute any more.", "その訪問には代替ALTがいません。")
        substitute_alt_id = cover.alt_id
        unassign_substitute(session, ws.branch_id, cover.id)
        return substitute_alt_id


def _refuse_event_day(session: Session, absence: Absence) -> None:
    if absence.event_id is None:
        return
    event = session.get(SchoolEvent, absence.event_id)
    name_ja = event.name_ja if event else ""
    name_en = (event.name_en or event.name_ja) if event else ""
    day = event.date.isoformat() if event else ""
    raise InvalidInput(
        f"This compensatory day off comes with the school event {name_en} ({day}); change it in the event.",
        f"この振替休日は学校行事「{name_ja}」（{day}）によるものです。行事の画面で変更してください。",
        field="event",
    )


def _validated(session: Session, branch_id: int, data: AbsenceInput, absence_id: int | None) -> dict[str, object]:
    """The columns to write, or InvalidInput naming the first field that is wrong."""
    alt = session.get(Alt, data.alt_id) if data.alt_id is not None else None
    if alt is None or alt.branch_id != branch_id:
        raise InvalidInput("Choose the ALT who is absent.", "不在のALTを選んでください。", field="alt")
    if data.start_date is None:
        raise InvalidInput("Enter the first day of the absence.", "不在の開始日を入力してください。",
                           field="start_date")
    if data.end_date is None:
        raise InvalidInput("Enter the last day of the absence.", "不在の終了日を入力してください。",
                           field="end_date")
    if data.end_date < data.start_date:
        raise InvalidInput(
            f"The last day ({data.end_date.isoformat()}) is before the first day ({data.start_date.isoformat()}).",
            f"終了日（{data.end_date.isoformat()}）が開始日（{data.start_date.isoformat()}）より前です。",
            field="end_date",
        )
    if (data.end_date - data.start_date).days + 1 > MAX_DAYS:
        raise InvalidInput(f"An absence can last at most {MAX_DAYS} days.",
                           f"不在期間は最長 {MAX_DAYS} 日です。", field="end_date")
    try:
        kind = AbsenceKind(data.kind) if data.kind is not None else None
    except ValueError:
        kind = None
    if kind is None:
        raise InvalidInput("Choose the kind of absence.", "不在の種類を選んでください。", field="kind")
    note = (data.note or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"The note is longer than {MAX_NOTE} characters.",
                           f"備考が {MAX_NOTE} 文字を超えています。", field="note")
    clash = session.execute(
        select(Absence.start_date, Absence.end_date, Absence.kind).where(
            Absence.branch_id == branch_id, Absence.alt_id == alt.id,
            Absence.start_date <= data.end_date, Absence.end_date >= data.start_date,
            Absence.id != (absence_id if absence_id is not None else -1),
        ).order_by(Absence.start_date).limit(1)
    ).first()
    if clash is not None:
        en, ja = KIND_NAMES[AbsenceKind(clash.kind)]
        span = clash.start_date.isoformat()
        if clash.end_date != clash.start_date:
            span += f" – {clash.end_date.isoformat()}"
        raise InvalidInput(
            f"{alt.given_name} {alt.family_name} already has an absence on these days ({en}, {span}).",
            f"{alt.given_name} {alt.family_name} にはこの期間に既に不在が登録されています（{ja}、{span}）。",
            field="start_date",
        )
    return {"alt_id": alt.id, "start_date": data.start_date, "end_date": data.end_date, "kind": kind,
            "note": note}
