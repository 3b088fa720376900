"""The Planner section's pictures of a plan: four small QtCharts bar charts (demand met, travel per
ALT, load per ALT, continuity kept) and a map-like plot of ALT homes and schools with the plan's
assignments drawn as lines between them (no map tiles: points and lines on the coordinates)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from altdesk.planning import Plan
from altdesk.services.planning import PlanPlaces
from ui import charts
from ui.charts import BLUE, GREEN, GREY, ORANGE, RED, one_colour_per_bar

POINT = 7.0  # a point's size in pixels, whatever the zoom


# --- charts ------------------------------------------------------------------------------------

def bar_chart(names: list[str], values: list[float], colours: list[str], value_title: str, *,
              labels: bool = True) -> QChart:
    """One bar per category (one colour per bar, or one for all: ALTs), no legend."""
    return charts.bar_chart([one_colour_per_bar(names, values, colours)], names, value_title, legend=False,
                            labels=labels)


def travel_per_alt(plan: Plan) -> dict[str, float]:
    """Minutes of one-way travel a week per ALT with an assignment (the fortnight's half)."""
    out: dict[str, float] = {}
    for a in plan.assignments:
        out[a.alt_code] = out.get(a.alt_code, 0.0) + (a.travel_minutes or 0) * len(a.slots) / 2
    return out


def continuity(plan: Plan) -> tuple[int, int]:
    """(assignments at a school the ALT taught last year, all assignments)."""
    return sum(1 for a in plan.assignments if a.kept), len(plan.assignments)


def demand_chart(plan: Plan) -> QChart:
    met, demanded = plan.met_days, plan.demand_days
    names = [QCoreApplication.translate("Planner", "Met") + f" ({met})",
             QCoreApplication.translate("Planner", "Unmet") + f" ({demanded - met})"]
    return bar_chart(names, [met, demanded - met], [GREEN, RED],
                     QCoreApplication.translate("Planner", "Days"))


def travel_chart(plan: Plan) -> QChart:
    travel = sorted(travel_per_alt(plan).items(), key=lambda item: -item[1])
    return bar_chart([code for code, _ in travel], [v for _, v in travel], [BLUE] * len(travel),
                     QCoreApplication.translate("Planner", "Minutes"), labels=len(travel) <= 8)


def load_chart(plan: Plan) -> QChart:
    loads = sorted(plan.loads().items(), key=lambda item: -item[1])
    return bar_chart([code for code, _ in loads], [v for _, v in loads], [ORANGE] * len(loads),
                     QCoreApplication.translate("Planner", "Classes"), labels=len(loads) <= 8)


def continuity_chart(plan: Plan) -> QChart:
    kept, total = continuity(plan)
    names = [QCoreApplication.translate("Planner", "Kept") + f" ({kept})",
             QCoreApplication.translate("Planner", "New") + f" ({total - kept})"]
    return bar_chart(names, [kept, total - kept], [GREEN, GREY],
                     QCoreApplication.translate("Planner", "Pairs"))


# --- the map -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class MapLine:
    alt_code: str
    school_code: str
    existing: bool


def alt_colour(alt_id: int) -> QColor:
    """A colour of its own per ALT (the golden angle spreads neighbours' hues apart)."""
    return QColor.fromHsv(int(alt_id * 137.508) % 360, 170, 190)


class PlanMap(QGraphicsView):
    """ALT homes (circles), schools (squares; red when some of their demand is unmet) and a line
    from each ALT's home to each school the plan gives them, on longitude/latitude scaled to the
    middle latitude so distances look right. Hover a point for its name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planner_map")
        self.setScene(QGraphicsScene(self))
        # No spatial index: its lines are all replaced at every step of a run, and the index's
        # upkeep for a thousand items cost more than the drawing it speeds up.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(QColor("#fafafa")))
        self.alt_points: dict[str, QPointF] = {}
        self.school_points: dict[str, QPointF] = {}
        self.lines: list[MapLine] = []
        self.missing = 0  # places with no coordinates: not drawn
        self._squeeze = 1.0  # longitude's scale at the places' middle latitude
        self._line_items: list[QGraphicsLineItem] = []
        self._drawn: tuple[frozenset[int], frozenset[int], str] | None = None  # the places the points show
        self._alt_items: dict[int, QGraphicsEllipseItem] = {}
        self._school_items: dict[int, QGraphicsRectItem] = {}

    def has_places(self, places: PlanPlaces, lang: str) -> bool:
        return self._drawn == (frozenset(places.alts), frozenset(places.schools), lang)

    def show_places(self, places: PlanPlaces, lang: str) -> None:
        """The homes and schools alone (a run's first step: the points are the most to draw, the
        plans that follow only redraw the lines)."""
        if not self.has_places(places, lang):
            self._show(None, places, lang)

    def show_plan(self, plan: Plan, places: PlanPlaces, lang: str) -> None:
        self._show(plan, places, lang)

    def _show(self, plan: Plan | None, places: PlanPlaces, lang: str) -> None:
        scene = self.scene()
        used_alts = frozenset(a.alt_id for a in plan.assignments) if plan is not None else frozenset()
        unmet = frozenset(u.school_id for u in plan.unmet) if plan is not None else frozenset()
        drawn = (frozenset(places.alts), frozenset(places.schools), lang)
        if drawn == self._drawn and plan is not None:
            # The best plan so far again, on the same places: its lines are drawn again and the points
            # recoloured (redrawing the thousand points too held the window a tenth of a second a step).
            self.lines = []
            self._draw_lines(plan, places, lang)
            self._colour_points(used_alts, unmet)
            return
        scene.clear()
        self._line_items, self._alt_items, self._school_items = [], {}, {}
        self.alt_points, self.school_points, self.lines, self.missing = {}, {}, [], 0
        located = [(p.latitude, p.longitude) for p in (*places.alts.values(), *places.schools.values())
                   if p.latitude is not None and p.longitude is not None]
        if not located:
            self.missing = len(places.alts) + len(places.schools)
            return
        self._squeeze = math.cos(math.radians(sum(lat for lat, _ in located) / len(located)))
        at = self._at
        if plan is not None:
            self._draw_lines(plan, places, lang)
        self._drawn = drawn
        for school in places.schools.values():
            if school.latitude is None or school.longitude is None:
                self.missing += 1
                continue
            item = QGraphicsRectItem(-POINT / 2, -POINT / 2, POINT, POINT)
            self._place(item, at(school.latitude, school.longitude), RED if school.id in unmet else "#37474f",
                        f"{school.code} {school.name_ja if lang == 'ja' else school.name_en}")
            self.school_points[school.code] = item.pos()
            self._school_items[school.id] = item
        for home in places.alts.values():
            if home.latitude is None or home.longitude is None:
                self.missing += 1
                continue
            item = QGraphicsEllipseItem(-POINT / 2 - 1, -POINT / 2 - 1, POINT + 2, POINT + 2)
            colour = alt_colour(home.id) if home.id in used_alts else QColor(GREY)
            self._place(item, at(home.latitude, home.longitude), colour, f"{home.code} {home.name_en}")
            self.alt_points[home.code] = item.pos()
            self._alt_items[home.id] = item
        self._fit()

    def _colour_points(self, used_alts: frozenset[int], unmet: frozenset[int]) -> None:
        for alt_id, item in self._alt_items.items():
            item.setBrush(QBrush(alt_colour(alt_id) if alt_id in used_alts else QColor(GREY)))
        for school_id, item in self._school_items.items():
            item.setBrush(QBrush(QColor(RED if school_id in unmet else "#37474f")))

    def _at(self, lat: float, lon: float) -> QPointF:
        return QPointF(lon * self._squeeze * 1000, -lat * 1000)  # north up; 1000: a scene of workable size

    def _draw_lines(self, plan: Plan, places: PlanPlaces, lang: str) -> None:
        """The assignments' lines, reusing the items of the lines drawn before (a step of a run
        replaces them all; making and dropping a thousand items each time held the window)."""
        at, scene = self._at, self.scene()
        old, self._line_items = self._line_items, []
        for a in plan.assignments:
            home, school = places.alts.get(a.alt_id), places.schools.get(a.school_id)
            if home is None or school is None or None in (home.latitude, home.longitude, school.latitude,
                                                          school.longitude):
                continue
            pen = QPen(alt_colour(a.alt_id), 1.6)
            pen.setCosmetic(True)  # the same width at every zoom
            if a.existing:
                pen.setStyle(Qt.PenStyle.DashLine)
            start = at(home.latitude, home.longitude)  # type: ignore[arg-type]
            end = at(school.latitude, school.longitude)  # type: ignore[arg-type]
            if old:
                line = old.pop()
                line.setLine(start.x(), start.y(), end.x(), end.y())
            else:
                line = QGraphicsLineItem(start.x(), start.y(), end.x(), end.y())
                scene.addItem(line)
            line.setPen(pen)
            line.setToolTip(f"{a.alt_code} → {a.school_code} {a.days_label(lang)}")
            self._line_items.append(line)
            self.lines.append(MapLine(a.alt_code, a.school_code, a.existing))
        for line in old:
            scene.removeItem(line)

    def _place(self, item: QGraphicsItem, where: QPointF, colour: QColor | str, tip: str) -> None:
        item.setPos(where)
        item.setBrush(QBrush(QColor(colour)))  # type: ignore[attr-defined]
        item.setPen(QPen(QColor("white"), 0.8))  # type: ignore[attr-defined]
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)  # points keep their size
        item.setZValue(2)
        item.setToolTip(tip)
        self.scene().addItem(item)

    def clear_plan(self) -> None:
        self.scene().clear()
        self.alt_points, self.school_points, self.lines, self.missing = {}, {}, [], 0
        self._line_items, self._drawn, self._alt_items, self._school_items = [], None, {}, {}

    def _fit(self) -> None:
        bounds = QRectF()
        for point in (*self.alt_points.values(), *self.school_points.values()):
            bounds = bounds.united(QRectF(point, point).adjusted(-1, -1, 1, 1))
        if bounds.isValid():
            margin = max(bounds.width(), bounds.height()) * 0.05 + 0.5
            self.fitInView(bounds.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()
