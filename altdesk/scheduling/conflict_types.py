"""What a conflict is: its kind, severity and bilingual message, and the facts of a visit the
rules read. The rules are in altdesk.scheduling.conflicts and, for lunch notice deadlines,
altdesk.scheduling.lunch_deadlines; both build on these types."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from altdesk.db.enums import LunchMode, VisitKind, VisitStatus


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class ConflictKind(StrEnum):
    DOUBLE_BOOKING = "double_booking"
    DAY_OFF = "day_off"
    ABSENT = "absent"
    WEEKLY_OVERLOAD = "weekly_overload"
    OUTSIDE_HOURS = "outside_hours"
    LEVEL_NOT_TAUGHT = "level_not_taught"
    LUNCH_NOT_SERVED = "lunch_not_served"
    LUNCH_DIET = "lunch_diet"
    CONTRACT_DAYS = "contract_days"
    NEEDS_RESCHEDULE = "needs_reschedule"
    LUNCH_DEADLINE = "lunch_deadline"
    DIET_TO_REVIEW = "diet_to_review"


KIND_LABELS: dict[ConflictKind, tuple[str, str]] = {
    ConflictKind.DOUBLE_BOOKING: ("Double booking", "重複"),
    ConflictKind.DAY_OFF: ("Visit on a day off", "休日の訪問"),
    ConflictKind.ABSENT: ("ALT absent", "ALT不在"),
    ConflictKind.WEEKLY_OVERLOAD: ("Too many classes", "授業数超過"),
    ConflictKind.OUTSIDE_HOURS: ("Outside working hours", "勤務時間外"),
    ConflictKind.LEVEL_NOT_TAUGHT: ("Level not taught", "担当外の校種"),
    ConflictKind.LUNCH_NOT_SERVED: ("No school lunch", "給食なし"),
    ConflictKind.LUNCH_DIET: ("Lunch vs diet", "食事制限と給食"),
    ConflictKind.CONTRACT_DAYS: ("Contracted days", "契約日数"),
    ConflictKind.NEEDS_RESCHEDULE: ("Needs rescheduling", "要日程調整"),
    ConflictKind.LUNCH_DEADLINE: ("Lunch notice deadline", "給食連絡期限"),
    ConflictKind.DIET_TO_REVIEW: ("Diet to review", "食事制限の要確認"),
}


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    severity: Severity
    date: dt.date | None
    alt_code: str | None
    school_code: str | None
    message_en: str
    message_ja: str
    visit_ids: tuple[int, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["severity"] = self.severity.value
        data["date"] = self.date.isoformat() if self.date else None
        data["visit_ids"] = list(self.visit_ids)
        return data

    def message(self, lang: str) -> str:
        return self.message_ja if lang == "ja" else self.message_en


class VisitFacts(NamedTuple):
    """The columns the rules need, for stored visits and proposed ones alike (a tuple: a year
    of a large branch is ~57,000 of them)."""

    id: int
    alt_id: int
    school_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    classes: int
    lunch_mode: LunchMode
    status: VisitStatus
    kind: VisitKind
    needs_reschedule: bool
