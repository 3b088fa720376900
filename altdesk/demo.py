"""A deterministic, believable demo branch: boards, schools, ALTs, placements, day layers.

The same seed always gives the same branch. Rows are inserted in bulk (Core inserts with
explicit ids) so the company size (3,000 ALTs, 8,000 schools) is created in seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from altdesk.dates import fiscal_year_bounds
from altdesk.db.engine import transaction
from altdesk.db.enums import AltStatus, DayOffKind, LunchPolicy, SchoolLevel
from altdesk.db.models import Alt, BellPeriod, Board, Branch, DayOff, Placement, School, SchoolDemand
from altdesk.db.sequences import advance_sequences
from altdesk.errors import InvalidInput, NotEmpty
from altdesk.lunch.diet import ALLERGEN_KEYS
from altdesk.services.workspace import Workspace, branch_is_empty


@dataclass(frozen=True)
class DemoSize:
    alts: int
    schools: int
    boards: int


SIZES: dict[str, DemoSize] = {
    "small": DemoSize(alts=20, schools=60, boards=2),
    "large": DemoSize(alts=300, schools=800, boards=12),
    "company": DemoSize(alts=3000, schools=8000, boards=60),
}

# (kanji, romaji) pieces for believable place names: 桜 + 台 = 桜台 (Sakuradai).
PLACE_HEADS = [
    ("桜", "Sakura"), ("緑", "Midori"), ("東", "Higashi"), ("西", "Nishi"), ("南", "Minami"),
    ("北", "Kita"), ("若葉", "Wakaba"), ("青葉", "Aoba"), ("朝日", "Asahi"), ("富士見", "Fujimi"),
    ("松", "Matsu"), ("竹", "Take"), ("梅", "Ume"), ("高", "Taka"), ("中", "Naka"),
    ("大", "O"), ("小", "Ko"), ("新", "Shin"), ("本", "Hon"), ("白", "Shira"),
    ("星", "Hoshi"), ("光", "Hikari"), ("日向", "Hinata"), ("清", "Kiyo"), ("美", "Mi"),
    ("花", "Hana"), ("山", "Yama"), ("川", "Kawa"), ("泉", "Izumi"), ("森", "Mori"),
    ("宮", "Miya"), ("岡", "Oka"), ("藤", "Fuji"), ("旭", "Asahi"), ("栄", "Sakae"),
    ("平", "Hira"), ("春日", "Kasuga"), ("浜", "Hama"), ("駒", "Koma"), ("鶴", "Tsuru"),
]
PLACE_TAILS = [
    ("台", "dai"), ("丘", "oka"), ("野", "no"), ("原", "hara"), ("田", "ta"), ("沢", "sawa"),
    ("谷", "ya"), ("坂", "zaka"), ("町", "machi"), ("里", "sato"), ("浦", "ura"), ("崎", "saki"),
    ("島", "jima"), ("橋", "hashi"), ("井", "i"), ("ヶ丘", "gaoka"), ("見", "mi"), ("川", "kawa"),
    ("山", "yama"), ("木", "ki"),
]
CITY_NAMES = [
    ("さくら市", "Sakura City"), ("青葉市", "Aoba City"), ("緑川町", "Midorikawa Town"),
    ("朝日市", "Asahi City"), ("富士見市", "Fujimi City"), ("東山市", "Higashiyama City"),
    ("若松市", "Wakamatsu City"), ("北野町", "Kitano Town"), ("南浜市", "Minamihama City"),
    ("光が丘市", "Hikarigaoka City"), ("白川村", "Shirakawa Village"), ("星野市", "Hoshino City"),
]

LEVEL_SUFFIX = {
    SchoolLevel.KINDERGARTEN: ("幼稚園", "Kindergarten"),
    SchoolLevel.ELEMENTARY: ("小学校", "Elementary School"),
    SchoolLevel.JUNIOR_HIGH: ("中学校", "Junior High School"),
    SchoolLevel.SENIOR_HIGH: ("高等学校", "Senior High School"),
    SchoolLevel.SPECIAL_NEEDS: ("特別支援学校", "Special Needs School"),
}
SHORT_SUFFIX = {
    SchoolLevel.KINDERGARTEN: "幼",
    SchoolLevel.ELEMENTARY: "小",
    SchoolLevel.JUNIOR_HIGH: "中",
    SchoolLevel.SENIOR_HIGH: "高",
    SchoolLevel.SPECIAL_NEEDS: "支",
}

# Roughly kindergarten 7%, elementary 46%, junior high 37%, senior high 10%.
LEVEL_WEIGHTS = [
    (SchoolLevel.KINDERGARTEN, 0.07),
    (SchoolLevel.ELEMENTARY, 0.46),
    (SchoolLevel.JUNIOR_HIGH, 0.37),
    (SchoolLevel.SENIOR_HIGH, 0.10),
]

# Nationality -> (given names, family names), each (romaji, katakana).
NAME_POOLS: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "United States": (
        [("Emily", "エミリー"), ("Michael", "マイケル"), ("Jessica", "ジェシカ"), ("David", "デイビッド"),
         ("Ashley", "アシュリー"), ("Tyler", "タイラー"), ("Hannah", "ハンナ"), ("Brandon", "ブランドン")],
        [("Smith", "スミス"), ("Johnson", "ジョンソン"), ("Brown", "ブラウン"), ("Miller", "ミラー"),
         ("Davis", "デイビス"), ("Wilson", "ウィルソン"), ("Anderson", "アンダーソン"), ("Taylor", "テイラー")],
    ),
    "United Kingdom": (
        [("Oliver", "オリバー"), ("Charlotte", "シャーロット"), ("Harry", "ハリー"), ("Amelia", "アメリア"),
         ("George", "ジョージ"), ("Sophie", "ソフィー")],
        [("Jones", "ジョーンズ"), ("Evans", "エヴァンズ"), ("Roberts", "ロバーツ"), ("Walker", "ウォーカー"),
         ("Wright", "ライト"), ("Hughes", "ヒューズ")],
    ),
    "Canada": (
        [("Liam", "リアム"), ("Chloé", "クロエ"), ("Noah", "ノア"), ("Madison", "マディソン"), ("Ethan", "イーサン")],
        [("Tremblay", "トランブレ"), ("Martin", "マーティン"), ("Roy", "ロイ"), ("Campbell", "キャンベル"),
         ("MacDonald", "マクドナルド")],
    ),
    "Australia": (
        [("Jack", "ジャック"), ("Zoë", "ゾーイ"), ("Lachlan", "ラクラン"), ("Matilda", "マチルダ"), ("Cooper", "クーパー")],
        [("Kelly", "ケリー"), ("Thompson", "トンプソン"), ("White", "ホワイト"), ("Ryan", "ライアン"),
         ("Murphy", "マーフィー")],
    ),
    "New Zealand": (
        [("Aroha", "アロハ"), ("Nikau", "ニカウ"), ("Isla", "アイラ"), ("Mason", "メイソン")],
        [("Ngata", "ンガタ"), ("Clarke", "クラーク"), ("Parata", "パラタ"), ("Scott", "スコット")],
    ),
    "Ireland": (
        [("Aoife", "イーファ"), ("Seán", "ショーン"), ("Niamh", "ニーヴ"), ("Ciarán", "キーラン")],
        [("O'Brien", "オブライエン"), ("Byrne", "バーン"), ("Walsh", "ウォルシュ"), ("Doyle", "ドイル")],
    ),
    "Philippines": (
        [("Maria", "マリア"), ("Jose", "ホセ"), ("Angelica", "アンジェリカ"), ("Mark", "マーク")],
        [("Santos", "サントス"), ("Reyes", "レイエス"), ("Cruz", "クルス"), ("Bautista", "バウティスタ")],
    ),
    "Spain": (
        [("Lucía", "ルシア"), ("Javier", "ハビエル"), ("Martín", "マルティン"), ("Sofía", "ソフィア")],
        [("García", "ガルシア"), ("Fernández", "フェルナンデス"), ("López", "ロペス"), ("Martínez", "マルティネス")],
    ),
    "Vietnam": (
        [("Linh", "リン"), ("Minh", "ミン"), ("Thảo", "タオ"), ("Quốc", "クオック")],
        [("Nguyễn", "グエン"), ("Trần", "チャン"), ("Lê", "レー"), ("Phạm", "ファム")],
    ),
    "Germany": (
        [("Lukas", "ルーカス"), ("Anna", "アンナ"), ("Jürgen", "ユルゲン"), ("Lena", "レナ")],
        [("Müller", "ミュラー"), ("Schmidt", "シュミット"), ("Schäfer", "シェーファー"), ("Weber", "ウェーバー")],
    ),
    "South Africa": (
        [("Thabo", "タボ"), ("Naledi", "ナレディ"), ("Pieter", "ピーター"), ("Zanele", "ザネレ")],
        [("Dlamini", "ドラミニ"), ("van der Merwe", "ファン・デル・メルウェ"), ("Nkosi", "ンコシ"),
         ("Botha", "ボタ")],
    ),
    "Jamaica": (
        [("Andre", "アンドレ"), ("Shanice", "シャニース"), ("Damion", "デイミオン")],
        [("Campbell", "キャンベル"), ("Brown", "ブラウン"), ("Williams", "ウィリアムズ")],
    ),
    "India": (
        [("Priya", "プリヤ"), ("Arjun", "アルジュン"), ("Ananya", "アナンヤ")],
        [("Sharma", "シャルマ"), ("Patel", "パテル"), ("Iyer", "アイヤー")],
    ),
}
NATIONALITY_WEIGHTS = [
    ("United States", 30), ("United Kingdom", 12), ("Canada", 12), ("Australia", 9), ("New Zealand", 5),
    ("Ireland", 5), ("Philippines", 10), ("Spain", 3), ("Vietnam", 3), ("Germany", 2),
    ("South Africa", 4), ("Jamaica", 3), ("India", 2),
]

BELL_ELEMENTARY = [("08:45", "09:30"), ("09:40", "10:25"), ("10:45", "11:30"), ("11:40", "12:25"),
                   ("13:40", "14:25"), ("14:35", "15:20")]  # 45-minute periods
BELL_SECONDARY = [("08:50", "09:40"), ("09:50", "10:40"), ("10:50", "11:40"), ("11:50", "12:40"),
                  ("13:30", "14:20"), ("14:30", "15:20")]  # 50-minute periods
BELL_KINDERGARTEN = [("09:30", "10:00"), ("10:15", "10:45"), ("11:00", "11:30")]

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"]


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def _first_weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _pick_level(rng: random.Random) -> SchoolLevel:
    roll = rng.random()
    total = 0.0
    for level, weight in LEVEL_WEIGHTS:
        total += weight
        if roll < total:
            return level
    return SchoolLevel.JUNIOR_HIGH


def _place_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Distinct (kanji, romaji) place names; past the pairs, a numbered district is added."""
    pairs = [(h_ja + t_ja, h_en + t_en) for h_ja, h_en in PLACE_HEADS for t_ja, t_en in PLACE_TAILS]
    rng.shuffle(pairs)
    names = []
    for i in range(count):
        ja, en = pairs[i % len(pairs)]
        round_no = i // len(pairs)
        if round_no:
            ja, en = f"{ja}第{round_no + 1}", f"{en} No.{round_no + 1}"
        names.append((ja, en))
    return names


def create_demo_branch(
    ws: Workspace, size: str = "small", fiscal_year: int = 2026, seed: int = 1, force: bool = False
) -> dict[str, int]:
    """Fill the workspace's branch with a demo branch. Returns counts of what was created."""
    if size not in SIZES:
        raise InvalidInput(f"Unknown demo size {size!r}; use small, large or company.", field="size")
    if not force and not branch_is_empty(ws):
        raise NotEmpty(
            "The database already holds a branch's data; the demo only fills an empty database "
            "(use --force to replace it).",
            "データベースには既にデータがあります。デモは空のデータベースにのみ作成します"
            "（置き換える場合は --force を指定してください）。",
        )
    spec = SIZES[size]
    rng = random.Random(seed)
    fy_start, fy_end = fiscal_year_bounds(fiscal_year)
    with transaction(ws.db.sessions) as session:
        if force:
            _clear_branch(session, ws.branch_id)
        session.execute(
            update(Branch)
            .where(Branch.id == ws.branch_id)
            .values(
                name="ALTdesk さくら支店",
                name_en="ALTdesk Sakura Branch",
                address="〒285-0014 千葉県佐倉市栄町1-2-3",
                phone="043-123-4567",
                version=Branch.version + 1,
            )
        )
        next_id = _IdAllocator(session)
        boards = _make_boards(rng, ws.branch_id, spec.boards, fiscal_year, next_id)
        session.execute(insert(Board), boards)
        schools, periods = _make_schools(rng, ws.branch_id, spec.schools, boards, next_id)
        alts = _make_alts(rng, ws.branch_id, spec.alts, fiscal_year, next_id)
        # Placements first: they add the levels an ALT's schools need to what the ALT teaches.
        placements = _make_placements(rng, ws.branch_id, alts, schools, fy_start, fy_end, next_id)
        # The planner's data from a generator of its own, so the rows above stay as they were.
        demands = _add_planning_data(random.Random(seed * 7919 + 20), ws.branch_id, boards, schools, alts,
                                     placements, fy_start, next_id)
        session.execute(insert(School), schools)
        session.execute(insert(BellPeriod), periods)
        session.execute(insert(Alt), alts)
        session.execute(insert(Placement), placements)
        session.execute(insert(SchoolDemand), demands)
        day_offs = _make_day_offs(rng, ws.branch_id, boards, schools, fiscal_year, next_id)
        session.execute(insert(DayOff), day_offs)
        advance_sequences(session)  # PostgreSQL: explicit ids leave the id sequences behind
    return {
        "boards": len(boards),
        "schools": len(schools),
        "alts": len(alts),
        "placements": len(placements),
        "day_offs": len(day_offs),
        "demands": len(demands),
    }


class _IdAllocator:
    """Explicit ids so related rows can be bulk-inserted in one pass."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self._next: dict[type, int] = {}

    def __call__(self, model: type) -> int:
        if model not in self._next:
            current = self._session.scalar(select(model.id).order_by(model.id.desc()).limit(1)) or 0
            self._next[model] = current + 1
        value = self._next[model]
        self._next[model] = value + 1
        return value


def _clear_branch(session: Any, branch_id: int) -> None:
    from sqlalchemy import delete

    from altdesk.db.models import (
        Absence,
        AuditEntry,
        EventAttendee,
        HolidayOverride,
        IssuedReport,
        SchoolEvent,
        Visit,
    )

    event_ids = select(SchoolEvent.id).where(SchoolEvent.branch_id == branch_id)
    school_ids = select(School.id).where(School.branch_id == branch_id)
    session.execute(delete(Visit).where(Visit.branch_id == branch_id))
    session.execute(delete(EventAttendee).where(EventAttendee.event_id.in_(event_ids)))
    session.execute(delete(Absence).where(Absence.branch_id == branch_id))
    session.execute(delete(SchoolEvent).where(SchoolEvent.branch_id == branch_id))
    session.execute(delete(Placement).where(Placement.branch_id == branch_id))
    session.execute(delete(SchoolDemand).where(SchoolDemand.branch_id == branch_id))
    session.execute(delete(DayOff).where(DayOff.branch_id == branch_id))
    session.execute(delete(HolidayOverride).where(HolidayOverride.branch_id == branch_id))
    session.execute(delete(IssuedReport).where(IssuedReport.branch_id == branch_id))
    session.execute(delete(AuditEntry).where(AuditEntry.branch_id == branch_id))
    session.execute(delete(BellPeriod).where(BellPeriod.school_id.in_(school_ids)))
    session.execute(delete(School).where(School.branch_id == branch_id))
    session.execute(delete(Alt).where(Alt.branch_id == branch_id))
    session.execute(delete(Board).where(Board.branch_id == branch_id))


def _make_boards(
    rng: random.Random, branch_id: int, count: int, fiscal_year: int, next_id: _IdAllocator
) -> list[dict[str, Any]]:
    boards = []
    for i in range(count):
        city_ja, city_en = CITY_NAMES[i % len(CITY_NAMES)]
        if i >= len(CITY_NAMES):
            city_ja, city_en = f"{city_ja}第{i // len(CITY_NAMES) + 1}学区", f"{city_en} District {i // len(CITY_NAMES) + 1}"
        days_before = rng.choice([3, 4, 5])
        rule: dict[str, Any] = (
            {"kind": "school_days_before", "days": days_before, "time": "11:00"}
            if rng.random() < 0.6
            else {"kind": "day_of_previous_month", "day": 20}
        )
        boards.append(
            {
                "id": next_id(Board),
                "branch_id": branch_id,
                "code": f"B{i + 1:03d}",
                "name_ja": f"{city_ja}教育委員会",
                "name_en": f"{city_en} Board of Education",
                "contract_days_per_year": rng.choice([180, 190, 195, 200]),
                "contract_hours_per_day": 7.0,
                "lunch_notice_rule": rule,
                "version": 1,
            }
        )
    return boards


def _make_schools(
    rng: random.Random,
    branch_id: int,
    count: int,
    boards: list[dict[str, Any]],
    next_id: _IdAllocator,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    schools: list[dict[str, Any]] = []
    periods: list[dict[str, Any]] = []
    places = _place_names(rng, count)
    levels = [_pick_level(rng) for _ in range(count)]
    for i, (level, (place_ja, place_en)) in enumerate(zip(levels, places, strict=True)):
        board = boards[i % len(boards)]
        city_ja = board["name_ja"].removesuffix("教育委員会")
        suffix_ja, suffix_en = LEVEL_SUFFIX[level]
        owner = "県立" if level == SchoolLevel.SENIOR_HIGH else f"{city_ja}立"
        if level == SchoolLevel.SENIOR_HIGH:
            policy = LunchPolicy.SERVES if rng.random() < 0.1 else LunchPolicy.NONE
        elif level == SchoolLevel.KINDERGARTEN:
            policy = LunchPolicy.MILK_ONLY if rng.random() < 0.5 else LunchPolicy.SERVES
        else:
            policy = LunchPolicy.SERVES if rng.random() < 0.95 else LunchPolicy.MILK_ONLY
        price = {
            LunchPolicy.SERVES: rng.choice([250, 260, 270, 280, 290, 300, 320]),
            LunchPolicy.MILK_ONLY: 60,
            LunchPolicy.NONE: 0,
        }[policy]
        school_id = next_id(School)
        level_days = {SchoolLevel.KINDERGARTEN: 10, SchoolLevel.SENIOR_HIGH: 35}
        schools.append(
            {
                "id": school_id,
                "branch_id": branch_id,
                "board_id": board["id"],
                "code": f"S{i + 1:04d}",
                "name_ja": f"{owner}{place_ja}{suffix_ja}",
                "name_en": f"{place_en} {suffix_en}",
                "short_name_ja": f"{place_ja}{SHORT_SUFFIX[level]}",
                "level": level,
                "address": f"{city_ja}{place_ja}{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}",
                "phone": f"043-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                "contact_teacher": rng.choice(["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村"])
                + "先生",
                "lunch_policy": policy,
                "lunch_price_yen": price,
                "lunch_notice_rule": None,
                "contracted_days": level_days.get(level, rng.choice([35, 70, 105])),
                "version": 1,
            }
        )
        bells = {
            SchoolLevel.KINDERGARTEN: BELL_KINDERGARTEN,
            SchoolLevel.ELEMENTARY: BELL_ELEMENTARY,
        }.get(level, BELL_SECONDARY)
        for number, (start, end) in enumerate(bells, start=1):
            periods.append(
                {
                    "id": next_id(BellPeriod),
                    "school_id": school_id,
                    "number": number,
                    "start_time": _time(start),
                    "end_time": _time(end),
                }
            )
    return schools, periods


def _make_alts(
    rng: random.Random, branch_id: int, count: int, fiscal_year: int, next_id: _IdAllocator
) -> list[dict[str, Any]]:
    nationalities = [n for n, _ in NATIONALITY_WEIGHTS]
    weights = [w for _, w in NATIONALITY_WEIGHTS]
    alts = []
    for i in range(count):
        nationality = rng.choices(nationalities, weights)[0]
        givens, families = NAME_POOLS[nationality]
        given, given_kana = rng.choice(givens)
        family, family_kana = rng.choice(families)
        diet: dict[str, Any] = {
            "allergens": [], "other_allergens": "", "vegetarian": False, "vegan": False,
            "halal": False, "gluten_free": False, "diet_notes": "",
        }
        if i % 7 == 3:  # about 15% with a diet restriction, even in a small branch
            kind = rng.choice(["allergen", "allergen", "vegetarian", "vegan", "halal", "gluten_free"])
            if kind == "allergen":
                diet["allergens"] = [rng.choice(ALLERGEN_KEYS)]
                diet["diet_notes"] = "Carries an epinephrine auto-injector." if rng.random() < 0.3 else ""
            else:
                diet[kind] = True
        levels = ["elementary", "junior_high"]
        if rng.random() < 0.25:
            levels.append("senior_high")
        if rng.random() < 0.3:
            levels.append("kindergarten")
        years_back = rng.randint(0, 8)
        alts.append(
            {
                "id": next_id(Alt),
                "branch_id": branch_id,
                "code": f"A{i + 1:04d}",
                "family_name": family,
                "given_name": given,
                "kana": f"{given_kana}・{family_kana}",
                "nationality": nationality,
                "start_date": dt.date(fiscal_year - years_back, rng.choice([4, 8, 9]), 1),
                "status": AltStatus.ACTIVE,
                "email": f"{given.lower()}.{family.lower().replace(' ', '')}{i + 1}@example.org",
                "phone": f"080-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                "levels": levels,
                "share_diet_consent": rng.random() < 0.6,
                "weekly_class_limit": 25,
                "version": 1,
                **diet,
            }
        )
    return alts


def _make_placements(
    rng: random.Random,
    branch_id: int,
    alts: list[dict[str, Any]],
    schools: list[dict[str, Any]],
    fy_start: dt.date,
    fy_end: dt.date,
    next_id: _IdAllocator,
) -> list[dict[str, Any]]:
    """Each ALT gets a base secondary school and 0-3 more, 4-5 school days a week in all."""
    secondary = [s for s in schools if s["level"] in (SchoolLevel.JUNIOR_HIGH, SchoolLevel.SENIOR_HIGH)]
    primary = [s for s in schools if s["level"] not in (SchoolLevel.JUNIOR_HIGH, SchoolLevel.SENIOR_HIGH)]
    rng.shuffle(secondary)
    rng.shuffle(primary)
    assigned: list[list[dict[str, Any]]] = [[] for _ in alts]
    for i, school in enumerate(secondary[: len(alts)]):
        assigned[i].append(school)
    rest = primary + secondary[len(alts):]
    open_slots = [i for i in range(len(alts))]
    for school in rest:
        if not open_slots:
            break  # every ALT has 4 schools: the rest stay unplaced (a branch short of ALTs)
        chosen = rng.choice(open_slots)
        assigned[chosen].append(school)
        if len(assigned[chosen]) >= 4:
            open_slots.remove(chosen)
    for alt, schools_of_alt in zip(alts, assigned, strict=True):
        if not schools_of_alt and schools:
            schools_of_alt.append(schools[alt["id"] % len(schools)])
        if "senior_high" not in alt["levels"] and any(
            s["level"] == SchoolLevel.SENIOR_HIGH for s in schools_of_alt
        ):
            alt["levels"].append("senior_high")
        if "kindergarten" not in alt["levels"] and any(
            s["level"] == SchoolLevel.KINDERGARTEN for s in schools_of_alt
        ):
            alt["levels"].append("kindergarten")

    first_monday = _first_weekday_on_or_after(fy_start, 0)
    placements = []
    for alt, schools_of_alt in zip(alts, assigned, strict=True):
        roll = rng.random()
        # Most work five days; some keep Friday for the office; a few part-timers work three
        # days, which leaves the branch someone free to send as a substitute.
        work_days = WEEKDAYS if roll < 0.65 else WEEKDAYS[:4] if roll < 0.92 else ["MO", "WE", "FR"]
        if len(work_days) < 4:
            schools_of_alt[:] = schools_of_alt[: len(work_days)]
        for school, rule in zip(schools_of_alt, _weekly_rules(work_days, len(schools_of_alt), first_monday), strict=True):
            rrule, dtstart = rule
            elementary_like = school["level"] in (SchoolLevel.ELEMENTARY, SchoolLevel.KINDERGARTEN)
            placements.append(
                {
                    "id": next_id(Placement),
                    "branch_id": branch_id,
                    "alt_id": alt["id"],
                    "school_id": school["id"],
                    "start_date": dtstart,
                    "end_date": fy_end,
                    "rrule": rrule,
                    "extra_dates": [],
                    "removed_dates": [],
                    "start_time": dt.time(8, 15) if elementary_like else dt.time(8, 20),
                    "end_time": dt.time(15, 45) if elementary_like else dt.time(16, 0),
                    "periods": "1-4" if school["level"] != SchoolLevel.KINDERGARTEN else "1-2",
                    "classes_per_day": 4 if school["level"] != SchoolLevel.KINDERGARTEN else 2,
                    "lunch_mode": None,
                    "note": "",
                    "version": 1,
                }
            )
    return placements


CITY_CENTRE = (35.7236, 140.2195)  # the branch's city; boards after the first are towns around it


def _add_planning_data(
    rng: random.Random,
    branch_id: int,
    boards: list[dict[str, Any]],
    schools: list[dict[str, Any]],
    alts: list[dict[str, Any]],
    placements: list[dict[str, Any]],
    fy_start: dt.date,
    next_id: _IdAllocator,
) -> list[dict[str, Any]]:
    """Locations (the first board a city, the others rural towns 8-35 km around it; a company's
    boards spread wider), ALT homes where the work is, how they travel, and each school's demand:
    the ALT days its placements give it, so demand roughly fills the ALTs."""
    import math

    spread = 35.0 if len(boards) <= 12 else 90.0
    centres = [CITY_CENTRE]
    for i in range(1, len(boards)):
        angle = rng.uniform(0, 2 * math.pi) + i * 2.4
        km = rng.uniform(8.0, spread)
        centres.append((CITY_CENTRE[0] + km * math.sin(angle) / 111.0,
                        CITY_CENTRE[1] + km * math.cos(angle) / 90.0))
    board_index = {b["id"]: i for i, b in enumerate(boards)}
    weight = [0] * len(boards)
    for school in schools:
        i = board_index[school["board_id"]]
        weight[i] += 1
        radius = 3.0 if i == 0 else 2.5
        school["latitude"] = round(centres[i][0] + rng.gauss(0, radius) / 111.0, 5)
        school["longitude"] = round(centres[i][1] + rng.gauss(0, radius) / 90.0, 5)
    for alt in alts:
        i = rng.choices(range(len(boards)), weight)[0]
        in_city = i == 0
        alt["home_latitude"] = round(centres[i][0] + rng.gauss(0, 2.5) / 111.0, 5)
        alt["home_longitude"] = round(centres[i][1] + rng.gauss(0, 2.5) / 90.0, 5)
        alt["travel_mode"] = rng.choices(["car", "train_bus", "bicycle"],
                                         [35, 45, 20] if in_city else [80, 18, 2])[0]
        alt["preferred_levels"] = [rng.choice(alt["levels"])] if rng.random() < 0.3 else []
        alt["max_schools"] = 5 if rng.random() < 0.2 else None
    # Demand: the days the school's placements give it, weekly or per fortnight.
    per_school: dict[int, list[dict[str, Any]]] = {}
    for p in placements:
        per_school.setdefault(p["school_id"], []).append(p)
    demands = []
    for school in schools:
        for p in per_school.get(school["id"], []):
            parts = dict(x.split("=") for x in p["rrule"].split(";"))
            days = parts["BYDAY"].split(",")
            fortnight = parts.get("INTERVAL") == "2"
            weekdays: list[str] = []
            if rng.random() < 0.2:  # some schools only take the ALT on some weekdays
                others = [d for d in WEEKDAYS if d not in days]
                weekdays = sorted(days + rng.sample(others, min(len(others), 1)), key=WEEKDAYS.index)
            demands.append({
                "id": next_id(SchoolDemand), "branch_id": branch_id, "school_id": school["id"],
                "days": len(days), "period_weeks": 2 if fortnight else 1, "weekdays": weekdays,
                "classes_per_day": p["classes_per_day"], "start_date": fy_start, "end_date": None, "note": "",
                "version": 1,
            })
    return demands


def _split(days: list[str], groups: int) -> list[list[str]]:
    """Split weekdays into consecutive groups, the first (base school) getting the most."""
    sizes = [len(days) // groups + (1 if i < len(days) % groups else 0) for i in range(groups)]
    result, start = [], 0
    for size in sizes:
        result.append(days[start:start + size])
        start += size
    return result


def _weekly_rules(days: list[str], school_count: int, first_monday: dt.date) -> list[tuple[str, dt.date]]:
    """Weekday patterns for an ALT's schools: the first (base) school gets the most days."""
    if school_count == 0:
        return []

    def weekly(byday: list[str]) -> tuple[str, dt.date]:
        return f"FREQ=WEEKLY;BYDAY={','.join(byday)}", first_monday

    if school_count < 4 or len(days) < 4:
        return [weekly(group) for group in _split(days, min(school_count, len(days)))]
    # Four schools: the last two share the last two days in alternate weeks (A/B).
    shared = ",".join(days[-2:])
    return [weekly(group) for group in _split(days[:-2], 2)] + [
        (f"FREQ=WEEKLY;INTERVAL=2;BYDAY={shared}", first_monday),
        (f"FREQ=WEEKLY;INTERVAL=2;BYDAY={shared}", first_monday + dt.timedelta(days=7)),
    ]


def _make_day_offs(
    rng: random.Random,
    branch_id: int,
    boards: list[dict[str, Any]],
    schools: list[dict[str, Any]],
    fiscal_year: int,
    next_id: _IdAllocator,
) -> list[dict[str, Any]]:
    fy = fiscal_year
    rows: list[dict[str, Any]] = []

    def add(kind: DayOffKind, start: dt.date, end: dt.date, ja: str, en: str, **scope: Any) -> None:
        rows.append(
            {
                "id": next_id(DayOff),
                "branch_id": branch_id,
                "kind": kind,
                "board_id": scope.get("board_id"),
                "school_id": scope.get("school_id"),
                "start_date": start,
                "end_date": end,
                "name_ja": ja,
                "name_en": en,
                "version": 1,
            }
        )

    for board in boards:
        shift = rng.choice([0, 1])
        add(DayOffKind.BREAK, dt.date(fy, 4, 1), dt.date(fy, 4, 6), "春季休業", "Spring break", board_id=board["id"])
        add(DayOffKind.BREAK, dt.date(fy, 7, 20 + shift), dt.date(fy, 8, 31), "夏季休業", "Summer break",
            board_id=board["id"])
        add(DayOffKind.BREAK, dt.date(fy, 12, 25), dt.date(fy + 1, 1, 7), "冬季休業", "Winter break",
            board_id=board["id"])
        add(DayOffKind.BREAK, dt.date(fy + 1, 3, 25), dt.date(fy + 1, 3, 31), "春季休業", "Spring break",
            board_id=board["id"])
        add(DayOffKind.CLOSURE, dt.date(fy, 8, 13), dt.date(fy, 8, 16), "学校閉庁日", "School closure days",
            board_id=board["id"])
    add(DayOffKind.BRANCH_CLOSURE, dt.date(fy, 12, 29), dt.date(fy + 1, 1, 3), "年末年始休業",
        "Year-end holidays")
    for school in schools:
        if rng.random() < 0.3:  # 開校記念日 on a school day
            day = dt.date(fy, rng.choice([5, 6, 10, 11]), rng.randint(1, 28))
            if day.weekday() < 5:
                add(DayOffKind.SCHOOL_DAY_OFF, day, day, "開校記念日", "School foundation day",
                    school_id=school["id"])
    return rows
