"""The Absences sheet (and CSV kind): ALTs' leave, sick days, training and 振替 come in with the same
rules as the absence form, all or nothing, and a second import updates instead of copying."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from altdesk.db.enums import AbsenceKind
from altdesk.db.models import Absence, Alt
from altdesk.services.importing import apply, preview
from altdesk.services.school_events import Attendance, EventInput, create_event
from tests.helpers import table_dump
from tests.unit.sched_fixtures import make_alt, make_school


def _csv(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def _absences(ws) -> list[tuple]:
    with ws.db.sessions() as s:
        return s.execute(select(Alt.code, Absence.kind, Absence.start_date, Absence.end_date, Absence.note)
                         .join(Alt, Alt.id == Absence.alt_id).where(Absence.event_id.is_(None))
                         .order_by(Alt.code, Absence.start_date)).all()


def test_absences_in_japanese_headers_land_and_update_on_a_second_import(ws, tmp_path):
    make_alt(ws, "A1"), make_alt(ws, "A2")
    first = _csv(tmp_path / "不在.csv", "ALTコード,種類,開始日,終了日,備考\n"
                                        "A1,有給,2026/6/3,2026/6/4,帰国\nA2,病欠,令和8年6月10日,,\n")
    outcome = apply(ws, [first])
    assert outcome.counts["absences"]["create"] == 2
    assert _absences(ws) == [("A1", AbsenceKind.PAID_LEAVE, dt.date(2026, 6, 3), dt.date(2026, 6, 4), "帰国"),
                             ("A2", AbsenceKind.SICK, dt.date(2026, 6, 10), dt.date(2026, 6, 10), "")]
    again = _csv(tmp_path / "absences.csv", "ALT code,Kind,Start date,End date\nA1,paid_leave,2026-06-03,2026-06-05\n")
    outcome = apply(ws, [again])
    assert outcome.counts["absences"] == {"create": 0, "update": 1, "unchanged": 0}
    assert _absences(ws)[0][3] == dt.date(2026, 6, 5) and _absences(ws)[0][4] == "帰国"  # no Note column: kept


def test_overlaps_unknown_alts_and_bad_ranges_are_refused_naming_row_and_column(ws, tmp_path):
    make_alt(ws, "A1")
    before = table_dump(ws.db.target.sqlite_path)
    source = _csv(tmp_path / "absences.csv", "ALT code,Kind,Start date,End date\n"
                                             "A1,sick,2026-06-03,2026-06-05\n"  # row 2: fine alone
                                             "A1,training,2026-06-05,2026-06-05\n"  # row 3: overlaps row 2
                                             "A9,sick,2026-06-03,\n"  # row 4: no such ALT
                                             "A1,sick,2026-07-10,2026-07-01\n"  # row 5: ends before it starts
                                             "A1,flu,2026-08-01,\n")  # row 6: not a kind
    checked = preview(ws, [source])
    found = {(p.row, p.column) for p in checked.errors}
    assert {(3, "Start date"), (4, "ALT code"), (5, "End date"), (6, "Kind")} <= found
    assert any("already has an absence" in p.message_en and "既に不在" in p.message_ja for p in checked.errors)
    assert not checked.ok
    assert table_dump(ws.db.target.sqlite_path) == before


def test_a_compensatory_day_of_an_event_is_changed_in_the_event_not_here(ws, tmp_path):
    school = make_school(ws, "S1")
    alt = make_alt(ws, "A1")
    create_event(ws, EventInput(school, dt.date(2026, 6, 13), "運動会", attendees=(Attendance(alt),)))
    source = _csv(tmp_path / "absences.csv", "ALT code,Kind,Start date\nA1,compensatory,2026-06-15\n")
    checked = preview(ws, [source])
    assert [p.row for p in checked.errors] == [2]
    assert "change it in the event" in checked.errors[0].message_en
