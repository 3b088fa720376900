"""The operation a transaction's audit rows belong to (the journal's low half).

`altdesk.operations.perform` sets a JournalTag in a context variable (so it holds on whatever
thread runs the edit) and runs a service call. The audit log (altdesk.db.audit) asks `tag_for`
on each write of a session: the first write inserts the `operation` row, in the same
transaction, and every audit row of that transaction then names it; a transaction that writes
nothing, or that rolls back, leaves no operation. Before the commit the tag's `summarise`
(given by the operations layer) fills in the topics, months and whether it can be undone.

One operation is one transaction: a second session writing under the same tag is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from altdesk.db.enums import OperationKind, OperationState
from altdesk.db.models import Operation


@dataclass
class JournalRow:
    """One audit row written under a tag, with the date values of its record (for the months)."""

    action: str  # "create", "update", "delete" (or "export"/"import" for events)
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    dates: dict[str, Any] = field(default_factory=dict)  # ISO dates of the record's date columns


@dataclass
class JournalTag:
    text_en: str
    text_ja: str
    kind: OperationKind = OperationKind.EDIT
    reverts: int | None = None
    # Called before the commit with the tag: returns the operation row's topics, months, undoable.
    summarise: Callable[[JournalTag], dict[str, Any]] | None = None
    operation_id: int | None = None
    rows: list[JournalRow] = field(default_factory=list)
    committed: bool = False
    _session: int | None = None  # id() of the session that writes this operation


CURRENT: ContextVar[JournalTag | None] = ContextVar("altdesk_operation", default=None)
_table = Operation.__table__


def tag_for(session: Session, branch_id: int | None, actor: str, at: Any) -> JournalTag | None:
    """The tag this session's writes belong to, its operation row written on first use."""
    tag = CURRENT.get()
    if tag is None:
        return None
    if tag._session is not None and tag._session != id(session):
        raise RuntimeError(f"operation {tag.text_en!r} wrote from a second transaction: one operation is one "
                           "transaction")
    if tag.committed:
        raise RuntimeError(f"operation {tag.text_en!r} wrote again after its transaction was committed")
    if tag.operation_id is None:
        tag._session = id(session)
        tag.operation_id = session.connection().execute(insert(_table).returning(_table.c.id), [{
            "branch_id": branch_id, "at": at, "actor": actor, "kind": tag.kind, "text_en": tag.text_en,
            "text_ja": tag.text_ja, "topics": [], "months": [], "undoable": True, "reverts": tag.reverts,
            "state": OperationState.DONE,
        }]).scalar_one()
    return tag


def _owned(session: Session) -> JournalTag | None:
    tag = CURRENT.get()
    return tag if tag is not None and tag._session == id(session) and not tag.committed else None


def before_commit(session: Session) -> None:
    tag = _owned(session)
    if tag is None or tag.operation_id is None:
        return
    session.flush()  # the commit's own flush comes after this event: its rows must be in the summary
    if tag.summarise is not None:
        values = tag.summarise(tag)
        session.connection().execute(update(_table).where(_table.c.id == tag.operation_id).values(**values))


def after_commit(session: Session) -> None:
    tag = _owned(session)
    if tag is not None and tag.operation_id is not None:
        tag.committed = True


def after_rollback(session: Session) -> None:
    tag = _owned(session)
    if tag is not None:  # nothing of it was kept: a later attempt starts afresh
        tag.operation_id, tag._session = None, None
        tag.rows.clear()
