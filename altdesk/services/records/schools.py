"""Loading, saving and deleting one school with its bell schedule (校時)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from altdesk.db.engine import transaction
from altdesk.db.enums import DayOffKind, LunchPolicy, SchoolLevel
from altdesk.db.models import BellPeriod, Board, DayOff, Placement, School, SchoolDemand, SchoolEvent, Visit
from altdesk.errors import InvalidInput, NotFound
from altdesk.lunch.notice import parse_rule
from altdesk.services.records.calendar_layers import DayOffForm, day_off_form
from altdesk.services.records.common import (
    InUse,
    assign,
    code_field,
    in_use_message,
    int_field,
    load_for_update,
    location_fields,
    phone_field,
    require_unique_code,
    text_field,
    unique_guard,
)
from altdesk.services.workspace import Workspace

MAX_PERIODS = 12
MAX_LUNCH_PRICE = 2000  # yen per meal; school lunch costs about 250-350
MAX_DEMAND_ROWS = 20
DEMAND_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
MAX_DEMAND_CLASSES = 8


@dataclass(frozen=True)
class BellPeriodForm:
    number: int
    start_time: dt.time
    end_time: dt.time


@dataclass(frozen=True)
class DemandForm:
    """One row of what a school asks for: `days` ALT days per week (period_weeks 1) or per
    fortnight (2), on these weekdays ("MO".."FR"; empty: any), so many classes a day, from a date."""

    days: int = 1
    period_weeks: int = 1
    weekdays: tuple[str, ...] = ()
    classes_per_day: int = 4
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class SchoolForm:
    id: int | None = None
    version: int | None = None
    code: str = ""
    name_ja: str = ""
    name_en: str = ""
    short_name_ja: str = ""
    level: SchoolLevel = SchoolLevel.ELEMENTARY
    board_id: int | None = None
    address: str = ""
    phone: str = ""
    contact_teacher: str = ""
    lunch_policy: LunchPolicy = LunchPolicy.SERVES
    lunch_price_yen: int = 0
    lunch_notice_rule: Mapping[str, Any] | None = None  # None: the board's rule applies
    contracted_days: int | None = None
    periods: tuple[BellPeriodForm, ...] = field(default=())
    # Where the school is (both or neither) and what it asks for (the placement planner's data).
    latitude: float | None = None
    longitude: float | None = None
    demands: tuple[DemandForm, ...] = field(default=())


@dataclass(frozen=True)
class RemovedSchool:
    """A deleted school and the school days off deleted with it, enough to put them back."""

    school: SchoolForm
    days_off: tuple[DayOffForm, ...]


def _t(value: dt.time) -> str:
    return value.strftime("%H:%M")


def validate_bell_schedule(periods: Sequence[BellPeriodForm]) -> tuple[BellPeriodForm, ...]:
    """Periods in the order given: numbered 1-12 without repeats, each ending after it starts,
    each starting no earlier than the one before ends (the numbers and times both increase)."""
    if len(periods) > MAX_PERIODS:
        raise InvalidInput(f"A bell schedule has at most {MAX_PERIODS} periods.",
                           f"校時は最大 {MAX_PERIODS} までです。", field=f"periods.{MAX_PERIODS}.number")
    seen: set[int] = set()
    previous: BellPeriodForm | None = None
    for i, period in enumerate(periods):
        if not 1 <= period.number <= MAX_PERIODS:
            raise InvalidInput(f"Period numbers run from 1 to {MAX_PERIODS}.", f"校時の番号は 1〜{MAX_PERIODS} です。",
                               field=f"periods.{i}.number")
        if period.number in seen:
            raise InvalidInput(f"Period {period.number} appears twice.", f"{period.number}校時が二つあります。",
                               field=f"periods.{i}.number")
        seen.add(period.number)
        if period.end_time <= period.start_time:
            raise InvalidInput(
                f"Period {period.number} must end after it starts ({_t(period.start_time)}–{_t(period.end_time)}).",
                f"{period.number}校時の終了時刻は開始時刻より後にしてください（{_t(period.start_time)}〜{_t(period.end_time)}）。",
                field=f"periods.{i}.end_time",
            )
        if previous is not None:
            if period.number < previous.number:
                raise InvalidInput(
                    f"Period {period.number} comes after period {previous.number}: list the periods in order.",
                    f"{period.number}校時が{previous.number}校時の後にあります。順番に並べてください。",
                    field=f"periods.{i}.number",
                )
            if period.start_time < previous.end_time:
                raise InvalidInput(
                    f"Period {period.number} starts at {_t(period.start_time)}, before period {previous.number} "
                    f"ends ({_t(previous.end_time)}).",
                    f"{period.number}校時の開始（{_t(period.start_time)}）が{previous.number}校時の終了"
                    f"（{_t(previous.end_time)}）より前です。",
                    field=f"periods.{i}.start_time",
                )
        previous = period
    return tuple(periods)


def validate_demand(row: DemandForm, field_prefix: str = "") -> DemandForm:
    """One demand row cleaned, or InvalidInput naming its field (prefixed, e.g. "demands.0.")."""
    def named(name: str) -> str:
        return f"{field_prefix}{name}"

    period = row.period_weeks
    if isinstance(period, bool) or period not in (1, 2):
        raise InvalidInput("Count the days per week (1) or per fortnight (2).",
                           "日数は「毎週」(1) か「隔週」(2) で数えてください。", field=named("period_weeks"))
    weekdays: list[str] = []
    for day in row.weekdays:
        code = str(day).strip().upper()[:2]
        if code not in DEMAND_WEEKDAYS:
            raise InvalidInput(f"{day!r} is not a school weekday (MO, TU, WE, TH, FR).",
                               f"「{day}」は学校の曜日（月〜金: MO, TU, WE, TH, FR）ではありません。",
                               field=named("weekdays"))
        if code not in weekdays:
            weekdays.append(code)
    weekdays.sort(key=DEMAND_WEEKDAYS.index)
    most = min(10, (len(weekdays) or len(DEMAND_WEEKDAYS)) * period)
    unit = ("a week", "週") if period == 1 else ("a fortnight", "2週")
    days = int_field(row.days, named("days"), ("The ALT days", "ALT日数"), 1, 10)
    if days is not None and days > most:
        raise InvalidInput(
            f"{days} ALT days {unit[0]} do not fit: at most {most} on the weekdays chosen.",
            f"{unit[1]}に {days} 日は入りません。選んだ曜日では最大 {most} 日です。",
            field=named("days"),
        )
    classes = int_field(row.classes_per_day, named("classes_per_day"), ("Classes per day", "1日の授業数"),
                        0, MAX_DEMAND_CLASSES)
    if row.start_date is None:
        raise InvalidInput("The demand's start date is required.", "需要の開始日を入力してください。",
                           field=named("start_date"))
    if row.end_date is not None and row.end_date < row.start_date:
        raise InvalidInput(
            f"The end date {row.end_date.isoformat()} is before the start date {row.start_date.isoformat()}.",
            f"終了日 {row.end_date.isoformat()} が開始日 {row.start_date.isoformat()} より前です。",
            field=named("end_date"),
        )
    note = text_field(row.note, named("note"), ("The note", "メモ"), max_len=500)
    return DemandForm(days or 1, period, tuple(weekdays), classes or 0, row.start_date, row.end_date, note)


def validate_demands(rows: Sequence[DemandForm]) -> tuple[DemandForm, ...]:
    if len(rows) > MAX_DEMAND_ROWS:
        raise InvalidInput(f"A school has at most {MAX_DEMAND_ROWS} demand rows.",
                           f"需要は1校につき最大 {MAX_DEMAND_ROWS} 行です。", field=f"demands.{MAX_DEMAND_ROWS}.days")
    return tuple(validate_demand(row, f"demands.{i}.") for i, row in enumerate(rows))


def validate_notice_rule(rule: Mapping[str, Any] | None, field: str = "lunch_notice_rule") -> dict[str, Any] | None:
    if not rule:
        return None
    try:
        parse_rule(rule, "this rule")
    except InvalidInput as exc:
        raise InvalidInput(exc.message_en, exc.message_ja, field=field) from None
    return dict(rule)


def validate_school(form: SchoolForm) -> SchoolForm:
    code = code_field(form.code)
    name_ja = text_field(form.name_ja, "name_ja", ("The Japanese name", "学校名"), max_len=200, required=True)
    name_en = text_field(form.name_en, "name_en", ("The English name", "学校名（英語）"), max_len=200)
    short = text_field(form.short_name_ja, "short_name_ja", ("The short name", "略称"), max_len=40)
    try:
        level = SchoolLevel(form.level)
    except ValueError:
        raise InvalidInput("Choose the school level.", "校種を選んでください。", field="level") from None
    address = text_field(form.address, "address", ("The address", "住所"), max_len=300)
    phone = phone_field(form.phone)
    contact = text_field(form.contact_teacher, "contact_teacher", ("The contact teacher", "担当教員"), max_len=100)
    try:
        policy = LunchPolicy(form.lunch_policy)
    except ValueError:
        raise InvalidInput("Choose the lunch policy.", "給食の提供を選んでください。", field="lunch_policy") from None
    price = int_field(form.lunch_price_yen, "lunch_price_yen", ("The price per meal", "給食費（1食）"),
                      0, MAX_LUNCH_PRICE)
    rule = validate_notice_rule(form.lunch_notice_rule)
    contracted = int_field(form.contracted_days, "contracted_days", ("Contracted days", "契約日数"), 0, 366,
                           optional=True)
    periods = validate_bell_schedule(form.periods)
    latitude, longitude = location_fields(form.latitude, form.longitude)
    demands = validate_demands(form.demands)
    return SchoolForm(form.id, form.version, code, name_ja, name_en, short, level, form.board_id, address, phone,
                      contact, policy, price or 0, rule, contracted, periods, latitude, longitude, demands)


def _demand_form(d: SchoolDemand) -> DemandForm:
    return DemandForm(d.days, d.period_weeks, tuple(d.weekdays or ()), d.classes_per_day, d.start_date,
                      d.end_date, d.note or "")


def _stored_demands(session: Session, school_id: int) -> list[SchoolDemand]:
    return list(session.scalars(select(SchoolDemand).where(SchoolDemand.school_id == school_id)
                                .order_by(SchoolDemand.start_date, SchoolDemand.id)))


def _form(school: School, demands: Sequence[SchoolDemand] = ()) -> SchoolForm:
    return SchoolForm(
        id=school.id, version=school.version, code=school.code, name_ja=school.name_ja, name_en=school.name_en or "",
        short_name_ja=school.short_name_ja or "", level=SchoolLevel(school.level), board_id=school.board_id,
        address=school.address or "", phone=school.phone or "", contact_teacher=school.contact_teacher or "",
        lunch_policy=LunchPolicy(school.lunch_policy), lunch_price_yen=school.lunch_price_yen,
        lunch_notice_rule=dict(school.lunch_notice_rule) if school.lunch_notice_rule else None,
        contracted_days=school.contracted_days,
        periods=tuple(BellPeriodForm(p.number, p.start_time, p.end_time)
                      for p in sorted(school.periods, key=lambda p: p.number)),
        latitude=school.latitude, longitude=school.longitude,
        demands=tuple(_demand_form(d) for d in demands),
    )


def _values(form: SchoolForm) -> dict[str, object]:
    return {
        "code": form.code, "name_ja": form.name_ja, "name_en": form.name_en, "short_name_ja": form.short_name_ja,
        "level": form.level, "board_id": form.board_id, "address": form.address, "phone": form.phone,
        "contact_teacher": form.contact_teacher, "lunch_policy": form.lunch_policy,
        "lunch_price_yen": form.lunch_price_yen,
        "lunch_notice_rule": dict(form.lunch_notice_rule) if form.lunch_notice_rule else None,
        "contracted_days": form.contracted_days, "latitude": form.latitude, "longitude": form.longitude,
    }


def load_school(ws: Workspace, school_id: int) -> SchoolForm:
    with ws.db.sessions() as session:
        school = session.get(School, school_id)
        if school is None or school.branch_id != ws.branch_id:
            raise NotFound("This school no longer exists.", "この学校はもう存在しません。")
        return _form(school, _stored_demands(session, school.id))


def _replace_periods(session: Session, school: School, periods: Sequence[BellPeriodForm]) -> bool:
    """Make the stored bell schedule equal `periods`; True when anything changed."""
    wanted = [(p.number, p.start_time, p.end_time) for p in periods]
    current = [(p.number, p.start_time, p.end_time) for p in sorted(school.periods, key=lambda p: p.number)]
    if wanted == current:
        return False
    school.periods.clear()
    session.flush()  # the old rows go first: (school_id, number) is unique
    for number, start, end in wanted:
        school.periods.append(BellPeriod(number=number, start_time=start, end_time=end))
    return True


def _replace_demands(session: Session, branch_id: int, school_id: int, demands: Sequence[DemandForm]) -> bool:
    """Make the school's demand rows equal `demands` (rows kept when equal); True when anything changed."""
    current = _stored_demands(session, school_id)
    if [_demand_form(d) for d in current] == list(demands):
        return False
    for row in current:  # through the ORM, so the audit log names each one
        session.delete(row)
    session.flush()
    for d in demands:
        session.add(SchoolDemand(branch_id=branch_id, school_id=school_id, days=d.days, period_weeks=d.period_weeks,
                                 weekdays=list(d.weekdays), classes_per_day=d.classes_per_day,
                                 start_date=d.start_date, end_date=d.end_date, note=d.note))
    return True


def save_school(ws: Workspace, form: SchoolForm) -> SchoolForm:
    """Create or update the school and its bell schedule in one transaction."""
    form = validate_school(form)
    with unique_guard(), transaction(ws.db.sessions) as session:
        require_unique_code(session, School, ws.branch_id, form.code, form.id, ("school", "学校"))
        if form.board_id is not None:
            board = session.get(Board, form.board_id)
            if board is None or board.branch_id != ws.branch_id:
                raise InvalidInput("That board of education no longer exists.", "その教育委員会はもう存在しません。",
                                   field="board_id")
        if form.id is None:
            school = School(branch_id=ws.branch_id, **_values(form))
            session.add(school)
            school.periods = [BellPeriod(number=p.number, start_time=p.start_time, end_time=p.end_time)
                              for p in form.periods]
            session.flush()
            _replace_demands(session, ws.branch_id, school.id, form.demands)
        else:
            school = load_for_update(session, School, form.id, ws.branch_id, form.version)
            assign(school, _values(form))
            row_changed = session.is_modified(school, include_collections=False)
            periods_changed = _replace_periods(session, school, form.periods)
            demands_changed = _replace_demands(session, ws.branch_id, school.id, form.demands)
            if (periods_changed or demands_changed) and not row_changed:
                flag_modified(school, "code")  # a bell-schedule or demand edit is an edit of the school: new version
        session.flush()
        session.refresh(school)
        return _form(school, _stored_demands(session, school.id))


def school_dependents(ws: Workspace, school_id: int) -> dict[str, int]:
    with ws.db.sessions() as session:
        return _school_dependents(session, school_id)


def _school_dependents(session: Session, school_id: int) -> dict[str, int]:
    def count(model: Any, *where: Any) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    return {
        "placements": count(Placement, Placement.school_id == school_id),
        "visits": count(Visit, Visit.school_id == school_id),
        "events": count(SchoolEvent, SchoolEvent.school_id == school_id),
    }


_DEPENDENT_LABELS = {
    "placements": ("{n} placement(s)", "配置 {n} 件"),
    "visits": ("{n} visit(s)", "訪問 {n} 件"),
    "events": ("{n} school event(s)", "学校行事 {n} 件"),
}


def _refusal(school: School, counts: dict[str, int]) -> InUse | None:
    if not any(counts.values()):
        return None
    return in_use_message(
        f"The school {school.code} ({school.name_ja})", f"学校 {school.code}（{school.name_ja}）", counts,
        _DEPENDENT_LABELS,
        ("End or delete its placements first; visits already made stay as history.",
         "先に配置を終了または削除してください。実施済みの訪問は履歴として残ります。"),
    )


def school_delete_refusal(ws: Workspace, school_id: int) -> InUse | None:
    """Why the school cannot be deleted (placements, visits, events refer to it), or None."""
    with ws.db.sessions() as session:
        school = session.get(School, school_id)
        if school is None or school.branch_id != ws.branch_id:
            return None
        return _refusal(school, _school_dependents(session, school_id))


def delete_school(ws: Workspace, school_id: int, version: int) -> RemovedSchool:
    """Delete a school no placement, visit or event refers to, with its bell schedule and days off."""
    with transaction(ws.db.sessions) as session:
        school = load_for_update(session, School, school_id, ws.branch_id, version)
        refusal = _refusal(school, _school_dependents(session, school_id))
        if refusal is not None:
            raise refusal
        demands = _stored_demands(session, school_id)
        removed = _form(school, demands)
        for row in demands:
            session.delete(row)
        days_off = session.scalars(select(DayOff).where(
            DayOff.school_id == school_id, DayOff.kind == DayOffKind.SCHOOL_DAY_OFF)).all()
        removed_days = tuple(day_off_form(d) for d in days_off)
        for day in days_off:  # deleted through the ORM so the audit log names each one
            session.delete(day)
        session.flush()  # before the school: the database would cascade them away first
        session.delete(school)
        session.flush()
        return RemovedSchool(removed, removed_days)
