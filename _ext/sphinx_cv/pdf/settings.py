"""Defaults for Sphinx's LaTeX builder that turn its manual into a CV.

A forker's conf.py only names the extensions; the engine, the document class,
the fonts, the paper and what to leave out (title page, contents, index) come
from here. Every value the user sets in conf.py (or with ``-D``) wins. The look
of the page itself is in ``texinputs/sphinxcv.sty``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.latex import default_latex_documents
from sphinx.config import Config
from sphinx.util import logging

from ..source.config import is_set_by_user
from ..source.names import in_ascii
from ..source.versions import configured_version, versions
from .scripts import cjk_fonts, cjk_region, language_preamble, name_cjk_languages

logger = logging.getLogger(__name__)

#: ``cv_paper_size`` values and the LaTeX class option each one means.
PAPER_SIZES = {"a4": "a4paper", "letter": "letterpaper"}
DEFAULT_PAPER_SIZE = "a4"

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


#: The PDF's name when the owner's name has no Latin letters (송민학).
FALLBACK_PDF_STEM = "cv"


def pdf_stem(name: str, language: str | None = None) -> str:
    """The PDF's file name stem for ``name``, in ASCII as the CV's ``language`` writes it.

    "Ana Cláudia Ribeiro-Søndergaard" gives "ana-claudia-ribeiro-sondergaard-cv",
    "Friederike Müller" in German "friederike-mueller-cv"; a name without Latin
    letters gives "cv".
    """
    slug = re.sub(r"[^a-z0-9]+", "-", in_ascii(name, language).lower()).strip("-")
    return f"{slug}-{FALLBACK_PDF_STEM}" if slug else FALLBACK_PDF_STEM


def tex_filename(app: Sphinx, config: Config) -> str:
    """The ``.tex`` (and so the PDF) file name: ``cv_pdf_filename``, else from the author."""
    wanted = str(config.cv_pdf_filename).strip()
    stem = wanted.removesuffix(".pdf")
    if wanted and re.fullmatch(r"[\w.+-]+", stem, flags=re.ASCII):
        return stem + ".tex"
    default = pdf_stem(config.author or config.project, config.language) + ".pdf"
    if wanted:
        logger.warning(
            "%s: cv_pdf_filename %r is not a file name; accepted are letters, digits, "
            "'.', '-', '_' and '+', e.g. 'ana-ribeiro-cv.pdf' (default %r)",
            Path(app.confdir, "conf.py"),
            config.cv_pdf_filename,
            default,
            type="cv",
            subtype="config",
        )
    return default.removesuffix(".pdf") + ".tex"


def paper_option(app: Sphinx, config: Config) -> str:
    """The LaTeX class option for ``cv_paper_size``; warn and use A4 for anything else."""
    value = str(config.cv_paper_size).strip().lower().removesuffix("paper")
    if value in PAPER_SIZES:
        return PAPER_SIZES[value]
    accepted = " or ".join(repr(size) for size in PAPER_SIZES)
    # No location=: the environment that resolves locations does not exist yet.
    logger.warning(
        "%s: cv_paper_size %r is not a paper size; accepted are %s (default %r)",
        Path(app.confdir, "conf.py"),
        config.cv_paper_size,
        accepted,
        DEFAULT_PAPER_SIZE,
        type="cv",
        subtype="config",
    )
    return PAPER_SIZES[DEFAULT_PAPER_SIZE]


def version_filename(filename: str, version: str, first: str) -> str:
    """The file name of a version's PDF (or ``.tex``): the first version's name as is,
    another's with its name for the last word: minhak-song-cv.pdf → minhak-song-resume.pdf."""
    if version == first:
        return filename
    path = Path(filename)
    stem = path.stem.removesuffix(f"-{FALLBACK_PDF_STEM}").removesuffix(f"-{first}")
    return f"{stem}-{version}{path.suffix}"


def version_paper(paper: str) -> str:
    """The LaTeX class option for a version's ``paper`` (checked in conf.py: a4 or letter)."""
    return PAPER_SIZES.get(paper.strip().lower().removesuffix("paper"), PAPER_SIZES["a4"])


def apply_defaults(app: Sphinx, config: Config) -> None:
    """Fill in the CV's LaTeX settings that conf.py left unset."""
    for name, value in CONFIG_DEFAULTS.items():
        if not is_set_by_user(config, name):
            config[name] = value

    # -D cv_version=resume: that version's file name and paper (cv_versions is checked).
    name, settings = configured_version(config), versions(config)
    first = next(iter(settings))
    if not is_set_by_user(config, "latex_documents"):
        (document, _, *rest) = default_latex_documents(config)[0]
        tex = version_filename(tex_filename(app, config), name, first)
        config.latex_documents = [(document, tex, *rest)]

    # A fresh dict: the default {} is shared by every Sphinx app in a process.
    elements = dict(config.latex_elements)
    paper = settings[name].get("paper")
    defaults = {
        **LATEX_ELEMENTS,
        "papersize": paper_option(app, config) if paper is None else version_paper(paper),
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
    """Register ``cv_paper_size`` and the defaults; called by ``sphinx_cv.setup``."""
    app.add_config_value("cv_paper_size", DEFAULT_PAPER_SIZE, "env", types=(str,))
    app.add_config_value("cv_pdf_filename", "", "", types=(str,))
    # The profile's photo in the PDF too (many CVs leave it out on paper).
    app.add_config_value("cv_pdf_photo", True, "env", types=(bool,))
    app.connect("config-inited", apply_defaults)
    name_cjk_languages()
