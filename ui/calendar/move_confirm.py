"""The question before an edit that brings conflicts: what goes wrong, in words a coordinator
reads (school names, dates as written in the UI language), and the safe answer as the default."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from altdesk.scheduling.conflicts import Conflict, Severity
from ui.formatting_dates import long_date, month_title
from ui.settings import current_language

MAX_LINES = 8
# With the space a message may put before Japanese text ("2026-12 の"): none after 2026年12月.
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b( (?=[^\x00-\x7f]))?")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b(?!-)( (?=[^\x00-\x7f]))?")


def readable_message(conflict: Conflict, school_names: Mapping[str, str] | None, lang: str) -> str:
    return readable_text(conflict.message(lang), school_names, lang)


def readable_text(text: str, school_names: Mapping[str, str] | None, lang: str) -> str:
    """A message of the core with each school code replaced by the school's name and each ISO date
    (2026-06-09) or month (2026-12) written as the UI writes them (2026年6月9日(火), 2026年12月)."""

    def date_text(match: re.Match[str]) -> str:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return long_date(day, lang) + (match[4] or "" if lang != "ja" else "")

    def month_text(match: re.Match[str]) -> str:
        month = int(match[2])
        if not 1 <= month <= 12:
            return match[0]
        return month_title(dt.date(int(match[1]), month, 1), lang) + (match[3] or "" if lang != "ja" else "")

    text = _ISO_MONTH.sub(month_text, _ISO_DATE.sub(date_text, text))
    if school_names:
        codes = sorted((re.escape(code) for code in school_names if code), key=len, reverse=True)
        if codes:
            pattern = re.compile(r"(?<![\w-])(" + "|".join(codes) + r")(?![\w-])")
            text = pattern.sub(lambda m: school_names[m[1]], text)
    return text


def conflict_box(parent: QWidget | None, conflicts: list[Conflict],
                 school_names: Mapping[str, str] | None = None) -> QMessageBox:
    """The question, not yet shown. An error makes "Do not save" the default (Enter and Escape
    both keep the board as it was); with warnings only, the change is the default."""
    lang = current_language()
    names = school_names or {}
    errors = any(c.severity == Severity.ERROR for c in conflicts)
    error_word = QCoreApplication.translate("MoveConfirm", "Error:")
    warning_word = QCoreApplication.translate("MoveConfirm", "Warning:")
    lines = [f"{error_word if c.severity == Severity.ERROR else warning_word} {readable_message(c, names, lang)}"
             for c in conflicts[:MAX_LINES]]
    if len(conflicts) > MAX_LINES:
        lines.append(QCoreApplication.translate("MoveConfirm", "… and %1 more").replace(
            "%1", str(len(conflicts) - MAX_LINES)))
    box = QMessageBox(parent)
    box.setObjectName("conflict_box")
    box.setIcon(QMessageBox.Icon.Critical if errors else QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MoveConfirm", "This change causes conflicts"))
    box.setText(QCoreApplication.translate("MoveConfirm", "This change would cause:"))
    box.setInformativeText("\n\n".join(lines) + "\n\n" + QCoreApplication.translate("MoveConfirm",
                                                                                     "Make the change anyway?"))
    box.change_button = box.addButton(QCoreApplication.translate("MoveConfirm", "Make the change"),  # type: ignore[attr-defined]
                                      QMessageBox.ButtonRole.AcceptRole)
    box.keep_button = box.addButton(QCoreApplication.translate("MoveConfirm", "Do not save"),  # type: ignore[attr-defined]
                                    QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.keep_button if errors else box.change_button)  # type: ignore[attr-defined]
    box.setEscapeButton(box.keep_button)  # type: ignore[attr-defined]
    return box


def ask_about_conflicts(parent: QWidget | None, conflicts: list[Conflict],
                        school_names: Mapping[str, str] | None = None) -> bool:
    box = conflict_box(parent, conflicts, school_names)
    box.exec()
    return box.clickedButton() is box.change_button  # type: ignore[attr-defined]
