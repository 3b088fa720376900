"""The yardstick for PDF speed: the same text drawn on a bare reportlab canvas.

`school_month_texts` collects every string a school-month page draws (by running the real
layout against a recorder), and `bare_canvas_pdfs` draws those strings with plain
`drawString` calls in the same embedded font, one PDF per school. The bench prints ALTdesk's
time beside this one, so the overhead of layout, rules and font fallback is a ratio.
"""

from __future__ import annotations

import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from altdesk.io.pdf.fonts import FontSet, report_fonts
from altdesk.io.pdf.painter import Painter
from altdesk.io.pdf.school_month import draw_school_month
from altdesk.reports.school_month import SchoolMonth


class TextRecorder(Painter):
    """A painter that draws nothing and remembers the text of each page."""

    def __init__(self, fonts: FontSet) -> None:  # no canvas
        self.fonts = fonts
        self.latin_first = False
        self.pages: list[list[str]] = [[]]

    def text(self, x: float, y: float, text: str, size: float, **kwargs: object) -> float:  # type: ignore[override]
        if text:
            self.pages[-1].append(text)
        return 0.0

    def rect(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        return None

    def line(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        return None

    def lines(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        return None

    def finish_page(self) -> None:
        self.pages.append([])


def school_month_texts(reports: list[SchoolMonth], fonts: FontSet | None = None) -> list[list[str]]:
    """The strings of each report's page, as the real layout draws them."""
    recorder = TextRecorder(fonts or report_fonts())
    for report in reports:
        draw_school_month(recorder, report)
    return recorder.pages[:-1]


def bare_canvas_pdfs(documents: list[list[str]], out_dir: Path, fonts: FontSet | None = None) -> float:
    """Draw each document's strings on a bare canvas, one PDF each; returns the seconds taken."""
    fonts = fonts or report_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for number, strings in enumerate(documents):
        canvas = Canvas(str(out_dir / f"baseline_{number:04d}.pdf"), pagesize=A4,
                        initialFontName=fonts.japanese.name, initialFontSize=9)
        canvas.setFont(fonts.japanese.name, 9)
        y = A4[1] - 40
        for text in strings:
            canvas.drawString(40, y, text)
            y = y - 12 if y > 60 else A4[1] - 40
        canvas.showPage()
        canvas.save()
    return time.perf_counter() - started
