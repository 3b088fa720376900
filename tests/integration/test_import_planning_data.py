"""The planner's data through the import: the new ALT and school columns, the Demand and
TravelTimes sheets, in English and Japanese headers; bad rows refused naming file, sheet,
row and column, with nothing written; the Japanese template writes them in Japanese."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from altdesk.db.enums import TravelMode
from altdesk.db.models import Alt, School, SchoolDemand, TravelTime
from altdesk.io.importing import SCHEMAS, ImportRejected
from altdesk.io.template import SHEETS_JA, template_columns, write_template
from altdesk.services.importing import apply

TODAY = dt.date(2026, 3, 1)

EN = {
    "Schools": [["School code", "Name (ja)", "Level", "Latitude", "Longitude"],
                ["S001", "桜台小学校", "elementary", 35.8617, 139.6455],
                ["S002", "桜台中学校", "junior_high", "35.87", "139.66"]],
    "ALTs": [["ALT code", "Family name", "Given name", "Levels taught", "Contract end", "Home latitude",
              "Home longitude", "Travel mode", "Preferred levels", "Most schools"],
             ["A001", "Smith", "Emily", "elementary, junior_high", "2027-07-31", 35.85, 139.60, "train_bus",
              "junior_high", 3]],
    "Demand": [["School code", "ALT days", "Per", "Weekdays", "Classes per day", "Start date", "End date", "Note"],
               ["S001", 2, "week", "Mon, Wed, Thu", 5, "2026-04-01", "2027-03-31", "base"],
               ["S001", 1, "fortnight", "", 3, "2026-09-01", None, None],
               ["S002", 3, "week", "", 4, "2026-04-01", None, None]],
    "TravelTimes": [["From code", "To school code", "Minutes"], ["A001", "S001", 25], ["S001", "S002", 10]],
}
JA = {
    "学校": [["学校コード", "学校名", "校種", "緯度", "経度"],
             ["S001", "桜台小学校", "小学校", "３５．８６１７", "139.6455"],
             ["S002", "桜台中学校", "中学校", 35.87, 139.66]],
    "ALT": [["ALTコード", "姓", "名", "担当校種", "契約終了日", "自宅緯度", "自宅経度", "通勤手段", "希望校種", "担当校数上限"],
            ["A001", "Smith", "Emily", "小学校、中学校", "2027年7月31日", 35.85, 139.60, "電車・バス", "中学校", "３"]],
    "需要": [["学校コード", "ALT日数", "単位", "曜日", "1日の授業数", "開始日", "終了日", "備考"],
             ["S001", 2, "毎週", "月・水・木", 5, "2026/4/1", "2027/3/31", "base"],
             ["S001", 1, "隔週", None, 3, "令和8年9月1日", None, None],
             ["S002", 3, "毎週", None, 4, "2026-04-01", None, None]],
    "移動時間": [["出発地コード", "到着校コード", "所要時間（分）"], ["A001", "S001", 25], ["S001", "S002", 10]],
}


def workbook(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _counts(ws):
    with ws.db.sessions() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (School, Alt, SchoolDemand, TravelTime))


@pytest.mark.parametrize("sheets", [EN, JA], ids=["english", "japanese"])
def test_new_columns_and_sheets_are_stored(ws, tmp_path, sheets):
    outcome = apply(ws, [workbook(tmp_path / "branch.xlsx", sheets)], today=TODAY)
    assert outcome.counts["demand"]["create"] == 2 and outcome.counts["travel_times"]["create"] == 2
    with ws.db.sessions() as s:
        school = s.scalar(select(School).where(School.code == "S001"))
        assert (school.latitude, school.longitude) == (35.8617, 139.6455)
        alt = s.scalar(select(Alt))
        assert (alt.end_date, alt.home_latitude, alt.home_longitude, alt.travel_mode, alt.preferred_levels,
                alt.max_schools) == (dt.date(2027, 7, 31), 35.85, 139.60, TravelMode.TRAIN_BUS, ["junior_high"], 3)
        demand = s.scalars(select(SchoolDemand).where(SchoolDemand.school_id == school.id)
                           .order_by(SchoolDemand.start_date)).all()
        assert [(d.days, d.period_weeks, d.weekdays, d.classes_per_day, d.start_date, d.end_date) for d in demand] == [
            (2, 1, ["MO", "WE", "TH"], 5, dt.date(2026, 4, 1), dt.date(2027, 3, 31)),
            (1, 2, [], 3, dt.date(2026, 9, 1), None)]
        assert sorted((t.from_code, t.to_code, t.minutes) for t in s.scalars(select(TravelTime))) == [
            ("A001", "S001", 25), ("S001", "S002", 10)]
    again = apply(ws, [workbook(tmp_path / "again.xlsx", sheets)], today=TODAY)  # the same file: nothing changes
    assert all(c["create"] == 0 and c["update"] == 0 for c in again.counts.values())
    assert _counts(ws) == (2, 1, 3, 2)


def _refused(ws, path, sheet, row, column, only=True):
    with pytest.raises(ImportRejected) as err:
        apply(ws, [path], today=TODAY)
    errors = [p for p in err.value.problems if p.is_error]
    where = [(p.file.endswith(path.name), p.sheet, p.row, p.column) for p in errors]
    assert (True, sheet, row, column) in where
    if only:
        assert len(where) == 1, where
    problem = errors[where.index((True, sheet, row, column))]
    assert problem.message_en and problem.message_ja
    assert _counts(ws) == (0, 0, 0, 0)  # all or nothing
    return problem


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_bad_latitude_is_refused_naming_the_cell_and_nothing_is_written(ws, tmp_path, lang):
    sheets = {k: [list(r) for r in v] for k, v in (EN if lang == "en" else JA).items()}
    school_sheet = "Schools" if lang == "en" else "学校"
    sheets[school_sheet][2][3] = 95
    # The Demand and TravelTimes rows naming S002 are refused too: the school is not imported.
    problem = _refused(ws, workbook(tmp_path / "bad.xlsx", sheets), school_sheet, 3, sheets[school_sheet][0][3],
                       only=False)
    assert "-90" in problem.message_en and "-90" in problem.message_ja


def test_one_half_of_a_home_location_is_refused(ws, tmp_path):
    sheets = {k: [list(r) for r in v] for k, v in EN.items()}
    sheets["ALTs"][1][6] = None
    problem = _refused(ws, workbook(tmp_path / "half.xlsx", sheets), "ALTs", 2, "Home longitude", only=False)
    assert "経度" in problem.message_ja


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_unknown_school_in_demand_is_refused_naming_the_cell(ws, tmp_path, lang):
    sheets = {k: [list(r) for r in v] for k, v in (EN if lang == "en" else JA).items()}
    demand_sheet = "Demand" if lang == "en" else "需要"
    sheets[demand_sheet][3][0] = "S999"
    problem = _refused(ws, workbook(tmp_path / "unknown.xlsx", sheets), demand_sheet, 4, sheets[demand_sheet][0][0])
    assert "S999" in problem.message_en and "S999" in problem.message_ja


@pytest.mark.parametrize(("row", "column", "value", "header"), [
    (1, 1, 6, "ALT days"),  # 6 a week on 3 weekdays
    (1, 3, "Sat", "Weekdays"),
    (1, 4, 9, "Classes per day"),
    (1, 6, "2026-03-01", "End date"),
    (2, 2, "monthly", "Per"),
])
def test_bad_demand_rows_are_refused_naming_the_column(ws, tmp_path, row, column, value, header):
    sheets = {k: [list(r) for r in v] for k, v in EN.items()}
    sheets["Demand"][row][column] = value
    _refused(ws, workbook(tmp_path / "demand.xlsx", sheets), "Demand", row + 1, header)


def test_travel_times_from_an_unknown_place_are_refused(ws, tmp_path):
    sheets = {k: [list(r) for r in v] for k, v in EN.items()}
    sheets["TravelTimes"][2][0] = "X1"
    _refused(ws, workbook(tmp_path / "travel.xlsx", sheets), "TravelTimes", 3, "From code")


def test_demand_as_a_csv_file_of_its_own(ws, tmp_path):
    apply(ws, [workbook(tmp_path / "schools.xlsx", {"Schools": EN["Schools"]})], today=TODAY)
    csv = tmp_path / "需要.csv"
    csv.write_text("学校コード,ALT日数,単位,曜日,開始日\nS002,2,隔週,火・木,2026-04-01\n", encoding="cp932")
    outcome = apply(ws, [csv], today=TODAY)
    assert outcome.counts["demand"]["create"] == 1
    with ws.db.sessions() as s:
        d = s.scalar(select(SchoolDemand))
        assert (d.days, d.period_weeks, d.weekdays, d.classes_per_day) == (2, 2, ["TU", "TH"], 4)


def test_the_japanese_template_has_the_new_sheets_and_columns_in_japanese(demo_ws, tmp_path):
    out = write_template(tmp_path / "ja.xlsx", demo_ws, filled=True, lang="ja").path
    book = openpyxl.load_workbook(out)
    assert {"需要", "移動時間"} <= set(book.sheetnames)
    for kind in ("alts", "schools", "demand", "travel_times"):
        headers = [c.value for c in book[SHEETS_JA[kind]][1]]
        assert headers == [f.header_ja for f in template_columns(SCHEMAS[kind])], kind
    alts = book[SHEETS_JA["alts"]]
    headers = [c.value for c in alts[1]]
    assert {"通勤手段", "自宅緯度", "希望校種", "担当校数上限", "契約終了日"} <= set(headers)
    modes = {alts.cell(row=r, column=headers.index("通勤手段") + 1).value for r in range(2, alts.max_row + 1)}
    assert modes <= {"車", "電車・バス", "自転車"} and len(modes) > 1
    demand = book["需要"]
    assert demand.max_row > 1 and demand.cell(row=2, column=4).value in ("毎週", "隔週")
    explanations = "\n".join(str(c.value) for row in book["説明"].iter_rows() for c in row if c.value)
    assert "通勤手段" in explanations and "ALT日数" in explanations and "所要時間" in explanations
    from altdesk.services.importing import preview
    again = preview(demo_ws, [out])
    assert again.ok and not again.has_work, [p.message_en for p in again.errors][:3]
