"""The home page as a landing page, the publications page's extras, the one-page CV.

Built from ``tests/roots/test-landing`` (a photo, every contact, a bib with
abstracts, keywords, a preview); what a visitor sees is read from the HTML.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, warning_lines

from sphinx_cv.publications.bibtex import entry_bibtex


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def landing(make_app_module):
    app = make_app_module("html")
    app.build()
    return app


@pytest.fixture(scope="module")
def make_app_module(tmp_path_factory):
    from sphinx.testing.util import SphinxTestApp

    apps = []

    def make(buildername: str, **confoverrides):
        srcdir = tmp_path_factory.mktemp("landing") / "src"
        shutil.copytree(TESTS_DIR / "roots" / "test-landing", srcdir)
        confoverrides.setdefault("cv_pdf_link", False)
        apps.append(SphinxTestApp(buildername, srcdir=srcdir, confoverrides=confoverrides))
        return apps[-1]

    yield make
    for app in apps:
        app.cleanup()


def test_builds_without_warnings(landing):
    assert warning_lines(landing) == []


def test_photo_is_sized_lazy_and_named(landing):
    img = page(landing, "index").select_one("article img.cv-photo")
    assert (img["width"], img["height"]) == ("240", "240")  # the file's own size
    assert img["loading"] == "lazy"
    assert img["alt"] == "Hoa Nguyen"
    assert (landing.outdir / img["src"]).read_bytes().startswith(b"\x89PNG")


def test_photo_in_resume_json_beside_the_site(landing):
    resume = json.loads((landing.outdir / "resume.json").read_text(encoding="utf-8"))
    image = resume["basics"]["image"]
    assert image.startswith("_images/photo")
    assert (landing.outdir / image).read_bytes().startswith(b"\x89PNG")
    # Without html_baseurl the JSON-LD, which needs a full URL, leaves the photo out.
    assert '"image"' not in (landing.outdir / "index.html").read_text(encoding="utf-8")


def test_photo_url_is_absolute_under_html_baseurl(make_app_module):
    app = make_app_module("html", html_baseurl="https://hoa.example.org/cv/")
    app.build()
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"]["image"] == "https://hoa.example.org/cv/_images/photo.png"
    jsonld = page(app, "index").select_one('script[type="application/ld+json"]')
    assert json.loads(jsonld.string)["image"] == "https://hoa.example.org/cv/_images/photo.png"


def test_profile_links_have_icons_and_names(landing):
    items = page(landing, "index").select("ul.cv-profile > li")
    assert len(items) == 8
    for item in items:
        assert item.svg["aria-hidden"] == "true"
        assert item.select_one(".cv-profile-label").get_text()
    links = {
        a.get_text(): a.get("aria-label") for a in page(landing, "index").select(".cv-profile a")
    }
    assert links["hoa-nguyen"] is not None  # GitHub and LinkedIn: the network named
    assert links["Google Scholar"] == "Google Scholar"
    assert links["0000-0002-1825-0097"] == "ORCID: 0000-0002-1825-0097"


def test_bio_is_the_page_as_written(landing):
    text = page(landing, "index").select_one("article").get_text(" ")
    assert "I am a postdoctoral researcher working on the optimization" in " ".join(text.split())


def test_download_line_links_the_one_page_cv(landing):
    line = page(landing, "index").select_one("p.cv-downloads")
    assert [a["href"] for a in line.select("a")][-1] == "cv.html"
    assert line.select("a")[-1].get_text() == "Whole CV on one page"


def test_sections_are_cards_with_a_summary(landing):
    cards = page(landing, "index").select("article ul.cv-sections > li.cv-section")
    shown = [
        (
            card.select_one(".cv-section-title a").get_text(),
            card.select_one(".cv-section-summary").get_text(),
        )
        for card in cards
    ]
    assert shown == [
        ("Experience", "2 entries \u00b7 latest: Example Institute"),
        ("Research Interests", "Optimization; Sampling; Statistics; Learning theory; \u2026"),
        ("Publications", "3 publications"),
        # A page of plain Markdown: its first paragraph, cut at a word to one line.
        (
            "Service",
            "Reviewer: Conference on Neural Information Processing Systems (2023–2025),"
            " International \u2026",
        ),
    ]
    assert [card.a["href"] for card in cards] == [
        "experience.html",
        "interests.html",
        "publications.html",
        "service.html",
    ]
    # The sidebar keeps its navigation.
    assert page(landing, "index").select(".bd-sidebar-primary a[href='experience.html']")


def test_selected_publications_on_the_home_page(landing):
    soup = page(landing, "index")
    items = soup.select("#selected-publications li.cv-publication")
    assert [li.select_one(".cv-publication-label").get_text() for li in items] == ["[3]"]
    assert "Tiny subspaces" in items[0].p.get_text()


def test_publications_grouped_by_year_numbers_unchanged(landing):
    article = page(landing, "publications").select_one("article")
    groups = [(h.name, h.get_text()) for h in article.select(".cv-publications-group")]
    assert groups == [("h2", "2024"), ("h2", "2022"), ("h2", "2021")]
    labels = [s.get_text() for s in article.select(".cv-publication-label")]
    assert labels == ["[3]", "[2]", "[1]"]


def test_abstract_and_bibtex_toggles(landing):
    first = page(landing, "publications").select_one("li.cv-publication")
    abstract, bibtex = first.select("details")
    assert abstract.summary.get_text() == "Abstract"
    # Escaped by the writer: "&" and "<this>" are text, not markup.
    assert abstract.p.get_text() == (
        "We show that the steps of SGD mostly lie in a tiny subspace & that <this> matters."
    )
    assert bibtex.summary.get_text() == "BibTeX"
    source = bibtex.pre.get_text()
    assert source.startswith("@inproceedings{nguyen2024sgd,\n  title = {Tiny subspaces")
    for private in ("abstract", "keywords", "author+an", "file", "preview"):
        assert f"  {private} =" not in source
    assert "  eprint = {2405.16002}," in source
    assert bibtex.button.get_text() == "Copy"


def test_badges_buttons_and_preview(landing):
    first = page(landing, "publications").select_one("li.cv-publication")
    assert first.select_one(".cv-venue-badge").get_text() == "(ICLR)"
    assert [a.get_text() for a in first.select("a.cv-publication-link")] == [
        "arXiv:2405.16002",
        "Code",
    ]
    assert "[" not in first.p.get_text()
    preview = first.select_one("img.cv-preview")
    assert (preview["width"], preview["height"], preview["loading"]) == ("160", "100", "lazy")
    assert (landing.outdir / preview["src"]).is_file()


def test_group_by_type(landing):
    article = page(landing, "by-type").select_one("article")
    groups = [h.get_text() for h in article.select(".cv-publications-group")]
    assert groups == ["Conference papers", "Journal articles", "Other"]
    labels = [s.get_text() for s in article.select(".cv-publication-label")]
    assert labels == ["[3]", "[2]", "[1]"]


def test_one_page_cv_shows_every_section_in_order(landing):
    soup = page(landing, "cv")
    article = soup.select_one("article")
    headings = [h.get_text().rstrip("#") for h in article.select("section > h2")]
    assert headings == ["Experience", "Research Interests", "Publications", "Service"]
    assert article.select_one("ul.cv-profile")  # the contacts head it, as in the PDF
    assert len(article.select("li.cv-publication")) == 3
    ids = [node["id"] for node in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    # The pages stay pages of their own.
    assert page(landing, "experience").select_one("li.cv-entry")


def search_index(app) -> dict:
    """``searchindex.js``: ``Search.setIndex({...})``."""
    script = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(script[script.index("(") + 1 : script.rindex(")")])


def test_search_finds_an_entry_on_its_page_not_again_on_the_one_page_cv(landing):
    index = search_index(landing)
    pages = [index["docnames"][number] for number in index["terms"]["postdoctor"]]
    assert "experience" in pages
    assert "cv" not in pages
    assert "cv" in index["docnames"]  # the page is there, without words


def test_text_and_pdf_leave_out_the_website_extras(make_app_module):
    app = make_app_module("text")
    app.build()
    index = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Selected publications" not in index
    publications = (app.outdir / "publications.txt").read_text(encoding="utf-8")
    assert "Abstract" not in publications
    assert "tiny subspace &" not in publications
    assert "[3] “Tiny subspaces" in publications
    latex = make_app_module("latex", cv_pdf_photo=False)
    latex.build()
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "\\cvphoto" not in tex
    assert "We show that" not in tex
    assert "Selected publications" not in tex


def test_photo_in_the_latex_by_default(make_app_module):
    app = make_app_module("latex")
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert re.search(r"\\cvphoto\{\\sphinxincludegraphics\[height=3cm\]\{\{photo\}\.png\}\}", tex)
    assert (Path(app.outdir) / "photo.png").is_file()


def test_bad_photo_is_a_warning_at_its_line(make_app, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS_DIR / "roots" / "test-landing", srcdir)
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace(":photo: photo.png", ":photo: missing.jpg"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert any(
        re.search(r"index\.md:3: WARNING: profile: ':photo:' 'missing\.jpg' is ignored", line)
        for line in warning_lines(app)
    ), warning_lines(app)
    assert not page(app, "index").select("img.cv-photo")


def test_bibtex_as_written(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        '@String{jmlr = "JMLR"}\n'
        '@Article(key1,\n  Title = "A {B} (c), d",\n  journal = jmlr # " 23",\n'
        "  abstract = {x, {y}},\n  abbr = {JMLR}, selected = {true},\n  year = 2020)\n"
        "@misc{key2, title = {T}}\n",
        encoding="utf-8",
    )
    assert entry_bibtex(bib, "key1") == (
        '@Article(key1,\n  Title = "A {B} (c), d",\n  journal = jmlr # " 23",\n  year = 2020\n)'
    )
    assert entry_bibtex(bib, "key2") == "@misc{key2,\n  title = {T}\n}"
    assert entry_bibtex(bib, "key3") == ""


def test_bibtex_keeps_public_fields_of_real_entries_only(tmp_path):
    """A reference manager's notes stay private (an allow-list, not a deny-list), and an
    old copy of an entry in an @comment is never the one shown."""
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@comment{key1, title = {The old draft}, note = {do not publish}}\n"
        "@Comment{ jabref-meta: groups}\n"
        "@article{key1,\n  author = {Doe, Jane},\n  title = {The paper},\n"
        "  annote = {my notes},\n  comment = {reviewer 2 was rude},\n  owner = {jane},\n"
        "  mendeley-groups = {private},\n  timestamp = {2020.01.01},\n  file = {:a.pdf:PDF},\n"
        "  doi = {10.1000/x},\n  year = {2021}\n}\n",
        encoding="utf-8",
    )
    assert entry_bibtex(bib, "key1") == (
        "@article{key1,\n  author = {Doe, Jane},\n  title = {The paper},\n"
        "  doi = {10.1000/x},\n  year = {2021}\n}"
    )
