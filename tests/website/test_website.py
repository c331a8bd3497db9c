"""The website's head and markup: slim theme, titles, favicon, citations, SEO tags."""

import hashlib
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import warning_lines

from sphinx_cv.website import stylesheet
from sphinx_cv.website.description import MAX_LENGTH, describe
from sphinx_cv.website.slim import initials

#: What sphinx-book-theme loads for icons and search, which a CV does not use.
HEAVY_ASSETS = ("fontawesome.js", "searchtools.js", "searchindex.js", "doctools.js")


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def asset_urls(soup: BeautifulSoup) -> list[str]:
    tags = soup.find_all(["script", "link"])
    return [tag.get("src") or tag.get("href") or "" for tag in tags]


@pytest.mark.sphinx("html", testroot="website")
def test_slim_site_loads_no_icon_font_or_search(app):
    app.build()
    assert warning_lines(app) == []
    soup = page(app, "talks")
    urls = asset_urls(soup)
    for asset in HEAVY_ASSETS:
        assert not [url for url in urls if asset in url], asset
    # Bootstrap's script is replaced by sphinx_cv.js (the menus work: test_browser.py).
    assert not [url for url in urls if "bootstrap.js" in url]
    assert any("sphinx_cv.js" in url for url in urls)
    assert not [url for url in urls if "pygments.css" in url]  # no code on the page
    theme_script = soup.find("script", src=lambda src: src and "sphinx-book-theme.js" in src)
    assert theme_script.has_attr("defer")
    assert soup.find(id="pst-search-dialog") is None
    assert soup.select(".search-button, .search-button-field") == []
    assert soup.select(".btn-fullscreen-button, .dropdown-download-buttons") == []
    # Icons are drawn by sphinx_cv.css under this class; the theme switch is kept.
    assert "cv-slim" in soup.body["class"]
    assert soup.select(".theme-switch-button .fa-sun")


@pytest.mark.sphinx("html", testroot="website", srcdir="website-stylesheet")
def test_one_stylesheet_with_the_rules_the_pages_use(app):
    app.build()
    soup = page(app, "talks")
    sheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    (sheet,) = sheets
    name, _, version = sheet.partition("?v=")
    assert name == "_static/cv-site.css"
    css = (app.outdir / name).read_text(encoding="utf-8")
    assert version == hashlib.sha256(css.encode()).hexdigest()[:16]  # cacheable
    assert ".cv-entry-title{" in css  # sphinx_cv.css
    assert "html[data-theme=dark]" in css  # the colour modes, set by the page's script
    assert ".dropdown-menu.show{" in css  # state set by sphinx_cv.js
    assert ".bd-sidebar-primary" in css  # the theme's layout
    assert "dataframe" not in css  # Jupyter tables: on no page
    assert "sd-card" not in css  # sphinx-design cards: on no page
    # A page that gains an element gains its rules, and every page links the new sheet.
    (app.srcdir / "index.md").write_text(
        (app.srcdir / "index.md").read_text(encoding="utf-8") + "\n```{rubric} A rubric\n```\n",
        encoding="utf-8",
    )
    app.build()
    again = (app.outdir / name).read_text(encoding="utf-8")
    assert "p.rubric" in again
    assert "rubric" not in css
    new_version = hashlib.sha256(again.encode()).hexdigest()[:16]
    for html in app.outdir.glob("*.html"):
        assert f"cv-site.css?v={new_version}" in html.read_text(encoding="utf-8"), html.name


PRUNED_CSS = """/* a comment { with braces } */
@charset "utf-8";
html[data-theme="dark"]{--c:#fff}
.used,.unused{color:red}
a.used:not(.nowhere):hover{color:blue}
.md\\:flex{display:flex}
@media print{.unused{color:black}html[data-theme="dark"]{color-scheme:light}}
@media (min-width:1px){.unused{x:y}}
@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}
.content::before{content:"}{;"}
"""


def test_pruning_keeps_the_rules_whose_names_occur():
    names = stylesheet.Names()
    names.known.update({"html", "a", ".used", ".md:flex", ".content", "[data-theme"})
    pruned = stylesheet.prune(stylesheet.compile_rules(PRUNED_CSS), names)
    assert pruned.splitlines() == [
        'html[data-theme="dark"]{--c:#fff}',
        ".used{color:red}",
        "a.used:not(.nowhere):hover{color:blue}",
        ".md\\:flex{display:flex}",
        '@media print{html[data-theme="dark"]{color-scheme:light}}',
        "@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}",
        '.content::before{content:"}{;"}',
    ]


@pytest.mark.sphinx("html", testroot="website", confoverrides={"cv_slim_site": False})
def test_full_theme_when_slim_site_is_off(app):
    app.build()
    soup = page(app, "talks")
    urls = asset_urls(soup)
    assert any("fontawesome.js" in url for url in urls)
    assert any("searchtools.js" in url for url in urls)
    assert soup.title.string == "Talks \u2014 Ada Lovelace"  # Sphinx's own order
    assert "cv-slim" not in (soup.body.get("class") or [])


FULLSCREEN = {"html_theme_options": {"use_fullscreen_button": True}}


@pytest.mark.sphinx("html", testroot="website", confoverrides=FULLSCREEN)
def test_theme_options_from_conf_win(app):
    app.build()
    assert page(app, "talks").select(".btn-fullscreen-button")


@pytest.mark.sphinx("html", testroot="website")
def test_title_reads_name_then_section(app):
    app.build()
    assert page(app, "talks").title.string == "Ada Lovelace \u2014 Talks"
    assert page(app, "index").title.string == "Ada Lovelace"


@pytest.mark.sphinx("singlehtml", testroot="website")
def test_single_page_title_is_the_name(app):
    app.build()
    assert page(app, "index").title.string == "Ada Lovelace"


@pytest.mark.sphinx("html", testroot="website")
def test_favicon_shows_initials(app):
    app.build()
    icon = page(app, "papers").find("link", rel="icon")
    assert icon["href"] == "_static/favicon.svg"
    svg = (app.outdir / "_static" / "favicon.svg").read_text(encoding="utf-8")
    assert ">AL</text>" in svg


def test_project_favicon_wins(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "website"
    shutil.copytree(rootdir / "test-website", srcdir)  # an output directory of its own
    app = make_app(
        "html", srcdir=srcdir, confoverrides={"html_favicon": "https://example.org/icon.png"}
    )
    app.build()
    assert page(app, "talks").find("link", rel="icon")["href"] == "https://example.org/icon.png"
    assert not (app.outdir / "_static" / "favicon.svg").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Minhak Song", "MS"), ("Augusta Ada Lovelace", "AL"), ("Plato", "P"), ("Thị Hoa", "TH")],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.sphinx("html", testroot="website")
def test_publication_list_uses_valid_aria_roles(app):
    """Each entry is a list item of its list; docutils' doc-biblioentry is deprecated.

    The CV's own style renders a ``<ul>`` (pubnodes.py); any other pybtex style
    gives docutils citations, which this is about.
    """
    app.build()
    soup = page(app, "papers")
    lists = soup.select('[role="list"]')
    assert len(lists) == 1
    items = lists[0].find_all(recursive=False)
    assert len(items) == 2
    assert [item.get("role") for item in items] == ["listitem", "listitem"]
    assert "Ada Lovelace" in lists[0].get_text()
    assert soup.select('[role="doc-biblioentry"]') == []


@pytest.mark.sphinx("html", testroot="website")
def test_page_of_entries_is_described_by_them(app):
    app.build()
    description = page(app, "talks").find("meta", attrs={"name": "description"})
    assert description["content"] == "Ada Lovelace — Talks: Royal Society; Babbage & Sons."
    # A page without entries keeps no description of ours.
    assert page(app, "index").find("meta", attrs={"name": "description"}) is None


def test_long_description_is_cut_at_a_word():
    titles = [f"Entry number {n}" for n in range(40)]
    text = describe("Ada Lovelace", "Talks", titles)
    assert len(text) <= MAX_LENGTH
    assert text.startswith("Ada Lovelace — Talks: Entry number 0; Entry number 1;")
    assert text.endswith("…")
    assert not text[:-1].endswith((" ", ";"))


def test_cv_is_findable_and_shareable(make_app, seed_project):
    """The real CV: description, OpenGraph and Twitter tags, canonical URL, sitemap."""
    app = make_app("html", srcdir=seed_project)
    app.build()
    base = "https://minhak-song-cv.readthedocs.io/en/latest/"
    soup = page(app, "publications")
    assert soup.title.string == "Minhak Song \u2014 Publications"
    assert soup.find("link", rel="canonical")["href"] == base + "publications.html"
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in soup("meta")}
    assert "Minhak Song" in meta["description"]
    assert meta["og:description"] == meta["description"]
    assert meta["og:title"] == "Publications"
    assert meta["og:url"] == base + "publications.html"
    assert meta["og:site_name"] == "Minhak Song"
    assert meta["twitter:card"] == "summary"
    education = page(app, "education").find("meta", attrs={"name": "description"})
    assert education["content"] == (
        "Minhak Song — Education: Korea Advanced Institute of Science and Technology;"
        " University of California, Berkeley; Korea Science Academy of KAIST."
    )
    home = page(app, "index").find("meta", attrs={"name": "description"})
    assert home["content"].startswith(
        "Minhak Song — Curriculum vitae: Education; Research Interests; Publications;"
    )
    og = page(app, "education").find("meta", property="og:description")
    assert og["content"] == education["content"]
    # The publications page by its papers' titles, not "(* denotes equal contribution) …".
    assert meta["description"].startswith(
        "Minhak Song — Publications: Does SGD really happen in tiny subspaces?;"
        " Linear attention is (maybe) all you need (to understand Transformer optimization);"
    )
    # The whole CV on one page by its sections, as the home page: not its contacts and raw dates.
    whole = page(app, "cv").find("meta", attrs={"name": "description"})["content"]
    assert whole.startswith("Minhak Song — Curriculum vitae: Education; Research Interests;")
    for name in ("index", "education", "awards", "skills"):
        assert page(app, name).find("meta", attrs={"name": "description"})["content"]
    sitemap = (app.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}publications.html</loc>" in sitemap
    assert f"<loc>{base}index.html</loc>" in sitemap
    assert "search.html" not in sitemap
    assert "genindex.html" not in sitemap
