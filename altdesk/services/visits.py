"""Editing single visits: create, edit, move, cancel, and the undo of each.

Every edit marks the visit as made by hand (origin manual) so regeneration never touches it,
checks the version the editor loaded (a save over someone else's change is refused with
StaleEdit), and can be previewed first: `preview` returns the conflicts the edit would bring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from altdesk.db.engine import transaction
from altdesk.db.enums import CancelReason, LunchMode, LunchPolicy, VisitKind, VisitOrigin, VisitStatus
from altdesk.db.models import Alt, Placement, School, Visit
from altdesk.errors import InvalidInput, NotFound, StaleEdit
from altdesk.lunch.derive import derive_lunch, diet_facts
from altdesk.scheduling.conflicts import Conflict, VisitFacts, check_proposal
from altdesk.services.workspace import Workspace

PROPOSED_ID = -1  # stands for a visit not yet stored, in previews


@dataclass(frozen=True)
class VisitDraft:
    alt_id: int
    school_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    periods: str = ""
    classes: int = 0
    lunch_mode: LunchMode | None = None  # None: derive from school policy and diet
    status: VisitStatus = VisitStatus.PLANNED
    note: str = ""


@dataclass(frozen=True)
class VisitDetail:
    id: int
    version: int
    draft: VisitDraft
    kind: VisitKind
    origin: VisitOrigin
    placement_id: int | None
    lunch_overridden: bool
    cancel_reason: CancelReason | None = None  # why a cancelled visit did not happen
    cancel_note: str = ""


_FIELDS = ("alt_id", "school_id", "date", "start_time", "end_time", "periods", "classes", "lunch_mode", "status",
           "note")


def validate(draft: VisitDraft) -> None:
    if draft.end_time <= draft.start_time:
        raise InvalidInput("The visit must end after it starts.", "終了時刻は開始時刻より後にしてください。",
                           field="end_time")
    if draft.classes < 0 or draft.classes > 8:
        raise InvalidInput("Classes must be between 0 and 8.", "授業数は 0〜8 の範囲で入力してください。",
                           field="classes")


def _derived_lunch(session: Session, branch_id: int, draft: VisitDraft, visit: Visit | None = None) -> LunchMode:
    """The lunch mode the rules give (school policy, diet, the placement's setting, event days)."""
    school = session.get(School, draft.school_id)
    if school is None or school.branch_id != branch_id:
        raise InvalidInput("Choose a school.", "学校を選択してください。", field="school")
    alt = session.get(Alt, draft.alt_id)
    if alt is None or alt.branch_id != branch_id:
        raise InvalidInput("Choose an ALT.", "ALTを選択してください。", field="alt")
    placement_mode = None
    if visit is not None and visit.placement_id is not None:
        placement = session.get(Placement, visit.placement_id)
        placement_mode = LunchMode(placement.lunch_mode) if placement and placement.lunch_mode else None
    is_event = visit is not None and visit.kind == VisitKind.EVENT
    return derive_lunch(LunchPolicy(school.lunch_policy), diet_facts(session, branch_id)[alt.id], placement_mode,
                        is_event).mode


def _facts(visit_id: int, draft: VisitDraft, lunch: LunchMode, kind: VisitKind = VisitKind.REGULAR) -> VisitFacts:
    return VisitFacts(visit_id, draft.alt_id, draft.school_id, draft.date, draft.start_time, draft.end_time,
                      draft.classes, lunch, draft.status, kind, False)


def preview(ws: Workspace, draft: VisitDraft, visit_id: int | None = None) -> list[Conflict]:
    """Conflicts the visit would have once saved (nothing is written)."""
    validate(draft)
    with ws.db.sessions() as session:
        lunch = draft.lunch_mode or _derived_lunch(session, ws.branch_id, draft)
        kind = VisitKind.REGULAR
        if visit_id is not None:
            stored = session.get(Visit, visit_id)
            kind = VisitKind(stored.kind) if stored is not None else kind
        facts = _facts(visit_id if visit_id is not None else PROPOSED_ID, draft, lunch, kind)
        return check_proposal(session, ws.branch_id, [facts], {visit_id} if visit_id is not None else set())


def get_visit(ws: Workspace, visit_id: int) -> VisitDetail:
    with ws.db.sessions() as session:
        visit = session.get(Visit, visit_id)
        if visit is None or visit.branch_id != ws.branch_id:
            raise NotFound("That visit no longer exists.", "その訪問は存在しません。")
        return _detail(visit)


def _detail(visit: Visit) -> VisitDetail:
    draft = VisitDraft(visit.alt_id, visit.school_id, visit.date, visit.start_time, visit.end_time, visit.periods,
                       visit.classes, LunchMode(visit.lunch_mode), VisitStatus(visit.status), visit.note)
    return VisitDetail(visit.id, visit.version, draft, VisitKind(visit.kind), VisitOrigin(visit.origin),
                       visit.placement_id, visit.lunch_overridden,
                       CancelReason(visit.cancel_reason) if visit.cancel_reason else None, visit.cancel_note or "")


def create_visit(ws: Workspace, draft: VisitDraft) -> int:
    validate(draft)
    with transaction(ws.db.sessions) as session:
        derived = _derived_lunch(session, ws.branch_id, draft)
        lunch = draft.lunch_mode or derived
        visit = Visit(branch_id=ws.branch_id, alt_id=draft.alt_id, school_id=draft.school_id, date=draft.date,
                      start_time=draft.start_time, end_time=draft.end_time, periods=draft.periods,
                      classes=draft.classes, lunch_mode=lunch, lunch_overridden=lunch != derived,
                      status=draft.status, kind=VisitKind.REGULAR, origin=VisitOrigin.MANUAL, note=draft.note)
        session.add(visit)
        session.flush()
        return visit.id


def delete_visit(ws: Workspace, visit_id: int, expected_version: int | None = None) -> None:
    """Delete a visit. With `expected_version` (an undone create) it refuses, as an edit does, a visit
    someone else has changed (StaleEdit) or removed (NotFound) since."""
    with transaction(ws.db.sessions) as session:
        if expected_version is not None:
            session.delete(_load_for_edit(session, ws, visit_id, expected_version))
            return
        visit = session.get(Visit, visit_id)
        if visit is not None and visit.branch_id == ws.branch_id:
            session.delete(visit)


def _load_for_edit(session: Session, ws: Workspace, visit_id: int, expected_version: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.branch_id != ws.branch_id:
        raise NotFound("That visit no longer exists; it may have been removed by someone else.",
                       "その訪問は存在しません。他の人が削除した可能性があります。")
    if visit.version != expected_version:
        raise StaleEdit()
    return visit


def update_visit(ws: Workspace, visit_id: int, expected_version: int, draft: VisitDraft,
                 cancel: tuple[CancelReason, str] | None = None) -> tuple[VisitDetail, int]:
    """Save an edit. Returns (the visit as it was, the new version) so the edit can be undone.

    A cancelled visit keeps why (`cancel`: reason and note; without it, the reason it had, else
    "other"); a visit no longer cancelled has none."""
    validate(draft)
    try:
        with transaction(ws.db.sessions) as session:
            visit = _load_for_edit(session, ws, visit_id, expected_version)
            before = _detail(visit)
            derived = _derived_lunch(session, ws.branch_id, draft, visit)
            lunch = draft.lunch_mode or derived
            for name in _FIELDS:
                setattr(visit, name, getattr(draft, name))
            visit.lunch_mode = lunch
            visit.lunch_overridden = lunch != derived
            visit.origin = VisitOrigin.MANUAL
            if draft.status != VisitStatus.CANCELLED:
                visit.cancel_reason, visit.cancel_note = None, ""
            elif cancel is not None:
                visit.cancel_reason, visit.cancel_note = cancel[0], cancel[1].strip()
            elif visit.cancel_reason is None:
                visit.cancel_reason = CancelReason.OTHER
            if visit.needs_reschedule and (draft.date != before.draft.date or draft.status == VisitStatus.CANCELLED):
                visit.needs_reschedule = False
            session.flush()
            return before, visit.version
    except StaleDataError:
        raise StaleEdit() from None


def move_visit(ws: Workspace, visit_id: int, expected_version: int, new_date: dt.date,
               new_alt_id: int | None = None) -> tuple[VisitDetail, int]:
    current = get_visit(ws, visit_id)
    if current.version != expected_version:
        raise StaleEdit()
    draft = replace(current.draft, date=new_date, alt_id=new_alt_id or current.draft.alt_id,
                    lunch_mode=current.draft.lunch_mode if current.lunch_overridden else None)
    return update_visit(ws, visit_id, expected_version, draft)


def cancel_visit(ws: Workspace, visit_id: int, expected_version: int,
                 reason: CancelReason | str = CancelReason.OTHER, note: str = "") -> tuple[VisitDetail, int]:
    """Cancel a visit, recording why (school closed, weather warning, illness, event, other) and a
    note: the month's actuals count cancellations by reason."""
    try:
        kind = CancelReason(reason)
    except ValueError:
        raise InvalidInput(f"Unknown cancellation reason: {reason}.", f"中止理由が不明です：{reason}",
                           field="reason") from None
    current = get_visit(ws, visit_id)
    return update_visit(ws, visit_id, expected_version, replace(current.draft, status=VisitStatus.CANCELLED),
                        cancel=(kind, note))


def restore_visit(ws: Workspace, before: VisitDetail, version_after_edit: int) -> int:
    """Undo an edit: put back every field as it was, if nobody changed the visit since."""
    try:
        with transaction(ws.db.sessions) as session:
            visit = _load_for_edit(session, ws, before.id, version_after_edit)
            for name in _FIELDS:
                setattr(visit, name, getattr(before.draft, name))
            visit.lunch_overridden = before.lunch_overridden
            visit.origin = before.origin
            visit.cancel_reason, visit.cancel_note = before.cancel_reason, before.cancel_note
            session.flush()
            return visit.version
    except StaleDataError:
        raise StaleEdit() from None


def visits_on(ws: Workspace, alt_id: int, day: dt.date) -> list[VisitDetail]:
    with ws.db.sessions() as session:
        return [_detail(v) for v in session.scalars(
            select(Visit).where(Visit.branch_id == ws.branch_id, Visit.alt_id == alt_id, Visit.date == day)
            .order_by(Visit.start_time))]
