"""The website offers the PDF: a link on the home page and the file beside it, either engine."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import require_tool
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from sphinx_cv.pdf.latex.compile import TOOLS

WITH_PDF = {"cv_pdf_link": True}
WITH_LATEX = {**WITH_PDF, "cv_pdf_engine": "latex"}

PDF = "nguyen-van-lukasz-cv.pdf"  # the author "Nguyễn Văn Łukasz", transliterated

#: What each engine needs on the machine, and the files its compile reads and writes.
ENGINES = {
    "typst": {"tools": (), "source": ".typ", "compiled": ".pdf"},
    "latex": {"tools": TOOLS, "source": ".tex", "compiled": ".latexmk.out"},
}
#: Each engine as a test parameter; the LaTeX one needs TeX.
ENGINE_PARAMS = ["typst", pytest.param("latex", marks=pytest.mark.latex)]


@pytest.fixture
def no_tex(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH without latexmk and xelatex (request it before ``app``)."""
    monkeypatch.setenv("PATH", str(tmp_path))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [a["href"] for a in soup.select("p.cv-downloads a.cv-download-pdf")]


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_website_links_the_pdf_it_built(make_app, rootdir, tmp_path, engine: str) -> None:
    require_tool(*ENGINES[engine]["tools"], "pdftotext")
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-pdf-special", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={**WITH_PDF, "cv_pdf_engine": engine})
    app.build()
    outdir = Path(app.outdir)
    assert pdf_links(outdir / "index.html") == [PDF]
    assert pdf_links(outdir / "entries.html") == []
    assert "Nguyễn Văn Łukasz" in pdf_text(outdir / PDF)
    # The link sits under the name and contacts.
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("p.cv-downloads")
    assert link.find_previous(class_="cv-profile") is not None
    assert "WARNING" not in app.warning.getvalue()


@pytest.mark.sphinx(
    "dirhtml", testroot="pdf-special", srcdir="pdf-link-dirhtml", confoverrides=WITH_PDF
)
def test_dirhtml_links_the_pdf_from_the_root(app: SphinxTestApp) -> None:
    app.build()
    assert pdf_links(Path(app.outdir) / "index.html") == [PDF]
    assert (Path(app.outdir) / PDF).is_file()


@pytest.mark.sphinx("html", testroot="pdf-special", srcdir="pdf-link-notex", confoverrides=WITH_PDF)
def test_without_tex_the_website_has_its_pdf(no_tex: None, app: SphinxTestApp) -> None:
    """Typst, the default engine, is a Python package: no TeX, no program on PATH."""
    app.build()
    assert app.statuscode == 0
    assert "WARNING" not in app.warning.getvalue()
    assert pdf_links(Path(app.outdir) / "index.html") == [PDF]
    assert (Path(app.outdir) / PDF).read_bytes().startswith(b"%PDF-")


@pytest.mark.sphinx(
    "html", testroot="pdf-special", srcdir="pdf-link-latex-notex", confoverrides=WITH_LATEX
)
def test_latex_engine_without_tex_builds_the_website_and_says_why(
    no_tex: None, app: SphinxTestApp
) -> None:
    app.build()
    assert app.statuscode == 0
    warnings = app.warning.getvalue()
    assert "the website is built without its PDF: latexmk and xelatex not installed" in warnings
    assert "cv_pdf_engine = 'typst'" in warnings
    assert "cv_pdf_link = False" in warnings
    assert (Path(app.outdir) / "index.html").is_file()
    assert pdf_links(Path(app.outdir) / "index.html") == []
    assert not (Path(app.outdir) / PDF).exists()


@pytest.mark.sphinx(
    "html",
    testroot="pdf-special",
    srcdir="pdf-link-bad-engine",
    confoverrides={**WITH_PDF, "cv_pdf_engine": "word"},
)
def test_an_unknown_engine_is_a_warning_and_typst_builds(app: SphinxTestApp) -> None:
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    assert (
        "cv_pdf_engine = 'word' is not a PDF engine; accepted are 'typst' and 'latex'; "
        "using 'typst'" in warnings
    )
    assert pdf_links(Path(app.outdir) / "index.html") == [PDF]


@pytest.mark.sphinx("html", testroot="pdf-special", srcdir="pdf-link-off")
def test_cv_pdf_link_false_builds_the_website_alone(app: SphinxTestApp) -> None:
    app.build()  # conftest sets cv_pdf_link = False for test apps
    assert pdf_links(Path(app.outdir) / "index.html") == []
    assert not (Path(app.outdir) / PDF).exists()
    assert "PDF" not in app.warning.getvalue()


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_pdf_is_redone_only_when_what_it_shows_changed(make_app, rootdir, tmp_path, engine):
    """A build that reads no page writes no source and compiles nothing; an edit does both."""
    require_tool(*ENGINES[engine]["tools"], "pdftotext")
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-pdf-special", srcdir)
    builddir = tmp_path / "build"

    def build():
        # A new list each time: the theme extends templates_path in place.
        overrides = {**WITH_PDF, "cv_pdf_engine": engine, "templates_path": []}
        app = make_app("html", srcdir=srcdir, builddir=builddir, confoverrides=overrides)
        try:
            app.build()
        finally:
            app.cleanup()  # undo the global registrations, for the next app
        assert "PDF" not in app.warning.getvalue()
        work = Path(app.doctreedir) / "sphinx_cv_pdf" / engine
        source = work / Path(PDF).with_suffix(ENGINES[engine]["source"])
        compiled = work / Path(PDF).with_suffix(ENGINES[engine]["compiled"])
        return Path(app.outdir), source, compiled

    outdir, source, compiled = build()
    written, done = source.stat().st_mtime_ns, compiled.stat().st_mtime_ns
    (outdir / PDF).unlink()

    outdir, source, compiled = build()
    assert (source.stat().st_mtime_ns, compiled.stat().st_mtime_ns) == (written, done)
    assert "Wróbel" in pdf_text(outdir / PDF)  # the kept PDF, copied into the site

    entries = srcdir / "entries.md"
    entries.write_text(
        entries.read_text(encoding="utf-8").replace("Wróbel", "Wróblewski"), encoding="utf-8"
    )
    outdir, source, compiled = build()
    assert compiled.stat().st_mtime_ns != done
    assert "Wróblewski" in pdf_text(outdir / PDF)
    assert pdf_links(outdir / "index.html") == [PDF]


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_warnings_of_the_pdf_are_shown_once(make_app, rootdir, tmp_path, engine):
    """What only the PDF's write finds is shown; what both writers find, once."""
    require_tool(*ENGINES[engine]["tools"])
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-pdf-special", srcdir)
    index = srcdir / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + f"\nSee {{ref}}`label-nowhere`.\n\n```{{only}} {engine}\n"
        "See {ref}`label-pdf-only`.\n```\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, confoverrides={**WITH_PDF, "cv_pdf_engine": engine})
    try:
        app.build()
    finally:
        app.cleanup()
    lines = [
        line for line in strip_colors(app.warning.getvalue()).splitlines() if "undefined" in line
    ]
    assert len(lines) == 2, lines
    assert "label-nowhere" in lines[0]
    assert "label-pdf-only" in lines[1]
    assert all(f"{index}:" in line for line in lines)


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_a_failed_compile_leaves_no_pdf_in_the_site(make_app, rootdir, tmp_path, engine):
    """The PDF of an earlier build is removed when this build's compile fails, and said."""
    require_tool(*ENGINES[engine]["tools"])
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-pdf-special", srcdir)
    builddir = tmp_path / "build"

    def build(**extra):
        overrides = {**WITH_PDF, "cv_pdf_engine": engine, "templates_path": [], **extra}
        app = make_app("html", srcdir=srcdir, builddir=builddir, confoverrides=overrides)
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    app = build()
    assert (Path(app.outdir) / PDF).is_file()
    # A raw block the engine cannot compile: the PDF fails, the website does not.
    raw = (
        '```{raw} typst\n#panic("stop")\n```'
        if engine == "typst"
        else ("```{raw} latex\n\\undefinedcontrolsequence\n```")
    )
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + f"\n{raw}\n", encoding="utf-8")
    app = build()
    warnings = strip_colors(app.warning.getvalue())
    assert f"the PDF for the website (cv, {PDF}) could not be built" in warnings
    assert "the website is built without it" in warnings
    assert not (Path(app.outdir) / PDF).exists()
    assert pdf_links(Path(app.outdir) / "index.html") == []
