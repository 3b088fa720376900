"""Optimistic locking: a save based on an old version is refused, never silently applied.

Editable models carry a `version` column (SQLAlchemy's version_id_col). A form loads a
record with its version; the save sends that version back. If someone else saved in
between, the versions differ (checked here) or the UPDATE matches no row (SQLAlchemy's
StaleDataError when the race is closer still): both become StaleEdit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from altdesk.db.audit import jsonable
from altdesk.errors import InvalidInput, NotFound, StaleEdit

T = TypeVar("T")


@contextmanager
def stale_guard() -> Iterator[None]:
    """Turn SQLAlchemy's StaleDataError into the user-facing StaleEdit."""
    try:
        yield
    except StaleDataError as exc:
        raise StaleEdit() from exc


def snapshot(obj: object) -> dict[str, Any]:
    """The record's column values as plain JSON-able data (what a form shows)."""
    state = inspect(obj)
    return {attr.key: jsonable(getattr(obj, attr.key)) for attr in state.mapper.column_attrs}


def apply_edit(
    session: Session,
    model: type[T],
    record_id: int,
    branch_id: int | None,
    expected_version: int,
    changes: Mapping[str, Any],
) -> T:
    """Load the record, refuse it if its version moved on, apply `changes` and flush."""
    columns = {attr.key for attr in inspect(model).column_attrs}
    unknown = set(changes) - columns
    forbidden = set(changes) & {"id", "version", "branch_id"}
    if unknown or forbidden:
        name = sorted(unknown | forbidden)[0]
        raise InvalidInput(f"{model.__name__} has no editable field {name!r}.", field=name)
    obj = session.get(model, record_id, populate_existing=True)
    if obj is None:  # the form was loaded, so someone else has deleted it since
        raise StaleEdit()
    if branch_id is not None and getattr(obj, "branch_id", branch_id) != branch_id:
        raise NotFound(
            f"No {model.__name__} with id {record_id} in this branch.",
            f"この支店に id {record_id} の {model.__name__} はありません。",
        )
    if obj.version != expected_version:  # type: ignore[attr-defined]
        raise StaleEdit()
    for key, value in changes.items():
        setattr(obj, key, value)
    with stale_guard():
        session.flush()
    return obj
