"""Defaults for Sphinx's LaTeX builder that turn its manual into a CV.

A forker's conf.py only names the extensions; the engine, the document class,
the fonts, the paper and what to leave out (title page, contents, index) come
from here. Every value the user sets in conf.py (or with ``-D``) wins. The look
of the page itself is in ``texinputs/sphinxcv.sty``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.latex import default_latex_documents
from sphinx.config import Config
from sphinx.util import texescape

from ...source.config import is_set_by_user
from ...source.versions import configured_version, versions
from ..languages import cjk_region
from ..names import (
    DEFAULT_PAPER_SIZE,
    configured_paper,
    paper_size,
    pdf_filename,
    version_filename,
)
from .scripts import cjk_fonts, language_preamble, name_cjk_languages

#: Paper sizes (:data:`..names.PAPER_SIZES`) as LaTeX class options.
PAPER_OPTIONS = {"a4": "a4paper", "letter": "letterpaper"}

#: Builder settings a CV needs, used where conf.py does not set them.
#: xelatex sets any Latin-script name (pdflatex cannot set "ễ").
CONFIG_DEFAULTS: dict[str, Any] = {
    "latex_engine": "xelatex",
    "latex_theme": "howto",  # article-like: sections, no chapters
    "latex_use_xindy": False,
    "latex_domain_indices": False,
    "latex_show_urls": "no",
    "latex_docclass": {},  # not Japanese's jreport, which needs pLaTeX
}

#: One family everywhere: TeX Gyre Pagella (Debian's fonts-texgyre), or Latin
#: Modern (in every TeX Live) where Pagella is missing; both cover Vietnamese
#: and Polish. Found by file name, so no font cache is needed.
FONTS = r"""
\newcommand\cvfontfamily[1]{%
  \setmainfont{#1}[Extension = .otf, UprightFont = *-regular, ItalicFont = *-italic,
    BoldFont = *-bold, BoldItalicFont = *-bolditalic]%
  \setsansfont{#1}[Extension = .otf, UprightFont = *-regular, ItalicFont = *-italic,
    BoldFont = *-bold, BoldItalicFont = *-bolditalic]}
\IfFontExistsTF{texgyrepagella-regular.otf}
  {\cvfontfamily{texgyrepagella}}{\cvfontfamily{lmroman10}}
\setmonofont{lmmono10}[
  Extension = .otf, UprightFont = *-regular, ItalicFont = *-italic, Scale = MatchLowercase]
"""

#: Math in Pagella's own math font (Debian's fonts-texgyre-math), where installed;
#: added to the preamble of a document that has a formula (unicode-math costs time).
MATH_FONT = r"""
\IfFontExistsTF{texgyrepagella-math.otf}
  {\usepackage{unicode-math}\setmathfont{texgyrepagella-math.otf}}{}
"""

#: The title block: the name (the document's title) on top. A profile directive
#: prints name and contacts itself; the LaTeX writer then uses ``METADATA_ONLY``.
MAKETITLE = r"\cvmaketitle"
METADATA_ONLY = r"\cvmetadata"

#: ``latex_elements`` a CV needs; keys the user sets keep the user's value.
LATEX_ELEMENTS = {
    "pointsize": "10pt",
    "classoptions": ",oneside",
    "fncychap": "",
    "fontpkg": FONTS,
    "maketitle": MAKETITLE,
    "tableofcontents": "",
    "makeindex": "",
    "printindex": "",
}

#: ``\sphinxsetup`` keys; a user's ``sphinxsetup`` comes after them and wins.
SPHINXSETUP = (
    "hmargin=2cm, vmargin={1.6cm,1.8cm}, "
    "InnerLinkColor={RGB}{0,51,128}, OuterLinkColor={RGB}{0,51,128}"
)


def paper_option(size: str) -> str:
    """The LaTeX class option of a paper size ("a4" → "a4paper"; checked before)."""
    return PAPER_OPTIONS.get(paper_size(size) or DEFAULT_PAPER_SIZE)


def apply_defaults(app: Sphinx, config: Config) -> None:
    """Fill in the CV's LaTeX settings that conf.py left unset."""
    for name, value in CONFIG_DEFAULTS.items():
        if not is_set_by_user(config, name):
            config[name] = value

    # -D cv_version=resume: that version's file name and paper (cv_versions is checked).
    name, settings = configured_version(config), versions(config)
    first = next(iter(settings))
    if not is_set_by_user(config, "latex_documents"):
        # Its title and author are escaped with texescape's tables, which are empty until
        # the LaTeX builder starts: a name with "&" or "%" would stop the PDF.
        texescape.init()
        (document, _, *rest) = default_latex_documents(config)[0]
        pdf = version_filename(pdf_filename(app, config), name, first)
        tex = pdf.removesuffix(".pdf") + ".tex"
        config.latex_documents = [(document, tex, *rest)]

    # A fresh dict: the default {} is shared by every Sphinx app in a process.
    elements = dict(config.latex_elements)
    paper = settings[name].get("paper")
    defaults = {
        **LATEX_ELEMENTS,
        "papersize": paper_option(configured_paper(app, config) if paper is None else paper),
    }
    if config.latex_engine not in ("xelatex", "lualatex"):
        del defaults["fontpkg"]  # fontspec needs a Unicode engine
    region = cjk_region(config.language)
    if region and config.latex_engine == "xelatex":
        # xeCJK sets the CJK text and breaks its lines; polyglossia has no
        # Korean or Japanese of use here, and CJK text is not hyphenated.
        defaults.update(fontpkg=FONTS + cjk_fonts(region), polyglossia="", babel="")
    for key, value in defaults.items():
        elements.setdefault(key, value)
    user_setup = elements.get("sphinxsetup", "")
    elements["sphinxsetup"] = f"{SPHINXSETUP}, {user_setup}" if user_setup else SPHINXSETUP
    elements["preamble"] = language_preamble(config.language, config.latex_engine) + elements.get(
        "preamble", ""
    )
    config.latex_elements = elements


def setup(app: Sphinx) -> None:
    """Register the LaTeX builder's defaults for a CV."""
    app.connect("config-inited", apply_defaults)
    name_cjk_languages()
