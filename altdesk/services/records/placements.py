"""Loading, saving, ending and deleting a placement (ALT ↔ school, a date range, a repeat pattern).

Saving rewrites the placement's generated visits from the change date on, in the same
transaction as the placement itself (one unit of work: the placement and its visits never
disagree). Visits before that date stay as they were: they are the record of what happened.
Visits a coordinator created or edited by hand are never touched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from altdesk import clock
from altdesk.calendar.day_layers import DayLayers
from altdesk.db.engine import transaction
from altdesk.db.enums import AltStatus, LunchMode, SchoolLevel, VisitOrigin, VisitStatus
from altdesk.db.models import Alt, BellPeriod, Placement, School, Visit
from altdesk.errors import InvalidInput, NotFound
from altdesk.scheduling.generate import GenerateResult, absent_days, generate, overlaps, travel_gap
from altdesk.scheduling.recurrence import occurrences
from altdesk.services.records.common import date_range, in_use_message, int_field, load_for_update, text_field
from altdesk.services.records.pattern import Pattern, build_rrule, pattern_of
from altdesk.services.workspace import Workspace

MAX_PLACEMENT_DAYS = 731  # two years; a placement is usually one fiscal year, rolled over each April
PREVIEW_HORIZON_DAYS = 400
_PERIODS = re.compile(r"\d{1,2}(-\d{1,2})?(,\d{1,2}(-\d{1,2})?)*")


@dataclass(frozen=True)
class PlacementForm:
    id: int | None = None
    version: int | None = None
    alt_id: int | None = None
    school_id: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    pattern: Pattern = field(default_factory=Pattern)
    extra_dates: tuple[dt.date, ...] = ()
    removed_dates: tuple[dt.date, ...] = ()
    start_time: dt.time = dt.time(8, 15)
    end_time: dt.time = dt.time(16, 0)
    periods: str = ""  # e.g. "1-4,6"
    classes_per_day: int = 4
    lunch_mode: LunchMode | None = None  # None: derived from the school's policy and the ALT's diet
    note: str = ""
    pinned: bool = False  # kept as it is by the placement planner
    # An edit applies to visits from this day on (None: from today); earlier visits are history.
    apply_from: dt.date | None = None


@dataclass(frozen=True)
class PlacementSaved:
    form: PlacementForm
    generated: GenerateResult


@dataclass(frozen=True)
class PlacementRow:
    id: int
    version: int
    alt_id: int
    alt_code: str
    alt_name: str
    alt_status: AltStatus
    school_id: int
    school_code: str
    school_name_ja: str
    school_name_en: str
    school_level: SchoolLevel
    start_date: dt.date
    end_date: dt.date
    pattern: Pattern
    extra_count: int
    removed_count: int
    start_time: dt.time
    end_time: dt.time
    periods: str
    classes_per_day: int
    lunch_mode: LunchMode | None


@dataclass(frozen=True)
class PreviewReason:
    kind: str  # a calendar ReasonKind value, "absence", "double_booking" or "removed"
    name_ja: str
    name_en: str

    def text(self, lang: str) -> str:
        return self.name_ja if lang == "ja" else self.name_en


@dataclass(frozen=True)
class PreviewDate:
    date: dt.date
    reasons: tuple[PreviewReason, ...]  # why no visit will be made; empty: a visit
    extra: bool = False  # added by hand

    @property
    def will_visit(self) -> bool:
        return not self.reasons


# --- Validation ----------------------------------------------------------------------------

def normalise_periods(text: str) -> str:
    """'1～4, 6' or '１-４,６' → '1-4,6'; InvalidInput (field "periods") when unreadable."""
    raw = unicodedata.normalize("NFKC", text or "")
    raw = re.sub(r"\s+", "", raw.replace("〜", "-").replace("～", "-").replace("~", "-").replace("、", ","))
    raw = re.sub(r"(校時|限)", "", raw)
    if not raw:
        return ""
    bad = InvalidInput("Write periods as 1-4 or 1,3,5 (numbers 1 to 12).",
                       "校時は 1-4 や 1,3,5 のように入力してください（1〜12）。", field="periods")
    if not _PERIODS.fullmatch(raw):
        raise bad
    numbers: set[int] = set()
    for part in raw.split(","):
        low, _, high = part.partition("-")
        first, last = int(low), int(high or low)
        if not 1 <= first <= last <= 12:
            raise bad
        numbers.update(range(first, last + 1))
    ordered = sorted(numbers)
    runs: list[str] = []
    start = prev = ordered[0]
    for n in ordered[1:] + [0]:
        if n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ",".join(runs)


def _dates_in_range(dates: tuple[dt.date, ...], start: dt.date, end: dt.date, field_name: str,
                    label: tuple[str, str]) -> tuple[dt.date, ...]:
    for day in dates:
        if not start <= day <= end:
            raise InvalidInput(
                f"The {label[0]} {day.isoformat()} is outside the placement ({start.isoformat()} to {end.isoformat()}).",
                f"{label[1]} {day.isoformat()} が配置の期間（{start.isoformat()}〜{end.isoformat()}）の外です。",
                field=field_name,
            )
    return tuple(sorted(set(dates)))


def validate_placement(form: PlacementForm) -> tuple[PlacementForm, str]:
    """The cleaned form (start date moved for alternate weeks) and its RRULE."""
    if form.alt_id is None:
        raise InvalidInput("Choose the ALT.", "ALTを選んでください。", field="alt_id")
    if form.school_id is None:
        raise InvalidInput("Choose the school.", "学校を選んでください。", field="school_id")
    start, end = date_range(form.start_date, form.end_date, max_days=MAX_PLACEMENT_DAYS)
    rule, effective_start = build_rrule(form.pattern, start)
    if effective_start > end:
        raise InvalidInput(
            f"Week {form.pattern.week} does not come before the end date {end.isoformat()}.",
            f"終了日 {end.isoformat()} までに{form.pattern.week}週がありません。", field="week",
        )
    if form.end_time <= form.start_time:
        raise InvalidInput("The visit must end after it starts.", "終了時刻は開始時刻より後にしてください。",
                           field="end_time")
    periods = normalise_periods(form.periods)
    classes = int_field(form.classes_per_day, "classes_per_day", ("Classes per day", "1日の授業数"), 0, 12)
    extra = _dates_in_range(form.extra_dates, start, end, "extra_dates", ("added date", "追加日"))
    removed = _dates_in_range(form.removed_dates, start, end, "removed_dates", ("removed date", "除外日"))
    both = set(extra) & set(removed)
    if both:
        day = min(both).isoformat()
        raise InvalidInput(f"{day} is both added and removed.", f"{day} が追加日と除外日の両方にあります。",
                           field="removed_dates")
    if form.lunch_mode is not None:
        try:
            LunchMode(form.lunch_mode)
        except ValueError:
            raise InvalidInput("Unknown lunch mode.", "不明な昼食の区分です。", field="lunch_mode") from None
    note = text_field(form.note, "note", ("The note", "メモ"), max_len=2000)
    if not occurrences(rule, effective_start, end, effective_start, end, [d.isoformat() for d in extra],
                       [d.isoformat() for d in removed]):
        raise InvalidInput(
            f"This pattern gives no dates between {effective_start.isoformat()} and {end.isoformat()}.",
            f"このパターンでは {effective_start.isoformat()}〜{end.isoformat()} に該当する日がありません。",
            field="pattern",
        )
    cleaned = PlacementForm(
        id=form.id, version=form.version, alt_id=form.alt_id, school_id=form.school_id, start_date=effective_start,
        end_date=end, pattern=pattern_of(rule, effective_start), extra_dates=extra, removed_dates=removed,
        start_time=form.start_time, end_time=form.end_time, periods=periods, classes_per_day=classes or 0,
        lunch_mode=LunchMode(form.lunch_mode) if form.lunch_mode is not None else None, note=note,
        apply_from=form.apply_from, pinned=bool(form.pinned),
    )
    return cleaned, rule


def _check_people(session: Session, branch_id: int, form: PlacementForm, own_alt_id: int | None) -> None:
    alt = session.get(Alt, form.alt_id)
    if alt is None or alt.branch_id != branch_id:
        raise InvalidInput("That ALT no longer exists.", "そのALTはもう存在しません。", field="alt_id")
    if AltStatus(alt.status) == AltStatus.LEFT and alt.id != own_alt_id:
        raise InvalidInput(f"{alt.display_name} has left the company and cannot be placed.",
                           f"{alt.display_name} は退職しているため配置できません。", field="alt_id")
    school = session.get(School, form.school_id)
    if school is None or school.branch_id != branch_id:
        raise InvalidInput("That school no longer exists.", "その学校はもう存在しません。", field="school_id")
    if form.periods:
        count = session.scalar(select(func.max(BellPeriod.number)).where(BellPeriod.school_id == school.id))
        highest = max(int(n) for n in re.findall(r"\d+", form.periods))
        if count and highest > count:
            raise InvalidInput(
                f"{school.name_ja} has {count} periods in its bell schedule; there is no period {highest}.",
                f"{school.name_ja}の校時は {count} までです。{highest}校時はありません。",
                field="periods",
            )


# --- Load, save, end, delete ---------------------------------------------------------------

def _form(p: Placement) -> PlacementForm:
    return PlacementForm(
        id=p.id, version=p.version, alt_id=p.alt_id, school_id=p.school_id, start_date=p.start_date,
        end_date=p.end_date, pattern=pattern_of(p.rrule, p.start_date),
        extra_dates=tuple(sorted(dt.date.fromisoformat(d) for d in p.extra_dates or ())),
        removed_dates=tuple(sorted(dt.date.fromisoformat(d) for d in p.removed_dates or ())),
        start_time=p.start_time, end_time=p.end_time, periods=p.periods or "", classes_per_day=p.classes_per_day,
        lunch_mode=LunchMode(p.lunch_mode) if p.lunch_mode else None, note=p.note or "", pinned=bool(p.pinned),
    )


def _values(form: PlacementForm, rule: str) -> dict[str, object]:
    return {
        "alt_id": form.alt_id, "school_id": form.school_id, "start_date": form.start_date,
        "end_date": form.end_date, "rrule": rule, "extra_dates": [d.isoformat() for d in form.extra_dates],
        "removed_dates": [d.isoformat() for d in form.removed_dates], "start_time": form.start_time,
        "end_time": form.end_time, "periods": form.periods, "classes_per_day": form.classes_per_day,
        "lunch_mode": form.lunch_mode, "note": form.note, "pinned": form.pinned,
    }


def load_placement(ws: Workspace, placement_id: int) -> PlacementForm:
    with ws.db.sessions() as session:
        placement = session.get(Placement, placement_id)
        if placement is None or placement.branch_id != ws.branch_id:
            raise NotFound("This placement no longer exists.", "この配置はもう存在しません。")
        return _form(placement)


def _regenerate(session: Session, branch_id: int, placement_id: int, first: dt.date, last: dt.date) -> GenerateResult:
    """The placement's generated visits in [first, last] made to match it (as regenerate_placement does)."""
    if last < first:
        return GenerateResult()
    return generate(session, branch_id, first, last, [placement_id], orm=True)  # one audit row per visit


def save_placement(ws: Workspace, form: PlacementForm, today: dt.date | None = None) -> PlacementSaved:
    """Create or update a placement and bring its generated visits in line, in one transaction.

    A new placement gets visits from its start date. An edit applies from `form.apply_from`
    (default: today), or from the placement's start if that is later.
    """
    form, rule = validate_placement(form)
    today = today or clock.today()
    with transaction(ws.db.sessions) as session:
        if form.id is None:
            _check_people(session, ws.branch_id, form, None)
            placement = Placement(branch_id=ws.branch_id, **_values(form, rule))
            session.add(placement)
            session.flush()
            first, last = form.start_date, form.end_date
        else:
            placement = load_for_update(session, Placement, form.id, ws.branch_id, form.version)
            _check_people(session, ws.branch_id, form, placement.alt_id)
            old_start, old_end = placement.start_date, placement.end_date
            for key, value in _values(form, rule).items():
                if getattr(placement, key) != value:
                    setattr(placement, key, value)
            session.flush()
            first = max(form.apply_from or today, min(old_start, form.start_date))  # type: ignore[type-var]
            last = max(old_end, form.end_date)  # type: ignore[type-var]
        result = _regenerate(session, ws.branch_id, placement.id, first, last)  # type: ignore[arg-type]
        return PlacementSaved(_form(placement), result)


def end_placement(ws: Workspace, placement_id: int, version: int, last_day: dt.date) -> PlacementSaved:
    """End a placement on `last_day`: its generated visits after that day are removed."""
    with transaction(ws.db.sessions) as session:
        placement = load_for_update(session, Placement, placement_id, ws.branch_id, version)
        if last_day < placement.start_date:
            raise InvalidInput(
                f"The placement starts on {placement.start_date.isoformat()}; it cannot end before that.",
                f"この配置は {placement.start_date.isoformat()} に始まるため、それより前には終了できません。",
                field="end_date",
            )
        old_end = placement.end_date
        placement.end_date = last_day
        session.flush()
        result = _regenerate(session, ws.branch_id, placement.id, last_day + dt.timedelta(days=1), old_end)
        return PlacementSaved(_form(placement), result)


def placement_history(ws: Workspace, placement_id: int, today: dt.date | None = None) -> int:
    """How many of its visits are dated before today (they make it history: end it, do not delete it)."""
    today = today or clock.today()
    with ws.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Visit).where(
            Visit.placement_id == placement_id, Visit.date < today)) or 0


def delete_placement(ws: Workspace, placement_id: int, version: int, today: dt.date | None = None) -> PlacementForm:
    """Delete a placement that has no visits before today, with its generated visits.

    Visits a coordinator made by hand stay (they no longer name the placement).
    """
    today = today or clock.today()
    with transaction(ws.db.sessions) as session:
        placement = load_for_update(session, Placement, placement_id, ws.branch_id, version)
        past = session.scalar(select(func.count()).select_from(Visit).where(
            Visit.placement_id == placement_id, Visit.date < today)) or 0
        if past:
            raise in_use_message(
                "This placement", "この配置", {"visits": past},
                {"visits": ("{n} visit(s) before today", "本日より前の訪問 {n} 件")},
                ("End it instead: set its end date, and the visits after it are removed.",
                 "代わりに終了日を設定して終了してください。終了日より後の訪問は削除されます。"),
            )
        removed = _form(placement)
        # Through the Session, visit by visit, so the audit log (and an undo) has each one: the
        # generated visits go, the hand-made ones stay without the placement.
        for visit in session.scalars(select(Visit).where(Visit.placement_id == placement_id)):
            if visit.origin == VisitOrigin.GENERATED:
                session.delete(visit)
            else:
                visit.placement_id = None
        session.flush()
        session.delete(placement)
        session.flush()
        return removed


# --- Reading -------------------------------------------------------------------------------

def list_placements(ws: Workspace) -> list[PlacementRow]:
    # Columns, not entities: the table of a large branch (800 placements) loads in a few ms.
    query = (
        select(Placement.id, Placement.version, Placement.alt_id, Placement.school_id, Placement.start_date,
               Placement.end_date, Placement.rrule, Placement.extra_dates, Placement.removed_dates,
               Placement.start_time, Placement.end_time, Placement.periods, Placement.classes_per_day,
               Placement.lunch_mode, Alt.code, Alt.given_name, Alt.family_name, Alt.status, School.code,
               School.name_ja, School.name_en, School.level)
        .join(Alt, Placement.alt_id == Alt.id)
        .join(School, Placement.school_id == School.id)
        .where(Placement.branch_id == ws.branch_id)
        .order_by(Alt.code, Placement.start_date, School.code)
    )
    with ws.db.sessions() as session:
        rows = session.execute(query).all()
    return [
        PlacementRow(
            id=r[0], version=r[1], alt_id=r[2], alt_code=r[14], alt_name=f"{r[15]} {r[16]}", alt_status=AltStatus(r[17]),
            school_id=r[3], school_code=r[18], school_name_ja=r[19], school_name_en=r[20] or "",
            school_level=SchoolLevel(r[21]), start_date=r[4], end_date=r[5], pattern=pattern_of(r[6], r[4]),
            extra_count=len(r[7] or ()), removed_count=len(r[8] or ()), start_time=r[9], end_time=r[10],
            periods=r[11] or "", classes_per_day=r[12], lunch_mode=LunchMode(r[13]) if r[13] else None,
        )
        for r in rows
    ]


def preview_placement(ws: Workspace, form: PlacementForm, after: dt.date | None = None, count: int = 10,
                      limit: int = 40) -> list[PreviewDate]:
    """The dates the pattern produces from `after` on until `count` visits, each skipped one with why.

    Skipped: weekends, holidays, board breaks and closures, the school's days off, branch
    closures, the ALT's absences, and days the ALT already works elsewhere at that time.
    """
    if form.start_date is None or form.end_date is None or form.end_date < form.start_date:
        return []
    rule, start = build_rrule(form.pattern, form.start_date)
    first = max(after or start, start)
    last = min(form.end_date, first + dt.timedelta(days=PREVIEW_HORIZON_DAYS))
    if last < first:
        return []
    # Removed dates stay in the list, marked, so the editor shows what was taken out.
    days = occurrences(rule, start, form.end_date, first, last, [d.isoformat() for d in form.extra_dates])
    extras, removed = set(form.extra_dates), set(form.removed_dates)
    with ws.db.sessions() as session:
        board_id = None
        school_id = form.school_id
        if school_id is not None:
            school = session.get(School, school_id)
            if school is None or school.branch_id != ws.branch_id:
                school_id = None
            else:
                board_id = school.board_id
        layers = DayLayers.load(session, ws.branch_id, first, last)
        absent: set[tuple[int, dt.date]] = set()
        busy: dict[dt.date, list[tuple[dt.time, dt.time, str, str]]] = {}
        gap = travel_gap(session, ws.branch_id)
        if form.alt_id is not None:
            absent = absent_days(session, ws.branch_id, first, last)
            query = (
                select(Visit.date, Visit.start_time, Visit.end_time, School.name_ja, School.name_en)
                .join(School, Visit.school_id == School.id)
                .where(Visit.alt_id == form.alt_id, Visit.date.between(first, last),
                       Visit.status.not_in([VisitStatus.CANCELLED, VisitStatus.COVERED]))
            )
            if form.id is not None:
                query = query.where((Visit.placement_id.is_(None)) | (Visit.placement_id != form.id))
            for day, s, e, name_ja, name_en in session.execute(query):
                busy.setdefault(day, []).append((s, e, name_ja, name_en or name_ja))
    found: list[PreviewDate] = []
    visits = 0
    for day in days:
        if day in removed:
            found.append(PreviewDate(day, (PreviewReason("removed", "除外日", "Removed date"),)))
            if len(found) >= limit:
                break
            continue
        reasons = [PreviewReason(r.kind.value, r.name_ja, r.name_en) for r in layers.reasons(day, board_id, school_id)]
        if form.alt_id is not None and (form.alt_id, day) in absent:
            reasons.append(PreviewReason("absence", "ALT不在", "ALT absent"))
        for s, e, name_ja, name_en in busy.get(day, ()):
            if overlaps(form.start_time, form.end_time, s, e, gap):
                hours = f"{s.strftime('%H:%M')}–{e.strftime('%H:%M')}"
                reasons.append(PreviewReason("double_booking", f"{name_ja}で勤務（{hours}）", f"At {name_en} ({hours})"))
                break
        found.append(PreviewDate(day, tuple(reasons), day in extras))
        visits += not reasons
        if visits >= count or len(found) >= limit:
            break
    return found
