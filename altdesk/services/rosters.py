"""Read models of the ALT and School rosters, as plain rows for tables and exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from altdesk.db.enums import AltStatus, LunchPolicy, SchoolLevel
from altdesk.db.models import Alt, Board, Placement, School
from altdesk.services.workspace import Workspace


@dataclass(frozen=True)
class AltRow:
    id: int
    code: str
    family_name: str
    given_name: str
    kana: str
    nationality: str
    start_date: dt.date | None
    status: AltStatus
    levels: tuple[str, ...]
    has_diet_restriction: bool
    school_count: int

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class SchoolRow:
    id: int
    code: str
    name_ja: str
    name_en: str
    level: SchoolLevel
    board_name_ja: str
    board_name_en: str
    phone: str
    lunch_policy: LunchPolicy
    lunch_price_yen: int
    contracted_days: int | None


def list_alts(ws: Workspace) -> list[AltRow]:
    with ws.db.sessions() as session:
        counts: dict[int, set[int]] = {}
        for alt_id, school_id in session.execute(
            select(Placement.alt_id, Placement.school_id).where(Placement.branch_id == ws.branch_id)
        ):
            counts.setdefault(alt_id, set()).add(school_id)
        alts = session.scalars(select(Alt).where(Alt.branch_id == ws.branch_id).order_by(Alt.code)).all()
        return [
            AltRow(
                id=a.id,
                code=a.code,
                family_name=a.family_name,
                given_name=a.given_name,
                kana=a.kana,
                nationality=a.nationality,
                start_date=a.start_date,
                status=AltStatus(a.status),
                levels=tuple(a.levels or ()),
                has_diet_restriction=a.has_diet_restriction,
                school_count=len(counts.get(a.id, ())),
            )
            for a in alts
        ]


def list_schools(ws: Workspace) -> list[SchoolRow]:
    with ws.db.sessions() as session:
        rows = session.execute(
            select(School, Board.name_ja, Board.name_en)
            .outerjoin(Board, School.board_id == Board.id)
            .where(School.branch_id == ws.branch_id)
            .order_by(School.code)
        ).all()
        return [
            SchoolRow(
                id=s.id,
                code=s.code,
                name_ja=s.name_ja,
                name_en=s.name_en,
                level=SchoolLevel(s.level),
                board_name_ja=board_ja or "",
                board_name_en=board_en or "",
                phone=s.phone,
                lunch_policy=LunchPolicy(s.lunch_policy),
                lunch_price_yen=s.lunch_price_yen,
                contracted_days=s.contracted_days,
            )
            for s, board_ja, board_en in rows
        ]
