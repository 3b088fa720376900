"""Small bar charts in one style for the window's summaries (the Overview, the Planner): drawn at
once (no animation), small fonts, whole axis labels, one colour per series or per bar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont

RED, GREEN, BLUE, GREY, ORANGE = "#c62828", "#2e7d32", "#1565c0", "#9e9e9e", "#ef6c00"


def bar_set(name: str, values: Sequence[float], colour: str) -> QBarSet:
    one = QBarSet(name)
    one.append([float(v) for v in values])
    one.setColor(QColor(colour))
    one.setBorderColor(QColor(colour))
    return one


def one_colour_per_bar(names: Sequence[str], values: Sequence[float], colours: Sequence[str]) -> QStackedBarSeries:
    """One bar per category, each in its own colour: a stacked series whose set i is non-zero
    only in category i (a bar set has one colour). For a handful of categories only: n of them are
    n sets of n bars (300 ALTs would be 90,000 bars); bars of one colour are one set."""
    series = QStackedBarSeries()
    if len(set(colours)) <= 1:
        series.append(bar_set("", values, colours[0] if colours else GREY))
        return series
    for index, (name, colour) in enumerate(zip(names, colours, strict=True)):
        series.append(bar_set(name, [values[index] if i == index else 0 for i in range(len(values))], colour))
    return series


def bar_chart(series: list[Any], categories: Sequence[str], value_title: str, *, percent: bool = False,
              legend: bool = True, labels: bool = True) -> QChart:
    """A chart of bar series over `categories`, the value axis from 0 to a round number above the
    tallest bar (stacked bars summed)."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # drawn at once: it opens in one paint
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    for one in series:
        chart.addSeries(one)
    small = QFont(chart.font())
    small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories) or [""])
    x_axis.setLabelsFont(small)
    # Qt cuts a label well under its category's width ("On pace …"); the names are kept short.
    x_axis.setTruncateLabels(False)
    x_axis.setLabelsVisible(labels)
    y_axis = QValueAxis()
    y_axis.setTitleText(value_title)
    y_axis.setTitleFont(small)
    y_axis.setLabelsFont(small)
    y_axis.setLabelFormat("%.0f%%" if percent else "%.0f")
    y_axis.setTruncateLabels(False)  # a small chart cut "600" to "…"
    y_axis.setRange(0, max(1.0, _tallest(series, len(categories)) * 1.1))
    y_axis.applyNiceNumbers()
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for one in series:
        one.attachAxis(x_axis)
        one.attachAxis(y_axis)
    chart.legend().setVisible(legend)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(small)
    return chart


def _tallest(series: list[Any], categories: int) -> float:
    tallest = 0.0
    for one in series:
        sets = one.barSets()
        if isinstance(one, QStackedBarSeries):
            tallest = max(tallest, *(sum(s.at(i) for s in sets if i < s.count()) for i in range(categories)), 0.0)
        else:
            tallest = max(tallest, *(s.at(i) for s in sets for i in range(s.count())), 0.0)
    return tallest
