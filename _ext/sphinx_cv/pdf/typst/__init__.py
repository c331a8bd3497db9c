"""The PDF through Typst: tagged (PDF/UA-1), compiled in this process, no TeX needed.

The default engine (``cv_pdf_engine = "typst"``) of the website's PDFs, and
``sphinx-build -b typst`` (``./cv pdf``). The ``typst`` package is the compiler,
inside its wheel; the template and TeX Gyre Pagella come with sphinx-cv, so
nothing is downloaded and nothing but pip is needed.

- ``builder``: the CV assembled into one ``.typ`` file, and its compile;
- ``translator``: docutils' nodes as Typst markup;
- ``writers``: the CV's nodes as calls of ``template/sphinxcv.typ`` (the look);
- ``markup``: the escaping every text and value goes through;
- ``compile``: the PDF, its PDF/UA-1 check and its problems as warnings;
- ``fonts``: the shipped fonts, and the CJK fonts a language needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder

from ...publications.nodes import PUBLICATION_NODES
from ...source.nodes import ALL_NODES
from ..site import ENGINES, PdfFailed
from . import fonts
from .builder import TEMPLATE, TypstBuilder, report
from .compile import TypstRun
from .writers import HANDLERS


class _WebsiteRun:
    """A compile for the website: its problems reported when it is waited for."""

    def __init__(self, app: Sphinx, source: Path, doctree: Any, env: Any) -> None:
        self.name = source.with_suffix(".pdf").name
        self.config = app.config
        self.run = TypstRun(
            source,
            source.with_suffix(".pdf"),
            lambda char: _locate(doctree, char, env),
            app.config.cv_pdf_system_fonts,
            not fonts.cjk_family(app.config.language),
        )

    def wait(self, timeout: float) -> Path:
        result = self.run.wait(timeout)
        if result.pdf is None:
            raise PdfFailed(f"Typst: {result.error}")
        report(result, lambda char: None, self.name, self.config)
        return result.pdf

    def stop(self) -> None:
        self.run.stop()


def _locate(doctree: Any, char: str, env: Any) -> str | None:
    from .builder import locate

    return locate(doctree, char, env) if doctree is not None else None


class TypstEngine:
    """``cv_pdf_engine = "typst"``: the website's PDFs through Typst (see :mod:`..site`)."""

    builder = "typst"

    def __init__(self) -> None:
        #: The doctree each written source was made from (to say where a character is).
        self.doctrees: dict[Path, Any] = {}

    def missing(self, app: Sphinx) -> str | None:
        try:
            import typst  # noqa: F401
        except ImportError:
            return "the Python package typst is not installed (pip install typst)"
        return None

    def pdf_name(self, app: Sphinx) -> str:
        from ..names import pdf_filename

        return pdf_filename(app, app.config)

    def configure(self, app: Sphinx, version: Any) -> dict[str, Any]:
        return {}  # the builder reads the version's settings itself

    def write(self, app: Sphinx, builder: Builder, outdir: Path) -> Path:
        builder.write_documents(set())
        self.doctrees[builder.source] = (builder.doctree, builder.env)
        return builder.source

    def is_input(self, path: Path) -> bool:
        return path.suffix not in {".pdf", ".part"}

    def options(self, app: Sphinx) -> str:
        return f"system fonts: {app.config.cv_pdf_system_fonts}"

    def start(self, app: Sphinx, source: Path) -> _WebsiteRun:
        return _WebsiteRun(app, source, *self.doctrees.pop(source, (None, None)))


def package_files() -> list[Path]:
    """The files of this package the PDF's look depends on."""
    return [TEMPLATE, *sorted(fonts.FONTS_DIR.glob("*.otf"))]


def setup(app: Sphinx) -> None:
    """Register the builder, the writers of the CV's nodes and the engine."""
    app.add_builder(TypstBuilder)
    # False: the shipped fonts and Typst's own alone, the same PDF on every machine.
    app.add_config_value("cv_pdf_system_fonts", True, "env", types=(bool,))
    for node in (*ALL_NODES, *PUBLICATION_NODES):
        app.add_node(node, override=True, typst=HANDLERS[node.__name__])
    ENGINES["typst"] = TypstEngine()
