"""Re-issues: what changed since the last issue (変更箇所), and when an issue is a new one."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from altdesk.db.engine import transaction
from altdesk.db.enums import VisitStatus
from altdesk.db.models import Alt, IssuedReport, Visit
from altdesk.io.export_request import ExportRequest
from altdesk.reports.issues import diff_rows
from altdesk.reports.school_month import load_school_months
from altdesk.services.exports import run_export
from altdesk.services.scheduling import apply_substitute
from tests.unit.report_fixtures import BUSY_SCHOOL, THAO, make_report_branch


def row(visit, date, alt=1, name="タオ・グエン", slot="", start="08:15", end="15:45", periods="1-4",
        lunch="school_lunch", covers=None):
    return {"visit": visit, "slot": slot, "date": date, "alt": alt, "alt_name": name, "start": start, "end": end,
            "periods": periods, "lunch": lunch, "kind": "regular", "covers": covers}


def test_diff_names_added_moved_cancelled_substitute_and_changed():
    before = [row(1, "2026-06-01"), row(2, "2026-06-02"), row(3, "2026-06-03"), row(4, "2026-06-04"),
              row(5, "2026-06-05")]
    after = [
        row(1, "2026-06-01"),
        row(2, "2026-06-09"),  # moved
        # 3 cancelled
        row(9, "2026-06-04", alt=2, name="ルシア・ガルシア", covers=4),  # substitute for 4
        row(5, "2026-06-05", start="09:00", lunch="own_lunch"),  # changed
        row(10, "2026-06-10"),  # added
    ]
    changes = diff_rows(before, after)
    assert [(c.kind, c.date.isoformat()) for c in changes] == [
        ("cancelled", "2026-06-03"), ("substitute", "2026-06-04"), ("changed", "2026-06-05"),
        ("moved", "2026-06-09"), ("added", "2026-06-10"),
    ]
    texts = [c.text_ja for c in changes]
    assert texts[0] == "6/3（水） 訪問中止（タオ・グエン）"
    assert texts[1] == "6/4（木） 代替ALT ルシア・ガルシア（タオ・グエンの代わり）"
    assert texts[2] == "6/5（金） 時間 8:15〜15:45 → 9:00〜15:45、昼食 給食 → 弁当持参"
    assert texts[3] == "6/2（火） → 6/9（火） 日程変更"
    assert texts[4] == "6/10（水） 訪問追加（タオ・グエン 8:15〜15:45）"


def test_a_regenerated_visit_with_a_new_id_is_no_change():
    before = [row(1, "2026-06-01", slot="7:2026-06-01")]
    after = [row(42, "2026-06-01", slot="7:2026-06-01")]
    assert diff_rows(before, after) == []


@pytest.fixture
def branch(ws):
    return make_report_branch(ws)


def export_june(ws, out, day="2026-05-20"):
    return run_export(ws, ExportRequest("pdf", "school-month", out, month="2026-06", school=BUSY_SCHOOL,
                                        options={"issue_date": day}))


def issues(ws):
    with ws.db.sessions() as s:
        return s.scalars(select(IssuedReport).order_by(IssuedReport.id)).all()


def test_reprint_is_the_same_issue_and_a_change_makes_the_next(ws, branch, tmp_path):
    export_june(ws, tmp_path / "a.pdf")
    export_june(ws, tmp_path / "b.pdf", "2026-05-22")  # nothing changed: a reprint
    recorded = issues(ws)
    assert len(recorded) == 1 and recorded[0].snapshot["number"] == 1 and recorded[0].actor == "tester"
    assert recorded[0].snapshot["issued_on"] == "2026-05-20"

    with transaction(ws.db.sessions) as s:
        cancelled = s.scalar(select(Visit).where(Visit.school_id == branch.busy_school_id,
                                                 Visit.date == dt.date(2026, 6, 19)))
        cancelled.status = VisitStatus.CANCELLED
        covered = s.scalar(select(Visit.id).where(Visit.school_id == branch.busy_school_id,
                                                  Visit.date == dt.date(2026, 6, 16)))
        thao = s.scalar(select(Alt.id).where(Alt.code == THAO))
    apply_substitute(ws, covered, thao)

    export_june(ws, tmp_path / "c.pdf", "2026-05-25")
    recorded = issues(ws)
    assert [r.snapshot["number"] for r in recorded] == [1, 2]
    with ws.db.sessions() as s:
        reports, drafts = load_school_months(s, ws.branch_id, "2026-06", [BUSY_SCHOOL], None, dt.date(2026, 5, 26))
    issue = reports[0].issue
    assert not issue.is_new  # printing again now is a reprint of issue 2
    assert (issue.number, issue.issued_on, issue.previous_issued_on) == (2, dt.date(2026, 5, 25), dt.date(2026, 5, 20))
    assert [c.kind for c in issue.changes] == ["substitute", "cancelled"]
    assert reports[0].edition_text == "第2版（前回 2026年5月20日発行）"
    substitute = next(v for v in reports[0].visits if v.date == dt.date(2026, 6, 16))
    assert substitute.visit_id in issue.changed_visits
    assert substitute.note_text == "代替ALT（ゾーイ・ミュラーの代わり）"


def test_a_preview_records_no_issue(ws, branch, tmp_path):
    run_export(ws, ExportRequest("pdf", "school-month", tmp_path / "p.pdf", month="2026-06", school=BUSY_SCHOOL,
                                 options={"record_issue": "no"}))
    with ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(IssuedReport)) == 0
