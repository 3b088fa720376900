"""A small hand-built branch for report tests: names that need more than Latin-1 and more than
the Japanese font (Nguyễn, García, Zoë Müller), a peanut allergy, a month with 23 visits at
one school (June 2026: 22 weekdays and a Saturday Sports Day) and a month with a holiday and
the summer break (July 2026)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import update

from altdesk.db.engine import transaction
from altdesk.db.enums import DayOffKind, LunchPolicy, SchoolLevel
from altdesk.db.models import Alt, Board, Branch, DayOff, Placement, School
from altdesk.scheduling.events import create_event
from altdesk.services.scheduling import generate_visits
from altdesk.services.workspace import Workspace

BUSY_SCHOOL = "S001"
SECOND_SCHOOL = "S002"
SCHOOL_NAME = "さくら市立富士見ヶ丘第二小学校"
ZOE, THAO, LUCIA = "A003", "A001", "A002"
PRIVATE_BITS = ("zoe.muller@example.org", "080-1111-2222", "Germany", "1994-02-03", "ドイツ")


@dataclass(frozen=True)
class ReportBranch:
    busy_school_id: int
    second_school_id: int
    zoe_id: int
    thao_id: int
    lucia_id: int


def make_report_branch(ws: Workspace) -> ReportBranch:
    with transaction(ws.db.sessions) as s:
        s.execute(update(Branch).where(Branch.id == ws.branch_id).values(
            name="ALTdesk さくら支店", name_en="ALTdesk Sakura Branch", address="〒285-0014 千葉県佐倉市栄町1-2-3",
            phone="043-123-4567", version=Branch.version + 1))
        board = Board(branch_id=ws.branch_id, code="B1", name_ja="さくら市教育委員会", name_en="Sakura City BoE")
        s.add(board)
        s.flush()
        busy = School(branch_id=ws.branch_id, board_id=board.id, code=BUSY_SCHOOL, name_ja=SCHOOL_NAME,
                      name_en="Fujimigaoka No.2 Elementary School", short_name_ja="富士見ヶ丘小",
                      level=SchoolLevel.ELEMENTARY, address="千葉県さくら市富士見ヶ丘1-2-3", phone="043-555-0101",
                      contact_teacher="佐藤先生", lunch_policy=LunchPolicy.SERVES, lunch_price_yen=280)
        second = School(branch_id=ws.branch_id, board_id=board.id, code=SECOND_SCHOOL, name_ja="さくら市立桜台中学校",
                        name_en="Sakuradai Junior High School", short_name_ja="桜台中", level=SchoolLevel.JUNIOR_HIGH,
                        address="千葉県さくら市桜台4-5-6", lunch_policy=LunchPolicy.SERVES, lunch_price_yen=300)
        s.add_all([busy, second])
        thao = Alt(branch_id=ws.branch_id, code=THAO, family_name="Nguyễn", given_name="Thảo", kana="タオ・グエン",
                   nationality="Vietnam", levels=["elementary", "junior_high"])
        lucia = Alt(branch_id=ws.branch_id, code=LUCIA, family_name="García", given_name="Lucía",
                    kana="ルシア・ガルシア", nationality="Spain", levels=["elementary", "junior_high"])
        zoe = Alt(branch_id=ws.branch_id, code=ZOE, family_name="Müller", given_name="Zoë", kana="ゾーイ・ミュラー",
                  nationality="Germany", email="zoe.muller@example.org", phone="080-1111-2222",
                  start_date=dt.date(1994, 2, 3), levels=["elementary"], allergens=["peanut"],
                  diet_notes="Carries an epinephrine auto-injector.", share_diet_consent=False)
        s.add_all([thao, lucia, zoe])
        s.flush()
        start, end = dt.date(2026, 4, 6), dt.date(2027, 3, 24)
        for alt, school, days in ((thao, busy, "MO,WE,FR"), (zoe, busy, "TU,TH"), (lucia, second, "MO,TU,WE,TH,FR")):
            s.add(Placement(branch_id=ws.branch_id, alt_id=alt.id, school_id=school.id, start_date=start,
                            end_date=end, rrule=f"FREQ=WEEKLY;BYDAY={days}", start_time=dt.time(8, 15),
                            end_time=dt.time(15, 45), periods="1-4", classes_per_day=4))
        s.add(DayOff(branch_id=ws.branch_id, kind=DayOffKind.BREAK, board_id=board.id, start_date=dt.date(2026, 7, 21),
                     end_date=dt.date(2026, 8, 31), name_ja="夏季休業", name_en="Summer break"))
        ids = ReportBranch(busy.id, second.id, zoe.id, thao.id, lucia.id)
    generate_visits(ws, dt.date(2026, 6, 1), dt.date(2026, 7, 31))
    with transaction(ws.db.sessions) as s:
        # Saturday 13 June: Sports Day at the busy school, Lucía attending (the 23rd visit).
        create_event(s, ws.branch_id, ids.busy_school_id, dt.date(2026, 6, 13), "運動会", "Sports Day",
                     [ids.lucia_id], compensatory_day=dt.date(2026, 6, 15))
    return ids


def set_consent(ws: Workspace, alt_id: int, consent: bool) -> None:
    with transaction(ws.db.sessions) as s:
        alt = s.get(Alt, alt_id)
        assert alt is not None
        alt.share_diet_consent = consent


# --- Reading exports back with real readers (poppler) ---------------------------------------

def pdf_text(path, layout: bool = False, page: int | None = None) -> str:  # type: ignore[no-untyped-def]
    import subprocess

    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path) -> int:  # type: ignore[no-untyped-def]
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(path) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    """(font name, embedded) for every font the PDF uses."""
    import subprocess

    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni id gen: emb is the 5th field from the end
        fonts.append((parts[0], parts[-5] == "yes"))
    return fonts
