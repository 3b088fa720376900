"""Records named by the codes people type (A0001, S0001): the ids the services take."""

from __future__ import annotations

from sqlalchemy import select

from altdesk.db.models import Alt, School
from altdesk.errors import NotFound
from altdesk.services.workspace import Workspace


def alt_id_for(ws: Workspace, code: str) -> int:
    with ws.db.sessions() as session:
        found = session.scalar(select(Alt.id).where(Alt.branch_id == ws.branch_id, Alt.code == code.strip()))
    if found is None:
        raise NotFound(f"No ALT with code {code!r}.", f"ALTコード {code!r} は存在しません。")
    return found


def school_id_for(ws: Workspace, code: str) -> int:
    with ws.db.sessions() as session:
        found = session.scalar(select(School.id).where(School.branch_id == ws.branch_id,
                                                       School.code == code.strip()))
    if found is None:
        raise NotFound(f"No school with code {code!r}.", f"学校コード {code!r} は存在しません。")
    return found
