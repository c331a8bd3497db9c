"""``sphinx-build -b typst``: the whole CV as one ``.typ`` file, compiled to a PDF.

As Sphinx's LaTeX builder does, the root page and every page its toctree
includes are assembled into one doctree (a version leaves out what it
excludes), written by :class:`.translator.TypstTranslator` and the CV's writers,
and saved with the template and the images beside it. :meth:`TypstBuilder.finish`
compiles it (the website compiles its own copy in the background, see
:mod:`..site`).
"""

from __future__ import annotations

import shutil
from collections.abc import Set
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.nodes import inline_all_toctrees
from sphinx.util.osutil import ensuredir

from ... import model
from ...i18n import _
from ...source.config import warn_at
from ...source.versions import configured_version, version, version_name, versions
from ..languages import is_cjk, is_hyphenated, language_tag
from ..names import paper_size, pdf_filename, version_filename
from . import fonts
from .compile import Result, compile_typst
from .markup import string_literal
from .translator import TypstTranslator

logger = logging.getLogger(__name__)

TEMPLATE = Path(__file__).parent / "template" / "sphinxcv.typ"
#: Typst's names of the paper sizes of :data:`..names.PAPER_SIZES`.
PAPERS = {"a4": "a4", "letter": "us-letter"}


class TypstBuilder(Builder):
    """The CV as a ``.typ`` file and its PDF (tagged, PDF/UA-1)."""

    name = "typst"
    format = "typst"
    epilog = __("The PDF is in %(outdir)s.")
    default_translator_class = TypstTranslator
    supported_image_types: ClassVar[list[str]] = [
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/svg+xml",
        "image/webp",
    ]
    supported_remote_images = False

    def init(self) -> None:
        self.source: Path | None = None
        self.doctree: nodes.document | None = None

    def get_outdated_docs(self) -> str:
        return "all documents"  # one PDF of every page

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""  # links inside the CV print as their text

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_documents(self, docnames: Set[str]) -> None:
        self.source = self.write_typst()

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass  # the pages are written together by write_documents

    def pdf_name(self) -> str:
        """This version's PDF file name: ``minhak-song-cv.pdf``, ``minhak-song-resume.pdf``."""
        config = self.config
        first = next(iter(versions(config)))
        return version_filename(pdf_filename(self._app, config), version_name(self.env), first)

    def assemble_doctree(self) -> nodes.document:
        """The root page with every page of its toctree in place, references resolved."""
        root = self.config.root_doc
        tree = self.env.get_doctree(root)
        tree["docname"] = root
        largetree = inline_all_toctrees(self, {root}, root, tree, lambda text: text, [root])
        largetree["docname"] = root
        self.env.resolve_references(largetree, root, self)
        # A reference to a page left out (another version's) prints as its text.
        for pending in list(largetree.findall(addnodes.pending_xref)):
            pending.replace_self(pending.children or nodes.Text(pending.astext()))
        return largetree

    def write_typst(self) -> Path:
        """Write ``NAME.typ``, the template and the images into the output folder."""
        outdir = Path(self.outdir)
        ensuredir(outdir)
        doctree = self.assemble_doctree()
        self.post_process_images(doctree)
        translator = self.create_translator(doctree, self)
        doctree.walkabout(translator)
        source = outdir / Path(self.pdf_name()).with_suffix(".typ").name
        text = self.preamble() + "\n// body\n" + translator.astext()
        if not source.is_file() or source.read_text(encoding="utf-8") != text:
            source.write_text(text, encoding="utf-8")
        shutil.copyfile(TEMPLATE, outdir / TEMPLATE.name)
        self.copy_images(outdir)
        self.doctree = doctree
        check_cjk_font(self._app, self.config)
        return source

    def preamble(self) -> str:
        """The import of the template and the document's settings, from conf.py and the version."""
        config, env = self.config, self.env
        settings = version(env)
        owner = model.profile(env)
        name = owner.name if owner else (config.author or config.project)
        main = version_name(env) == configured_version(config) and not settings.get("title")
        label = _("Curriculum vitae") if main else settings.get("title") or version_name(env)
        lang, region = language_tag(config.language)
        paper = paper_size(settings.get("paper", "")) or paper_size(config.cv_paper_size) or "a4"
        arguments = {
            "title": string_literal(f"{name} – {label}"),
            "author": string_literal(name),
            "subject": string_literal(_("Curriculum vitae")),
            "lang": string_literal(lang),
            "region": string_literal(region) if region else "none",
            "paper": string_literal(PAPERS[paper]),
            "fonts": _array(fonts.families(config.language, config.cv_pdf_system_fonts)),
            "hyphenate": "true" if is_hyphenated(config.language) else "false",
        }
        shown = ",\n  ".join(f"{key}: {value}" for key, value in arguments.items())
        return f'#import "{TEMPLATE.name}": *\n#show: cv-document.with(\n  {shown},\n)\n'

    def copy_images(self, outdir: Path) -> None:
        """The pages' images (the photo) beside the ``.typ``, under the names it uses."""
        for source, dest in self.images.items():
            target = outdir / dest
            ensuredir(target.parent)
            shutil.copyfile(Path(self.srcdir) / source, target)

    def finish(self) -> None:
        """Compile the ``.typ`` to the PDF (``-b typst``), with its problems as warnings."""
        if self.source is None:
            return
        pdf = self.source.with_suffix(".pdf")
        config = self.config
        result = compile_typst(
            self.source, pdf, config.cv_pdf_system_fonts, not fonts.cjk_family(config.language)
        )
        report(result, self.locate, pdf.name, self.config)
        if result.pdf is not None:
            logger.info(__("the PDF is %s"), result.pdf)

    def locate(self, char: str) -> str | None:
        """Where the CV writes ``char``: see :func:`locate`."""
        return locate(self.doctree, char, self.env) if self.doctree is not None else None


def check_cjk_font(app: Any, config: Any) -> None:
    """A warning, once per build, when the CV's language needs a CJK font that is missing."""
    family = fonts.missing_cjk_font(config.language, config.cv_pdf_system_fonts)
    if family is None or getattr(app, "_cv_cjk_warned", False):
        return
    app._cv_cjk_warned = True
    warn_at(
        app,
        "language",
        f"the PDF's text in {config.language!r} needs the font {family}, which is not "
        f"installed: install {fonts.CJK_PACKAGE}",
    )


def report(result: Result, locate: Any, name: str, config: Any) -> None:
    """Warn about what the compile reports (a character no font has, at its place)."""
    cjk_missing = fonts.missing_cjk_font(config.language, config.cv_pdf_system_fonts)
    for problem in result.problems:
        if problem.character:
            char = problem.character
            if cjk_missing and is_cjk(ord(char)):
                continue  # said once, with the font to install (check_cjk_font)
            location = problem.location or locate(char)
            logger.warning(
                "no font prints %r (U+%04X %s) in the PDF %s: it shows as a box, and the PDF "
                "is written without its PDF/UA-1 declaration; write it differently, or install "
                "a font that has it (Typst looks in the system's fonts)",
                char,
                ord(char),
                _unicode_name(char),
                name,
                location=location,
                type="cv",
                subtype="typst",
            )
        else:
            logger.warning("%s", problem.message, type="cv", subtype="typst")
    if result.pdf is None:
        logger.warning(
            "the PDF %s could not be built: %s", name, result.error, type="cv", subtype="typst"
        )


def locate(doctree: nodes.Node, char: str, env: Any) -> str | None:
    """``FILE:LINE`` of the first place the CV writes ``char``: the nearest element with a
    source line, and for a publication the line of its ``.bib`` file that holds it."""
    from ...publications.nodes import cv_publication

    for node in doctree.findall(nodes.Text):
        if char not in node:
            continue
        parent = node.parent
        while parent is not None and not (parent.source and parent.line):
            if isinstance(parent, cv_publication):
                found = _bib_line(env, char)
                if found:
                    return found
            parent = parent.parent
        if parent is not None:
            return f"{parent.source}:{parent.line}"
    return None


def _bib_line(env: Any, char: str) -> str | None:
    for bib in getattr(env.config, "bibtex_bibfiles", []):
        path = (Path(env.srcdir) / bib).resolve()
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, 1):
            if char in line:
                return f"{path}:{number}"
    return None


def _unicode_name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "unnamed character")


def _array(values: list[str]) -> str:
    return "(" + "".join(f"{string_literal(value)}, " for value in values) + ")"
