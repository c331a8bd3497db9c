"""``cv_home_page``: the page with the download line, the section cards and the JSON-LD.

By default the root page; another page for a CV inside a larger site; "" for a
site that only shows CV examples (sphinx-cv's guide). Built from
``tests/roots/test-landing``, whose home page has all three.
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, build_app, warning_lines


def build(tmp_path_factory, **confoverrides):
    srcdir = tmp_path_factory.mktemp("home") / "src"
    shutil.copytree(TESTS_DIR / "roots" / "test-landing", srcdir)
    return build_app("html", srcdir, cv_pdf_link=False, **confoverrides)


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def home_parts(soup: BeautifulSoup) -> dict[str, bool]:
    return {
        "download line": bool(soup.select("article .cv-downloads a")),
        "section cards": bool(soup.select("article ul.cv-sections")),
        "JSON-LD": bool(soup.find("script", type="application/ld+json")),
    }


ALL = {"download line": True, "section cards": True, "JSON-LD": True}
NONE = dict.fromkeys(ALL, False)


@pytest.fixture(scope="module")
def no_home(tmp_path_factory):
    return build(tmp_path_factory, cv_home_page="")


@pytest.fixture(scope="module")
def another_home(tmp_path_factory):
    return build(tmp_path_factory, cv_home_page="service")


def test_by_default_the_root_page_is_the_home_page(tmp_path_factory):
    app = build(tmp_path_factory)
    assert home_parts(page(app, "index")) == ALL


def test_no_home_page_leaves_every_page_as_written(no_home):
    assert warning_lines(no_home) == []
    for name in ("index", "service", "experience"):
        assert home_parts(page(no_home, name)) == NONE, name
    # The toctree stays a list of links; the profile and its page are still shown.
    index = page(no_home, "index")
    assert index.select("article .toctree-wrapper a[href='experience.html']")
    assert index.select_one("article .cv-profile")


def test_another_page_is_the_home_page(another_home):
    assert warning_lines(another_home) == []
    assert home_parts(page(another_home, "index")) == NONE
    service = page(another_home, "service")
    assert home_parts(service)["download line"]
    assert home_parts(service)["JSON-LD"]
    link = service.select_one("article .cv-downloads a.cv-download-resume")
    assert link["href"] == "resume.json"


def test_a_home_page_that_is_no_page_is_a_warning(tmp_path_factory):
    app = build(tmp_path_factory, cv_home_page="nowhere")
    (line,) = warning_lines(app)
    assert "cv_home_page = 'nowhere' is no page of the project" in line
    assert "accepted is a page's name without its suffix" in line
    assert line.endswith("[cv.config]")
