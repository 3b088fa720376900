"""The import template in Japanese: sheets, headers, drop-downs and examples a Japanese coordinator
reads, and it imports as the English one does."""

from __future__ import annotations

import openpyxl

from altdesk.io.importing.reading import KIND_MODULES
from altdesk.io.template import SHEETS_JA, template_columns
from tests.helpers import run_cli
from tests.integration.test_import_files import BUSINESS, business


def _header_row(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def test_japanese_template_speaks_japanese_and_a_filled_copy_imports(tmp_path):
    db, out = tmp_path / "new.sqlite3", tmp_path / "テンプレート.xlsx"
    written = run_cli("--db", str(db), "--lang", "ja", "export", "template", "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert "取り込みテンプレート" in written.stdout
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["支店", "学校", "ALT", "配置", "休業日", "行事", "不在", "需要", "移動時間", "説明"]
    for kind, name in SHEETS_JA.items():
        schema = KIND_MODULES[kind].SCHEMA
        assert _header_row(book[name]) == [f.header_ja for f in template_columns(schema)], kind
        assert schema.fields[0].header in book[name].cell(row=1, column=1).comment.text  # English in the note
    levels = [v for v in book["学校"].data_validations.dataValidation if "小学校" in (v.formula1 or "")]
    assert levels and "elementary" not in levels[0].formula1
    assert "給食なし" in str([v.formula1 for v in book["学校"].data_validations.dataValidation])
    explanations = [c.value for row in book["説明"].iter_rows() for c in row if c.value]
    assert explanations[0].startswith("ALTdesk 取り込みテンプレート")
    assert explanations[1].startswith("データの種類ごとに")  # Japanese first, English beside it

    # A coordinator fills it in with the words its drop-downs offer, and imports it.
    school_columns = _header_row(book["学校"])
    school = dict.fromkeys(school_columns, None) | {"学校コード": "S001", "学校名": "さくら市立桜台小学校", "校種": "小学校",
                                                    "給食": "給食あり"}
    book["学校"].append([school[c] for c in school_columns])
    alt_columns = _header_row(book["ALT"])
    alt = dict.fromkeys(alt_columns, None) | {"ALTコード": "A001", "姓": "Smith", "名": "Emily", "担当校種": "小学校",
                                              "アレルギー": "えび", "状態": "在籍"}
    book["ALT"].append([alt[c] for c in alt_columns])
    placement_columns = _header_row(book["配置"])
    placement = dict.fromkeys(placement_columns, None) | {"ALTコード": "A001", "学校コード": "S001", "曜日": "月・水",
                                                          "開始日": "2026/4/1"}
    book["配置"].append([placement[c] for c in placement_columns])
    book.save(out)
    imported = run_cli("--db", str(db), "--lang", "ja", "import", str(out))
    assert imported.returncode == 0, imported.stderr + imported.stdout
    rows = business(db)
    assert [r[:2] + (r[4], r[9]) for r in rows["schools"]] == [("S001", "さくら市立桜台小学校", "elementary", "serves")]
    [(code, family, given, *_rest)] = rows["alts"]
    assert (code, family, given) == ("A001", "Smith", "Emily") and "shrimp" in rows["alts"][0][10]
    assert rows["placements"] and rows["placements"][0][:2] == ("A001", "S001")


def test_demo_branch_round_trips_through_the_japanese_filled_template(tmp_path):
    demo, empty, out = tmp_path / "demo.sqlite3", tmp_path / "new.sqlite3", tmp_path / "branch.xlsx"
    assert run_cli("--db", str(demo), "demo", "--size", "small", "--seed", "7").returncode == 0
    exported = run_cli("--db", str(demo), "--lang", "ja", "export", "template", "--filled", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    book = openpyxl.load_workbook(out)
    level_column = _header_row(book["学校"]).index("校種") + 1
    assert {book["学校"].cell(row=r, column=level_column).value for r in range(2, book["学校"].max_row + 1)} <= {
        "幼稚園", "小学校", "中学校", "高等学校", "特別支援学校"}
    imported = run_cli("--db", str(empty), "import", str(out))
    assert imported.returncode == 0, imported.stderr + imported.stdout
    original, copy = business(demo), business(empty)
    for name in BUSINESS:
        assert copy[name] == original[name], name
