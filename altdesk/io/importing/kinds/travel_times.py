"""TravelTimes sheet: travel minutes from a place (an ALT's home, by ALT code, or a school, by
school code) to a school, for branches that have such a table; the planner uses them instead
of its estimate from distance. Found again by (from, to): a second import updates the minutes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.models import TravelTime
from altdesk.io.importing.plan import PlanContext, PlanItem, item_for, unknown_code_problem
from altdesk.io.importing.schema import Field, ParsedSheet, Schema
from altdesk.io.importing.text import code, integer
from altdesk.io.importing.writing import WriteContext

MAX_MINUTES = 600

FIELDS: tuple[Field, ...] = (
    Field("from_code", "From code", ("出発地コード", "出発コード", "出発地", "ALTコード", "from", "origin"), code, required=True,
          help_en="Where the trip starts: an ALT's code (from home) or a school's code.",
          help_ja="出発地：ALT のコード（自宅から）または学校のコード。", example="A0001", max_length=20, width=12,
          number_format="@"),
    Field("to_code", "To school code", ("到着校コード", "到着地コード", "学校コード", "行き先", "to", "destination"), code,
          required=True, help_en="The school the trip ends at.", help_ja="到着する学校のコード。", example="S0001",
          max_length=20, width=12, number_format="@"),
    Field("minutes", "Minutes", ("所要時間", "所要時間（分）", "移動時間", "分", "minutes", "travel minutes"),
          integer(0, MAX_MINUTES), required=True, help_en=f"Travel minutes, 0 to {MAX_MINUTES}.",
          help_ja=f"移動にかかる時間（分、0〜{MAX_MINUTES}）。", example="25", width=10),
)

SCHEMA = Schema(
    kind="travel_times", sheet="TravelTimes",
    sheet_aliases=("移動時間", "所要時間", "移動時間表", "通勤時間", "Travel times", "Travel"),
    label_en="travel time", label_ja="移動時間", fields=FIELDS, required_groups=(("from_code", "to_code", "minutes"),),
    key_columns=("from_code", "to_code"),
)


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    stored = {(t.from_code, t.to_code): t
              for t in ctx.session.scalars(select(TravelTime).where(TravelTime.branch_id == ctx.branch_id))}
    for record in sheet.records:
        values = record.values
        origin, destination, minutes = values.get("from_code"), values.get("to_code"), values.get("minutes")
        if not record.ok or not origin or not destination or minutes is None:
            continue
        if not (ctx.alt_known(origin) or ctx.school_known(origin)):
            en = f"There is no ALT or school with code {origin} in this branch or in this import."
            ja = f"コード {origin} の ALT または学校は、この支店にも取り込むデータにもありません。"
            sheet.problems.append(sheet.problem(record, "from_code", en, ja))
            continue
        if not ctx.school_known(destination):
            sheet.problems.append(unknown_code_problem(sheet, record, "to_code", "school", "学校", destination,
                                                       ctx.schools))
            continue
        shown = f"{origin} → {destination}"
        if not ctx.claim(sheet, record, "travel_times", (origin, destination), f"The trip {shown}", "to_code"):
            continue
        existing = stored.get((origin, destination))
        if existing is None:
            ctx.add(item_for(sheet, record, "travel_times", "create", shown, f"{minutes}", {"minutes": minutes},
                             extra={"from_code": origin, "to_code": destination}))
        else:
            changed = existing.minutes != minutes
            ctx.add(item_for(sheet, record, "travel_times", "update" if changed else "unchanged", shown, f"{minutes}",
                             {"minutes": minutes}, existing, ("minutes",) if changed else ()))


def write(wctx: WriteContext, item: PlanItem) -> None:
    if item.action == "create":
        wctx.session.add(TravelTime(branch_id=wctx.branch_id, from_code=item.extra["from_code"],
                                    to_code=item.extra["to_code"], **item.values))
    elif item.action == "update":
        item.existing.minutes = item.values["minutes"]


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    query = select(TravelTime).where(TravelTime.branch_id == branch_id).order_by(TravelTime.from_code,
                                                                                 TravelTime.to_code)
    return [{"from_code": t.from_code, "to_code": t.to_code, "minutes": t.minutes} for t in session.scalars(query)]
