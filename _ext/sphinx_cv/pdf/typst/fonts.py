"""The PDF's fonts: TeX Gyre Pagella, shipped in ``fonts/``, and the CJK fonts of the system.

TeX Gyre Pagella (GUST Font License, ``fonts/GUST-FONT-LICENSE.txt``) comes with
the package, so a pip install alone sets the CV in its serif. Typst falls back
across every font it finds (these, the system's, its own) for a character the
main font lacks; Korean, Chinese and Japanese are named first in their Noto
Serif CJK (Debian: ``fonts-noto-cjk``), which must be installed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..languages import cjk_region

FONTS_DIR = Path(__file__).parent / "fonts"
#: The main family, as its files name it.
MAIN_FONT = "TeX Gyre Pagella"
#: What to install for a CJK font, by system.
CJK_PACKAGE = "fonts-noto-cjk (Debian, Ubuntu), google-noto-serif-cjk-fonts (Fedora)"


def font_paths() -> list[str]:
    """The folders of the fonts shipped with sphinx-cv."""
    return [str(FONTS_DIR)]


@cache
def typst_fonts(system_fonts: bool = True) -> Any:
    """The fonts Typst finds (shipped, its own and, unless told not to, the system's), looked
    for once a process: every compile shares them."""
    import typst

    return typst.Fonts(include_system_fonts=system_fonts, font_paths=font_paths())


def installed_families(system_fonts: bool = True) -> frozenset[str]:
    """The font families Typst finds."""
    return frozenset(typst_fonts(system_fonts).families())


def cjk_family(language: str | None) -> str | None:
    """Noto Serif CJK of the language's region ("Noto Serif CJK KR"), for CJK languages."""
    region = cjk_region(language)
    return f"Noto Serif CJK {region}" if region else None


def families(language: str | None, system_fonts: bool = True) -> list[str]:
    """The fonts to ask for, in order: the main one, then the language's CJK one (if found)."""
    cjk = cjk_family(language)
    if cjk is None or missing_cjk_font(language, system_fonts):
        return [MAIN_FONT]
    return [MAIN_FONT, cjk]


def missing_cjk_font(language: str | None, system_fonts: bool = True) -> str | None:
    """The CJK family the language needs when it is not installed, else None."""
    cjk = cjk_family(language)
    if cjk is None or cjk in installed_families(system_fonts):
        return None
    return cjk
