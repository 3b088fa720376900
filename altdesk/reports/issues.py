"""Remembering what was issued to each school for a month, and what changed since (変更箇所).

An issue is stored in IssuedReport with the rows as issued. A re-issue compares today's rows
with the last issue's: visits added, moved to another day, cancelled, covered by a substitute
ALT, or changed in time, periods or lunch. Printing again with nothing changed is the same
issue: it keeps its number, date and changes, and nothing new is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk import clock
from altdesk.db.enums import LunchMode
from altdesk.db.models import IssuedReport
from altdesk.labels import LUNCH_MODE_LABELS
from altdesk.reports.month_common import TOKYO, periods_ja, short_date_ja

CHANGE_KINDS = ("added", "moved", "cancelled", "substitute", "changed")
CHANGE_LABELS_JA = {"added": "追加", "moved": "日程変更", "cancelled": "中止", "substitute": "代替ALT",
                    "changed": "内容変更"}


@dataclass(frozen=True)
class Change:
    kind: str  # one of CHANGE_KINDS
    date: dt.date  # the day as it is now (for a cancelled visit: the day it was)
    text_ja: str
    visit_id: int | None = None  # the current visit it concerns (None when cancelled)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date.isoformat(), "text_ja": self.text_ja, "visit": self.visit_id}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        return cls(data["kind"], dt.date.fromisoformat(data["date"]), data["text_ja"], data.get("visit"))


@dataclass(frozen=True)
class IssueInfo:
    number: int = 1
    issued_on: dt.date = field(default_factory=lambda: clock.now(TOKYO).date())
    previous_issued_on: dt.date | None = None
    changes: list[Change] = field(default_factory=list)
    is_new: bool = True  # False: a reprint of the last issue, nothing to record

    @property
    def changed_visits(self) -> set[int]:
        return {c.visit_id for c in self.changes if c.visit_id is not None}


@dataclass(frozen=True)
class IssueDraft:
    """An issue decided before the document is written, recorded once the file exists."""

    subject_id: int
    month: str
    info: IssueInfo
    rows: list[dict[str, Any]]


def last_issues(session: Session, branch_id: int, report: str, month: str,
                subject_ids: Iterable[int] | None = None) -> dict[int, IssuedReport]:
    """The latest issue per subject for this report and month, in one query."""
    query = select(IssuedReport).where(
        IssuedReport.branch_id == branch_id, IssuedReport.report == report, IssuedReport.month == month
    ).order_by(IssuedReport.issued_at, IssuedReport.id)
    wanted = set(subject_ids) if subject_ids is not None else None
    latest: dict[int, IssuedReport] = {}
    for issued in session.scalars(query):
        if wanted is None or issued.subject_id in wanted:
            latest[issued.subject_id] = issued
    return latest


def draft_issue(previous: IssuedReport | None, subject_id: int, month: str, rows: list[dict[str, Any]],
                today: dt.date) -> IssueDraft:
    if previous is None:
        return IssueDraft(subject_id, month, IssueInfo(1, today), rows)
    snapshot = previous.snapshot or {}
    number = int(snapshot.get("number", 1))
    printed = snapshot.get("issued_on")  # the date printed on it, which an option may have set
    issued_on = dt.date.fromisoformat(printed) if printed else _issue_day(previous.issued_at)
    if snapshot.get("rows") == rows:
        before = snapshot.get("previous_issued_on")
        changes = [Change.from_json(c) for c in snapshot.get("changes", [])]
        info = IssueInfo(number, issued_on, dt.date.fromisoformat(before) if before else None, changes, False)
        return IssueDraft(subject_id, month, info, rows)
    changes = diff_rows(snapshot.get("rows", []), rows)
    if not changes:  # same visits under new ids (regenerated): still the same issue
        before = snapshot.get("previous_issued_on")
        old = [Change.from_json(c) for c in snapshot.get("changes", [])]
        info = IssueInfo(number, issued_on, dt.date.fromisoformat(before) if before else None, old, False)
        return IssueDraft(subject_id, month, info, rows)
    return IssueDraft(subject_id, month, IssueInfo(number + 1, today, issued_on, changes), rows)


def record_issues(session: Session, branch_id: int, report: str, actor: str, drafts: Sequence[IssueDraft]) -> int:
    """Store the new issues among drafts (reprints are skipped). Caller commits."""
    now = clock.now(dt.UTC)
    count = 0
    for draft in drafts:
        if not draft.info.is_new:
            continue
        info = draft.info
        session.add(IssuedReport(
            branch_id=branch_id, report=report, subject_id=draft.subject_id, month=draft.month, issued_at=now,
            actor=actor, snapshot={
                "number": info.number, "issued_on": info.issued_on.isoformat(),
                "previous_issued_on": info.previous_issued_on.isoformat() if info.previous_issued_on else None,
                "rows": draft.rows, "changes": [c.to_json() for c in info.changes],
            },
        ))
        count += 1
    return count


def _issue_day(issued_at: dt.datetime) -> dt.date:
    if issued_at.tzinfo is None:  # SQLite gives naive datetimes back: they were stored in UTC
        issued_at = issued_at.replace(tzinfo=dt.UTC)
    return issued_at.astimezone(TOKYO).date()


# --- The diff -----------------------------------------------------------------------------

def diff_rows(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[Change]:
    """What changed between two issues' rows, in date order.

    Rows are matched by visit id, then by placement slot (a regenerated visit has a new id but
    the same slot), then by day and ALT. A new substitute visit covering an issued visit is a
    substitute, not an addition plus a cancellation.
    """
    old_left = list(before)
    new_left = list(after)
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for key in (lambda r: r["visit"], lambda r: r["slot"] or None, lambda r: (r["date"], r["alt"])):
        index: dict[Any, dict[str, Any]] = {}
        for row in old_left:
            k = key(row)
            if k is not None:
                index.setdefault(k, row)
        still_new = []
        for row in new_left:
            k = key(row)
            match = index.pop(k, None) if k is not None else None
            if match is not None and match in old_left:
                pairs.append((match, row))
                old_left.remove(match)
            else:
                still_new.append(row)
        new_left = still_new

    changes: list[Change] = []
    for old, new in pairs:
        changes.extend(_compare(old, new))
    covered = {row["covers"]: row for row in new_left if row.get("covers")}
    for old in old_left:
        cover = covered.pop(old["visit"], None)
        day = dt.date.fromisoformat(old["date"])
        if cover is not None:
            new_left.remove(cover)
            text = f"{short_date_ja(day)} 代替ALT {cover['alt_name']}（{old['alt_name']}の代わり）"
            changes.append(Change("substitute", dt.date.fromisoformat(cover["date"]), text, cover["visit"]))
        else:
            changes.append(Change("cancelled", day, f"{short_date_ja(day)} 訪問中止（{old['alt_name']}）"))
    for new in new_left:
        day = dt.date.fromisoformat(new["date"])
        if new.get("covers"):
            text = f"{short_date_ja(day)} 代替ALT {new['alt_name']}"
            changes.append(Change("substitute", day, text, new["visit"]))
        else:
            text = f"{short_date_ja(day)} 訪問追加（{new['alt_name']} {_hm(new['start'])}〜{_hm(new['end'])}）"
            changes.append(Change("added", day, text, new["visit"]))
    return sorted(changes, key=lambda c: (c.date, CHANGE_KINDS.index(c.kind)))


def _compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    day = dt.date.fromisoformat(new["date"])
    if old["date"] != new["date"]:
        before = dt.date.fromisoformat(old["date"])
        return [Change("moved", day, f"{short_date_ja(before)} → {short_date_ja(day)} 日程変更", new["visit"])]
    details = []
    if old["alt"] != new["alt"]:
        details.append(f"ALT {old['alt_name']} → {new['alt_name']}")
    if (old["start"], old["end"]) != (new["start"], new["end"]):
        details.append(f"時間 {_hm(old['start'])}〜{_hm(old['end'])} → {_hm(new['start'])}〜{_hm(new['end'])}")
    if old["periods"] != new["periods"]:
        details.append(f"校時 {periods_ja(old['periods']) or 'なし'} → {periods_ja(new['periods']) or 'なし'}")
    if old["lunch"] != new["lunch"]:
        details.append(f"昼食 {_lunch(old['lunch'])} → {_lunch(new['lunch'])}")
    if not details:
        return []
    kind = "substitute" if old["alt"] != new["alt"] and new.get("covers") else "changed"
    return [Change(kind, day, f"{short_date_ja(day)} " + "、".join(details), new["visit"])]


def _hm(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours)}:{minutes}"


def _lunch(value: str) -> str:
    try:
        return LUNCH_MODE_LABELS[LunchMode(value)][1]
    except ValueError:
        return value
