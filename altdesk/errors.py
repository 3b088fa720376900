"""Typed errors the core raises; each face (CLI, desktop) decides how to show them.

`UserError` and its subclasses are caused by input or circumstances the user can act
on (exit code 2, a message, no traceback). Anything else is a fault in the program.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _rebuild(cls: type[UserError], args: tuple[Any, ...], state: dict[str, Any]) -> UserError:
    """Unpickling: the same class with the same fields, whatever its __init__ takes."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class UserError(Exception):
    """Something the user caused or can fix. Carries a message in English and Japanese."""

    exit_code = 2

    def __init__(self, message_en: str, message_ja: str | None = None) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_ja = message_ja or message_en

    def message(self, lang: str = "en") -> str:
        return self.message_ja if lang == "ja" else self.message_en

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own pickling calls cls(*args): StaleEdit takes none, and a subclass's
        # extra fields (InvalidInput.field) must survive a trip to a job process and back.
        return _rebuild, (type(self), self.args, dict(self.__dict__))


class NewerDatabase(UserError):
    """The database was written by a newer ALTdesk; opening it could corrupt it."""


class DatabaseDamaged(UserError):
    """The integrity check failed; the file is left untouched."""


class DatabaseUnavailable(UserError):
    """The database cannot be opened or reached (missing folder rights, server down)."""


class DatabaseLocked(UserError):
    """Another ALTdesk instance has the same database file open."""


class NetworkShareRefused(UserError):
    """An SQLite file on a network share; locking there is unreliable."""


class NotEmpty(UserError):
    """An operation that needs an empty database found data."""


class NotFound(UserError):
    """A code or id that does not exist in this branch."""


class InvalidInput(UserError):
    """A value the user entered is not acceptable; `field` names which one."""

    def __init__(self, message_en: str, message_ja: str | None = None, field: str | None = None) -> None:
        super().__init__(message_en, message_ja)
        self.field = field


class StaleEdit(UserError):
    """The record was changed by someone else since it was loaded."""

    def __init__(self) -> None:
        super().__init__(
            "This record was changed by someone else. It has been reloaded; please make your change again.",
            "このレコードは他の人によって変更されました。再読み込みしましたので、もう一度変更してください。",
        )


class MonthClosed(UserError):
    """An edit to a closed month's visits, absences or events, made without a reason."""

    def __init__(self, months: list[str]) -> None:
        shown = ", ".join(months)
        super().__init__(
            f"{shown} is closed (its actuals went to head office): give a reason to change it; "
            "the change will show as a correction on the next actuals.",
            f"{shown} は締め済みです（実績報告済み）。変更するには理由を入力してください。"
            "変更は次回の実績報告に訂正として記載されます。",
        )
        self.months = months


@dataclass(frozen=True)
class Cancelled:
    """What a job the person cancelled returns instead of its result: an outcome, not an error.

    `reason` is the job's own word on it where it gave one (an export says which files it had
    already written)."""

    reason: UserError | None = None

    def message(self, lang: str = "en") -> str:
        if self.reason is not None:
            return self.reason.message(lang)
        return "取り消しました。" if lang == "ja" else "Cancelled."
