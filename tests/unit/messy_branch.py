"""A small, untidy branch for the stateful test, and the checks that must hold on it after
every step.

The branch is built through the same record editors the window uses (boards, schools, ALTs,
placements, day layers), for November 2026 to January 2027: national holidays (文化の日,
勤労感謝の日, 元日, 成人の日), a winter break, the branch's 年末年始, two ALTs at one school on
Wednesdays, a milk-only school, a school that serves no lunch, a spare ALT with an egg allergy, and
two notice rules (the 20th of the month before; four school days before).
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import shutil
import sqlite3
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import openpyxl
from icalendar import Calendar
from sqlalchemy import func, select

from altdesk import clock
from altdesk.calendar.day_layers import DayLayers
from altdesk.dates import fiscal_year_of, month_bounds
from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.db.enums import (
    AbsenceKind,
    DayOffKind,
    LunchPolicy,
    SchoolLevel,
    VisitKind,
    VisitOrigin,
    VisitStatus,
)
from altdesk.db.models import Absence, Alt, AuditEntry, Base, Placement, School, SchoolEvent, Visit
from altdesk.io.export_request import ExportRequest
from altdesk.lunch.notice import JST
from altdesk.scheduling.conflict_types import Conflict, ConflictKind
from altdesk.scheduling.generate import generate
from altdesk.services import conflict_list, lunch
from altdesk.services import scheduling as sched
from altdesk.services.absences import list_absences
from altdesk.services.exports import run_export
from altdesk.services.overview import read_overview
from altdesk.services.records import (
    AltForm,
    BoardForm,
    DayOffForm,
    Pattern,
    PlacementForm,
    SchoolForm,
    save_alt,
    save_board,
    save_day_off,
    save_placement,
    save_school,
)
from altdesk.services.workspace import Workspace, open_workspace

FIRST, LAST = dt.date(2026, 11, 2), dt.date(2027, 1, 29)
MONTHS = ("2026-11", "2026-12", "2027-01")
# The day before the first notice deadline (20 October 17:00 for November's lunches).
START = dt.datetime(2026, 10, 19, 9, 0, tzinfo=JST)
END_OF_CLOCK = dt.datetime(2027, 2, 1, 9, 0, tzinfo=JST)
ACTIVE = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)
# Tables whose rows are what coordinators change (the audit log itself and schema bookkeeping aside).
NOT_DATA = frozenset({"audit_entry", "alembic_version", "operation"})  # the trail and the journal
WRITTEN_BY_EXPORTS = frozenset({"issued_report"})  # recorded as an export, not as a row change


@dataclass(frozen=True)
class Names:
    schools: dict[int, tuple[str, str]]  # id -> (code, name_ja)
    alts: dict[int, tuple[str, str]]  # id -> (code, "Given Family")


SCHOOLS = (
    # code, name_ja, name_en, level, board index, policy, price
    ("S01", "さくら市立桜台小学校", "Sakuradai ES", SchoolLevel.ELEMENTARY, 0, LunchPolicy.SERVES, 280),
    ("S02", "さくら市立緑ヶ丘中学校", "Midorigaoka JHS", SchoolLevel.JUNIOR_HIGH, 0, LunchPolicy.MILK_ONLY, 60),
    ("S03", "青葉町立青葉小学校", "Aoba ES", SchoolLevel.ELEMENTARY, 1, LunchPolicy.SERVES, 300),
    ("S04", "県立朝日高等学校", "Asahi SHS", SchoolLevel.SENIOR_HIGH, 1, LunchPolicy.NONE, 0),
)
ALTS = (
    # code, given, family, kana, levels, allergens, consent
    ("A01", "Emily", "Carter", "エミリー・カーター", ("elementary", "junior_high"), (), True),
    ("A02", "Thao", "Nguyen", "タオ・グエン", ("elementary", "junior_high"), (), False),
    ("A03", "Lucia", "Garcia", "ルシア・ガルシア", ("elementary", "senior_high"), (), False),
    ("A04", "Zoe", "Muller", "ゾーイ・ミュラー", ("elementary", "junior_high", "senior_high"), ("egg",), True),
)
PLACEMENTS = (
    # ALT, school, weekdays, start, end
    (0, 0, (0, 2), dt.time(8, 15), dt.time(15, 45)),
    (1, 0, (2,), dt.time(8, 30), dt.time(12, 30)),  # a second ALT at S01 on Wednesdays
    (1, 1, (1, 3), dt.time(8, 15), dt.time(15, 45)),
    (2, 2, (0, 4), dt.time(8, 15), dt.time(15, 45)),
    (2, 3, (2,), dt.time(9, 0), dt.time(15, 0)),
)


def _build(ws: Workspace) -> None:
    boards = [
        save_board(ws, BoardForm(
            code="B1", name_ja="さくら市教育委員会", name_en="Sakura City BoE",
            lunch_notice_rule={"kind": "day_of_previous_month", "day": 20},
            closures=(DayOffForm(kind=DayOffKind.BREAK, board_id=0, start_date=dt.date(2026, 12, 25),
                                 end_date=dt.date(2027, 1, 7), name_ja="冬季休業", name_en="Winter break"),),
        )).id,
        save_board(ws, BoardForm(
            code="B2", name_ja="青葉町教育委員会", name_en="Aoba Town BoE",
            lunch_notice_rule={"kind": "school_days_before", "days": 4, "time": "11:00"},
            closures=(DayOffForm(kind=DayOffKind.BREAK, board_id=0, start_date=dt.date(2026, 12, 24),
                                 end_date=dt.date(2027, 1, 6), name_ja="冬休み", name_en="Winter break"),),
        )).id,
    ]
    schools = [
        save_school(ws, SchoolForm(code=code, name_ja=ja, name_en=en, level=level, board_id=boards[board],
                                   lunch_policy=policy, lunch_price_yen=price, phone="043-111-2222")).id
        for code, ja, en, level, board, policy, price in SCHOOLS
    ]
    alts = [
        save_alt(ws, AltForm(code=code, given_name=given, family_name=family, kana=kana, levels=levels,
                             allergens=allergens, share_diet_consent=consent, start_date=dt.date(2024, 4, 1))).id
        for code, given, family, kana, levels, allergens, consent in ALTS
    ]
    for alt, school, weekdays, start, end in PLACEMENTS:
        save_placement(ws, PlacementForm(
            alt_id=alts[alt], school_id=schools[school], start_date=FIRST, end_date=LAST,
            pattern=Pattern(weekdays=weekdays), start_time=start, end_time=end, periods="1-4", classes_per_day=4,
        ))
    save_day_off(ws, DayOffForm(kind=DayOffKind.BRANCH_CLOSURE, start_date=dt.date(2026, 12, 29),
                                end_date=dt.date(2027, 1, 3), name_ja="年末年始", name_en="New Year holidays"))


@cache
def template() -> Path:
    """The branch built once per process; each run starts from a copy."""
    folder = Path(tempfile.mkdtemp(prefix="altdesk-messy-template-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "messy.sqlite3"
    database = open_database(DatabaseTarget.parse(str(path)))
    try:
        with clock.frozen(START):
            _build(open_workspace(database, actor="builder"))
    finally:
        database.close()
    return path


def copy_template(target: Path) -> None:
    source, copy = sqlite3.connect(template()), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()


# --- Reading the state ---------------------------------------------------------------------

@dataclass(frozen=True)
class VisitRow:
    id: int
    version: int
    alt_id: int
    school_id: int
    date: dt.date
    status: VisitStatus
    start_time: dt.time
    end_time: dt.time


def visits(ws: Workspace, active_only: bool = False) -> list[VisitRow]:
    query = select(Visit.id, Visit.version, Visit.alt_id, Visit.school_id, Visit.date, Visit.status,
                   Visit.start_time, Visit.end_time).where(
        Visit.branch_id == ws.branch_id, Visit.date.between(FIRST, LAST)).order_by(Visit.id)
    if active_only:
        query = query.where(Visit.status.in_([s.value for s in ACTIVE]))
    with ws.db.sessions() as session:
        return [VisitRow(*row) for row in session.execute(query)]


def ids_of(ws: Workspace, model: type[Base]) -> list[int]:
    with ws.db.sessions() as session:
        return list(session.scalars(select(model.id).where(model.branch_id == ws.branch_id).order_by(model.id)))


def names(ws: Workspace) -> Names:
    with ws.db.sessions() as session:
        schools = {i: (code, ja) for i, code, ja in session.execute(select(School.id, School.code, School.name_ja))}
        alts = {i: (code, f"{given} {family}") for i, code, given, family in
                session.execute(select(Alt.id, Alt.code, Alt.given_name, Alt.family_name))}
    return Names(schools, alts)


def fingerprint(ws: Workspace) -> dict[str, str]:
    """A digest of every data table's rows, per table."""
    digests = {}
    with ws.db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_DATA:
                continue
            rows = sorted(repr(tuple(row)) for row in session.execute(select(table)))
            digests[table.name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return digests


def audit_after(ws: Workspace, last_id: int) -> list[tuple[str, str]]:
    """(action, entity) of the audit entries written after entry `last_id`."""
    with ws.db.sessions() as session:
        return [(str(a), e) for a, e in session.execute(
            select(AuditEntry.action, AuditEntry.entity).where(AuditEntry.id > last_id).order_by(AuditEntry.id))]


def last_audit_id(ws: Workspace) -> int:
    with ws.db.sessions() as session:
        return session.scalar(select(func.max(AuditEntry.id))) or 0


def months_of(days: Iterable[dt.date | None]) -> set[str]:
    return {f"{d:%Y-%m}" for d in days if d is not None and FIRST <= d <= LAST}


# --- The checks ------------------------------------------------------------------------------

def check_references(ws: Workspace) -> None:
    """No visit, absence or placement points at a record that is not there."""
    with ws.db.sessions() as session:
        alts = set(session.scalars(select(Alt.id)))
        schools = set(session.scalars(select(School.id)))
        placements = set(session.scalars(select(Placement.id)))
        events = set(session.scalars(select(SchoolEvent.id)))
        visit_ids = set(session.scalars(select(Visit.id)))
        for v in session.scalars(select(Visit)):
            where = f"visit {v.id} on {v.date}"
            assert v.alt_id in alts, f"{where}: ALT {v.alt_id} is missing"
            assert v.school_id in schools, f"{where}: school {v.school_id} is missing"
            assert v.placement_id is None or v.placement_id in placements, f"{where}: placement missing"
            assert v.event_id is None or v.event_id in events, f"{where}: school event missing"
            assert v.covered_by_alt_id is None or v.covered_by_alt_id in alts, f"{where}: substitute ALT missing"
            assert v.substitute_for_visit_id is None or v.substitute_for_visit_id in visit_ids, \
                f"{where}: the visit it covers is missing"
            if v.origin == VisitOrigin.GENERATED:
                assert v.placement_id is not None, f"{where}: generated, but its placement is gone"
            if v.status == VisitStatus.COVERED:
                assert v.covered_by_alt_id is not None, f"{where}: covered, but by nobody"
        for a in session.scalars(select(Absence)):
            assert a.alt_id in alts, f"absence {a.id}: ALT missing"
            assert a.event_id is None or a.event_id in events, f"absence {a.id}: school event missing"
        for p in session.scalars(select(Placement)):
            assert p.alt_id in alts and p.school_id in schools, f"placement {p.id}: ALT or school missing"


def check_scheduling(ws: Workspace, month: str) -> None:
    """The conflict check, the Conflicts page, lunch, substitutes and generate, for the month."""
    first, last = month_bounds(month)
    conflicts = sched.check_conflicts(ws, first, last)
    rows = conflict_list.list_conflicts(ws, first, last, conflict_list.ConflictFilter(text="a"))
    assert len(rows) <= len(conflicts)
    assert sum(conflict_list.severity_counts(conflict_list.conflict_rows(ws, first, last)).values()) == len(conflicts)
    for conflict in conflicts:
        assert conflict.message("en") and conflict.message("ja")
    check_flagged(ws, first, last, conflicts)
    ledger = lunch.month_ledger(ws, month)
    # The Overview reads the same meals its own way (grouped, a month at a time): the month's fees
    # agree with the ledger's, on a messy branch too.
    overview = read_overview(ws, fiscal_year_of(first), month, first)
    [fees] = [f for f in overview.fees if f.month == month]
    assert (fees.lunch + fees.milk, fees.yen) == (ledger.meals, ledger.total_yen), (month, fees)
    lunch.order_sheets(ws, month)
    lunch.lunch_fees(ws, month)
    lunch.lunch_deadline_warnings(ws, first, last)
    sched.loads_for(ws, first, last)
    for absence in list_absences(ws, first, last):
        plans = sched.plan_substitutes(ws, absence.alt_code, max(first, absence.start_date),
                                       min(last, absence.end_date))
        for plan in plans[:1]:
            sched.substitute_candidates(ws, plan.visit.visit_id)
    # Generate twice in one transaction that is then rolled back: the check leaves the state alone.
    with ws.db.sessions() as session, session.begin():
        generate(session, ws.branch_id, first, last)
        again = generate(session, ws.branch_id, first, last)
        assert again.changed == 0, f"a second generate of {month} changed {again}"
        session.rollback()


def check_flagged(ws: Workspace, first: dt.date, last: dt.date, conflicts: list[Conflict]) -> None:
    """What a coordinator relies on the check for: every planned visit on a day its school is
    closed, or on a day its ALT is away, is named in the list."""
    kinds: dict[int, set[ConflictKind]] = defaultdict(set)
    for conflict in conflicts:
        for visit_id in conflict.visit_ids:
            kinds[visit_id].add(conflict.kind)
    with ws.db.sessions() as session:
        layers = DayLayers.load(session, ws.branch_id, first, last)
        boards = {school_id: board_id for school_id, board_id in session.execute(select(School.id, School.board_id))}
        away = {(alt_id, start + dt.timedelta(days=n))
                for alt_id, start, end in session.execute(select(Absence.alt_id, Absence.start_date, Absence.end_date)
                                                          .where(Absence.branch_id == ws.branch_id))
                for n in range((end - start).days + 1)}
        for v in session.scalars(select(Visit).where(Visit.branch_id == ws.branch_id, Visit.date.between(first, last),
                                                     Visit.status.in_([s.value for s in ACTIVE]))):
            where = f"visit {v.id} ({v.date}, ALT {v.alt_id}, school {v.school_id})"
            if v.kind != VisitKind.EVENT and not layers.is_school_day(v.date, boards[v.school_id], v.school_id):
                assert kinds[v.id] & {ConflictKind.DAY_OFF, ConflictKind.NEEDS_RESCHEDULE}, \
                    f"{where} is on a day off and the check does not say so"
            if (v.alt_id, v.date) in away:
                assert ConflictKind.ABSENT in kinds[v.id], f"{where}: the ALT is away and the check does not say so"


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def _xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
    finally:
        book.close()


def _read(path: Path) -> str:
    return _pdf_text(path) if path.suffix == ".pdf" else _xlsx_text(path)


def check_reports(ws: Workspace, month: str, out: Path) -> None:
    """Every report of the month in every format, read back; nothing recorded as issued."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    first, last = month_bounds(month)
    known = names(ws)
    active = visits(ws, active_only=True)
    in_month = [v for v in active if first <= v.date <= last]
    school_names = {known.schools[v.school_id][1] for v in in_month}
    alt_names = {known.alts[v.alt_id][1] for v in in_month}
    quiet = {"record_issue": "no"}

    def export(fmt: str, report: str | None, name: str, **kw: object) -> list[Path]:
        request = ExportRequest(fmt, report, out / name, month=kw.pop("month", month), options=dict(quiet),
                                **kw)  # type: ignore[arg-type]
        return run_export(ws, request).files

    for fmt in ("pdf", "xlsx"):
        files = export(fmt, "school-month", f"schools.{fmt}", school="all", combined=True)
        text = "".join(_read(f) for f in files)
        for school in school_names:
            assert school in text, f"{fmt} school-month {month} lacks {school}"
        files = export(fmt, "alt-month", f"alts.{fmt}", alt="all", combined=True)
        text = "".join(_read(f) for f in files)
        for alt in alt_names:
            assert alt in text, f"{fmt} alt-month {month} lacks {alt}"
        files = export(fmt, "branch-month", f"board.{fmt}")
        assert files, f"no {fmt} branch board for {month}"
        _read(files[0])
        files = export(fmt, "lunch-orders", f"orders.{fmt}", school="all", combined=True)
        sheets = lunch.order_sheets(ws, month)
        text = "".join(_read(f) for f in files)
        for sheet in sheets:
            assert sheet.school_name_ja in text, f"{fmt} lunch orders {month} lack {sheet.school_name_ja}"
        files = export(fmt, "lunch-fees", f"fees.{fmt}")
        _read(files[0])
    for fmt in ("csv", "xlsx"):
        files = export(fmt, "visits", f"visits.{fmt}", month=None, date_from=first, date_to=last)
        text = files[0].read_text(encoding="utf-8-sig") if fmt == "csv" else _xlsx_text(files[0])
        for school in {known.schools[v.school_id][0] for v in in_month}:
            assert school in text, f"visits {fmt} {month} lacks {school}"
    files = export("ics", None, "calendars", alt="all")
    days_by_code: dict[str, set[dt.date]] = {}
    for path in files:
        calendar = Calendar.from_ical(path.read_bytes())
        code = path.name.split("_")[1]
        days_by_code[code] = {
            e.decoded("dtstart").date() if isinstance(e.decoded("dtstart"), dt.datetime) else e.decoded("dtstart")
            for e in calendar.walk("VEVENT") if str(e.get("status", "")).upper() != "CANCELLED"
        }
    for v in in_month:
        code = known.alts[v.alt_id][0]
        assert v.date in days_by_code.get(code, set()), f"{code}'s calendar lacks the visit on {v.date}"
    shutil.rmtree(out)


ABSENCE_KINDS = tuple(AbsenceKind)
