"""What LaTeX only writes in its log reaches the user as a warning at its place in the CV.

tests/roots/test-pdf-texlog has a title of one 225-letter word (wider than the
page) and an Egyptian hieroglyph that no font of the PDF has.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import require_tool
from sphinx.util.console import strip_colors
from test_pdf import ROOTS, build_and_compile, text_of

from sphinx_cv.pdf.latex.compile import TOOLS

#: The overfull title, at its line; the width depends on the font: 628.3pt with Pagella.
OVERFULL = re.compile(
    r"entries\.md:10: WARNING: the PDF has a line \d+\.\dpt wider than the text, cut off at "
    r"the margin: 'PneumonoultramicroscopicsilicovolcanoconiosisPneum"
)
OVERFULL_END = "break it with a space, or shorten the word or link [cv.latex]"
MISSING = (
    "entries.md:7: WARNING: no font prints '𓀀' (U+13000 EGYPTIAN HIEROGLYPH A001) in the PDF: "
    "it shows as a box (LaTeX: Missing character in texgyrepagella-regular.otf)"
)


def copy_root(root: Path) -> Path:
    shutil.copytree(ROOTS / "test-pdf-texlog", root / "src")
    return root / "src"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The PDF as the tests and the website compile it (compile_tex), and the warnings."""
    root = tmp_path_factory.mktemp("texlog")
    pdf, warnings = build_and_compile(copy_root(root), root / "_build")
    return pdf, [line for line in strip_colors(warnings).splitlines() if "[cv.latex]" in line]


@pytest.mark.latex
def test_overfull_line_is_a_warning_at_its_entry(compiled: tuple[Path, list[str]]) -> None:
    pdf, warnings = compiled
    (overfull,) = [line for line in warnings if "wider than the text" in line]
    assert OVERFULL.search(overfull)
    assert overfull.endswith(OVERFULL_END)
    assert str(pdf.parent.parent.parent / "src" / "entries.md") in overfull


@pytest.mark.latex
def test_missing_character_is_a_warning_at_its_line(compiled: tuple[Path, list[str]]) -> None:
    pdf, warnings = compiled
    (missing,) = [line for line in warnings if "no font prints" in line]
    assert MISSING in missing
    # The rest of the line prints; the hieroglyph is a box (pdftotext: U+FFFD).
    assert "Catalogued the seal \ufffd of the Old Kingdom" in text_of(pdf)


@pytest.mark.latex
def test_sphinx_build_latexpdf_prints_the_same_warnings(tmp_path: Path) -> None:
    """-M latexpdf runs latexmk after Sphinx ends: the latexmkrc Sphinx writes reports."""
    require_tool(*TOOLS)
    env = {key: value for key, value in os.environ.items() if key != "SPHINX_CV_NO_TEXLOG"}
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-M",
        "latexpdf",
        copy_root(tmp_path),
        tmp_path / "out",
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    output = strip_colors(result.stdout + result.stderr)
    assert OVERFULL.search(output)
    assert MISSING in output


def test_a_language_without_its_patterns_is_a_warning_that_names_the_package(tmp_path):
    """polyglossia's and babel's words in a log (as TeX Live without texlive-lang-german
    writes them) become one warning each, naming what to install."""
    from sphinx_cv.pdf.latex.texlog import problems

    tex, log = tmp_path / "cv.tex", tmp_path / "cv.log"
    tex.write_text("\\documentclass{article}\n", encoding="utf-8")
    log.write_text(
        "Package polyglossia Warning: No hyphenation patterns were loaded for `german'\n"
        "Package babel Warning: No hyphenation patterns were preloaded for\n"
        "(babel)                the language `German' into the format.\n"
        "Package polyglossia Warning: No hyphenation patterns were loaded for `german'\n",
        encoding="utf-8",
    )
    found = problems(log, tex)
    assert [problem.location for problem in found] == [f"{tex}:1", f"{tex}:1"]
    assert found[0].message == (
        "the PDF's german text is set without its hyphenation patterns, which TeX Live lacks "
        "here: long words are not hyphenated; install texlive-lang-german"
    )
