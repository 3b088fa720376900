"""What the import says, as a Japanese coordinator reads it: Japanese throughout with dates written
the Japanese way, a quiet mistake (lunch served at ¥0) warned about, and a refused import never
claiming that something was recorded."""

from __future__ import annotations

import re

import pytest

from tests.helpers import run_cli

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture()
def db(tmp_path):
    schools = tmp_path / "学校.csv"
    schools.write_text("学校コード,学校名,校種,給食,給食単価,電話番号\nS1,桜小,小学校,給食あり,280,043-1\n",
                       encoding="utf-8")
    alts = tmp_path / "alts.csv"
    alts.write_text("ALTコード,姓,名\nA1,Smith,Emily\n", encoding="utf-8")
    path = tmp_path / "b.sqlite3"
    result = run_cli("--db", str(path), "import", str(schools), str(alts))
    assert result.returncode == 0, result.stderr
    return path


def test_a_japanese_dry_run_is_japanese_with_japanese_dates(db, tmp_path):
    changed = tmp_path / "学校2.csv"
    changed.write_text("学校コード,学校名,校種,給食,給食単価,電話番号\nS1,桜小,小学校,給食あり,300,043-9\n", encoding="utf-8")
    placements = tmp_path / "配置.csv"
    placements.write_text("ALTコード,学校コード,曜日,開始日\nA1,S1,月,2026/4/6\n", encoding="utf-8")
    absences = tmp_path / "不在.csv"
    absences.write_text("ALTコード,種類,開始日\nA1,病欠,2026/6/3\n", encoding="utf-8")
    result = run_cli("--db", str(db), "--lang", "ja", "import", str(changed), str(placements), str(absences),
                     "--dry-run")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    assert "  更新 学校 S1 桜小：給食費、電話番号" in lines or "  更新 学校 S1 桜小：電話番号、給食費" in lines
    assert "  新規 配置 A1 @ S1 2026年4月6日(月)から Emily Smith → 桜小" in lines
    assert "  新規 不在 A1 2026年6月3日(水) 病欠" in lines
    for line in lines:
        assert not ISO_DATE.search(line) and " from " not in line and "Phone" not in line, line
    english = run_cli("--db", str(db), "import", str(changed), str(placements), "--dry-run")
    assert "update school S1 桜小: Phone, Lunch price (yen)" in english.stdout or \
        "update school S1 桜小: Lunch price (yen), Phone" in english.stdout
    assert "A1 @ S1 from 2026-04-06" in english.stdout


def test_lunch_served_at_zero_yen_is_a_warning(db, tmp_path):
    free = tmp_path / "free.csv"
    free.write_text("学校コード,学校名,校種,給食,給食単価\nS2,梅中,中学校,給食あり,0\nS3,松小,小学校,給食なし,0\n",
                    encoding="utf-8")
    ja = run_cli("--db", str(db), "--lang", "ja", "import", str(free), "--dry-run")
    assert ja.returncode == 0
    assert "3 行目" not in ja.stderr  # a school that serves no ALT lunch costs nothing: no warning
    assert "2 行目" in ja.stderr and "給食の単価が 0 円です" in ja.stderr
    en = run_cli("--db", str(db), "import", str(free), "--dry-run")
    assert "serves its ALT lunch at ¥0" in en.stderr


def test_a_refused_import_never_says_a_value_was_recorded(db, tmp_path):
    source = tmp_path / "alts2.csv"
    source.write_text("ALTコード,姓,名,アレルギー\nA2,Lee,Ann,キウイ\nA3,Bad,,\n", encoding="utf-8")
    for lang in ("ja", "en"):
        result = run_cli("--db", str(db), "--lang", lang, "import", str(source))
        assert result.returncode == 2
        said = result.stdout + result.stderr
        assert "キウイ" in said  # the warning is there...
        assert "記録しました" not in said and "was kept" not in said and "recorded" not in said  # ...promising nothing
