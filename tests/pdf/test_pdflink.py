"""The website offers the PDF: a link on the home page and the file beside it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import require_tool
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.pdf.compile import TOOLS

WITH_PDF = {"cv_pdf_link": True}

PDF = "nguyen-van-lukasz-cv.pdf"  # the author "Nguyễn Văn Łukasz", transliterated


@pytest.fixture
def no_tex(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A PATH without latexmk and xelatex (request it before ``app``)."""
    monkeypatch.setenv("PATH", str(tmp_path))


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
