"""Neutralising text a spreadsheet would run as a formula (CSV/formula injection).

A cell starting with = + - @, a tab, a carriage return or a line feed — or their full-width
forms, which Japanese Excel also accepts — gets a leading apostrophe so it is shown as typed.
Leading spaces do not hide a formula from every program, so they are looked through.
"""

from __future__ import annotations

import re

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

# Characters an xlsx (XML 1.0) cannot hold; openpyxl refuses the whole cell for one of them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.lstrip(" 　").startswith(DANGEROUS_FIRST):
        return "'" + value
    return value


def safe_cell(value: object) -> object:
    """A value ready for an xlsx cell: control characters removed, formulas neutralised."""
    if isinstance(value, str):
        return neutralise(_ILLEGAL_XML.sub("", value))
    return value
