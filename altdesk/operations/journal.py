"""Every edit one journalled operation; undo and redo replayed from the journal, exactly.

`perform(ws, text_en, text_ja, fn)` runs `fn` (a service call, which opens its one
transaction as always) under a journal tag: the audit rows of its transaction name a new
`operation` row, written in the same transaction (so a refused edit leaves nothing), and the
call returns fn's result with a ChangeRecord.

`undo(ws, operation_id)` applies the inverse of that operation's row changes in one
transaction through the ORM (versions move on, the audit log records it): a created row is
deleted, an updated row gets its before values back, a deleted row is inserted again under its
own id. It first checks that every row still holds what the operation left; otherwise it
refuses (ReplayRefused, a StaleEdit naming the record) and writes nothing. `redo` makes the
operation's changes again, with the same checks. Both are operations of their own.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import JSON, Date, DateTime, Enum, Numeric, Time, func, select, true, update
from sqlalchemy.orm import Session

from altdesk.db import journal as low
from altdesk.db.audit import jsonable
from altdesk.db.engine import transaction
from altdesk.db.enums import OperationKind, OperationState
from altdesk.db.models import AuditEntry, Base, Operation
from altdesk.db.workspace import Workspace
from altdesk.errors import NotFound, StaleEdit, UserError
from altdesk.operations.record import (
    CREATE,
    DELETE,
    NOT_UNDOABLE_EN,
    NOT_UNDOABLE_JA,
    UPDATE,
    ChangeRecord,
    NetChange,
    RowChange,
    months_of,
    net_changes,
    topics_of,
)

T = TypeVar("T")
CHUNK = 500
QUIET = frozenset({"version"})

ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "alt": ("ALT", "ALT"), "school": ("school", "学校"), "bell_period": ("period", "校時"),
    "board": ("board of education", "教育委員会"), "placement": ("placement", "配置"), "visit": ("visit", "訪問"),
    "absence": ("absence", "不在"), "day_off": ("day off", "休業日"), "holiday_override": ("holiday override", "祝日の変更"),
    "school_event": ("school event", "学校行事"), "event_attendee": ("event attendance", "行事参加"),
    "branch": ("branch", "支店"),
}


class ReplayRefused(StaleEdit):
    """An undo or redo that cannot be made exactly: a record moved on since (or its id is taken)."""

    def __init__(self, message_en: str, message_ja: str, reason_en: str = "", reason_ja: str = "") -> None:
        UserError.__init__(self, message_en, message_ja)
        self.reason_en, self.reason_ja = reason_en or message_en, reason_ja or reason_en or message_ja

    def reason(self, lang: str = "en") -> str:
        """Why, naming the record, without the operation's name (a face that names it already)."""
        return self.reason_ja if lang == "ja" else self.reason_en


@dataclass(frozen=True)
class OperationInfo:
    """One line of the history."""

    id: int
    at: dt.datetime
    actor: str
    kind: OperationKind
    text_en: str
    text_ja: str
    undoable: bool
    state: OperationState
    reverts: int | None
    topics: tuple[str, ...]
    months: tuple[str, ...]

    def text(self, lang: str = "en") -> str:
        return self.text_ja if lang == "ja" and self.text_ja else self.text_en

    def why_not_undoable(self, lang: str = "en") -> str:
        """Why undo cannot take this one back ("" when it can)."""
        if self.kind != OperationKind.EDIT:
            return ("An undo or redo is taken back by redoing or undoing the edit itself." if lang != "ja"
                    else "元に戻す・やり直しの操作は、元の編集をやり直す・元に戻すことで取り消します。")
        if not self.undoable:
            return NOT_UNDOABLE_JA if lang == "ja" else NOT_UNDOABLE_EN
        return ""


# --- The models by table, and stored JSON values back to Python ----------------------------------

def _models() -> dict[str, type]:
    return {mapper.local_table.name: mapper.class_ for mapper in Base.registry.mappers}


def _date_columns(entity: str) -> frozenset[str]:
    model = _models().get(entity)
    if model is None:
        return frozenset()
    return frozenset(c.key for c in model.__table__.columns if isinstance(c.type, Date))


def decode(model: type, key: str, value: Any) -> Any:
    """A value as the audit log stored it (altdesk.db.audit.jsonable), as the column takes it."""
    if value is None:
        return None
    column_type = model.__table__.columns[key].type
    if isinstance(column_type, JSON):
        return value
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, Time):
        return dt.time.fromisoformat(value)
    if isinstance(column_type, Numeric) and getattr(column_type, "asdecimal", False) and isinstance(value, str):
        return decimal.Decimal(value)
    return value


# --- perform --------------------------------------------------------------------------------------

def _row_changes(rows: Iterable[tuple[Any, str, int | None, Any, Any]]
                 ) -> list[tuple[str, str, int | None, Any, Any]]:
    """The audit rows that are row changes of a table (an event such as a lunch override's reason
    names no table: it is the log's note, not a change to replay)."""
    tables = _models()
    found = []
    for action, entity, entity_id, before, after in rows:
        action = action.value if hasattr(action, "value") else str(action)
        if entity in tables or entity_id is None:
            found.append((action, entity, entity_id, before, after))
    return found


def _summary(tag: low.JournalTag) -> tuple[list[NetChange] | None, dict[str, Any]]:
    rows = _row_changes((r.action, r.entity, r.entity_id, r.before, r.after) for r in tag.rows)
    changes = net_changes(rows)
    entities = {r.entity for r in tag.rows}
    date_values: list[dict[str, Any] | None] = []
    for row in tag.rows:
        keys = _date_columns(row.entity)
        for values in (row.before, row.after, row.dates):
            if values:
                date_values.append({k: v for k, v in values.items() if k in keys})
    undoable = changes is not None and tag.kind == OperationKind.EDIT
    return changes, {"topics": sorted(topics_of(entities)), "months": sorted(months_of(date_values)),
                     "undoable": undoable}


def _record(tag: low.JournalTag) -> ChangeRecord:
    if tag.operation_id is None or not tag.committed:
        return ChangeRecord(None, tag.text_en, tag.text_ja, undoable=False)
    changes, values = _summary(tag)
    rows = tuple(RowChange(c.entity, c.id, c.action) for c in changes or ())
    if changes is None:  # bulk: name what was written, without ids
        rows = ()
    return ChangeRecord(tag.operation_id, tag.text_en, tag.text_ja, rows, tuple(values["months"]),
                        frozenset(values["topics"]), values["undoable"])


def _run(tag: low.JournalTag, fn: Callable[[], T]) -> tuple[T, ChangeRecord]:
    if low.CURRENT.get() is not None:
        raise RuntimeError("an operation runs inside another operation")
    tag.summarise = lambda t: _summary(t)[1]
    token = low.CURRENT.set(tag)
    try:
        result = fn()
    finally:
        low.CURRENT.reset(token)
    return result, _record(tag)


def perform(ws: Workspace, text_en: str, text_ja: str, fn: Callable[[], T]) -> tuple[T, ChangeRecord]:
    """Run `fn` (one service call, one transaction) as one journalled operation.

    Returns fn's result and what it changed. A call that raises writes nothing (its transaction
    rolled back) and journals nothing; a call that writes nothing returns a record without id."""
    del ws  # the service call names the workspace; kept so every face calls it alike
    return _run(low.JournalTag(text_en, text_ja or text_en), fn)


# --- undo and redo --------------------------------------------------------------------------------

def _load_operation(session: Session, ws: Workspace, operation_id: int) -> Operation:
    op = session.get(Operation, operation_id, populate_existing=True)
    if op is None or (op.branch_id is not None and op.branch_id != ws.branch_id):
        raise NotFound(f"No operation {operation_id} in this branch's history.",
                       f"この支店の履歴に操作 {operation_id} はありません。")
    return op


def _changes_of(session: Session, op: Operation) -> list[NetChange]:
    rows = session.execute(
        select(AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.before, AuditEntry.after)
        .where(AuditEntry.operation_id == op.id).order_by(AuditEntry.id)).all()
    changes = net_changes(_row_changes(tuple(r) for r in rows))
    if changes is None or not op.undoable:
        raise UserError(f"“{op.text_en}” cannot be undone or redone. {NOT_UNDOABLE_EN}",
                        f"「{op.text_ja or op.text_en}」は元に戻す・やり直すことができません。{NOT_UNDOABLE_JA}")
    return changes


def _describe(entity: str, record_id: int, values: dict[str, Any] | None) -> tuple[str, str]:
    en, ja = ENTITY_LABELS.get(entity, (entity, entity))
    label = ""
    for key in ("code", "name_ja", "date", "start_date"):
        if values and values.get(key):
            label = f" {values[key]}"
            break
    return f"the {en}{label} (#{record_id})", f"{ja}{label}（#{record_id}）"


def _known_values(session: Session, entity: str, record_id: int, obj: Any = None) -> dict[str, Any]:
    """The record's columns as best known, to name it: the row itself, else its audit rows'."""
    if obj is not None:
        return {c.key: jsonable(getattr(obj, c.key)) for c in obj.__table__.columns}
    values: dict[str, Any] = {}
    for before, after in session.execute(
            select(AuditEntry.before, AuditEntry.after).where(AuditEntry.entity == entity,
                                                              AuditEntry.entity_id == record_id)
            .order_by(AuditEntry.id)):
        values.update(before or {})
        values.update(after or {})
    return values


def _last_actor(session: Session, entity: str, record_id: int, after_op: int) -> str:
    actor = session.scalar(select(AuditEntry.actor).where(
        AuditEntry.entity == entity, AuditEntry.entity_id == record_id,
        (AuditEntry.operation_id.is_(None)) | (AuditEntry.operation_id > after_op)).order_by(AuditEntry.id.desc()).limit(1))
    return actor or ""


def _refuse(session: Session, verb: tuple[str, str], op: Operation, change: NetChange, why: str,
            obj: Any = None, used_by: tuple[str, int] | None = None) -> ReplayRefused:
    what_en, what_ja = _describe(change.entity, change.id, _known_values(session, change.entity, change.id, obj))
    actor = _last_actor(session, change.entity, change.id, op.id) if why in ("changed", "gone") else ""
    by_en, by_ja = (f" by {actor}", f"{actor}によって") if actor else ("", "")
    if why == "changed":
        reason = (f"{what_en[0].upper()}{what_en[1:]} was changed since{by_en}.",
                  f"{what_ja}はその後{by_ja}変更されています。")
    elif why == "gone":
        reason = (f"{what_en[0].upper()}{what_en[1:]} was deleted since{by_en}.",
                  f"{what_ja}はその後{by_ja}削除されています。")
    elif why == "used" and used_by is not None:
        entity, count = used_by
        name_en, name_ja = ENTITY_LABELS.get(entity, (entity, entity))
        reason = (f"{what_en[0].upper()}{what_en[1:]} is now used by {count} {name_en}{'' if count == 1 else 's'}.",
                  f"{what_ja}は現在、{name_ja} {count}件から使われています。")
    else:
        reason = (f"The number of {what_en} has been taken by another record since.",
                  f"{what_ja}の番号は、その後ほかのレコードに使われています。")
    text_ja = op.text_ja or op.text_en
    return ReplayRefused(
        f"“{op.text_en}” cannot be {verb[0]}: {reason[0][0].lower()}{reason[0][1:]} Nothing was changed.",
        f"「{text_ja}」を{verb[1]}ことはできません：{reason[1]}何も変更していません。",
        f"{reason[0]} Nothing was changed.", f"{reason[1]}何も変更していません。")


def _moved_on(session: Session, op: Operation, changes: list[NetChange]) -> NetChange | None:
    """The first record (not created by this replay) that was written since the operation, or
    since its last undo or redo, and does not hold what that left: the writes since do not add up
    to nothing. A save by someone else to any column counts, as it does for a refused save."""
    replays = select(Operation.id).where(Operation.reverts == op.id)
    by_entity: dict[str, list[NetChange]] = {}
    for change in changes:
        if change.action != CREATE:
            by_entity.setdefault(change.entity, []).append(change)
    for entity, group in by_entity.items():
        ids = [c.id for c in group]
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            last_own = dict(session.execute(
                select(AuditEntry.entity_id, func.max(AuditEntry.id)).where(
                    AuditEntry.entity == entity, AuditEntry.entity_id.in_(chunk),
                    (AuditEntry.operation_id == op.id) | AuditEntry.operation_id.in_(replays))
                .group_by(AuditEntry.entity_id)).all())
            if not last_own:
                continue
            since: dict[int, list[tuple[str, str, int, Any, Any]]] = {}
            for audit_id, action, record_id, before, after in session.execute(
                    select(AuditEntry.id, AuditEntry.action, AuditEntry.entity_id, AuditEntry.before,
                           AuditEntry.after).where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(chunk),
                                                   AuditEntry.id > min(last_own.values()))
                    .order_by(AuditEntry.id)):
                if audit_id > last_own.get(record_id, audit_id):
                    action = action.value if hasattr(action, "value") else str(action)
                    since.setdefault(record_id, []).append((action, entity, record_id, before, after))
            for change in group:
                if since.get(change.id) and net_changes(since[change.id]):
                    return change
    return None


def _same(current: Any, stored: Any) -> bool:
    if isinstance(current, dt.datetime) and isinstance(stored, str):
        try:  # SQLite gives back a stored UTC time without its zone
            return _as_utc(current) == _as_utc(dt.datetime.fromisoformat(stored))
        except ValueError:
            return False
    return jsonable(current) == stored


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _apply(session: Session, op: Operation, changes: list[NetChange], verb: tuple[str, str]) -> None:
    """Turn each record from its `before` into its `after`, having checked every one first."""
    models = _models()
    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    by_entity: dict[str, list[NetChange]] = {}
    for change in changes:
        by_entity.setdefault(change.entity, []).append(change)
    loaded: dict[tuple[str, int], Any] = {}
    for entity, group in by_entity.items():
        model = models[entity]
        ids = [c.id for c in group]
        for start in range(0, len(ids), CHUNK):
            for obj in session.scalars(select(model).where(model.id.in_(ids[start:start + CHUNK]))
                                       .execution_options(populate_existing=True)):
                loaded[(entity, obj.id)] = obj
    deleted_ids = {(c.entity, c.id) for c in changes if c.action == DELETE}
    for change in changes:  # every check before any write
        obj = loaded.get((change.entity, change.id))
        if change.action == CREATE:
            if obj is not None:
                raise _refuse(session, verb, op, change, "taken", obj)
            continue
        if obj is None:
            raise _refuse(session, verb, op, change, "gone")
        for key, value in change.before.items():  # type: ignore[union-attr]
            if key not in QUIET and key in models[change.entity].__table__.columns and not _same(getattr(obj, key), value):
                raise _refuse(session, verb, op, change, "changed", obj)
    moved = _moved_on(session, op, changes)
    if moved is not None:
        raise _refuse(session, verb, op, moved, "changed", loaded.get((moved.entity, moved.id)))
    _refuse_used(session, op, changes, deleted_ids, verb, loaded)

    def table_order(change: NetChange) -> tuple[int, int]:
        return order.get(change.entity, 0), change.id

    creates = sorted((c for c in changes if c.action == CREATE), key=table_order)
    updates = [c for c in changes if c.action == UPDATE]
    deletes = sorted((c for c in changes if c.action == DELETE), key=table_order, reverse=True)
    # Updates first (they may take a reference away from a row about to go), but a reference to a
    # row about to come back waits for it; then deletes (children first: a replaced child's unique
    # key is free again), then inserts (parents first), then the references that waited.
    coming = {(c.entity, c.id) for c in creates}
    waiting: list[tuple[Any, str, Any]] = []
    for change in updates:
        model = models[change.entity]
        obj = loaded[(change.entity, change.id)]
        for key, value in (change.after or {}).items():
            if key not in model.__table__.columns or key in QUIET:
                continue
            column = model.__table__.columns[key]
            target = next(iter(column.foreign_keys)).column.table.name if column.foreign_keys else None
            if target is not None and (target, value) in coming:
                waiting.append((obj, key, value))
                continue
            setattr(obj, key, decode(model, key, value))
    session.flush()
    for _entity, group in _by_table(deletes):
        for change in group:
            session.delete(loaded[(change.entity, change.id)])
        session.flush()
    for entity, group in _by_table(creates):
        model = models[entity]
        table_columns = model.__table__.columns
        restored = []
        for change in group:
            values = {k: decode(model, k, v) for k, v in (change.after or {}).items()
                      if k in table_columns and k not in QUIET}
            obj = model(**values)
            session.add(obj)
            restored.append((obj, (change.after or {}).get("version")))
        session.flush()
        for obj, version in restored:  # a form holding the record's old version stays refused
            if isinstance(version, int) and "version" in table_columns:
                # On the connection: a bookkeeping column, not a change of its own in the audit log.
                session.connection().execute(update(model.__table__).where(model.__table__.c.id == obj.id)
                                             .values(version=version + 1))
                session.expire(obj, ["version"])
    for obj, key, value in waiting:
        setattr(obj, key, value)
    session.flush()


def _by_table(changes: list[NetChange]) -> list[tuple[str, list[NetChange]]]:
    groups: list[tuple[str, list[NetChange]]] = []
    for change in changes:
        if groups and groups[-1][0] == change.entity:
            groups[-1][1].append(change)
        else:
            groups.append((change.entity, [change]))
    return groups


def _refuse_used(session: Session, op: Operation, changes: list[NetChange], deleted: set[tuple[str, int]],
                 verb: tuple[str, str], loaded: dict[tuple[str, int], Any]) -> None:
    """A record to delete that another record (not deleted too) now points at is in use."""
    targets: dict[str, list[NetChange]] = {}
    for change in changes:
        if change.action == DELETE:
            targets.setdefault(change.entity, []).append(change)
    if not targets:
        return
    for table in Base.metadata.sorted_tables:
        if table.name in ("audit_entry", "operation", "issued_report"):
            continue
        for fk in table.foreign_keys:
            referred = fk.column.table.name
            if referred not in targets:
                continue
            group = targets[referred]
            ids = [c.id for c in group]
            child_col = fk.parent
            gone = [i for (e, i) in deleted if e == table.name]
            gone += [c.id for c in changes if c.action == UPDATE and c.entity == table.name
                     and child_col.key in (c.after or {})]  # a reference the undo itself moves
            for start in range(0, len(ids), CHUNK):
                query = select(child_col).where(child_col.in_(ids[start:start + CHUNK]))
                if gone:
                    query = query.where(table.c.id.not_in(gone))
                used = session.scalar(query.limit(1))
                if used is not None:
                    change = next(c for c in group if c.id == used)
                    count = session.scalar(select(func.count()).select_from(table).where(child_col == used)
                                           .where(table.c.id.not_in(gone) if gone else true())) or 1
                    raise _refuse(session, verb, op, change, "used", loaded.get((change.entity, change.id)),
                                  (table.name, count))


def _replay(ws: Workspace, operation_id: int | None, kind: OperationKind) -> ChangeRecord:
    undoing = kind == OperationKind.UNDO
    verb = ("undone", "元に戻す") if undoing else ("redone", "やり直す")
    with ws.db.sessions() as session:
        target_id = operation_id if operation_id is not None else _default_target(session, ws, undoing)
        op = _load_operation(session, ws, target_id)
        text_en, text_ja = op.text_en, op.text_ja or op.text_en
    prefix_en, prefix_ja = ("Undo", "元に戻す") if undoing else ("Redo", "やり直し")
    tag = low.JournalTag(f"{prefix_en}: {text_en}", f"{prefix_ja}: {text_ja}", kind=kind, reverts=target_id)

    def run() -> None:
        with transaction(ws.db.sessions) as session:
            op = _load_operation(session, ws, target_id)
            if op.kind != OperationKind.EDIT:
                raise UserError(
                    f"Operation {op.id} is itself an undo or redo; undo or redo operation {op.reverts} instead.",
                    f"操作 {op.id} は元に戻す・やり直しの操作です。代わりに操作 {op.reverts} を指定してください。")
            wanted = OperationState.DONE if undoing else OperationState.UNDONE
            if op.state != wanted:
                raise UserError(
                    f"“{op.text_en}” is already {'undone' if undoing else 'in effect'}.",
                    f"「{text_ja}」はすでに{'元に戻されています' if undoing else '反映されています'}。")
            changes = _changes_of(session, op)
            if undoing:
                changes = [c.inverse() for c in reversed(changes)]
            if not changes:
                raise UserError(f"“{op.text_en}” changed nothing that could be {verb[0]}.",
                                f"「{text_ja}」には{verb[1]}変更がありません。")
            _apply(session, op, changes, verb)
            new_state = OperationState.UNDONE if undoing else OperationState.DONE
            session.connection().execute(update(Operation.__table__).where(Operation.__table__.c.id == op.id)
                                         .values(state=new_state))

    _, record = _run(tag, run)
    return record


def _default_target(session: Session, ws: Workspace, undoing: bool) -> int:
    if undoing:
        found = session.scalar(select(Operation.id).where(
            Operation.branch_id == ws.branch_id, Operation.kind == OperationKind.EDIT, Operation.undoable.is_(True),
            Operation.state == OperationState.DONE).order_by(Operation.id.desc()).limit(1))
        if found is None:
            raise NotFound("There is nothing to undo.", "元に戻せる操作はありません。")
        return found
    undone = select(Operation.id).where(Operation.branch_id == ws.branch_id,
                                        Operation.state == OperationState.UNDONE)
    found = session.scalar(select(Operation.reverts).where(
        Operation.branch_id == ws.branch_id, Operation.kind == OperationKind.UNDO,
        Operation.reverts.in_(undone)).order_by(Operation.id.desc()).limit(1))
    if found is None:
        raise NotFound("There is nothing to redo.", "やり直せる操作はありません。")
    return found


def undo(ws: Workspace, operation_id: int | None = None) -> ChangeRecord:
    """Take back an edit (default: the newest undoable edit in effect, by anyone); one operation."""
    return _replay(ws, operation_id, OperationKind.UNDO)


def redo(ws: Workspace, operation_id: int | None = None) -> ChangeRecord:
    """Make an undone edit again (default: the one undone last); one operation."""
    return _replay(ws, operation_id, OperationKind.REDO)


# --- history --------------------------------------------------------------------------------------

def history(ws: Workspace, limit: int = 50) -> list[OperationInfo]:
    """The branch's operations, newest first."""
    with ws.db.sessions() as session:
        ops = session.scalars(select(Operation).where(Operation.branch_id == ws.branch_id)
                              .order_by(Operation.id.desc()).limit(max(limit, 0))).all()
        return [_info(op) for op in ops]


def operation(ws: Workspace, operation_id: int) -> OperationInfo:
    with ws.db.sessions() as session:
        return _info(_load_operation(session, ws, operation_id))


def operation_count(ws: Workspace) -> int:
    with ws.db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Operation)
                              .where(Operation.branch_id == ws.branch_id)) or 0


def _info(op: Operation) -> OperationInfo:
    return OperationInfo(op.id, op.at, op.actor, op.kind, op.text_en, op.text_ja, op.undoable, op.state,
                         op.reverts, tuple(op.topics or ()), tuple(op.months or ()))


def records_of(changes: Iterable[NetChange]) -> tuple[RowChange, ...]:
    return tuple(RowChange(c.entity, c.id, c.action) for c in changes)

