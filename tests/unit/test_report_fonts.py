"""Fonts: Japanese embedded, a Latin fallback chosen per character run, the CID font only as a
warned last resort."""

from __future__ import annotations

from pathlib import Path

from altdesk.io.pdf import fonts as pdf_fonts_module
from altdesk.io.pdf.fonts import report_fonts


def test_names_beyond_the_japanese_font_switch_to_the_latin_fallback_for_those_letters_only():
    fonts = report_fonts()
    assert fonts.japanese.embedded and fonts.latin is not None and fonts.latin.embedded
    assert fonts.runs("ゾーイ・ミュラー（Zoë Müller）") == [(fonts.japanese.name, "ゾーイ・ミュラー（Zoë Müller）")]
    runs = fonts.runs("Nguyễn")
    assert [piece for _, piece in runs] == ["Nguy", "ễ", "n"]
    assert [name for name, _ in runs] == [fonts.japanese.name, fonts.latin.name, fonts.japanese.name]
    assert fonts.width("Nguyễn", 10) > fonts.width("Nguyn", 10)
    assert not fonts.missing


def test_a_configured_font_path_that_does_not_exist_is_reported_and_the_system_font_used(tmp_path):
    fonts = report_fonts(str(tmp_path / "missing.ttf"))
    assert fonts.japanese.embedded
    assert any("does not exist" in w for w in fonts.warnings)


def test_no_truetype_font_at_all_falls_back_to_the_cid_font_with_a_warning(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_fonts_module, "japanese_candidates", lambda: [tmp_path / "none.ttf"])
    monkeypatch.delenv(pdf_fonts_module.FONT_ENV, raising=False)
    fonts = report_fonts()
    assert fonts.japanese.name == "HeiseiKakuGo-W5" and not fonts.japanese.embedded
    assert any("not embedded" in w for w in fonts.warnings)
    # Latin text still goes to the embedded TrueType font, so accents are not spaced full-width.
    assert fonts.runs("García")[0][0] == fonts.latin.name


def test_the_env_var_font_wins(monkeypatch):
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    monkeypatch.setenv(pdf_fonts_module.FONT_ENV, str(dejavu))
    assert report_fonts().japanese.path == str(dejavu)
