"""An ALT's month, in English: a Monday-Friday calendar of visits with school names in English
and Japanese, times, periods and lunch; holidays, closures and the ALT's own leave named;
classes and days totalled. The model the PDF and Excel writers both render."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from altdesk.calendar.day_layers import DayLayers
from altdesk.db.enums import LunchMode, VisitKind, VisitStatus
from altdesk.db.models import Absence, Alt, Placement, School, SchoolEvent, Visit
from altdesk.errors import NotFound
from altdesk.labels import LUNCH_MODE_LABELS
from altdesk.reports.month_common import (
    BranchInfo,
    date_en,
    load_branch,
    month_en,
    month_range,
    periods_en,
    short_date_en,
    time_en,
    today_tokyo,
)

REPORT = "alt-month"
SHOWN_STATUSES = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
ABSENCE_EN = {"paid_leave": "Paid leave", "sick": "Sick leave", "training": "Training",
              "compensatory": "Compensatory day off"}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True)
class AltVisit:
    visit_id: int
    date: dt.date
    school_code: str
    school_en: str
    school_ja: str
    address: str
    start: dt.time
    end: dt.time
    periods: str
    classes: int
    lunch: LunchMode
    kind: VisitKind
    event_en: str = ""
    covering: str = ""  # substitute visit: the ALT covered
    note: str = ""

    @property
    def time_text(self) -> str:
        return time_en(self.start, self.end)

    @property
    def periods_text(self) -> str:
        return periods_en(self.periods)

    @property
    def classes_text(self) -> str:
        return f"{self.classes} class{'es' if self.classes != 1 else ''}" if self.classes else ""

    @property
    def lunch_text(self) -> str:
        return LUNCH_MODE_LABELS[self.lunch][0]

    @property
    def detail_text(self) -> str:
        """08:15–15:45 · P1–4 · 4 classes"""
        return " · ".join(t for t in (self.time_text, self.periods_text, self.classes_text) if t)

    @property
    def note_text(self) -> str:
        parts = []
        if self.kind == VisitKind.SUBSTITUTE:
            parts.append(f"Substitute for {self.covering}" if self.covering else "Substitute")
        if self.event_en:
            parts.append(self.event_en)
        elif self.note:
            parts.append(self.note)
        return "; ".join(parts)


@dataclass(frozen=True)
class AltDay:
    date: dt.date
    in_month: bool
    visits: tuple[AltVisit, ...] = ()
    off_en: str = ""  # holiday or closure that keeps this day free
    absence_en: str = ""  # the ALT's own leave

    @property
    def label(self) -> str:
        return self.absence_en or self.off_en

    @property
    def is_free(self) -> bool:
        return self.in_month and not self.visits and bool(self.label)


@dataclass(frozen=True)
class SchoolTotal:
    school_en: str
    school_ja: str
    days: int
    classes: int


@dataclass
class AltMonth:
    alt_id: int
    code: str
    name: str
    kana: str
    first: dt.date
    last: dt.date
    branch: BranchInfo
    weeks: list[list[AltDay]]
    weekend: list[AltDay]
    issued_on: dt.date = field(default_factory=today_tokyo)

    @property
    def month(self) -> str:
        return f"{self.first:%Y-%m}"

    @property
    def title(self) -> str:
        return "Monthly Schedule"

    @property
    def month_text(self) -> str:
        return month_en(self.first)

    @property
    def alt_text(self) -> str:
        return f"{self.name} ({self.kana})" if self.kana else self.name

    @property
    def issue_text(self) -> str:
        return f"Issued {date_en(self.issued_on)}"

    @property
    def visits(self) -> list[AltVisit]:
        days = [d for week in self.weeks for d in week if d.in_month] + self.weekend
        return sorted((v for d in days for v in d.visits), key=lambda v: (v.date, v.start))

    @property
    def total_days(self) -> int:
        return len({v.date for v in self.visits})

    @property
    def total_classes(self) -> int:
        return sum(v.classes for v in self.visits)

    @property
    def totals_text(self) -> str:
        return f"{self.total_days} day{'s' if self.total_days != 1 else ''}, {self.total_classes} classes"

    @property
    def school_totals(self) -> list[SchoolTotal]:
        days: dict[tuple[str, str, str], set[dt.date]] = defaultdict(set)
        classes: dict[tuple[str, str, str], int] = defaultdict(int)
        for v in self.visits:
            key = (v.school_code, v.school_en, v.school_ja)
            days[key].add(v.date)
            classes[key] += v.classes
        return [SchoolTotal(en, ja, len(days[(code, en, ja)]), classes[(code, en, ja)])
                for code, en, ja in sorted(days, key=lambda k: (-len(days[k]), k[0]))]

    @property
    def weekend_lines(self) -> list[str]:
        lines = []
        for day in self.weekend:
            for v in day.visits:
                what = v.note_text or "Visit"
                lines.append(f"{short_date_en(v.date)}: {what} at {v.school_en} ({v.school_ja}), "
                             f"{v.time_text}, {v.lunch_text.lower()}")
        return lines


def resolve_alts(session: Session, branch_id: int, codes: Sequence[str] | None) -> list[tuple[int, str]]:
    query = select(Alt.id, Alt.code).where(Alt.branch_id == branch_id).order_by(Alt.code)
    if codes is not None:
        query = query.where(Alt.code.in_(list(codes)))
    found = [(row.id, row.code) for row in session.execute(query)]
    if codes is not None:
        missing = sorted(set(codes) - {code for _, code in found})
        if missing:
            raise NotFound(f"No ALT with code {', '.join(missing)} in this branch.",
                           f"ALTコード {', '.join(missing)} はこの支店にありません。")
    return found


def calendar_weeks(first: dt.date) -> list[list[dt.date]]:
    """Monday-Friday of every week that has a weekday in the month."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return [week[:5] for week in weeks if any(d.month == first.month for d in week[:5])]


def build_alt_months(
    session: Session, branch_id: int, month: str, codes: Sequence[str] | None, only_active: bool = True,
    issued_on: dt.date | None = None,
) -> list[AltMonth]:
    first, last = month_range(month)
    branch = load_branch(session, branch_id)
    found = resolve_alts(session, branch_id, codes)
    wanted = {alt_id for alt_id, _ in found}
    alts = session.execute(
        select(Alt.id, Alt.code, Alt.given_name, Alt.family_name, Alt.kana)
        .where(Alt.branch_id == branch_id).order_by(Alt.code)
    ).all()
    alts = [a for a in alts if a.id in wanted]
    weeks = calendar_weeks(first)
    span_first, span_last = min(weeks[0][0], first), max(weeks[-1][-1], last)

    covered = aliased(Visit)
    covered_alt = aliased(Alt)
    visits: dict[int, list[AltVisit]] = defaultdict(list)
    rows = session.execute(
        select(Visit.id, Visit.alt_id, Visit.date, School.code, School.name_en, School.name_ja, School.address,
               Visit.start_time, Visit.end_time, Visit.periods, Visit.classes, Visit.lunch_mode, Visit.kind,
               Visit.note, SchoolEvent.name_en.label("event_en"), SchoolEvent.name_ja.label("event_ja"),
               covered_alt.given_name.label("cov_given"), covered_alt.family_name.label("cov_family"))
        .join(School, School.id == Visit.school_id)
        .outerjoin(SchoolEvent, SchoolEvent.id == Visit.event_id)
        .outerjoin(covered, covered.id == Visit.substitute_for_visit_id)
        .outerjoin(covered_alt, covered_alt.id == covered.alt_id)
        .where(Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(SHOWN_STATUSES))
        .order_by(Visit.alt_id, Visit.date, Visit.start_time)
    )
    for r in rows:
        if r.alt_id not in wanted:
            continue
        covering = f"{r.cov_given} {r.cov_family}" if r.cov_given else ""
        visits[r.alt_id].append(AltVisit(
            r.id, r.date, r.code, r.name_en or r.name_ja, r.name_ja, r.address or "", r.start_time, r.end_time,
            r.periods or "", r.classes, LunchMode(r.lunch_mode), VisitKind(r.kind),
            r.event_en or r.event_ja or "", covering, (r.note or "").strip(),
        ))

    # Visits taken away (cancelled, or covered by a substitute) are named on the ALT's own
    # calendar so the day does not look forgotten.
    dropped: dict[int, dict[dt.date, str]] = defaultdict(dict)
    for alt_id, day, status in session.execute(
        select(Visit.alt_id, Visit.date, Visit.status).where(
            Visit.branch_id == branch_id, Visit.date.between(first, last),
            Visit.status.in_([VisitStatus.CANCELLED.value, VisitStatus.COVERED.value]))
    ):
        covered = getattr(status, "value", status) == VisitStatus.COVERED.value
        dropped[alt_id].setdefault(day, "Covered by a substitute" if covered else "Visit cancelled")
    placed: dict[int, set[tuple[int | None, int]]] = defaultdict(set)
    for alt_id, school_id, board_id in session.execute(
        select(Placement.alt_id, Placement.school_id, School.board_id).join(School, School.id == Placement.school_id)
        .where(Placement.branch_id == branch_id, Placement.start_date <= last, Placement.end_date >= first)
    ):
        placed[alt_id].add((board_id, school_id))
    absences: dict[int, dict[dt.date, str]] = defaultdict(dict)
    for alt_id, start, end, kind in session.execute(
        select(Absence.alt_id, Absence.start_date, Absence.end_date, Absence.kind)
        .where(Absence.branch_id == branch_id, Absence.start_date <= last, Absence.end_date >= first)
    ):
        day = max(start, first)
        while day <= min(end, last):
            absences[alt_id].setdefault(day, ABSENCE_EN.get(getattr(kind, "value", kind), "Leave"))
            day += dt.timedelta(days=1)
    layers = DayLayers.load(session, branch_id, span_first, span_last)

    reports = []
    today = issued_on or today_tokyo()
    for alt in alts:
        by_day: dict[dt.date, list[AltVisit]] = defaultdict(list)
        for v in visits.get(alt.id, []):
            by_day[v.date].append(v)
        if codes is None and only_active and not by_day:
            continue
        places = sorted(placed.get(alt.id, set()), key=lambda p: (p[0] or 0, p[1])) or [(None, None)]

        def day_of(day: dt.date, places=places, by_day=by_day, alt_id=alt.id) -> AltDay:  # type: ignore[no-untyped-def]
            in_month = first <= day <= last
            off = ""
            if in_month and not by_day.get(day):
                for board_id, school_id in places:
                    reason = layers.day_label(day, board_id, school_id)
                    if reason is not None:
                        off = reason.name_en or reason.name_ja
                        break
            absence = absences[alt_id].get(day, "") or dropped[alt_id].get(day, "") if in_month else ""
            if by_day.get(day):
                absence = absences[alt_id].get(day, "")
            return AltDay(day, in_month, tuple(by_day.get(day, ())) if in_month else (), off, absence)

        grid = [[day_of(day) for day in week] for week in weeks]
        weekend = [AltDay(day, True, tuple(vs)) for day, vs in sorted(by_day.items()) if day.weekday() >= 5]
        reports.append(AltMonth(alt.id, alt.code, f"{alt.given_name} {alt.family_name}".strip(), alt.kana or "",
                                first, last, branch, grid, weekend, today))
    return reports


__all__ = ["WEEKDAY_NAMES", "AltDay", "AltMonth", "AltVisit", "build_alt_months", "calendar_weeks"]
