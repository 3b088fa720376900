"""ALTs sheet: the ALT roster with levels taught and the diet profile."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.enums import AltStatus, TravelMode
from altdesk.db.models import Alt
from altdesk.io.importing import domain_values as dv
from altdesk.io.importing.dates import parse_date
from altdesk.io.importing.location import check_location
from altdesk.io.importing.plan import PlanContext, PlanItem, diff, item_for
from altdesk.io.importing.schema import Field, ParsedSheet, Record, Schema
from altdesk.io.importing.text import boolean, code, contact, decimal, integer, plain_text, unique
from altdesk.io.importing.writing import WriteContext
from altdesk.lunch.diet import DietReview, effective_review, review_fingerprint, unreadable_text

FIELDS: tuple[Field, ...] = (
    Field("code", "ALT code", ("ALTコード", "ALT番号", "社員番号", "職員番号", "スタッフコード", "コード", "alt id", "staff code",
                               "employee no", "code"),
          code, required=True, help_en="Identifies the ALT: importing again updates the ALT with this code.",
          help_ja="ALT を識別します。同じコードで再度取り込むと更新されます。", example="A0001", max_length=20, width=11,
          number_format="@"),
    Field("family_name", "Family name", ("姓", "氏", "姓（ローマ字）", "ファミリーネーム", "surname", "last name"), plain_text,
          help_en="In roman letters, as typed.", help_ja="ローマ字。入力どおりに記録します。", example="Smith", max_length=100),
    Field("given_name", "Given name", ("名", "名（ローマ字）", "ファーストネーム", "first name"), plain_text,
          help_en="In roman letters, as typed.", help_ja="ローマ字。入力どおりに記録します。", example="Emily", max_length=100),
    Field("name", "Full name", ("氏名", "名前", "ALT名", "ALT氏名", "氏名（ローマ字）", "name", "alt name"), plain_text,
          help_en="Instead of Family and Given name: 'Emily Smith', 'SMITH Emily' or 'Smith, Emily'.",
          help_ja="姓・名の列の代わりに使えます：Emily Smith、SMITH Emily、Smith, Emily。", example="Emily Smith",
          width=20, in_template=False),
    Field("kana", "Kana", ("フリガナ", "カナ", "ふりがな", "氏名（カナ）", "カタカナ", "読み", "katakana", "reading"), plain_text,
          help_en="The name in katakana.", help_ja="カタカナの読み。", example="エミリー・スミス", max_length=200, width=18),
    Field("nationality", "Nationality", ("国籍", "出身国", "country"), plain_text, help_en="Country of nationality.",
          help_ja="国籍。", example="United States", max_length=60),
    Field("start_date", "Start date", ("着任日", "勤務開始日", "入社日", "採用日", "開始日", "started", "hire date"), parse_date,
          help_en="First day with the company (length of service).", help_ja="着任日（勤続年数の基準）。",
          example="2024-08-01", number_format="yyyy-mm-dd", width=12),
    Field("status", "Status", ("状態", "在籍状況", "ステータス", "在籍"), dv.parse_status,
          help_en="Empty: active.", help_ja="空欄は在籍。", allowed_en=dv.STATUS_ALLOWED_EN, allowed_ja=dv.STATUS_ALLOWED_JA,
          example="active", choices=("active", "on_leave", "left")),
    Field("email", "Email", ("メール", "メールアドレス", "Eメール", "e-mail", "mail"), contact, help_en="E-mail address.",
          help_ja="メールアドレス。", example="emily.smith@example.org", max_length=200, width=26),
    Field("phone", "Phone", ("電話番号", "電話", "携帯", "携帯番号", "mobile", "tel"), contact, help_en="Phone number.",
          help_ja="電話番号。", example="080-1234-5678", max_length=40, number_format="@"),
    Field("levels", "Levels taught", ("担当校種", "校種", "levels", "school levels"), dv.parse_levels,
          help_en="School levels the ALT teaches, separated by commas.", help_ja="担当する校種（読点区切り）。",
          allowed_en=dv.LEVELS_ALLOWED_EN, allowed_ja=dv.LEVELS_ALLOWED_JA, example="elementary, junior_high", width=24),
    Field("allergens", "Allergens", ("アレルギー", "食物アレルギー", "アレルゲン", "特定原材料", "allergies", "allergy"),
          dv.parse_allergens, help_en="Sensitive personal data. Allergens among the eight labelled ones.",
          help_ja="要配慮個人情報。特定原材料 8 品目のうち該当するもの。", allowed_en=dv.ALLERGENS_ALLOWED_EN,
          allowed_ja=dv.ALLERGENS_ALLOWED_JA, example="egg, shrimp", width=18),
    Field("other_allergens", "Other allergens", ("その他アレルギー", "その他のアレルギー", "その他アレルゲン"), plain_text,
          help_en="Other allergies, as free text.", help_ja="その他のアレルギー（自由記述）。", example="kiwi",
          max_length=300, width=18),
    Field("vegetarian", "Vegetarian", ("ベジタリアン", "菜食"), boolean, help_en="yes or no.", help_ja="はい／いいえ。",
          allowed_en="yes, no", allowed_ja="はい、いいえ", example="no", choices=("yes", "no"), width=11),
    Field("vegan", "Vegan", ("ヴィーガン", "ビーガン"), boolean, help_en="yes or no.", help_ja="はい／いいえ。",
          allowed_en="yes, no", allowed_ja="はい、いいえ", example="no", choices=("yes", "no"), width=9),
    Field("halal", "Halal", ("ハラール", "ハラル"), boolean, help_en="yes or no.", help_ja="はい／いいえ。",
          allowed_en="yes, no", allowed_ja="はい、いいえ", example="no", choices=("yes", "no"), width=9),
    Field("gluten_free", "Gluten-free", ("グルテンフリー", "gluten free"), boolean, help_en="yes or no.",
          help_ja="はい／いいえ。", allowed_en="yes, no", allowed_ja="はい、いいえ", example="no", choices=("yes", "no"),
          width=11),
    Field("diet_notes", "Diet notes", ("食事メモ", "食事の備考", "食事に関する備考", "食事制限", "diet"), plain_text,
          help_en="Anything a school should know about meals.", help_ja="食事について学校に伝えるべきこと。",
          example="Carries an epinephrine auto-injector.", width=28),
    Field("diet_review", "Diet review", ("食事の確認", "給食の確認", "食事制限の確認", "diet reviewed"),
          dv.parse_diet_review,
          help_en="A coordinator's reading of the diet notes and other allergens, which the lunch rules cannot read. "
                  "Empty: to review, own lunch until then. Holds only for the notes written beside it.",
          help_ja="食事メモ・その他アレルギー（規則では判定できない自由記述）をコーディネーターが確認した結果。空欄は要確認で、"
                  "確認まで弁当持参。同じ行のメモに対してのみ有効です。",
          allowed_en=dv.REVIEW_ALLOWED_EN, allowed_ja=dv.REVIEW_ALLOWED_JA, example="",
          choices=("school_lunch_ok", "own_lunch"), width=14),
    Field("share_diet_consent", "Consent to share diet", ("食事情報の共有同意", "情報共有同意", "学校への共有同意", "共有同意",
                                                           "同意", "consent", "consent to share", "share diet consent"),
          boolean, help_en="Whether the ALT agreed that schools may see the diet details. Empty: no.",
          help_ja="食事情報を学校へ伝えることに ALT が同意しているか。空欄は「いいえ」。", allowed_en="yes, no",
          allowed_ja="はい、いいえ", example="yes", choices=("yes", "no"), width=12),
    Field("weekly_class_limit", "Weekly class limit", ("週授業上限", "週コマ上限", "週あたり授業数上限", "classes per week"),
          integer(0, 60), help_en="Most classes a week (empty: 25).", help_ja="1 週間の授業数の上限（空欄は 25）。",
          example="25"),
    Field("end_date", "Contract end", ("契約終了日", "任期終了日", "退職予定日", "contract end", "contract end date"),
          parse_date, help_en="The last day of the ALT's contract (empty: open). The planner places no one after it.",
          help_ja="契約の最終日（空欄は期限なし）。この日より後には配置を計画しません。", example="2027-07-31",
          number_format="yyyy-mm-dd", width=12),
    Field("home_latitude", "Home latitude", ("自宅緯度", "自宅の緯度", "緯度", "home lat", "latitude"), decimal(-90, 90),
          help_en="Where the ALT lives, in decimal degrees (e.g. 35.8617). Give both latitude and longitude, or "
                  "neither. For travel estimates.",
          help_ja="自宅の位置（10進数の度、例：35.8617）。緯度と経度は両方入力するか、両方空欄にします。移動時間の見積りに使います。",
          example="35.8617", width=12),
    Field("home_longitude", "Home longitude", ("自宅経度", "自宅の経度", "経度", "home lon", "home lng", "longitude"),
          decimal(-180, 180), help_en="Decimal degrees, e.g. 139.6455.", help_ja="10進数の度（例：139.6455）。",
          example="139.6455", width=12),
    Field("travel_mode", "Travel mode", ("通勤手段", "交通手段", "移動手段", "travel", "commute"), dv.parse_travel_mode,
          help_en="How the ALT gets to schools. Empty: car.", help_ja="学校への移動手段。空欄は車。",
          allowed_en=dv.TRAVEL_ALLOWED_EN, allowed_ja=dv.TRAVEL_ALLOWED_JA, example="train_bus", width=13,
          choices=("car", "train_bus", "bicycle")),
    Field("preferred_levels", "Preferred levels", ("希望校種", "希望する校種", "preferred levels", "preferred"),
          dv.parse_levels, help_en="Levels the ALT would rather teach, separated by commas (empty: no preference).",
          help_ja="希望する校種（読点区切り、空欄は希望なし）。", allowed_en=dv.LEVELS_ALLOWED_EN,
          allowed_ja=dv.LEVELS_ALLOWED_JA, example="junior_high", width=18),
    Field("max_schools", "Most schools", ("担当校数上限", "最大担当校数", "担当校上限", "max schools", "school cap"),
          integer(1, 20), help_en="At most this many schools for the ALT (empty: no cap).",
          help_ja="担当する学校数の上限（空欄は上限なし）。", example="4", width=11),
)

SCHEMA = Schema(
    kind="alts", sheet="ALTs", sheet_aliases=("ALT", "ALT一覧", "ALT名簿", "ALTマスタ", "講師", "講師一覧"),
    label_en="ALT", label_ja="ALT", fields=FIELDS,
    required_groups=(("code", "family_name", "given_name"), ("code", "name")),
    key_columns=("code",),
)
PLAIN = ("family_name", "given_name", "kana", "nationality", "start_date", "status", "email", "phone", "levels",
         "vegetarian", "vegan", "halal", "gluten_free", "diet_notes", "share_diet_consent", "weekly_class_limit", "end_date", "home_latitude", "home_longitude",
         "travel_mode", "preferred_levels", "max_schools")
DEFAULTS: dict[str, Any] = {"kana": "", "nationality": "", "start_date": None, "status": AltStatus.ACTIVE, "email": "",
                            "phone": "", "levels": [], "allergens": [], "other_allergens": "", "vegetarian": False,
                            "vegan": False, "halal": False, "gluten_free": False, "diet_notes": "",
                            "share_diet_consent": False, "weekly_class_limit": 25, "end_date": None,
                            "home_latitude": None, "home_longitude": None, "travel_mode": TravelMode.CAR,
                            "preferred_levels": [], "max_schools": None}


def split_name(full: str) -> tuple[str, str] | None:
    """(family, given) from 'Emily Smith', 'SMITH Emily', 'Emily SMITH' or 'Smith, Emily'."""
    if "," in full or "，" in full:
        family, given = (part.strip() for part in re.split(r"[,，]", full, maxsplit=1))
        return (family, given) if family and given else None
    tokens = full.split()
    if len(tokens) < 2:
        return None

    def shouting(token: str) -> bool:
        return len(token) > 1 and token.isupper()

    if shouting(tokens[0]) and not all(shouting(t) for t in tokens):
        return tokens[0], " ".join(tokens[1:])
    if shouting(tokens[-1]) and not all(shouting(t) for t in tokens):
        return tokens[-1], " ".join(tokens[:-1])
    return tokens[-1], " ".join(tokens[:-1])


def plan(ctx: PlanContext, sheet: ParsedSheet) -> None:
    for record in sheet.records:
        values = record.values
        alt_code = values.get("code")
        if not record.ok or not alt_code:
            continue
        if not ctx.claim(sheet, record, "alts", alt_code, f"ALT {alt_code}", "code"):
            continue
        existing = ctx.alts.get(alt_code)
        target = {name: _or_default(name, values.get(name)) for name in PLAIN if sheet.has(name)}
        if not _names(sheet, record, existing, target):
            continue
        if sheet.has("allergens"):
            labelled, flags, others = values.get("allergens") or dv.AllergenCell([], [], [])
            target["allergens"] = labelled
            for flag in flags:  # "halal" under Allergens is the diet, not another allergen
                target[flag] = True
            if others or sheet.has("other_allergens"):
                typed = (values.get("other_allergens") or "") if sheet.has("other_allergens") else ""
                target["other_allergens"] = "、".join(unique([p for p in [typed, *others] if p]))
        elif sheet.has("other_allergens"):
            target["other_allergens"] = values.get("other_allergens") or ""
        if sheet.has("diet_review"):
            _review(values.get("diet_review"), existing, target)
        if not check_location(sheet, record, existing, target, "home_latitude", "home_longitude"):
            continue
        if _ends_before_start(sheet, record, existing, target):
            continue
        if len(target.get("other_allergens", "")) > 300:
            sheet.problems.append(sheet.problem(record, "other_allergens", "Other allergens is too long (300 characters at most).",
                                                "その他アレルギーが長すぎます（300 文字以内）。"))
            continue
        label = f"{target.get('given_name', existing.given_name if existing else '')} " \
                f"{target.get('family_name', existing.family_name if existing else '')}".strip()
        _warn_if_to_review(sheet, record, existing, target)
        if existing is None:
            item = item_for(sheet, record, "alts", "create", alt_code, label, target)
            ctx.new_alts[alt_code] = item
        else:
            changes = diff(existing, target)
            item = item_for(sheet, record, "alts", "update" if changes else "unchanged", alt_code, label, target,
                            existing, changes)
        ctx.add(item)


def _ends_before_start(sheet: ParsedSheet, record: Record, existing: Alt | None, target: dict[str, Any]) -> bool:
    end, start = _now("end_date", existing, target), _now("start_date", existing, target)
    if end is None or start is None or end >= start:
        return False
    sheet.problems.append(sheet.problem(
        record, "end_date" if sheet.has("end_date") else "start_date",
        f"The contract end {end.isoformat()} is before the start date {start.isoformat()}.",
        f"契約終了日 {end.isoformat()} が着任日 {start.isoformat()} より前です。"))
    return True


def _now(name: str, existing: Alt | None, target: dict[str, Any]) -> Any:
    """The value the ALT will have once imported."""
    return target[name] if name in target else getattr(existing, name, None) if existing is not None else None


def _unreadable(existing: Alt | None, target: dict[str, Any]) -> str:
    return unreadable_text(_now("allergens", existing, target) or (), _now("other_allergens", existing, target),
                           _now("diet_notes", existing, target))


def _review(review: DietReview | None, existing: Alt | None, target: dict[str, Any]) -> None:
    """A review from the sheet holds for the text beside it (as the editor keeps it)."""
    unreadable = _unreadable(existing, target)
    if review is None or not unreadable:
        target["diet_review"] = target["diet_review_of"] = None
    else:
        target["diet_review"] = review.value
        target["diet_review_of"] = review_fingerprint(unreadable)


def _warn_if_to_review(sheet: ParsedSheet, record: Record, existing: Alt | None, target: dict[str, Any]) -> None:
    """Free text about the diet (notes, other allergens) is something the lunch rules cannot read:
    the ALT brings own lunch until a coordinator has reviewed it, and the import says so."""
    unreadable = _unreadable(existing, target)
    if not unreadable:
        return
    review = effective_review(_now("diet_review", existing, target), _now("diet_review_of", existing, target),
                              unreadable)
    if review is not None:
        return  # reviewed for exactly this text already
    column = next((c for c in ("diet_notes", "other_allergens", "allergens")
                   if sheet.has(c) and _now(c, existing, target)), None)
    sheet.problems.append(sheet.problem(
        record, column,
        "To review: the diet notes or other allergens are free text the lunch rules cannot read, so this ALT "
        "brings own lunch until a coordinator reviews them in the ALT editor.",
        "要確認：食事メモ・その他アレルギーは規則で判定できないため、ALTの編集画面で確認するまで弁当持参になります。",
        severity="warning",
    ))


def _or_default(name: str, value: Any) -> Any:
    return DEFAULTS.get(name) if value in (None, "") else value


def _names(sheet: ParsedSheet, record: Record, existing: Alt | None, target: dict[str, Any]) -> bool:
    """Fill family/given names from the Full name column when the sheet has no separate columns."""
    values = record.values
    if not (sheet.has("family_name") and sheet.has("given_name")) and values.get("name"):
        split = split_name(values["name"])
        if split is None:
            sheet.problems.append(sheet.problem(
                record, "name",
                "Write the full name as 'Given FAMILY', 'FAMILY Given' or 'Family, Given', or use the Family name "
                "and Given name columns.",
                "氏名は「Given FAMILY」「FAMILY Given」「Family, Given」のように書くか、姓・名の列を使ってください。"))
            return False
        target["family_name"], target["given_name"] = split
    for name in ("family_name", "given_name"):
        header = SCHEMA.field(name)
        if name in target and len(target[name] or "") > 100:
            sheet.problems.append(sheet.problem(record, name, f"{header.header} is too long.", f"{header.header_ja}が長すぎます。"))
            return False
        if (existing is None or name in target) and not target.get(name):
            column = name if sheet.has(name) else ("name" if sheet.has("name") else "code")
            sheet.problems.append(sheet.problem(
                record, column, f"{header.header} is required.", f"{header.header_ja}は必須です。"))
            return False
    return True


def write(wctx: WriteContext, item: PlanItem) -> None:
    if item.action == "create":
        wctx.add("alts", item.key, Alt(branch_id=wctx.branch_id, code=item.key, **{**DEFAULTS, **item.values}))
    elif item.action == "update":
        for name, value in item.values.items():
            setattr(item.existing, name, value)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _review_text(alt: Alt) -> str:
    """The review that still holds, for the filled template (a stale one is left out: to review)."""
    review = effective_review(alt.diet_review, alt.diet_review_of,
                              unreadable_text(alt.allergens or (), alt.other_allergens, alt.diet_notes))
    return review.value if review is not None else ""


def template_rows(session: Session, branch_id: int) -> list[dict[str, Any]]:
    rows = []
    for alt in session.scalars(select(Alt).where(Alt.branch_id == branch_id).order_by(Alt.code)):
        rows.append({
            "code": alt.code, "family_name": alt.family_name, "given_name": alt.given_name, "kana": alt.kana,
            "nationality": alt.nationality, "start_date": alt.start_date, "status": str(alt.status),
            "email": alt.email, "phone": alt.phone, "levels": ", ".join(alt.levels or []),
            "allergens": ", ".join(alt.allergens or []), "other_allergens": alt.other_allergens,
            "vegetarian": _yes_no(alt.vegetarian), "vegan": _yes_no(alt.vegan), "halal": _yes_no(alt.halal),
            "gluten_free": _yes_no(alt.gluten_free), "diet_notes": alt.diet_notes,
            "share_diet_consent": _yes_no(alt.share_diet_consent), "weekly_class_limit": alt.weekly_class_limit,
            "diet_review": _review_text(alt), "end_date": alt.end_date, "home_latitude": alt.home_latitude,
            "home_longitude": alt.home_longitude, "travel_mode": str(alt.travel_mode or TravelMode.CAR),
            "preferred_levels": ", ".join(alt.preferred_levels or []), "max_schools": alt.max_schools,
        })
    return rows
