"""The files of a month sent at once (altdesk.services.month_end): PDFs that mix a school's visit
schedule (訪問予定表) with its lunch order sheet (給食注文票), and the ALTs' own months.

Each file is described by a picklable PackFile, so the same job writes them in this process or,
for a large branch, in worker processes (altdesk.io.pdf.parallel); every font subset is embedded
once per file, as the plain school-month export does.

A board's print file is written together with its schools' own files: each school's pages are
laid out once and drawn into both (altdesk.io.pdf.painter), instead of drawing every school a
second time for the board. (Joining the schools' PDFs afterwards with a PDF library was measured
too: on the large branch it took about twice as long as drawing the boards' pages again, since
each school file carries its own font subsets to parse and copy.)
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
from altdesk.io.pdf.document import open_canvas, write_pdf
from altdesk.io.pdf.fonts import FontSet, report_fonts
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
    ALT's English month on A4 landscape, or bytes already made (an .ics calendar).

    A board's file may name `copies`: for each of its schools, in the same order, the school's
    own file (a path relative to the month's folder, the parent of the board file's folder) and
    its title; they are written in the same pass as the board's file."""

    title: str
    author: str
    schools: tuple[SchoolPages, ...] = ()
    orders_job: OrdersJob | None = None
    alt: AltMonth | None = None
    data: bytes | None = None
    calendar: tuple[str, AltCalendar, dt.date, dt.date, dt.datetime] | None = None  # an .ics to build
    copies: tuple[tuple[str, str], ...] = ()  # (file relative to the month's folder, title) per school

    @property
    def files(self) -> int:
        """How many files writing this item makes (progress counts files)."""
        return 1 + len(self.copies)


def _draw_school(painter: Painter, pages: SchoolPages, orders_job: OrdersJob | None) -> None:
    if pages.schedule is not None:
        draw_school_month(painter, pages.schedule)
    if pages.order is not None and orders_job is not None:
        draw_order_sheet(painter, pages.order, orders_job)


def _write_board_and_schools(item: PackFile, path: Path, fonts: FontSet) -> None:
    root = path.parent.parent
    board = open_canvas(path, A4, fonts, item.title, item.author)
    for pages, (name, title) in zip(item.schools, item.copies, strict=True):
        own = open_canvas(root / name, A4, fonts, title, item.author)
        _draw_school(Painter(own, fonts, also=(board,)), pages, item.orders_job)
        own.save()
    board.save()


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

    if item.copies:
        _write_board_and_schools(item, path, fonts)
        return

    def draw(painter: Painter) -> None:
        for pages in item.schools:
            _draw_school(painter, pages, item.orders_job)

    write_pdf(path, A4, fonts, item.title, item.author, draw)


def write_pack_files(items: Sequence[PackFile], paths: Sequence[Path], font_config: str) -> None:
    """Write each item to its path (a worker-process job: module level, picklable)."""
    for item, path in zip(items, paths, strict=True):
        write_pack_file(item, path, font_config)
