"""Short lists for the editors' drop-downs: ALTs, schools, boards."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from altdesk.db.enums import AltStatus, SchoolLevel
from altdesk.db.models import Alt, Board, School
from altdesk.services.workspace import Workspace


@dataclass(frozen=True)
class Choice:
    id: int
    code: str
    label_ja: str
    label_en: str
    level: SchoolLevel | None = None  # schools
    inactive: bool = False  # an ALT who has left: listed only where already chosen

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" else (self.label_en or self.label_ja)


def alt_choices(ws: Workspace) -> list[Choice]:
    with ws.db.sessions() as session:
        rows = session.execute(select(Alt.id, Alt.code, Alt.given_name, Alt.family_name, Alt.kana, Alt.status)
                               .where(Alt.branch_id == ws.branch_id).order_by(Alt.code))
        return [Choice(i, code, f"{given} {family}" + (f"（{kana}）" if kana else ""), f"{given} {family}",
                       inactive=AltStatus(status) == AltStatus.LEFT)
                for i, code, given, family, kana, status in rows]


def school_choices(ws: Workspace) -> list[Choice]:
    with ws.db.sessions() as session:
        rows = session.execute(select(School.id, School.code, School.name_ja, School.name_en, School.level)
                               .where(School.branch_id == ws.branch_id).order_by(School.code))
        return [Choice(i, code, name_ja, name_en or "", SchoolLevel(level)) for i, code, name_ja, name_en, level in rows]


def board_choices(ws: Workspace) -> list[Choice]:
    with ws.db.sessions() as session:
        rows = session.execute(select(Board.id, Board.code, Board.name_ja, Board.name_en)
                               .where(Board.branch_id == ws.branch_id).order_by(Board.code))
        return [Choice(i, code, name_ja, name_en or "") for i, code, name_ja, name_en in rows]
