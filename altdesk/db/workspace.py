"""The handle every operation works through: the open database, the branch and the person.

It lives at the bottom of the core so that every layer may take one; opening one (picking the
branch, naming the person) is a service (altdesk.services.workspace)."""

from __future__ import annotations

from dataclasses import dataclass

from altdesk.db.database import Database


@dataclass(frozen=True)
class Workspace:
    db: Database
    branch_id: int
    actor: str
