"""How the importer reads what people type: dates in every office form, eras, times,
weekdays, week patterns, periods, levels, lunch values, yes/no, allergens, codes, headers."""

from __future__ import annotations

import datetime as dt

import pytest

from altdesk.db.enums import DayOffKind, LunchMode, LunchPolicy, SchoolLevel
from altdesk.io.importing import domain_values as dv
from altdesk.io.importing.dates import ERAS, parse_date, parse_date_list, parse_time, parse_time_range
from altdesk.io.importing.problems import CellError
from altdesk.io.importing.reading import SCHEMAS
from altdesk.io.importing.schema import header_key, loose_header_key
from altdesk.io.importing.table import FormulaWithoutValue
from altdesk.io.importing.text import CellContext, boolean, code, contact, integer, plain_text
from altdesk.io.importing.weekdays import WeekPattern, parse_periods, parse_week, parse_weekdays

APRIL_1 = dt.date(2026, 4, 1)


def ctx() -> CellContext:
    return CellContext()


@pytest.mark.parametrize("text", [
    "2026-04-01", "2026-4-1", "2026/4/1", "2026/04/01", "2026.4.1", "20260401", "2026年4月1日", "2026年 4月 1日",
    "令和8年4月1日", "令和８年４月１日", "R8.4.1", "r8/4/1", "R08.04.01", "R8年4月1日", "㋿8年4月1日", "令和八年四月一日",
    "２０２６／４／１", "2026/4/1(水)", "2026/4/1（水）", "2026-04-01 (Wed)", "2026/04/01 0:00:00", "46113", "1 Apr 2026",
    "April 1, 2026",
])
def test_every_written_form_of_1_april_2026(text):
    assert parse_date(text, ctx()) == APRIL_1


def test_excel_values_become_dates():
    assert parse_date(46113, ctx()) == APRIL_1  # an Excel serial number
    assert parse_date(46113.0, ctx()) == APRIL_1
    assert parse_date(dt.datetime(2026, 4, 1, 0, 0), ctx()) == APRIL_1
    assert parse_date(APRIL_1, ctx()) == APRIL_1
    assert parse_date("", ctx()) is None and parse_date(None, ctx()) is None


def test_era_table_and_boundaries():
    reiwa = ERAS[0]
    assert (reiwa.name_ja, reiwa.first) == ("令和", dt.date(2019, 5, 1))
    assert parse_date("令和元年5月1日", ctx()) == dt.date(2019, 5, 1)
    assert parse_date("H31.4.30", ctx()) == dt.date(2019, 4, 30)
    assert parse_date("平成元年1月8日", ctx()) == dt.date(1989, 1, 8)
    assert parse_date("S64.1.7", ctx()) == dt.date(1989, 1, 7)
    with pytest.raises(CellError, match="outside the Reiwa era"):
        parse_date("令和1年4月30日", ctx())  # still Heisei that day
    with pytest.raises(CellError, match="outside the Heisei era"):
        parse_date("H31.5.1", ctx())
    with pytest.raises(CellError, match="not a year"):
        parse_date("R0.1.1", ctx())


@pytest.mark.parametrize(("text", "fragment"), [
    ("2026/2/30", "no such date"),
    ("4/1", "no year"),
    ("1/4/2026", "no year"),
    ("2026/4/1(木)", "is a Wednesday"),
    ("yesterday", "not a date"),
    ("123", "not a date"),
    ("99999", "not a date"),
])
def test_dates_that_cannot_be_read_say_why(text, fragment):
    with pytest.raises(CellError) as caught:
        parse_date(text, ctx())
    assert fragment in caught.value.message_en
    assert caught.value.message_ja


def test_formula_without_saved_result_and_excel_errors_are_never_data():
    with pytest.raises(CellError, match="never saved"):
        parse_date(FormulaWithoutValue("TODAY()"), ctx())
    with pytest.raises(CellError, match="#REF!"):
        code("#REF!", ctx())


@pytest.mark.parametrize(("value", "expected"), [
    ("8:15", dt.time(8, 15)), ("08:15", dt.time(8, 15)), ("０８：１５", dt.time(8, 15)), ("8時15分", dt.time(8, 15)),
    ("8時", dt.time(8, 0)), ("午後1時30分", dt.time(13, 30)), ("0815", dt.time(8, 15)), (0.34375, dt.time(8, 15)),
    (dt.time(8, 15, 30), dt.time(8, 15)), (dt.datetime(1899, 12, 30, 16, 0), dt.time(16, 0)),
])
def test_times(value, expected):
    assert parse_time(value, ctx()) == expected


def test_bad_times_and_ranges():
    with pytest.raises(CellError):
        parse_time("25:00", ctx())
    assert parse_time_range("8:45～9:30", ctx()) == (dt.time(8, 45), dt.time(9, 30))
    assert parse_time_range("８時４５分〜９時３０分", ctx()) == (dt.time(8, 45), dt.time(9, 30))
    with pytest.raises(CellError, match="after the start"):
        parse_time_range("9:30-8:45", ctx())


def test_date_lists_keep_slashed_dates_whole():
    assert parse_date_list("2026/5/1, 2026-05-08、2026年5月15日", ctx()) == ["2026-05-01", "2026-05-08", "2026-05-15"]
    assert parse_date_list("2026/5/8\n2026/5/1", ctx()) == ["2026-05-01", "2026-05-08"]


@pytest.mark.parametrize(("text", "expected"), [
    ("月", ["MO"]), ("月曜", ["MO"]), ("月曜日", ["MO"]), ("Mon", ["MO"]), ("Monday", ["MO"]), ("MO", ["MO"]),
    ("月、水", ["MO", "WE"]), ("月,水", ["MO", "WE"]), ("月/水", ["MO", "WE"]), ("月・水", ["MO", "WE"]),
    ("月 水", ["MO", "WE"]), ("水 月", ["MO", "WE"]), ("月水金", ["MO", "WE", "FR"]), ("月曜日、木曜日", ["MO", "TH"]),
    ("Tue Thu", ["TU", "TH"]), ("Mon, Wednesday", ["MO", "WE"]), ("月～金", ["MO", "TU", "WE", "TH", "FR"]),
    ("Mon-Wed", ["MO", "TU", "WE"]), ("ＭＯＮ，ＴＨＵ", ["MO", "TH"]),
])
def test_weekdays(text, expected):
    assert parse_weekdays(text, ctx()) == expected


@pytest.mark.parametrize("text", ["月曜x", "Mo-", "金～月", "holiday"])
def test_unreadable_weekdays(text):
    with pytest.raises(CellError):
        parse_weekdays(text, ctx())


@pytest.mark.parametrize(("text", "expected"), [
    ("", WeekPattern("weekly")), ("毎週", WeekPattern("weekly")), ("A", WeekPattern("alternate", "A")),
    ("b", WeekPattern("alternate", "B")), ("隔週B", WeekPattern("alternate", "B")), ("A週", WeekPattern("alternate", "A")),
    ("2", WeekPattern("monthly", nths=(2,))), ("第2", WeekPattern("monthly", nths=(2,))),
    ("2nd", WeekPattern("monthly", nths=(2,))), ("最終", WeekPattern("monthly", nths=(-1,))),
    ("第1・第3", WeekPattern("monthly", nths=(1, 3))), (3, WeekPattern("monthly", nths=(3,))),
])
def test_week_patterns(text, expected):
    assert parse_week(text, ctx()) == expected


def test_alternate_weeks_need_a_letter():
    with pytest.raises(CellError, match="A .* or B"):
        parse_week("隔週", ctx())


@pytest.mark.parametrize(("value", "expected"), [
    ("1-4", "1-4"), ("1～4校時", "1-4"), ("1・2・3", "1-3"), ("1,3,5", "1,3,5"), ("1,2,3,4,6", "1-4,6"), (3, "3"),
    ("１－２", "1-2"),
])
def test_periods(value, expected):
    assert parse_periods(value, ctx()) == expected


@pytest.mark.parametrize("value", ["1-999999999", "0-4", "1-13", "1-2-3", 1e9, "9" * 5000, "4-1"])
def test_periods_out_of_range_are_refused_before_a_range_is_expanded(value):
    # "1-999999999" once expanded into a set of a billion numbers (minutes, gigabytes).
    with pytest.raises(CellError, match="1 to 12"):
        parse_periods(value, ctx())


def test_levels_lunch_status_and_kinds_in_english_or_japanese():
    assert dv.parse_level("小学校", ctx()) is SchoolLevel.ELEMENTARY
    assert dv.parse_level("JHS", ctx()) is SchoolLevel.JUNIOR_HIGH
    assert dv.parse_level("junior_high", ctx()) is SchoolLevel.JUNIOR_HIGH
    assert dv.parse_level("高校", ctx()) is SchoolLevel.SENIOR_HIGH
    assert dv.parse_level("特別支援学校", ctx()) is SchoolLevel.SPECIAL_NEEDS
    assert dv.parse_levels("小学校、中学校", ctx()) == ["elementary", "junior_high"]
    assert dv.parse_lunch_policy("給食あり", ctx()) is LunchPolicy.SERVES
    assert dv.parse_lunch_policy("牛乳のみ", ctx()) is LunchPolicy.MILK_ONLY
    assert dv.parse_lunch_mode("弁当持参", ctx()) is LunchMode.OWN_LUNCH
    assert dv.parse_lunch_mode("給食", ctx()) is LunchMode.SCHOOL_LUNCH
    assert dv.parse_lunch_mode("school lunch", ctx()) is LunchMode.SCHOOL_LUNCH
    assert dv.parse_status("退職", ctx()) == "left"
    assert dv.parse_day_off_kind("年末年始", ctx()) is DayOffKind.BRANCH_CLOSURE
    with pytest.raises(CellError, match="junior_high"):
        dv.parse_level("義務教育学校", ctx())


def test_allergens_japanese_names_and_others_kept():
    context = ctx()
    labelled, flags, others = dv.parse_allergens("卵・えび、落花生(ピーナッツ)、そば、くるみ、乳、小麦、かに、キウイ", context)
    assert labelled == ["egg", "milk", "wheat", "shrimp", "crab", "peanut", "buckwheat", "walnut"]
    assert (flags, others) == ([], ["キウイ"])
    assert context.warnings and "キウイ" in context.warnings[0][0]
    assert dv.parse_allergens("なし", ctx()) == ([], [], [])
    assert dv.parse_allergens("Peanuts, EGG", ctx()) == (["egg", "peanut"], [], [])


@pytest.mark.parametrize("cell", ["halal, vegetarian, vegan, gluten-free, egg",
                                  "ハラール、ベジタリアン、ヴィーガン、グルテンフリー、卵",
                                  "ハラル・ビーガン・ベジタリアン・Gluten free・たまご"])
def test_diets_written_under_allergens_are_diets_not_other_allergens(cell):
    context = ctx()
    labelled, flags, others = dv.parse_allergens(cell, context)
    assert labelled == ["egg"]
    assert flags == ["vegetarian", "vegan", "halal", "gluten_free"]
    assert others == [] and context.warnings == []


def test_every_allergen_and_diet_of_the_diet_table_is_read_by_its_names():
    """The importer knows exactly the diet module's allergens and diets, by their English and
    Japanese names and every spelling the table lists: there is no second table."""
    from altdesk.lunch.diet import ALLERGENS, DIET_FLAGS

    for term in ALLERGENS:
        for name in (term.key, term.en, term.ja, term.school_ja, *term.spellings):
            assert dv.parse_allergens(name, ctx()) == ([term.key], [], []), name
    for term in DIET_FLAGS:
        for name in (term.en, term.ja, *term.spellings):
            assert dv.parse_allergens(name, ctx()) == ([], [term.key], []), name


def test_yes_no_and_numbers():
    assert [boolean(v, ctx()) for v in ("はい", "○", "yes", "TRUE", 1, "有")] == [True] * 6
    assert [boolean(v, ctx()) for v in ("いいえ", "×", "no", False, 0, "無")] == [False] * 6
    with pytest.raises(CellError):
        boolean("maybe", ctx())
    assert integer(0, 1000)("２８０円", ctx()) == 280
    assert integer(0, 10_000)("1,200", ctx()) == 1200
    assert integer(0, 100)(70.0, ctx()) == 70
    with pytest.raises(CellError, match="between 0 and 12"):
        integer(0, 12)("13", ctx())
    with pytest.raises(CellError):
        integer(0, 12)("4.5", ctx())


def test_codes_are_normalised_names_are_kept_as_typed():
    assert code("Ｓ００１", ctx()) == "S001"
    assert code(" A 0001\u3000", ctx()) == "A0001"
    context = ctx()
    assert code(1001.0, context) == "1001" and context.from_number
    assert plain_text("  Ｅｍｉｌｙ　", ctx()) == "Ｅｍｉｌｙ"  # full-width kept in a name, only trimmed
    assert contact("０４３－１２３－４５６７", ctx()) == "043-123-4567"


def test_lunch_notice_rule_both_ways():
    for text in ("4 school days before, 11:00", "4授業日前 11:00"):
        assert dv.parse_notice_rule(text, ctx()) == {"kind": "school_days_before", "days": 4, "time": "11:00"}
    assert dv.parse_notice_rule("前月20日", ctx()) == {"kind": "day_of_previous_month", "day": 20}
    for rule in ({"kind": "school_days_before", "days": 3, "time": "11:00"}, {"kind": "day_of_previous_month", "day": 20},
                 {"kind": "something_new", "x": [1, 2]}):
        assert dv.parse_notice_rule(dv.format_notice_rule(rule), ctx()) == rule


def test_headers_match_in_any_dress():
    schools = SCHEMAS["schools"]
    for written in ("School code", "school_code", "SCHOOL CODE", "学校コード", "学校ｺｰﾄﾞ", "学校コード（必須）", "学校コード※"):
        assert schools.lookup(written) == "code", written
    assert schools.lookup("学校名（英語）") == "name_en"  # bracket text that matters is kept
    assert schools.lookup("学校名") == "name_ja"
    assert schools.lookup("給食費（円）") == "lunch_price_yen"
    assert SCHEMAS["placements"].lookup("開始日（YYYY/MM/DD）") == "start_date"
    assert SCHEMAS["placements"].lookup("給食") == "lunch_mode"
    assert schools.lookup("給食") == "lunch_policy"
    assert SCHEMAS["alts"].lookup("氏名（カナ）") == "kana"
    assert SCHEMAS["alts"].lookup("氏名") == "name"


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_no_header_names_two_columns(kind):
    schema = SCHEMAS[kind]
    seen: dict[str, str] = {}
    for field in schema.fields:
        for name in (field.header, field.key, *field.aliases):
            key = header_key(name)
            assert seen.setdefault(key, field.key) == field.key, (name, seen[key], field.key)
    # Every template header finds its own field, even through the loose (bracket-free) index.
    for field in schema.fields:
        assert schema.lookup(field.header) == field.key
        assert loose_header_key(field.header)
