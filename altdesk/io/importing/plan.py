"""Planning an import: for every record, create, update or leave alone, found by code.

Planning reads the database but never writes it. The same plan runs inside the write
transaction (writer.py), so what is written matches the database as it is then.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from altdesk.db.models import Alt, Board, School
from altdesk.io.importing.problems import Problem
from altdesk.io.importing.safety import Deadline
from altdesk.io.importing.schema import ParsedSheet, Record

Action = Literal["create", "update", "unchanged"]
KIND_ORDER = ("branch", "boards", "schools", "alts", "placements", "closures", "events", "absences", "demand",
              "travel_times")
KIND_LABELS = {
    "branch": ("branch", "支店"),
    "boards": ("boards", "教育委員会"),
    "schools": ("schools", "学校"),
    "alts": ("ALTs", "ALT"),
    "placements": ("placements", "配置"),
    "closures": ("closures", "休業日"),
    "events": ("events", "行事"),
    "absences": ("absences", "不在"),
    "demand": ("demand", "需要"),
    "travel_times": ("travel times", "移動時間"),
}


@dataclass
class PlanItem:
    kind: str
    action: Action
    key: str  # what identifies the record, for people: "S0001", "A0001 @ S0001 from 2026-04-06"
    label: str  # a name to show beside the key
    file: str
    sheet: str | None
    row: int | None
    values: dict[str, Any]  # field -> value to write (only what the file sets)
    existing: Any = None  # the ORM object for an update (same session as the plan)
    changes: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    key_ja: str = ""  # the key as a Japanese message writes it (dates 2026年4月6日(月)); empty: as `key`


@dataclass
class Plan:
    items: list[PlanItem]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def counts(self) -> dict[str, dict[str, int]]:
        tally: dict[str, Counter[str]] = {}
        for item in self.items:
            tally.setdefault(item.kind, Counter())[item.action] += 1
        return {
            kind: {action: tally[kind].get(action, 0) for action in ("create", "update", "unchanged")}
            for kind in KIND_ORDER
            if kind in tally
        }


def same(old: Any, new: Any) -> bool:
    """Equality as the database would see it (enums equal their values, None equals '')."""
    if isinstance(old, float) or isinstance(new, float):
        try:
            return old is not None and new is not None and abs(float(old) - float(new)) < 1e-9
        except (TypeError, ValueError):
            return False
    if old in (None, "") and new in (None, ""):
        return True
    if isinstance(old, list) and isinstance(new, list):  # levels, allergens, dates: order carries no meaning
        return sorted(map(str, old)) == sorted(map(str, new))
    if isinstance(old, dt.datetime) and not isinstance(new, dt.datetime):
        old = old.date()
    return bool(old == new)


def diff(existing: Any, values: dict[str, Any]) -> tuple[str, ...]:
    return tuple(name for name, value in values.items() if not same(getattr(existing, name), value))


class PlanContext:
    """What the kinds share while planning: the branch's records, found by code."""

    def __init__(self, session: Session, branch_id: int, deadline: Deadline | None = None) -> None:
        self.session = session
        self.branch_id = branch_id
        self.deadline = deadline
        self.items: list[PlanItem] = []
        self.problems: list[Problem] = []
        boards = session.scalars(select(Board).where(Board.branch_id == branch_id)).all()
        self.boards: dict[str, Board] = {b.code: b for b in boards}
        self.board_names: dict[str, Board] = {}
        for board in boards:
            self.board_names.setdefault(board.name_ja, board)
        self.schools: dict[str, School] = {
            s.code: s for s in session.scalars(select(School).where(School.branch_id == branch_id))
        }
        self.alts: dict[str, Alt] = {a.code: a for a in session.scalars(select(Alt).where(Alt.branch_id == branch_id))}
        # What this import adds, by code, so later sheets may refer to it.
        self.new_boards: dict[str, PlanItem] = {}
        self.new_board_names: dict[str, str] = {}  # name_ja -> code of a board this import creates
        self.new_schools: dict[str, PlanItem] = {}
        self.new_alts: dict[str, PlanItem] = {}
        self.seen: dict[tuple[str, Any], tuple[str, str | None, int | None]] = {}  # (kind, key) -> where

    def add(self, item: PlanItem) -> None:
        self.items.append(item)

    def pace(self, sheet: ParsedSheet, number: int, record: Record) -> None:
        """Every hundred records, stop a plan past its deadline (or cancelled), naming the row."""
        if self.deadline is not None and number % 100 == 0:
            self.deadline.check(sheet.table.file, sheet.table.sheet, record.row)

    def claim(self, sheet: ParsedSheet, record: Record, kind: str, key: Any, shown: str, column: str | None) -> bool:
        """Note that a record with this key appears here; a second one is an error."""
        where = (sheet.table.file, sheet.table.sheet, record.row)
        earlier = self.seen.get((kind, key))
        if earlier is not None:
            place = earlier[0] + (f" [{earlier[1]}]" if earlier[1] else "")
            place_ja = earlier[0] + (f"［{earlier[1]}］" if earlier[1] else "")
            self.problems.append(sheet.problem(
                record, column,
                f"{shown} appears twice; it was already on row {earlier[2]} of {place}. Keep one row.",
                f"{shown} が 2 回出てきます（{place_ja} の {earlier[2]} 行目にもあります）。1 行にしてください。",
            ))
            return False
        self.seen[(kind, key)] = where
        return True

    def load_bell_schedules(self) -> None:
        """Bell periods of every school in one query (not one per school)."""
        if not getattr(self, "_periods_loaded", False):
            self.session.scalars(
                select(School).where(School.branch_id == self.branch_id).options(selectinload(School.periods))
            ).all()
            self._periods_loaded = True

    def school_known(self, code: str) -> bool:
        return code in self.schools or code in self.new_schools

    def alt_known(self, code: str) -> bool:
        return code in self.alts or code in self.new_alts

    def board_code_for(self, text: str) -> str | None:
        """A board named by code or by its Japanese name, existing or new in this import."""
        if text in self.boards or text in self.new_boards:
            return text
        if text in self.board_names:
            return self.board_names[text].code
        return self.new_board_names.get(text)


def item_for(sheet: ParsedSheet, record: Record, kind: str, action: Action, key: str, label: str,
             values: dict[str, Any], existing: Any = None, changes: tuple[str, ...] = (),
             extra: dict[str, Any] | None = None, key_ja: str = "") -> PlanItem:
    return PlanItem(
        kind=kind, action=action, key=key, label=label, file=sheet.table.file, sheet=sheet.table.sheet,
        row=record.row, values=values, existing=existing, changes=changes, extra=extra or {}, key_ja=key_ja,
    )


def unknown_code_problem(sheet: ParsedSheet, record: Record, key: str, what_en: str, what_ja: str,
                         code: str, known: dict[str, Any]) -> Problem:
    """'No school with code 1' plus a hint when Excel may have dropped leading zeros."""
    en = f"There is no {what_en} with code {code} in this branch or in this import."
    ja = f"コード {code} の{what_ja}は、この支店にも取り込むデータにもありません。"
    if key in record.from_number:
        padded = [c for c in known if c.lstrip("0") == code and c != code]
        if padded:
            en += (f" Did you mean {padded[0]}? Excel removes leading zeros from numbers: "
                   "format the column as text.")
            ja += f" {padded[0]} のことですか？ Excel は数値の先頭の 0 を消します。列の書式を文字列にしてください。"
    return sheet.problem(record, key, en, ja)
