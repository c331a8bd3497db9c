"""The PDF through LaTeX: Sphinx's LaTeX builder with a CV's look, compiled by latexmk.

``cv_pdf_engine = "latex"`` makes it the website's engine; ``sphinx-build -M
latexpdf`` uses it whatever the setting.

- ``writers``: the LaTeX of every CV node (macros of ``texinputs/sphinxcv.sty``);
- ``texinputs/``: the PDF's look (page, headings, name and contacts, entries, publications);
- ``settings``: the LaTeX builder's defaults for a CV (engine, class, fonts, paper);
- ``scripts``: CJK fonts and the PDF's language;
- ``fallback``: characters the main font lacks, printed in a fallback font;
- ``rtl``: phrases in Arabic, Hebrew, … set right to left;
- ``compile``: LaTeX output compiled to PDF with latexmk;
- ``texlog``: overfull lines and missing characters in LaTeX's log, as warnings.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.fileutil import copy_asset_file

from ...publications.nodes import PUBLICATION_NODES
from ...source.config import is_set_by_user
from ...source.nodes import ALL_NODES
from ..names import pdf_filename
from ..site import ENGINES, PdfFailed
from . import fallback, rtl, settings, texlog
from .compile import LatexRun, missing_tools
from .writers import HANDLERS

TEXINPUTS_DIR = Path(__file__).parent / "texinputs"


def finish_latex(app: Sphinx, outdir: Path) -> None:
    """What the ``.tex`` files in ``outdir`` need beside them: the extension's ``.sty``
    files and the fallback font's list of characters. Every LaTeX write ends here:
    ``-b latex`` and the website's PDF (:mod:`..site`)."""
    for package in sorted(TEXINPUTS_DIR.glob("*.sty")):
        copy_asset_file(package, outdir, force=True)  # the newest, not a stale copy
    fallback.write_document_chars(app, outdir)


def latex_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """After ``-b latex``: :func:`finish_latex`, and latexmk reports LaTeX's log."""
    if exception is None and app.builder.format == "latex":
        finish_latex(app, Path(app.builder.outdir))
        texlog.add_to_latexmkrc(app, exception)


class _WebsiteRun:
    """latexmk for the website, its failures as :class:`PdfFailed`."""

    def __init__(self, tex: Path) -> None:
        self.latex = LatexRun(tex)

    def wait(self, timeout: float) -> Path:
        log = self.latex.output
        try:
            return self.latex.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PdfFailed(f"it took over {timeout:.0f} s and was stopped; see {log}") from None
        except subprocess.CalledProcessError as error:
            raise PdfFailed(f"LaTeX stopped (exit {error.returncode}); see {log}") from None

    def stop(self) -> None:
        self.latex.stop()


class LatexEngine:
    """``cv_pdf_engine = "latex"``: the website's PDFs through LaTeX (see :mod:`..site`)."""

    builder = "latex"

    def missing(self, app: Sphinx) -> str | None:
        missing = missing_tools()
        if not missing:
            return None
        return (
            f"{' and '.join(missing)} not installed. Install TeX Live (Debian: latexmk "
            "texlive-xetex texlive-latex-extra fonts-texgyre), or set cv_pdf_engine = 'typst'"
        )

    def pdf_name(self, app: Sphinx) -> str:
        if is_set_by_user(app.config, "latex_documents"):
            return Path(app.config.latex_documents[0][1]).with_suffix(".pdf").name
        return pdf_filename(app, app.config)

    def configure(self, app: Sphinx, version: Any) -> dict[str, Any]:
        config = app.config
        start, _, *rest = config.latex_documents[0]
        tex = Path(version.pdf_name).with_suffix(".tex").name
        values: dict[str, Any] = {
            "latex_documents": [(start, tex, *rest), *config.latex_documents[1:]]
        }
        if "paper" in version.settings:
            paper = settings.paper_option(version.settings["paper"])
            values["latex_elements"] = {**config.latex_elements, "papersize": paper}
        return values

    def write(self, app: Sphinx, builder: Builder, outdir: Path) -> Path:
        builder.prepare_writing(set(app.env.found_docs))
        builder.copy_assets()
        builder.write_documents(set())
        builder.finish()
        finish_latex(app, outdir)
        return outdir / app.config.latex_documents[0][1]

    def is_input(self, path: Path) -> bool:
        return path.suffix in {".tex", ".sty", ".cls", ".def", ".png", ".jpg", ".jpeg"}

    def options(self, app: Sphinx) -> str:
        return ""  # latexmkrc and the .tex say everything

    def start(self, app: Sphinx, source: Path) -> _WebsiteRun:
        return _WebsiteRun(source)


def package_files() -> list[Path]:
    """The files of this package the PDF's look depends on."""
    return sorted(TEXINPUTS_DIR.glob("*.sty"))


def setup(app: Sphinx) -> None:
    """Register the LaTeX writers, the packages, the settings and the engine."""
    for node in (*ALL_NODES, *PUBLICATION_NODES):
        app.add_node(node, override=True, latex=HANDLERS[node.__name__])
    app.add_latex_package("sphinxcv", after_hyperref=True)
    app.add_latex_package("sphinxcvpubs")
    app.connect("build-finished", latex_build_finished)
    settings.setup(app)
    fallback.setup(app)
    rtl.setup(app)
    ENGINES["latex"] = LatexEngine()
