"""The branch's settings as one typed object: defaults, checked on load and on save, unknown keys kept."""

from __future__ import annotations

import pytest

from altdesk.db.branch_settings import BranchSettings, load_branch_settings, save_branch_settings
from altdesk.db.engine import transaction
from altdesk.db.models import Branch
from altdesk.db.rotation import BackupPolicy
from altdesk.errors import InvalidInput
from altdesk.lunch.month_data import load_branch
from altdesk.reports.month_common import load_branch as report_branch
from altdesk.scheduling.generate import travel_gap


def _store(ws, raw) -> None:
    with transaction(ws.db.sessions) as session:
        session.get(Branch, ws.branch_id).settings = raw


def test_defaults_when_nothing_is_stored(ws):
    with ws.db.sessions() as session:
        settings = load_branch_settings(session, ws.branch_id)
    assert settings == BranchSettings()
    assert (settings.travel_gap_minutes, settings.report_era, settings.milk_price_yen) == (30, "western", None)
    assert settings.backup == BackupPolicy()


def test_every_reader_sees_the_same_values(ws):
    _store(ws, {"travel_gap_minutes": 45, "report_era": "reiwa", "milk_price_yen": "60",
                "lunch_notice_rule": {"kind": "day_of_previous_month", "day": 15},
                "backup": {"daily": 3, "weekly": 2, "monthly": 1}})
    with ws.db.sessions() as session:
        assert travel_gap(session, ws.branch_id) == 45
        assert report_branch(session, ws.branch_id).era == "reiwa"
        lunch = load_branch(session, ws.branch_id).settings
    assert lunch.milk_price_yen == 60 and lunch.lunch_notice_rule == {"kind": "day_of_previous_month", "day": 15}
    assert ws.db.backup_policy() == BackupPolicy(3, 2, 1)


def test_a_bad_stored_value_falls_back_to_its_default_and_is_reported(ws):
    settings, unusable = BranchSettings.from_stored(
        {"travel_gap_minutes": "soon", "report_era": "heisei", "milk_price_yen": -5, "pdf_font": " /f/ipaexg.ttf "})
    assert sorted(unusable) == ["milk_price_yen", "report_era", "travel_gap_minutes"]
    assert (settings.travel_gap_minutes, settings.report_era, settings.milk_price_yen) == (30, "western", None)
    assert settings.pdf_font == "/f/ipaexg.ttf"
    assert BranchSettings.from_stored("not a dict") == (BranchSettings(), [])


def test_a_bad_value_is_refused_on_save_naming_the_setting():
    with pytest.raises(InvalidInput) as bad:
        BranchSettings().changed(travel_gap_minutes=999)
    assert bad.value.field == "travel_gap_minutes" and "240" in bad.value.message_en
    with pytest.raises(InvalidInput) as era:
        BranchSettings().changed(report_era="showa")
    assert era.value.field == "report_era" and "令和" in era.value.message_ja


def test_keys_this_version_does_not_know_survive_a_save(ws):
    _store(ws, {"travel_gap_minutes": 20, "newer_feature": {"on": True}, "bench": {"size": "small"}})
    with transaction(ws.db.sessions) as session:
        settings = load_branch_settings(session, ws.branch_id)
        save_branch_settings(session, ws.branch_id, settings.changed(report_era="reiwa"))
    with ws.db.sessions() as session:
        stored = session.get(Branch, ws.branch_id).settings
    assert stored == {"travel_gap_minutes": 20, "newer_feature": {"on": True}, "bench": {"size": "small"},
                      "report_era": "reiwa"}
