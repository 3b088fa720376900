"""A diet the lunch rules cannot read, as a coordinator meets it: "to review" in the Lunch
section and on the Conflicts page, and the review made in the ALT editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from altdesk.lunch.diet import ALLERGENS, DietReview
from altdesk.scheduling.conflicts import ConflictKind, Severity
from altdesk.services import lunch as lunch_services
from altdesk.services.records import load_alt, save_alt
from altdesk.services.scheduling import generate_visits
from tests.unit.lunch_fixtures import JUNE, jst, lunch_branch
from tests.unit.sched_fixtures import make_alt, make_placement
from ui.app_context import AppContext
from ui.dialogs.alt_dialog import AltDialog, allergen_text
from ui.models.row_table import OBJECT_ROLE
from ui.pages import lunch_page
from ui.pages.conflicts_page import ConflictsPage
from ui.pages.lunch_page import LunchPage

NOTE = "卵アレルギーのため給食不可"


def _branch(ws):
    """A1 eats school lunch at S1 (Tue/Thu); A2's notes say 卵アレルギーのため給食不可 (Mondays)."""
    base = lunch_branch(ws)
    noted = make_alt(ws, "A2", diet_notes=NOTE)
    make_placement(ws, noted, base.school, "FREQ=WEEKLY;BYDAY=MO")
    generate_visits(ws, *JUNE)
    return noted


def test_lunch_section_shows_the_alt_to_review(qtbot, ws, monkeypatch):
    monkeypatch.setattr(lunch_page, "month_ledger",
                        lambda w, m: lunch_services.month_ledger(w, m, now=jst(2026, 6, 10, 12)))
    _branch(ws)
    page = LunchPage(ws)
    qtbot.addWidget(page)
    page.show()
    page.set_month("2026-06")
    qtbot.waitUntil(lambda: not page.busy and page.ledger is not None and page.ledger.month == "2026-06")
    model = page.alt_model
    codes = model.column_keys().index("code")
    diet = model.column_keys().index("diet")
    meals = model.column_keys().index("meals")
    rows = {model.index(r, codes).data(): (model.index(r, diet).data(), model.index(r, meals).data())
            for r in range(model.rowCount())}
    assert rows == {"A1": ("", "9"), "A2": ("To review (own lunch)", "0")}


def test_conflicts_page_lists_the_diet_to_review(qtbot, ws):
    _branch(ws)
    page = ConflictsPage(AppContext(ws), today=dt.date(2026, 6, 3))
    qtbot.addWidget(page)
    page.resize(1190, 700)
    with qtbot.waitSignal(page.loaded):
        page.show()
    shown = [page.proxy.index(r, 0).data(OBJECT_ROLE) for r in range(page.proxy.rowCount())]
    review = [c for c in shown if c.kind == ConflictKind.DIET_TO_REVIEW]
    assert [(c.alt_code, c.severity) for c in review] == [("A2", Severity.WARNING)]
    kind = page.model.column_keys().index("kind")
    row = shown.index(review[0])
    assert page.model.index(row, kind).data() == "Diet to review"


def test_the_review_is_made_in_the_alt_editor_and_editing_the_notes_asks_again(qtbot, ws):
    noted = _branch(ws)
    dialog = AltDialog(load_alt(ws, noted), lambda form: save_alt(ws, form))
    qtbot.addWidget(dialog)
    dialog.show()
    review = dialog.ui.diet_review
    assert review.isEnabled() and review.currentData() == ""  # to review
    review.setCurrentIndex(review.findData(DietReview.SCHOOL_LUNCH_OK.value))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert load_alt(ws, noted).diet_review == DietReview.SCHOOL_LUNCH_OK

    again = AltDialog(load_alt(ws, noted), lambda form: save_alt(ws, form))
    qtbot.addWidget(again)
    again.show()
    assert again.ui.diet_review.currentData() == DietReview.SCHOOL_LUNCH_OK.value
    again.ui.diet_notes.setFocus()
    qtbot.keyClicks(again.ui.diet_notes, " No milk either.")
    assert again.ui.diet_review.currentData() == ""  # the review was for the old notes
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert load_alt(ws, noted).diet_review is None

    # No free text, nothing to review: the choice is off.
    plain = AltDialog(load_alt(ws, make_alt(ws, "A3")), lambda form: save_alt(ws, form))
    qtbot.addWidget(plain)
    assert not plain.ui.diet_review.isEnabled()


def test_the_editor_offers_exactly_the_diet_tables_allergens(qtbot, ws):
    dialog = AltDialog(load_alt(ws, make_alt(ws, "A1")), lambda form: save_alt(ws, form))
    qtbot.addWidget(dialog)
    checks = dialog.ui.allergen_checks
    assert list(checks) == [a.key for a in ALLERGENS]
    assert [c.text() for c in checks.values()] == [allergen_text(a.key, "en") for a in ALLERGENS]
    assert checks["peanut"].text() == "Peanut (落花生)"
