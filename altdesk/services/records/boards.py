"""Loading, saving and deleting a board of education (教育委員会) with its breaks and closures.

The board editor shows the board's breaks and closure days as a list edited with the
board: OK saves the board and the whole list in one transaction, Cancel changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from altdesk.db.engine import transaction
from altdesk.db.models import Board, DayOff, School
from altdesk.errors import InvalidInput, NotFound, StaleEdit
from altdesk.services.records.calendar_layers import (
    BOARD_KINDS,
    DayOffForm,
    day_off_form,
    validate_day_off,
    write_day_off,
)
from altdesk.services.records.common import (
    assign,
    code_field,
    in_use_message,
    int_field,
    load_for_update,
    require_unique_code,
    text_field,
    unique_guard,
)
from altdesk.services.records.schools import validate_notice_rule
from altdesk.services.workspace import Workspace


@dataclass(frozen=True)
class BoardForm:
    id: int | None = None
    version: int | None = None
    code: str = ""
    name_ja: str = ""
    name_en: str = ""
    contract_days_per_year: int | None = None
    contract_hours_per_day: float | None = None
    lunch_notice_rule: Mapping[str, Any] | None = None
    closures: tuple[DayOffForm, ...] = field(default=())  # its breaks and closure days


@dataclass(frozen=True)
class BoardRow:
    id: int
    code: str
    name_ja: str
    name_en: str
    contract_days_per_year: int | None
    contract_hours_per_day: float | None
    lunch_notice_rule: Mapping[str, Any] | None
    schools: int
    closures: int


def validate_board(form: BoardForm) -> BoardForm:
    code = code_field(form.code)
    name_ja = text_field(form.name_ja, "name_ja", ("The Japanese name", "名称"), max_len=200, required=True)
    name_en = text_field(form.name_en, "name_en", ("The English name", "名称（英語）"), max_len=200)
    days = int_field(form.contract_days_per_year, "contract_days_per_year",
                     ("Contract days per year", "年間契約日数"), 0, 366, optional=True)
    hours = form.contract_hours_per_day
    if hours is not None and not 0 < hours <= 24:
        raise InvalidInput("Contract hours per day must be more than 0 and at most 24.",
                           "1日の契約時間は 0 より大きく 24 以下にしてください。", field="contract_hours_per_day")
    rule = validate_notice_rule(form.lunch_notice_rule)
    closures = []
    for i, closure in enumerate(form.closures):
        if closure.kind not in BOARD_KINDS:
            raise InvalidInput("A board keeps only breaks and closure days.",
                               "教育委員会に登録できるのは長期休業と閉庁日だけです。", field=f"closures.{i}.kind")
        closures.append(validate_day_off(replace(closure, board_id=form.id or closure.board_id or 0,
                                                 school_id=None), prefix=f"closures.{i}."))
    return BoardForm(form.id, form.version, code, name_ja, name_en, days, hours, rule, tuple(closures))


def _closures(session, board_id: int) -> tuple[DayOffForm, ...]:  # type: ignore[no-untyped-def]
    rows = session.scalars(select(DayOff).where(DayOff.board_id == board_id, DayOff.kind.in_(list(BOARD_KINDS)))
                           .order_by(DayOff.start_date, DayOff.id))
    return tuple(day_off_form(r) for r in rows)


def _form(board: Board, closures: tuple[DayOffForm, ...]) -> BoardForm:
    return BoardForm(board.id, board.version, board.code, board.name_ja, board.name_en or "",
                     board.contract_days_per_year, board.contract_hours_per_day,
                     dict(board.lunch_notice_rule) if board.lunch_notice_rule else None, closures)


def _values(form: BoardForm) -> dict[str, object]:
    return {"code": form.code, "name_ja": form.name_ja, "name_en": form.name_en,
            "contract_days_per_year": form.contract_days_per_year,
            "contract_hours_per_day": form.contract_hours_per_day,
            "lunch_notice_rule": dict(form.lunch_notice_rule) if form.lunch_notice_rule else None}


def load_board(ws: Workspace, board_id: int) -> BoardForm:
    with ws.db.sessions() as session:
        board = session.get(Board, board_id)
        if board is None or board.branch_id != ws.branch_id:
            raise NotFound("This board of education no longer exists.", "この教育委員会はもう存在しません。")
        return _form(board, _closures(session, board_id))


def save_board(ws: Workspace, form: BoardForm) -> BoardForm:
    """Create or update the board and make its breaks and closures equal the form's list."""
    form = validate_board(form)
    with unique_guard(), transaction(ws.db.sessions) as session:
        require_unique_code(session, Board, ws.branch_id, form.code, form.id, ("board of education", "教育委員会"))
        if form.id is None:
            board = Board(branch_id=ws.branch_id, **_values(form))
            session.add(board)
            session.flush()
            existing: dict[int, DayOffForm] = {}
            row_changed = True
        else:
            board = load_for_update(session, Board, form.id, ws.branch_id, form.version)
            assign(board, _values(form))
            row_changed = session.is_modified(board, include_collections=False)
            existing = {c.id: c for c in _closures(session, board.id)}  # type: ignore[misc]
        kept = {c.id for c in form.closures if c.id is not None}
        unknown = kept - set(existing)
        if unknown:  # someone else deleted a closure this form still shows
            raise StaleEdit()
        list_changed = False
        for closure_id, closure in existing.items():
            if closure_id not in kept:
                row = load_for_update(session, DayOff, closure_id, ws.branch_id, closure.version)
                session.delete(row)
                list_changed = True
        for closure in form.closures:
            closure = replace(closure, board_id=board.id)
            if closure.id is not None and closure == existing[closure.id]:
                continue
            write_day_off(session, ws.branch_id, closure)
            list_changed = True
        if list_changed and not row_changed:
            flag_modified(board, "code")  # the closures are part of the board's form: new version
        session.flush()
        return _form(board, _closures(session, board.id))


def delete_board(ws: Workspace, board_id: int, version: int) -> BoardForm:
    """Delete a board no school belongs to, with its breaks and closures; returns them for an undo."""
    with transaction(ws.db.sessions) as session:
        board = load_for_update(session, Board, board_id, ws.branch_id, version)
        schools = session.scalar(select(func.count()).select_from(School).where(School.board_id == board_id)) or 0
        if schools:
            raise in_use_message(
                f"The board {board.code} ({board.name_ja})", f"教育委員会 {board.code}（{board.name_ja}）",
                {"schools": schools}, {"schools": ("{n} school(s)", "学校 {n} 校")},
                ("Move its schools to another board first.", "先に学校を別の教育委員会に移してください。"),
            )
        removed = _form(board, _closures(session, board_id))
        for row in session.scalars(select(DayOff).where(DayOff.board_id == board_id)).all():
            session.delete(row)  # through the ORM so the audit log names each closure
        session.flush()  # before the board: the database would cascade them away first
        session.delete(board)
        session.flush()
        return removed


def list_boards(ws: Workspace) -> list[BoardRow]:
    with ws.db.sessions() as session:
        schools = dict(session.execute(
            select(School.board_id, func.count()).where(School.branch_id == ws.branch_id).group_by(School.board_id)
        ).all())
        closures = dict(session.execute(
            select(DayOff.board_id, func.count()).where(DayOff.branch_id == ws.branch_id,
                                                        DayOff.board_id.is_not(None)).group_by(DayOff.board_id)
        ).all())
        boards = session.scalars(select(Board).where(Board.branch_id == ws.branch_id).order_by(Board.code)).all()
        return [BoardRow(b.id, b.code, b.name_ja, b.name_en or "", b.contract_days_per_year,
                         b.contract_hours_per_day, b.lunch_notice_rule, schools.get(b.id, 0), closures.get(b.id, 0))
                for b in boards]

