"""Problems found in an import, and the errors that carry them to the faces.

A problem always says where it is (file, sheet, row, column) and what the cell held, in
words a coordinator can act on, in English and Japanese. Errors block the import;
warnings are shown but do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from altdesk.errors import UserError

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str | None
    row: int | None
    column: str | None  # the header as written in the file
    value: str | None  # the cell as it was read, as text
    message_en: str
    message_ja: str
    severity: Severity = "error"
    column_letter: str | None = None  # as Excel shows it: A, B, ... AA
    column_index: int | None = None  # 0-based, for highlighting a preview cell

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message_en": self.message_en,
            "message_ja": self.message_ja,
            "severity": self.severity,
            "column_letter": self.column_letter,
        }

    def location(self, lang: str = "en") -> str:
        """'schools.csv, sheet Schools, row 4, column C (校種)' in the chosen language."""
        parts = [self.file]
        column = None
        if self.column_letter and self.column:
            column = f"{self.column_letter} ({self.column})"
        elif self.column_letter or self.column:
            column = self.column_letter or self.column
        if lang == "ja":
            if self.sheet:
                parts.append(f"シート「{self.sheet}」")
            if self.row is not None:
                parts.append(f"{self.row} 行目")
            if column:
                parts.append(f"{column} 列")
        else:
            if self.sheet:
                parts.append(f"sheet {self.sheet}")
            if self.row is not None:
                parts.append(f"row {self.row}")
            if column:
                parts.append(f"column {column}")
        return ", ".join(parts) if lang != "ja" else "、".join(parts)

    def describe(self, lang: str = "en") -> str:
        message = self.message_ja if lang == "ja" else self.message_en
        if lang == "ja":
            kind = "エラー" if self.is_error else "注意"
            value = f"（値：{self.value}）" if self.value not in (None, "") else ""
            return f"{kind}：{self.location('ja')}：{message}{value}"
        kind = "Error" if self.is_error else "Warning"
        value = f" (value: {self.value})" if self.value not in (None, "") else ""
        return f"{kind}: {self.location('en')}: {message}{value}"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, as Excel names columns."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class ImportFileError(UserError):
    """A file that cannot be read at all (missing, empty, encrypted, not what it claims)."""

    def __init__(self, file: str, message_en: str, message_ja: str, sheet: str | None = None,
                 row: int | None = None) -> None:
        self.problem = Problem(file, sheet, row, None, None, message_en, message_ja)
        super().__init__(f"{self.problem.location('en')}: {message_en}", f"{self.problem.location('ja')}：{message_ja}")


class ImportRejected(UserError):
    """The import found problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.is_error]
        first = errors[0] if errors else None
        en = f"Nothing was imported: {len(errors)} problem(s) must be fixed first."
        ja = f"何も取り込んでいません。先に {len(errors)} 件の問題を直してください。"
        if first is not None:
            en += f" First: {first.describe('en')}"
            ja += f" 最初の問題：{first.describe('ja')}"
        super().__init__(en, ja)
        self.problems = problems


class ImportCancelled(UserError):
    """The person cancelled the import; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__(
            "The import was cancelled; nothing was changed.",
            "取り込みを中止しました。何も変更していません。",
        )


class CellError(Exception):
    """Raised by a value parser: the cell cannot be understood. Becomes a Problem."""

    def __init__(self, message_en: str, message_ja: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_ja = message_ja
