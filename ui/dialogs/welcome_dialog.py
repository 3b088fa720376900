"""The first start on an empty database: name the branch, then one of three ways in: fill in the
import template, open the demo branch, or start by hand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from altdesk.services.branch import branch_is_unnamed
from altdesk.services.workspace import branch_is_empty
from ui import faults
from ui.app_context import AppContext
from ui.dialogs.branch_dialog import BranchForm
from ui.worker import Worker, run_with_progress

translate = QCoreApplication.translate

TEMPLATE, DEMO, BY_HAND = "template", "demo", "by_hand"
DEMO_FAILED = faults.Action("Creating the demo branch failed.", "デモ支店の作成に失敗しました。")


def wants_welcome(ctx: AppContext) -> bool:
    """A database with no ALTs, no schools and a branch nobody has named yet."""
    return branch_is_empty(ctx.ws) and branch_is_unnamed(ctx.ws)


class WelcomeDialog(QDialog):
    """`choice` says which way in the coordinator took (None: closed without choosing)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomeDialog")
        self.ctx = ctx
        self.choice: str | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = BranchForm(ctx, with_notice_rule=False, parent=self)
        self.ways_label = QLabel(self)
        self.ways_label.setWordWrap(True)
        self.template_button = QCommandLinkButton(self)
        self.template_button.setObjectName("welcome_template")
        self.demo_button = QCommandLinkButton(self)
        self.demo_button.setObjectName("welcome_demo")
        self.by_hand_button = QCommandLinkButton(self)
        self.by_hand_button.setObjectName("welcome_by_hand")
        self.template_button.clicked.connect(lambda: self._choose(TEMPLATE))
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        self.by_hand_button.clicked.connect(lambda: self._choose(BY_HAND))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addSpacing(8)
        layout.addWidget(self.ways_label)
        for button in (self.template_button, self.demo_button, self.by_hand_button):
            layout.addWidget(button)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("WelcomeDialog", "Welcome to ALTdesk"))
        self.intro.setText(translate(
            "WelcomeDialog", "This database is new. First, the branch: its name, address and phone are printed "
                             "on every visit schedule and lunch order sheet that schools receive."))
        self.ways_label.setText(translate("WelcomeDialog", "Then choose how to begin:"))
        self.template_button.setText(translate("WelcomeDialog", "Fill in the import template"))
        self.template_button.setDescription(translate(
            "WelcomeDialog", "Save the Excel template, fill in your schools, ALTs and placements, and import it."))
        self.demo_button.setText(translate("WelcomeDialog", "Open the demo branch"))
        self.demo_button.setDescription(translate(
            "WelcomeDialog", "A made-up branch with 20 ALTs and 60 schools, to try everything first."))
        self.by_hand_button.setText(translate("WelcomeDialog", "Start by hand"))
        self.by_hand_button.setDescription(translate(
            "WelcomeDialog", "Add boards, schools and ALTs one by one in Records."))
        self.form.retranslate()

    def _choose(self, choice: str) -> None:
        # The demo names its own branch; the other ways need the branch's name first.
        if choice != DEMO and self.form.save() is None:
            return
        self.choice = choice
        self.accept()


def load_demo_branch(parent: QWidget, ctx: AppContext, fiscal_year: int,
                     on_done: Callable[[], None], on_error: Callable[[BaseException], None]) -> Worker:
    """Fill the (empty) database with the small demo branch on a worker, then announce it."""
    from altdesk.demo import create_demo_branch
    from altdesk.demo_schedule import schedule_demo_branch

    ws = ctx.ws

    def job(_progress: Callable[[int, int], bool]) -> None:
        create_demo_branch(ws, "small", fiscal_year)
        schedule_demo_branch(ws, fiscal_year)

    def done(_result: object) -> None:
        ctx.changed("branch", "boards", "schools", "alts", "placements", "visits", "absences", "events",
                    "calendar")
        on_done()

    return run_with_progress(parent, translate("WelcomeDialog", "Demo branch"),
                             translate("WelcomeDialog", "Creating the demo branch…"), job, done, on_error,
                             DEMO_FAILED)
