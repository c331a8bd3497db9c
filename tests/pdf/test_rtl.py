"""Right-to-left phrases in the PDF: an Arabic or Hebrew phrase reads in its own word order.

XeTeX shapes each Arabic or Hebrew word right to left but, left alone, sets the
words of a phrase left to right; ``pdf.rtl`` wraps each phrase in ``\\cvrtl``
(TeX--XeT). pdftotext gives a phrase back in reading order only when it is
set right to left (its reading order: not ``-raw``, which keeps the order the
glyphs are drawn in).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_app, require_tool, warning_lines
from sphinx.testing.util import SphinxTestApp
from test_pdf import build_and_compile, run

from sphinx_cv.pdf.latex.rtl import rtl_parts

CONF = 'project = author = "Layla Haddad"\nextensions = ["myst_parser", "sphinx_cv"]\n'
INDEX = """\
# Layla Haddad

:::{profile} Layla Haddad
:email: layla@example.org
:::

## Awards

:::{award} جائزة التميز العلمي
:date: 2021

Awarded for the thesis «الفيزياء الحديثة» in 2021; code: `مرحبا بكم`.
:::

:::{timeline} האוניברסיטה העברית בירושלים
:date: 2018 -- 2020
:role: Visiting student

- Course: שלום עולם יפה and 3 more.
:::
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text(INDEX, encoding="utf-8")
    return srcdir


def test_a_phrase_is_one_run_digits_and_latin_outside():
    assert rtl_parts("Prize: جائزة التميز العلمي 2021.") == [
        ("Prize: ", False),
        ("جائزة التميز العلمي", True),
        (" 2021.", False),
    ]
    # Arabic-Indic digits stay outside too: TeX--XeT would reverse them.
    assert rtl_parts("الفصل ٣") == [("الفصل", True), (" ٣", False)]
    assert rtl_parts("no right-to-left text") == [("no right-to-left text", False)]


def test_the_latex_wraps_each_phrase(project: Path, tmp_path: Path):
    app = SphinxTestApp("latex", srcdir=project, builddir=tmp_path / "build")
    try:
        app.build()
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    finally:
        app.cleanup()
    assert "\\cvheader{\\cvrtl{جائزة التميز العلمي}}{2021}" in tex
    assert "thesis «\\cvrtl{الفيزياء الحديثة}» in 2021" in tex
    assert "Course: \\cvrtl{שלום עולם יפה} and 3 more." in tex
    assert "\\sphinxupquote{\\cvrtl{مرحبا بكم}}" in tex  # inline code too


@pytest.mark.latex
def test_the_pdf_reads_each_phrase_in_order(project: Path, tmp_path: Path):
    pdf, warnings = build_and_compile(project, tmp_path / "build")
    # Reading order, without the direction marks pdftotext puts around each phrase.
    marks = dict.fromkeys(range(0x202A, 0x202F))
    text = " ".join(run("pdftotext", "-enc", "UTF-8", pdf, "-").translate(marks).split())
    for phrase in ("جائزة التميز العلمي", "الفيزياء الحديثة", "مرحبا بكم", "שלום עולם יפה"):
        assert phrase in text, (phrase, text)
    assert "العلمي التميز جائزة" not in text  # the words left to right: the old order
    assert "Missing character" not in warnings


@pytest.fixture
def harder(project: Path) -> Path:
    """The project with an Arabic name, a phrase holding a bold word, and a bib title with
    braces: each was set in the wrong word order in the LaTeX PDF."""
    index = project / "index.md"
    text = index.read_text(encoding="utf-8").replace("Layla Haddad", "ليلى حداد")
    text += "\nA phrase with a **مهم جدا** word: قال **مهم** جدا هنا.\n"
    text += "\n```{bibliography}\n:all:\n```\n"
    index.write_text(text, encoding="utf-8")
    (project / "refs.bib").write_text(
        "@article{a, author = {ليلى حداد}, title = {{الفيزياء} الحديثة اليوم},"
        " journal = {مجلة العلوم}, year = {2020}}\n",
        encoding="utf-8",
    )
    conf = project / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        .replace('"sphinx_cv"]', '"sphinxcontrib.bibtex", "sphinx_cv"]')
        .replace('"Layla Haddad"', '"ليلى حداد"')
        + 'bibtex_bibfiles = ["refs.bib"]\n',
        encoding="utf-8",
    )
    return project


HARDER = (
    "جائزة التميز العلمي",
    "الفيزياء الحديثة",
    "שלום עולם יפה",
    "ليلى حداد",
    "قال مهم جدا هنا",
    "الفيزياء الحديثة اليوم",
    "مجلة العلوم",
)


@pytest.mark.latex
def test_the_latex_pdf_reads_names_bold_words_and_braces_in_order(harder: Path, tmp_path: Path):
    pdf, warnings = build_and_compile(harder, tmp_path / "build")
    assert "Missing character" not in warnings
    marks = dict.fromkeys(range(0x202A, 0x202F))
    text = " ".join(run("pdftotext", "-enc", "UTF-8", pdf, "-").translate(marks).split())
    for phrase in HARDER:
        assert phrase in text, (phrase, text)


def test_the_typst_pdf_reads_each_phrase_in_order(harder: Path, tmp_path: Path):
    """Typst applies the bidirectional algorithm itself: no node, no macro; the same text.
    A name, a phrase holding a bold word and a bib title with braces read in order too."""
    require_tool("pdftotext")
    project = harder
    app = build_app("typst", project)
    typ = next(Path(app.outdir).glob("*.typ")).read_text(encoding="utf-8")
    assert "title: [جائزة التميز العلمي]" in typ  # as written, unwrapped
    (pdf,) = Path(app.outdir).glob("*.pdf")
    marks = dict.fromkeys(range(0x202A, 0x202F))
    text = " ".join(run("pdftotext", "-enc", "UTF-8", pdf, "-").translate(marks).split())
    for phrase in HARDER:
        assert phrase in text, (phrase, text)
    assert "العلمي التميز جائزة" not in text
    assert warning_lines(app) == []
