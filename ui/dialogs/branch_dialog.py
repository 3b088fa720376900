"""Settings › Branch: the name, address and phone that sign every schedule and order sheet, and
the lunch notice rule boards use unless they have their own. The form is shared with the
welcome shown on a new database's first start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from altdesk.errors import UserError
from altdesk.services.branch import LIMITS, BranchDetails, branch_details, update_branch_details
from altdesk.services.workspace import PLACEHOLDER_NAME, PLACEHOLDER_NAME_EN
from ui.app_context import AppContext
from ui.dialogs.form_errors import FormErrors
from ui.dialogs.notice_rule_editor import NoticeRuleEditor

translate = QCoreApplication.translate


class BranchForm(QWidget):
    """The branch's details as fields; `save()` writes them through the core (one transaction)."""

    def __init__(self, ctx: AppContext, with_notice_rule: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = self._line("name")
        self.name_en = self._line("name_en")
        self.address = self._line("address")
        self.phone = self._line("phone")
        self.notice: NoticeRuleEditor | None = None
        fields: dict[str, QWidget] = {"name": self.name, "name_en": self.name_en, "address": self.address,
                                      "phone": self.phone}
        if with_notice_rule:
            self.notice = NoticeRuleEditor(translate("BranchDialog", "ALTdesk's default (day 20 of the previous "
                                                                     "month, 17:00)"), self)
            self.notice.setObjectName("lunch_notice_rule")
            fields["lunch_notice_rule"] = self.notice.kind
        self.labels = {key: QLabel(self) for key in fields}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget in fields.items():
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], self.notice if key == "lunch_notice_rule" else widget)
        self.errors = FormErrors(fields, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        self._version: int | None = None
        self.load()
        self.retranslate()

    def _line(self, key: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(key)
        line.setMaxLength(LIMITS[key])
        return line

    def retranslate(self) -> None:
        texts = {"name": translate("BranchDialog", "Branch &name (Japanese):"),
                 "name_en": translate("BranchDialog", "Name in &English:"),
                 "address": translate("BranchDialog", "&Address:"),
                 "phone": translate("BranchDialog", "&Phone:"),
                 "lunch_notice_rule": translate("BranchDialog", "Lunch notice dead&line:")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.name.setPlaceholderText(translate("BranchDialog", "e.g. ALTdesk さくら支店"))
        self.name_en.setPlaceholderText(translate("BranchDialog", "e.g. Sakura Branch"))
        self.phone.setPlaceholderText(translate("BranchDialog", "e.g. 043-123-4567"))
        self.name.setToolTip(translate("BranchDialog", "Printed on every visit schedule and lunch order sheet."))
        if self.notice is not None:
            self.notice.retranslate()

    def load(self) -> None:
        details = branch_details(self.ctx.ws)
        self._version = details.version
        self.name.setText("" if details.name == PLACEHOLDER_NAME else details.name)
        self.name_en.setText("" if details.name_en == PLACEHOLDER_NAME_EN else details.name_en)
        self.address.setText(details.address)
        self.phone.setText(details.phone)
        if self.notice is not None:
            self.notice.set_rule(details.notice_rule)

    def save(self) -> BranchDetails | None:
        """Write the fields; None (with the reason shown beside the field) when refused."""
        self.errors.clear()
        extra = {"notice_rule": self.notice.rule()} if self.notice is not None else {}
        try:
            saved = update_branch_details(self.ctx.ws, self._version, name=self.name.text(),
                                          name_en=self.name_en.text(), address=self.address.text(),
                                          phone=self.phone.text(), **extra)
        except UserError as exc:
            self.errors.show_error(exc)
            return None
        self._version = saved.version
        self.ctx.changed("branch")
        return saved


class BranchDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BranchDialog")
        self.form = BranchForm(ctx, parent=self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("BranchDialog", "Branch"))
        self.form.retranslate()

    def accept(self) -> None:
        if self.form.save() is not None:  # refused: the reason is shown, the dialog stays open
            super().accept()
