"""Closed months: an edit to a closed month's visits, absences or school events needs a reason.

Checked by Session events, so no service, command or bulk statement can go round it: every
flush, and every bulk insert, update or delete run through a Session, is looked at for the
dated records it touches (a record's dates before and after the edit; an absence touches every
month of its range). If one falls in a month the branch has closed, the edit goes through only
with a reason (`edit_reason`), and each record it changed is written to `month_correction`
(what, when, who, why) in the same transaction, with a line in the audit log; without a reason
the edit is refused (MonthClosed) and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from altdesk.db.audit import ACTOR, jsonable, now_utc, os_user, record_event
from altdesk.db.enums import AuditAction
from altdesk.db.models import ClosedMonth, EventAttendee, MonthCorrection, SchoolEvent
from altdesk.errors import MonthClosed

_REASON: ContextVar[str | None] = ContextVar("altdesk_closed_month_reason", default=None)
_PENDING = "_closed_month_corrections"
# The dated records of a month, and their date columns (a pair is a range).
DATED: dict[str, tuple[tuple[str, ...], ...]] = {
    "visit": (("date",),),
    "absence": (("start_date", "end_date"),),
    "school_event": (("date",), ("school_day_off",)),
    "event_attendee": (("compensatory_date",),),
}
AUDIT_ENTITY = "closed_month_edit"  # the audit log's line (a note, not a row change to undo)
_correction_table = MonthCorrection.__table__


@contextmanager
def edit_reason(reason: str) -> Iterator[None]:
    """Edits made inside may change closed months; the reason goes with each correction."""
    token = _REASON.set(reason.strip() or None)
    try:
        yield
    finally:
        _REASON.reset(token)


def current_reason() -> str | None:
    return _REASON.get()


def month_of(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _months_between(first: dt.date, last: dt.date) -> set[str]:
    if last < first:
        first, last = last, first
    months, day = set(), first.replace(day=1)
    while day <= last:
        months.add(month_of(day))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def _months_of_values(entity: str, values: dict[str, Any]) -> set[str]:
    months: set[str] = set()
    for columns in DATED[entity]:
        days = [_as_date(values.get(c)) for c in columns]
        if any(d is None for d in days):
            days = [d for d in days if d is not None]
            months.update(month_of(d) for d in days)
        elif len(days) == 2:
            months |= _months_between(days[0], days[1])  # type: ignore[arg-type]
        else:
            months.add(month_of(days[0]))  # type: ignore[arg-type]
    return months


def _object_months(obj: Any) -> set[str]:
    """Months of the record as it is now and as it was loaded."""
    entity = obj.__table__.name
    state = inspect(obj)
    now: dict[str, Any] = {}
    then: dict[str, Any] = {}
    for columns in DATED[entity]:
        for column in columns:
            now[column] = getattr(obj, column, None)
            history = state.attrs[column].history
            then[column] = history.deleted[0] if history.deleted else now[column]
    return _months_of_values(entity, now) | _months_of_values(entity, then)


def _branch_of(session: Session, obj: Any) -> int | None:
    if isinstance(obj, EventAttendee):
        event_row = obj.event if "event" in inspect(obj).dict else session.get(SchoolEvent, obj.event_id)
        return event_row.branch_id if event_row is not None else None
    return getattr(obj, "branch_id", None)


def _closed(session: Session) -> dict[int, set[str]]:
    closed: dict[int, set[str]] = {}
    for branch_id, month in session.execute(select(ClosedMonth.branch_id, ClosedMonth.month)):
        closed.setdefault(branch_id, set()).add(month)
    return closed


def _refuse_or_note(months: list[str]) -> str:
    reason = _REASON.get()
    if not reason:
        raise MonthClosed(sorted(set(months)))
    return reason


def _describe(obj: Any, action: str) -> str:
    entity = obj.__table__.name
    state = inspect(obj)
    if action != "update":
        keys = [c for group in DATED[entity] for c in group]
        values = ", ".join(f"{k} {jsonable(getattr(obj, k, None))}" for k in keys)
        return f"{action}d {entity} ({values})" if action != "delete" else f"deleted {entity} ({values})"
    changes = []
    for attr in state.mapper.column_attrs:
        if attr.key == "version":
            continue
        history = state.attrs[attr.key].history
        if history.added or history.deleted:
            old = jsonable(history.deleted[0]) if history.deleted else None
            new = jsonable(history.added[0]) if history.added else None
            if old != new:
                changes.append(f"{attr.key} {old} → {new}")
    return f"changed {entity}: " + "; ".join(changes)


def _before_flush(session: Session, _flush: UOWTransaction, _instances: Iterable[object] | None) -> None:
    touched: list[tuple[Any, str]] = []
    for objs, action in ((session.new, "create"), (session.dirty, "update"), (session.deleted, "delete")):
        for obj in objs:
            table = getattr(obj, "__table__", None)
            if table is None or table.name not in DATED:
                continue
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            touched.append((obj, action))
    if not touched:
        return
    closed = _closed(session)
    if not closed:  # the usual case: nothing more to read
        return
    pending: list[dict[str, Any]] = session.info.setdefault(_PENDING, [])
    for obj, action in touched:
        branch_id = _branch_of(session, obj)
        if branch_id is None or branch_id not in closed:
            continue
        hit = sorted(_object_months(obj) & closed[branch_id])
        if not hit:
            continue
        reason = _refuse_or_note(hit)
        for month in hit:
            pending.append({"obj": obj, "branch_id": branch_id, "month": month, "summary": _describe(obj, action),
                            "reason": reason, "entity": obj.__table__.name,
                            "entity_id": inspect(obj).dict.get("id")})


def _write(session: Session, rows: list[dict[str, Any]]) -> None:
    actor = session.info.get(ACTOR) or os_user()
    at = now_utc()
    conn = session.connection()
    for row in rows:
        obj = row.pop("obj", None)
        if row["entity_id"] is None and obj is not None:
            row["entity_id"] = inspect(obj).dict.get("id")
        values = {**row, "at": at, "actor": actor}
        new_id = conn.execute(insert(_correction_table).returning(_correction_table.c.id), [values]).scalar_one()
        record_event(session, AuditAction.UPDATE, AUDIT_ENTITY,
                     f"correction to closed month {row['month']}: {row['summary']} — reason: {row['reason']}",
                     entity_id=new_id, after={"month": row["month"], "entity": row["entity"],
                                              "entity_id": row["entity_id"], "reason": row["reason"]},
                     branch_id=row["branch_id"])


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    rows = session.info.pop(_PENDING, None)
    if rows:
        _write(session, rows)


def _bulk_months(state: ORMExecuteState, entity: str) -> list[tuple[int | None, set[str], int | None]]:
    """(branch, months, id) of the rows a bulk statement inserts, or updates or deletes."""
    table = state.statement.table  # type: ignore[attr-defined]
    found: list[tuple[int | None, set[str], int | None]] = []
    if state.is_insert:
        params = state.parameters
        for values in params if isinstance(params, list) else [params or {}]:
            found.append((values.get("branch_id"), _months_of_values(entity, values), values.get("id")))
        return found
    columns = [c for group in DATED[entity] for c in group]
    branch = table.c.branch_id if "branch_id" in table.c else None
    where = state.statement.whereclause  # type: ignore[attr-defined]
    query = select(*(table.c[c] for c in columns), table.c.id,
                   branch if branch is not None else table.c.id.label("no_branch"))
    if entity == "event_attendee":
        event_table = SchoolEvent.__table__
        query = select(*(table.c[c] for c in columns), table.c.id, event_table.c.branch_id).join(
            event_table, event_table.c.id == table.c.event_id)
    if where is not None:
        query = query.where(where)
    for row in state.session.connection().execute(query):
        values = dict(zip(columns, row[:len(columns)], strict=True))
        found.append((row[-1] if branch is not None or entity == "event_attendee" else None,
                      _months_of_values(entity, values), row[len(columns)]))
    if state.is_update:
        new_values = {getattr(k, "key", k): v for k, v in
                      (state.statement._values or {}).items()}  # type: ignore[attr-defined]
        if any(c in new_values for c in columns):
            plain = {c: getattr(new_values[c], "value", new_values[c]) for c in columns if c in new_values}
            extra = _months_of_values(entity, {**dict.fromkeys(columns), **plain})
            found = [(b, m | extra, i) for b, m, i in found]
    return found


def _on_orm_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    entity = getattr(table, "name", None)
    if entity not in DATED:
        return
    closed = _closed(state.session)
    if not closed:
        return
    pending: list[dict[str, Any]] = []
    for branch_id, months, row_id in _bulk_months(state, entity):
        hit = sorted(months & closed.get(branch_id, set())) if branch_id is not None else \
            sorted(months & set().union(*closed.values()))
        if not hit:
            continue
        reason = _refuse_or_note(hit)
        action = "created" if state.is_insert else "changed" if state.is_update else "deleted"
        for month in hit:
            pending.append({"branch_id": branch_id, "month": month, "reason": reason, "entity": entity,
                            "entity_id": row_id, "summary": f"{action} {entity} (bulk)"})
    if pending:
        _write(state.session, pending)


def install_closing(factory: sessionmaker[Session]) -> None:
    """Before the audit's listeners: a refused edit must stop before anything runs."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_orm_execute)
    event.listen(factory, "after_transaction_end", _end)


def _end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
