"""The month's visit schedule for a school (訪問予定表), in Japanese: the model the PDF and the
Excel writers both render, so the two always agree.

Built for one school or for all of them with a handful of queries. School-facing: it holds
the ALT's name and lunch mode only; diet details only when the ALT consented, and then only
the diet itself as altdesk.lunch.diet.school_diet_ja writes it (never the free-text notes).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from altdesk.calendar.day_layers import DayLayers
from altdesk.db.enums import LunchMode, VisitKind, VisitStatus
from altdesk.db.models import Alt, School, SchoolEvent, Visit
from altdesk.errors import NotFound
from altdesk.labels import LUNCH_MODE_LABELS
from altdesk.lunch.diet import school_diet_ja
from altdesk.reports.issues import Change, IssueDraft, IssueInfo, draft_issue, last_issues
from altdesk.reports.month_common import (
    BranchInfo,
    choose_era,
    date_ja,
    load_branch,
    month_ja,
    month_range,
    periods_ja,
    time_ja,
    today_tokyo,
    weekday_ja,
    weekdays_of,
)

REPORT = "school-month"
SHOWN_STATUSES = (VisitStatus.PLANNED.value, VisitStatus.CONFIRMED.value)

@dataclass(frozen=True)
class ScheduledAlt:
    """An ALT as a school sees them: the name, and the diet only with consent."""

    alt_id: int
    kana: str
    romaji: str
    diet_ja: str = ""  # the structured diet, empty unless the ALT consented to share it

    @property
    def name_ja(self) -> str:
        return f"{self.kana}（{self.romaji}）" if self.kana else self.romaji


@dataclass(frozen=True)
class VisitRow:
    visit_id: int
    slot: str  # "placement:day" for a generated visit: stays when the visit moves or is remade
    date: dt.date
    alt: ScheduledAlt
    start: dt.time
    end: dt.time
    periods: str
    lunch: LunchMode
    kind: VisitKind
    substitute_for: str = ""  # the ALT a substitute visit covers (katakana)
    substitute_for_visit: int | None = None
    event_ja: str = ""
    note: str = ""
    changed: bool = False  # differs from the last issue

    @property
    def day_text(self) -> str:
        return f"{self.date.month}/{self.date.day}"

    @property
    def weekday_text(self) -> str:
        return weekday_ja(self.date)

    @property
    def time_text(self) -> str:
        return time_ja(self.start, self.end)

    @property
    def periods_text(self) -> str:
        return periods_ja(self.periods)

    @property
    def lunch_text(self) -> str:
        return LUNCH_MODE_LABELS[self.lunch][1]

    @property
    def note_text(self) -> str:
        parts = []
        if self.kind == VisitKind.SUBSTITUTE:
            parts.append(f"代替ALT（{self.substitute_for}の代わり）" if self.substitute_for else "代替ALT")
        if self.event_ja:
            parts.append(self.event_ja)
        if self.note and self.kind != VisitKind.EVENT:
            parts.append(self.note)
        return "　".join(parts)

    def snapshot(self) -> dict[str, object]:
        """What an issue remembers of this row: enough to tell later what changed."""
        return {
            "visit": self.visit_id, "slot": self.slot, "date": self.date.isoformat(), "alt": self.alt.alt_id,
            "alt_name": self.alt.kana or self.alt.romaji, "start": f"{self.start:%H:%M}", "end": f"{self.end:%H:%M}",
            "periods": self.periods, "lunch": self.lunch.value, "kind": self.kind.value,
            "covers": self.substitute_for_visit,
        }


@dataclass(frozen=True)
class DayOffRow:
    """Weekdays without a visit that are holidays or closures, consecutive days merged."""

    first: dt.date
    last: dt.date
    name_ja: str

    @property
    def date(self) -> dt.date:
        return self.first

    @property
    def day_text(self) -> str:
        if self.first == self.last:
            return f"{self.first.month}/{self.first.day}"
        return f"{self.first.month}/{self.first.day}〜{self.last.month}/{self.last.day}"

    @property
    def weekday_text(self) -> str:
        if self.first == self.last:
            return weekday_ja(self.first)
        return f"{weekday_ja(self.first)}〜{weekday_ja(self.last)}"


Entry = VisitRow | DayOffRow


@dataclass
class SchoolMonth:
    school_id: int
    school_code: str
    school_name_ja: str
    contact_teacher: str
    first: dt.date
    last: dt.date
    era: str
    branch: BranchInfo
    alts: list[ScheduledAlt]
    visits: list[VisitRow]
    days_off: list[DayOffRow]
    issue: IssueInfo = field(default_factory=IssueInfo)

    @property
    def month(self) -> str:
        return f"{self.first:%Y-%m}"

    @property
    def title(self) -> str:
        return "ALT訪問予定表"

    @property
    def month_text(self) -> str:
        return f"{month_ja(self.first, self.era)}分"

    @property
    def issue_text(self) -> str:
        return f"発行日 {date_ja(self.issue.issued_on, self.era)}"

    @property
    def edition_text(self) -> str:
        """第2版（前回 5/18 発行）on a re-issue; empty on the first issue."""
        if self.issue.number <= 1:
            return ""
        before = self.issue.previous_issued_on
        since = f"（前回 {date_ja(before, self.era)}発行）" if before else ""
        return f"第{self.issue.number}版{since}"

    @property
    def entries(self) -> list[Entry]:
        """Visits and days off, in date order (a day off sorts before a visit of the same day)."""
        rows: list[Entry] = [*self.days_off, *self.visits]
        return sorted(rows, key=lambda r: (r.date, isinstance(r, VisitRow),
                                           r.start if isinstance(r, VisitRow) else dt.time()))

    @property
    def visit_days(self) -> int:
        return len({v.date for v in self.visits})

    @property
    def lunch_days(self) -> int:
        return sum(1 for v in self.visits if v.lunch == LunchMode.SCHOOL_LUNCH)

    @property
    def summary_text(self) -> str:
        text = f"訪問 {self.visit_days}日"
        if self.lunch_days:
            text += f"（うち給食 {self.lunch_days}食）"
        return text

    @property
    def changes(self) -> list[Change]:
        return self.issue.changes

    def snapshot_rows(self) -> list[dict[str, object]]:
        return [v.snapshot() for v in sorted(self.visits, key=lambda v: (v.date, v.start, v.visit_id))]


def resolve_schools(session: Session, branch_id: int, codes: Sequence[str] | None) -> list[tuple[int, str]]:
    """(id, code) of the schools asked for, in code order; an unknown code is named."""
    query = select(School.id, School.code).where(School.branch_id == branch_id).order_by(School.code)
    if codes is not None:
        query = query.where(School.code.in_(list(codes)))
    found = [(row.id, row.code) for row in session.execute(query)]
    if codes is not None:
        missing = sorted(set(codes) - {code for _, code in found})
        if missing:
            raise NotFound(f"No school with code {', '.join(missing)} in this branch.",
                           f"学校コード {', '.join(missing)} はこの支店にありません。")
    return found


def build_school_months(
    session: Session,
    branch_id: int,
    branch: BranchInfo,
    first: dt.date,
    last: dt.date,
    era: str,
    school_ids: Sequence[int] | None = None,
) -> list[SchoolMonth]:
    """One SchoolMonth per school (all the branch's schools when school_ids is None), without
    issue information (see altdesk.reports.issues.attach_issues)."""
    wanted = set(school_ids) if school_ids is not None else None
    school_query = select(School.id, School.code, School.name_ja, School.contact_teacher, School.board_id).where(
        School.branch_id == branch_id
    ).order_by(School.code)
    schools = [s for s in session.execute(school_query) if wanted is None or s.id in wanted]

    original = aliased(Visit)
    visit_query = (
        select(Visit.id, Visit.school_id, Visit.date, Visit.placement_id, Visit.planned_date, Visit.alt_id,
               Visit.start_time, Visit.end_time, Visit.periods, Visit.lunch_mode, Visit.kind, Visit.note,
               Visit.substitute_for_visit_id, original.alt_id.label("covered_alt_id"),
               SchoolEvent.name_ja.label("event_ja"))
        .outerjoin(original, original.id == Visit.substitute_for_visit_id)
        .outerjoin(SchoolEvent, SchoolEvent.id == Visit.event_id)
        .where(Visit.branch_id == branch_id, Visit.date.between(first, last), Visit.status.in_(SHOWN_STATUSES))
        .order_by(Visit.school_id, Visit.date, Visit.start_time, Visit.id)
    )
    if wanted is not None and len(wanted) <= 500:
        visit_query = visit_query.where(Visit.school_id.in_(list(wanted)))
    visit_rows = [v for v in session.execute(visit_query) if wanted is None or v.school_id in wanted]

    alt_ids = {v.alt_id for v in visit_rows} | {v.covered_alt_id for v in visit_rows if v.covered_alt_id}
    alts = _scheduled_alts(session, branch_id, alt_ids)
    layers = DayLayers.load(session, branch_id, first, last)
    weekdays = weekdays_of(first, last)

    by_school: dict[int, list[VisitRow]] = defaultdict(list)
    for v in visit_rows:
        slot = f"{v.placement_id}:{v.planned_date.isoformat()}" if v.placement_id and v.planned_date else ""
        covered = alts.get(v.covered_alt_id) if v.covered_alt_id else None
        by_school[v.school_id].append(VisitRow(
            visit_id=v.id, slot=slot, date=v.date, alt=alts[v.alt_id], start=v.start_time, end=v.end_time,
            periods=v.periods or "", lunch=LunchMode(v.lunch_mode), kind=VisitKind(v.kind),
            substitute_for=(covered.kana or covered.romaji) if covered else "",
            substitute_for_visit=v.substitute_for_visit_id, event_ja=v.event_ja or "", note=(v.note or "").strip(),
        ))

    reports = []
    for school in schools:
        visits = by_school.get(school.id, [])
        seen: dict[int, ScheduledAlt] = {}
        for row in visits:
            seen.setdefault(row.alt.alt_id, row.alt)
        reports.append(SchoolMonth(
            school_id=school.id, school_code=school.code, school_name_ja=school.name_ja,
            contact_teacher=school.contact_teacher or "", first=first, last=last, era=era, branch=branch,
            alts=list(seen.values()), visits=visits,
            days_off=_days_off(layers, weekdays, {v.date for v in visits}, school.board_id, school.id),
        ))
    return reports


def _scheduled_alts(session: Session, branch_id: int, alt_ids: set[int]) -> dict[int, ScheduledAlt]:
    if not alt_ids:
        return {}
    rows = session.execute(
        select(Alt.id, Alt.kana, Alt.given_name, Alt.family_name, Alt.share_diet_consent, Alt.allergens,
               Alt.other_allergens, Alt.vegetarian, Alt.vegan, Alt.halal, Alt.gluten_free)
        .where(Alt.branch_id == branch_id, Alt.id.in_(sorted(alt_ids)))
    )
    return {
        row.id: ScheduledAlt(row.id, row.kana or "", f"{row.given_name} {row.family_name}".strip(),
                             school_diet_ja(row, row.share_diet_consent))
        for row in rows
    }


def _days_off(
    layers: DayLayers, weekdays: list[dt.date], visit_days: set[dt.date], board_id: int | None, school_id: int
) -> list[DayOffRow]:
    rows: list[DayOffRow] = []
    run: tuple[dt.date, dt.date, str] | None = None
    for day in weekdays:
        reason = None if day in visit_days else layers.day_label(day, board_id, school_id)
        if run is not None and reason is not None and reason.name_ja == run[2]:
            run = (run[0], day, run[2])
            continue
        if run is not None:
            rows.append(DayOffRow(*run))
        run = (day, day, reason.name_ja) if reason is not None else None
    if run is not None:
        rows.append(DayOffRow(*run))
    return rows


def load_school_months(
    session: Session,
    branch_id: int,
    month: str,
    codes: Sequence[str] | None,
    era_option: str | None = None,
    issue_date: dt.date | None = None,
    only_active: bool = True,
) -> tuple[list[SchoolMonth], list[IssueDraft]]:
    """The reports for the schools asked for (codes None: every school with visits this month or
    an earlier issue of it), each with its issue decided against the last one."""
    first, last = month_range(month)
    branch = load_branch(session, branch_id)
    era = choose_era(era_option, branch)
    found = resolve_schools(session, branch_id, codes)
    reports = build_school_months(session, branch_id, branch, first, last, era, [sid for sid, _ in found])
    previous = last_issues(session, branch_id, REPORT, month, None if codes is None else [r.school_id for r in reports])
    if codes is None and only_active:
        reports = [r for r in reports if r.visits or r.school_id in previous]
    today = issue_date or today_tokyo()
    drafts = []
    for report in reports:
        draft = draft_issue(previous.get(report.school_id), report.school_id, month, report.snapshot_rows(), today)
        report.issue = draft.info
        drafts.append(draft)
    return reports, drafts
