"""Editing a lunch notice rule: by when a school must know the ALT's lunch days.

Two rules cover nearly every board: N school days before (by a time), or a day of the
previous month. Any other stored rule (per term, from an import) is shown and kept as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QStackedWidget, QTimeEdit, QWidget

from altdesk.errors import InvalidInput
from altdesk.lunch.notice import parse_rule
from ui.dialogs.form_support import time_edit
from ui.settings import current_language

INHERIT, DAYS_BEFORE, PREVIOUS_MONTH, KEPT = "inherit", "school_days_before", "day_of_previous_month", "kept"


class NoticeRuleEditor(QWidget):
    changed = Signal()

    def __init__(self, inherit_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inherit_text = inherit_text
        self._kept: dict[str, Any] | None = None
        self.kind = QComboBox(self)
        self.kind.setObjectName("notice_kind")
        for key in (INHERIT, DAYS_BEFORE, PREVIOUS_MONTH):
            self.kind.addItem("", key)
        self.pages = QStackedWidget(self)
        self.days = QSpinBox(self)
        self.days.setObjectName("notice_days")
        self.days.setRange(1, 60)
        self.days.setValue(4)
        self.days_time = time_edit(self)
        self.days_time.setObjectName("notice_days_time")
        self.days_time.setTime(QTime(11, 0))
        self.day = QSpinBox(self)
        self.day.setObjectName("notice_day")
        self.day.setRange(1, 31)
        self.day.setValue(20)
        self.day_time = time_edit(self)
        self.day_time.setObjectName("notice_day_time")
        self.day_time.setTime(QTime(17, 0))
        self.kept_label = QLabel(self)
        self.by_label_1 = QLabel(self)
        self.by_label_2 = QLabel(self)
        self.pages.addWidget(QWidget(self))
        self.pages.addWidget(self._row(self.days, self.by_label_1, self.days_time))
        self.pages.addWidget(self._row(self.day, self.by_label_2, self.day_time))
        self.pages.addWidget(self.kept_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.pages, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for spin in (self.days, self.day):
            spin.valueChanged.connect(self.changed)
        for edit in (self.days_time, self.day_time):
            edit.timeChanged.connect(self.changed)
        self.retranslate()

    @staticmethod
    def _row(spin: QSpinBox, label: QLabel, time: QTimeEdit) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(spin)
        layout.addWidget(label)
        layout.addWidget(time)
        layout.addStretch(1)
        return row

    def retranslate(self) -> None:
        texts = {INHERIT: self._inherit_text, DAYS_BEFORE: self.tr("School days before"),
                 PREVIOUS_MONTH: self.tr("Day of the previous month"), KEPT: self.tr("Other rule (kept)")}
        for i in range(self.kind.count()):
            self.kind.setItemText(i, texts[self.kind.itemData(i)])
        self.kind.setAccessibleName(self.tr("Lunch notice rule"))
        self.days.setSuffix(self.tr(" school days before"))
        self.days.setAccessibleName(self.tr("School days before the visit"))
        self.day.setPrefix(self.tr("day "))
        self.day.setSuffix("日" if current_language() == "ja" else "")  # 前月20日; "day 20" needs none
        self.day.setAccessibleName(self.tr("Day of the previous month"))
        self.by_label_1.setText(self.tr("by"))
        self.by_label_2.setText(self.tr("by"))
        self.days_time.setAccessibleName(self.tr("Deadline time"))
        self.day_time.setAccessibleName(self.tr("Deadline time"))
        self._describe_kept()

    def _describe_kept(self) -> None:
        if self._kept is None:
            return
        try:
            text = parse_rule(self._kept).describe(current_language())
        except InvalidInput as exc:
            text = exc.message(current_language())
        self.kept_label.setText(text)

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(max(self.kind.currentIndex(), 0))
        self.changed.emit()

    def set_rule(self, rule: Mapping[str, Any] | None) -> None:
        if self.kind.findData(KEPT) >= 0:
            self.kind.removeItem(self.kind.findData(KEPT))
        self._kept = None
        kind = (rule or {}).get("kind")
        time_text = str((rule or {}).get("time") or "")
        time = QTime.fromString(time_text, "HH:mm") if time_text else QTime()
        if not rule:
            self.kind.setCurrentIndex(self.kind.findData(INHERIT))
        elif kind == DAYS_BEFORE and isinstance(rule.get("days"), int) and set(rule) <= {"kind", "days", "time"}:
            self.days.setValue(rule["days"])
            self.days_time.setTime(time if time.isValid() else QTime(17, 0))
            self.kind.setCurrentIndex(self.kind.findData(DAYS_BEFORE))
        elif kind == PREVIOUS_MONTH and isinstance(rule.get("day"), int) and set(rule) <= {"kind", "day", "time"}:
            self.day.setValue(rule["day"])
            self.day_time.setTime(time if time.isValid() else QTime(17, 0))
            self.kind.setCurrentIndex(self.kind.findData(PREVIOUS_MONTH))
        else:
            self._kept = dict(rule)
            self.kind.addItem(self.tr("Other rule (kept)"), KEPT)
            self._describe_kept()
            self.kind.setCurrentIndex(self.kind.findData(KEPT))
        self._kind_changed()

    def rule(self) -> dict[str, Any] | None:
        kind = self.kind.currentData()
        if kind == DAYS_BEFORE:
            return {"kind": DAYS_BEFORE, "days": self.days.value(), "time": self.days_time.time().toString("HH:mm")}
        if kind == PREVIOUS_MONTH:
            return {"kind": PREVIOUS_MONTH, "day": self.day.value(), "time": self.day_time.time().toString("HH:mm")}
        if kind == KEPT:
            return self._kept
        return None
