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


# Jobs the child runs in the tests below: handed to it by reference, as JOBS's own are.
def _stale_job(ws, *args, progress):  # type: ignore[no-untyped-def]
    from altdesk.errors import StaleEdit

    raise StaleEdit()


def _invalid_job(ws, *args, progress):  # type: ignore[no-untyped-def]
    from altdesk.errors import InvalidInput

    raise InvalidInput("The end is before the start.", "終了が開始より前です。", field="to")


SENTINEL = "Zqxfaultsentinel"


def _faulty_job(ws, *args, progress):  # type: ignore[no-untyped-def]
    return {"A0001": 1}[SENTINEL]  # a KeyError whose message is a value (a name, here)


def _slow_faulty_job(ws, *args, progress):  # type: ignore[no-untyped-def]
    while progress(1, 10):  # runs until the parent cancels, then fails on its way out
        pass
    raise RuntimeError(SENTINEL)


def _run_with(monkeypatch, demo_ws, job, progress=None):  # type: ignore[no-untyped-def]
    import altdesk.services.job_process as job_process

    monkeypatch.setitem(job_process.JOBS, "generate", job)
    return run_in_process(spec_for(demo_ws, "generate"), progress)


def test_a_stale_edit_in_the_child_arrives_as_stale_edit(monkeypatch, demo_ws):
    from altdesk.errors import StaleEdit

    with pytest.raises(StaleEdit) as raised:
        _run_with(monkeypatch, demo_ws, _stale_job)
    assert "変更されました" in raised.value.message("ja")


def test_invalid_input_in_the_child_keeps_its_field(monkeypatch, demo_ws):
    from altdesk.errors import InvalidInput

    with pytest.raises(InvalidInput) as raised:
        _run_with(monkeypatch, demo_ws, _invalid_job)
    assert raised.value.field == "to" and raised.value.message("ja") == "終了が開始より前です。"


def test_a_fault_in_the_child_crosses_as_a_fault_with_its_traceback_and_no_values(monkeypatch, demo_ws):
    from altdesk.services.job_process import JobFault

    with pytest.raises(JobFault) as raised:
        _run_with(monkeypatch, demo_ws, _faulty_job)
    fault = raised.value
    assert not isinstance(fault, UserError) and fault.kind == "KeyError"
    assert "_faulty_job" in fault.remote_traceback and "KeyError" in fault.remote_traceback
    assert SENTINEL not in str(fault) and "[SENTINEL]" in fault.remote_traceback  # code, not values
    assert SENTINEL not in fault.remote_traceback.replace("[SENTINEL]", "")
    from altdesk.logs import private_traceback

    logged = private_traceback(fault)  # what the log gets: the child's frames, then the parent's
    assert logged.index("_faulty_job") < logged.index("run_in_process")


def test_a_job_the_person_cancelled_is_cancelled_whatever_it_ended_with(monkeypatch, demo_ws):
    from altdesk.errors import Cancelled

    asked: list[int] = []

    def progress(done: int, total: int) -> bool:
        asked.append(done)
        return done == 0  # the first report goes on; the first real step is cancelled

    assert _run_with(monkeypatch, demo_ws, _slow_faulty_job, progress) == Cancelled()
