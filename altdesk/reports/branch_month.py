"""The branch's board for a month: every ALT by every day, with the short names of the schools
visited, the ALT's leave, and days and classes totalled per ALT. Built with four queries
whatever the branch's size; the PDF (A3 landscape) and Excel writers both render it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers, ReasonKind
from altdesk.db.enums import AltStatus, VisitKind, VisitStatus
from altdesk.db.models import Absence, Alt, School, Visit
from altdesk.reports.month_common import (
    BranchInfo,
    date_ja,
    load_branch,
    month_ja,
    month_range,
    today_tokyo,
    weekday_ja,
)

REPORT = "branch-month"
SHOWN_STATUSES = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)
ABSENCE_SHORT = {"paid_leave": "有休", "sick": "病欠", "training": "研修", "compensatory": "振休"}
MARKS = {VisitKind.SUBSTITUTE: "代", VisitKind.EVENT: "行"}
LEGEND = ("代：代替ALTとして訪問　行：行事に参加　有休：有給休暇　病欠：病気休暇　研修：研修　振休：振替休日"
          "　網掛けの列：土日・祝日・支店休業日")


@dataclass(frozen=True)
class BoardCell:
    text: str  # short school names (a mark before substitutes and events), or the leave
    visits: int = 0
    classes: int = 0
    absence: bool = False


@dataclass(frozen=True)
class BoardRow:
    alt_id: int
    code: str
    name: str
    kana: str
    cells: dict[dt.date, BoardCell]
    days: int
    classes: int


@dataclass(frozen=True)
class BoardDay:
    date: dt.date
    closed: str = ""  # national holiday or branch closure name
    busy: bool = False  # some ALT visits a school that day

    @property
    def weekday_text(self) -> str:
        return weekday_ja(self.date)

    @property
    def shaded(self) -> bool:
        return self.date.weekday() >= 5 or bool(self.closed)


@dataclass
class BranchMonth:
    first: dt.date
    last: dt.date
    branch: BranchInfo
    era: str
    days: list[BoardDay]
    rows: list[BoardRow]
    issued_on: dt.date = field(default_factory=today_tokyo)

    @property
    def month(self) -> str:
        return f"{self.first:%Y-%m}"

    @property
    def title(self) -> str:
        return f"ALT配置表　{month_ja(self.first, self.era)}"

    @property
    def issue_text(self) -> str:
        return f"作成日 {date_ja(self.issued_on, self.era)}"

    @property
    def day_counts(self) -> dict[dt.date, int]:
        """ALTs visiting a school, per day."""
        counts: dict[dt.date, int] = defaultdict(int)
        for row in self.rows:
            for day, cell in row.cells.items():
                if cell.visits:
                    counts[day] += 1
        return counts

    @property
    def total_days(self) -> int:
        return sum(r.days for r in self.rows)

    @property
    def total_classes(self) -> int:
        return sum(r.classes for r in self.rows)

    @property
    def holiday_notes(self) -> str:
        return "　".join(f"{d.date.month}/{d.date.day} {d.closed}" for d in self.days if d.closed)


def build_branch_month(session: Session, branch_id: int, month: str, era: str | None = None,
                       issued_on: dt.date | None = None) -> BranchMonth:
    first, last = month_range(month)
    branch = load_branch(session, branch_id)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]

    visits: dict[int, dict[dt.date, list[tuple[str, int, VisitKind]]]] = defaultdict(lambda: defaultdict(list))
    for alt_id, day, short, name_ja, classes, kind in session.execute(
        select(Visit.alt_id, Visit.date, School.short_name_ja, School.name_ja, Visit.classes, Visit.kind)
        .join(School, School.id == Visit.school_id)
        .where(Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(SHOWN_STATUSES))
        .order_by(Visit.alt_id, Visit.date, Visit.start_time)
    ):
        visits[alt_id][day].append((short or name_ja, classes, VisitKind(kind)))
    absences: dict[int, dict[dt.date, str]] = defaultdict(dict)
    for alt_id, start, end, kind in session.execute(
        select(Absence.alt_id, Absence.start_date, Absence.end_date, Absence.kind)
        .where(Absence.branch_id == branch_id, Absence.start_date <= last, Absence.end_date >= first)
    ):
        day = max(start, first)
        while day <= min(end, last):
            absences[alt_id].setdefault(day, ABSENCE_SHORT.get(getattr(kind, "value", kind), "休"))
            day += dt.timedelta(days=1)
    alts = session.execute(
        select(Alt.id, Alt.code, Alt.given_name, Alt.family_name, Alt.kana)
        .where(Alt.branch_id == branch_id, or_(Alt.status != AltStatus.LEFT, Alt.id.in_(list(visits))))
        .order_by(Alt.code)
    ).all()
    layers = DayLayers.load(session, branch_id, first, last)

    rows = []
    for alt in alts:
        cells: dict[dt.date, BoardCell] = {}
        for day, found in visits.get(alt.id, {}).items():
            text = "・".join(f"{MARKS.get(kind, '')}{name}" for name, _, kind in found)
            cells[day] = BoardCell(text, len(found), sum(c for _, c, _ in found))
        for day, label in absences.get(alt.id, {}).items():
            if day not in cells and day.weekday() < 5:
                cells[day] = BoardCell(label, absence=True)
        active = [c for c in cells.values() if c.visits]
        rows.append(BoardRow(alt.id, alt.code, f"{alt.given_name} {alt.family_name}".strip(), alt.kana or "",
                             cells, len(active), sum(c.classes for c in active)))
    busy = {day for by_day in visits.values() for day in by_day}
    board_days = []
    for day in days:
        reason = layers.day_label(day)
        closed = reason.name_ja if reason is not None and reason.kind in (
            ReasonKind.HOLIDAY, ReasonKind.BRANCH_CLOSURE) else ""
        board_days.append(BoardDay(day, closed, day in busy))
    return BranchMonth(first, last, branch, era or branch.era, board_days, rows, issued_on or today_tokyo())
