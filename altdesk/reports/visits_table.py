"""The flat table of visits (CSV and xlsx): one row per visit, in date order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from altdesk.db.models import Alt, School, Visit
from altdesk.db.workspace import Workspace
from altdesk.labels import LUNCH_MODE_LABELS

COLUMNS = ("date", "alt_code", "alt_name", "school_code", "school_name_ja", "school_name_en", "start", "end",
           "periods", "lunch", "status", "kind")


@dataclass(frozen=True)
class VisitsTable:
    first: dt.date
    last: dt.date
    rows: list[tuple[str, ...]]


def build_visits_table(ws: Workspace, first: dt.date, last: dt.date) -> VisitsTable:
    with ws.db.sessions() as session:
        result = session.execute(
            select(Visit.date, Alt.code, Alt.given_name, Alt.family_name, School.code, School.name_ja, School.name_en,
                   Visit.start_time, Visit.end_time, Visit.periods, Visit.lunch_mode, Visit.status, Visit.kind)
            .join(Alt, Alt.id == Visit.alt_id)
            .join(School, School.id == Visit.school_id)
            .where(Visit.branch_id == ws.branch_id, Visit.date.between(first, last))
            .order_by(Visit.date, Alt.code, Visit.start_time)
        )
        rows = [
            (day.isoformat(), alt_code, f"{given} {family}", school_code, name_ja, name_en,
             start.strftime("%H:%M"), end.strftime("%H:%M"), periods, LUNCH_MODE_LABELS[lunch][1],
             status.value, kind.value)
            for day, alt_code, given, family, school_code, name_ja, name_en, start, end, periods, lunch, status, kind
            in result
        ]
    return VisitsTable(first, last, rows)
