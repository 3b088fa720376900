"""The files of a month sent at once (altdesk.services.month_end): PDFs that mix a school's visit
schedule (訪問予定表) with its lunch order sheet (給食注文票), and the ALTs' own months.

Each file is described by a picklable PackFile, so the same job writes them in this process or,
for a large branch, in worker processes (altdesk.io.pdf.parallel); every font subset is embedded
once per file, as the plain school-month export does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from altdesk.io.exporters._lunch_orders import OrdersJob
from altdesk.io.exporters.lunch_orders_pdf import draw_order_sheet
from altdesk.io.ics import AltCalendar, build_calendar
from altdesk.io.pdf.alt_month import draw_alt_month
from altdesk.io.pdf.document import write_pdf
from altdesk.io.pdf.fonts import report_fonts
from altdesk.io.pdf.painter import Painter
from altdesk.io.pdf.school_month import draw_school_month
from altdesk.lunch.orders import OrderSheet
from altdesk.reports.alt_month import AltMonth
from altdesk.reports.school_month import SchoolMonth


@dataclass(frozen=True)
class SchoolPages:
    """A school's pages: its visit schedule, then its lunch order sheet when it has one."""

    schedule: SchoolMonth | None
    order: OrderSheet | None


@dataclass(frozen=True)
class PackFile:
    """One file to write: schools' pages on A4 (one school, or a board's in school order), an
    ALT's English month on A4 landscape, or bytes already made (an .ics calendar)."""

    title: str
    author: str
    schools: tuple[SchoolPages, ...] = ()
    orders_job: OrdersJob | None = None
    alt: AltMonth | None = None
    data: bytes | None = None
    calendar: tuple[str, AltCalendar, dt.date, dt.date, dt.datetime] | None = None  # an .ics to build

    @property
    def pages_hint(self) -> int:
        """Roughly how much drawing the file takes (to spread work over the processes)."""
        return sum((p.schedule is not None) + (p.order is not None) for p in self.schools) or 1


def write_pack_file(item: PackFile, path: Path, font_config: str) -> None:
    if item.data is not None:
        path.write_bytes(item.data)
        return
    if item.calendar is not None:
        path.write_bytes(build_calendar(*item.calendar).to_ical())
        return
    fonts = report_fonts(font_config or None)
    if item.alt is not None:
        alt = item.alt
        write_pdf(path, landscape(A4), fonts, item.title, item.author, lambda p: draw_alt_month(p, alt))
        return

    def draw(painter: Painter) -> None:
        for pages in item.schools:
            if pages.schedule is not None:
                draw_school_month(painter, pages.schedule)
            if pages.order is not None and item.orders_job is not None:
                draw_order_sheet(painter, pages.order, item.orders_job)

    write_pdf(path, A4, fonts, item.title, item.author, draw)


def write_pack_files(items: Sequence[PackFile], paths: Sequence[Path], font_config: str) -> None:
    """Write each item to its path (a worker-process job: module level, picklable)."""
    for item, path in zip(items, paths, strict=True):
        write_pack_file(item, path, font_config)
