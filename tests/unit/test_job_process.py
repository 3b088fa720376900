"""Generate and rollover in a child process: the same result as in-process, progress reported,
cancel writes nothing, the user's errors arrive in both languages, the audit names the actor."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from altdesk.db.models import AuditEntry, Visit
from altdesk.errors import UserError
from altdesk.scheduling.generate import fiscal_year_bounds
from altdesk.services.job_process import JobSpec, run_in_process, spec_for


def _visit_count(ws) -> int:
    with ws.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Visit).where(Visit.branch_id == ws.branch_id))


def test_generate_in_a_child_writes_the_year_and_reports_progress(demo_ws):
    assert _visit_count(demo_ws) == 0
    seen: list[tuple[int, int]] = []
    result = run_in_process(spec_for(demo_ws, "generate", *fiscal_year_bounds(2026)),
                            lambda done, total: seen.append((done, total)) or True)
    assert not result.cancelled and result.created > 1000
    assert _visit_count(demo_ws) == result.created  # the parent sees what the child committed
    assert seen and seen[-1][0] == seen[-1][1]  # progress reached the end
    with demo_ws.db.sessions() as session:
        actors = set(session.scalars(select(AuditEntry.actor).where(AuditEntry.entity == "visit")))
    assert actors == {demo_ws.actor}


def test_cancel_from_the_parent_stops_the_child_and_writes_nothing(demo_ws):
    result = run_in_process(spec_for(demo_ws, "generate", *fiscal_year_bounds(2026)), lambda done, total: False)
    assert result.cancelled
    assert _visit_count(demo_ws) == 0


def test_a_cancel_while_the_child_starts_reaches_it_before_it_writes(demo_ws):
    """Cancel pressed after the job started but before the child's first report (it takes about a
    second to start): the child learns of it at its first step, not after it has written."""
    asked: list[tuple[int, int]] = []
    result = run_in_process(spec_for(demo_ws, "generate", *fiscal_year_bounds(2026)),
                            lambda done, total: asked.append((done, total)) or len(asked) == 1)
    assert len(asked) >= 2 and asked[1] == (0, 0)  # asked again before any report arrived
    assert result.cancelled
    assert _visit_count(demo_ws) == 0


def test_a_user_error_in_the_child_arrives_in_both_languages(demo_ws):
    first, last = fiscal_year_bounds(2026)
    with pytest.raises(UserError) as raised:
        run_in_process(spec_for(demo_ws, "generate", last, first))  # the dates the wrong way round
    assert "before the start date" in raised.value.message("en")
    assert "より前です" in raised.value.message("ja")


def test_a_database_the_child_cannot_open_is_a_user_error(tmp_path):
    spec = JobSpec(f"sqlite:///{tmp_path / 'missing-folder' / 'x.sqlite3'}", 1, "tester", "generate")
    with pytest.raises(UserError):
        run_in_process(spec)
