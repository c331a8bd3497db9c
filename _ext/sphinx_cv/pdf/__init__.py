"""The PDF: two engines for one CV, and what they share.

- ``site``: an HTML build writes every version's PDF from its own pages and
  offers them (the download line, page limits, ``cv_pdf_engine``);
- ``names``: the PDF's file name and paper size;
- ``languages``: the CV's language as the engines need it (CJK fonts, tags);
- ``typst/``: the default engine: Typst, in this process, tagged PDF/UA-1
  (``sphinx-build -b typst``);
- ``latex/``: Sphinx's LaTeX builder with a CV's look, and latexmk
  (``sphinx-build -M latexpdf``, or ``cv_pdf_engine = "latex"``).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from . import latex, site, typst
from .names import DEFAULT_PAPER_SIZE, configured_paper


def package_files(engine: str) -> list[Path]:
    """The files of an engine's package (template, fonts, ``.sty``) its PDF depends on."""
    return typst.package_files() if engine == "typst" else latex.package_files()


def check_paper(app: Sphinx, config: Config) -> None:
    """``cv_paper_size`` checked once, for every engine (a warning and A4 for a bad one)."""
    config.cv_paper_size = configured_paper(app, config)


def setup(app: Sphinx) -> None:
    """Register the settings every engine reads, both engines, and the website's PDFs."""
    app.add_config_value("cv_paper_size", DEFAULT_PAPER_SIZE, "env", types=(str,))
    app.add_config_value("cv_pdf_filename", "", "", types=(str,))
    # The profile's photo in the PDF too (many CVs leave it out on paper).
    app.add_config_value("cv_pdf_photo", True, "env", types=(bool,))
    # Before the LaTeX builder's defaults (priority 500) read it.
    app.connect("config-inited", check_paper, priority=450)
    typst.setup(app)
    latex.setup(app)
    site.setup(app)
