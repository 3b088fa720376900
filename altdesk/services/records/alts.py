"""Loading, saving and deleting one ALT, with the diet profile (要配慮個人情報)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from altdesk.db.engine import transaction
from altdesk.db.enums import AltStatus, SchoolLevel, TravelMode
from altdesk.db.models import Absence, Alt, EventAttendee, Placement, Visit
from altdesk.errors import InvalidInput, NotFound
from altdesk.lunch.diet import (
    ALLERGEN_KEYS,
    DietReview,
    effective_review,
    review_fingerprint,
    unreadable_text,
)
from altdesk.services.records.common import (
    ascii_clean,
    assign,
    code_field,
    in_use_message,
    int_field,
    load_for_update,
    location_fields,
    phone_field,
    require_unique_code,
    text_field,
    unique_guard,
)
from altdesk.services.workspace import Workspace

_KATAKANA = re.compile(r"[\u30A0-\u30FF\u31F0-\u31FF ・ー=＝]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uFF66-\uFF9F]")


@dataclass(frozen=True)
class AltForm:
    """What the ALT editor shows and sends back. `version` is the one the form loaded."""

    id: int | None = None
    version: int | None = None
    code: str = ""
    family_name: str = ""
    given_name: str = ""
    kana: str = ""
    nationality: str = ""
    start_date: dt.date | None = None
    status: AltStatus = AltStatus.ACTIVE
    email: str = ""
    phone: str = ""
    levels: tuple[str, ...] = ()
    allergens: tuple[str, ...] = ()
    other_allergens: str = ""
    vegetarian: bool = False
    vegan: bool = False
    halal: bool = False
    gluten_free: bool = False
    diet_notes: str = ""
    share_diet_consent: bool = False
    weekly_class_limit: int = 25
    # A coordinator's review of the free-text diet (notes, other allergens) the lunch rules
    # cannot read; None: to review. Only meaningful while there is such text.
    diet_review: DietReview | None = None
    # For the placement planner: the contract's last day (None: open), home (both or neither),
    # how the ALT travels, the levels the ALT would rather teach, at most this many schools (None: no cap).
    end_date: dt.date | None = None
    home_latitude: float | None = None
    home_longitude: float | None = None
    travel_mode: TravelMode = TravelMode.CAR
    preferred_levels: tuple[str, ...] = ()
    max_schools: int | None = None

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


def _to_katakana(text: str) -> str:
    """Hiragana typed by mistake becomes katakana (ぁ-ゖ sits 0x60 below ァ-ヶ)."""
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def validate_alt(form: AltForm) -> AltForm:
    """The form cleaned up, or InvalidInput naming the first field that is wrong."""
    code = code_field(form.code)
    family = text_field(form.family_name, "family_name", ("The family name", "姓（ローマ字）"), max_len=100,
                        required=True)
    given = text_field(form.given_name, "given_name", ("The given name", "名（ローマ字）"), max_len=100,
                       required=True)
    for field, value in (("family_name", family), ("given_name", given)):
        if _JAPANESE_SCRIPT.search(value):
            raise InvalidInput(
                "Write the name in Latin letters (romaji); the katakana reading has its own field.",
                "氏名はローマ字で入力してください。カタカナの読みはフリガナ欄に入力します。",
                field=field,
            )
    kana = _to_katakana(ascii_clean(form.kana))  # NFKC: half-width ｶﾀｶﾅ becomes full-width
    if len(kana) > 200 or not _KATAKANA.fullmatch(kana):
        raise InvalidInput(
            "The reading must be written in katakana (e.g. エミリー・カーター).",
            "フリガナはカタカナで入力してください（例：エミリー・カーター）。",
            field="kana",
        )
    nationality = text_field(form.nationality, "nationality", ("The nationality", "国籍"), max_len=60)
    try:
        status = AltStatus(form.status)
    except ValueError:
        raise InvalidInput("Choose a status.", "在籍状況を選んでください。", field="status") from None
    email = ascii_clean(form.email)
    if email and (len(email) > 200 or not _EMAIL.fullmatch(email)):
        raise InvalidInput(f"{email!r} is not an e-mail address.", f"「{email}」はメールアドレスではありません。",
                           field="email")
    phone = phone_field(form.phone)
    known_levels = [level.value for level in SchoolLevel]
    if any(level not in known_levels for level in form.levels):
        raise InvalidInput("Unknown school level.", "不明な校種です。", field="levels")
    if any(a not in ALLERGEN_KEYS for a in form.allergens):
        raise InvalidInput("Unknown allergen.", "不明なアレルゲンです。", field="allergens")
    other = text_field(form.other_allergens, "other_allergens", ("Other allergens", "その他のアレルゲン"),
                       max_len=300)
    notes = text_field(form.diet_notes, "diet_notes", ("The diet notes", "食事に関するメモ"), max_len=4000)
    try:
        review = DietReview(form.diet_review) if form.diet_review else None
    except ValueError:
        raise InvalidInput("Choose what the diet review decided.", "食事の確認結果を選んでください。",
                           field="diet_review") from None
    if not unreadable_text(form.allergens, other, notes):
        review = None  # nothing left to review
    limit = int_field(form.weekly_class_limit, "weekly_class_limit",
                      ("The weekly class limit", "週あたりの授業数上限"), 1, 40)
    if form.end_date is not None and form.start_date is not None and form.end_date < form.start_date:
        raise InvalidInput(
            f"The contract end date {form.end_date.isoformat()} is before the start date "
            f"{form.start_date.isoformat()}.",
            f"契約終了日 {form.end_date.isoformat()} が着任日 {form.start_date.isoformat()} より前です。",
            field="end_date",
        )
    home_lat, home_lon = location_fields(form.home_latitude, form.home_longitude, lat_field="home_latitude",
                                         lon_field="home_longitude")
    try:
        mode = TravelMode(form.travel_mode)
    except ValueError:
        raise InvalidInput("Choose how the ALT travels (car, train/bus or bicycle).",
                           "通勤手段（車・電車/バス・自転車）を選んでください。", field="travel_mode") from None
    if any(level not in known_levels for level in form.preferred_levels):
        raise InvalidInput("Unknown preferred school level.", "不明な希望校種です。", field="preferred_levels")
    cap = int_field(form.max_schools, "max_schools", ("The most schools", "担当校数の上限"), 1, 20, optional=True)
    return AltForm(
        id=form.id, version=form.version, code=code, family_name=family, given_name=given, kana=kana,
        nationality=nationality, start_date=form.start_date, status=status, email=email, phone=phone,
        levels=tuple(v for v in known_levels if v in form.levels),
        allergens=tuple(a for a in ALLERGEN_KEYS if a in form.allergens),
        other_allergens=other, vegetarian=bool(form.vegetarian), vegan=bool(form.vegan), halal=bool(form.halal),
        gluten_free=bool(form.gluten_free), diet_notes=notes, share_diet_consent=bool(form.share_diet_consent),
        weekly_class_limit=limit or 25, diet_review=review,
        end_date=form.end_date, home_latitude=home_lat, home_longitude=home_lon, travel_mode=mode,
        preferred_levels=tuple(v for v in known_levels if v in form.preferred_levels), max_schools=cap,
    )


def _form(alt: Alt) -> AltForm:
    return AltForm(
        id=alt.id, version=alt.version, code=alt.code, family_name=alt.family_name, given_name=alt.given_name,
        kana=alt.kana or "", nationality=alt.nationality or "", start_date=alt.start_date,
        status=AltStatus(alt.status), email=alt.email or "", phone=alt.phone or "",
        levels=tuple(alt.levels or ()), allergens=tuple(alt.allergens or ()),
        other_allergens=alt.other_allergens or "", vegetarian=alt.vegetarian, vegan=alt.vegan, halal=alt.halal,
        gluten_free=alt.gluten_free, diet_notes=alt.diet_notes or "", share_diet_consent=alt.share_diet_consent,
        weekly_class_limit=alt.weekly_class_limit,
        # A review made for other notes than these no longer holds: the form shows "to review".
        diet_review=effective_review(alt.diet_review, alt.diet_review_of,
                                     unreadable_text(alt.allergens or (), alt.other_allergens, alt.diet_notes)),
        end_date=alt.end_date, home_latitude=alt.home_latitude, home_longitude=alt.home_longitude,
        travel_mode=TravelMode(alt.travel_mode or TravelMode.CAR), preferred_levels=tuple(alt.preferred_levels or ()),
        max_schools=alt.max_schools,
    )


def _values(form: AltForm) -> dict[str, object]:
    return {
        "code": form.code, "family_name": form.family_name, "given_name": form.given_name, "kana": form.kana,
        "nationality": form.nationality, "start_date": form.start_date, "status": form.status,
        "email": form.email, "phone": form.phone, "levels": list(form.levels), "allergens": list(form.allergens),
        "other_allergens": form.other_allergens, "vegetarian": form.vegetarian, "vegan": form.vegan,
        "halal": form.halal, "gluten_free": form.gluten_free, "diet_notes": form.diet_notes,
        "share_diet_consent": form.share_diet_consent, "weekly_class_limit": form.weekly_class_limit,
        "diet_review": form.diet_review.value if form.diet_review else None,
        # The review holds for exactly the text it was made for.
        "diet_review_of": review_fingerprint(unreadable_text(form.allergens, form.other_allergens, form.diet_notes))
        if form.diet_review else None,
        "end_date": form.end_date, "home_latitude": form.home_latitude, "home_longitude": form.home_longitude,
        "travel_mode": form.travel_mode, "preferred_levels": list(form.preferred_levels),
        "max_schools": form.max_schools,
    }


def load_alt(ws: Workspace, alt_id: int) -> AltForm:
    with ws.db.sessions() as session:
        alt = session.get(Alt, alt_id)
        if alt is None or alt.branch_id != ws.branch_id:
            raise NotFound("This ALT no longer exists.", "このALTはもう存在しません。")
        return _form(alt)


def save_alt(ws: Workspace, form: AltForm) -> AltForm:
    """Create (id None) or update the ALT in one transaction; returns it as saved, with its new version."""
    form = validate_alt(form)
    with unique_guard(), transaction(ws.db.sessions) as session:
        require_unique_code(session, Alt, ws.branch_id, form.code, form.id, ("ALT", "ALT"))
        if form.id is None:
            alt = Alt(branch_id=ws.branch_id, **_values(form))
            session.add(alt)
        else:
            alt = load_for_update(session, Alt, form.id, ws.branch_id, form.version)
            assign(alt, _values(form))
        session.flush()
        return _form(alt)


def set_alt_status(ws: Workspace, alt_id: int, version: int, status: AltStatus) -> AltForm:
    """Mark an ALT as left (or back): what a coordinator does instead of deleting one with history."""
    with transaction(ws.db.sessions) as session:
        alt = load_for_update(session, Alt, alt_id, ws.branch_id, version)
        alt.status = AltStatus(status)
        session.flush()
        return _form(alt)


def alt_dependents(ws: Workspace, alt_id: int) -> dict[str, int]:
    """What still refers to this ALT: deleting it would orphan these."""
    with ws.db.sessions() as session:
        return _alt_dependents(session, alt_id)


def _alt_dependents(session, alt_id: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    def count(model, *where) -> int:  # type: ignore[no-untyped-def]
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    return {
        "placements": count(Placement, Placement.alt_id == alt_id),
        "visits": count(Visit, or_(Visit.alt_id == alt_id, Visit.covered_by_alt_id == alt_id)),
        "absences": count(Absence, Absence.alt_id == alt_id),
        "events": count(EventAttendee, EventAttendee.alt_id == alt_id),
    }


_DEPENDENT_LABELS = {
    "placements": ("{n} placement(s)", "配置 {n} 件"),
    "visits": ("{n} visit(s)", "訪問 {n} 件"),
    "absences": ("{n} absence(s)", "不在 {n} 件"),
    "events": ("{n} school event(s)", "学校行事 {n} 件"),
}


def delete_alt(ws: Workspace, alt_id: int, version: int) -> AltForm:
    """Delete an ALT that nothing refers to; returns what was deleted (so it can be undone)."""
    with transaction(ws.db.sessions) as session:
        alt = load_for_update(session, Alt, alt_id, ws.branch_id, version)
        counts = _alt_dependents(session, alt_id)
        if any(counts.values()):
            raise in_use_message(
                f"The ALT {alt.code} ({alt.display_name})", f"ALT {alt.code}（{alt.display_name}）", counts,
                _DEPENDENT_LABELS,
                ("Mark the ALT as left instead: the history stays and no new visits are planned.",
                 "代わりに「退職」にしてください。履歴は残り、新しい訪問は予定されません。"),
            )
        removed = _form(alt)
        session.delete(alt)
        session.flush()
        return removed

