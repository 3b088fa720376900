"""The branch's settings as one typed object: read from the stored JSON with defaults, checked
on load (a bad value falls back to its default and is reported) and on save (a bad value is
refused), and keys this version does not know kept as they were, so a newer ALTdesk's
settings survive an older one's save.

The lunch notice rule is kept as stored here; what it means is the lunch layer's business
(altdesk.lunch.notice), which checks it where it is used and where it is saved."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.db.models import Branch
from altdesk.db.rotation import BackupPolicy
from altdesk.errors import InvalidInput

ERAS = ("western", "reiwa")  # how reports write the year: 2026年 or 令和8年
DEFAULT_TRAVEL_GAP_MINUTES = 30
MAX_TRAVEL_GAP_MINUTES = 240
MAX_PRICE_YEN = 10_000

# The placement planner's weights and limits (altdesk.planning): key -> (default, lowest, highest,
# what it is in English and Japanese). Weights are relative: 0 turns a goal off.
PLANNER_SETTINGS: dict[str, tuple[int, int, int, str, str]] = {
    "plan_weight_continuity": (30, 0, 1000, "the weight of keeping last year's ALT at a school",
                               "前年度と同じALTを続ける重み"),
    "plan_weight_travel": (2, 0, 1000, "the weight of short travel (per minute, per day)",
                           "移動時間の短さの重み（1日1分あたり）"),
    "plan_weight_balance": (3, 0, 1000, "the weight of loads near the target (per class a week)",
                            "授業数を目標に近づける重み（週1コマあたり）"),
    "plan_weight_schools": (10, 0, 1000, "the weight of few schools per ALT (per school)",
                            "ALTあたりの学校数を少なくする重み（1校あたり）"),
    "plan_weight_pairing": (8, 0, 1000, "the weight of elementary with junior high pairings in one board",
                            "同じ教育委員会の小学校と中学校の組み合わせの重み"),
    "plan_target_classes": (22, 0, 40, "the target classes per week of an ALT", "ALTの週あたり目標授業数"),
    "plan_max_travel_minutes": (60, 5, 240, "the longest travel from home to a school in minutes",
                                "自宅から学校までの最長移動時間（分）"),
}


@dataclass(frozen=True)
class BranchSettings:
    lunch_notice_rule: dict[str, Any] | None = None  # the boards' default; None: the 20th of the month before
    milk_price_yen: int | None = None  # milk at a school serving full lunch; None: not set
    travel_gap_minutes: int = DEFAULT_TRAVEL_GAP_MINUTES  # between two visits of one ALT on one day
    report_era: str = "western"
    pdf_font: str = ""  # a Japanese TrueType font file for PDFs; empty: the one found on the machine
    backup: BackupPolicy = field(default_factory=BackupPolicy)
    plan_weight_continuity: int = PLANNER_SETTINGS["plan_weight_continuity"][0]
    plan_weight_travel: int = PLANNER_SETTINGS["plan_weight_travel"][0]
    plan_weight_balance: int = PLANNER_SETTINGS["plan_weight_balance"][0]
    plan_weight_schools: int = PLANNER_SETTINGS["plan_weight_schools"][0]
    plan_weight_pairing: int = PLANNER_SETTINGS["plan_weight_pairing"][0]
    plan_target_classes: int = PLANNER_SETTINGS["plan_target_classes"][0]
    plan_max_travel_minutes: int = PLANNER_SETTINGS["plan_max_travel_minutes"][0]
    other: Mapping[str, Any] = field(default_factory=dict)  # keys this version does not know, kept

    @classmethod
    def from_stored(cls, raw: Any) -> tuple[BranchSettings, list[str]]:
        """The settings, and the keys whose stored value was unusable (their defaults stand)."""
        stored = dict(raw) if isinstance(raw, Mapping) else {}
        known = {f.name for f in dataclasses.fields(cls)} - {"other", "backup"}
        values: dict[str, Any] = {}
        problems: list[str] = []
        for key in known & stored.keys():
            try:
                values[key] = _checked(key, stored[key])
            except InvalidInput:
                problems.append(key)
        backup = stored.get("backup")
        values["backup"] = BackupPolicy.from_settings(backup if isinstance(backup, Mapping) else None)
        other = {k: v for k, v in stored.items() if k not in known and k != "backup"}
        return cls(**values, other=other), problems

    def changed(self, **changes: Any) -> BranchSettings:
        """A copy with `changes`, each checked (InvalidInput naming the setting when refused)."""
        checked = {key: (value if key in ("backup", "other") else _checked(key, value))
                   for key, value in changes.items()}
        return dataclasses.replace(self, **checked)

    def to_stored(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.other)
        if self.lunch_notice_rule is not None:
            data["lunch_notice_rule"] = dict(self.lunch_notice_rule)
        if self.milk_price_yen is not None:
            data["milk_price_yen"] = self.milk_price_yen
        if self.travel_gap_minutes != DEFAULT_TRAVEL_GAP_MINUTES:
            data["travel_gap_minutes"] = self.travel_gap_minutes
        if self.report_era != "western":
            data["report_era"] = self.report_era
        if self.pdf_font:
            data["pdf_font"] = self.pdf_font
        if self.backup != BackupPolicy():
            data["backup"] = self.backup.as_settings()
        for key, (default, *_rest) in PLANNER_SETTINGS.items():
            if getattr(self, key) != default:
                data[key] = getattr(self, key)
        return data


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _checked(key: str, value: Any) -> Any:
    """The value as the setting holds it, or InvalidInput saying what it must be."""
    if key == "lunch_notice_rule":
        if value is None or (isinstance(value, Mapping) and isinstance(value.get("kind"), str)):
            return dict(value) if value is not None else None
        raise InvalidInput("The lunch notice rule must be a rule object with a kind.",
                           "給食連絡のルールは種類を持つ形式で指定してください。", field=key)
    if key == "milk_price_yen":
        number = _whole(value)
        if value is None or value == "":
            return None
        if number is None or not 0 <= number <= MAX_PRICE_YEN:
            raise InvalidInput(f"The milk price must be a whole number of yen from 0 to {MAX_PRICE_YEN}.",
                               f"牛乳の単価は 0〜{MAX_PRICE_YEN} 円の整数で入力してください。", field=key)
        return number
    if key == "travel_gap_minutes":
        number = _whole(value)
        if number is None or not 0 <= number <= MAX_TRAVEL_GAP_MINUTES:
            raise InvalidInput(f"The travel time between visits must be 0 to {MAX_TRAVEL_GAP_MINUTES} minutes.",
                               f"訪問間の移動時間は 0〜{MAX_TRAVEL_GAP_MINUTES} 分で指定してください。", field=key)
        return number
    if key == "report_era":
        if value not in ERAS:
            raise InvalidInput("The year on reports is western or reiwa.",
                               "帳票の年の表記は western（西暦）か reiwa（令和）です。", field=key)
        return value
    if key == "pdf_font":
        if not isinstance(value, str):
            raise InvalidInput("The PDF font is a file path.", "PDF のフォントはファイルのパスで指定してください。",
                               field=key)
        return value.strip()
    if key in PLANNER_SETTINGS:
        _default, low, high, what_en, what_ja = PLANNER_SETTINGS[key]
        number = _whole(value)
        if number is None or not low <= number <= high:
            raise InvalidInput(f"{what_en[0].upper()}{what_en[1:]} must be a whole number from {low} to {high}.",
                               f"{what_ja}は {low}〜{high} の整数で指定してください。", field=key)
        return number
    raise KeyError(key)


def load_branch_settings(session: Session, branch_id: int) -> BranchSettings:
    settings, _problems = BranchSettings.from_stored(
        session.scalar(select(Branch.settings).where(Branch.id == branch_id)))
    return settings


def save_branch_settings(session: Session, branch_id: int, settings: BranchSettings) -> None:
    """Store the settings (in the caller's transaction)."""
    branch = session.get(Branch, branch_id)
    assert branch is not None
    branch.settings = settings.to_stored()
