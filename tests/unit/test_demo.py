"""The demo branch: sizes, proportions, determinism, refusal of a non-empty database."""

from __future__ import annotations

import collections
import datetime as dt

import pytest
from dateutil.rrule import rrulestr
from sqlalchemy import func, select

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.db.models import Alt, BellPeriod, Placement, School
from altdesk.demo import create_demo_branch
from altdesk.errors import NotEmpty
from altdesk.services.workspace import open_workspace
from tests.helpers import run_cli, table_dump


def _make(path, size="small", seed=1):
    database = open_database(DatabaseTarget.parse(str(path)))
    try:
        create_demo_branch(open_workspace(database), size, 2026, seed)
    finally:
        database.close()


def test_same_seed_same_branch_other_seed_other_branch(tmp_path):
    _make(tmp_path / "a.sqlite3", seed=5)
    _make(tmp_path / "b.sqlite3", seed=5)
    _make(tmp_path / "c.sqlite3", seed=6)
    a, b, c = (table_dump(tmp_path / f"{n}.sqlite3") for n in "abc")
    for dump in (a, b, c):
        dump.pop("audit_entry", None)  # who and when differ by nature
    assert a == b
    assert a["alt"] != c["alt"]


def test_small_branch_sizes(demo_ws):
    with demo_ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Alt)) == 20
        assert s.scalar(select(func.count()).select_from(School)) == 60


def test_large_branch_is_believable(ws):
    counts = create_demo_branch(ws, "large", 2026, seed=1)
    assert counts["alts"] == 300 and counts["schools"] == 800
    with ws.db.sessions() as s:
        schools = s.scalars(select(School)).all()
        alts = s.scalars(select(Alt)).all()
        placements = s.scalars(select(Placement)).all()
        periods = s.scalars(select(BellPeriod)).all()
    levels = collections.Counter(sc.level.value for sc in schools)
    assert 0.03 < levels["kindergarten"] / 800 < 0.12
    assert 0.38 < levels["elementary"] / 800 < 0.54
    assert 0.29 < levels["junior_high"] / 800 < 0.45
    assert 0.05 < levels["senior_high"] / 800 < 0.15
    assert all(sc.name_ja.endswith(("小学校", "中学校", "幼稚園", "高等学校")) for sc in schools)
    assert all(sc.name_en for sc in schools)
    senior = [sc for sc in schools if sc.level.value == "senior_high"]
    assert sum(sc.lunch_policy.value == "none" for sc in senior) / len(senior) > 0.7
    # Elementary periods are 45 minutes, junior high 50.
    by_school = {sc.id: sc for sc in schools}
    for period in periods[:200]:
        minutes = (dt.datetime.combine(dt.date.min, period.end_time)
                   - dt.datetime.combine(dt.date.min, period.start_time)).seconds // 60
        level = by_school[period.school_id].level.value
        if level == "elementary":
            assert minutes == 45
        if level in ("junior_high", "senior_high"):
            assert minutes == 50
    names = " ".join(f"{a.given_name} {a.family_name}" for a in alts)
    assert any(ch in names for ch in "íéñễüëöä")
    assert len({a.nationality for a in alts}) >= 8
    restricted = sum(a.has_diet_restriction for a in alts) / len(alts)
    assert 0.08 < restricted < 0.25
    schools_per_alt = collections.Counter(p.alt_id for p in placements)
    placed_schools = {p.school_id for p in placements}
    assert len(placed_schools) > 0.9 * len(schools)
    assert set(schools_per_alt.values()) <= {1, 2, 3, 4}
    # Weekday patterns add up to 4-5 school days a week for every ALT.
    week = [dt.date(2026, 6, 8) + dt.timedelta(days=i) for i in range(14)]
    for alt_id in list(schools_per_alt)[:100]:
        days = set()
        for p in placements:
            if p.alt_id == alt_id:
                rule = rrulestr(p.rrule, dtstart=dt.datetime.combine(p.start_date, dt.time()))
                days |= {d.date() for d in rule.between(dt.datetime(2026, 6, 8), dt.datetime(2026, 6, 22), inc=True)}
        assert 6 <= len(days & set(week)) <= 10  # two weeks of 4-5 days (3 for part-timers)


def test_non_empty_database_is_refused_unless_forced(demo_ws):
    with pytest.raises(NotEmpty):
        create_demo_branch(demo_ws, "small", 2026, seed=7)
    create_demo_branch(demo_ws, "small", 2026, seed=8, force=True)
    with demo_ws.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Alt)) == 20


def test_demo_cli_exit_codes(tmp_path):
    path = tmp_path / "cli.sqlite3"
    first = run_cli("--db", str(path), "demo", "--size", "small", "--seed", "3")
    assert first.returncode == 0, first.stderr
    assert "20 ALTs" in first.stdout
    second = run_cli("--db", str(path), "demo", "--size", "small")
    assert second.returncode == 2
    assert "--force" in second.stderr and "Traceback" not in second.stderr
    japanese = run_cli("--db", str(path), "--lang", "ja", "demo", "--size", "small")
    assert japanese.returncode == 2 and "空のデータベース" in japanese.stderr
