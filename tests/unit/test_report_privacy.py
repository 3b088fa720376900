"""School-facing reports carry an ALT's name and lunch mode; the diet only with consent, and
never contact details, nationality or birth date."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from altdesk.io.export_request import ExportRequest
from altdesk.services.exports import run_export
from tests.unit.report_fixtures import BUSY_SCHOOL, PRIVATE_BITS, make_report_branch, pdf_text, set_consent

DIET_WORDS = ("peanut", "ピーナッツ", "落花生", "アレルギー", "epinephrine", "食事について")


def school_outputs(ws, tmp_path, name):
    pdf, xlsx = tmp_path / f"{name}.pdf", tmp_path / f"{name}.xlsx"
    for fmt, out in (("pdf", pdf), ("xlsx", xlsx)):
        run_export(ws, ExportRequest(fmt, "school-month", out, month="2026-06", school=BUSY_SCHOOL,
                                     options={"record_issue": "no"}))
    sheet_text = "\n".join(str(v) for row in load_workbook(xlsx).active.iter_rows(values_only=True)
                           for v in row if v is not None)
    return pdf_text(pdf), sheet_text


@pytest.fixture
def branch(ws):
    return make_report_branch(ws)


def test_without_consent_no_school_facing_output_mentions_the_allergy(ws, branch, tmp_path):
    for text in school_outputs(ws, tmp_path, "no-consent"):
        assert "ゾーイ・ミュラー" in text and "弁当持参" in text  # the name and the lunch mode
        for word in DIET_WORDS + PRIVATE_BITS:
            assert word.lower() not in text.lower(), word


def test_with_consent_only_the_diet_itself_appears_never_the_notes(ws, branch, tmp_path):
    set_consent(ws, branch.zoe_id, True)
    for text in school_outputs(ws, tmp_path, "consent"):
        assert "アレルギー：落花生（ピーナッツ）" in text
        # Free-text diet notes stay in the branch, consent or not: they may hold health details.
        assert "epinephrine" not in text.lower() and "auto-injector" not in text.lower()
        for word in PRIVATE_BITS:
            assert word not in text, word
        # Only Zoë consented to anything; the others have no diet line at all.
        assert text.count("食事について") == 1
