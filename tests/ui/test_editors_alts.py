"""The ALT roster and editor, driven with real clicks and keys."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from altdesk.db.enums import AltStatus
from altdesk.services.records import AltForm, load_alt, save_alt
from altdesk.services.rosters import list_alts
from tests.ui.editing import EDITORS_TODAY
from tests.ui.modal import ModalHandler
from tests.unit.sched_fixtures import make_alt, make_placement, make_school
from ui.controllers.record_editing import RecordEditing
from ui.dialogs.alt_dialog import AltDialog
from ui.models.row_table import OBJECT_ROLE
from ui.pages.roster_page import alt_roster_page

TODAY = EDITORS_TODAY



@pytest.fixture
def page(qtbot, ctx):
    widget = alt_roster_page(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _codes(page) -> list[str]:
    return [page.proxy.index(r, 0).data(OBJECT_ROLE).code for r in range(page.proxy.rowCount())]


def _fill_emily(qtbot, dialog: AltDialog) -> None:
    ui = dialog.ui
    qtbot.keyClicks(ui.code, "A100")
    qtbot.keyClicks(ui.family_name, "Carter")
    qtbot.keyClicks(ui.given_name, "Emily")
    ui.kana.setText("エミリー・カーター")  # Japanese arrives committed from the input method
    qtbot.keyClicks(ui.nationality, "Canada")
    qtbot.mouseClick(ui.allergen_checks["egg"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.level_checks["elementary"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.consent, Qt.MouseButton.LeftButton)


def test_roster_models_pass_the_model_tester(qtmodeltester, ws, ctx, qtbot):
    make_alt(ws, "A1")
    page = alt_roster_page(ctx)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_add_an_alt_with_an_egg_allergy(qtbot, page, ws):
    def fill(dialog):
        _fill_emily(qtbot, dialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "alt_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert _codes(page) == ["A100"]
    row = page.selected_row()
    assert row.code == "A100" and row.has_diet_restriction  # the new ALT is selected
    stored = load_alt(ws, row.id)
    assert stored.allergens == ("egg",)
    assert stored.kana == "エミリー・カーター"
    assert stored.levels == ("elementary",)
    assert stored.share_diet_consent
    diet = page.model.column_keys().index("diet")
    assert page.proxy.index(0, diet).data() == "Restricted"


def test_invalid_input_highlights_the_field_and_saves_nothing(qtbot, page, ws):
    seen = {}

    def fill(dialog):
        qtbot.keyClicks(dialog.ui.code, "A100")
        qtbot.keyClicks(dialog.ui.given_name, "Emily")  # no family name
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["marked"] = dialog.errors.is_marked(dialog.ui.family_name)
        seen["focus"] = dialog.focusWidget() is dialog.ui.family_name
        seen["banner"] = dialog.banner.isVisible() and dialog.banner.text.text()
        qtbot.keyClicks(dialog.ui.family_name, "C")  # typing there clears the mark
        seen["cleared"] = not dialog.errors.is_marked(dialog.ui.family_name)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(fill, "alt_dialog")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen == {"open": True, "marked": True, "focus": True, "banner": "The family name is required.",
                    "cleared": True}
    assert list_alts(ws) == []


def test_romaji_fields_refuse_japanese_with_a_message(qtbot, ws):
    dialog = AltDialog(AltForm(), lambda form: save_alt(ws, form))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.code, "A1")
    dialog.ui.family_name.setText("カーター")
    qtbot.keyClicks(dialog.ui.given_name, "Emily")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.is_marked(dialog.ui.family_name)
    assert "romaji" in dialog.banner.text.text()
    assert dialog.saved is None


def test_enter_edits_the_selected_alt_and_the_row_follows(qtbot, page, ws, ctx):
    alt_id = make_alt(ws, "A1")
    page.refresh()
    page.table.selectRow(0)

    def change(dialog):
        assert dialog.ui.code.text() == "A1"
        dialog.ui.nationality.clear()
        qtbot.keyClicks(dialog.ui.nationality, "Ireland")
        qtbot.keyClick(dialog.ui.nationality, Qt.Key.Key_Return)  # Enter in a field saves, as in any dialog

    handler = ModalHandler(change, "alt_dialog")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    handler.check()
    assert load_alt(ws, alt_id).nationality == "Ireland"
    nationality = page.model.column_keys().index("nationality")
    assert page.proxy.index(0, nationality).data() == "Ireland"
    # Undo puts the record back as it was; redo applies the edit again.
    ctx.undo_stack.undo()
    assert load_alt(ws, alt_id).nationality == ""
    assert page.proxy.index(0, nationality).data() == ""
    ctx.undo_stack.redo()
    assert load_alt(ws, alt_id).nationality == "Ireland"


def test_double_click_opens_the_editor(qtbot, page, ws):
    make_alt(ws, "A1")
    page.refresh()
    handler = ModalHandler(lambda dialog: dialog.reject(), "alt_dialog")
    centre = page.table.visualRect(page.proxy.index(0, 1)).center()
    # A real double-click is a press and release, then the double-click event.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    handler.check()


def test_a_change_someone_else_saved_is_reloaded_not_overwritten(qtbot, page, ws):
    alt_id = make_alt(ws, "A1")
    page.refresh()
    page.table.selectRow(0)
    seen = {}

    def race(dialog):
        other = load_alt(ws, alt_id)
        save_alt(ws, replace(other, nationality="Ireland"))  # another coordinator, meanwhile
        qtbot.keyClicks(dialog.ui.given_name, "X")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["banner"] = dialog.banner.text.text()
        seen["reloaded"] = dialog.ui.nationality.text()
        qtbot.keyClicks(dialog.ui.given_name, "Y")  # make the change again on the fresh record
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(race, "alt_dialog")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert seen["open"] and seen["reloaded"] == "Ireland"
    assert "changed by someone else" in seen["banner"]
    stored = load_alt(ws, alt_id)
    assert (stored.nationality, stored.given_name) == ("Ireland", "GivenA1Y")


def test_delete_key_asks_first_and_undo_brings_the_alt_back(qtbot, page, ws, ctx):
    make_alt(ws, "A1")
    make_alt(ws, "A2")
    page.refresh()
    page.table.selectRow(0)

    def confirm(box):
        assert isinstance(box, QMessageBox) and "A1" in box.text()
        button = next(b for b in box.buttons() if isinstance(b, QPushButton) and b.text() == "Delete")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    handler = ModalHandler(confirm)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    handler.check()
    assert _codes(page) == ["A2"]
    assert page.selected_row().code == "A2"  # the neighbour is selected
    ctx.undo_stack.undo()
    assert _codes(page) == ["A1", "A2"]
    ctx.undo_stack.redo()  # the re-created row is found again through its handle
    assert _codes(page) == ["A2"]


def test_cancelling_the_question_deletes_nothing(qtbot, page, ws):
    make_alt(ws, "A1")
    page.refresh()
    page.table.selectRow(0)
    handler = ModalHandler(lambda box: box.reject())
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    handler.check()
    assert _codes(page) == ["A1"]


def test_an_alt_with_placements_is_marked_as_left_instead(qtbot, page, ws, ctx):
    alt_id = make_alt(ws, "A1")
    make_placement(ws, alt_id, make_school(ws, "S1"))
    page.refresh()
    page.table.selectRow(0)
    asked = []
    RecordEditing.of(ctx).ask = lambda parent, title, text, yes: asked.append((text, yes)) or True
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and asked[0][1] == "Mark as left" and "history" in asked[0][0]
    assert load_alt(ws, alt_id).status == AltStatus.LEFT
    status = page.model.column_keys().index("status")
    assert page.proxy.index(0, status).data() == "Left"
    ctx.undo_stack.undo()
    assert load_alt(ws, alt_id).status == AltStatus.ACTIVE
