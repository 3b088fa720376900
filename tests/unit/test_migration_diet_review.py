"""Migration 0005: a file from before the diet review keeps its ALTs, and an ALT whose diet
notes were already there is "to review" (own lunch) until a coordinator reviews them."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget, make_engine
from altdesk.db.migrate import alembic_config
from altdesk.lunch.derive import diet_facts


def test_an_older_file_gains_the_review_columns_and_its_noted_alts_are_to_review(tmp_path):
    path = tmp_path / "before-review.sqlite3"
    engine = make_engine(DatabaseTarget.parse(str(path)))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004_visit_covering_index")
        conn.execute(text("INSERT INTO branch (id, code, name, name_en, address, phone, settings, version)"
                          " VALUES (1, 'B', '支店', 'Branch', '', '', '{}', 1)"))
        conn.execute(text(
            "INSERT INTO alt (id, branch_id, code, family_name, given_name, kana, nationality, status, email, phone,"
            " levels, allergens, other_allergens, vegetarian, vegan, halal, gluten_free, diet_notes,"
            " share_diet_consent, weekly_class_limit, version) VALUES (7, 1, 'A1', 'Smith', 'Emily', '', '',"
            " 'active', '', '', '[]', '[]', '', 0, 0, 0, 0, '卵アレルギーのため給食不可', 0, 25, 1)"))
    engine.dispose()
    database = open_database(DatabaseTarget.parse(str(path)))
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT diet_review, diet_review_of FROM alt WHERE id = 7")).one() == (None, None)
        with database.sessions() as session:
            facts = diet_facts(session, 1)[7]
        assert facts.needs_review and facts.restricted
    finally:
        database.close()
