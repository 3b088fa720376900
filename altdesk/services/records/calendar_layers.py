"""Day-layer records a coordinator keeps: board breaks and closures, school days off, branch
closures (DayOff), and overrides of the national-holiday layer (HolidayOverride)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from altdesk.calendar.holidays_jp import national_holidays
from altdesk.dates import fiscal_year_bounds
from altdesk.db.engine import transaction
from altdesk.db.enums import DayOffKind
from altdesk.db.models import Board, DayOff, HolidayOverride, School
from altdesk.errors import InvalidInput, NotFound
from altdesk.services.records.common import date_range, load_for_update, text_field, unique_guard
from altdesk.services.workspace import Workspace

BOARD_KINDS = (DayOffKind.BREAK, DayOffKind.CLOSURE)
MAX_DAY_OFF_DAYS = 120  # the longest break (summer) is about 45 days; more is a typo in the year

DAY_OFF_KIND_LABELS: dict[DayOffKind, tuple[str, str]] = {
    DayOffKind.BREAK: ("Break", "長期休業"),
    DayOffKind.CLOSURE: ("School closure day", "学校閉庁日"),
    DayOffKind.SCHOOL_DAY_OFF: ("School day off", "学校休業日"),
    DayOffKind.BRANCH_CLOSURE: ("Branch closure", "支店休業日"),
}


@dataclass(frozen=True)
class DayOffForm:
    id: int | None = None
    version: int | None = None
    kind: DayOffKind = DayOffKind.CLOSURE
    board_id: int | None = None
    school_id: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    name_ja: str = ""
    name_en: str = ""


@dataclass(frozen=True)
class DayOffRow:
    id: int
    version: int
    kind: DayOffKind
    board_id: int | None
    school_id: int | None
    scope_ja: str  # the board's or school's name, empty for a branch closure
    scope_en: str
    start_date: dt.date
    end_date: dt.date
    name_ja: str
    name_en: str

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1


@dataclass(frozen=True)
class HolidayOverrideForm:
    id: int | None = None
    version: int | None = None
    date: dt.date | None = None
    is_holiday: bool = False
    name_ja: str = ""
    name_en: str = ""


@dataclass(frozen=True)
class HolidayRow:
    """One date of the national-holiday layer for a fiscal year, with the branch's override if any."""

    date: dt.date
    national_ja: str  # empty when the date is a holiday only by override
    national_en: str
    provisional: bool
    override_id: int | None
    override_version: int | None
    is_holiday: bool  # in effect, after the override
    name_ja: str  # in effect
    name_en: str


# --- Day offs ------------------------------------------------------------------------------

def validate_day_off(form: DayOffForm, prefix: str = "") -> DayOffForm:
    """`prefix` names the row inside a larger form (e.g. "closures.2.") for highlighting."""
    try:
        kind = DayOffKind(form.kind)
    except ValueError:
        raise InvalidInput("Choose the kind of day off.", "休みの種類を選んでください。",
                           field=f"{prefix}kind") from None
    board_id, school_id = form.board_id, form.school_id
    if kind in BOARD_KINDS and board_id is None:
        raise InvalidInput("Choose the board of education this break or closure belongs to.",
                           "この休業日・閉庁日の教育委員会を選んでください。", field=f"{prefix}board_id")
    if kind == DayOffKind.SCHOOL_DAY_OFF and school_id is None:
        raise InvalidInput("Choose the school this day off belongs to.", "この休業日の学校を選んでください。",
                           field=f"{prefix}school_id")
    # The scope follows the kind (the table's CHECK constraint): drop what does not apply.
    if kind in BOARD_KINDS:
        school_id = None
    elif kind == DayOffKind.SCHOOL_DAY_OFF:
        board_id = None
    else:
        board_id = school_id = None
    start, end = date_range(form.start_date, form.end_date, start_field=f"{prefix}start_date",
                            end_field=f"{prefix}end_date", max_days=MAX_DAY_OFF_DAYS)
    name_ja = text_field(form.name_ja, f"{prefix}name_ja", ("The Japanese name", "名称（日本語）"), max_len=200,
                         required=True)
    name_en = text_field(form.name_en, f"{prefix}name_en", ("The English name", "名称（英語）"), max_len=200)
    return DayOffForm(form.id, form.version, kind, board_id, school_id, start, end, name_ja, name_en)


def day_off_form(row: DayOff) -> DayOffForm:
    return DayOffForm(row.id, row.version, DayOffKind(row.kind), row.board_id, row.school_id, row.start_date,
                      row.end_date, row.name_ja, row.name_en or "")


def day_off_values(form: DayOffForm) -> dict[str, object]:
    return {"kind": form.kind, "board_id": form.board_id, "school_id": form.school_id,
            "start_date": form.start_date, "end_date": form.end_date, "name_ja": form.name_ja,
            "name_en": form.name_en}


def _check_scope(session: Session, branch_id: int, form: DayOffForm, prefix: str = "") -> None:
    if form.board_id is not None:
        owner = session.get(Board, form.board_id)
        if owner is None or owner.branch_id != branch_id:
            raise InvalidInput("That board of education no longer exists.", "その教育委員会はもう存在しません。",
                               field=f"{prefix}board_id")
    if form.school_id is not None:
        school = session.get(School, form.school_id)
        if school is None or school.branch_id != branch_id:
            raise InvalidInput("That school no longer exists.", "その学校はもう存在しません。",
                               field=f"{prefix}school_id")


def write_day_off(session: Session, branch_id: int, form: DayOffForm) -> DayOff:
    """Insert or update one (already validated) day off inside the caller's transaction."""
    if form.id is None:
        row = DayOff(branch_id=branch_id, **day_off_values(form))
        session.add(row)
    else:
        row = load_for_update(session, DayOff, form.id, branch_id, form.version)
        for key, value in day_off_values(form).items():
            if getattr(row, key) != value:
                setattr(row, key, value)
    return row


def load_day_off(ws: Workspace, day_off_id: int) -> DayOffForm:
    with ws.db.sessions() as session:
        row = session.get(DayOff, day_off_id)
        if row is None or row.branch_id != ws.branch_id:
            raise NotFound("This day off no longer exists.", "この休業日はもう存在しません。")
        return day_off_form(row)


def save_day_off(ws: Workspace, form: DayOffForm) -> DayOffForm:
    form = validate_day_off(form)
    with transaction(ws.db.sessions) as session:
        _check_scope(session, ws.branch_id, form)
        row = write_day_off(session, ws.branch_id, form)
        session.flush()
        return day_off_form(row)


def delete_day_off(ws: Workspace, day_off_id: int, version: int) -> DayOffForm:
    with transaction(ws.db.sessions) as session:
        row = load_for_update(session, DayOff, day_off_id, ws.branch_id, version)
        removed = day_off_form(row)
        session.delete(row)
        session.flush()
        return removed


def list_day_offs(ws: Workspace, first: dt.date | None = None, last: dt.date | None = None,
                  kinds: tuple[DayOffKind, ...] | None = None) -> list[DayOffRow]:
    """Day offs touching [first, last] (all when no dates), by start date."""
    query = (
        select(DayOff, Board.name_ja, Board.name_en, School.name_ja, School.name_en)
        .outerjoin(Board, DayOff.board_id == Board.id)
        .outerjoin(School, DayOff.school_id == School.id)
        .where(DayOff.branch_id == ws.branch_id)
    )
    if first is not None and last is not None:
        query = query.where(and_(DayOff.start_date <= last, DayOff.end_date >= first))
    if kinds:
        query = query.where(DayOff.kind.in_(list(kinds)))
    query = query.order_by(DayOff.start_date, DayOff.id)
    with ws.db.sessions() as session:
        return [
            DayOffRow(d.id, d.version, DayOffKind(d.kind), d.board_id, d.school_id,
                      board_ja or school_ja or "", board_en or school_en or board_ja or school_ja or "",
                      d.start_date, d.end_date, d.name_ja, d.name_en or "")
            for d, board_ja, board_en, school_ja, school_en in session.execute(query)
        ]


# --- Holiday overrides ---------------------------------------------------------------------

def validate_holiday_override(form: HolidayOverrideForm) -> HolidayOverrideForm:
    if form.date is None:
        raise InvalidInput("The date is required.", "日付を入力してください。", field="date")
    national = national_holidays(form.date, form.date).get(form.date)
    if not form.is_holiday and national is None:
        raise InvalidInput(
            f"{form.date.isoformat()} is not a national holiday, so there is nothing to turn into a working day.",
            f"{form.date.isoformat()} は祝日ではないため、出勤日にする必要はありません。",
            field="date",
        )
    name_ja = text_field(form.name_ja, "name_ja", ("The Japanese name", "名称（日本語）"), max_len=200,
                         required=form.is_holiday)
    name_en = text_field(form.name_en, "name_en", ("The English name", "名称（英語）"), max_len=200)
    return HolidayOverrideForm(form.id, form.version, form.date, bool(form.is_holiday), name_ja, name_en)


def _override_form(row: HolidayOverride) -> HolidayOverrideForm:
    return HolidayOverrideForm(row.id, row.version, row.date, row.is_holiday, row.name_ja or "", row.name_en or "")


def load_holiday_override(ws: Workspace, override_id: int) -> HolidayOverrideForm:
    with ws.db.sessions() as session:
        row = session.get(HolidayOverride, override_id)
        if row is None or row.branch_id != ws.branch_id:
            raise NotFound("This holiday override no longer exists.", "この祝日の変更はもう存在しません。")
        return _override_form(row)


def save_holiday_override(ws: Workspace, form: HolidayOverrideForm) -> HolidayOverrideForm:
    form = validate_holiday_override(form)
    values = {"date": form.date, "is_holiday": form.is_holiday, "name_ja": form.name_ja, "name_en": form.name_en}
    with unique_guard("date"), transaction(ws.db.sessions) as session:
        clash = session.scalar(select(HolidayOverride.id).where(
            HolidayOverride.branch_id == ws.branch_id, HolidayOverride.date == form.date))
        if clash is not None and clash != form.id:
            raise InvalidInput(
                f"{form.date.isoformat()} already has an override; edit that one instead.",  # type: ignore[union-attr]
                f"{form.date.isoformat()} にはすでに変更があります。そちらを編集してください。",  # type: ignore[union-attr]
                field="date",
            )
        if form.id is None:
            row = HolidayOverride(branch_id=ws.branch_id, **values)
            session.add(row)
        else:
            row = load_for_update(session, HolidayOverride, form.id, ws.branch_id, form.version)
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
        session.flush()
        return _override_form(row)


def delete_holiday_override(ws: Workspace, override_id: int, version: int) -> HolidayOverrideForm:
    with transaction(ws.db.sessions) as session:
        row = load_for_update(session, HolidayOverride, override_id, ws.branch_id, version)
        removed = _override_form(row)
        session.delete(row)
        session.flush()
        return removed


def fiscal_year_holidays(ws: Workspace, fiscal_year: int) -> list[HolidayRow]:
    """National holidays of the fiscal year (April to March) and every override in it, by date."""
    first, last = fiscal_year_bounds(fiscal_year)
    national = national_holidays(first, last)
    with ws.db.sessions() as session:
        overrides = {
            o.date: o for o in session.scalars(select(HolidayOverride).where(
                HolidayOverride.branch_id == ws.branch_id, HolidayOverride.date.between(first, last)))
        }
    rows = []
    for day in sorted(set(national) | set(overrides)):
        holiday, override = national.get(day), overrides.get(day)
        national_ja = holiday.name_ja if holiday else ""
        national_en = holiday.name_en if holiday else ""
        if override is None:
            rows.append(HolidayRow(day, national_ja, national_en, bool(holiday and holiday.provisional), None, None,
                                   True, national_ja, national_en))
            continue
        name_ja = override.name_ja or national_ja
        name_en = override.name_en or national_en or name_ja
        rows.append(HolidayRow(day, national_ja, national_en, bool(holiday and holiday.provisional), override.id,
                               override.version, override.is_holiday, name_ja, name_en))
    return rows


def national_holiday(day: dt.date) -> tuple[str, str] | None:
    """The national holiday's name on `day` (Japanese, English), or None."""
    holiday = national_holidays(day, day).get(day)
    return (holiday.name_ja, holiday.name_en) if holiday else None
