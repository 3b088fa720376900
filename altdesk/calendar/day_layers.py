"""Why a day is not a working day for a school, in both languages.

`DayLayers.load` reads every layer for a date range once; lookups are then dictionary hits,
so generating a fiscal year for 800 schools stays fast.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from altdesk.calendar.holidays_jp import national_holidays
from altdesk.db.enums import DayOffKind
from altdesk.db.models import DayOff, HolidayOverride, SchoolEvent


class ReasonKind(StrEnum):
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    BREAK = "break"
    CLOSURE = "closure"
    SCHOOL_DAY_OFF = "school_day_off"
    BRANCH_CLOSURE = "branch_closure"
    ABSENCE = "absence"


@dataclass(frozen=True)
class DayReason:
    kind: ReasonKind
    name_ja: str
    name_en: str

    def text(self, lang: str) -> str:
        return self.name_ja if lang == "ja" else self.name_en


WEEKEND_REASONS = {
    5: DayReason(ReasonKind.WEEKEND, "土曜日", "Saturday"),
    6: DayReason(ReasonKind.WEEKEND, "日曜日", "Sunday"),
}


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


@dataclass
class DayLayers:
    first: dt.date
    last: dt.date
    holidays: dict[dt.date, DayReason] = field(default_factory=dict)
    branch: dict[dt.date, DayReason] = field(default_factory=dict)
    boards: dict[int, dict[dt.date, DayReason]] = field(default_factory=lambda: defaultdict(dict))
    schools: dict[int, dict[dt.date, DayReason]] = field(default_factory=lambda: defaultdict(dict))

    @classmethod
    def load(cls, session: Session, branch_id: int, first: dt.date, last: dt.date,
             ignore_event: int | None = None) -> DayLayers:
        """`ignore_event`: leave out that event's day off (the event being edited)."""
        layers = cls(first, last)
        for day, holiday in national_holidays(first, last).items():
            layers.holidays[day] = DayReason(ReasonKind.HOLIDAY, holiday.name_ja, holiday.name_en)
        overrides = session.scalars(
            select(HolidayOverride).where(
                HolidayOverride.branch_id == branch_id,
                HolidayOverride.date.between(first, last),
            )
        )
        for override in overrides:
            if override.is_holiday:
                layers.holidays[override.date] = DayReason(
                    ReasonKind.HOLIDAY, override.name_ja or "祝日", override.name_en or override.name_ja or "Holiday"
                )
            else:
                layers.holidays.pop(override.date, None)
        entries = session.execute(
            select(
                DayOff.kind, DayOff.board_id, DayOff.school_id, DayOff.start_date, DayOff.end_date,
                DayOff.name_ja, DayOff.name_en,
            ).where(
                DayOff.branch_id == branch_id, and_(DayOff.start_date <= last, DayOff.end_date >= first)
            )
        )
        for kind, board_id, school_id, start, end, name_ja, name_en in entries:
            kind = DayOffKind(kind)
            reason = DayReason(ReasonKind(kind.value), name_ja, name_en or name_ja)
            target = (
                layers.boards[board_id] if kind in (DayOffKind.BREAK, DayOffKind.CLOSURE)
                else layers.schools[school_id] if kind == DayOffKind.SCHOOL_DAY_OFF
                else layers.branch
            )
            for day in _days(max(start, first), min(end, last)):
                target.setdefault(day, reason)
        # A school's day off after its weekend event (振替休業日) closes the school for every ALT,
        # not only for those who attended.
        events = session.execute(
            select(SchoolEvent.school_id, SchoolEvent.school_day_off, SchoolEvent.name_ja, SchoolEvent.name_en).where(
                SchoolEvent.branch_id == branch_id, SchoolEvent.school_day_off.between(first, last),
                SchoolEvent.id != (ignore_event if ignore_event is not None else -1),
            )
        )
        for school_id, day, name_ja, name_en in events:
            layers.schools[school_id].setdefault(day, DayReason(
                ReasonKind.SCHOOL_DAY_OFF, f"振替休業日（{name_ja}）", f"School's day off after {name_en or name_ja}"))
        return layers

    def reasons(self, day: dt.date, board_id: int | None, school_id: int | None) -> list[DayReason]:
        """Every reason `day` is not a school working day at this school (empty: it is one)."""
        found = []
        if day.weekday() >= 5:
            found.append(WEEKEND_REASONS[day.weekday()])
        for layer in (
            self.holidays,
            self.branch,
            self.boards.get(board_id, {}) if board_id is not None else {},
            self.schools.get(school_id, {}) if school_id is not None else {},
        ):
            reason = layer.get(day)
            if reason is not None:
                found.append(reason)
        return found

    def is_school_day(self, day: dt.date, board_id: int | None, school_id: int | None) -> bool:
        if day.weekday() >= 5 or day in self.holidays or day in self.branch:
            return False
        if board_id is not None and day in self.boards.get(board_id, ()):
            return False
        return not (school_id is not None and day in self.schools.get(school_id, ()))

    def next_school_day(self, after: dt.date, board_id: int | None, school_id: int | None) -> dt.date:
        day = after + dt.timedelta(days=1)
        for _ in range(60):
            if self.is_school_day(day, board_id, school_id):
                return day
            day += dt.timedelta(days=1)
        return after + dt.timedelta(days=1)

    def day_label(self, day: dt.date, board_id: int | None = None, school_id: int | None = None) -> DayReason | None:
        """The one reason to print on a calendar for this day (holiday first, then closures)."""
        reasons = [r for r in self.reasons(day, board_id, school_id) if r.kind != ReasonKind.WEEKEND]
        return reasons[0] if reasons else None
