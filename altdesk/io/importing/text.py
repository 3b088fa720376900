"""Normalising what people type: full-width characters, codes, numbers, yes/no, lists.

Codes, numbers and dates are normalised with Unicode NFKC (full-width 'Ａ００１' becomes
'A001', a full-width space a space); names and free text are kept exactly as typed, only
trimmed at the ends.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from altdesk.io.importing.problems import CellError
from altdesk.io.importing.table import EXCEL_1900_EPOCH, FormulaWithoutValue, cell_text

T = TypeVar("T")

EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
# Separators people use between items of a list: 、 , ， / ／ ・ ; ； and line breaks.
LIST_SEPARATORS = re.compile(r"[、,，/／・;；\n\r]+")


@dataclass
class CellContext:
    """What a parser may need beyond the value: the workbook's date epoch, a place for warnings."""

    epoch: dt.datetime = EXCEL_1900_EPOCH
    warnings: list[tuple[str, str]] = field(default_factory=list)
    from_number: bool = False  # the cell was a number in Excel (codes may have lost leading zeros)

    def warn(self, en: str, ja: str) -> None:
        self.warnings.append((en, ja))


def reject_special(value: Any) -> None:
    """Formula cells without a saved result and Excel error values are never data."""
    if isinstance(value, FormulaWithoutValue):
        raise CellError(
            "The cell holds a formula whose result was never saved (the file was written by a program, "
            "not by Excel). Open the file in Excel and save it, or type the value instead of the formula.",
            "数式の計算結果が保存されていません（Excel 以外のプログラムで書き出されたファイルです）。"
            "Excel で開いて保存し直すか、数式ではなく値を入力してください。",
        )
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        raise CellError(
            f"The cell shows the Excel error {value.strip()}; fix the formula or type the value.",
            f"セルが Excel のエラー {value.strip()} になっています。数式を直すか値を入力してください。",
        )


def nfkc(text: str) -> str:
    """Full-width letters, digits and spaces to their ASCII forms; spaces collapsed; trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def as_text(value: Any) -> str:
    """Free text as typed (names, addresses): trimmed, nothing else changed."""
    reject_special(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip(" \t\r\n\u3000")
    return cell_text(value)


def plain_text(value: Any, ctx: CellContext) -> str:
    return as_text(value)


def code(value: Any, ctx: CellContext) -> str | None:
    """A record code: NFKC, no spaces. A number cell becomes its digits (1001.0 -> '1001')."""
    reject_special(value)
    if value is None:
        return None
    if isinstance(value, bool | dt.date | dt.time):
        raise CellError("A code must be letters and digits, not a date or yes/no.",
                        "コードは英数字で入力してください（日付や TRUE/FALSE ではなく）。")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError("A code must be letters and digits.", "コードは英数字で入力してください。")
        value = int(value)
    if isinstance(value, int):
        ctx.from_number = True
        return str(value)
    result = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    return result or None


def contact(value: Any, ctx: CellContext) -> str:
    """Phone numbers and e-mail addresses: NFKC so full-width digits work; kept otherwise."""
    reject_special(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        ctx.warn(
            "The phone number was a number in Excel, so a leading 0 may have been lost. "
            "Format the column as text.",
            "電話番号が Excel で数値として保存されているため、先頭の 0 が消えている可能性があります。列を文字列にしてください。",
        )
        return str(value)
    return nfkc(str(value))


_UNIT_SUFFIX = re.compile(r"(円|日|日間|時間|h|hrs?|hours?|コマ|回|人|yen|days?|classes|校時)$", re.IGNORECASE)


def _number_text(value: Any) -> str:
    text = nfkc(str(value)).replace(",", "").replace("¥", "").replace("￥", "")
    return _UNIT_SUFFIX.sub("", text).strip()


def integer(minimum: int | None = None, maximum: int | None = None) -> Callable[[Any, CellContext], int | None]:
    def parse(value: Any, ctx: CellContext) -> int | None:
        reject_special(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool | dt.date | dt.time):
            raise CellError("A whole number is needed here.", "整数を入力してください。")
        number: float
        if isinstance(value, int | float):
            number = float(value)
        else:
            try:
                number = float(_number_text(value))
            except ValueError:
                raise CellError("A whole number is needed here.", "整数を入力してください。") from None
        if not math.isfinite(number) or not number.is_integer():
            raise CellError("A whole number is needed here.", "整数を入力してください。")
        result = int(number)
        if minimum is not None and result < minimum or maximum is not None and result > maximum:
            low = "" if minimum is None else str(minimum)
            high = "" if maximum is None else str(maximum)
            raise CellError(f"The number must be between {low} and {high}.", f"{low}〜{high} の数値を入力してください。")
        return result

    return parse


def decimal(minimum: float = 0, maximum: float = 1e6) -> Callable[[Any, CellContext], float | None]:
    def parse(value: Any, ctx: CellContext) -> float | None:
        reject_special(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool | dt.date | dt.time):
            raise CellError("A number is needed here.", "数値を入力してください。")
        try:
            number = float(value) if isinstance(value, int | float) else float(_number_text(value))
        except ValueError:
            raise CellError("A number is needed here.", "数値を入力してください。") from None
        if not math.isfinite(number) or not minimum <= number <= maximum:
            raise CellError(f"The number must be between {minimum:g} and {maximum:g}.",
                            f"{minimum:g}〜{maximum:g} の数値を入力してください。")
        return number

    return parse


TRUE_WORDS = {"yes", "y", "true", "1", "on", "はい", "有", "有り", "あり", "要", "○", "〇", "◯", "✓", "✔", "●", "する", "同意",
              "同意あり", "済"}
FALSE_WORDS = {"no", "n", "false", "0", "off", "いいえ", "無", "無し", "なし", "不要", "×", "✕", "✗", "-", "―", "しない",
               "同意なし", "未"}


def boolean(value: Any, ctx: CellContext) -> bool | None:
    """Yes/no as people write it: yes/no, TRUE/FALSE, 1/0, はい/いいえ, ○/×, 有/無."""
    reject_special(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = nfkc(str(value)).lower()
    if not word:
        return None
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("Write yes or no (はい/いいえ, ○/×, TRUE/FALSE).", "はい／いいえ（○／×、TRUE／FALSE）で入力してください。")


def lookup_key(text: str) -> str:
    """How enum words are compared: NFKC, lower case, no spaces, hyphens or underscores."""
    return re.sub(r"[\s_\-・]", "", nfkc(text).lower())


def enum(table: dict[str, T], allowed_en: str, allowed_ja: str) -> Callable[[Any, CellContext], T | None]:
    """A parser for a closed set of words; `table` maps lookup_key(word) -> value."""

    def parse(value: Any, ctx: CellContext) -> T | None:
        reject_special(value)
        if value is None:
            return None
        key = lookup_key(str(value))
        if not key:
            return None
        if key in table:
            return table[key]
        raise CellError(f"Not a known value. Use one of: {allowed_en}.", f"使えない値です。次のいずれかを入力してください：{allowed_ja}。")

    return parse


def split_list(value: Any) -> list[str]:
    """Items of a list cell, split at 、 , / ・ ; or line breaks (spaces are kept inside items)."""
    if value is None:
        return []
    text = unicodedata.normalize("NFKC", str(value))
    return [item.strip() for item in LIST_SEPARATORS.split(text) if item.strip()]


def unique(items: Iterable[T]) -> list[T]:
    seen: list[T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
