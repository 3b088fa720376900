"""ALT records: validation names the field, codes are unique, stale saves are refused, history is kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from altdesk.db.enums import AltStatus
from altdesk.db.models import Alt, AuditEntry
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services.records import (
    AltForm,
    InUse,
    alt_dependents,
    delete_alt,
    load_alt,
    save_alt,
    set_alt_status,
)
from tests.unit.sched_fixtures import make_alt, make_placement, make_school

EMILY = AltForm(code="A100", family_name="Carter", given_name="Emily", kana="エミリー・カーター",
                nationality="Canada", start_date=dt.date(2024, 8, 1), levels=("elementary", "junior_high"),
                allergens=("egg",), share_diet_consent=True)


def _count(ws, model=Alt) -> int:
    with ws.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.branch_id == ws.branch_id))


def test_new_alt_with_an_egg_allergy_round_trips(ws):
    saved = save_alt(ws, EMILY)
    assert saved.id is not None and saved.version == 1
    loaded = load_alt(ws, saved.id)
    assert loaded == saved
    assert loaded.allergens == ("egg",)
    assert loaded.kana == "エミリー・カーター"
    assert loaded.levels == ("elementary", "junior_high")


def test_input_is_tidied_the_way_an_ime_types_it(ws):
    saved = save_alt(ws, replace(EMILY, code="Ａ１０１", kana="えみりー　かーたー", phone="０９０-１２３４-５６７８",
                                 given_name="  Emily ", allergens=("walnut", "egg"), levels=("junior_high", "elementary")))
    assert saved.code == "A101"
    assert saved.kana == "エミリー カーター"  # hiragana became katakana, the full-width space a space
    assert saved.phone == "090-1234-5678"
    assert saved.given_name == "Emily"
    assert saved.allergens == ("egg", "walnut")  # the labelling order, whatever order they were ticked in
    assert saved.levels == ("elementary", "junior_high")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"code": ""}, "code"),
        ({"code": "A 1"}, "code"),
        ({"family_name": ""}, "family_name"),
        ({"given_name": "エミリー"}, "given_name"),
        ({"kana": "Emily"}, "kana"),
        ({"email": "emily.example.com"}, "email"),
        ({"phone": "call me"}, "phone"),
        ({"allergens": ("egg", "chocolate")}, "allergens"),
        ({"levels": ("university",)}, "levels"),
        ({"weekly_class_limit": 0}, "weekly_class_limit"),
        ({"weekly_class_limit": 99}, "weekly_class_limit"),
    ],
)
def test_invalid_input_names_the_field_and_saves_nothing(ws, change, field):
    with pytest.raises(InvalidInput) as caught:
        save_alt(ws, replace(EMILY, **change))
    assert caught.value.field == field
    assert caught.value.message_en and caught.value.message_ja != caught.value.message_en
    assert _count(ws) == 0


def test_codes_are_unique_per_branch_whatever_the_case(ws):
    save_alt(ws, EMILY)
    with pytest.raises(InvalidInput) as caught:
        save_alt(ws, replace(EMILY, code="a100", family_name="Other"))
    assert caught.value.field == "code"
    assert "a100" in caught.value.message_en
    assert _count(ws) == 1


def test_editing_keeps_the_code_of_the_record_itself(ws):
    saved = save_alt(ws, EMILY)
    again = save_alt(ws, replace(saved, nationality="Ireland"))
    assert again.nationality == "Ireland" and again.version == 2


def test_a_save_over_a_newer_version_is_refused_and_changes_nothing(ws):
    loaded = save_alt(ws, EMILY)
    save_alt(ws, replace(loaded, nationality="Ireland"))  # someone else saves first
    with pytest.raises(StaleEdit):
        save_alt(ws, replace(loaded, allergens=("milk",)))
    assert load_alt(ws, loaded.id).allergens == ("egg",)
    assert load_alt(ws, loaded.id).nationality == "Ireland"


def test_a_save_after_someone_deleted_the_record_is_stale(ws):
    loaded = save_alt(ws, EMILY)
    delete_alt(ws, loaded.id, loaded.version)
    with pytest.raises(StaleEdit):
        save_alt(ws, replace(loaded, nationality="Ireland"))
    assert _count(ws) == 0


def test_an_unchanged_save_keeps_the_version(ws):
    saved = save_alt(ws, EMILY)
    assert save_alt(ws, saved).version == saved.version


def test_saves_are_audited_with_the_fields_changed(ws):
    saved = save_alt(ws, EMILY)
    save_alt(ws, replace(saved, vegetarian=True))
    with ws.db.sessions() as s:
        summaries = s.scalars(select(AuditEntry.summary).where(AuditEntry.entity == "alt").order_by(AuditEntry.id)).all()
    assert summaries[0] == "created alt A100"
    assert summaries[1] == "changed alt A100: vegetarian"


def test_an_alt_with_placements_is_not_deleted_but_can_be_marked_as_left(ws):
    alt_id = make_alt(ws, "A1")
    make_placement(ws, alt_id, make_school(ws, "S1"))
    form = load_alt(ws, alt_id)
    assert alt_dependents(ws, alt_id)["placements"] == 1
    with pytest.raises(InUse) as caught:
        delete_alt(ws, alt_id, form.version)
    assert caught.value.counts == {"placements": 1}
    assert "1 placement" in caught.value.message_en and "left" in caught.value.message_en
    assert "配置 1 件" in caught.value.message_ja
    assert _count(ws) == 1
    left = set_alt_status(ws, alt_id, form.version, AltStatus.LEFT)
    assert left.status == AltStatus.LEFT and left.version == form.version + 1


def test_an_alt_nobody_refers_to_is_deleted(ws):
    saved = save_alt(ws, EMILY)
    removed = delete_alt(ws, saved.id, saved.version)
    assert removed.code == "A100"
    assert _count(ws) == 0


def test_a_code_taken_in_a_race_is_refused_as_input_not_as_a_fault(ws, monkeypatch):
    save_alt(ws, EMILY)
    # Two coordinators on one server: the other's insert lands between our check and ours.
    monkeypatch.setattr("altdesk.services.records.alts.require_unique_code", lambda *args: None)
    with pytest.raises(InvalidInput) as caught:
        save_alt(ws, replace(EMILY, family_name="Other"))
    assert caught.value.field == "code" and "just saved" in caught.value.message_en
    assert _count(ws) == 1
