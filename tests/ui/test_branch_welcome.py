"""Settings › Branch and the welcome on a new database's first start, driven with real clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from altdesk.services.branch import branch_details
from altdesk.services.rosters import list_alts
from tests.unit.sched_fixtures import make_alt
from ui.app_context import AppContext
from ui.dialogs.branch_dialog import BranchDialog
from ui.dialogs.welcome_dialog import BY_HAND, DEMO, WelcomeDialog, load_demo_branch, wants_welcome


def test_the_branch_dialog_saves_the_details_and_refuses_an_empty_name(qtbot, ws):
    ctx = AppContext(ws)
    dialog = BranchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    assert form.name.text() == ""  # the new database's placeholder is not offered as a name
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and form.errors.isVisible() and form.errors.field_marked() == "name"
    form.name.setText("ALTdesk もみじ支店")  # Japanese arrives committed from the input method
    qtbot.keyClicks(form.phone, "054-999-0001")
    with qtbot.waitSignal(ctx.data_changed) as changed:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "branch" in changed.args[0] and not dialog.isVisible()
    details = branch_details(ws)
    assert (details.name, details.phone, details.notice_rule) == ("ALTdesk もみじ支店", "054-999-0001", None)


def test_welcome_on_a_new_database_names_the_branch_then_starts_by_hand(qtbot, ws):
    ctx = AppContext(ws)
    assert wants_welcome(ctx)
    dialog = WelcomeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.by_hand_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.choice is None  # the branch needs its name first
    dialog.form.name.setText("ALTdesk さくら支店")
    dialog.form.address.setText("千葉県さくら市本町1-1")
    qtbot.mouseClick(dialog.by_hand_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == BY_HAND and not dialog.isVisible()
    assert branch_details(ws).address == "千葉県さくら市本町1-1"
    assert not wants_welcome(ctx)  # named: the next start opens straight on the board


def test_welcome_is_not_shown_for_a_database_with_data(ws):
    make_alt(ws, "A1")
    assert not wants_welcome(AppContext(ws))


def test_welcome_opens_the_demo_branch(qtbot, ws):
    ctx = AppContext(ws)
    dialog = WelcomeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == DEMO
    finished: list[bool] = []
    with qtbot.waitSignal(ctx.data_changed, timeout=60_000):
        load_demo_branch(dialog, ctx, 2026, lambda: finished.append(True), lambda exc: finished.append(False))
    assert finished == [True] and len(list_alts(ws)) == 20
    assert branch_details(ws).name != "支店"


def test_the_window_welcomes_a_new_database_and_opens_the_demo_from_it(qtbot, ws):
    from tests.ui.modal import ModalHandler
    from ui.main_window import MainWindow

    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    handler = ModalHandler(lambda dialog: qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton),
                           "WelcomeDialog")
    assert window.welcome_if_new()
    handler.check()
    qtbot.waitUntil(lambda: len(list_alts(ws)) == 20, timeout=60_000)  # the demo, made on a worker
    # The board (whatever view an earlier test left in the settings) shows the demo's ALTs.
    window.calendar_page.set_view("board")
    qtbot.waitUntil(lambda: window.calendar_page.board_model.rowCount() == 20, timeout=60_000)
    assert not window.welcome_if_new()  # the demo's branch has a name and data: no second welcome


def test_settings_branch_opens_from_the_menu(qtbot, demo_ws):
    from tests.ui.modal import ModalHandler
    from ui.main_window import MainWindow

    window = MainWindow(demo_ws)
    qtbot.addWidget(window)

    def rename(dialog) -> None:
        dialog.form.name.setText("ALTdesk かえで支店")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    handler = ModalHandler(rename, "BranchDialog")
    window.branch_action.trigger()
    handler.check()
    assert branch_details(demo_ws).name == "ALTdesk かえで支店"
