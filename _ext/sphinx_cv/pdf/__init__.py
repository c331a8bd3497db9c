"""The PDF: LaTeX writers, the LaTeX builder's settings for a CV, and the compile.

- ``writers``: the LaTeX of every CV node (macros of ``texinputs/sphinxcv.sty``);
- ``texinputs/``: the PDF's look (page, headings, name and contacts, entries, publications);
- ``settings``: the LaTeX builder's defaults for a CV (engine, class, fonts, paper);
- ``fallback``: characters the main font lacks, printed in a fallback font;
- ``rtl``: phrases in Arabic, Hebrew, … set right to left;
- ``compile``: LaTeX output compiled to PDF with latexmk;
- ``texlog``: overfull lines and missing characters in LaTeX's log, as warnings;
- ``link``: an HTML build writes the PDF from its own pages and offers it.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

from ..publications.nodes import PUBLICATION_NODES
from ..source.nodes import ALL_NODES
from . import fallback, link, rtl, settings, texlog
from .writers import HANDLERS

TEXINPUTS_DIR = Path(__file__).parent / "texinputs"


def finish_latex(app: Sphinx, outdir: Path) -> None:
    """What the ``.tex`` files in ``outdir`` need beside them: the extension's ``.sty``
    files and the fallback font's list of characters. Every LaTeX write ends here:
    ``-b latex`` and the website's PDF (:mod:`.link`)."""
    for package in sorted(TEXINPUTS_DIR.glob("*.sty")):
        copy_asset_file(package, outdir, force=True)  # the newest, not a stale copy
    fallback.write_document_chars(app, outdir)


def latex_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """After ``-b latex``: :func:`finish_latex`, and latexmk reports LaTeX's log."""
    if exception is None and app.builder.format == "latex":
        finish_latex(app, Path(app.builder.outdir))
        texlog.add_to_latexmkrc(app, exception)


def setup(app: Sphinx) -> None:
    """Register the LaTeX writers, the packages, the settings and the site's PDF."""
    for node in (*ALL_NODES, *PUBLICATION_NODES):
        app.add_node(node, override=True, latex=HANDLERS[node.__name__])
    app.add_latex_package("sphinxcv", after_hyperref=True)
    app.add_latex_package("sphinxcvpubs")
    app.connect("build-finished", latex_build_finished)
    settings.setup(app)
    fallback.setup(app)
    rtl.setup(app)
    link.setup(app)
