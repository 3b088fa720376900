"""The audit log in people's words: record kinds, field names and summaries.

The log stores its summaries in English ("created school S0001", "changed 60 school rows").
The English UI shows them as recorded; the Japanese UI rebuilds the usual ones from the
entry's action, record kind and label, and shows the others as recorded.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ui.settings import current_language

translate = QCoreApplication.translate

ENTITY_LABELS: dict[str, Callable[[], str]] = {
    "branch": lambda: translate("AuditText", "Branch"),
    "board": lambda: translate("AuditText", "Board of education"),
    "school": lambda: translate("AuditText", "School"),
    "bell_period": lambda: translate("AuditText", "Bell schedule period"),
    "alt": lambda: translate("AuditText", "ALT"),
    "placement": lambda: translate("AuditText", "Placement"),
    "visit": lambda: translate("AuditText", "Visit"),
    "absence": lambda: translate("AuditText", "Absence"),
    "day_off": lambda: translate("AuditText", "Day off"),
    "holiday_override": lambda: translate("AuditText", "Holiday override"),
    "school_event": lambda: translate("AuditText", "School event"),
    "event_attendee": lambda: translate("AuditText", "Event attendee"),
    "issued_report": lambda: translate("AuditText", "Issued report"),
    "database": lambda: translate("AuditText", "Database"),
    "lunch_orders": lambda: translate("AuditText", "Lunch order sheets"),
}

FIELD_LABELS: dict[str, Callable[[], str]] = {
    "code": lambda: translate("AuditText", "Code"),
    "name": lambda: translate("AuditText", "Name"),
    "name_ja": lambda: translate("AuditText", "Name (Japanese)"),
    "name_en": lambda: translate("AuditText", "Name (English)"),
    "short_name_ja": lambda: translate("AuditText", "Short name"),
    "family_name": lambda: translate("AuditText", "Family name"),
    "given_name": lambda: translate("AuditText", "Given name"),
    "kana": lambda: translate("AuditText", "Reading (katakana)"),
    "nationality": lambda: translate("AuditText", "Nationality"),
    "email": lambda: translate("AuditText", "E-mail"),
    "phone": lambda: translate("AuditText", "Phone"),
    "address": lambda: translate("AuditText", "Address"),
    "contact_teacher": lambda: translate("AuditText", "Contact teacher"),
    "status": lambda: translate("AuditText", "Status"),
    "level": lambda: translate("AuditText", "Level"),
    "levels": lambda: translate("AuditText", "Levels taught"),
    "board_id": lambda: translate("AuditText", "Board of education"),
    "school_id": lambda: translate("AuditText", "School"),
    "alt_id": lambda: translate("AuditText", "ALT"),
    "date": lambda: translate("AuditText", "Date"),
    "planned_date": lambda: translate("AuditText", "Planned date"),
    "start_date": lambda: translate("AuditText", "First day"),
    "end_date": lambda: translate("AuditText", "Last day"),
    "start_time": lambda: translate("AuditText", "Start"),
    "end_time": lambda: translate("AuditText", "End"),
    "periods": lambda: translate("AuditText", "Periods"),
    "classes": lambda: translate("AuditText", "Classes"),
    "classes_per_day": lambda: translate("AuditText", "Classes a day"),
    "weekly_class_limit": lambda: translate("AuditText", "Weekly class limit"),
    "lunch_mode": lambda: translate("AuditText", "Lunch"),
    "lunch_policy": lambda: translate("AuditText", "Lunch policy"),
    "lunch_price_yen": lambda: translate("AuditText", "Price per meal"),
    "lunch_notice_rule": lambda: translate("AuditText", "Lunch notice deadline"),
    "contracted_days": lambda: translate("AuditText", "Contracted days"),
    "contract_days_per_year": lambda: translate("AuditText", "Contract days"),
    "contract_hours_per_day": lambda: translate("AuditText", "Contract hours"),
    "kind": lambda: translate("AuditText", "Kind"),
    "note": lambda: translate("AuditText", "Note"),
    "rrule": lambda: translate("AuditText", "Repeats"),
    "extra_dates": lambda: translate("AuditText", "Added dates"),
    "removed_dates": lambda: translate("AuditText", "Removed dates"),
    "covered_by_alt_id": lambda: translate("AuditText", "Substitute ALT"),
    "is_holiday": lambda: translate("AuditText", "Holiday"),
    "allergens": lambda: translate("AuditText", "Allergens"),
    "other_allergens": lambda: translate("AuditText", "Other allergens"),
    "vegetarian": lambda: translate("AuditText", "Vegetarian"),
    "vegan": lambda: translate("AuditText", "Vegan"),
    "halal": lambda: translate("AuditText", "Halal"),
    "gluten_free": lambda: translate("AuditText", "Gluten-free"),
    "diet_notes": lambda: translate("AuditText", "Diet notes"),
    "share_diet_consent": lambda: translate("AuditText", "Consent to share diet details"),
    "compensatory_date": lambda: translate("AuditText", "Compensatory day off"),
    "rows": lambda: translate("AuditText", "Rows"),
}

_SINGLE = re.compile(r"^(created|changed|deleted) (\w+) (.+?)(?:: (.+))?$")
_BULK = re.compile(r"^(created|changed|deleted) (\d+) (\w+) rows?(?: \((.+)\))?$")


def entity_text(entity: str) -> str:
    found = ENTITY_LABELS.get(entity)
    return found() if found else entity


def field_text(field: str) -> str:
    found = FIELD_LABELS.get(field)
    return found() if found else field


def _verb(action: str, subject: str) -> str:
    templates = {"create": translate("AuditText", "Created %1"), "update": translate("AuditText", "Changed %1"),
                 "delete": translate("AuditText", "Deleted %1")}
    return templates[action].replace("%1", subject) if action in templates else subject


def summary_text(action: str, entity: str, summary: str, lang: str | None = None) -> str:
    """The entry's summary: as recorded in English; rebuilt in Japanese where its form is known."""
    if (lang or current_language()) != "ja" or action not in ("create", "update", "delete"):
        return summary
    bulk = _BULK.match(summary)
    if bulk and bulk.group(3) == entity:
        subject = translate("AuditText", "%1 (%2 rows)").replace("%1", entity_text(entity)).replace(
            "%2", bulk.group(2))
        text = _verb(action, subject)
        return f"{text} — {bulk.group(4)}" if bulk.group(4) else text
    single = _SINGLE.match(summary)
    if single and single.group(2) == entity:
        subject = f"{entity_text(entity)} {single.group(3)}"
        text = _verb(action, subject)
        if single.group(4):
            fields = "、".join(field_text(f.strip()) for f in single.group(4).split(","))
            text = f"{text}: {fields}"
        return text
    return summary
