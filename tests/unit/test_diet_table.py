"""One diet table (altdesk/lunch/diet.py) for everything: the school schedule and the order
sheet name exactly its allergens and diets, in its Japanese; the template lists them; free
text never reaches a school."""

from __future__ import annotations

from altdesk.db.engine import transaction
from altdesk.db.models import Alt
from altdesk.io.importing import domain_values as dv
from altdesk.lunch.diet import ALLERGENS, DIET_FLAGS, OTHER_FOR_SCHOOLS_JA
from altdesk.reports.school_month import load_school_months
from altdesk.services.lunch import order_sheets
from tests.unit.report_fixtures import BUSY_SCHOOL, make_report_branch

EVERYTHING_JA = "アレルギー：" + "・".join(a.school_ja for a in ALLERGENS) + "、" + "、".join(f.ja for f in DIET_FLAGS)


def _diet(ws, alt_id: int, **values) -> None:
    with transaction(ws.db.sessions) as s:
        alt = s.get(Alt, alt_id)
        for name, value in values.items():
            setattr(alt, name, value)


def _school_facing(ws, alt_code: str) -> tuple[str, str]:
    """(the visit schedule's diet line, the order sheet's) for one ALT at the busy school."""
    with ws.db.sessions() as session:
        [report], _drafts = load_school_months(session, ws.branch_id, "2026-06", [BUSY_SCHOOL])
    kana = {"A003": "ゾーイ・ミュラー"}[alt_code]
    schedule = next(a.diet_ja for a in report.alts if a.kana == kana)
    [sheet] = order_sheets(ws, "2026-06", BUSY_SCHOOL)
    order = next(r.diet_ja for r in sheet.rows if r.alt_code == alt_code)
    return schedule, order


def test_school_facing_reports_name_exactly_the_tables_allergens_and_diets(ws):
    branch = make_report_branch(ws)
    _diet(ws, branch.zoe_id, allergens=[a.key for a in ALLERGENS], **{f.key: True for f in DIET_FLAGS},
          share_diet_consent=True)
    assert _school_facing(ws, "A003") == (EVERYTHING_JA, EVERYTHING_JA)


def test_free_text_stays_in_the_branch_and_nothing_goes_without_consent(ws):
    branch = make_report_branch(ws)
    _diet(ws, branch.zoe_id, allergens=["egg"], other_allergens="キウイ（アナフィラキシー）", halal=True,
          diet_notes="Carries an epinephrine auto-injector.", share_diet_consent=True)
    expected = f"アレルギー：卵・{OTHER_FOR_SCHOOLS_JA}、ハラール"
    assert _school_facing(ws, "A003") == (expected, expected)
    _diet(ws, branch.zoe_id, share_diet_consent=False)
    assert _school_facing(ws, "A003") == ("", "")


def test_the_import_template_lists_the_tables_allergens_and_diets():
    for term in (*ALLERGENS, *DIET_FLAGS):
        assert term.en in dv.ALLERGENS_ALLOWED_EN and term.ja in dv.ALLERGENS_ALLOWED_JA
