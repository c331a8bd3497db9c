"""The website offers the PDF: a link on the home page and the file beside it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import require_tool
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from sphinx_cv.pdf.compile import TOOLS

WITH_PDF = {"cv_pdf_link": True}

PDF = "nguyen-van-lukasz-cv.pdf"  # the author "Nguyễn Văn Łukasz", transliterated


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


@pytest.mark.sphinx("html", testroot="pdf-special", srcdir="pdf-link-html", confoverrides=WITH_PDF)
def test_website_links_the_pdf_it_built(app: SphinxTestApp) -> None:
    require_tool(*TOOLS, "pdftotext")
    app.build()
    outdir = Path(app.outdir)
    assert pdf_links(outdir / "index.html") == [PDF]
    assert pdf_links(outdir / "entries.html") == []
    text = subprocess.run(
        ["pdftotext", outdir / PDF, "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Nguyễn Văn Łukasz" in text
    # The link sits under the name and contacts.
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("p.cv-downloads")
    assert link.find_previous(class_="cv-profile") is not None
    assert "WARNING" not in app.warning.getvalue()


@pytest.mark.sphinx(
    "dirhtml", testroot="pdf-special", srcdir="pdf-link-dirhtml", confoverrides=WITH_PDF
)
def test_dirhtml_links_the_pdf_from_the_root(app: SphinxTestApp) -> None:
    require_tool(*TOOLS)
    app.build()
    assert pdf_links(Path(app.outdir) / "index.html") == [PDF]
    assert (Path(app.outdir) / PDF).is_file()


@pytest.mark.sphinx("html", testroot="pdf-special", srcdir="pdf-link-notex", confoverrides=WITH_PDF)
def test_without_tex_the_website_builds_and_says_why(no_tex: None, app: SphinxTestApp) -> None:
    app.build()
    assert app.statuscode == 0
    warnings = app.warning.getvalue()
    assert "the website is built without its PDF: latexmk and xelatex not installed" in warnings
    assert "cv_pdf_link = False" in warnings
    assert (Path(app.outdir) / "index.html").is_file()
    assert pdf_links(Path(app.outdir) / "index.html") == []
    assert not (Path(app.outdir) / PDF).exists()


@pytest.mark.sphinx("html", testroot="pdf-special", srcdir="pdf-link-off")
def test_cv_pdf_link_false_builds_the_website_alone(app: SphinxTestApp) -> None:
    app.build()  # conftest sets cv_pdf_link = False for test apps
    assert pdf_links(Path(app.outdir) / "index.html") == []
    assert not (Path(app.outdir) / PDF).exists()
    assert "PDF" not in app.warning.getvalue()


def test_pdf_is_redone_only_when_what_it_shows_changed(make_app, rootdir, tmp_path):
    """A build that reads no page writes no LaTeX and runs no latexmk; an edit does both."""
    require_tool(*TOOLS, "pdftotext")
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-pdf-special", srcdir)
    builddir = tmp_path / "build"

    def build():
        # A new list each time: the theme extends templates_path in place.
        overrides = {**WITH_PDF, "templates_path": []}
        app = make_app("html", srcdir=srcdir, builddir=builddir, confoverrides=overrides)
        try:
            app.build()
        finally:
            app.cleanup()  # undo the global registrations, for the next app
        assert "PDF" not in app.warning.getvalue()
        latex = Path(app.doctreedir) / "sphinx_cv_pdf" / "latex"
        tex = (latex / PDF).with_suffix(".tex")
        return Path(app.outdir), tex, tex.with_suffix(".latexmk.out")

    outdir, tex, latexmk = build()
    written, compiled = tex.stat().st_mtime_ns, latexmk.stat().st_mtime_ns
    (outdir / PDF).unlink()

    outdir, tex, latexmk = build()
    assert (tex.stat().st_mtime_ns, latexmk.stat().st_mtime_ns) == (written, compiled)
    assert "Wróbel" in pdf_text(outdir / PDF)  # the kept PDF, copied into the site

    entries = srcdir / "entries.md"
    entries.write_text(
        entries.read_text(encoding="utf-8").replace("Wróbel", "Wróblewski"), encoding="utf-8"
    )
    outdir, tex, latexmk = build()
    assert latexmk.stat().st_mtime_ns != compiled
    assert "Wróblewski" in pdf_text(outdir / PDF)
    assert pdf_links(outdir / "index.html") == [PDF]


def test_warnings_of_the_pdf_are_shown_once(make_app, rootdir, tmp_path):
    """What only the LaTeX write finds is shown; what both writers find, once."""
    require_tool(*TOOLS)
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-pdf-special", srcdir)
    index = srcdir / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\nSee {ref}`label-nowhere`.\n\n```{only} latex\nSee {ref}`label-latex-only`.\n```\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, confoverrides=WITH_PDF)
    try:
        app.build()
    finally:
        app.cleanup()
    lines = [
        line for line in strip_colors(app.warning.getvalue()).splitlines() if "undefined" in line
    ]
    assert len(lines) == 2, lines
    assert "label-nowhere" in lines[0]
    assert "label-latex-only" in lines[1]
    assert all(f"{index}:" in line for line in lines)
