"""Fonts for PDF reports: a Japanese TrueType font embedded as a subset, and a Latin fallback
for letters the Japanese font lacks (Vietnamese ễ and the like).

Which font draws each piece of text is decided per character run by glyph coverage, so a
name such as "Nguyễn" mixes fonts without a missing-glyph box. Fonts are registered with
reportlab once per process (registration parses the whole file). The unembedded CID font
HeiseiKakuGo-W5 is the last resort and comes with a warning: it looks wrong on machines
without it and spaces accented letters badly.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

FONT_ENV = "ALTDESK_PDF_FONT"  # path of a Japanese TrueType font (.ttf, or .ttc for its first face)
LATIN_FONT_ENV = "ALTDESK_PDF_LATIN_FONT"
CID_FALLBACK = "HeiseiKakuGo-W5"


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def japanese_candidates() -> list[Path]:
    """Where Japanese TrueType fonts are found, most preferred first."""
    if sys.platform.startswith("win"):
        fonts = _windows_fonts()
        return [fonts / name for name in ("YuGothM.ttc", "YuGothR.ttc", "meiryo.ttc", "msgothic.ttc")]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts/ipaexg.ttf"), Path("/Library/Fonts/Arial Unicode.ttf"),
                Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf")]
    return [
        Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
        Path("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
        Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
        Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
        Path("/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf"),
    ]


def latin_candidates() -> list[Path]:
    import reportlab

    bundled = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # last TrueType resort
    if sys.platform.startswith("win"):
        fonts = _windows_fonts()
        return [fonts / "segoeui.ttf", fonts / "arial.ttf", bundled]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts/Supplemental/Arial.ttf"), Path("/Library/Fonts/Arial.ttf"), bundled]
    return [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"), bundled]


@dataclass(frozen=True)
class RegisteredFont:
    name: str  # the name reportlab knows it by
    path: str  # "" for the CID font
    embedded: bool
    chars: frozenset[int] | None  # code points with a glyph; None: unknown (CID font)

    def covers(self, char: str) -> bool:
        return self.chars is None or ord(char) in self.chars


@dataclass
class FontSet:
    """The fonts a report draws with, and what went wrong finding them."""

    japanese: RegisteredFont
    latin: RegisteredFont | None
    warnings: list[str] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)  # characters no font could draw
    _runs: dict[tuple[str, bool], list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def runs(self, text: str, latin_first: bool = False) -> list[tuple[str, str]]:
        """Split text into (font name, piece) runs by which font has the glyphs."""
        key = (text, latin_first)
        found = self._runs.get(key)
        if found is None:
            if len(self._runs) > 20_000:
                self._runs.clear()
            found = self._runs[key] = self._split(text, latin_first)
        return found

    def _split(self, text: str, latin_first: bool) -> list[tuple[str, str]]:
        # The CID fallback has every glyph but spaces accented Latin letters full-width.
        latin_first = latin_first or self.japanese.chars is None
        order = [self.latin, self.japanese] if latin_first and self.latin else [self.japanese, self.latin]
        primary = order[0]
        assert primary is not None
        if primary.chars is None or all(ord(c) in primary.chars for c in text):
            return [(primary.name, text)]
        runs: list[tuple[str, str]] = []
        for char in text:
            chosen = next((f for f in order if f is not None and f.covers(char)), None)
            if chosen is None:
                if not char.isspace():
                    self.missing.add(char)
                chosen = primary
            if runs and runs[-1][0] == chosen.name:
                runs[-1] = (chosen.name, runs[-1][1] + char)
            else:
                runs.append((chosen.name, char))
        return runs

    def width(self, text: str, size: float, latin_first: bool = False) -> float:
        return sum(_unit_width(name, piece) for name, piece in self.runs(text, latin_first)) * size

    @property
    def all_embedded(self) -> bool:
        return self.japanese.embedded and (self.latin is None or self.latin.embedded)


@lru_cache(maxsize=50_000)
def _unit_width(font_name: str, text: str) -> float:
    return pdfmetrics.stringWidth(text, font_name, 1.0)


_lock = threading.Lock()
_registered: dict[str, RegisteredFont] = {}


def _register_ttf(path: Path, alias: str) -> RegisteredFont:
    key = str(path)
    if key in _registered:
        return _registered[key]
    name = f"{alias}{len(_registered) + 1}"
    font = TTFont(name, key, subfontIndex=0)
    pdfmetrics.registerFont(font)
    registered = RegisteredFont(name, key, True, frozenset(font.face.charToGlyph))
    _registered[key] = registered
    return registered


def _first_usable(candidates: list[Path], alias: str, warnings: list[str]) -> RegisteredFont | None:
    for path in candidates:
        if not path.is_file():
            continue
        try:
            return _register_ttf(path, alias)
        except (TTFError, OSError, ValueError) as exc:
            warnings.append(f"The font {path} cannot be embedded ({exc}); trying the next one.")
    return None


def report_fonts(configured: str | None = None) -> FontSet:
    """The fonts for reports: the env var's font, else the branch's configured one, else the
    system's; each registered once per process."""
    with _lock:
        warnings: list[str] = []
        wanted = [Path(p).expanduser() for p in (os.environ.get(FONT_ENV), configured) if p]
        for path in wanted:
            if not path.is_file():
                warnings.append(f"The Japanese font {path} does not exist; using the system's.")
        japanese = _first_usable([p for p in wanted if p.is_file()] + japanese_candidates(), "ALTdeskJa", warnings)
        latin_wanted = [Path(p) for p in (os.environ.get(LATIN_FONT_ENV),) if p]
        latin = _first_usable(latin_wanted + latin_candidates(), "ALTdeskLatin", warnings)
        if japanese is None:
            warnings.append(
                "No Japanese TrueType font was found (IPAexGothic, Yu Gothic, Meiryo or MS Gothic). "
                f"Using the built-in {CID_FALLBACK}, which is not embedded: the PDF may look different "
                f"elsewhere. Install fonts-ipaexfont-gothic or set {FONT_ENV} to a .ttf file."
            )
            if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
            japanese = RegisteredFont(CID_FALLBACK, "", False, None)
        for warning in warnings:
            log.warning(warning)
        return FontSet(japanese, latin, warnings)
