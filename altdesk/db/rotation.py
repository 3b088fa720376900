"""Which automatic backups to keep: the newest of each of the last N days, weeks and months.

Buckets are counted among the backups that exist, not on the calendar, so a PC that was
off for a month still keeps its last good copies instead of pruning them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from altdesk.errors import InvalidInput


@dataclass(frozen=True)
class BackupPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    @property
    def enabled(self) -> bool:
        return (self.daily + self.weekly + self.monthly) > 0

    @property
    def interval(self) -> dt.timedelta | None:
        """How old the newest automatic backup may be before another is due."""
        if self.daily:
            return dt.timedelta(days=1)
        if self.weekly:
            return dt.timedelta(weeks=1)
        if self.monthly:
            return dt.timedelta(days=28)
        return None

    def as_settings(self) -> dict[str, int]:
        return {"daily": self.daily, "weekly": self.weekly, "monthly": self.monthly}

    def describe(self) -> str:
        return f"daily {self.daily}, weekly {self.weekly}, monthly {self.monthly}"

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None) -> BackupPolicy:
        """From the branch settings' "backup" object; bad or missing values fall back to defaults."""
        default = cls()
        if not isinstance(settings, Mapping):
            return default
        values = {}
        for key in ("daily", "weekly", "monthly"):
            raw = settings.get(key, getattr(default, key))
            values[key] = raw if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 1000 \
                else getattr(default, key)
        return cls(**values)

    @classmethod
    def parse(cls, text: str) -> BackupPolicy:
        """'7,4,12' (daily, weekly, monthly)."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 3 or not all(p.isdigit() and int(p) <= 1000 for p in parts):
            raise InvalidInput(
                f"Backup policy {text!r} is not three counts; write DAILY,WEEKLY,MONTHLY, e.g. 7,4,12.",
                f"バックアップ方針 {text!r} が正しくありません。日次,週次,月次 の数を 7,4,12 のように指定してください。",
                field="policy",
            )
        daily, weekly, monthly = (int(p) for p in parts)
        return cls(daily, weekly, monthly)


def _keep_newest_per(
    stamps: list[dt.datetime], count: int, bucket: Callable[[dt.datetime], Any]
) -> set[dt.datetime]:
    kept: set[dt.datetime] = set()
    seen: set[Any] = set()
    for stamp in stamps:  # newest first
        if len(seen) >= count:
            break
        key = bucket(stamp)
        if key not in seen:
            seen.add(key)
            kept.add(stamp)
    return kept


def stamps_to_keep(stamps: Iterable[dt.datetime], policy: BackupPolicy) -> set[dt.datetime]:
    """The backups (by time) the policy keeps; the newest is always kept."""
    ordered = sorted(set(stamps), reverse=True)
    if not ordered:
        return set()
    keep = {ordered[0]}
    keep |= _keep_newest_per(ordered, policy.daily, lambda s: s.date())
    keep |= _keep_newest_per(ordered, policy.weekly, lambda s: s.isocalendar()[:2])
    keep |= _keep_newest_per(ordered, policy.monthly, lambda s: (s.year, s.month))
    return keep


def is_due(newest: dt.datetime | None, policy: BackupPolicy, now: dt.datetime) -> bool:
    interval = policy.interval
    if interval is None:
        return False
    if newest is None:
        return True
    if policy.daily:  # once per calendar day, so each day's bucket gets its copy
        return newest.date() < now.date()
    return now - newest >= interval
