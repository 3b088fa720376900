"""The audit log, written by Session events so no service has to remember it.

Every ORM create, update and delete becomes one `audit_entry` row in the same
transaction (so a rolled-back change leaves no entry, and a committed one always has
its entry). Bulk statements run through a Session (`session.execute(insert(Visit), rows)`,
`update(...)`, `delete(...)`) are recorded as one summary entry per table and action
per transaction, with the row count. Who: `session.info["actor"]` (set by the session
factory from the workspace), else the OS user.

Values are stored in the database only; this module never logs them, because ALT
records carry diet and health details (要配慮個人情報).
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import getpass
import os
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Date, event, insert, inspect, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker
from sqlalchemy.orm.base import NO_VALUE
from sqlalchemy.orm.session import SessionTransaction

from altdesk.db import journal
from altdesk.db.enums import AuditAction
from altdesk.db.models import AuditEntry, Base

ACTOR = "actor"
BRANCH_ID = "branch_id"
BEFORE_WRITE = "before_write"  # callable run once before the first write of a session
_PENDING_DELETES = "_audit_deleted"
_BULK = "_audit_bulk"

NOT_AUDITED = frozenset({"audit_entry", "issued_report", "alembic_version", "operation"})
# Columns never worth a line of their own: bookkeeping, not what a person changed.
QUIET_COLUMNS = frozenset({"version"})

_audit_table = AuditEntry.__table__


def os_user() -> str:
    """The login name; ALTDESK_ACTOR overrides it (scripts run by head office)."""
    override = os.environ.get("ALTDESK_ACTOR", "").strip()
    if override:
        return override[:100]
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "unknown"


def jsonable(value: Any) -> Any:
    """A column value as JSON: dates and times as ISO strings, enums as their value."""
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return str(value)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _entity(obj: object) -> str:
    return inspect(obj).mapper.local_table.name


def _audited(obj: object) -> bool:
    return isinstance(obj, Base) and _entity(obj) not in NOT_AUDITED


def _label(obj: Any) -> str:
    """A short name of the record for the log: its code, else its date, else its id."""
    for attr in ("code", "date", "start_date", "number"):
        value = getattr(obj, attr, None) if attr in inspect(obj).dict else None
        if value is not None:
            return f"{_entity(obj)} {jsonable(value)}"
    ident = inspect(obj).dict.get("id")
    return f"{_entity(obj)} #{ident}" if ident is not None else _entity(obj)


def _column_values(obj: object, *, load: bool) -> dict[str, Any]:
    """Every column of the record. `load` allows reading unloaded columns (pre-flush only)."""
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in state.dict:
            values[attr.key] = jsonable(state.dict[attr.key])
        elif load:
            values[attr.key] = jsonable(getattr(obj, attr.key))
    return values


def _changes(obj: object) -> tuple[dict[str, Any], dict[str, Any]]:
    """Old and new values of the columns this flush changes."""
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in QUIET_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        if not history.deleted and state.key is not None and state.committed_state.get(attr.key, NO_VALUE) is NO_VALUE:
            # Marked modified (flag_modified) with no value before it: not a change of the value
            # (the version still moves on), and no `before` the journal could put back.
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if jsonable(old) == jsonable(new):
            continue
        before[attr.key] = jsonable(old)
        after[attr.key] = jsonable(new)
    return before, after


def _branch_of(obj: Any, session: Session) -> int | None:
    state_dict = inspect(obj).dict
    if _entity(obj) == "branch":
        return state_dict.get("id")
    branch_id = state_dict.get("branch_id")
    return branch_id if branch_id is not None else session.info.get(BRANCH_ID)


def _entry(
    session: Session,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    summary: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    branch_id: int | None,
    at: dt.datetime,
) -> dict[str, Any]:
    return {
        "branch_id": branch_id if branch_id is not None else session.info.get(BRANCH_ID),
        "at": at,
        "actor": str(session.info.get(ACTOR) or os_user())[:100],
        "action": action,
        "entity": entity[:40],
        "entity_id": entity_id,
        "summary": summary,
        "before": before,
        "after": after,
        "operation_id": None,
    }


def _date_values(obj: object) -> dict[str, Any]:
    """The record's date columns as loaded (what the journal reads the months from)."""
    state = inspect(obj)
    return {attr.key: jsonable(state.dict[attr.key]) for attr in state.mapper.column_attrs
            if attr.key in state.dict and isinstance(attr.columns[0].type, Date)}


def _journal(session: Session, rows: list[dict[str, Any]], objs: list[object | None]) -> None:
    """Name the running operation (altdesk.db.journal) on these audit rows, and tell it of them."""
    if not rows:
        return
    first = rows[0]
    tag = journal.tag_for(session, first["branch_id"], first["actor"], first["at"])
    if tag is None:
        return
    for row, obj in zip(rows, objs, strict=True):
        row["operation_id"] = tag.operation_id
        action = row["action"]
        tag.rows.append(journal.JournalRow(
            action.value if isinstance(action, AuditAction) else str(action), row["entity"], row["entity_id"],
            row["before"], row["after"], _date_values(obj) if obj is not None else {}))


def _run_before_write(session: Session) -> None:
    hook: Callable[[], None] | None = session.info.get(BEFORE_WRITE)
    if hook is not None:
        hook()


def _before_flush(session: Session, _flush: UOWTransaction, _instances: Iterable[object] | None) -> None:
    if session.new or session.deleted or session.dirty:
        _run_before_write(session)
    # A deleted record's values must be read now: after the DELETE they cannot be loaded.
    session.info[_PENDING_DELETES] = {
        id(obj): (obj, _column_values(obj, load=True)) for obj in session.deleted if _audited(obj)
    }


def _deleted(session: Session, flush: UOWTransaction) -> list[object]:
    """Records this flush deletes: those passed to session.delete(), and orphans (a child taken
    out of its parent's list, cascade delete-orphan), which the flush deletes on its own and
    which never appear in session.deleted."""
    found = list(session.deleted)
    seen = {id(obj) for obj in found}
    for state, (is_delete, list_only) in flush.states.items():
        obj = state.obj()
        if is_delete and not list_only and obj is not None and id(obj) not in seen:
            found.append(obj)
            seen.add(id(obj))
    return found


def _after_flush(session: Session, flush: UOWTransaction) -> None:
    at = now_utc()
    rows: list[dict[str, Any]] = []
    objs: list[object | None] = []
    for obj in session.new:
        if _audited(obj):
            values = _column_values(obj, load=False)
            objs.append(obj)
            rows.append(_entry(session, AuditAction.CREATE, _entity(obj), values.get("id"),
                               f"created {_label(obj)}", None, values, _branch_of(obj, session), at))
    for obj in session.dirty:
        if not _audited(obj) or not session.is_modified(obj, include_collections=False):
            continue
        before, after = _changes(obj)
        if not after:
            continue
        objs.append(obj)
        rows.append(_entry(session, AuditAction.UPDATE, _entity(obj), inspect(obj).dict.get("id"),
                           f"changed {_label(obj)}: {', '.join(after)}", before, after,
                           _branch_of(obj, session), at))
    pending: dict[int, tuple[object, dict[str, Any]]] = session.info.pop(_PENDING_DELETES, {})
    for obj in _deleted(session, flush):
        if not _audited(obj):
            continue
        _, values = pending.get(id(obj), (obj, _column_values(obj, load=False)))
        objs.append(None)  # its values are all in the row
        rows.append(_entry(session, AuditAction.DELETE, _entity(obj), values.get("id"),
                           f"deleted {_label(obj)}", values, None, _branch_of(obj, session), at))
    if rows:
        _journal(session, rows, objs)
        session.connection().execute(insert(_audit_table), rows)


def _on_orm_execute(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    entity = getattr(table, "name", None)
    if entity is None or entity in NOT_AUDITED:
        return None
    _run_before_write(state.session)
    result = state.invoke_statement()
    if state.is_insert:
        params = state.parameters
        count = len(params) if isinstance(params, list) else 1
        action = AuditAction.CREATE
    else:
        count = max(getattr(result, "rowcount", 0) or 0, 0)
        action = AuditAction.UPDATE if state.is_update else AuditAction.DELETE
    if count:
        _record_bulk_count(state.session, action, entity, count)
    return result


def _record_bulk_count(session: Session, action: AuditAction, entity: str, count: int) -> None:
    """One entry per table and action per transaction, however many statements it took."""
    bulk: dict[tuple[str, str], tuple[int, int]] = session.info.setdefault(_BULK, {})
    key = (action.value, entity)
    label = session.info.get("audit_context")
    total = count + (bulk[key][1] if key in bulk else 0)
    verb = {"create": "created", "update": "changed", "delete": "deleted"}[action.value]
    summary = f"{verb} {total} {entity} {'row' if total == 1 else 'rows'}" + (f" ({label})" if label else "")
    conn = session.connection()
    if key in bulk:
        conn.execute(
            update(_audit_table).where(_audit_table.c.id == bulk[key][0])
            .values(summary=summary, after={"rows": total})
        )
        bulk[key] = (bulk[key][0], total)
        return
    entry = _entry(session, action, entity, None, summary, None, {"rows": total}, None, now_utc())
    _journal(session, [entry], [None])
    new_id = conn.execute(insert(_audit_table).returning(_audit_table.c.id), [entry]).scalar_one()
    bulk[key] = (new_id, total)


def _end_of_transaction(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_BULK, None)
        session.info.pop(_PENDING_DELETES, None)


def install_audit(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_orm_execute)
    event.listen(factory, "after_transaction_end", _end_of_transaction)
    event.listen(factory, "before_commit", journal.before_commit)
    event.listen(factory, "after_commit", journal.after_commit)
    event.listen(factory, "after_rollback", journal.after_rollback)


def record_event(
    session: Session,
    action: AuditAction,
    entity: str,
    summary: str,
    *,
    entity_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    branch_id: int | None = None,
) -> None:
    """Record something that is not a row change (an export, an import, a restore)."""
    entry = _entry(session, action, entity, entity_id, summary,
                   jsonable(before) if before is not None else None,
                   jsonable(after) if after is not None else None, branch_id, now_utc())
    _journal(session, [entry], [None])
    session.connection().execute(insert(_audit_table), [entry])


def record_bulk(session: Session, action: AuditAction, entity: str, count: int, label: str = "") -> None:
    """For writes that bypass the Session (a raw Connection): one summary entry."""
    if label:
        session.info["audit_context"] = label
    _record_bulk_count(session, action, entity, count)
