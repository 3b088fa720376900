"""Cells a spreadsheet would run as formulas are neutralised; characters XML cannot hold are dropped."""

from __future__ import annotations

from altdesk.io.spreadsheet_safety import neutralise, safe_cell


def test_formula_starts_in_ascii_and_full_width_are_neutralised():
    for text in ("=1+1", "+81 43", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "＝1", "＋1", "－1", "＠x", " =HYPERLINK(1)",
                 "　＝1"):
        assert neutralise(text) == "'" + text, text
    for text in ("給食", "8:15〜15:45", "Zoë", "", "1-4"):
        assert neutralise(text) == text
    assert neutralise(5) == 5


def test_safe_cell_drops_control_characters_then_neutralises():
    assert safe_cell("ab\x00c\x1f") == "abc"
    assert safe_cell("\x01=cmd") == "'=cmd"
    assert safe_cell("line\nbreak") == "line\nbreak"
