"""The open database plus the branch and person an operation works for."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import func, select

from altdesk.db.database import Database
from altdesk.db.engine import transaction
from altdesk.db.models import Alt, Branch, School
from altdesk.errors import NotFound

DEFAULT_BRANCH_CODE = "MAIN"


@dataclass(frozen=True)
class Workspace:
    db: Database
    branch_id: int
    actor: str


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "unknown"


def open_workspace(db: Database, branch_code: str | None = None, actor: str | None = None) -> Workspace:
    """Pick the branch: the named one, else the first; create a default one in a new file."""
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
                branch = Branch(code=DEFAULT_BRANCH_CODE, name="支店", name_en="Branch office", settings={})
                session.add(branch)
                session.flush()
        return Workspace(db, branch.id, actor or default_actor())


def branch_is_empty(ws: Workspace) -> bool:
    with ws.db.sessions() as session:
        alts = session.scalar(select(func.count()).select_from(Alt).where(Alt.branch_id == ws.branch_id))
        schools = session.scalar(
            select(func.count()).select_from(School).where(School.branch_id == ws.branch_id)
        )
    return not alts and not schools
