"""Drawing report pages on a bare reportlab canvas, fast: text goes into one text object per
page (no width measuring per string unless asked), lines and shading go straight to the page.

Monochrome by design: black text, grey shading and rules only.

A painter can draw the same pages into more than one canvas at once (`also`): the layout
(measuring, fitting, grouping text by font) is done once, and only the PDF operators are
written to each canvas. A month's send draws a school's pages so into the school's own file
and its board's print file in one pass.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from altdesk.io.pdf.fonts import FontSet

ELLIPSIS = "…"


class Painter:
    def __init__(self, canvas: Canvas, fonts: FontSet, latin_first: bool = False,
                 also: tuple[Canvas, ...] = ()) -> None:
        self.canvas = canvas
        self.canvases = (canvas, *also)  # every canvas the pages go into
        self.fonts = fonts
        self.latin_first = latin_first
        self._new_text_objects()

    def _new_text_objects(self) -> None:
        # Text is grouped by (bold, grey, font, size) and written when the page ends: one
        # font change per group instead of one per string.
        self._groups: dict[tuple[bool, float, str, float], list[tuple[float, float, str]]] = {}

    # --- text -------------------------------------------------------------------------------

    def width(self, text: str, size: float, latin_first: bool | None = None) -> float:
        return self.fonts.width(text, size, self.latin_first if latin_first is None else latin_first)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        align: str = "left",
        max_width: float | None = None,
        min_size: float = 5.0,
        bold: bool = False,
        grey: float = 0.0,
        latin_first: bool | None = None,
    ) -> float:
        """Draw text with its baseline at y; shrinks (then elides) to fit max_width. Returns the width."""
        if not text:
            return 0.0
        latin = self.latin_first if latin_first is None else latin_first
        width = None
        if max_width is not None or align != "left":
            width = self.fonts.width(text, size, latin)
            if max_width is not None and width > max_width:
                size, text, width = self._fit(text, size, max_width, min_size, latin, width)
        if align == "right":
            x -= width or 0.0
        elif align == "center":
            x -= (width or 0.0) / 2
        groups = self._groups
        for name, piece in self.fonts.runs(text, latin):
            key = (bold, grey, name, size)
            group = groups.get(key)
            if group is None:
                group = groups[key] = []
            group.append((x, y, piece))
            if len(piece) < len(text):  # a mixed-font string: the next run starts after this one
                x += self.fonts.width(piece, size, latin)
        return width if width is not None else 0.0

    def _fit(self, text: str, size: float, max_width: float, min_size: float, latin: bool,
             width: float) -> tuple[float, str, float]:
        shrunk = max(min_size, size * max_width / width)
        width = self.fonts.width(text, shrunk, latin)
        if width <= max_width + 0.01:
            return shrunk, text, width
        while len(text) > 1 and width > max_width:
            text = text[:-1]
            width = self.fonts.width(text + ELLIPSIS, shrunk, latin)
        return shrunk, text.rstrip() + ELLIPSIS, width

    def wrap(self, text: str, size: float, max_width: float, max_lines: int,
             latin_first: bool | None = None) -> list[str]:
        """Greedy line breaking: at spaces in Latin text, anywhere in Japanese; the last line
        is elided when the text does not fit in max_lines."""
        latin = self.latin_first if latin_first is None else latin_first
        if self.fonts.width(text, size, latin) <= max_width:
            return [text]
        lines: list[str] = []
        rest = text
        while rest and len(lines) < max_lines:
            if len(lines) == max_lines - 1 or self.fonts.width(rest, size, latin) <= max_width:
                lines.append(rest)
                break
            cut = len(rest)
            while cut > 1 and self.fonts.width(rest[:cut], size, latin) > max_width:
                cut -= 1
            # Prefer a break at a space, or before an opening bracket in Japanese text.
            space = max(rest.rfind(" ", 0, cut + 1), rest.rfind("（", 0, cut))
            if space > 0 and rest[cut:cut + 1] not in ("", " ") and space > cut // 2:
                cut = space
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
        return lines

    # --- graphics ---------------------------------------------------------------------------

    def rect(self, x: float, y: float, w: float, h: float, *, fill: float | None = None,
             stroke: bool = True, line_width: float = 0.5) -> None:
        for c in self.canvases:
            if fill is not None:
                c.setFillGray(fill)
            c.setLineWidth(line_width)
            c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill is not None else 0)
            if fill is not None:
                c.setFillGray(0)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5, grey: float = 0.0) -> None:
        for c in self.canvases:
            c.setLineWidth(width)
            c.setStrokeGray(grey)
            c.line(x1, y1, x2, y2)
            if grey:
                c.setStrokeGray(0)

    def lines(self, segments: list[tuple[float, float, float, float]], width: float = 0.5, grey: float = 0.0) -> None:
        """Many rules in one path: much cheaper than one path each."""
        if not segments:
            return
        for c in self.canvases:
            c.setLineWidth(width)
            c.setStrokeGray(grey)
            path = c.beginPath()
            for x1, y1, x2, y2 in segments:
                path.moveTo(x1, y1)
                path.lineTo(x2, y2)
            c.drawPath(path, stroke=1, fill=0)
            c.setStrokeGray(0)

    # --- pages ------------------------------------------------------------------------------

    def finish_page(self) -> None:
        for c in self.canvases:
            self._write_text(c)
            c.showPage()
        self._new_text_objects()

    def _write_text(self, c: Canvas) -> None:
        regular, bold = c.beginText(), c.beginText()
        bold.setTextRenderMode(2)  # fill and stroke: a bold look from a font without a bold face
        greys = {id(regular): 0.0, id(bold): 0.0}
        for (is_bold, grey, name, size), items in self._groups.items():
            target = bold if is_bold else regular
            if grey != greys[id(target)]:
                target.setFillGray(grey)
                greys[id(target)] = grey
            target.setFont(name, size)
            for x, y, piece in items:
                target.setTextOrigin(x, y)
                target.textOut(piece)
        c.setFillGray(0)
        c.drawText(regular)
        if any(key[0] for key in self._groups):
            c.saveState()
            c.setLineWidth(0.25)
            c.setStrokeGray(0)
            c.drawText(bold)
            c.restoreState()

def baseline_in(bottom: float, height: float, size: float) -> float:
    """The baseline that centres text of `size` vertically in a box."""
    return bottom + height / 2 - size * 0.36


__all__ = ["Painter", "baseline_in", "mm"]
