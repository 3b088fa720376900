"""What an export was asked for, independent of the face that asked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ExportRequest:
    format: str  # csv, pdf, xlsx, ics, template
    report: str | None  # school-month, alt-month, branch-month, visits, lunch-orders, lunch-fees
    out: Path
    month: str | None = None  # YYYY-MM
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    school: str | None = None  # a school code, or "all"
    alt: str | None = None  # an ALT code, or "all"
    combined: bool = False  # with "all": one PDF instead of one file each
    filled: bool = False  # template: include the branch's current data
    options: dict[str, str] = field(default_factory=dict)
    out_is_folder: bool = False  # --out was written as a folder (ends with a separator), even if not there yet


@dataclass
class ExportResult:
    files: list[Path]
    summary_en: str = ""
    summary_ja: str = ""
    warnings: list[str] = field(default_factory=list)
