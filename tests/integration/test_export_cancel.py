"""Cancelling an export part way: finished files stay, nothing half-written is left, and only
the files written are remembered as issued."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from altdesk.db.models import IssuedReport
from altdesk.io.export_request import ExportRequest
from altdesk.io.exporters._output import ExportCancelled
from altdesk.services.reporting import run
from altdesk.services.scheduling import generate_visits


def test_cancel_after_the_first_school(demo_ws, tmp_path):


    generate_visits(demo_ws, dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 1

    with pytest.raises(ExportCancelled) as raised:
        run(demo_ws, ExportRequest("pdf", "school-month", tmp_path / "out", month="2026-06", school="all"), progress)
    assert "cancelled" in raised.value.message_en.lower() and raised.value.message_ja
    files = list((tmp_path / "out").iterdir())
    assert len(files) == 1 and files[0].suffix == ".pdf" and calls[0][1] > 1
    with demo_ws.db.sessions() as s:
        assert len(s.scalars(select(IssuedReport)).all()) == 1


def test_a_cancelled_combined_file_is_not_left_behind(demo_ws, tmp_path):


    generate_visits(demo_ws, dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    out = tmp_path / "reports" / "all.pdf"
    with pytest.raises(ExportCancelled):
        run(demo_ws, ExportRequest("pdf", "school-month", out, month="2026-06", school="all", combined=True),
            lambda done, total: done < 3)
    assert not out.exists() and not list(out.parent.iterdir())
    with demo_ws.db.sessions() as s:
        assert s.scalars(select(IssuedReport)).all() == []
