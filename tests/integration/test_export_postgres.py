"""The report models, issues and files on PostgreSQL: the same queries, JSON snapshots and diffs."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, transaction
from altdesk.db.models import Visit
from altdesk.io.export_request import ExportRequest
from altdesk.reports.alt_month import build_alt_months
from altdesk.reports.branch_month import build_branch_month
from altdesk.reports.school_month import load_school_months
from altdesk.services.exports import run_export
from altdesk.services.workspace import open_workspace
from tests.unit.report_fixtures import BUSY_SCHOOL, THAO, make_report_branch, pdf_text


@pytest.mark.postgres
def test_reports_and_reissue_on_postgresql(tmp_path):
    url = os.environ.get("ALTDESK_TEST_PG_URL")
    if not url:
        pytest.skip("ALTDESK_TEST_PG_URL is not set, so the report test on PostgreSQL did NOT run; "
                    "run it under bash .ci/with-postgres.sh")
    name = f"altdesk_reports_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(DatabaseTarget.parse(make_url(url).set(database=name).render_as_string(hide_password=False)))
    try:
        ws = open_workspace(db, actor="tester")
        branch = make_report_branch(ws)
        first = tmp_path / "first.pdf"
        run_export(ws, ExportRequest("pdf", "school-month", first, month="2026-06", school=BUSY_SCHOOL))
        with transaction(ws.db.sessions) as s:
            visit = s.scalar(select(Visit).where(Visit.school_id == branch.busy_school_id,
                                                 Visit.date == dt.date(2026, 6, 3)))
            visit.date = dt.date(2026, 6, 4)
        second = tmp_path / "second.pdf"
        run_export(ws, ExportRequest("pdf", "school-month", second, month="2026-06", school=BUSY_SCHOOL))
        assert "6/3（水） → 6/4（木） 日程変更" in pdf_text(second)
        with ws.db.sessions() as s:
            reports, _ = load_school_months(s, ws.branch_id, "2026-06", [BUSY_SCHOOL])
            assert len(reports[0].visits) == 23 and reports[0].issue.number == 2 and not reports[0].issue.is_new
            [alt] = build_alt_months(s, ws.branch_id, "2026-06", [THAO])
            assert alt.total_days == 13
            board = build_branch_month(s, ws.branch_id, "2026-06")
            assert len(board.rows) == 3
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
