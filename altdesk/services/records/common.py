"""Shared pieces of the record editors: text clean-up, field checks, codes, locking, in-use refusals.

Every check raises InvalidInput naming the form field (the attribute of the form
dataclass, e.g. "code" or "periods.2.end_time") so the dialog can highlight it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from altdesk.errors import InvalidInput, StaleEdit, UserError

T = TypeVar("T")

CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
PHONE_PATTERN = re.compile(r"[0-9+()\- ]*")
MAX_CODE = 20


class InUse(UserError):
    """A record others depend on: deleting it would orphan them. `counts` says what depends."""

    def __init__(self, message_en: str, message_ja: str, counts: dict[str, int]) -> None:
        super().__init__(message_en, message_ja)
        self.counts = counts


def clean(value: str | None) -> str:
    """NFC-normalised, trimmed text; the IME's full-width space counts as space too."""
    return unicodedata.normalize("NFC", (value or "").replace("\u3000", " ")).strip()


def ascii_clean(value: str | None) -> str:
    """NFKC for fields people type in ASCII: full-width digits from an IME become 0-9."""
    return unicodedata.normalize("NFKC", value or "").strip()


def text_field(value: str | None, field: str, label: tuple[str, str], *, max_len: int,
               required: bool = False) -> str:
    text = clean(value)
    if required and not text:
        raise InvalidInput(f"{label[0]} is required.", f"{label[1]}を入力してください。", field=field)
    if len(text) > max_len:
        raise InvalidInput(
            f"{label[0]} is too long ({len(text)} characters; at most {max_len}).",
            f"{label[1]}が長すぎます（{len(text)} 文字、最大 {max_len} 文字）。",
            field=field,
        )
    return text


def code_field(value: str | None, field: str = "code") -> str:
    code = ascii_clean(value)
    if not code:
        raise InvalidInput("The code is required.", "コードを入力してください。", field=field)
    if len(code) > MAX_CODE or not CODE_PATTERN.fullmatch(code):
        raise InvalidInput(
            f"The code {code!r} is not valid: use up to {MAX_CODE} letters, digits, '-', '_' or '.', "
            "starting with a letter or digit.",
            f"コード「{code}」は使えません。英数字と - _ . で {MAX_CODE} 文字以内（先頭は英数字）にしてください。",
            field=field,
        )
    return code


def phone_field(value: str | None, field: str = "phone") -> str:
    phone = ascii_clean(value)
    if len(phone) > 40 or not PHONE_PATTERN.fullmatch(phone):
        raise InvalidInput(
            f"The phone number {phone!r} may only hold digits, spaces, '+', '-' and brackets.",
            f"電話番号「{phone}」には数字・空白・+・-・括弧だけを使ってください。",
            field=field,
        )
    return phone


def int_field(value: int | None, field: str, label: tuple[str, str], low: int, high: int,
              *, optional: bool = False) -> int | None:
    if value is None:
        if optional:
            return None
        raise InvalidInput(f"{label[0]} is required.", f"{label[1]}を入力してください。", field=field)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(
            f"{label[0]} must be a whole number from {low} to {high}.",
            f"{label[1]}は {low}〜{high} の整数で入力してください。",
            field=field,
        )
    return value


def date_range(start: dt.date | None, end: dt.date | None, *, start_field: str = "start_date",
               end_field: str = "end_date", max_days: int | None = None) -> tuple[dt.date, dt.date]:
    if start is None:
        raise InvalidInput("The start date is required.", "開始日を入力してください。", field=start_field)
    if end is None:
        raise InvalidInput("The end date is required.", "終了日を入力してください。", field=end_field)
    if end < start:
        raise InvalidInput(
            f"The end date {end.isoformat()} is before the start date {start.isoformat()}.",
            f"終了日 {end.isoformat()} が開始日 {start.isoformat()} より前です。",
            field=end_field,
        )
    if max_days is not None and (end - start).days > max_days:
        raise InvalidInput(
            f"From {start.isoformat()} to {end.isoformat()} is longer than {max_days} days; check the year.",
            f"{start.isoformat()} から {end.isoformat()} までは {max_days} 日を超えています。年を確認してください。",
            field=end_field,
        )
    return start, end


def require_unique_code(session: Session, model: Any, branch_id: int, code: str, own_id: int | None,
                        what: tuple[str, str]) -> None:
    """Codes are unique per branch; compared without case so A01 and a01 cannot both exist."""
    query = select(model.id).where(model.branch_id == branch_id, func.lower(model.code) == code.lower())
    if own_id is not None:
        query = query.where(model.id != own_id)
    if session.scalar(query.limit(1)) is not None:
        raise InvalidInput(
            f"Another {what[0]} already has the code {code!r}.",
            f"コード「{code}」は別の{what[1]}で使われています。",
            field="code",
        )


def load_for_update(session: Session, model: type[T], record_id: int, branch_id: int,
                    expected_version: int | None) -> T:
    """The record as stored now, refused (StaleEdit) if it moved on from the form's version or was deleted."""
    obj = session.get(model, record_id, populate_existing=True)
    if obj is None or getattr(obj, "branch_id", branch_id) != branch_id:
        raise StaleEdit()
    if expected_version is None or obj.version != expected_version:  # type: ignore[attr-defined]
        raise StaleEdit()
    return obj


def assign(obj: object, values: dict[str, Any]) -> None:
    """Set only what differs, so an unchanged save writes nothing and keeps the version."""
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def in_use_message(what_en: str, what_ja: str, counts: dict[str, int], labels: dict[str, tuple[str, str]],
                   advice: tuple[str, str]) -> InUse:
    parts = [(labels[k][0].format(n=n), labels[k][1].format(n=n)) for k, n in counts.items() if n]
    en = ", ".join(p[0] for p in parts)
    ja = "、".join(p[1] for p in parts)
    return InUse(
        f"{what_en} cannot be deleted: it still has {en}. {advice[0]}",
        f"{what_ja}は削除できません：{ja}があります。{advice[1]}",
        {k: n for k, n in counts.items() if n},
    )


@contextmanager
def unique_guard(field: str = "code") -> Iterator[None]:
    """A unique code (or date) taken by another coordinator between our check and our insert.

    The checks before saving catch the usual case with a precise message; this is the race
    on a shared PostgreSQL server, refused the same way instead of as a fault.
    """
    try:
        yield
    except IntegrityError as exc:
        detail = str(exc.orig).lower()
        if "unique" not in detail or field not in detail:
            raise
        if field == "date":
            raise InvalidInput("Someone else has just saved an override for this date.",
                               "この日付の変更がたった今ほかの人によって保存されました。", field=field) from None
        raise InvalidInput(
            "Someone else has just saved a record with this code; choose another.",
            "同じコードのレコードがたった今ほかの人によって保存されました。別のコードにしてください。",
            field=field,
        ) from None


def location_fields(latitude: float | None, longitude: float | None, *, lat_field: str = "latitude",
                    lon_field: str = "longitude") -> tuple[float | None, float | None]:
    """A place as latitude -90..90 and longitude -180..180, both given or neither."""
    def number(value: object, field: str, label: tuple[str, str], limit: int) -> float | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = float(ascii_clean(value) if isinstance(value, str) else value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = float("nan")
        if isinstance(value, bool) or not -limit <= number <= limit:  # NaN fails both comparisons
            raise InvalidInput(
                f"{label[0]} must be a number from {-limit} to {limit} (decimal degrees).",
                f"{label[1]}は {-limit}〜{limit} の数値（10進数の度）で入力してください。",
                field=field,
            )
        return round(number, 6)

    lat = number(latitude, lat_field, ("The latitude", "緯度"), 90)
    lon = number(longitude, lon_field, ("The longitude", "経度"), 180)
    if (lat is None) != (lon is None):
        missing, label = (lon_field, ("longitude", "経度")) if lon is None else (lat_field, ("latitude", "緯度"))
        raise InvalidInput(
            f"Give both the latitude and the longitude, or neither: the {label[0]} is missing.",
            f"緯度と経度は両方入力するか、両方空欄にしてください（{label[1]}がありません）。",
            field=missing,
        )
    return lat, lon
