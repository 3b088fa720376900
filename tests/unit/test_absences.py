"""Absences: record, list with the visits they leave uncovered, edit, delete; refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from altdesk.db.enums import AbsenceKind, VisitStatus
from altdesk.db.models import Absence, AuditEntry, Visit
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.scheduling.conflicts import ConflictKind
from altdesk.services.absences import (
    AbsenceInput,
    covered_visits,
    create_absence,
    delete_absence,
    get_absence,
    list_absences,
    update_absence,
)
from altdesk.services.scheduling import (
    apply_substitute,
    check_conflicts,
    revert_substitute,
    substitute_candidates,
)
from tests.helpers import table_dump
from tests.unit.absence_fixtures import WEEK, busy_alt, schedule


@pytest.fixture
def sched_ws(demo_ws):
    return schedule(demo_ws)


def _absence_count(ws) -> int:
    with ws.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(Absence))


def test_recorded_absence_lists_its_uncovered_visits_and_raises_conflicts(sched_ws):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[1], AbsenceKind.SICK, "  flu  "))
    row = get_absence(sched_ws, saved.id)
    assert row is not None
    assert (row.alt_code, row.alt_name, row.kind, row.note, row.days) == (alt.code, alt.name, AbsenceKind.SICK,
                                                                        "flu", 5)
    assert row.visits_uncovered == len(alt.visit_ids) >= 2
    assert row.visits_covered == 0
    absent = [c for c in check_conflicts(sched_ws, *WEEK)
              if c.kind == ConflictKind.ABSENT and c.alt_code == alt.code]
    assert sorted(c.visit_ids[0] for c in absent) == sorted(alt.visit_ids)
    # The list filters by dates and ALT; demo absences elsewhere in the year are listed too.
    assert [r.id for r in list_absences(sched_ws, *WEEK)] == [saved.id]
    assert saved.id in [r.id for r in list_absences(sched_ws, alt_id=alt.id)]
    assert all(r.alt_id == alt.id for r in list_absences(sched_ws, alt_id=alt.id))
    assert len(list_absences(sched_ws)) == 5  # the demo's four plus this one


def test_substitute_moves_a_visit_from_uncovered_to_covered_and_back(sched_ws):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[1], AbsenceKind.PAID_LEAVE))
    first_visit = alt.visit_ids[-1]  # the Friday: part-timers are free to cover it
    assert alt.dates[-1] == WEEK[1]
    best = substitute_candidates(sched_ws, first_visit)[0]
    cover_id = apply_substitute(sched_ws, first_visit, best.alt_id)
    row = get_absence(sched_ws, saved.id)
    assert (row.visits_uncovered, row.visits_covered) == (len(alt.visit_ids) - 1, 1)
    [covered] = covered_visits(sched_ws, alt.id, *WEEK)
    assert (covered.visit_id, covered.substitute_visit_id, covered.substitute_alt_id) == (first_visit, cover_id,
                                                                                         best.alt_id)
    assert covered.substitute_name == best.name
    revert_substitute(sched_ws, cover_id)
    row = get_absence(sched_ws, saved.id)
    assert (row.visits_uncovered, row.visits_covered) == (len(alt.visit_ids), 0)
    assert covered_visits(sched_ws, alt.id, *WEEK) == []
    with sched_ws.db.sessions() as s:
        assert s.get(Visit, first_visit).status == VisitStatus.PLANNED


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"alt_id": None}, "alt"),
        ({"alt_id": 999_999}, "alt"),
        ({"start_date": None}, "start_date"),
        ({"end_date": None}, "end_date"),
        ({"end_date": dt.date(2026, 6, 7)}, "end_date"),
        ({"end_date": dt.date(2027, 6, 30)}, "end_date"),
        ({"kind": "holiday"}, "kind"),
        ({"kind": None}, "kind"),
        ({"note": "x" * 1001}, "note"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(sched_ws, db_path, change, field):
    alt = busy_alt(sched_ws)
    data = {"alt_id": alt.id, "start_date": WEEK[0], "end_date": WEEK[1], "kind": AbsenceKind.SICK, "note": ""}
    data.update(change)
    before = table_dump(db_path)
    with pytest.raises(InvalidInput) as refused:
        create_absence(sched_ws, AbsenceInput(**data))
    assert refused.value.field == field
    assert refused.value.message_ja != refused.value.message_en
    assert table_dump(db_path) == before


def test_overlapping_absence_of_the_same_alt_is_refused_another_alt_is_fine(sched_ws):
    alt = busy_alt(sched_ws)
    other = busy_alt(sched_ws, skip=1)
    create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[0] + dt.timedelta(days=2), AbsenceKind.SICK))
    with pytest.raises(InvalidInput) as refused:
        create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0] + dt.timedelta(days=2), WEEK[1],
                                              AbsenceKind.TRAINING))
    assert refused.value.field == "start_date"
    assert "2026-06-08" in refused.value.message_en and "sick" in refused.value.message_en
    assert "病欠" in refused.value.message_ja
    create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0] + dt.timedelta(days=3), WEEK[1], AbsenceKind.TRAINING))
    create_absence(sched_ws, AbsenceInput(other.id, WEEK[0], WEEK[1], AbsenceKind.SICK))


def test_edit_saves_with_the_loaded_version_and_refuses_a_stale_one(sched_ws):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK))
    row = get_absence(sched_ws, saved.id)
    # The edit widens the absence over the week; the count of uncovered visits follows.
    edited = update_absence(sched_ws, saved.id, row.version, AbsenceInput(alt.id, WEEK[0], WEEK[1],
                                                                         AbsenceKind.SICK, "still ill"))
    assert edited.version == row.version + 1
    now = get_absence(sched_ws, saved.id)
    assert (now.end_date, now.note, now.visits_uncovered) == (WEEK[1], "still ill", len(alt.visit_ids))
    # A second form still holding the first version is refused, and nothing changes.
    with pytest.raises(StaleEdit):
        update_absence(sched_ws, saved.id, row.version, AbsenceInput(alt.id, WEEK[0], WEEK[0],
                                                                     AbsenceKind.TRAINING))
    assert get_absence(sched_ws, saved.id) == now
    # Editing an absence into itself is not an overlap.
    update_absence(sched_ws, saved.id, now.version, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK))


def test_delete_returns_what_it_deleted_and_refuses_a_stale_version(sched_ws):
    alt = busy_alt(sched_ws)
    data = AbsenceInput(alt.id, WEEK[0], WEEK[1], AbsenceKind.TRAINING, "seminar")
    saved = create_absence(sched_ws, data)
    count = _absence_count(sched_ws)
    with pytest.raises(StaleEdit):
        delete_absence(sched_ws, saved.id, saved.version + 1)
    assert _absence_count(sched_ws) == count
    assert delete_absence(sched_ws, saved.id, saved.version) == data
    assert get_absence(sched_ws, saved.id) is None
    assert _absence_count(sched_ws) == count - 1
    with pytest.raises(StaleEdit):  # already gone: the form is out of date
        delete_absence(sched_ws, saved.id, saved.version)
    again = create_absence(sched_ws, data)
    assert get_absence(sched_ws, again.id).as_input() == data


def test_compensatory_day_of_an_event_is_changed_through_the_event(sched_ws):
    [row] = [r for r in list_absences(sched_ws) if r.event_id is not None][:1]
    assert row.kind == AbsenceKind.COMPENSATORY and row.event_name_ja == "運動会"
    with pytest.raises(InvalidInput) as refused:
        delete_absence(sched_ws, row.id, row.version)
    assert refused.value.field == "event" and "運動会" in refused.value.message_ja
    with pytest.raises(InvalidInput):
        update_absence(sched_ws, row.id, row.version, row.as_input())
    assert get_absence(sched_ws, row.id) == row


def test_every_change_is_in_the_audit_log(sched_ws):
    alt = busy_alt(sched_ws)
    saved = create_absence(sched_ws, AbsenceInput(alt.id, WEEK[0], WEEK[1], AbsenceKind.SICK))
    update_absence(sched_ws, saved.id, saved.version, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK))
    delete_absence(sched_ws, saved.id, saved.version + 1)
    with sched_ws.db.sessions() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "absence",
                                                            AuditEntry.entity_id == saved.id)
                            .order_by(AuditEntry.id)).all()
    assert [a.value for a in actions] == ["create", "update", "delete"]
