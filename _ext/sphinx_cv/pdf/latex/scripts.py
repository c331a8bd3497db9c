"""The PDF in the CV's ``language``: CJK fonts and line breaking, hyphenation, metadata.

For Korean, Chinese and Japanese the text prints with xeCJK (Debian's
``texlive-lang-cjk``) in Noto Serif CJK (``fonts-noto-cjk``): xeCJK breaks
lines between CJK characters and keeps the Latin text in the CV's main family
(Pagella). LaTeX has no Korean hyphenation to load and CJK needs none, so
polyglossia stays out; other languages keep what Sphinx's LaTeX builder gives
them (polyglossia or babel, with the language's hyphenation patterns).

The PDF's metadata names the language (``pdflang``) and its subject is
"Curriculum vitae" in that language.
"""

from __future__ import annotations

from docutils.writers.latex2e import Babel
from sphinx.util.texescape import escape

from ...i18n import _

#: Characters xeCJK would take for CJK punctuation that are also Latin text's:
#: quotes, dashes, the ellipsis, stay in the main font.
LATIN_PUNCTUATION = ('"00B7', '"2013', '"2014', '"2018', '"2019', '"201C', '"201D', '"2026')

#: CJK languages Sphinx's LaTeX builder has no name for ("no Babel option known
#: for language 'ko'"); it only puts the name in the class options, as xeCJK needs nothing.
LATEX_LANGUAGE_NAMES = {"ko": "korean", "ja": "japanese"}


def name_cjk_languages() -> None:
    """Give Sphinx's LaTeX builder (docutils' table) a name for Korean and Japanese."""
    for code, name in LATEX_LANGUAGE_NAMES.items():
        Babel.language_codes.setdefault(code, name)


def cjk_fonts(region: str) -> str:
    """The preamble lines that load xeCJK with Noto Serif/Sans CJK of ``region``."""
    # By PostScript name: the family name finds the Japanese face of the .ttc first.
    serif, sans = f"NotoSerifCJK{region.lower()}", f"NotoSansCJK{region.lower()}"
    lines = [
        "\\usepackage{xeCJK}",
        f"\\setCJKmainfont{{{serif}-Regular}}[BoldFont = {serif}-Bold]",
        f"\\setCJKsansfont{{{sans}-Regular}}[BoldFont = {sans}-Bold]",
        f"\\setCJKmonofont{{{sans}-Regular}}",
        f"\\xeCJKDeclareCharClass{{Default}}{{{', '.join(LATIN_PUNCTUATION)}}}",
    ]
    if region == "KR":
        # Korean puts spaces between words and none between "2020" and "년":
        # keep the spaces as written, add none between Hangul and Latin.
        lines.append("\\xeCJKsetup{CJKspace = true, CJKecglue = {}}")
    return "\n".join(lines) + "\n"


def language_preamble(language: str | None, engine: str) -> str:
    """The PDF's language (``pdflang``) and its subject, ``\\cvsubject`` of ``sphinxcv.sty``."""
    tag = (language or "en").replace("_", "-")
    subject = escape(_("Curriculum vitae"), engine)
    return f"\\hypersetup{{pdflang={tag}}}\\renewcommand\\cvsubject{{{subject}}}\n"
