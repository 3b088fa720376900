"""The reason asked for when a closed month refuses an edit: no empty reason, the month named in the
person's language, and Cancel keeps the month as it is; the absence and event dialogs ask it too."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from altdesk.db.models import Visit
from altdesk.errors import MonthClosed
from altdesk.services.absences import list_absences
from altdesk.services.month_close import close_month, corrections
from altdesk.services.school_events import list_events
from tests.ui.modal import ModalHandler
from tests.unit.absence_fixtures import WEEK, busy_alt
from ui.app_context import AppContext
from ui.dialogs.absence_dialog import AbsenceDialog
from ui.dialogs.closed_month import ask_closed_month_reason
from ui.dialogs.event_dialog import EventDialog


def _save_answering(qtbot, dialog, reason: str | None) -> None:  # type: ignore[no-untyped-def]
    """Press Save; the closed month's reason dialog is answered with `reason`, or cancelled (None)."""

    def answer(asked):  # type: ignore[no-untyped-def]
        if reason is None:
            asked.reject()
            return
        asked.reason.setText(reason)
        asked.ok_button.click()

    handler = ModalHandler(answer, "closed_month_reason")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    handler.check()


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


# The absence and event dialogs: a Save a closed month refused asks the same dialog, and is made again
# with the reason (a correction); Cancel keeps the month, the form stays open and nothing is saved.

SATURDAY = dt.date(2026, 6, 13)


def _visit_school(ws, visit_id: int) -> int:  # type: ignore[no-untyped-def]
    with ws.db.sessions() as s:
        return s.get(Visit, visit_id).school_id


def test_a_closed_months_absence_is_saved_with_the_reason_asked_or_not_at_all(qtbot, scheduled_ws):
    alt = busy_alt(scheduled_ws)
    ctx = AppContext(scheduled_ws)
    close_month(scheduled_ws, "2026-06")

    dialog = AbsenceDialog(ctx, alt_id=alt.id, day=WEEK[0])
    qtbot.addWidget(dialog)
    dialog.show()
    _save_answering(qtbot, dialog, None)  # keep the month as it is
    assert dialog.isVisible() and "closed" in dialog.errors.text.text()
    assert list_absences(scheduled_ws, *WEEK, alt.id) == [] and corrections(scheduled_ws) == []
    assert ctx.undo_stack.count() == 0

    _save_answering(qtbot, dialog, "本人から朝に電話")
    [saved] = list_absences(scheduled_ws, *WEEK, alt.id)
    assert dialog.absence_id == saved.id and dialog.done_label.isVisible()  # saved: substitutes offered
    [correction] = corrections(scheduled_ws, "2026-06")
    assert (correction.entity, correction.entity_id, correction.reason) == ("absence", saved.id, "本人から朝に電話")
    assert ctx.undo_stack.count() == 1


def test_a_closed_months_school_event_is_saved_with_the_reason_asked_or_not_at_all(qtbot, scheduled_ws):
    alt = busy_alt(scheduled_ws)
    school_id = _visit_school(scheduled_ws, alt.visit_ids[0])
    ctx = AppContext(scheduled_ws)
    close_month(scheduled_ws, "2026-06")
    before = list_events(scheduled_ws, SATURDAY, SATURDAY)

    dialog = EventDialog(ctx, school_id=school_id, day=SATURDAY)
    qtbot.addWidget(dialog)
    dialog.name_ja_edit.setText("運動会")
    dialog.set_attending({alt.id})
    dialog.show()
    _save_answering(qtbot, dialog, None)
    assert dialog.isVisible() and "closed" in dialog.errors.text.text()
    assert list_events(scheduled_ws, SATURDAY, SATURDAY) == before and corrections(scheduled_ws) == []

    _save_answering(qtbot, dialog, "学校から連絡：運動会の日程変更")
    assert not dialog.isVisible()
    [event] = [e for e in list_events(scheduled_ws, SATURDAY, SATURDAY) if e not in before]
    assert dialog.event_id == event.id
    found = corrections(scheduled_ws, "2026-06")
    assert ("school_event", event.id) in {(c.entity, c.entity_id) for c in found}
    assert {c.reason for c in found} == {"学校から連絡：運動会の日程変更"}
    assert ctx.undo_stack.count() == 1


def test_deleting_a_closed_months_absence_from_the_page_asks_the_reason(qtbot, scheduled_ws):
    from altdesk.db.enums import AbsenceKind
    from altdesk.services.absences import AbsenceInput, create_absence
    from ui.pages.absences_page import AbsencesPage

    alt = busy_alt(scheduled_ws)
    create_absence(scheduled_ws, AbsenceInput(alt.id, WEEK[0], WEEK[0], AbsenceKind.SICK))
    close_month(scheduled_ws, "2026-06")
    ctx = AppContext(scheduled_ws)
    page = AbsencesPage(ctx, today=WEEK[0])
    qtbot.addWidget(page)
    page.show()
    [absence] = list_absences(scheduled_ws, *WEEK, alt.id)
    qtbot.waitUntil(lambda: page.absence_model.rowCount() > 0, timeout=10000)
    page.select_absence(absence.id)

    handler = ModalHandler(lambda asked: asked.reject(), "closed_month_reason")  # Cancel: it stays
    page.delete_absence()
    handler.check()
    assert list_absences(scheduled_ws, *WEEK, alt.id) == [absence] and corrections(scheduled_ws) == []
    assert "closed" in page.errors.text.text()

    def answer(asked):  # type: ignore[no-untyped-def]
        asked.reason.setText("記録の誤り")
        asked.ok_button.click()

    handler = ModalHandler(answer, "closed_month_reason")
    page.delete_absence()
    handler.check()
    assert list_absences(scheduled_ws, *WEEK, alt.id) == []
    assert {c.reason for c in corrections(scheduled_ws, "2026-06")} == {"記録の誤り"}
    assert ctx.undo_stack.count() == 1
