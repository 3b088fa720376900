"""The messy branch: random sequences of what coordinators do, on the real services and a real
SQLite file, with the clock moving forward past lunch notice deadlines.

After every step, for the months the step touched: the conflict check, the Conflicts page,
lunch, the substitute finder and generate run (a second generate changes nothing); every
report in every format is written and read back; no visit points at a missing record; and
what the step changed has its audit entries (a refused step changed nothing at all). Each edit
a person makes runs as a core operation, as the window and the command line run it, and is then
undone and redone from the journal: every table as it was before, then as the edit left it.

`make test` runs a short derandomized series; `make test-slow` (pytest -m slow) a long one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from altdesk import clock
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.db.enums import AbsenceKind, AltStatus, DayOffKind, LunchMode, VisitStatus
from altdesk.db.models import Alt, Board, HolidayOverride, Placement, School
from altdesk.errors import UserError
from altdesk.io.export_request import ExportRequest
from altdesk.lunch.notice import now_jst
from altdesk.operations import ChangeRecord, perform, redo, undo
from altdesk.reports.month_common import today_tokyo
from altdesk.services import absences, lunch, school_events, visits
from altdesk.services import records as rec
from altdesk.services import scheduling as sched
from altdesk.services.exports import run_export
from altdesk.services.workspace import open_workspace
from tests.helpers import data_tables
from tests.unit import messy_branch as mb

SPAN = (mb.LAST - mb.FIRST).days
days = st.integers(0, SPAN)
picks = st.integers(0, 10_000)
TIMES = ((dt.time(8, 15), dt.time(15, 45)), (dt.time(8, 30), dt.time(12, 30)), (dt.time(13, 0), dt.time(16, 0)))
NATIONAL_HOLIDAYS = (dt.date(2026, 11, 3), dt.date(2026, 11, 23), dt.date(2027, 1, 1), dt.date(2027, 1, 11))


def day_at(offset: int) -> dt.date:
    return mb.FIRST + dt.timedelta(days=offset)


def pick(items: list, index: int):  # type: ignore[no-untyped-def]
    return items[index % len(items)] if items else None


class MessyBranch(RuleBasedStateMachine):
    """One coordinator's random month-end: every step goes through the services the window and the
    command line call."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="altdesk-messy-"))
        path = self.folder / "branch.sqlite3"
        mb.copy_template(path)
        self.db = open_database(DatabaseTarget.parse(str(path)))
        self.ws = open_workspace(self.db, actor="coordinator")
        self._clock_block = clock.frozen(mb.START)
        self.clock = self._clock_block.__enter__()
        self.touched: set[str] = set(mb.MONTHS)
        self.undo: list[tuple[visits.VisitDetail, int]] = []
        self.reported: dict[str, object] = {}  # month -> the state whose reports were last read back

    def teardown(self) -> None:
        self._clock_block.__exit__(None, None, None)
        self.db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- Running a step ------------------------------------------------------------------

    def act(self, touched: set[str], action, edit: bool = True):  # type: ignore[no-untyped-def]
        """Run one coordinator action. A refusal (UserError) must leave everything as it was;
        a change must leave an audit entry for every table it changed. An `edit` (what a person
        does to records, not an issue or a generate) runs as a core operation and goes through
        Undo and Redo from the journal."""
        before, last_entry = mb.fingerprint(self.ws), mb.last_audit_id(self.ws)
        rows_before = data_tables(self.ws) if edit else None
        self.touched = touched
        try:
            if edit:
                result, record = perform(self.ws, "Messy step", "手順", action)
            else:
                result, record = action(), None
        except UserError:
            assert mb.fingerprint(self.ws) == before, "a refused action changed the database"
            assert not mb.audit_after(self.ws, last_entry), "a refused action left audit entries"
            return None
        after = mb.fingerprint(self.ws)
        changed = {table for table in after if after[table] != before[table]}
        entries = mb.audit_after(self.ws, last_entry)
        audited = {entity for _action, entity in entries}
        unaudited = changed - audited - mb.WRITTEN_BY_EXPORTS
        assert not unaudited, f"changed without an audit entry: {sorted(unaudited)}"
        if changed & mb.WRITTEN_BY_EXPORTS:
            assert any(action == "export" for action, _entity in entries), "an issue was recorded unaudited"
        if record is not None:
            self.undo_and_redo(record, rows_before, changed)
        return result

    def undo_and_redo(self, record: ChangeRecord, rows_before, changed: set[str]) -> None:  # type: ignore[no-untyped-def]
        """Edit ▸ Undo then Redo of the edit just made, from the journal: nobody changed anything
        since, so neither may be refused, and each leaves every table exactly as it should."""
        if changed - mb.WRITTEN_BY_EXPORTS:
            assert record.operation_id is not None and record.rows, \
                f"the journal's record {record} misses the tables changed: {sorted(changed)}"
        else:
            assert not record.rows, f"the journal's record {record} names rows no table shows changed"
        if record.operation_id is None or not record.rows:
            return  # nothing to undo (a lunch override's new reason is a note in the log, not a row)
        rows_after = data_tables(self.ws)
        undo(self.ws, record.operation_id)
        assert data_tables(self.ws) == rows_before, f"undo of {record.rows} left the tables changed"
        redo(self.ws, record.operation_id)
        assert data_tables(self.ws) == rows_after, f"redo of {record.rows} did not give the edit back"

    @initialize(days_on=st.integers(0, 75), hours=st.integers(0, 23))
    def open_the_branch(self, days_on: int, hours: int) -> None:
        """The coordinator opens the branch some time between mid-October and the new year."""
        self.clock.advance(dt.timedelta(days=days_on, hours=hours))
        self.touched = set(mb.MONTHS)

    # --- Visits ----------------------------------------------------------------------------

    @rule(alt=picks, school=picks, day=days, times=st.sampled_from(TIMES), lunch_mode=st.none() | st.sampled_from(LunchMode))
    def add_visit(self, alt: int, school: int, day: int, times, lunch_mode) -> None:  # type: ignore[no-untyped-def]
        """A visit by hand, on any day: weekends, holidays and closures included."""
        draft = visits.VisitDraft(pick(mb.ids_of(self.ws, Alt), alt), pick(mb.ids_of(self.ws, School), school),
                                  day_at(day), times[0], times[1], "1-3", 3, lunch_mode)
        visits.preview(self.ws, draft)
        self.act(mb.months_of([draft.date]), lambda: visits.create_visit(self.ws, draft))

    @rule(visit=picks, other_school=st.booleans())
    def double_book(self, visit: int, other_school: bool) -> None:
        """The same ALT again at the same time (elsewhere or at the same school)."""
        target = pick(mb.visits(self.ws, active_only=True), visit)
        if target is None:
            return
        schools = mb.ids_of(self.ws, School)
        school = pick([s for s in schools if s != target.school_id], visit) if other_school else target.school_id
        draft = visits.VisitDraft(target.alt_id, school, target.date, target.start_time, target.end_time, "1-2", 2)
        visits.preview(self.ws, draft)
        self.act(mb.months_of([target.date]), lambda: visits.create_visit(self.ws, draft))

    @rule(visit=picks, alt=picks)
    def second_alt_same_school_day(self, visit: int, alt: int) -> None:
        """Another ALT at the same school on the same day (two visits at one school, one day)."""
        target = pick(mb.visits(self.ws, active_only=True), visit)
        if target is None:
            return
        others = [a for a in mb.ids_of(self.ws, Alt) if a != target.alt_id]
        draft = visits.VisitDraft(pick(others, alt), target.school_id, target.date, dt.time(13, 0),
                                  dt.time(15, 0), "5-6", 2)
        self.act(mb.months_of([target.date]), lambda: visits.create_visit(self.ws, draft))

    @rule(visit=picks, day=days, change_alt=st.booleans(), alt=picks)
    def move_visit(self, visit: int, day: int, change_alt: bool, alt: int) -> None:
        target = pick(mb.visits(self.ws), visit)
        if target is None:
            return
        new_alt = pick(mb.ids_of(self.ws, Alt), alt) if change_alt else None
        current = visits.get_visit(self.ws, target.id)
        visits.preview(self.ws, replace(current.draft, date=day_at(day), alt_id=new_alt or current.draft.alt_id),
                       target.id)
        result = self.act(mb.months_of([target.date, day_at(day)]),
                          lambda: visits.move_visit(self.ws, target.id, target.version, day_at(day), new_alt))
        if result is not None:
            self.undo.append(self.as_left(result))

    @rule(visit=picks)
    def cancel_visit(self, visit: int) -> None:
        target = pick(mb.visits(self.ws, active_only=True), visit)
        if target is None:
            return
        result = self.act(mb.months_of([target.date]),
                          lambda: visits.cancel_visit(self.ws, target.id, target.version))
        if result is not None:
            self.undo.append(self.as_left(result))

    def as_left(self, result: tuple[visits.VisitDetail, int]) -> tuple[visits.VisitDetail, int]:
        """The visit as it was, with the version the journal's redo left it at (nobody else's)."""
        before, _version = result
        return before, visits.get_visit(self.ws, before.id).version

    @precondition(lambda self: bool(self.undo))
    @rule()
    def undo_last_edit(self) -> None:
        """Edit ▸ Undo: the visit as it was (refused if someone changed it since)."""
        before, version = self.undo.pop()
        months = mb.months_of([before.draft.date])
        with contextlib.suppress(UserError):
            months |= mb.months_of([visits.get_visit(self.ws, before.id).draft.date])
        self.act(months, lambda: visits.restore_visit(self.ws, before, version))

    @rule(visit=picks, mode=st.sampled_from(LunchMode), clear=st.booleans())
    def lunch_override(self, visit: int, mode: LunchMode, clear: bool) -> None:
        target = pick(mb.visits(self.ws), visit)
        if target is None:
            return
        if clear:
            action = lambda: lunch.clear_lunch_override(self.ws, target.id, "back to the rule")  # noqa: E731
        else:
            action = lambda: lunch.set_lunch_override(self.ws, target.id, mode, "アレルギー対応 / allergy")  # noqa: E731
        self.act(mb.months_of([target.date]), action)
        lunch.lunch_explanation(self.ws, target.id)

    # --- Absences, substitutes, events ------------------------------------------------------

    @rule(alt=picks, day=days, length=st.integers(1, 4), kind=st.sampled_from(AbsenceKind),
          half_day=st.booleans())
    def record_absence(self, alt: int, day: int, length: int, kind: AbsenceKind, half_day: bool) -> None:
        """Whole days, or a half day (the model has no half days: one day with a note, as coordinators do)."""
        first = day_at(day)
        last = first if half_day else min(first + dt.timedelta(days=length - 1), mb.LAST)
        data = absences.AbsenceInput(pick(mb.ids_of(self.ws, Alt), alt), first, last, kind,
                                     "午前半休 (half day, morning)" if half_day else "")
        self.act(mb.months_of([first, last]), lambda: absences.create_absence(self.ws, data))

    @rule(absence=picks)
    def remove_absence(self, absence: int) -> None:
        rows = absences.list_absences(self.ws, mb.FIRST, mb.LAST)
        row = pick(rows, absence)
        if row is None:
            return
        self.act(mb.months_of([row.start_date, row.end_date]),
                 lambda: absences.delete_absence(self.ws, row.id, row.version))

    @rule(absence=picks, choice=picks)
    def find_and_apply_substitute(self, absence: int, choice: int) -> None:
        row = pick(absences.list_absences(self.ws, mb.FIRST, mb.LAST), absence)
        if row is None:
            return
        uncovered = sched.uncovered_for(self.ws, row.alt_id, row.start_date, row.end_date)
        sched.plan_substitutes(self.ws, row.alt_code, row.start_date, row.end_date)
        visit = pick(uncovered, choice)
        if visit is None:
            return
        candidate = pick(sched.substitute_candidates(self.ws, visit.visit_id), choice)
        if candidate is None:
            return
        self.act(mb.months_of([visit.date]),
                 lambda: sched.apply_substitute(self.ws, visit.visit_id, candidate.alt_id))

    @rule(visit=picks)
    def remove_substitute(self, visit: int) -> None:
        covered = [v for v in mb.visits(self.ws) if v.status == VisitStatus.COVERED]
        target = pick(covered, visit)
        if target is None:
            return
        self.act(mb.months_of([target.date]), lambda: absences.remove_substitute(self.ws, target.id))

    @rule(school=picks, day=days, attendees=st.sets(picks, max_size=2), own_comp=st.booleans(),
          comp_after=st.integers(1, 10))
    def school_event(self, school: int, day: int, attendees: set[int], own_comp: bool, comp_after: int) -> None:
        """A Saturday event with 振替 (the school's next school day, or a day the coordinator picks)."""
        saturday = day_at(day) + dt.timedelta(days=(5 - day_at(day).weekday()) % 7)
        alts = mb.ids_of(self.ws, Alt)
        school_id = pick(mb.ids_of(self.ws, School), school)
        comp = saturday + dt.timedelta(days=comp_after) if own_comp else None
        data = school_events.EventInput(
            school_id, saturday, "運動会", "Sports Day", compensatory_day=comp,
            attendees=tuple(school_events.Attendance(a) for a in sorted({pick(alts, i) for i in attendees})),
        )
        months = mb.months_of([saturday, saturday + dt.timedelta(days=comp_after), saturday + dt.timedelta(days=14)])
        self.act(months, lambda: school_events.create_event(self.ws, data))

    @rule(event=picks)
    def delete_event(self, event: int) -> None:
        row = pick(school_events.list_events(self.ws), event)
        if row is None:
            return
        days = [row.date, row.compensatory_day, *(a.compensatory_day for a in row.attendees)]
        self.act(mb.months_of(days), lambda: school_events.delete_event(self.ws, row.id, row.version))

    # --- Days off ----------------------------------------------------------------------------

    @rule(kind=st.sampled_from(DayOffKind), scope=picks, day=days, length=st.integers(1, 3))
    def add_day_off(self, kind: DayOffKind, scope: int, day: int, length: int) -> None:
        """A closure, break, school day off or branch closure, often after sheets went out."""
        first = day_at(day)
        last = first + dt.timedelta(days=length - 1)
        form = rec.DayOffForm(kind=kind, board_id=pick(mb.ids_of(self.ws, Board), scope),
                              school_id=pick(mb.ids_of(self.ws, School), scope),
                              start_date=first, end_date=last, name_ja="臨時休業", name_en="Unplanned closure")
        self.act(mb.months_of([first, last]), lambda: rec.save_day_off(self.ws, form))

    @rule(day_off=picks)
    def remove_day_off(self, day_off: int) -> None:
        row = pick(rec.list_day_offs(self.ws, mb.FIRST, mb.LAST), day_off)
        if row is None:
            return
        self.act(mb.months_of([row.start_date, row.end_date]),
                 lambda: rec.delete_day_off(self.ws, row.id, row.version))

    @rule(holiday=st.sampled_from(NATIONAL_HOLIDAYS), day=days, extra=st.booleans())
    def holiday_override(self, holiday: dt.date, day: int, extra: bool) -> None:
        """A national holiday the branch works, or an extra holiday on an ordinary day."""
        if extra:
            form = rec.HolidayOverrideForm(date=day_at(day), is_holiday=True, name_ja="臨時休日",
                                           name_en="Extra holiday")
        else:
            form = rec.HolidayOverrideForm(date=holiday, is_holiday=False, name_ja="出勤日", name_en="Working day")
        self.act(mb.months_of([form.date]), lambda: rec.save_holiday_override(self.ws, form))

    @rule(override=picks)
    def remove_holiday_override(self, override: int) -> None:
        with self.ws.db.sessions() as session:
            rows = list(session.execute(select(HolidayOverride.id, HolidayOverride.version, HolidayOverride.date)
                                        .order_by(HolidayOverride.id)))
        row = pick(rows, override)
        if row is None:
            return
        self.act(mb.months_of([row.date]), lambda: rec.delete_holiday_override(self.ws, row.id, row.version))

    # --- Placements and ALTs ------------------------------------------------------------------

    @rule(placement=picks, weekdays=st.sets(st.integers(0, 4), min_size=1, max_size=3),
          times=st.sampled_from(TIMES), apply_from=days)
    def edit_placement(self, placement: int, weekdays: set[int], times, apply_from: int) -> None:  # type: ignore[no-untyped-def]
        placement_id = pick(mb.ids_of(self.ws, Placement), placement)
        if placement_id is None:
            return
        form = rec.load_placement(self.ws, placement_id)
        form = replace(form, pattern=rec.Pattern(weekdays=tuple(sorted(weekdays))), start_time=times[0],
                       end_time=times[1], apply_from=day_at(apply_from))
        self.act(set(mb.MONTHS), lambda: rec.save_placement(self.ws, form))

    @rule(placement=picks, last_day=days)
    def end_placement(self, placement: int, last_day: int) -> None:
        placement_id = pick(mb.ids_of(self.ws, Placement), placement)
        if placement_id is None:
            return
        form = rec.load_placement(self.ws, placement_id)
        self.act(set(mb.MONTHS),
                 lambda: rec.end_placement(self.ws, placement_id, form.version, day_at(last_day)))

    @rule(alt=picks, school=picks, start=days, weekdays=st.sets(st.integers(0, 4), min_size=1, max_size=2))
    def new_placement(self, alt: int, school: int, start: int, weekdays: set[int]) -> None:
        form = rec.PlacementForm(alt_id=pick(mb.ids_of(self.ws, Alt), alt),
                                 school_id=pick(mb.ids_of(self.ws, School), school), start_date=day_at(start),
                                 end_date=mb.LAST, pattern=rec.Pattern(weekdays=tuple(sorted(weekdays))),
                                 start_time=dt.time(8, 15), end_time=dt.time(15, 45), periods="1-4")
        self.act(set(mb.MONTHS), lambda: rec.save_placement(self.ws, form))

    @rule(alt=picks, status=st.sampled_from([AltStatus.LEFT, AltStatus.ON_LEAVE, AltStatus.ACTIVE]))
    def alt_status(self, alt: int, status: AltStatus) -> None:
        """An ALT marked as left (or on leave, or back)."""
        alt_id = pick(mb.ids_of(self.ws, Alt), alt)
        form = rec.load_alt(self.ws, alt_id)
        self.act(set(mb.MONTHS), lambda: rec.set_alt_status(self.ws, alt_id, form.version, status))

    # --- Issuing and time -------------------------------------------------------------------

    @rule(month=st.sampled_from(mb.MONTHS), through_export=st.booleans())
    def issue_order_sheets(self, month: str, through_export: bool) -> None:
        if through_export:
            request = ExportRequest("pdf", "lunch-orders", self.folder / "issued", month=month, school="all")
            self.act({month}, lambda: run_export(self.ws, request), edit=False)
        else:
            self.act({month}, lambda: lunch.issue_order_sheets(self.ws, month), edit=False)

    @rule(month=st.sampled_from(mb.MONTHS), fmt=st.sampled_from(["pdf", "xlsx"]))
    def issue_visit_schedules(self, month: str, fmt: str) -> None:
        request = ExportRequest(fmt, "school-month", self.folder / f"schedules-{fmt}", month=month, school="all")
        self.act({month}, lambda: run_export(self.ws, request), edit=False)

    @rule(month=st.sampled_from(mb.MONTHS))
    def generate_month(self, month: str) -> None:
        first, last = mb.month_bounds(month)
        self.act({month}, lambda: sched.generate_visits(self.ws, first, last), edit=False)
        again = sched.generate_visits(self.ws, first, last)
        assert again.changed == 0, f"a second generate of {month} changed {again}"

    @precondition(lambda self: self.clock.moment < mb.END_OF_CLOCK)
    @rule(days_on=st.integers(1, 20), hours=st.integers(0, 23))
    def clock_moves_on(self, days_on: int, hours: int) -> None:
        """Time passes: notice deadlines go by."""
        moment = self.clock.advance(dt.timedelta(days=days_on, hours=hours))
        self.touched = mb.months_of([moment.date(), moment.date() + dt.timedelta(days=31)]) or {mb.MONTHS[-1]}

    # --- After every step -----------------------------------------------------------------

    @invariant()
    def everything_still_works(self) -> None:
        mb.check_references(self.ws)
        for month in sorted(self.touched):
            mb.check_scheduling(self.ws, month)
        # Reports depend only on the data and the clock: a state already read back is not re-read.
        state = (tuple(sorted(mb.fingerprint(self.ws).items())), self.clock.moment)
        for month in sorted(self.touched):
            if self.reported.get(month) != state:
                mb.check_reports(self.ws, month, self.folder / "reports")
                self.reported[month] = state


# The short series fails fast: no shrinking (each step writes files); the long one shrinks.
SHORT = settings(max_examples=3, stateful_step_count=8, deadline=None, derandomize=True, database=None,
                 phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck), print_blob=True)
LONG = settings(max_examples=100, stateful_step_count=5, deadline=None, database=None,
                suppress_health_check=list(HealthCheck), print_blob=True)


class ShortSeries(MessyBranch):
    pass


ShortSeries.TestCase.settings = SHORT
TestMessyBranch = ShortSeries.TestCase


class LongSeries(MessyBranch):
    pass


LongSeries.TestCase.settings = LONG
TestMessyBranchLong = pytest.mark.slow(LongSeries.TestCase)


def test_the_frozen_clock_is_what_deadlines_and_reports_read() -> None:
    moment = dt.datetime(2026, 12, 21, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    with clock.frozen(moment) as frozen:
        assert now_jst() == moment
        assert today_tokyo() == dt.date(2026, 12, 21)
        frozen.advance(dt.timedelta(hours=6))
        assert today_tokyo() == dt.date(2026, 12, 22)
    assert now_jst() - dt.datetime.now(dt.UTC) < dt.timedelta(minutes=1)  # the real time again


def test_the_clock_refuses_a_time_without_a_zone() -> None:
    with pytest.raises(ValueError), clock.frozen(dt.datetime(2026, 12, 1, 9, 0)):
        pass

