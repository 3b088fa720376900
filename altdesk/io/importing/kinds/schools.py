"""Schools sheet: schools with their board (created when new) and bell schedule."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from altdesk.db.enums import LunchPolicy
from altdesk.db.models import BellPeriod, Board, School
from altdesk.io.importing import domain_values as dv
from altdesk.io.importing.dates import parse_time_range
from altdesk.io.importing.location import check_location
from altdesk.io.importing.plan import PlanContext, PlanItem, diff, item_for, same
from altdesk.io.importing.schema import Field, ParsedSheet, Record, Schema
from altdesk.io.importing.text import code, contact, decimal, integer, plain_text
from altdesk.io.importing.writing import WriteContext

PERIOD_COUNT = 8
_CODE_HELP = ("Letters and digits; full-width is fine. Identifies the school: importing again updates it.",
              "英数字（全角でも可）。学校を識別します。同じコードで再度取り込むと更新されます。")

FIELDS: tuple[Field, ...] = (
    Field("code", "School code", ("学校コード", "学校番号", "学校ID", "学校No", "校番", "コード", "school id", "school no", "code"),
          code, required=True, help_en=_CODE_HELP[0], help_ja=_CODE_HELP[1], example="S0001", max_length=20,
          width=12, number_format="@"),
    Field("name_ja", "Name (ja)", ("学校名", "学校名（日本語）", "校名", "学校名称", "名称", "school name", "name", "japanese name"),
          plain_text, help_en="The school's name in Japanese, as on its letters. Required for a new school.",
          help_ja="学校の正式名称（日本語）。", example="さくら市立桜台小学校", max_length=200, width=28),
    Field("name_en", "Name (en)", ("学校名（英語）", "英語名", "英語表記", "学校名（英字）", "英字表記", "english name",
                                   "school name (english)"),
          plain_text, help_en="The name in English, for ALTs.", help_ja="英語の学校名（ALT 向け）。",
          example="Sakuradai Elementary School", max_length=200, width=28),
    Field("short_name_ja", "Short name (ja)", ("略称", "学校略称", "短縮名", "short name"), plain_text,
          help_en="A short name for crowded views.", help_ja="一覧表示用の略称。", example="桜台小", max_length=40),
    Field("level", "Level", ("校種", "学校種別", "学校種", "種別", "school level", "school type", "type"), dv.parse_level,
          help_en="Required for a new school.", help_ja="新しい学校では必須。", allowed_en=dv.LEVELS_ALLOWED_EN,
          allowed_ja=dv.LEVELS_ALLOWED_JA, example="elementary", width=13,
          choices=("kindergarten", "elementary", "junior_high", "senior_high", "special_needs")),
    Field("board_code", "Board code", ("教育委員会コード", "教委コード", "boe code"), code,
          help_en="The board of education's code. A new code creates the board.",
          help_ja="教育委員会のコード。新しいコードなら教育委員会を作成します。", example="B001", max_length=20, width=11,
          number_format="@"),
    Field("board_name_ja", "Board name (ja)", ("教育委員会", "教育委員会名", "教委", "教委名", "board", "board name",
                                               "board of education", "boe"),
          plain_text, help_en="The board's name in Japanese. Without a code, the board is found (or created) by name.",
          help_ja="教育委員会名。コードがなければ名前で探し、なければ作成します。", example="さくら市教育委員会",
          max_length=200, width=22),
    Field("board_name_en", "Board name (en)", ("教育委員会（英語）", "教育委員会名（英語）", "board name (english)"),
          plain_text, help_en="The board's name in English.", help_ja="教育委員会の英語名。",
          example="Sakura City Board of Education", max_length=200, width=26),
    Field("board_contract_days", "Board contract days", ("教委契約日数", "教育委員会契約日数", "board contract days per year"),
          integer(0, 366), help_en="Days per year in the board's contract.", help_ja="教育委員会との契約日数（年間）。",
          example="195"),
    Field("board_contract_hours", "Board hours per day", ("教委契約時間", "教育委員会契約時間", "1日の勤務時間",
                                                          "board contract hours"),
          decimal(0, 24), help_en="Working hours per day in the board's contract.", help_ja="契約上の 1 日の勤務時間。",
          example="7"),
    Field("board_lunch_notice", "Board lunch notice", ("教委給食連絡期限", "教育委員会給食連絡期限", "board lunch notice rule"),
          dv.parse_notice_rule, help_en="When the board needs lunch changes.", help_ja="教育委員会への給食連絡の期限。",
          allowed_en=dv.NOTICE_HELP_EN, allowed_ja=dv.NOTICE_HELP_JA, example="4 school days before, 11:00", width=24),
    Field("address", "Address", ("住所", "所在地"), plain_text, help_en="Postal address.", help_ja="住所。",
          example="さくら市桜台1-2-3", max_length=300, width=28),
    Field("phone", "Phone", ("電話番号", "電話", "TEL", "学校電話", "telephone", "tel"), contact,
          help_en="The school's phone number.", help_ja="学校の電話番号。", example="043-123-4567", max_length=40,
          number_format="@"),
    Field("contact_teacher", "Contact teacher", ("担当者", "担当教員", "担当の先生", "窓口", "英語担当", "contact"),
          plain_text, help_en="Who to call about the ALT.", help_ja="ALT についての連絡先の先生。", example="佐藤先生",
          max_length=100),
    Field("lunch_policy", "Lunch policy", ("給食", "ALT給食", "給食提供", "給食の有無", "lunch", "alt lunch"),
          dv.parse_lunch_policy, help_en="Whether the school serves its ALT school lunch. Empty: serves.",
          help_ja="ALT に給食を出すかどうか。空欄は「給食あり」。", allowed_en=dv.POLICY_ALLOWED_EN,
          allowed_ja=dv.POLICY_ALLOWED_JA, example="serves", choices=("serves", "none", "milk_only")),
    Field("lunch_price_yen", "Lunch price (yen)", ("給食費", "給食単価", "給食費（円）", "lunch price", "lunch fee"),
          integer(0, 100_000), help_en="Price of one meal, in yen.", help_ja="給食 1 食の価格（円）。", example="280"),
    Field("lunch_notice", "Lunch notice", ("給食連絡期限", "給食の連絡期限", "lunch notice rule"), dv.parse_notice_rule,
          help_en="The school's own lunch notice rule, when it differs from the board's.",
          help_ja="学校独自の給食連絡期限（教育委員会と異なる場合）。", allowed_en=dv.NOTICE_HELP_EN,
          allowed_ja=dv.NOTICE_HELP_JA, example="day 20 of previous month", width=24),
    Field("contracted_days", "Contracted days", ("契約日数", "年間訪問日数", "訪問日数", "contract days", "visit days per year"),
          integer(0, 366), help_en="Visit days per year agreed with the school.", help_ja="年間の契約訪問日数。",
          example="70"),
    Field("latitude", "Latitude", ("緯度", "学校の緯度", "lat"), decimal(-90, 90),
          help_en="Where the school is, in decimal degrees (e.g. 35.8617). Give both latitude and longitude, or "
                  "neither. For travel estimates.",
          help_ja="学校の位置（10進数の度、例：35.8617）。緯度と経度は両方入力するか、両方空欄にします。移動時間の見積りに使います。",
          example="35.8617", width=11),
    Field("longitude", "Longitude", ("経度", "学校の経度", "lon", "lng"), decimal(-180, 180),
          help_en="Decimal degrees, e.g. 139.6455.", help_ja="10進数の度（例：139.6455）。", example="139.6455", width=11),
) + tuple(
    Field(f"period_{n}", f"Period {n}", (f"{n}校時", f"第{n}校時", f"{n}限", f"p{n}"), parse_time_range,
          help_en="Start and end of the period (bell schedule). An empty cell removes the period; a Period "
                  "column left out keeps it.",
          help_ja="校時の開始と終了（日課表）。空欄ならその校時を削除し、列がなければ変更しません。", example="08:45-09:30",
          width=12)
    for n in range(1, PERIOD_COUNT + 1)
)

SCHEMA = Schema(
    kind="schools", sheet="Schools", sheet_aliases=("学校", "学校一覧", "学校マスタ", "学校名簿", "School"),
    label_en="school", label_ja="学校", fields=FIELDS, required_groups=(("code", "name_ja"), ("code", "level")),
    key_columns=("code",),
)
SCHOOL_FIELDS = ("name_ja", "name_en", "short_name_ja", "level", "address", "phone", "contact_teacher",
                 "lunch_policy", "lunch_price_yen", "contracted_days", "latitude", "longitude")
DEFAULTS: dict[str, Any] = {"name_en": "", "short_name_ja": "", "address": "", "phone": "", "contact_teacher": "",
                            "lunch_policy": LunchPolicy.SERVES, "lunch_price_yen": 0, "contracted_days": None,
                            "latitude": None, "longitude": None}
BOARD_FIELDS = {"board_name_ja": "name_ja", "board_name_en": "name_en", "board_contract_days": "contract_days_per_year",
                "board_contract_hours": "contract_hours_per_day", "board_lunch_notice": "lunch_notice_rule"}


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    boards: dict[str, dict[str, tuple[Any, Record]]] = {}  # code -> field -> (value, first row)
    board_rows: dict[str, Record] = {}
    period_columns = [n for n in range(1, PERIOD_COUNT + 1) if sheet.has(f"period_{n}")]
    if period_columns:
        ctx.load_bell_schedules()
    for record in sheet.records:  # a board named with its code on one row may be named alone on another
        given_code, name = record.values.get("board_code"), record.values.get("board_name_ja")
        if given_code and name and given_code not in ctx.boards and name not in ctx.board_names:
            ctx.new_board_names.setdefault(name, given_code)
    for record in sheet.records:
        values = record.values
        school_code = values.get("code")
        if not record.ok or not school_code:
            continue
        if not ctx.claim(sheet, record, "schools", school_code, f"School {school_code}", "code"):
            continue
        existing = ctx.schools.get(school_code)
        target: dict[str, Any] = {}
        for name in SCHOOL_FIELDS:
            if sheet.has(name):
                value = values.get(name)
                target[name] = DEFAULTS.get(name) if value in (None, "") else value
        if sheet.has("lunch_notice"):
            target["lunch_notice_rule"] = values.get("lunch_notice")
        if not _names_and_level_present(sheet, record, existing, target):
            continue
        if not check_location(sheet, record, existing, target, "latitude", "longitude"):
            continue
        _warn_free_lunch(sheet, record, existing, target)
        board_code = _board_for_row(ctx, sheet, record, boards, board_rows)
        if board_code is not False:
            target["board_code"] = board_code
        periods = None
        if period_columns:  # each Period column present sets (or clears) that period; others stay
            merged = {p.number: (p.start_time, p.end_time) for p in existing.periods} if existing else {}
            for n in period_columns:
                merged.pop(n, None)
                if values.get(f"period_{n}"):
                    merged[n] = values[f"period_{n}"]
            periods = [(n, *merged[n]) for n in sorted(merged)]
        _add_school_item(ctx, sheet, record, school_code, existing, target, periods)
    _plan_boards(ctx, sheet, boards, board_rows)


def _warn_free_lunch(sheet: ParsedSheet, record: Record, existing: School | None, target: dict[str, Any]) -> None:
    """A school that serves its ALT lunch (or milk) at ¥0 is nearly always a price left out: the
    fees report would then bill nothing. A warning, not a refusal (some boards do pay)."""
    def after(name: str) -> Any:
        return target[name] if name in target else getattr(existing, name, DEFAULTS[name])

    policy, price = after("lunch_policy"), after("lunch_price_yen")
    # Only rows that speak of lunch: a file without the lunch columns leaves lunch to be set later.
    if policy in (LunchPolicy.SERVES, LunchPolicy.MILK_ONLY) and not price and (
            "lunch_price_yen" in target or "lunch_policy" in target):
        what_en, what_ja = ("lunch", "給食") if policy == LunchPolicy.SERVES else ("milk", "牛乳")
        sheet.problems.append(sheet.problem(
            record, "lunch_price_yen" if sheet.has("lunch_price_yen") else "lunch_policy",
            f"The school serves its ALT {what_en} at ¥0: the lunch fees will charge nothing for it. "
            "Enter the price per meal, or leave it at 0 if the board pays.",
            f"ALTへの{what_ja}の単価が 0 円です。給食費は 0 円で計算されます。1 食の単価を入力してください"
            "（教育委員会負担の場合は 0 円のままで構いません）。",
            "warning"))


def _names_and_level_present(sheet: ParsedSheet, record: Record, existing: School | None,
                             target: dict[str, Any]) -> bool:
    specs = [SCHEMA.field(name) for name in ("name_ja", "level")]
    if existing is None:
        missing = [spec for spec in specs if target.get(spec.key) in (None, "")]
        if missing:
            column = next((s.key for s in missing if sheet.has(s.key)), "code")
            sheet.problems.append(sheet.problem(
                record, column,
                f"{' and '.join(s.header for s in missing)} {'are' if len(missing) > 1 else 'is'} needed for a new school.",
                f"新しい学校には{'と'.join(s.header_ja for s in missing)}が必要です。"))
            return False
        return True
    for spec in specs:
        if spec.key in target and target[spec.key] in (None, ""):
            sheet.problems.append(sheet.problem(record, spec.key, f"{spec.header} cannot be emptied.",
                                                f"{spec.header_ja}を空にすることはできません。"))
            return False
    return True


def _board_for_row(ctx: PlanContext, sheet: ParsedSheet, record: Record,
                   boards: dict[str, dict[str, tuple[Any, Record]]], board_rows: dict[str, Record]) -> str | None | bool:
    """The board code of the row, None to clear it, False when the sheet does not say."""
    if not (sheet.has("board_code") or sheet.has("board_name_ja")):
        return False
    values = record.values
    given_code = values.get("board_code")
    name = values.get("board_name_ja") or None
    if not given_code and not name:
        return None
    if given_code:
        board_code = given_code
    else:
        board_code = ctx.board_code_for(name) or _new_board_code(ctx, name)
        ctx.new_board_names.setdefault(name, board_code)
    board_rows.setdefault(board_code, record)
    spec = boards.setdefault(board_code, {})
    for column, attribute in BOARD_FIELDS.items():
        if not sheet.has(column):
            continue
        value = values.get(column)
        if value in (None, ""):
            continue  # rows naming the board by code alone say nothing about its details
        if attribute in spec and not same(spec[attribute][0], value):
            first = spec[attribute][1]
            header = SCHEMA.field(column)
            sheet.problems.append(sheet.problem(
                record, column,
                f"Board {board_code} has a different {header.header} on row {first.row}; every row of a board must agree.",
                f"教育委員会 {board_code} の{header.header_ja}が {first.row} 行目と違います。同じ教育委員会の行は同じ値にしてください。",
            ))
            continue
        spec.setdefault(attribute, (value, record))
    return board_code


def _new_board_code(ctx: PlanContext, name: str) -> str:
    taken = set(ctx.boards) | set(ctx.new_boards) | set(ctx.new_board_names.values())
    numbers = [int(m.group(1)) for c in taken if (m := re.fullmatch(r"B(\d+)", c))]
    number = max(numbers, default=0) + 1
    while f"B{number:03d}" in taken:
        number += 1
    return f"B{number:03d}"


def _plan_boards(ctx: PlanContext, sheet: ParsedSheet, boards: dict[str, dict[str, tuple[Any, Record]]],
                 board_rows: dict[str, Record]) -> None:
    for board_code, spec in boards.items():
        record = board_rows[board_code]
        values = {attribute: value for attribute, (value, _row) in spec.items()}
        if "name_en" in values and values["name_en"] is None:
            values["name_en"] = ""
        existing = ctx.boards.get(board_code)
        if existing is None and board_code in ctx.new_boards:
            ctx.new_boards[board_code].values.update({k: v for k, v in values.items() if v not in (None, "")})
            continue
        label = values.get("name_ja") or (existing.name_ja if existing else "")
        if existing is None:
            if not values.get("name_ja"):
                column = "board_code" if sheet.has("board_code") else "board_name_ja"
                sheet.problems.append(sheet.problem(
                    record, column,
                    f"Board {board_code} is new: give its name in the Board name (ja) column.",
                    f"教育委員会 {board_code} は新規です。「教育委員会」列に名前を入れてください。"))
                continue
            item = item_for(sheet, record, "boards", "create", board_code, label, values)
            ctx.new_boards[board_code] = item
            ctx.new_board_names.setdefault(values["name_ja"], board_code)
        else:
            changes = diff(existing, values)
            item = item_for(sheet, record, "boards", "update" if changes else "unchanged", board_code, label,
                            values, existing, changes)
        ctx.add(item)


def _add_school_item(ctx: PlanContext, sheet: ParsedSheet, record: Record, school_code: str, existing: School | None,
                     target: dict[str, Any], periods: list[tuple[int, dt.time, dt.time]] | None) -> None:
    extra: dict[str, Any] = {}
    if periods is not None:
        extra["periods"] = periods
    if existing is None:
        item = item_for(sheet, record, "schools", "create", school_code, target.get("name_ja", ""), target, extra=extra)
        ctx.new_schools[school_code] = item
        ctx.add(item)
        return
    simple = {k: v for k, v in target.items() if k != "board_code"}
    changes = list(diff(existing, simple))
    if "board_code" in target:
        current = existing.board.code if existing.board is not None else None
        if not same(current, target["board_code"]):
            changes.append("board")
    if periods is not None:
        current_periods = [(p.number, p.start_time, p.end_time) for p in existing.periods]
        if current_periods != periods:
            changes.append("periods")
    ctx.add(item_for(sheet, record, "schools", "update" if changes else "unchanged", school_code, existing.name_ja,
                     target, existing, tuple(changes), extra))


def write_board(wctx: WriteContext, item: PlanItem) -> None:
    if item.action == "create":
        wctx.add("boards", item.key, Board(branch_id=wctx.branch_id, code=item.key, **{"name_en": "", **item.values}))
    elif item.action == "update":
        for name, value in item.values.items():
            setattr(item.existing, name, value)


def write_school(wctx: WriteContext, item: PlanItem) -> None:
    values = dict(item.values)
    board_code = values.pop("board_code", False)
    if item.action == "create":
        school = School(branch_id=wctx.branch_id, code=item.key, **{**DEFAULTS, **values})
        if board_code:
            school.board_id = wctx.board_ids[board_code]
        school.periods = [BellPeriod(number=n, start_time=s, end_time=e) for n, s, e in item.extra.get("periods", [])]
        wctx.add("schools", item.key, school)
        return
    if item.action != "update":
        return
    school = item.existing
    for name, value in values.items():
        setattr(school, name, value)
    if board_code is not False:
        school.board_id = wctx.board_ids[board_code] if board_code else None
    if "periods" in item.extra:
        _replace_periods(wctx.session, school, item.extra["periods"])


def _replace_periods(session: Session, school: School, periods: list[tuple[int, dt.time, dt.time]]) -> None:
    """Update periods in place by number (replacing rows would briefly break (school, number)
    uniqueness); a number is only ever removed or added, never both."""
    wanted = {n: (s, e) for n, s, e in periods}
    for period in list(school.periods):
        if period.number not in wanted:
            school.periods.remove(period)
    by_number = {p.number: p for p in school.periods}
    for number, (start, end) in sorted(wanted.items()):
        period = by_number.get(number)
        if period is None:
            school.periods.append(BellPeriod(number=number, start_time=start, end_time=end))
        else:
            period.start_time, period.end_time = start, end


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    schools = session.scalars(
        select(School).where(School.branch_id == branch_id).order_by(School.code)
        .options(selectinload(School.periods), selectinload(School.board))
    ).all()
    rows = []
    for school in schools:
        board = school.board
        row: dict[str, Any] = {
            "code": school.code, "name_ja": school.name_ja, "name_en": school.name_en,
            "short_name_ja": school.short_name_ja, "level": str(school.level), "address": school.address,
            "phone": school.phone, "contact_teacher": school.contact_teacher, "lunch_policy": str(school.lunch_policy),
            "lunch_price_yen": school.lunch_price_yen, "lunch_notice": dv.format_notice_rule(school.lunch_notice_rule),
            "contracted_days": school.contracted_days, "latitude": school.latitude, "longitude": school.longitude,
        }
        if board is not None:
            row.update({
                "board_code": board.code, "board_name_ja": board.name_ja, "board_name_en": board.name_en,
                "board_contract_days": board.contract_days_per_year,
                "board_contract_hours": board.contract_hours_per_day,
                "board_lunch_notice": dv.format_notice_rule(board.lunch_notice_rule),
            })
        for period in school.periods:
            if period.number <= PERIOD_COUNT:
                row[f"period_{period.number}"] = f"{period.start_time:%H:%M}-{period.end_time:%H:%M}"
        rows.append(row)
    return rows


def unused_boards(session: Session, branch_id: int) -> list[Board]:
    """Boards no school refers to: the Schools sheet cannot carry them."""
    used = select(School.board_id).where(School.branch_id == branch_id, School.board_id.is_not(None))
    return list(session.scalars(select(Board).where(Board.branch_id == branch_id, Board.id.not_in(used))))
