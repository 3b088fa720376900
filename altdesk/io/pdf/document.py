"""A PDF file of report pages: the canvas with its metadata, drawn page by page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from altdesk.io.pdf.fonts import FontSet
from altdesk.io.pdf.painter import Painter

# Binary Flate streams: ASCII85 on top only makes files bigger and slower to write.
rl_config.useA85 = 0


def open_canvas(path: Path | BinaryIO, pagesize: tuple[float, float], fonts: FontSet, title: str,
                author: str) -> Canvas:
    """A report canvas with its metadata; the caller draws pages and saves it."""
    # The initial font is named so the page never refers to an unembedded Helvetica.
    canvas = Canvas(str(path) if isinstance(path, Path) else path, pagesize=pagesize, pageCompression=1, invariant=0,
                    initialFontName=fonts.japanese.name, initialFontSize=10)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("ALTdesk")
    canvas.setSubject(title)
    return canvas


def write_pdf(
    path: Path | BinaryIO,
    pagesize: tuple[float, float],
    fonts: FontSet,
    title: str,
    author: str,
    draw_pages: Callable[[Painter], None],
    latin_first: bool = False,
) -> None:
    """Draw pages with `draw_pages` (each page ended with painter.finish_page()) and save to a
    file, or to a binary stream (previews stay in memory)."""
    canvas = open_canvas(path, pagesize, fonts, title, author)
    painter = Painter(canvas, fonts, latin_first)
    draw_pages(painter)
    canvas.save()
