"""The record editors' use cases on PostgreSQL: codes, versions, bell schedules, closures, regeneration."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from altdesk.db.database import open_database
from altdesk.db.engine import DatabaseTarget
from altdesk.db.enums import DayOffKind
from altdesk.db.models import Visit
from altdesk.errors import InvalidInput, StaleEdit
from altdesk.services import records as svc
from altdesk.services.workspace import open_workspace

D = dt.date
T = dt.time


@pytest.mark.postgres
def test_record_editing_on_postgresql():
    url = os.environ.get("ALTDESK_TEST_PG_URL")
    if not url:
        pytest.skip("ALTDESK_TEST_PG_URL is not set, so the record editors' PostgreSQL test did NOT run; "
                    "run it under bash .ci/with-postgres.sh")
    name = f"altdesk_records_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(DatabaseTarget.parse(make_url(url).set(database=name).render_as_string(hide_password=False)))
    try:
        ws = open_workspace(db, actor="tester")
        alt = svc.save_alt(ws, svc.AltForm(code="A100", family_name="Carter", given_name="Emily",
                                           kana="エミリー・カーター", allergens=("egg",)))
        with pytest.raises(InvalidInput) as caught:
            svc.save_alt(ws, svc.AltForm(code="a100", family_name="X", given_name="Y"))
        assert caught.value.field == "code"
        board = svc.save_board(ws, svc.BoardForm(code="B1", name_ja="さくら市教育委員会", closures=(
            svc.DayOffForm(kind=DayOffKind.CLOSURE, start_date=D(2026, 5, 20), end_date=D(2026, 5, 20),
                           name_ja="学校閉庁日"),)))
        school = svc.save_school(ws, svc.SchoolForm(code="S1", name_ja="桜台小学校", board_id=board.id, periods=(
            svc.BellPeriodForm(1, T(8, 45), T(9, 30)), svc.BellPeriodForm(2, T(9, 40), T(10, 25)))))
        edited = svc.save_school(ws, replace(school, periods=school.periods[:1]))
        assert edited.version == school.version + 1
        with pytest.raises(StaleEdit):
            svc.save_school(ws, replace(school, name_en="Sakuradai ES"))
        saved = svc.save_placement(ws, svc.PlacementForm(
            alt_id=alt.id, school_id=school.id, start_date=D(2026, 5, 11), end_date=D(2026, 6, 30),
            pattern=svc.Pattern(svc.PatternKind.WEEKLY, (2,))), today=D(2026, 5, 1))
        with ws.db.sessions() as s:
            dates = s.scalars(select(Visit.date).where(Visit.placement_id == saved.form.id).order_by(Visit.date)).all()
        assert D(2026, 5, 20) not in dates and dates[0] == D(2026, 5, 13) and len(dates) == 6
        preview = svc.preview_placement(ws, saved.form, after=D(2026, 5, 11))
        assert [r.text("ja") for p in preview if p.date == D(2026, 5, 20) for r in p.reasons] == ["学校閉庁日"]
        svc.delete_placement(ws, saved.form.id, saved.form.version, today=D(2026, 5, 1))
        with ws.db.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Visit)) == 0
        refusal = svc.school_delete_refusal(ws, school.id)
        assert refusal is None  # its only placement is gone: the school could go now
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
