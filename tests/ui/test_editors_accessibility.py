"""Every field of every record dialog can be found by a screen reader and reached with Tab."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from altdesk.db.enums import DayOffKind
from altdesk.services import records as svc
from ui.controllers.record_editing import EndPlacementDialog
from ui.dialogs.alt_dialog import AltDialog
from ui.dialogs.board_dialog import BoardDialog
from ui.dialogs.day_off_dialog import DayOffDialog
from ui.dialogs.holiday_override_dialog import HolidayOverrideDialog
from ui.dialogs.placement_dialog import PlacementDialog
from ui.dialogs.school_dialog import SchoolDialog

CONTROLS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView, QPlainTextEdit)


def _dialogs(ws):
    choice = svc.Choice(1, "S1", "桜台小学校", "Sakuradai ES", level=svc.SchoolForm().level)
    return {
        "alt": AltDialog(svc.AltForm(), lambda f: f),
        "school": SchoolDialog(svc.SchoolForm(), [svc.Choice(1, "B1", "さくら市教育委員会", "Sakura BoE")], lambda f: f),
        "board": BoardDialog(svc.BoardForm(), lambda f: f),
        "day_off": DayOffDialog(svc.DayOffForm(kind=DayOffKind.SCHOOL_DAY_OFF), lambda f: f,
                                kinds=tuple(DayOffKind), schools=[choice]),
        "holiday": HolidayOverrideDialog(svc.HolidayOverrideForm(date=dt.date(2026, 4, 29)), lambda f: f,
                                         svc.national_holiday),
        "placement": PlacementDialog(svc.PlacementForm(start_date=dt.date(2026, 4, 6), end_date=dt.date(2026, 7, 17),
                                                       pattern=svc.Pattern(svc.PatternKind.WEEKLY, (0,))),
                                     [svc.Choice(1, "A1", "Emily Carter", "Emily Carter")], [choice], lambda f: f,
                                     lambda f, after: svc.preview_placement(ws, f, after)),
        "end": EndPlacementDialog(svc.PlacementForm(start_date=dt.date(2026, 4, 6)), dt.date(2026, 5, 10)),
    }


def _inner(widget: QWidget) -> bool:
    """The line edit inside a combo box or spin box speaks through its owner."""
    parent = widget.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox)


@pytest.mark.parametrize("name", ["alt", "school", "board", "day_off", "holiday", "placement", "end"])
def test_every_control_has_an_accessible_name(qtbot, ws, name):
    dialog = _dialogs(ws)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    nameless = [
        f"{type(w).__name__}({w.objectName()})" for w in dialog.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisibleTo(dialog) and not _inner(w)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert nameless == []


def test_tab_walks_the_alt_form_in_reading_order(qtbot, ws):
    dialog = _dialogs(ws)["alt"]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None or not dialog.isActiveWindow(), timeout=1000)
    order = [dialog.ui.code]
    widget = dialog.ui.code
    for _ in range(4):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or _inner(widget):
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [dialog.ui.code, dialog.ui.family_name, dialog.ui.given_name, dialog.ui.kana, dialog.ui.nationality]


@pytest.mark.parametrize("name", ["alt", "school", "board", "day_off", "holiday", "placement", "end"])
def test_no_two_fields_share_an_alt_letter(qtbot, ws, name):
    dialog = _dialogs(ws)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    letters: dict[str, list[str]] = {}
    for widget in dialog.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) and widget.isVisibleTo(dialog) else ""
        found = re.search(r"&(\w)", text)
        if found:
            letters.setdefault(found.group(1).lower(), []).append(text)
    assert {k: v for k, v in letters.items() if len(v) > 1} == {}
