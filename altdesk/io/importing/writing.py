"""What the kinds share while writing: ids by code for records that exist or were just made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from altdesk.io.importing.plan import PlanContext


@dataclass
class WriteContext:
    session: Session
    branch_id: int
    plan: PlanContext
    board_ids: dict[str, int] = field(default_factory=dict)
    school_ids: dict[str, int] = field(default_factory=dict)
    alt_ids: dict[str, int] = field(default_factory=dict)
    # Records created but not yet flushed, by kind and code: one flush per kind, then ids.
    created: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Placements whose generated visits must be brought in line: (placement, old end or None).
    placements_written: list[tuple[Any, Any]] = field(default_factory=list)

    def add(self, kind: str, code: str, obj: Any) -> None:
        self.session.add(obj)
        self.created.setdefault(kind, {})[code] = obj

    def flush_kind(self, kind: str) -> None:
        """Flush what this kind created and learn the new ids, for the kinds after it."""
        self.session.flush()
        ids = {"boards": self.board_ids, "schools": self.school_ids, "alts": self.alt_ids}.get(kind)
        if ids is not None:
            ids.update({code: obj.id for code, obj in self.created.get(kind, {}).items()})

    @classmethod
    def start(cls, session: Session, plan: PlanContext) -> WriteContext:
        return cls(
            session=session,
            branch_id=plan.branch_id,
            plan=plan,
            board_ids={code: b.id for code, b in plan.boards.items()},
            school_ids={code: s.id for code, s in plan.schools.items()},
            alt_ids={code: a.id for code, a in plan.alts.items()},
        )
