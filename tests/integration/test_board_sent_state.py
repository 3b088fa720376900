"""The board's "changed since sent" (month_end.board_sent_state): the same answer as sent_state,
with no document built for a month never sent or unchanged since it was sent."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from altdesk.db.engine import transaction
from altdesk.db.enums import VisitStatus
from altdesk.db.models import Visit
from altdesk.services import month_end
from altdesk.services.month_end import board_sent_state, send_month, sent_state
from tests.integration.test_send_month import DAY, MONTH


def _no_documents(*_args: object) -> None:
    raise AssertionError("the month's documents were built")


def test_board_sent_state_matches_sent_state_and_builds_only_when_written_to(scheduled_ws, tmp_path, monkeypatch):
    monkeypatch.setenv("ALTDESK_PDF_WORKERS", "1")
    ws = scheduled_ws
    send_month(ws, MONTH, tmp_path / "out", force=True)

    with monkeypatch.context() as patch:  # never sent, and sent with nothing written since: no build
        patch.setattr(month_end, "_load_month", _no_documents)
        assert board_sent_state(ws, "2026-07") == month_end.SentState("2026-07", None)
        state = board_sent_state(ws, MONTH)
        assert state.was_sent and not state.changed_since_sent
    assert state == sent_state(ws, MONTH)

    with transaction(ws.db.sessions) as session:  # a write since: compared in full, what changed named
        visit = session.scalars(select(Visit).where(Visit.branch_id == ws.branch_id, Visit.date == DAY,
                                                    Visit.status == VisitStatus.PLANNED).order_by(Visit.id)).first()
        visit.status = VisitStatus.CANCELLED
    state = board_sent_state(ws, MONTH)
    assert state.changed_since_sent
    assert state == sent_state(ws, MONTH)
    assert {kind for kind, _code in state.changed} >= {"school", "alt"}

    send_month(ws, MONTH, tmp_path / "out", force=True)  # sent again: unchanged, and cheap again
    monkeypatch.setattr(month_end, "_load_month", _no_documents)
    assert not board_sent_state(ws, MONTH).changed_since_sent
    with pytest.raises(AssertionError):
        sent_state(ws, MONTH)  # (the full compare does build them)
