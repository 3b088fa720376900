"""Neutralising text a spreadsheet would run as a formula (CSV/formula injection).

A cell starting with = + - @, a tab or a carriage return — or their full-width forms, which
Japanese Excel also accepts — gets a leading apostrophe so it is shown as typed.
"""

from __future__ import annotations

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(DANGEROUS_FIRST):
        return "'" + value
    return value
