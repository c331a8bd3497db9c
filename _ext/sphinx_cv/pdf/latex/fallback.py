"""Characters the main font lacks print in a fallback font (``texinputs/sphinxcvfallback.sty``).

XeLaTeX cannot ask "which characters does this document use?", so after a
LaTeX build this writes ``sphinxcvchars.def`` beside the ``.tex`` files: every
character beyond ASCII they hold (not a ``.tex``: Sphinx's Makefile compiles
every ``.tex`` file it finds). ``sphinxcvfallback.sty`` reads it and gives
each one the main font lacks to the first fallback font that has it (FreeSerif,
Noto Serif, DejaVu Sans, Noto's symbol and CJK fonts, whichever are installed).
Only those characters change font, so a CV the main font covers looks the same.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..languages import cjk_region, is_cjk

PACKAGE = "sphinxcvfallback"
CHARS_FILE = "sphinxcvchars.def"


def document_chars(texts: list[str]) -> list[int]:
    """The code points beyond ASCII in ``texts``, in order."""
    return sorted({ord(char) for text in texts for char in text if ord(char) > 0x7F})


def write_document_chars(app: Sphinx, outdir: Path) -> None:
    """Write ``sphinxcvchars.def`` beside the ``.tex``: ``\\cvdocumentchars{"00E1,"2082,...}``."""
    texts = [
        (outdir / document[1]).read_text(encoding="utf-8")
        for document in app.config.latex_documents
        if (outdir / document[1]).is_file()
    ]
    chars = document_chars(texts)
    if cjk_region(app.config.language) and app.config.latex_engine == "xelatex":
        # xeCJK prints these with its own character classes, which the fallback's would undo.
        chars = [code for code in chars if not is_cjk(code)]
    codes = ",".join(f'"{code:04X}' for code in chars)
    (outdir / CHARS_FILE).write_text(f"\\cvdocumentchars{{{codes}}}\n", encoding="utf-8")


def setup(app: Sphinx) -> None:
    """Load the package in every LaTeX document (``pdf.finish_latex`` writes its list)."""
    app.add_latex_package(PACKAGE)
