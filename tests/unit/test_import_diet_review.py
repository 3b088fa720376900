"""The ALTs sheet carries the diet review: a reviewed note imports without a warning and holds
for that note only; the filled template writes the review that still holds, so a move to a
new database keeps it."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from altdesk.db.engine import transaction
from altdesk.db.models import Alt
from altdesk.io.importing.kinds.alts import template_rows
from altdesk.lunch.diet import DietReview
from altdesk.services.importing import apply, preview
from altdesk.services.records import load_alt, save_alt
from tests.unit.sched_fixtures import make_alt

NOTE = "卵アレルギーのため給食不可"


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _review_of(ws, code: str) -> DietReview | None:
    with ws.db.sessions() as s:
        alt_id = next(a.id for a in s.query(Alt).filter(Alt.code == code))
    return load_alt(ws, alt_id).diet_review


def test_a_review_in_the_sheet_holds_for_its_note_and_gives_no_warning(ws, tmp_path):
    path = _csv(tmp_path / "alts.csv", [
        ["ALT code", "Full name", "Diet notes", "Diet review"],
        ["A1", "Emily SMITH", NOTE, "給食可"],
        ["A2", "Lucía GARCÍA", NOTE, ""],
        ["A3", "Harry JONES", "", "own_lunch"],  # nothing to review: nothing kept
    ])
    result = preview(ws, [path])
    assert result.ok
    assert [p.row for p in result.warnings] == [3]  # only A2 is to be reviewed
    apply(ws, result)
    assert [_review_of(ws, c) for c in ("A1", "A2", "A3")] == [DietReview.SCHOOL_LUNCH_OK, None, None]

    # The same sheet with a changed note and no review column: the old review no longer holds.
    changed = _csv(tmp_path / "alts2.csv", [["ALT code", "Full name", "Diet notes"],
                                            ["A1", "Emily SMITH", NOTE + "。乳も不可"]])
    again = preview(ws, [changed])
    assert again.ok and [p.row for p in again.warnings] == [2]
    apply(ws, again)
    assert _review_of(ws, "A1") is None


def test_the_filled_template_writes_only_a_review_that_still_holds(ws):
    reviewed, stale = make_alt(ws, "A1", diet_notes=NOTE), make_alt(ws, "A2", diet_notes=NOTE)
    for alt_id in (reviewed, stale):
        save_alt(ws, replace(load_alt(ws, alt_id), diet_review=DietReview.OWN_LUNCH))
    with transaction(ws.db.sessions) as s:
        s.get(Alt, stale).diet_notes = "乳アレルギー"
    with ws.db.sessions() as s:
        rows = {row["code"]: row["diet_review"] for row in template_rows(s, ws.branch_id)}
    assert rows == {"A1": "own_lunch", "A2": ""}
