"""The reason asked for when a closed month refuses an edit: no empty reason, the month named in the
person's language, and Cancel keeps the month as it is."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from altdesk.errors import MonthClosed
from tests.ui.modal import ModalHandler
from ui.dialogs.closed_month import ask_closed_month_reason


def test_the_reason_is_required_and_returned_trimmed(qtbot):
    seen = {}

    def answer(dialog):  # type: ignore[no-untyped-def]
        seen["named"] = any("Jun 2026 is closed" in label.text() for label in dialog.findChildren(QLabel))
        seen["blocked"] = not dialog.ok_button.isEnabled()
        dialog.reason.setText("   ")
        seen["blank"] = not dialog.ok_button.isEnabled()
        dialog.reason.setText("  学校から電話：中止  ")
        dialog.ok_button.click()

    handler = ModalHandler(answer, "closed_month_reason")
    assert ask_closed_month_reason(None, MonthClosed(["2026-06"])) == "学校から電話：中止"
    handler.check()
    assert seen == {"named": True, "blocked": True, "blank": True}

    handler = ModalHandler(lambda dialog: dialog.reject(), "closed_month_reason")
    assert ask_closed_month_reason(None, MonthClosed(["2026-06"])) is None
    handler.check()
