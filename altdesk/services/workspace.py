"""Opening a workspace (the branch and the person an operation works for, on the open
database) and reading or editing one record through it. The handle itself is
altdesk.db.workspace.Workspace, which every layer may take."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from altdesk.db.audit import os_user
from altdesk.db.database import Database
from altdesk.db.engine import transaction
from altdesk.db.models import Alt, Branch, School
from altdesk.db.optimistic import apply_edit, snapshot
from altdesk.db.workspace import Workspace
from altdesk.errors import NotFound, StaleEdit

PLACEHOLDER_NAME = "支店"  # a new database's branch until the coordinator names it
PLACEHOLDER_NAME_EN = "Branch office"
DEFAULT_BRANCH_CODE = "MAIN"


def default_actor() -> str:
    """The OS login name, or ALTDESK_ACTOR when set."""
    return os_user()


def open_workspace(db: Database, branch_code: str | None = None, actor: str | None = None) -> Workspace:
    """Pick the branch: the named one, else the first; create a default one in a new file.

    From here on the audit log names `actor` (else the OS user) for every change made
    through `db`'s sessions.
    """
    actor = (actor or "").strip() or default_actor()
    db.set_actor(actor)
    with transaction(db.sessions) as session:
        if branch_code:
            branch = session.scalar(select(Branch).where(Branch.code == branch_code))
            if branch is None:
                raise NotFound(
                    f"No branch with code {branch_code!r} in this database.",
                    f"このデータベースに支店コード {branch_code!r} はありません。",
                )
        else:
            branch = session.scalar(select(Branch).order_by(Branch.id).limit(1))
            if branch is None:
                branch = Branch(code=DEFAULT_BRANCH_CODE, name=PLACEHOLDER_NAME, name_en=PLACEHOLDER_NAME_EN,
                                settings={})
                session.add(branch)
                session.flush()
        branch_id = branch.id
    db.set_actor(actor, branch_id)
    return Workspace(db, branch_id, actor)


def branch_is_empty(ws: Workspace) -> bool:
    with ws.db.sessions() as session:
        alts = session.scalar(select(func.count()).select_from(Alt).where(Alt.branch_id == ws.branch_id))
        schools = session.scalar(
            select(func.count()).select_from(School).where(School.branch_id == ws.branch_id)
        )
    return not alts and not schools


# --- Editing one record with optimistic locking -------------------------------------------

def load_record(ws: Workspace, model: type, record_id: int) -> dict[str, Any] | None:
    """A record's current values (including `version`), or None when it no longer exists."""
    with ws.db.sessions() as session:
        obj = session.get(model, record_id)
        if obj is None or getattr(obj, "branch_id", ws.branch_id) != ws.branch_id:
            return None
        return snapshot(obj)


def save_edit(
    ws: Workspace, model: type, record_id: int, expected_version: int, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """Save a form's changes made to the record as it was at `expected_version`.

    If someone else saved the record since (or deleted it), nothing is written and
    StaleEdit is raised with `.current` holding the record as it is now (None when
    deleted), so the form can reload and the coordinator can make the change again.
    Returns the saved values, with the new version.
    """
    try:
        with transaction(ws.db.sessions) as session:
            obj = apply_edit(session, model, record_id, ws.branch_id, expected_version, changes)
            session.flush()
            saved = snapshot(obj)
        return saved
    except StaleEdit as stale:
        stale.current = load_record(ws, model, record_id)  # type: ignore[attr-defined]
        raise
