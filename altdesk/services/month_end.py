"""Month-end: send next month to every school and ALT at once, and tell later whether a sent
month has changed since.

Three steps, the same for the window's wizard and `altdesk send`:

1. `prepare_send(ws, month)`: what blocks sending (the month's errors, visits of an absent
   ALT with no substitute, diets to review of ALTs who eat at a school that month) and the
   warnings, and what would go out: per school its visit schedule (訪問予定表) and lunch order
   sheet (給食注文票), each new or a re-issue with its 変更箇所, per ALT the English month and
   an .ics calendar.
2. `send_month(ws, month, out)`: writes everything into a temporary folder beside
   `out/<month>`, then moves it into place and, in one transaction, records the issues and
   the month's "sent" record (who, when, what). A fault or a cancel leaves no files and no
   record; a month sent before is replaced as a whole.
3. `sent_state(ws, month)`: was the month sent, and would anything go out differently now
   ("changed since sent")? Exact: it compares what would be issued now with the issue numbers
   and ALT calendars the sent record holds (not the audit log, which also lists edits that
   undo each other). `board_sent_state` gives the same answer for a view read after every
   change: the audit log only tells it when there is nothing to compare.

The sent record is an IssuedReport of report "month-sent" (subject the branch): the issue
tracking the reports already use, so no new table is needed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from altdesk import clock
from altdesk.dates import check_month, month_bounds
from altdesk.db.audit import record_event
from altdesk.db.engine import transaction
from altdesk.db.enums import AuditAction, VisitStatus
from altdesk.db.models import Alt, AuditEntry, Board, IssuedReport, School
from altdesk.errors import UserError
from altdesk.io.exporters._lunch_orders import OrdersJob
from altdesk.io.exporters._month_pack import PackFile, SchoolPages, write_pack_file, write_pack_files
from altdesk.io.ics import AltCalendar, load_calendars
from altdesk.io.pdf.parallel import run_chunks, worker_count
from altdesk.labels import day_label
from altdesk.lunch.month_data import load_month
from altdesk.lunch.notice import JST
from altdesk.lunch.orders import OrderSheet, build_order_sheets, record_order_sheets
from altdesk.reports.alt_month import AltMonth, build_alt_months
from altdesk.reports.issues import IssueDraft, record_issues
from altdesk.reports.month_common import choose_era, load_branch, safe_file_part
from altdesk.reports.school_month import REPORT as SCHOOL_REPORT
from altdesk.reports.school_month import SchoolMonth, load_school_months
from altdesk.scheduling.conflicts import Conflict, ConflictKind, Severity, check_range
from altdesk.services.workspace import Workspace

SENT_REPORT = "month-sent"
SENT_ENTITY = "month_sent"  # the send's audit entry, summary "sent YYYY-MM: …"
ProgressCallback = Callable[[int, int], bool]

# What a blocker is about: the step 1 list groups them so.
ERROR, UNCOVERED, LUNCH_REVIEW, WARNING = "error", "uncovered", "lunch_review", "warning"
CATEGORY_LABELS = {
    ERROR: ("Errors", "エラー"),
    UNCOVERED: ("Uncovered visits", "代替ALT未手配の訪問"),
    LUNCH_REVIEW: ("Lunch to review", "給食の要確認"),
    WARNING: ("Warnings (not blocking)", "警告（送付は可能）"),
}
SUBFOLDERS = ("boards", "schools", "alts")


# --- What the faces read ----------------------------------------------------------------------

@dataclass(frozen=True)
class MonthProblem:
    """A conflict of the month, as step 1 lists it (with what to jump to)."""

    category: str  # ERROR, UNCOVERED, LUNCH_REVIEW or WARNING
    conflict: Conflict
    alt_id: int | None
    school_id: int | None

    @property
    def blocking(self) -> bool:
        return self.category != WARNING

    @property
    def date(self) -> dt.date | None:
        return self.conflict.date

    def message(self, lang: str) -> str:
        return self.conflict.message(lang)

    def as_json(self) -> dict[str, Any]:
        data = {k: v for k, v in self.conflict.as_json().items() if k != "visit_ids"}
        return {"category": self.category, **data}


@dataclass(frozen=True)
class SentRecord:
    sent_at: dt.datetime  # aware, Japan time
    actor: str
    files: int
    forced: bool

    def describe(self, lang: str) -> str:
        when = f"{day_label(self.sent_at.date(), lang)} {self.sent_at:%H:%M}"
        if lang == "ja":
            return f"{when} に {self.actor or '不明'} が送付"
        return f"sent {when} by {self.actor or 'unknown'}"


@dataclass(frozen=True)
class SentState:
    """Whether a month was sent, and whether anything it covers would go out differently now."""

    month: str
    sent: SentRecord | None
    changed: list[tuple[str, str]] = field(default_factory=list)  # ("school"|"orders"|"alt", code)

    @property
    def was_sent(self) -> bool:
        return self.sent is not None

    @property
    def changed_since_sent(self) -> bool:
        return self.sent is not None and bool(self.changed)

    def describe(self, lang: str) -> str:
        if self.sent is None:
            return "この月はまだ送付していません。" if lang == "ja" else "This month has not been sent yet."
        text = self.sent.describe(lang)
        if not self.changed:
            return (f"{text}。送付後の変更はありません。" if lang == "ja"
                    else f"{text[0].upper()}{text[1:]}; nothing changed since.")
        codes = ", ".join(dict.fromkeys(code for _kind, code in self.changed))
        if lang == "ja":
            return f"{text}。送付後に変更があります（{codes}）。"
        return f"{text[0].upper()}{text[1:]}; changed since sent ({codes})."

    def as_json(self) -> dict[str, Any]:
        return {"month": self.month, "sent": self.sent is not None,
                "sent_at": self.sent.sent_at.isoformat() if self.sent else None,
                "sent_by": self.sent.actor if self.sent else None,
                "changed_since_sent": self.changed_since_sent,
                "changed": [{"what": kind, "code": code} for kind, code in self.changed]}


@dataclass(frozen=True)
class SchoolOut:
    """What one school receives: its schedule and order sheet, new or re-issued."""

    school_id: int
    code: str
    name_ja: str
    board: str
    schedule_number: int | None  # None: no schedule this month
    schedule_new: bool
    schedule_changes: tuple[str, ...]
    order_number: int | None  # None: no lunch order sheet this month
    order_new: bool
    order_changes: tuple[str, ...]
    file: str  # relative to the month's folder

    @property
    def reissue(self) -> bool:
        return (self.schedule_number or 0) > 1 or (self.order_number or 0) > 1

    def status(self, lang: str) -> str:
        parts = []
        for number, new, en, ja in ((self.schedule_number, self.schedule_new, "schedule", "予定表"),
                                    (self.order_number, self.order_new, "order sheet", "注文票")):
            if number is None:
                continue
            if lang == "ja":
                state = ("新規" if number == 1 else f"第{number}版（再発行）") if new else f"第{number}版（変更なし）"
                parts.append(f"{ja} {state}")
            else:
                state = ("new" if number == 1 else f"re-issue no. {number}") if new else f"no. {number}, unchanged"
                parts.append(f"{en} {state}")
        return "、".join(parts) if lang == "ja" else "; ".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "name_ja": self.name_ja, "board": self.board, "file": self.file,
                "schedule": None if self.schedule_number is None else {
                    "issue": self.schedule_number, "new_issue": self.schedule_new,
                    "changes": list(self.schedule_changes)},
                "order_sheet": None if self.order_number is None else {
                    "issue": self.order_number, "new_issue": self.order_new, "changes": list(self.order_changes)}}


@dataclass(frozen=True)
class BoardOut:
    code: str
    name_ja: str
    school_codes: tuple[str, ...]  # in school order, as printed
    file: str

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "name_ja": self.name_ja, "schools": list(self.school_codes), "file": self.file}


@dataclass(frozen=True)
class AltOut:
    alt_id: int
    code: str
    name: str
    visits: int
    pdf: str
    ics: str

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "visits": self.visits, "pdf": self.pdf, "ics": self.ics}


@dataclass
class SendPlan:
    """Everything step 1 and step 2 show, and what step 3 writes."""

    month: str
    problems: list[MonthProblem]
    boards: list[BoardOut]
    schools: list[SchoolOut]
    alts: list[AltOut]
    state: SentState
    # What the files are made of (not for the faces).
    _files: list[tuple[str, PackFile]] = field(default_factory=list, repr=False)  # every file, by name
    _jobs: list[tuple[str, PackFile]] = field(default_factory=list, repr=False)  # what writes them
    _drafts: list[IssueDraft] = field(default_factory=list, repr=False)
    _sheets: list[OrderSheet] = field(default_factory=list, repr=False)
    _fingerprints: dict[int, str] = field(default_factory=dict, repr=False)
    _font: str = ""

    @property
    def blockers(self) -> list[MonthProblem]:
        return [p for p in self.problems if p.blocking]

    @property
    def warnings(self) -> list[MonthProblem]:
        return [p for p in self.problems if not p.blocking]

    @property
    def blocked(self) -> bool:
        return bool(self.blockers)

    @property
    def files(self) -> list[str]:
        return [name for name, _item in self._files]

    @property
    def new_issues(self) -> int:
        return sum(d.info.is_new for d in self._drafts) + sum(s.new_issue for s in self._sheets)

    def as_json(self) -> dict[str, Any]:
        return {"month": self.month, "blocked": self.blocked,
                "blockers": [p.as_json() for p in self.blockers],
                "warnings": [p.as_json() for p in self.warnings],
                "boards": [b.as_json() for b in self.boards], "schools": [s.as_json() for s in self.schools],
                "alts": [a.as_json() for a in self.alts], "files": self.files, "new_issues": self.new_issues,
                **{k: v for k, v in self.state.as_json().items() if k != "month"}}


@dataclass(frozen=True)
class SendResult:
    plan: SendPlan
    folder: Path
    files: list[Path]
    recorded: int  # new issues recorded (a re-send with nothing changed records none)
    sent_at: dt.datetime

    def summary(self, lang: str) -> str:
        schools, alts, boards = len(self.plan.schools), len(self.plan.alts), len(self.plan.boards)
        if lang == "ja":
            return (f"{self.plan.month} を送付しました：学校 {schools} 校、ALT {alts} 名、教育委員会別の印刷用 "
                    f"{boards} 件、計 {len(self.files)} 件のファイル（新たな発行 {self.recorded} 件）。"
                    f"保存先：{self.folder}")
        return (f"Sent {self.plan.month}: {schools} school(s), {alts} ALT(s), {boards} board print file(s), "
                f"{len(self.files)} file(s) in all ({self.recorded} new issue(s)). Folder: {self.folder}")


class MonthBlocked(UserError):
    """Something in the month blocks sending it (see prepare_send)."""

    def __init__(self, blockers: Sequence[MonthProblem]) -> None:
        lines_en = "\n".join(f"  - {p.message('en')}" for p in blockers[:20])
        lines_ja = "\n".join(f"  - {p.message('ja')}" for p in blockers[:20])
        more = len(blockers) - 20
        super().__init__(
            f"The month cannot be sent: {len(blockers)} problem(s) to fix first (or send with --force):\n"
            f"{lines_en}" + (f"\n  … and {more} more" if more > 0 else ""),
            f"この月は送付できません。先に直す問題が {len(blockers)} 件あります（--force で強制送付）：\n"
            f"{lines_ja}" + (f"\n  … ほか {more} 件" if more > 0 else ""),
        )
        self.blockers = list(blockers)


class SendCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("Sending was cancelled: no file was written and the month is not marked sent.",
                         "送付を取り消しました。ファイルは書き出しておらず、送付済みにもしていません。")


class SendFailed(UserError):
    """The files could not be written (a folder without write access, a full disk)."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            f"The month could not be written to {folder} ({reason}). Nothing was written and the month is not "
            "marked sent.",
            f"{folder} に書き出せませんでした（{reason}）。ファイルは残っておらず、送付済みにもしていません。",
        )


# --- Step 1 and 2: what blocks, what goes out -------------------------------------------------

def month_problems(session: Session, branch_id: int, month: str) -> list[MonthProblem]:
    """The month's conflicts sorted into what blocks sending and what is only a warning."""
    first, last = month_bounds(month)
    conflicts = check_range(session, branch_id, first, last, contracts=False)
    alt_ids = dict(session.execute(select(Alt.code, Alt.id).where(Alt.branch_id == branch_id)).all())
    school_ids = dict(session.execute(select(School.code, School.id).where(School.branch_id == branch_id))
                      .all())
    problems = []
    for conflict in conflicts:
        if conflict.kind == ConflictKind.ABSENT:
            category = UNCOVERED
        elif conflict.kind == ConflictKind.DIET_TO_REVIEW:
            category = LUNCH_REVIEW
        elif conflict.severity == Severity.ERROR:
            category = ERROR
        else:
            category = WARNING
        problems.append(MonthProblem(category, conflict, alt_ids.get(conflict.alt_code or ""),
                                     school_ids.get(conflict.school_code or "")))
    order = (ERROR, UNCOVERED, LUNCH_REVIEW, WARNING)
    return sorted(problems, key=lambda p: order.index(p.category))


def _fingerprint(calendar: AltCalendar) -> str:
    """What an ALT was told: their visits as the .ics carries them (not the edit counter)."""
    rows = [[v.placement_id, v.planned_date, v.date, v.start, v.end, v.school_en, v.school_ja, v.address,
             v.periods, v.classes, v.lunch, v.status, v.kind, v.event_en, v.note]
            for v in sorted(calendar.visits, key=lambda v: (v.date, v.start, v.visit_id))]
    return hashlib.sha256(json.dumps(rows, default=str, ensure_ascii=False).encode()).hexdigest()[:20]


def _last_sent(session: Session, branch_id: int, month: str) -> IssuedReport | None:
    return session.scalars(
        select(IssuedReport).where(IssuedReport.branch_id == branch_id, IssuedReport.report == SENT_REPORT,
                                   IssuedReport.month == month)
        .order_by(IssuedReport.issued_at.desc(), IssuedReport.id.desc()).limit(1)
    ).first()


def _sent_record(row: IssuedReport) -> SentRecord:
    at = row.issued_at if row.issued_at.tzinfo else row.issued_at.replace(tzinfo=dt.UTC)
    snapshot = row.snapshot or {}
    return SentRecord(at.astimezone(JST), row.actor, len(snapshot.get("files", ())), bool(snapshot.get("forced")))


@dataclass
class _Month:
    """The month's documents as they would be issued now."""

    reports: list[SchoolMonth]
    drafts: list[IssueDraft]
    sheets: list[OrderSheet]
    alt_months: list[AltMonth]
    calendars: dict[int, AltCalendar]
    branch_code: str

    def numbers(self) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
        schools = {str(r.school_id): r.issue.number for r in self.reports}
        orders = {str(s.school_id): s.issue_number for s in self.sheets}
        alts = {str(a.alt_id): _fingerprint(self.calendars[a.alt_id]) for a in self.alt_months
                if a.alt_id in self.calendars}
        return schools, orders, alts


def _load_month(session: Session, branch_id: int, month: str) -> _Month:
    reports, drafts = load_school_months(session, branch_id, month, None)
    data = load_month(session, branch_id, month)
    sheets = build_order_sheets(data, clock.now(JST))
    first, last = month_bounds(month)
    # Every ALT with a visit this month, also one whose visits were all cancelled since (their
    # calendar tells the phone to drop them).
    all_alts = list(session.scalars(select(Alt.id).where(Alt.branch_id == branch_id)))
    branch_code, calendars = load_calendars(session, branch_id, all_alts, first, last)
    with_visits = {c.alt_id for c in calendars if c.visits}
    alt_months = [a for a in build_alt_months(session, branch_id, month, None, only_active=False)
                  if a.alt_id in with_visits]
    return _Month(reports, drafts, sheets, alt_months, {c.alt_id: c for c in calendars if c.visits},
                  branch_code)


def _state(session: Session, branch_id: int, month: str, current: _Month) -> SentState:
    row = _last_sent(session, branch_id, month)
    if row is None:
        return SentState(month, None)
    snapshot = row.snapshot or {}
    schools, orders, alts = current.numbers()
    codes = dict(session.execute(select(School.id, School.code).where(School.branch_id == branch_id))
                 .all())
    alt_codes = dict(session.execute(select(Alt.id, Alt.code).where(Alt.branch_id == branch_id)).all())
    changed: list[tuple[str, str]] = []
    for kind, now, then, names in (("school", schools, snapshot.get("schools", {}), codes),
                                   ("orders", orders, snapshot.get("orders", {}), codes),
                                   ("alt", alts, snapshot.get("alts", {}), alt_codes)):
        for key in sorted(set(now) | set(then), key=lambda k: names.get(int(k), k)):
            if now.get(key) != then.get(key):
                changed.append((kind, str(names.get(int(key), key))))
    return SentState(month, _sent_record(row), changed)


def sent_state(ws: Workspace, month: str) -> SentState:
    """Was the month sent, by whom and when, and has anything it covers changed since?

    For the sidebar and the board: one call per month shown (it builds the month's documents
    in memory, a fraction of a second on a large branch; run it off the UI thread there)."""
    month = check_month(month)
    with ws.db.sessions() as session:
        if _last_sent(session, ws.branch_id, month) is None:
            return SentState(month, None)
        return _state(session, ws.branch_id, month, _load_month(session, ws.branch_id, month))


def _written_since_sent(session: Session, branch_id: int, month: str) -> bool:
    """Was any row written after the month was last sent? The audit log has an entry for every
    row written (the issue records excepted) and one for the send itself, in the send's
    transaction: anything after that one but an export (which changes nothing) is a write.
    Told by the entries' ids, not their times: the send's time is the program's clock (which a
    test may fix), the log's is the computer's. True when the send's entry is not found."""
    sent_entry = session.scalar(
        select(func.max(AuditEntry.id)).where(AuditEntry.entity == SENT_ENTITY, AuditEntry.branch_id == branch_id,
                                              AuditEntry.summary.like(f"sent {month}:%")))
    if sent_entry is None:
        return True
    return session.scalar(
        select(AuditEntry.id).where(AuditEntry.id > sent_entry, AuditEntry.action != AuditAction.EXPORT,
                                    or_(AuditEntry.branch_id == branch_id, AuditEntry.branch_id.is_(None))).limit(1)
    ) is not None


def board_sent_state(ws: Workspace, month: str) -> SentState:
    """`sent_state`, cheap where it can be, for the calendar's board and the sidebar (read after every change).

    A month never sent costs one query, and a month with nothing written since it was sent two
    more (in the audit log): unchanged, with no document built. Only a month written to since (anything in
    the branch) is compared as `sent_state` does, which names what changed."""
    month = check_month(month)
    with ws.db.sessions() as session:
        row = _last_sent(session, ws.branch_id, month)
        if row is None:
            return SentState(month, None)
        if not _written_since_sent(session, ws.branch_id, month):
            return SentState(month, _sent_record(row))
        return _state(session, ws.branch_id, month, _load_month(session, ws.branch_id, month))


def changed_since_sent(ws: Workspace, month: str) -> bool:
    """True when the month was sent and something in it would now go out differently."""
    return sent_state(ws, month).changed_since_sent


def _board_order(session: Session, branch_id: int) -> dict[int, tuple[str, str]]:
    rows = session.execute(select(School.id, Board.code, Board.name_ja)
                           .outerjoin(Board, Board.id == School.board_id).where(School.branch_id == branch_id))
    return {sid: (code or "", name or "") for sid, code, name in rows}


def prepare_send(ws: Workspace, month: str, check: bool = True) -> SendPlan:
    """What blocks sending `month` and what would go out; nothing is written or recorded."""
    month = check_month(month)
    with ws.db.sessions() as session:
        problems = month_problems(session, ws.branch_id, month) if check else []
        current = _load_month(session, ws.branch_id, month)
        state = _state(session, ws.branch_id, month, current)
        boards_of = _board_order(session, ws.branch_id)
        branch = load_branch(session, ws.branch_id)
        names = dict(session.execute(select(School.id, School.name_ja).where(School.branch_id == ws.branch_id))
                     .all())
        codes = dict(session.execute(select(School.id, School.code).where(School.branch_id == ws.branch_id))
                     .all())
    # The diets to review that matter are those of ALTs who eat at a school this month.
    eating = {row.alt_code for sheet in current.sheets for row in sheet.rows if row.item is not None}
    problems = [p for p in problems if p.category != LUNCH_REVIEW or (p.conflict.alt_code in eating)] + [
        MonthProblem(WARNING, p.conflict, p.alt_id, p.school_id) for p in problems
        if p.category == LUNCH_REVIEW and p.conflict.alt_code not in eating]
    orders_job = OrdersJob(current.sheets, branch, choose_era(None, branch))
    schedule_of = {r.school_id: (r, d) for r, d in zip(current.reports, current.drafts, strict=True)}
    sheet_of = {s.school_id: s for s in current.sheets}
    school_ids = sorted(set(schedule_of) | set(sheet_of), key=lambda i: codes[i])

    files: list[tuple[str, PackFile]] = []
    schools: list[SchoolOut] = []
    by_board: dict[tuple[str, str], list[tuple[SchoolPages, str, str]]] = {}
    board_codes: dict[tuple[str, str], list[str]] = {}
    for sid in school_ids:
        report, draft = schedule_of.get(sid, (None, None))
        sheet = sheet_of.get(sid)
        pages = SchoolPages(report, sheet)
        name = f"schools/{month}_{safe_file_part(codes[sid])}_{safe_file_part(names[sid])}.pdf"
        title = f"ALT訪問予定表・給食注文票 {month} {names[sid]}"
        files.append((name, PackFile(title, branch.name, (pages,), orders_job)))
        board = boards_of.get(sid, ("", ""))
        by_board.setdefault(board, []).append((pages, name, title))
        board_codes.setdefault(board, []).append(codes[sid])
        order_changes = ()
        if sheet is not None and sheet.is_reissue:
            order_changes = tuple(
                [f"追加 {line.alt_name} {line.date.month}/{line.date.day}" for line in sheet.changes.added]
                + [f"取消 {line.alt_name} {line.date.month}/{line.date.day}" for line in sheet.changes.cancelled])
        schools.append(SchoolOut(
            sid, codes[sid], names[sid], board[1],
            report.issue.number if report else None, bool(draft and draft.info.is_new),
            tuple(c.text_ja for c in report.changes) if report and report.issue.number > 1 else (),
            sheet.issue_number if sheet else None, bool(sheet and sheet.new_issue), order_changes, name))
    boards = []
    jobs: list[tuple[str, PackFile]] = []
    for (code, board_name), entries in sorted(by_board.items(), key=lambda kv: (kv[0][0] == "", kv[0][0])):
        label = f"{safe_file_part(code)}_{safe_file_part(board_name)}" if code else "no-board"
        name = f"boards/{month}_{label}.pdf"
        item = PackFile(f"ALT訪問予定表・給食注文票 {month} {board_name or '教育委員会なし'}", branch.name,
                        tuple(pages for pages, _n, _t in entries), orders_job,
                        copies=tuple((n, t) for _p, n, t in entries))
        files.insert(len(boards), (name, item))
        # The board's file and its schools' own files are drawn in one pass (a page laid out once);
        # the largest jobs, they start first when written in parallel.
        jobs.append((name, item))
        boards.append(BoardOut(code, board_name, tuple(board_codes[(code, board_name)]), name))

    alts = []
    stamp = clock.now(dt.UTC)
    first, last = month_bounds(month)
    for alt_month in current.alt_months:
        base = f"alts/{month}_{safe_file_part(alt_month.code)}_{safe_file_part(alt_month.name)}"
        pdf = (f"{base}.pdf", PackFile(f"Monthly schedule {month} {alt_month.name}", branch.name_en, alt=alt_month))
        calendar = current.calendars.get(alt_month.alt_id, AltCalendar(alt_month.alt_id, alt_month.code,
                                                                       alt_month.name, []))
        ics = (f"{base}.ics", PackFile(f"{base}.ics", "", calendar=(current.branch_code, calendar, first, last, stamp)))
        files += [pdf, ics]
        jobs += [pdf, ics]
        active = sum(1 for v in calendar.visits if v.status in (VisitStatus.PLANNED, VisitStatus.CONFIRMED))
        alts.append(AltOut(alt_month.alt_id, alt_month.code, alt_month.name, active, f"{base}.pdf", f"{base}.ics"))

    return SendPlan(month, problems, boards, schools, alts, state, files, jobs, current.drafts, current.sheets,
                    {int(k): v for k, v in current.numbers()[2].items()}, branch.pdf_font)


# --- Step 3: write everything, then mark the month sent --------------------------------------

def _never_cancel(_done: int, _total: int) -> bool:
    return True


def folder_for(out: Path, month: str) -> Path:
    """Where a month's files go inside the folder the coordinator picked."""
    return out / f"{check_month(month)}"


def _write_files(plan: SendPlan, staging: Path, progress: ProgressCallback) -> None:
    for sub in SUBFOLDERS:
        (staging / sub).mkdir()
    items = [item for _name, item in plan._jobs]
    paths = [staging / name for name, _item in plan._jobs]
    total = sum(item.files for item in items)  # progress counts files (a board job writes its schools' too)
    pdfs = [i for i, item in enumerate(items) if item.data is None]  # and calendars: built where written
    workers = worker_count(sum(items[i].files for i in pdfs))
    done = 0
    if progress(0, total) is False:
        raise SendCancelled()
    for i, item in enumerate(items):  # the calendars are bytes already
        if item.data is not None:
            write_pack_file(item, paths[i], plan._font)
            done += 1
    if workers > 1:
        finished = 0

        def on_done(indices: list[int]) -> bool:
            nonlocal finished
            finished += sum(items[pdfs[i]].files for i in indices)
            return progress(done + finished, total) is not False

        if not run_chunks(write_pack_files, [items[i] for i in pdfs], [paths[i] for i in pdfs], plan._font,
                          workers, on_done, weights=[items[i].files for i in pdfs]):
            raise SendCancelled()
        return
    for i in pdfs:
        write_pack_file(items[i], paths[i], plan._font)
        done += items[i].files
        if progress(done, total) is False:
            raise SendCancelled()


def send_month(ws: Workspace, month: str, out: Path, progress: ProgressCallback | None = None,
               force: bool = False) -> SendResult:
    """Write every school's, board's and ALT's file of `month` into out/<month>, then record the
    issues and mark the month sent. All or nothing: on a blocker (unless forced), a cancel or a
    fault nothing is written, moved or recorded."""
    tick = progress or _never_cancel
    plan = prepare_send(ws, month)
    if plan.blocked and not force:
        raise MonthBlocked(plan.blockers)
    target = folder_for(out, plan.month)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{plan.month}.sending-", dir=out))
    except OSError as exc:
        raise SendFailed(out, exc.strerror or type(exc).__name__) from exc
    old: Path | None = None
    moved = False
    try:
        try:
            _write_files(plan, staging, tick)
        except OSError as exc:
            raise SendFailed(out, exc.strerror or type(exc).__name__) from exc
        if target.exists():  # a month sent before: replaced as a whole
            old = Path(tempfile.mkdtemp(prefix=f".{plan.month}.replaced-", dir=out))
            os.replace(target, old / "month")
        os.replace(staging, target)
        moved = True
        sent_at = _record(ws, plan, force)
    except BaseException:
        if moved:
            shutil.rmtree(target, ignore_errors=True)
        if old is not None and (old / "month").exists():
            os.replace(old / "month", target)
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    files = [target / name for name in plan.files]
    return SendResult(plan, target, files, plan.new_issues, sent_at)


def _record(ws: Workspace, plan: SendPlan, forced: bool) -> dt.datetime:
    """One transaction: the new issues and the month's sent record, with an audit entry."""
    now = clock.now(dt.UTC)
    with transaction(ws.db.sessions) as session:
        recorded = record_issues(session, ws.branch_id, SCHOOL_REPORT, ws.actor, plan._drafts)
        recorded += record_order_sheets(session, ws.branch_id, ws.actor, plan._sheets)
        # The numbers as issued after this send (a new draft is recorded with its own number).
        schools = {str(d.subject_id): d.info.number for d in plan._drafts}
        orders = {str(s.school_id): s.issue_number for s in plan._sheets}
        session.add(IssuedReport(
            branch_id=ws.branch_id, report=SENT_REPORT, subject_id=ws.branch_id, month=plan.month, issued_at=now,
            actor=ws.actor[:100], snapshot={
                "schools": schools, "orders": orders,
                "alts": {str(k): v for k, v in plan._fingerprints.items()},
                "files": plan.files, "forced": forced, "blockers": len(plan.blockers),
                "new_issues": recorded,
            }))
        session.flush()
        record_event(session, AuditAction.EXPORT, SENT_ENTITY,
                     f"sent {plan.month}: {len(plan.schools)} schools, {len(plan.alts)} ALTs, "
                     f"{len(plan.files)} files" + (" (sent with blockers)" if forced and plan.blocked else ""),
                     after={"month": plan.month, "schools": len(plan.schools), "alts": len(plan.alts),
                            "files": len(plan.files), "new_issues": recorded, "forced": forced},
                     branch_id=ws.branch_id)
    return now.astimezone(JST)
