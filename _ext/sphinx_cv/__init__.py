"""sphinx-cv: an academic CV as a Sphinx project.

Turn it on in ``conf.py`` with::

    extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]

The data flows one way, and the subpackages follow it: ``source`` reads the
Markdown into records, ``publications`` renders ``references.bib``, ``model``
gathers the whole CV, and each output writes it: ``website`` (HTML), ``pdf``
(LaTeX and the PDF), ``text``, ``manual`` (man, Texinfo), ``exports`` (JSON Resume, JSON-LD).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import exports, manual, pdf, publications, source, text, website

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    source.setup(app)  # Markdown → records: dates, directives, the cv domain
    publications.setup(app)  # references.bib → numbered publication lists
    website.setup(app)  # HTML, the slim site, the download line
    pdf.setup(app)  # LaTeX, the PDF's look and compile, the site's PDF
    text.setup(app)  # plain text
    manual.setup(app)  # man pages and Texinfo
    exports.setup(app)  # JSON Resume, JSON-LD

    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
