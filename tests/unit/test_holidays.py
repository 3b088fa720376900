"""National holidays for FY2026 (April 2026 - March 2027), day by day, as the Cabinet Office lists them."""

from __future__ import annotations

import datetime as dt

from altdesk.calendar.holidays_jp import national_holidays

# 内閣府「国民の祝日について」: 2026年・2027年の祝日（FY2026 の範囲）
CABINET_OFFICE_FY2026 = {
    dt.date(2026, 4, 29): "昭和の日",
    dt.date(2026, 5, 3): "憲法記念日",
    dt.date(2026, 5, 4): "みどりの日",
    dt.date(2026, 5, 5): "こどもの日",
    dt.date(2026, 5, 6): "振替休日",
    dt.date(2026, 7, 20): "海の日",
    dt.date(2026, 8, 11): "山の日",
    dt.date(2026, 9, 21): "敬老の日",
    dt.date(2026, 9, 22): "国民の休日",
    dt.date(2026, 9, 23): "秋分の日",
    dt.date(2026, 10, 12): "スポーツの日",
    dt.date(2026, 11, 3): "文化の日",
    dt.date(2026, 11, 23): "勤労感謝の日",
    dt.date(2027, 1, 1): "元日",
    dt.date(2027, 1, 11): "成人の日",
    dt.date(2027, 2, 11): "建国記念の日",
    dt.date(2027, 2, 23): "天皇誕生日",
    dt.date(2027, 3, 21): "春分の日",
    dt.date(2027, 3, 22): "振替休日",
}


def test_fy2026_matches_the_cabinet_office_list_day_by_day():
    found = national_holidays(dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    day = dt.date(2026, 4, 1)
    while day <= dt.date(2027, 3, 31):
        expected = CABINET_OFFICE_FY2026.get(day)
        actual = found.get(day)
        if expected is None:
            assert actual is None, f"{day} is not a holiday, got {actual}"
        else:
            assert actual is not None, f"{day} should be {expected}"
            assert expected in actual.name_ja, f"{day}: {actual.name_ja} != {expected}"
        day += dt.timedelta(days=1)


def test_names_come_in_english_too():
    found = national_holidays(dt.date(2026, 9, 21), dt.date(2026, 9, 23))
    assert "Respect for the Aged" in found[dt.date(2026, 9, 21)].name_en
    assert "Autumnal Equinox" in found[dt.date(2026, 9, 23)].name_en
    assert found[dt.date(2026, 9, 22)].name_en != found[dt.date(2026, 9, 22)].name_ja


def test_holidays_come_from_the_cache_without_loading_every_country(tmp_path):
    """The `holidays` package imports every country's module; a year computed once is read back
    from the data folder's cache, and a damaged cache is recomputed, never a crash."""
    import os
    import subprocess
    import sys

    code = ("import sys, datetime as dt; from altdesk.calendar.holidays_jp import national_holidays; "
            "h = national_holidays(dt.date(2026, 4, 1), dt.date(2027, 3, 31)); "
            "print(len(h), h[dt.date(2026, 11, 23)].name_ja, 'holidays.countries' in sys.modules)")
    env = {**os.environ, "ALTDESK_DATA_DIR": str(tmp_path)}

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run() == "19 勤労感謝の日 True"  # computed by the package, then written
    assert run() == "19 勤労感謝の日 False"  # read back
    # One cache per version of the package: an upgrade recomputes every year.
    from importlib.metadata import version

    cached_files = list((tmp_path / "cache").glob("holidays-jp-*.json"))
    assert [f.name for f in cached_files] == [f"holidays-jp-{version('holidays')}.json"]
    for cached in cached_files:
        cached.write_text("{not json", encoding="utf-8")
    assert run() == "19 勤労感謝の日 True"
