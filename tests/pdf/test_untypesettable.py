"""A bib field never stops the PDF: a formula LaTeX cannot typeset is text, with a warning.

tests/roots/test-pubs-latex has ten entries; eight hold a formula xelatex would stop
on (a ``&``, an unknown command, a missing argument, a double superscript, an
unclosed ``\\left``, a script in ``\\text``, a line break, a ``#``), two are good. The
PDF is compiled for real (``-halt-on-error``, as ``sphinx-build -M latexpdf`` does):
every entry prints, and each bad formula is a warning at its line in the ``.bib``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import build_app, compile_pdf, require_tool, warning_lines

from sphinx_cv.pdf.latex.compile import TOOLS

BAD = {
    "One": "it holds '&', which LaTeX reads as markup",
    "Three": "LaTeX has no math command \\foo",
    "Four": "a command or script lacks its argument",
    "Five": "it has a double superscript",
    "Six": "a \\left has no \\right",
    "Seven": "_ is written in text",
    "Eight": "LaTeX has no math command \\\\",
    "Ten": "it holds '#', which LaTeX reads as markup",
}


@pytest.fixture(scope="module")
def latex(rootdir, tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("pubs-latex") / "src"
    shutil.copytree(rootdir / "test-pubs-latex", srcdir)
    return build_app("latex", srcdir, cv_pdf_link=False)


def test_each_bad_formula_is_a_warning_at_its_line(latex):
    bib = Path(latex.srcdir) / "refs.bib"
    lines = bib.read_text(encoding="utf-8").splitlines()
    warnings = warning_lines(latex)
    for word, reason in BAD.items():
        line = next(n for n, text in enumerate(lines, 1) if f"{{{word}:" in text)
        [warning] = [w for w in warnings if w.startswith(f"{bib}:{line}: WARNING: title: ")]
        assert "LaTeX cannot typeset the formula" in warning
        assert reason in warning
        assert "the PDF shows it as text, and the rest of the CV prints" in warning
    assert len([w for w in warnings if "LaTeX cannot typeset" in w]) == len(BAD), warnings
    # The good formulas typeset; one of them (a cube root) is code on the website.
    assert len(warnings) == len(BAD) + 1


def test_the_good_formulas_are_typeset_the_bad_ones_written(latex):
    tex = (Path(latex.outdir) / "minhak-song-cv.tex").read_text(encoding="utf-8")
    assert r"\ensuremath{_2}" in tex
    assert r"\ensuremath{_{\odot}}" in tex
    assert r"\ensuremath{\alpha_{\rm eff} \lesssim 3}" in tex
    assert r"\ensuremath{\sqrt[3]{x}}" in tex
    assert r"\ensuremath{_{a & b}}" not in tex
    assert r"\ensuremath{\foo{x}}" not in tex


@pytest.mark.latex
def test_every_entry_prints_in_the_pdf(latex):
    require_tool(*TOOLS, "pdftotext")
    pdf = compile_pdf(Path(latex.outdir) / "minhak-song-cv.tex")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    words = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
    positions = [flat.index(f"“{word}:") for word in words]
    assert positions == sorted(positions)  # all ten, newest first
    assert re.search(r"\[1\] “Ten:", flat)
    # The bad formulas as their text (the website's form), the good ones typeset.
    assert "the \\foo{x} function" in flat or "the $\\foo{x}$ function" in flat
