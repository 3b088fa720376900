"""A coordinator overrides one visit's lunch, with a reason that is kept and shown."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from altdesk.db.enums import LunchMode, VisitOrigin
from altdesk.db.models import AuditEntry, Visit
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services.lunch import clear_lunch_override, lunch_explanation, set_lunch_override
from altdesk.services.scheduling import generate_visits
from tests.unit.lunch_fixtures import JUNE, cancel, lunch_branch, visit_on


def _visit(ws, visit_id: int) -> Visit:
    with ws.db.sessions() as s:
        return s.get(Visit, visit_id)


def test_override_with_reason_is_explained_and_survives_regeneration(ws):
    branch = lunch_branch(ws, allergens=("egg",))
    visit_id = visit_on(ws, branch.alt, dt.date(2026, 6, 9))
    why = set_lunch_override(ws, visit_id, LunchMode.SCHOOL_LUNCH, "Egg-free menu arranged with the school")
    stored = _visit(ws, visit_id)
    assert stored.lunch_mode == LunchMode.SCHOOL_LUNCH and stored.lunch_overridden
    assert stored.origin == VisitOrigin.MANUAL
    assert why.overridden and not why.follows_rules
    text = why.text("en")
    assert "By the rules: Own lunch" in text
    assert "Egg-free menu arranged with the school" in text and "tester" in text
    assert "コーディネーターが変更" in why.text("ja")
    generate_visits(ws, *JUNE)  # regeneration leaves a hand-set visit alone
    assert _visit(ws, visit_id).lunch_mode == LunchMode.SCHOOL_LUNCH
    others = [v for v in _all_modes(ws, branch.alt) if v[0] != dt.date(2026, 6, 9)]
    assert {mode for _day, mode in others} == {LunchMode.OWN_LUNCH}


def _all_modes(ws, alt_id):
    with ws.db.sessions() as s:
        return list(s.execute(select(Visit.date, Visit.lunch_mode).where(Visit.alt_id == alt_id)))


def test_clearing_the_override_gives_back_the_derived_mode(ws):
    branch = lunch_branch(ws)
    visit_id = visit_on(ws, branch.alt, dt.date(2026, 6, 11))
    set_lunch_override(ws, visit_id, "own_lunch", "Class trip, packed lunch")
    assert _visit(ws, visit_id).lunch_mode == LunchMode.OWN_LUNCH
    why = clear_lunch_override(ws, visit_id)
    assert _visit(ws, visit_id).lunch_mode == LunchMode.SCHOOL_LUNCH
    assert not why.overridden and why.follows_rules
    assert "Set by a coordinator" not in why.text("en")
    with ws.db.sessions() as s:
        reasons = [e.after["reason"] for e in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "visit_lunch", AuditEntry.entity_id == visit_id)
            .order_by(AuditEntry.id))]
    assert reasons == ["Class trip, packed lunch", ""]


def test_bad_overrides_are_refused_and_change_nothing(ws):
    branch = lunch_branch(ws)
    visit_id = visit_on(ws, branch.alt, dt.date(2026, 6, 16))
    before = _visit(ws, visit_id)
    with pytest.raises(InvalidInput) as no_reason:
        set_lunch_override(ws, visit_id, LunchMode.OWN_LUNCH, "   ")
    assert no_reason.value.field == "reason"
    with pytest.raises(InvalidInput) as bad_mode:
        set_lunch_override(ws, visit_id, "sushi", "why not")
    assert "sushi" in bad_mode.value.message_en
    with pytest.raises(StaleEdit):
        set_lunch_override(ws, visit_id, LunchMode.OWN_LUNCH, "late edit", expected_version=before.version + 5)
    after = _visit(ws, visit_id)
    assert (after.lunch_mode, after.lunch_overridden, after.version) == (
        before.lunch_mode, before.lunch_overridden, before.version)
    cancel(ws, visit_id)
    with pytest.raises(InvalidInput):
        set_lunch_override(ws, visit_id, LunchMode.OWN_LUNCH, "cancelled anyway")
    assert lunch_explanation(ws, visit_id).mode == LunchMode.SCHOOL_LUNCH


def test_clearing_a_visit_that_follows_the_rules_writes_and_journals_nothing(ws):
    """Found by the messy branch: "back to the rules" on a visit already there logged an update
    and journalled an operation with nothing in it for Undo."""
    from altdesk.operations import perform

    branch = lunch_branch(ws)
    visit_id = visit_on(ws, branch.alt, dt.date(2026, 6, 11))
    version = _visit(ws, visit_id).version
    with ws.db.sessions() as s:
        entries = s.scalar(select(func.count()).select_from(AuditEntry))
    why, record = perform(ws, "Lunch back to the rules", "給食を規則どおりに", lambda: clear_lunch_override(ws, visit_id))
    assert why.follows_rules and record.operation_id is None
    assert _visit(ws, visit_id).version == version
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == entries
