"""Lunch use cases: a visit's lunch and why, overrides, the month's ledger, order sheets, fees."""

from __future__ import annotations

import datetime as dt

from altdesk.dates import check_month
from altdesk.db.audit import record_event
from altdesk.db.engine import transaction
from altdesk.db.enums import AuditAction, LunchMode, VisitOrigin, VisitStatus
from altdesk.db.models import Visit
from altdesk.errors import InvalidInput, NotFound, StaleEdit
from altdesk.labels import LUNCH_MODE_LABELS
from altdesk.lunch.explain import OVERRIDE_ENTITY, LunchExplanation, derived_decision, explain_visit
from altdesk.lunch.fees import FeeReport, fee_report
from altdesk.lunch.ledger import MonthLedger, build_month_ledger
from altdesk.lunch.month_data import load_month, parse_school_choice, school_ids_for_codes
from altdesk.lunch.notice import as_jst
from altdesk.lunch.orders import OrderSheet, build_order_sheets, record_order_sheets
from altdesk.scheduling.conflicts import Conflict
from altdesk.scheduling.lunch_deadlines import lunch_deadline_conflicts
from altdesk.services.workspace import Workspace

ACTIVE = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)
MAX_REASON = 500


# --- One visit ----------------------------------------------------------------------------

def lunch_explanation(ws: Workspace, visit_id: int) -> LunchExplanation:
    with ws.db.sessions() as session:
        return explain_visit(session, ws.branch_id, visit_id)


def _editable_visit(session, ws: Workspace, visit_id: int, expected_version: int | None) -> Visit:  # type: ignore[no-untyped-def]
    visit = session.get(Visit, visit_id, populate_existing=True)
    if visit is None or visit.branch_id != ws.branch_id:
        raise NotFound("That visit does not exist.", "その訪問は存在しません。")
    if expected_version is not None and visit.version != expected_version:
        raise StaleEdit()
    if visit.status not in ACTIVE:
        raise InvalidInput("A cancelled or covered visit has no lunch to set.",
                           "中止または代替済みの訪問の昼食は設定できません。", field="visit")
    return visit


def set_lunch_override(ws: Workspace, visit_id: int, mode: LunchMode | str, reason: str,
                       expected_version: int | None = None) -> LunchExplanation:
    """A coordinator sets one visit's lunch by hand; the reason is kept in the audit log.

    The visit becomes a manual one, so regenerating from the placement leaves it alone.
    """
    try:
        mode = LunchMode(mode)
    except ValueError:
        choices = ", ".join(m.value for m in LunchMode)
        raise InvalidInput(f"Unknown lunch mode {mode!r}; use one of {choices}.",
                           f"昼食の種類 {mode!r} は不明です（{choices}）。", field="lunch_mode") from None
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("Say why the lunch is set by hand (the reason is kept).",
                           "手動で設定する理由を入力してください（記録されます）。", field="reason")
    if len(reason) > MAX_REASON:
        raise InvalidInput(f"The reason is longer than {MAX_REASON} characters.",
                           f"理由が {MAX_REASON} 文字を超えています。", field="reason")
    with transaction(ws.db.sessions) as session:
        visit = _editable_visit(session, ws, visit_id, expected_version)
        before = {"lunch_mode": LunchMode(visit.lunch_mode).value, "overridden": bool(visit.lunch_overridden)}
        visit.lunch_mode = mode
        visit.lunch_overridden = True
        visit.origin = VisitOrigin.MANUAL
        session.flush()
        record_event(session, AuditAction.UPDATE, OVERRIDE_ENTITY,
                     f"lunch of visit {visit.date.isoformat()} set to {LUNCH_MODE_LABELS[mode][0].lower()}",
                     entity_id=visit.id, before=before,
                     after={"lunch_mode": mode.value, "overridden": True, "reason": reason},
                     branch_id=ws.branch_id)
    return lunch_explanation(ws, visit_id)


def clear_lunch_override(ws: Workspace, visit_id: int, reason: str = "",
                         expected_version: int | None = None) -> LunchExplanation:
    """Give the visit back the lunch the rules derive. A visit that already has it is left as it
    is: nothing is written, logged or journalled."""
    with transaction(ws.db.sessions) as session:
        visit = _editable_visit(session, ws, visit_id, expected_version)
        derived = derived_decision(session, ws.branch_id, visit).mode
        if visit.lunch_overridden or LunchMode(visit.lunch_mode) != derived:
            before = {"lunch_mode": LunchMode(visit.lunch_mode).value, "overridden": bool(visit.lunch_overridden)}
            visit.lunch_mode = derived
            visit.lunch_overridden = False
            session.flush()
            record_event(session, AuditAction.UPDATE, OVERRIDE_ENTITY,
                         f"lunch of visit {visit.date.isoformat()} back to the rules "
                         f"({LUNCH_MODE_LABELS[derived][0].lower()})",
                         entity_id=visit.id, before=before,
                         after={"lunch_mode": derived.value, "overridden": False, "reason": (reason or "").strip()},
                         branch_id=ws.branch_id)
    return lunch_explanation(ws, visit_id)


# --- The month ------------------------------------------------------------------------------

def _school_ids(session, ws: Workspace, school: str | None) -> list[int] | None:  # type: ignore[no-untyped-def]
    codes = parse_school_choice(school)
    return None if codes is None else school_ids_for_codes(session, ws.branch_id, codes)


def month_ledger(ws: Workspace, month: str, now: dt.datetime | None = None) -> MonthLedger:
    month = check_month(month)
    with ws.db.sessions() as session:
        return build_month_ledger(load_month(session, ws.branch_id, month), as_jst(now))


def order_sheets(ws: Workspace, month: str, school: str | None = None,
                 now: dt.datetime | None = None) -> list[OrderSheet]:
    """The order sheets as they would be issued now; nothing is recorded.

    `school` is a code (or several, comma-separated), or None / "all" for every school with
    meals (or a sheet already issued) this month.
    """
    month = check_month(month)
    with ws.db.sessions() as session:
        ids = _school_ids(session, ws, school)
        data = load_month(session, ws.branch_id, month, ids)
        return build_order_sheets(data, as_jst(now), ids)


def record_issued(ws: Workspace, sheets: list[OrderSheet]) -> int:
    """Remember the sheets just printed or sent (the base of the next re-issue's changes)."""
    with transaction(ws.db.sessions) as session:
        return record_order_sheets(session, ws.branch_id, ws.actor, sheets)


def issue_order_sheets(ws: Workspace, month: str, school: str | None = None,
                       now: dt.datetime | None = None) -> list[OrderSheet]:
    sheets = order_sheets(ws, month, school, now)
    record_issued(ws, sheets)
    return sheets


def lunch_fees(ws: Workspace, month: str, alt: str | None = None, now: dt.datetime | None = None) -> FeeReport:
    """Lunch fees per ALT for the month; `alt` a code to show one ALT only."""
    with ws.db.sessions() as session:
        return fee_report(session, ws.branch_id, check_month(month), alt, as_jst(now))


def lunch_deadline_warnings(ws: Workspace, first: dt.date, last: dt.date,
                            now: dt.datetime | None = None) -> list[Conflict]:
    with ws.db.sessions() as session:
        return lunch_deadline_conflicts(session, ws.branch_id, first, last, now)
