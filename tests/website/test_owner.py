"""The owner is written once: a fork's name and address reach every page, nothing of Minhak stays.

The fork is made as the README's "Make it your own CV" says: Minhak's
``docs/conf.py`` with its first block changed, and the chemist's pages and
``references.bib`` (tests/roots/test-chemist) in place of his.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_DIR, TESTS_DIR, warning_lines
from sphinx.testing.util import SphinxTestApp

NAME = "Ana Cláudia Ribeiro-Søndergaard"
BASE = "https://ribeiro-sondergaard.dk/cv/"
RTD_URL = "https://ana-cv.readthedocs.io/en/latest/"


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


#: README step 2: the values of conf.py's first block a fork changes.
FIRST_BLOCK = {
    "author": NAME,
    "html_baseurl": BASE,
    "repository_url": "https://github.com/acribeiro-sondergaard/sphinx-cv",
}


def make_fork(root: Path) -> Path:
    """Minhak's conf.py with the first block changed, around the chemist's pages; its docs/."""
    srcdir = root / "docs"
    shutil.copytree(TESTS_DIR / "roots" / "test-chemist", srcdir)
    (srcdir / "references.bib").rename(root / "references.bib")
    conf = (REPO_DIR / "docs" / "conf.py").read_text(encoding="utf-8")
    for name, value in FIRST_BLOCK.items():
        conf, count = re.subn(rf"^{name} = .*$", f"{name} = {value!r}", conf, flags=re.MULTILINE)
        assert count == 1, name
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    return srcdir


@pytest.fixture(scope="module")
def chemist_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fork's website (with resume.json and sitemap.xml), built once."""
    srcdir = make_fork(tmp_path_factory.mktemp("fork"))
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"cv_pdf_link": False})
    try:
        app.build()
        return Path(app.outdir)
    finally:
        app.cleanup()


@pytest.mark.parametrize("name", ["index", "publications", "talks"])
def test_every_page_is_titled_with_her_name(chemist_site: Path, name: str) -> None:
    soup = page(chemist_site, name)
    title = soup.title.string
    assert title == NAME if name == "index" else title.startswith(f"{NAME} \u2014 ")
    assert soup.select_one(".logo__title").get_text(strip=True) == NAME  # the sidebar


@pytest.mark.parametrize("name", ["index", "publications"])
def test_canonical_and_opengraph_urls_are_her_site(chemist_site: Path, name: str) -> None:
    soup = page(chemist_site, name)
    assert soup.find("link", rel="canonical")["href"] == f"{BASE}{name}.html"
    assert soup.find("meta", property="og:url")["content"] == f"{BASE}{name}.html"


def test_sitemap_and_resume_json_point_at_her_site(chemist_site: Path) -> None:
    sitemap = (chemist_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}publications.html</loc>" in sitemap
    resume = json.loads((chemist_site / "resume.json").read_text(encoding="utf-8"))
    assert resume["meta"] == {"canonical": f"{BASE}resume.json"}
    assert resume["basics"]["name"] == NAME


def test_nothing_of_minhak_is_left(chemist_site: Path) -> None:
    for path in chemist_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".txt", ".svg", ".js"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "minhak" not in text.lower(), path


@pytest.mark.sphinx("html", testroot="website", confoverrides={"html_title": "Ada's CV"})
def test_html_title_set_in_conf_wins(app: SphinxTestApp) -> None:
    app.build()
    assert page(Path(app.outdir), "index").select_one(".logo__title").get_text() == "Ada's CV"


def test_on_read_the_docs_an_empty_html_baseurl_is_its_address(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", RTD_URL)
    app = make_app("html", srcdir=copy_root(tmp_path, "website"))
    app.build()
    soup = page(Path(app.outdir), "index")
    assert soup.find("link", rel="canonical")["href"] == f"{RTD_URL}index.html"
    assert warning_lines(app) == []


def test_on_read_the_docs_another_owners_address_is_a_warning(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fork that kept Minhak's html_baseurl is told so, at its line in conf.py."""
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", RTD_URL)
    srcdir = copy_root(tmp_path, "website")
    minhak = "https://minhak-song-cv.readthedocs.io/en/latest/"
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"html_baseurl = {minhak!r}\n")
    line = (srcdir / "conf.py").read_text(encoding="utf-8").count("\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    (warning,) = warning_lines(app)
    assert f"conf.py:{line}: WARNING: html_baseurl '{minhak}' is not this site's address" in (
        warning
    )
    assert f"remove it to use {RTD_URL} [cv.config]" in warning


def test_seed_conf_py_names_the_owner_once() -> None:
    """The name and the address are written once, in conf.py's first block."""
    conf = (REPO_DIR / "docs" / "conf.py").read_text(encoding="utf-8")
    assert conf.count('= "Minhak Song"') == 1  # author
    assert conf.count("minhak-song-cv.readthedocs.io") == 1  # html_baseurl
    assert "html_title" not in conf
    assert "ogp_site_url" not in conf


def copy_root(tmp_path: Path, name: str) -> Path:
    srcdir = tmp_path / name
    shutil.copytree(TESTS_DIR / "roots" / f"test-{name}", srcdir)
    return srcdir


def test_a_profile_of_someone_else_than_the_author_is_a_warning(make_app, tmp_path: Path) -> None:
    """A fork that replaced the pages but kept Minhak as conf.py's author is told so."""
    srcdir = make_fork(tmp_path)
    conf = (srcdir / "conf.py").read_text(encoding="utf-8")
    (srcdir / "conf.py").write_text(conf.replace(repr(NAME), '"Minhak Song"'), encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    owner = [line for line in warning_lines(app) if "[cv.owner]" in line]
    assert owner == [
        f"{srcdir / 'index.md'}:3: WARNING: profile: the name '{NAME}' is not conf.py's "
        "author 'Minhak Song', which titles the pages and names the PDF; accepted is the same "
        f"person, e.g. author = '{NAME}' in conf.py [cv.owner]"
    ]
