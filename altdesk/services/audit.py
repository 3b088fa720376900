"""Reading the audit log (the Audit page) and recording what row events cannot see:
exports and imports."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.audit import record_event
from altdesk.db.engine import transaction
from altdesk.db.enums import AuditAction
from altdesk.db.models import AuditEntry
from altdesk.services.workspace import Workspace

MAX_ROWS = 5000  # newest first; the page says when there are more


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None  # an AuditAction value
    entity: str | None = None  # a table name: alt, school, visit, database, …
    date_from: dt.date | None = None  # local dates, inclusive
    date_to: dt.date | None = None
    text: str | None = None  # in the summary, the record id or the values before/after
    limit: int = MAX_ROWS


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # local time, aware
    actor: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    changes: tuple[tuple[str, Any, Any], ...] = field(default=())  # (field, before, after)


def _as_local(value: dt.datetime) -> dt.datetime:
    """Stored in UTC; SQLite gives it back without a zone."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone()


def _local_day_start_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[tuple[str, Any, Any], ...]:
    before, after = before or {}, after or {}
    keys = list(dict.fromkeys([*before, *after]))
    return tuple((k, before.get(k), after.get(k)) for k in keys)


def _matches_text(entry: AuditEntry, needle: str) -> bool:
    haystack = " ".join([
        entry.summary or "", entry.actor or "", entry.entity or "", str(entry.entity_id or ""),
        json.dumps(entry.before, ensure_ascii=False) if entry.before else "",
        json.dumps(entry.after, ensure_ascii=False) if entry.after else "",
    ])
    return needle in haystack.casefold()


def query_audit(ws: Workspace, flt: AuditFilter | None = None) -> list[AuditRow]:
    """Entries of this branch (and file-wide ones such as restores), newest first."""
    flt = flt or AuditFilter()
    query = select(AuditEntry).where(
        (AuditEntry.branch_id == ws.branch_id) | AuditEntry.branch_id.is_(None)
    )
    if flt.actor:
        query = query.where(AuditEntry.actor == flt.actor)
    if flt.action:
        query = query.where(AuditEntry.action == AuditAction(flt.action))
    if flt.entity:
        query = query.where(AuditEntry.entity == flt.entity)
    if flt.date_from:
        query = query.where(AuditEntry.at >= _local_day_start_utc(flt.date_from))
    if flt.date_to:
        query = query.where(AuditEntry.at < _local_day_start_utc(flt.date_to + dt.timedelta(days=1)))
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    needle = (flt.text or "").strip().casefold()
    rows: list[AuditRow] = []
    with ws.db.sessions() as session:
        # The text filter also looks inside the JSON values, so it runs here rather than in SQL.
        for entry in session.scalars(query.execution_options(yield_per=1000)):
            if needle and not _matches_text(entry, needle):
                continue
            rows.append(AuditRow(
                id=entry.id, at=_as_local(entry.at), actor=entry.actor, action=AuditAction(entry.action).value,
                entity=entry.entity, entity_id=entry.entity_id, summary=entry.summary or "",
                before=entry.before, after=entry.after, changes=_changes(entry.before, entry.after),
            ))
            if len(rows) >= flt.limit:
                break
    return rows


def audit_choices(ws: Workspace) -> tuple[list[str], list[str]]:
    """The people and the kinds of record that appear in the log, for the filter lists."""
    scope = (AuditEntry.branch_id == ws.branch_id) | AuditEntry.branch_id.is_(None)
    with ws.db.sessions() as session:
        actors = session.scalars(select(AuditEntry.actor).where(scope).distinct().order_by(AuditEntry.actor)).all()
        entities = session.scalars(select(AuditEntry.entity).where(scope).distinct().order_by(AuditEntry.entity)).all()
    return list(actors), list(entities)


def _record(target: Workspace | Session, action: AuditAction, entity: str, summary: str,
            details: dict[str, Any]) -> None:
    if isinstance(target, Session):
        record_event(target, action, entity, summary, after=details)
        return
    with transaction(target.db.sessions) as session:
        record_event(session, action, entity, summary, after=details, branch_id=target.branch_id)


def record_export(target: Workspace | Session, request: Any, result: Any = None) -> None:
    """Record an export: what (format, report, month, subjects) and which files.

    `request` is an ExportRequest and `result` its ExportResult (duck-typed, so this
    module does not depend on the io layer).
    """
    files: Sequence[Path] = list(getattr(result, "files", None) or [getattr(request, "out", "")])
    details = {
        "format": getattr(request, "format", None),
        "report": getattr(request, "report", None),
        "month": getattr(request, "month", None),
        "from": getattr(request, "date_from", None),
        "to": getattr(request, "date_to", None),
        "school": getattr(request, "school", None),
        "alt": getattr(request, "alt", None),
        "files": [str(f) for f in files],
    }
    what = " ".join(str(v) for v in (details["format"], details["report"], details["month"]) if v)
    _record(target, AuditAction.EXPORT, "export", f"exported {what} to {len(files)} file(s)",
            {k: v for k, v in details.items() if v is not None})


def record_import(target: Workspace | Session, source: Path | str, counts: dict[str, int]) -> None:
    """Record an import: the file and how many rows of each kind it brought."""
    listed = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    _record(target, AuditAction.IMPORT, "import", f"imported {Path(source).name}: {listed}",
            {"file": str(source), "counts": dict(counts)})
