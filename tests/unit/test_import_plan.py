"""Planning and writing an import: create, update or leave alone by code; references
across sheets; every problem located; all or nothing; the audit entry."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from altdesk.db.enums import (
    AbsenceKind,
    AuditAction,
    DayOffKind,
    LunchMode,
    LunchPolicy,
    SchoolLevel,
    VisitKind,
)
from altdesk.db.models import (
    Absence,
    Alt,
    AuditEntry,
    Board,
    DayOff,
    EventAttendee,
    Placement,
    School,
    SchoolEvent,
    Visit,
)
from altdesk.io.importing import ImportCancelled, ImportRejected
from altdesk.services.importing import apply, preview
from tests.helpers import table_dump


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def count(ws, model) -> int:
    with ws.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(model).where(model.branch_id == ws.branch_id))


def school(ws, code: str) -> School:
    with ws.db.sessions() as session:
        found = session.scalar(select(School).where(School.code == code))
        assert found is not None
        _ = found.board, found.periods
        return found


SCHOOLS = [
    ["学校コード", "学校名", "学校名（英語）", "校種", "教育委員会コード", "教育委員会", "給食", "給食費", "契約日数", "1校時", "2校時"],
    ["S001", "桜台小学校", "Sakuradai ES", "小学校", "B100", "桜市教育委員会", "給食あり", "280", "70", "8:45-9:30", "9:40-10:25"],
    ["S002", "桜台中学校", "Sakuradai JHS", "中学校", "B100", "", "牛乳のみ", "60", "", "8:50-9:40", ""],
]


def test_schools_are_created_with_their_new_board_and_bell_schedule(ws, tmp_path):
    path = write_csv(tmp_path / "schools.csv", SCHOOLS)
    outcome = apply(ws, [path])
    assert outcome.counts["boards"]["create"] == 1 and outcome.counts["schools"]["create"] == 2
    first, second = school(ws, "S001"), school(ws, "S002")
    assert (first.name_ja, first.name_en, first.level) == ("桜台小学校", "Sakuradai ES", SchoolLevel.ELEMENTARY)
    assert (first.lunch_policy, first.lunch_price_yen, first.contracted_days) == (LunchPolicy.SERVES, 280, 70)
    assert [(p.number, p.start_time, p.end_time) for p in first.periods] == [
        (1, dt.time(8, 45), dt.time(9, 30)), (2, dt.time(9, 40), dt.time(10, 25))]
    assert first.board.code == second.board.code == "B100"
    assert first.board.name_ja == "桜市教育委員会"
    assert (second.lunch_policy, second.contracted_days, len(second.periods)) == (LunchPolicy.MILK_ONLY, None, 1)


def test_importing_again_updates_by_code_and_never_duplicates(ws, tmp_path):
    path = write_csv(tmp_path / "schools.csv", SCHOOLS)
    apply(ws, [path])
    again = preview(ws, [path])
    assert again.ok and not again.has_work
    assert again.counts["schools"] == {"create": 0, "update": 0, "unchanged": 2}
    changed = [row[:] for row in SCHOOLS]
    changed[2][1] = "桜台中学校（新校舎）"
    changed[2][9] = "8:55-9:45"
    outcome = apply(ws, [write_csv(tmp_path / "schools2.csv", changed)])
    assert outcome.counts["schools"] == {"create": 0, "update": 1, "unchanged": 1}
    assert [c.fields for c in outcome.changes if c.kind == "schools"] == [("name_ja", "periods")]
    assert [c.labels for c in outcome.changes if c.kind == "schools"] == [("Name (ja)", "Periods")]
    assert count(ws, School) == 2 and count(ws, Board) == 1
    updated = school(ws, "S002")
    assert updated.name_ja == "桜台中学校（新校舎）" and updated.version == 2
    assert [(p.number, p.start_time) for p in updated.periods] == [(1, dt.time(8, 55))]


def test_a_column_left_out_keeps_the_value_an_empty_cell_clears_it(demo_ws, tmp_path):
    before = school(demo_ws, "S0001")
    assert before.phone and before.board is not None and len(before.periods) >= 4
    write_csv(tmp_path / "names.csv", [["School code", "Name (en)"], ["S0001", "Renamed School"]])
    apply(demo_ws, [tmp_path / "names.csv"], kind="schools")
    after = school(demo_ws, "S0001")
    assert after.name_en == "Renamed School"
    assert (after.phone, after.board_id, len(after.periods)) == (before.phone, before.board_id, len(before.periods))
    # Named for its kind, a CSV needs no --kind even with only a few columns.
    write_csv(tmp_path / "学校.csv", [["School code", "Phone", "Board code", "Period 2"], ["S0001", "", "", ""]])
    apply(demo_ws, [tmp_path / "学校.csv"])
    cleared = school(demo_ws, "S0001")
    assert cleared.phone == "" and cleared.board_id is None
    assert [p.number for p in cleared.periods] == [n for n in (p.number for p in before.periods) if n != 2]


def test_one_workbook_with_schools_alts_and_placements_that_refer_to_each_other(ws, tmp_path):
    path = write_book(tmp_path / "branch.xlsx", {
        "学校": [["学校コード", "学校名", "校種"], ["S1", "東小学校", "小"], ["S2", "西中学校", "中"]],
        "ALT": [["ALTコード", "氏名", "国籍"], ["A1", "SMITH Emily", "United States"]],
        "配置": [
            ["ALTコード", "学校コード", "曜日", "週", "開始日", "終了日", "開始時刻", "終了時刻", "校時", "給食"],
            ["A1", "S1", "月・水", "", "2026/4/6", "", "8:15", "15:45", "1～4校時", "給食"],
            ["A1", "S2", "火", "B", "令和8年4月1日", "2026年7月17日", "8:20", "16:00", "1-4", "弁当持参"],
            ["A1", "S2", "金", "第2", "R8.4.1", "", "", "", "", ""],
        ],
    })
    outcome = apply(ws, [path])
    assert outcome.counts["placements"]["create"] == 3
    with ws.db.sessions() as session:
        rows = session.execute(
            select(Placement, School.code).join(School, School.id == Placement.school_id).order_by(Placement.id)
        ).all()
        alt = session.scalar(select(Alt))
    assert (alt.family_name, alt.given_name, alt.nationality) == ("SMITH", "Emily", "United States")
    weekly, alternate, monthly = (p for p, _code in rows)
    assert (weekly.rrule, weekly.start_date, weekly.end_date) == (
        "FREQ=WEEKLY;BYDAY=MO,WE", dt.date(2026, 4, 6), dt.date(2027, 3, 31))
    assert (weekly.periods, weekly.lunch_mode, weekly.start_time) == ("1-4", LunchMode.SCHOOL_LUNCH, dt.time(8, 15))
    # Week B: the given start (in week A) moves to the Monday of the next week.
    assert (alternate.rrule, alternate.start_date, alternate.end_date) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", dt.date(2026, 4, 6), dt.date(2026, 7, 17))
    assert alternate.lunch_mode is LunchMode.OWN_LUNCH
    assert (monthly.rrule, monthly.start_date, monthly.lunch_mode) == ("FREQ=MONTHLY;BYDAY=+2FR", dt.date(2026, 4, 1), None)
    assert (monthly.start_time, monthly.classes_per_day) == (dt.time(8, 15), 4)  # defaults
    again = preview(ws, [path])
    assert again.ok and not again.has_work
    assert again.counts["placements"] == {"create": 0, "update": 0, "unchanged": 3}
    # New placements get their visits, as when saved in the app.
    assert outcome.visits["created"] > 0
    with ws.db.sessions() as session:
        days = session.scalars(select(Visit.date).where(Visit.placement_id == weekly.id)).all()
    assert days and all(d.weekday() in (0, 2) and dt.date(2026, 4, 6) <= d <= dt.date(2027, 3, 31) for d in days)
    assert dt.date(2026, 5, 4) not in days  # みどりの日 (a national holiday) is skipped
    assert apply(ws, [path]).visits == {"created": 0, "updated": 0, "deleted": 0}


def test_a_changed_placement_rewrites_its_visits_from_today(ws, tmp_path):
    rows = [["ALT code", "Family name", "Given name"], ["A1", "Smith", "Emily"]]
    schools = [["School code", "Name (ja)", "Level"], ["S1", "東小学校", "elementary"]]
    placement = [["ALT code", "School code", "Weekdays", "Start date"], ["A1", "S1", "Mon", "2026-04-06"]]
    apply(ws, [write_book(tmp_path / "a.xlsx", {"ALTs": rows, "Schools": schools, "Placements": placement})])
    placement[1][2] = "Tue"
    changed = apply(ws, [write_book(tmp_path / "b.xlsx", {"Placements": placement})], today=dt.date(2026, 6, 1))
    assert changed.counts["placements"]["update"] == 1 and changed.visits["created"] > 0
    with ws.db.sessions() as session:
        days = session.scalars(select(Visit.date)).all()
    assert {d.weekday() for d in days if d < dt.date(2026, 6, 1)} == {0}  # the past stays as it was
    assert {d.weekday() for d in days if d >= dt.date(2026, 6, 1)} == {1}


def test_one_bad_row_rejects_the_whole_import_and_writes_nothing(demo_ws, tmp_path):
    rows = [row[:] for row in SCHOOLS]
    rows[2][3] = "大学"
    path = write_csv(tmp_path / "schools.csv", rows)
    before = table_dump(demo_ws.db.target.sqlite_path)
    with pytest.raises(ImportRejected) as caught:
        apply(demo_ws, [path])
    assert table_dump(demo_ws.db.target.sqlite_path) == before
    errors = [p for p in caught.value.problems if p.is_error]
    assert len(errors) == 1
    problem = errors[0]
    assert (problem.file, problem.sheet, problem.row, problem.column, problem.column_letter, problem.value) == (
        str(path), None, 3, "校種", "D", "大学")
    assert "elementary" in problem.message_en and "小学校" in problem.message_ja
    assert "row 3" in caught.value.message_en


def test_references_to_unknown_codes_say_where_and_hint_at_lost_zeros(demo_ws, tmp_path):
    path = write_book(tmp_path / "placements.xlsx", {"Placements": [
        ["ALT code", "School code", "Weekdays", "Start date"],
        ["A0001", 1, "Mon", "2026-04-06"],  # Excel turned S-less code "0001"-style into a number
        ["A9999", "S0001", "Tue", "2026-04-06"],
    ]})
    result = preview(demo_ws, [path])
    messages = {(p.row, p.column): p.message_en for p in result.errors}
    assert "no school with code 1" in messages[(2, "School code")]
    assert "no ALT with code A9999" in messages[(3, "ALT code")]
    with demo_ws.db.sessions() as session:
        session.add(School(branch_id=demo_ws.branch_id, code="0001", name_ja="零零零一小", level=SchoolLevel.ELEMENTARY))
        session.commit()
    hinted = preview(demo_ws, [path])
    assert "Did you mean 0001" in {(p.row, p.column): p.message_en for p in hinted.errors}[(2, "School code")]


def test_a_code_twice_in_the_files_is_an_error(ws, tmp_path):
    path = write_csv(tmp_path / "alts.csv", [
        ["ALT code", "Family name", "Given name"], ["A1", "Smith", "Emily"], ["Ａ１", "Jones", "Harry"]])
    result = preview(ws, [path])
    assert [(p.row, p.column) for p in result.errors] == [(3, "ALT code")]
    assert "row 2" in result.errors[0].message_en


def test_closures_follow_the_scope_of_their_kind(demo_ws, tmp_path):
    path = write_csv(tmp_path / "closures.csv", [
        ["区分", "教育委員会", "学校コード", "開始日", "終了日", "名称"],
        ["夏季休業", "B001", "", "2026/7/21", "2026/8/31", "夏休み"],
        ["学校閉庁日", "青葉市教育委員会", "", "2026/8/13", "2026/8/16", ""],
        ["開校記念日", "", "S0003", "2026/6/1", "", "開校記念日"],
        ["年末年始", "", "", "2026/12/29", "2027/1/3", "年末年始休業"],
    ])
    outcome = apply(demo_ws, [path])
    assert outcome.counts["closures"]["create"] + outcome.counts["closures"]["update"] + \
        outcome.counts["closures"]["unchanged"] == 4
    with demo_ws.db.sessions() as session:
        summer = session.scalar(select(DayOff).where(DayOff.name_ja == "夏休み"))
        founding = session.scalar(select(DayOff).where(DayOff.start_date == dt.date(2026, 6, 1)))
    assert (summer.kind, summer.end_date, summer.school_id) == (DayOffKind.BREAK, dt.date(2026, 8, 31), None)
    assert summer.board_id is not None
    assert (founding.kind, founding.board_id, founding.end_date) == (DayOffKind.SCHOOL_DAY_OFF, None, dt.date(2026, 6, 1))
    bad = write_csv(tmp_path / "bad.csv", [
        ["Kind", "Board", "School code", "Start date"],
        ["break", "", "", "2026-07-21"],
        ["school_day_off", "B001", "S0001", "2026-06-01"],
        ["branch_closure", "", "S0001", "2026-12-29"],
        ["closure", "B999", "", "2026-08-13"],
        ["break", "B001", "", "2026-09-01"],
    ])
    result = preview(demo_ws, [bad])
    assert sorted(p.row for p in result.errors) == [2, 3, 4, 5]


def test_events_are_made_as_the_scheduling_engine_makes_them(demo_ws, tmp_path):
    rows = [
        ["学校コード", "日付", "行事名", "英語名", "参加ALT", "振替日"],
        ["S0005", "2026/10/3(土)", "運動会", "Sports Day", "A0001, A0002=2026/10/6", "2026/10/5"],
        ["S0006", "2026/11/14", "学習発表会", "", "A0003", ""],
    ]
    outcome = apply(demo_ws, [write_csv(tmp_path / "events.csv", rows)])
    assert outcome.counts["events"]["create"] == 2
    with demo_ws.db.sessions() as session:
        event = session.scalar(select(SchoolEvent).where(SchoolEvent.name_ja == "運動会"))
        attendees = session.execute(
            select(Alt.code, EventAttendee.compensatory_date).join(Alt, Alt.id == EventAttendee.alt_id)
            .where(EventAttendee.event_id == event.id).order_by(Alt.code)).all()
        visits = session.execute(select(Alt.code, Visit.date, Visit.kind).join(Alt, Alt.id == Visit.alt_id)
                                 .where(Visit.event_id == event.id).order_by(Alt.code)).all()
        days_off = session.execute(select(Alt.code, Absence.start_date, Absence.kind).join(Alt, Alt.id == Absence.alt_id)
                                   .where(Absence.event_id == event.id).order_by(Alt.code)).all()
        other = session.scalar(select(SchoolEvent).where(SchoolEvent.name_ja == "学習発表会"))
        other_days = session.scalars(select(EventAttendee.compensatory_date).where(EventAttendee.event_id == other.id)).all()
    assert (event.date, event.start_time, event.school_day_off) == (dt.date(2026, 10, 3), dt.time(8, 30), dt.date(2026, 10, 5))
    assert attendees == [("A0001", dt.date(2026, 10, 5)), ("A0002", dt.date(2026, 10, 6))]
    assert visits == [("A0001", dt.date(2026, 10, 3), VisitKind.EVENT), ("A0002", dt.date(2026, 10, 3), VisitKind.EVENT)]
    assert days_off == [("A0001", dt.date(2026, 10, 5), AbsenceKind.COMPENSATORY),
                        ("A0002", dt.date(2026, 10, 6), AbsenceKind.COMPENSATORY)]
    # Left empty, the day off is the engine's default: the school's next school day (Saturday -> Monday).
    assert other.school_day_off == dt.date(2026, 11, 16) and other_days == [dt.date(2026, 11, 16)]
    rows[1][4] = "A0002=2026/10/6"
    again = apply(demo_ws, [write_csv(tmp_path / "events2.csv", rows)])
    assert [c.fields for c in again.changes] == [("attendees",)]
    with demo_ws.db.sessions() as session:
        assert session.scalars(select(Alt.code).join(Visit, Visit.alt_id == Alt.id)
                               .where(Visit.event_id == event.id)).all() == ["A0002"]
        assert session.scalar(select(func.count()).select_from(Absence).where(Absence.event_id == event.id)) == 1
    early = write_csv(tmp_path / "events3.csv", [["School code", "Date", "Event (ja)", "Compensatory day off"],
                                                 ["S0005", "2026-10-03", "運動会", "2026-10-02"]])
    assert "after the event" in preview(demo_ws, [early]).errors[0].message_en


def test_alt_roster_with_full_names_and_diet_profile(ws, tmp_path):
    path = write_csv(tmp_path / "alts.csv", [
        ["ALTコード", "氏名", "フリガナ", "着任日", "担当校種", "アレルギー", "ベジタリアン", "食事情報の共有同意", "状態"],
        ["A1", "SMITH Emily", "エミリー・スミス", "令和6年8月1日", "小学校、中学校", "卵、えび、キウイ", "○", "はい", "在籍"],
        ["A2", "García, Lucía", "ルシア・ガルシア", "2023/4/1", "中", "なし", "×", "いいえ", "休職"],
        ["A3", "Harry Jones", "", "", "", "", "", "", ""],
    ])
    result = preview(ws, [path])
    assert result.ok
    # キウイ kept as another allergen, and that free text leaves Emily's lunch to be reviewed
    assert [p.row for p in result.warnings] == [2, 2]
    apply(ws, result)
    with ws.db.sessions() as session:
        alts = {a.code: a for a in session.scalars(select(Alt))}
    emily, lucia, harry = alts["A1"], alts["A2"], alts["A3"]
    assert (emily.family_name, emily.given_name, emily.start_date) == ("SMITH", "Emily", dt.date(2024, 8, 1))
    assert (emily.levels, emily.allergens, emily.other_allergens) == (["elementary", "junior_high"], ["egg", "shrimp"], "キウイ")
    assert (emily.vegetarian, emily.share_diet_consent, emily.status) == (True, True, "active")
    assert (lucia.family_name, lucia.given_name, lucia.status, lucia.allergens) == ("García", "Lucía", "on_leave", [])
    assert (harry.family_name, harry.given_name, harry.levels, harry.weekly_class_limit) == ("Jones", "Harry", [], 25)


def test_preview_writes_nothing_and_apply_leaves_one_audit_entry(demo_ws, tmp_path):
    path = write_csv(tmp_path / "schools.csv", SCHOOLS)
    before = table_dump(demo_ws.db.target.sqlite_path)
    result = preview(demo_ws, [path])
    assert result.ok and table_dump(demo_ws.db.target.sqlite_path) == before
    outcome = apply(demo_ws, result)
    with demo_ws.db.sessions() as session:
        entry = session.get(AuditEntry, outcome.audit_id)
    assert entry.action == AuditAction.IMPORT and entry.actor == "tester"
    assert entry.after["files"] == ["schools.csv"]  # the name, not the folder
    assert entry.after["counts"]["schools"]["create"] == 2
    assert entry.after["created"]["schools"] == ["S001", "S002"]


def test_apply_plans_again_against_the_database_as_it_is_then(ws, tmp_path):
    path = write_csv(tmp_path / "schools.csv", SCHOOLS)
    seen = preview(ws, [path])
    assert seen.counts["schools"]["create"] == 2
    apply(ws, [path])  # someone else imports the same file meanwhile
    outcome = apply(ws, seen)  # no duplicate, no constraint error: those schools now exist
    assert outcome.counts["schools"] == {"create": 0, "update": 0, "unchanged": 2}
    assert count(ws, School) == 2


def test_cancelling_rolls_everything_back(demo_ws, tmp_path):
    path = write_csv(tmp_path / "schools.csv", SCHOOLS)
    before = table_dump(demo_ws.db.target.sqlite_path)
    with pytest.raises(ImportCancelled):
        apply(demo_ws, [path], progress=lambda done, total: False)
    assert table_dump(demo_ws.db.target.sqlite_path) == before


def test_kind_told_by_headers_or_given(ws, tmp_path):
    path = write_csv(tmp_path / "data.csv", [["ALT code", "School code", "Weekdays", "Start date"]])
    result = preview(ws, [path])
    assert [s.kind for s in result.sheets] == ["placements"]
    unknown = write_csv(tmp_path / "mystery.csv", [["Colour", "Shape"], ["red", "round"]])
    result = preview(ws, [unknown])
    assert not result.ok and "--kind" in result.errors[0].message_en
    forced = preview(ws, [unknown], kind="schools")
    assert [s.kind for s in forced.sheets] == ["schools"]
    assert "No header row" in forced.errors[0].message_en


def test_unknown_columns_and_title_rows(ws, tmp_path):
    path = write_book(tmp_path / "roster.xlsx", {"Sheet1": [
        ["令和8年度 学校一覧"],
        [],
        ["学校コード", "学校名", "校種", "メモ"],
        ["S1", "東小学校", "小学校", "鍵は職員室"],
    ]})
    result = preview(ws, [path])
    assert result.ok
    assert [(p.row, p.column, p.severity) for p in result.problems] == [(3, "メモ", "warning")]
    assert result.sheets[0].header_row == 3 and [r[0] for r in result.sheets[0].rows] == [4]


def test_csv_cells_kept_as_text_with_excel_quotes(ws, tmp_path):
    path = tmp_path / "schools.csv"
    path.write_text('School code,Name (ja),Level,Phone,Contact teacher\n'
                    '="0012",桜小学校,小学校,="043-000-0000",\'=佐藤先生\n', encoding="utf-8")
    apply(ws, [path])
    found = school(ws, "0012")  # and a value an export neutralised with an apostrophe comes back as it was
    assert (found.name_ja, found.phone, found.contact_teacher) == ("桜小学校", "043-000-0000", "=佐藤先生")
