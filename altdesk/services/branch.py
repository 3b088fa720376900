"""The branch's own details: the name, address and phone that sign every schedule and order
sheet, and the lunch notice rule its boards use unless they have their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from altdesk.db.branch_settings import load_branch_settings
from altdesk.db.engine import transaction
from altdesk.db.models import Branch
from altdesk.db.optimistic import apply_edit
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.lunch.notice import DEFAULT_RULE, parse_rule
from altdesk.services.workspace import PLACEHOLDER_NAME, Workspace

LIMITS = {"name": 200, "name_en": 200, "address": 300, "phone": 40}
FIELD_NAMES = {"name": ("Branch name (Japanese)", "支店名"), "name_en": ("Branch name (English)", "支店名（英語）"),
               "address": ("Address", "住所"), "phone": ("Phone", "電話番号")}


@dataclass(frozen=True)
class BranchDetails:
    code: str
    name: str
    name_en: str
    address: str
    phone: str
    notice_rule: dict[str, Any] | None  # None: the default (the 20th of the previous month)
    version: int

    @property
    def effective_notice_rule(self) -> dict[str, Any]:
        return self.notice_rule or DEFAULT_RULE

    def notice_rule_text(self, lang: str) -> str:
        return parse_rule(self.effective_notice_rule, "the branch").describe(lang)


def branch_details(ws: Workspace) -> BranchDetails:
    with ws.db.sessions() as session:
        branch = session.get(Branch, ws.branch_id)
        assert branch is not None
        rule = load_branch_settings(session, ws.branch_id).lunch_notice_rule
        return BranchDetails(branch.code, branch.name or "", branch.name_en or "", branch.address or "",
                             branch.phone or "", rule, branch.version)


_UNSET: Any = object()


def update_branch_details(ws: Workspace, expected_version: int | None = None, *, name: str | None = None,
                          name_en: str | None = None, address: str | None = None, phone: str | None = None,
                          notice_rule: dict[str, Any] | None = _UNSET) -> BranchDetails:
    """Change the given details (None leaves one as it is; `notice_rule=None` goes back to the
    default). `expected_version`: the version the form showed, so another coordinator's save
    in between is refused (StaleEdit) rather than overwritten."""
    texts = {key: value.strip() for key, value in
             {"name": name, "name_en": name_en, "address": address, "phone": phone}.items() if value is not None}
    for key, value in texts.items():
        en, ja = FIELD_NAMES[key]
        if key == "name" and not value:
            raise InvalidInput("The branch needs a name: it signs every schedule and order sheet.",
                               "支店名を入力してください（訪問予定表と注文票に記載されます）。", field=key)
        if len(value) > LIMITS[key]:
            raise InvalidInput(f"{en} is longer than {LIMITS[key]} characters.",
                               f"{ja}が {LIMITS[key]} 文字を超えています。", field=key)
        if "\n" in value or "\r" in value:
            raise InvalidInput(f"{en} must be one line.", f"{ja}は1行で入力してください。", field=key)
    if notice_rule is not _UNSET and notice_rule is not None:
        notice_rule = parse_rule(notice_rule, "the branch").as_json()  # refused with the reason if unreadable
    with transaction(ws.db.sessions) as session:
        branch = session.get(Branch, ws.branch_id, populate_existing=True)
        assert branch is not None
        if expected_version is not None and branch.version != expected_version:
            raise StaleEdit()
        changes: dict[str, Any] = dict(texts)
        if notice_rule is not _UNSET:
            settings = load_branch_settings(session, branch.id).changed(lunch_notice_rule=notice_rule)
            changes["settings"] = settings.to_stored()  # the other settings, known or not, as they were
        if changes:
            apply_edit(session, Branch, branch.id, None, branch.version, changes)
    return branch_details(ws)


def branch_is_unnamed(ws: Workspace) -> bool:
    """A branch that still has the placeholder name of a new database: the first start asks for it."""
    details = branch_details(ws)
    return details.name.strip() in ("", PLACEHOLDER_NAME) and not details.phone and not details.address
