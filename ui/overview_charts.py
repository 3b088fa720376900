"""The Overview section's five charts, each built from an `Overview` with QtCharts, and the rows of
the list behind it (what a bar counts, one by one).

A chart is a `ChartSpec`: its title, how to draw it and the list behind it. The charts answer a
coordinator's questions: is any ALT over the weekly class limit, which schools are behind their
contract, does the branch's mix of levels match the company's, how many absence days and
substitutes each month, and what the meals cost each month.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import QBarSeries, QChart, QStackedBarSeries
from PySide6.QtCore import QCoreApplication, Qt

from altdesk.db.enums import AbsenceKind, SchoolLevel
from altdesk.labels import ABSENCE_KIND_LABELS, LEVEL_LABELS, MONTHS_EN, label
from altdesk.reports.overview import (
    AltLoad,
    LevelShare,
    MonthAbsences,
    MonthFees,
    Overview,
    Pace,
    SchoolPace,
)
from ui.charts import BLUE, GREEN, GREY, ORANGE, RED, bar_chart, bar_set, one_colour_per_bar
from ui.formatting import format_date
from ui.models.row_table import Column

LOAD_BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.0))  # shares of the weekly limit; above it: over
# The way schools are named in short on an axis (the list names the level in full).
LEVEL_SHORT: dict[SchoolLevel, tuple[str, str]] = {
    SchoolLevel.KINDERGARTEN: ("Kinder.", "幼稚園"),
    SchoolLevel.ELEMENTARY: ("Elem.", "小学校"),
    SchoolLevel.JUNIOR_HIGH: ("JHS", "中学校"),
    SchoolLevel.SENIOR_HIGH: ("SHS", "高校"),
    SchoolLevel.SPECIAL_NEEDS: ("SNS", "特支"),
}
ABSENCE_COLOURS = {
    AbsenceKind.PAID_LEAVE: "#5c6bc0",
    AbsenceKind.SICK: RED,
    AbsenceKind.TRAINING: "#8d6e63",
    AbsenceKind.COMPENSATORY: GREY,
}


def _month_label(month: str, lang: str) -> str:
    number = int(month[5:])
    return f"{number}月" if lang == "ja" else MONTHS_EN[number - 1]  # never strftime: it follows the locale


def _yen(amount: int) -> str:
    return f"¥{amount:,}"


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: Callable[[], str]
    note: Callable[[Overview, str], str]  # one line under the title: what the chart says
    build: Callable[[Overview, str], QChart]
    columns: Callable[[str], list[Column[Any]]]
    rows: Callable[[Overview], list[Any]]


# --- 1. classes per week against the limit ----------------------------------------------------


def load_band(load: AltLoad) -> int:
    """0..2: the band of LOAD_BANDS the ALT's busiest week falls in; 3: over the limit."""
    if load.over:
        return 3
    share = load.busiest_week / load.limit if load.limit else 1.0
    return next((i for i, (_low, high) in enumerate(LOAD_BANDS) if share < high), 2)


def _load_categories() -> list[str]:
    # Short: four of them share a third of the page's width (the list's Band column says more).
    return ["0–49", "50–79", "80–100", QCoreApplication.translate("Overview", "Over")]


def _build_loads(overview: Overview, lang: str) -> QChart:
    counts = [0, 0, 0, 0]
    for load in overview.loads:
        counts[load_band(load)] += 1
    names = [f"{name} ({count})" for name, count in zip(_load_categories(), counts, strict=True)]
    chart = bar_chart(
        [one_colour_per_bar(names, counts, (GREY, BLUE, GREEN, RED))],
        names,
        QCoreApplication.translate("Overview", "ALTs"),
        legend=False,
    )
    x_axis = chart.axes(Qt.Orientation.Horizontal)[0]
    x_axis.setTitleText(QCoreApplication.translate("Overview", "Busiest week, % of the limit"))
    x_axis.setTitleFont(x_axis.labelsFont())
    return chart


def _note_loads(overview: Overview, lang: str) -> str:
    over = sum(1 for load in overview.loads if load.over)
    return (
        QCoreApplication.translate(
            "Overview",
            "%1 ALTs in %2, by their busiest week's classes against their weekly limit; %3 over it.",
        )
        .replace("%1", str(len(overview.loads)))
        .replace("%2", _month_label(overview.month, lang))
        .replace("%3", str(over))
    )


def _load_columns(lang: str) -> list[Column[AltLoad]]:
    return [
        Column("code", lambda: QCoreApplication.translate("Overview", "Code"), lambda r: r.code),
        Column("name", lambda: QCoreApplication.translate("Overview", "Name"), lambda r: r.name),
        Column(
            "busiest",
            lambda: QCoreApplication.translate("Overview", "Busiest week"),
            lambda r: str(r.busiest_week),
            sort=lambda r: r.busiest_week,
            align_right=True,
        ),
        Column(
            "limit",
            lambda: QCoreApplication.translate("Overview", "Limit"),
            lambda r: str(r.limit),
            sort=lambda r: r.limit,
            align_right=True,
        ),
        Column(
            "share",
            lambda: QCoreApplication.translate("Overview", "Of the limit"),
            lambda r: _percent(r.busiest_week / r.limit) if r.limit else "",
            sort=lambda r: r.busiest_week / r.limit if r.limit else 0,
            align_right=True,
        ),
        Column(
            "week",
            lambda: QCoreApplication.translate("Overview", "Week of"),
            lambda r: format_date(r.busiest_monday, lang),
            sort=lambda r: r.busiest_monday.isoformat() if r.busiest_monday else "",
        ),
        Column(
            "band",
            lambda: QCoreApplication.translate("Overview", "Band"),
            lambda r: _load_categories()[load_band(r)],
            sort=load_band,
        ),
    ]


# --- 2. each school's days delivered against its contract ----------------------------------------

PACES = (Pace.BEHIND, Pace.ON_PACE, Pace.AHEAD)


def pace_label(pace: Pace) -> str:
    return {
        Pace.BEHIND: QCoreApplication.translate("Overview", "Behind"),
        Pace.ON_PACE: QCoreApplication.translate("Overview", "On pace"),
        Pace.AHEAD: QCoreApplication.translate("Overview", "Ahead"),
        Pace.NO_CONTRACT: QCoreApplication.translate("Overview", "No contract"),
    }[pace]


def _build_paces(overview: Overview, lang: str) -> QChart:
    counts = {pace: 0 for pace in PACES}
    for school in overview.schools:
        if school.pace in counts:
            counts[school.pace] += 1
    names = [f"{pace_label(p)} ({counts[p]})" for p in PACES]
    return bar_chart(
        [one_colour_per_bar(names, [counts[p] for p in PACES], (RED, GREEN, BLUE))],
        names,
        QCoreApplication.translate("Overview", "Schools"),
        legend=False,
    )


def _note_paces(overview: Overview, lang: str) -> str:
    return (
        QCoreApplication.translate(
            "Overview",
            "Days delivered in FY%1 to %2 against the contract's days due by now (%3 of the year's "
            "school days are past; within 10% is on pace).",
        )
        .replace("%1", str(overview.fiscal_year))
        .replace("%2", format_date(overview.today, lang, weekday=False))
        .replace("%3", _percent(overview.elapsed_share))
    )


def _pace_columns(lang: str) -> list[Column[SchoolPace]]:
    return [
        Column("code", lambda: QCoreApplication.translate("Overview", "Code"), lambda r: r.code),
        Column(
            "name",
            lambda: QCoreApplication.translate("Overview", "School"),
            lambda r: r.name_ja if lang == "ja" else (r.name_en or r.name_ja),
        ),
        Column(
            "contracted",
            lambda: QCoreApplication.translate("Overview", "Contract (days/year)"),
            lambda r: "" if r.contracted is None else str(r.contracted),
            sort=lambda r: r.contracted or 0,
            align_right=True,
        ),
        Column(
            "due",
            lambda: QCoreApplication.translate("Overview", "Due by now"),
            lambda r: "" if r.due is None else f"{r.due:.1f}",
            sort=lambda r: r.due or 0,
            align_right=True,
        ),
        Column(
            "delivered",
            lambda: QCoreApplication.translate("Overview", "Delivered"),
            lambda r: str(r.delivered),
            sort=lambda r: r.delivered,
            align_right=True,
        ),
        Column(
            "shortfall",
            lambda: QCoreApplication.translate("Overview", "Short by"),
            lambda r: f"{r.shortfall:.1f}" if r.due is not None else "",
            sort=lambda r: r.shortfall,
            align_right=True,
        ),
        Column(
            "pace",
            lambda: QCoreApplication.translate("Overview", "Pace"),
            lambda r: pace_label(r.pace),
            sort=lambda r: list(Pace).index(r.pace),
        ),
    ]


# --- 3. placements by school level beside the company ---------------------------------------------


def _build_levels(overview: Overview, lang: str) -> QChart:
    series = QBarSeries()
    series.append(
        bar_set(
            QCoreApplication.translate("Overview", "This branch"),
            [s.share * 100 for s in overview.levels],
            BLUE,
        )
    )
    series.append(
        bar_set(
            QCoreApplication.translate("Overview", "Company"),
            [s.company_share * 100 for s in overview.levels],
            GREY,
        )
    )
    return bar_chart(
        [series],
        [label(LEVEL_SHORT[s.level], lang) for s in overview.levels],
        QCoreApplication.translate("Overview", "Share"),
        percent=True,
    )


def _note_levels(overview: Overview, lang: str) -> str:
    total = sum(s.placements for s in overview.levels)
    return (
        QCoreApplication.translate(
            "Overview", "FY%1's %2 placements by school level, beside the company's split."
        )
        .replace("%1", str(overview.fiscal_year))
        .replace("%2", str(total))
    )


def _level_columns(lang: str) -> list[Column[LevelShare]]:
    return [
        Column(
            "level",
            lambda: QCoreApplication.translate("Overview", "Level"),
            lambda r: label(LEVEL_LABELS[r.level], lang),
        ),
        Column(
            "placements",
            lambda: QCoreApplication.translate("Overview", "Placements"),
            lambda r: str(r.placements),
            sort=lambda r: r.placements,
            align_right=True,
        ),
        Column(
            "share",
            lambda: QCoreApplication.translate("Overview", "This branch"),
            lambda r: _percent(r.share),
            sort=lambda r: r.share,
            align_right=True,
        ),
        Column(
            "company",
            lambda: QCoreApplication.translate("Overview", "Company"),
            lambda r: _percent(r.company_share),
            sort=lambda r: r.company_share,
            align_right=True,
        ),
    ]


# --- 4. absences and substitutes per month ---------------------------------------------------------


def _build_absences(overview: Overview, lang: str) -> QChart:
    months = [_month_label(m.month, lang) for m in overview.absences]
    stacked = QStackedBarSeries()
    for kind, colour in ABSENCE_COLOURS.items():
        stacked.append(
            bar_set(
                label(ABSENCE_KIND_LABELS[kind], lang),
                [m.days.get(kind, 0) for m in overview.absences],
                colour,
            )
        )
    chart = bar_chart([stacked], months, QCoreApplication.translate("Overview", "Days"))
    # The substitutes as a second, narrower bar beside: a count of visits, not of days off.
    subs = QBarSeries()
    subs.append(
        bar_set(
            QCoreApplication.translate("Overview", "Substitute visits"),
            [m.substitute_visits for m in overview.absences],
            ORANGE,
        )
    )
    subs.setBarWidth(0.25)
    chart.addSeries(subs)
    for axis in chart.axes():
        subs.attachAxis(axis)
    top = max((max(m.total_days, m.substitute_visits) for m in overview.absences), default=0)
    y_axis = chart.axes(Qt.Orientation.Vertical)[0]
    y_axis.setRange(0, max(1.0, top * 1.1))
    y_axis.applyNiceNumbers()
    return chart


def _note_absences(overview: Overview, lang: str) -> str:
    days = sum(m.total_days for m in overview.absences)
    subs = sum(m.substitute_visits for m in overview.absences)
    return (
        QCoreApplication.translate(
            "Overview", "FY%1: %2 ALT days absent (weekdays) and %3 substitute visits, by month."
        )
        .replace("%1", str(overview.fiscal_year))
        .replace("%2", str(days))
        .replace("%3", str(subs))
    )


def _absence_columns(lang: str) -> list[Column[MonthAbsences]]:
    columns: list[Column[MonthAbsences]] = [
        Column("month", lambda: QCoreApplication.translate("Overview", "Month"), lambda r: r.month),
    ]
    for kind in ABSENCE_COLOURS:
        columns.append(
            Column(
                kind.value,
                lambda k=kind: label(ABSENCE_KIND_LABELS[k], lang),
                lambda r, k=kind: str(r.days.get(k, 0)),
                sort=lambda r, k=kind: r.days.get(k, 0),
                align_right=True,
            )
        )
    columns += [
        Column(
            "days",
            lambda: QCoreApplication.translate("Overview", "Days absent"),
            lambda r: str(r.total_days),
            sort=lambda r: r.total_days,
            align_right=True,
        ),
        Column(
            "substitutes",
            lambda: QCoreApplication.translate("Overview", "Substitute visits"),
            lambda r: str(r.substitute_visits),
            sort=lambda r: r.substitute_visits,
            align_right=True,
        ),
    ]
    return columns


# --- 5. lunch fees per month ------------------------------------------------------------------------


def _build_fees(overview: Overview, lang: str) -> QChart:
    series = QBarSeries()
    series.append(
        bar_set(
            QCoreApplication.translate("Overview", "Lunch fees"), [f.yen / 1000 for f in overview.fees], GREEN
        )
    )
    return bar_chart(
        [series],
        [_month_label(f.month, lang) for f in overview.fees],
        QCoreApplication.translate("Overview", "Thousand yen"),
        legend=False,
    )


def _note_fees(overview: Overview, lang: str) -> str:
    total = sum(f.yen for f in overview.fees)
    unpriced = sum(f.unpriced for f in overview.fees)
    text = (
        QCoreApplication.translate("Overview", "FY%1: %2 for %3 meals.")
        .replace("%1", str(overview.fiscal_year))
        .replace("%2", _yen(total))
        .replace("%3", str(sum(f.lunch + f.milk for f in overview.fees)))
    )
    if unpriced:
        text += " " + QCoreApplication.translate("Overview", "%1 meals have no unit price.").replace(
            "%1", str(unpriced)
        )
    return text


def _fee_columns(lang: str) -> list[Column[MonthFees]]:
    return [
        Column("month", lambda: QCoreApplication.translate("Overview", "Month"), lambda r: r.month),
        Column(
            "lunch",
            lambda: QCoreApplication.translate("Overview", "School lunches"),
            lambda r: str(r.lunch),
            sort=lambda r: r.lunch,
            align_right=True,
        ),
        Column(
            "milk",
            lambda: QCoreApplication.translate("Overview", "Milk"),
            lambda r: str(r.milk),
            sort=lambda r: r.milk,
            align_right=True,
        ),
        Column(
            "yen",
            lambda: QCoreApplication.translate("Overview", "Fees"),
            lambda r: _yen(r.yen),
            sort=lambda r: r.yen,
            align_right=True,
        ),
        Column(
            "unpriced",
            lambda: QCoreApplication.translate("Overview", "No unit price"),
            lambda r: str(r.unpriced) if r.unpriced else "",
            sort=lambda r: r.unpriced,
            align_right=True,
        ),
    ]


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "loads",
        lambda: QCoreApplication.translate("Overview", "Classes per week against the limit"),
        _note_loads,
        _build_loads,
        _load_columns,
        lambda o: list(o.loads),
    ),
    ChartSpec(
        "pace",
        lambda: QCoreApplication.translate("Overview", "Days delivered against the contract"),
        _note_paces,
        _build_paces,
        _pace_columns,
        lambda o: sorted(o.schools, key=lambda s: (-s.shortfall, s.code)),
    ),
    ChartSpec(
        "levels",
        lambda: QCoreApplication.translate("Overview", "Placements by school level"),
        _note_levels,
        _build_levels,
        _level_columns,
        lambda o: list(o.levels),
    ),
    ChartSpec(
        "absences",
        lambda: QCoreApplication.translate("Overview", "Absences and substitutes per month"),
        _note_absences,
        _build_absences,
        _absence_columns,
        lambda o: list(o.absences),
    ),
    ChartSpec(
        "fees",
        lambda: QCoreApplication.translate("Overview", "Lunch fees per month"),
        _note_fees,
        _build_fees,
        _fee_columns,
        lambda o: list(o.fees),
    ),
)
