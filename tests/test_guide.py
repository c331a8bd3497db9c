"""The guide (``guide/``): it builds warning-free, and its reference names what the code has.

The guide is built once, as ``./cv guide`` builds it (the ``guide`` session of
``noxfile.py``: ``sphinx-build -W --keep-going``, in a copy of the repository),
and every test reads that build. The reference is checked against the running
extension, read here on its own (a Sphinx application that loads sphinx_cv, the
command's parser, the style's tables, the list of warning types), so a
directive, option, setting, builder, command-line option or warning type the
reference lacks fails a test even if the guide's own check missed it.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_DIR, build_app, warning_lines
from docutils.parsers.rst import directives as docutils_directives
from sphinx.testing.util import SphinxTestApp
from test_commands import run_session

from sphinx_cv.cli import parser
from sphinx_cv.publications.style import LINK_FIELDS
from sphinx_cv.publications.style.fields import TYPE_PARTS
from sphinx_cv.warning_types import TYPE, WARNING_TYPES

GUIDE = REPO_DIR / "guide"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """``./cv guide`` in a copy of the repository; its HTML folder."""
    copy = tmp_path_factory.mktemp("guide") / "repository"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", ".nox", "_build", "_readthedocs", "*.pyc", "__pycache__", "docs"
    )
    shutil.copytree(REPO_DIR, copy, ignore=ignore, symlinks=True)
    shutil.copytree(REPO_DIR / "docs", copy / "docs", ignore=shutil.ignore_patterns("_build"))
    session = run_session(copy, "guide", [], tmp_path_factory.mktemp("session"))
    assert session.ran[0][:3] == ["sphinx-build", "-W", "--keep-going"]
    return copy / "guide" / "_build" / "html"


def page(built: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((built / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def text(soup: BeautifulSoup) -> str:
    """The page's article as one line of text (Sphinx's curly quotes as typed)."""
    shown = " ".join(soup.select_one("article").get_text(" ").split())
    shown = shown.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return shown.replace("\u2026", "...")


@pytest.fixture(scope="module")
def extension(tmp_path_factory) -> SphinxTestApp:
    """A Sphinx application that has loaded sphinx_cv (set up, not built)."""
    srcdir = tmp_path_factory.mktemp("extension")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]\nbibtex_bibfiles = []\n',
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text("# Index\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir)
    yield app
    app.cleanup()


def sphinx_cv_directives() -> dict[str, type]:
    return {
        name: cls
        for name, cls in docutils_directives._directives.items()
        if isinstance(cls, type) and cls.__module__.startswith("sphinx_cv.")
    }


# -- the build --------------------------------------------------------------------------


def test_every_page_is_built_and_reachable(built):
    sources = {
        path.relative_to(GUIDE).with_suffix("").as_posix()
        for path in GUIDE.rglob("*.md")
        if "_build" not in path.parts
    }
    built_pages = {
        path.relative_to(built).with_suffix("").as_posix() for path in built.rglob("*.html")
    }
    assert sources <= built_pages
    # Every page is in the navigation: the sidebar of the home page links each one.
    sidebar = page(built, "index").select_one(".bd-sidebar")
    linked = {a["href"].removesuffix(".html") for a in sidebar.select("a[href$='.html']")}
    assert sources - {"index"} <= linked


def test_the_home_page_is_no_cv(built):
    """The guide shows CV examples; it is no CV: no download line, cards or JSON-LD."""
    home = page(built, "index")
    assert not home.select(".cv-downloads, .cv-sections")
    assert not home.find("script", type="application/ld+json")
    assert home.find("img", src="_images/website.png")["alt"].startswith("The home page")


# -- the reference against the code ----------------------------------------------------


def test_every_directive_and_option_is_described(built, extension):
    directives = sphinx_cv_directives()
    assert {"timeline", "award", "profile", "skills", "interests", "tagged", "cv-all"} <= set(
        directives
    )
    soup = page(built, "reference/directives")
    headings = {h.get_text(strip=True).rstrip("#") for h in soup.select("article h2")}
    terms = {dt.get_text(" ", strip=True).split(" — ")[0] for dt in soup.select("article dt")}
    shown = text(soup)
    for name, cls in directives.items():
        assert name in headings, name
        for option in cls.option_spec or {}:
            assert f":{option}:" in terms or f":{option}:" in shown, (name, option)


def test_every_setting_is_described_with_its_type_and_default(built, extension):
    soup = page(built, "reference/settings")
    settings = {
        name: option for name, option in extension.config._options.items() if name.startswith("cv_")
    }
    assert len(settings) >= 15
    for name, option in settings.items():
        entry = soup.find(id=f"confval-{name}")
        assert entry is not None, name
        description = " ".join(entry.find_parent("dl").get_text(" ").split())
        if not callable(option.default):
            assert f"Default : {option.default!r}" in description, name
        assert "Type :" in description, name


def test_every_builder_is_described(built, extension):
    shown = text(page(built, "reference/outputs"))
    ours = [
        name
        for name, cls in extension.registry.builders.items()
        if cls.__module__.startswith("sphinx_cv.")
    ]
    assert sorted(ours) == ["jsonresume", "typst"]
    for name in ours:
        assert f"sphinx-build -b {name}" in shown


def test_every_warning_type_is_listed_with_what_to_do(built):
    rows = page(built, "reference/warnings").select("article table tbody tr")
    listed = {row.select_one("td").get_text(strip=True): row for row in rows}
    assert sorted(listed) == sorted(f"{TYPE}.{name}" for name in WARNING_TYPES)
    date = listed["cv.date"].get_text(" ", strip=True)
    assert "2020-03 -- present" in date


def test_every_command_line_option_is_described(built):
    shown = text(page(built, "reference/cli"))
    top = parser()
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                assert f"sphinx-cv {name}" in shown
                for argument in command._actions:
                    for option in argument.option_strings:
                        assert option in shown, option
                    if argument.help and not isinstance(argument, argparse._HelpAction):
                        assert " ".join(argument.help.split()) in shown, argument.help


def test_every_type_and_link_field_of_the_style_is_in_the_bibliography_reference(built):
    soup = page(built, "reference/bibliography")
    shown = text(soup)
    for kind in TYPE_PARTS:
        assert f"@{kind}" in shown, kind
    for name in LINK_FIELDS:
        assert re.search(rf"\b{re.escape(name)} = \{{", shown), name
    # The links are the style's: the arXiv line links to arXiv's abstract page.
    assert "https://arxiv.org/abs/2310.01082" in shown
    # The databases' tables are dialects.toml's: ADS's \apj is ApJ.
    ads = soup.find(id="the-aas-journal-macros-nasa-ads")
    assert "apj ApJ" in " ".join(ads.get_text(" ").split())


def test_dates_are_shown_as_the_grammar_shows_them(built):
    rows = page(built, "reference/dates").select("article table tbody tr")
    cells = [[" ".join(td.get_text(" ").split()) for td in row("td")] for row in rows]
    shown = {row[0]: row for row in cells}
    assert shown["2020-03 -- present"][1:] == ["Mar 2020 – Present", "März 2020 – heute", "2020-03"]
    assert shown["WS 2013/14"][1:3] == ["Winter 2013/14", "WS 2013/14"]


def test_the_layout_lists_every_module(built):
    tree = next(
        pre.get_text()
        for pre in page(built, "contributing").select("article pre")
        if pre.get_text().startswith("sphinx_cv/")
    )
    package = REPO_DIR / "_ext" / "sphinx_cv"
    for path in package.rglob("*.py"):
        if path.name != "__init__.py":
            assert path.name in tree, path


# -- examples ------------------------------------------------------------------------


def test_an_example_is_a_test_roots_lines_and_what_they_build(built):
    soup = page(built, "reference/directives")
    source = soup.select_one("div.literal-block-wrapper")
    caption = source.select_one(".code-block-caption").get_text()
    assert "tests/roots/test-entries/index.md" in caption
    assert ":::{timeline} ACME *Research* Lab" in source.get_text()
    result = soup.select_one(".guide-example-built .cv-entry.cv-timeline")
    assert result.select_one(".cv-entry-title").get_text(" ", strip=True) == "ACME Research Lab"
    assert result.select_one("time")["datetime"] == "2020-03"


def test_the_publication_lists_are_the_test_roots_papers(built):
    soup = page(built, "how-to/humanist-zotero")
    entries = soup.select("article .cv-publications li, article dl.citation dt, article .citation")
    assert entries
    assert "Gastarbeit und Gedächtnis" in text(soup)
    # Her name is bold, as the owner's is in her CV.
    assert soup.find("strong", string=re.compile("Müller-Lüdenscheidt"))


def test_the_home_page_example_shows_the_photo(built):
    soup = page(built, "how-to/home-page")
    photo = soup.select_one(".guide-example-built img.cv-photo")
    assert (built / "how-to" / photo["src"]).read_bytes().startswith(b"\x89PNG")


# -- the guard itself ------------------------------------------------------------------


def test_the_reference_warns_about_what_it_does_not_describe(tmp_path):
    """A guide that describes one directive, one option and one setting of the code."""
    srcdir = tmp_path / "guide"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(GUIDE / '_ext')!r})\n"
        'extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv", "reference"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        "bibtex_bibfiles = []\n"
        'cv_home_page = ""\n'
        "cv_pdf_link = False\n",
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text(
        "# Reference\n\n"
        "::::{cv-directive} award\nAn award.\n\n"
        ":::{cv-option} date\nWhen.\n:::\n\n"
        ":::{cv-option} colour\nNo such option.\n:::\n"
        "::::\n\n"
        "```{cv-setting} cv_semesters\nHow a semester is shown.\n```\n\n"
        "```{cv-setting} cv_nothing\nNo such setting.\n```\n",
        encoding="utf-8",
    )
    # Another application of this module is alive: Sphinx says its nodes are registered.
    lines = warning_lines(build_app("html", srcdir, freshenv=True))
    warnings = [line for line in lines if "while setting up extension" not in line]
    shown = "\n".join(warnings)
    assert "award: the option ':issuer:' is not described" in shown
    assert "award: ':colour:' is described, but award has no such option" in shown
    assert "sphinx_cv registers no setting 'cv_nothing'" in shown
    assert "does not document the directive 'timeline'" in shown
    assert "does not document the setting 'cv_present_label'" in shown
    assert "does not document the setting 'cv_semesters'" not in shown
    assert "does not document the builder 'typst'" in shown
    assert [line for line in warnings if not line.endswith("[guide.reference]")] == []


# -- the README -------------------------------------------------------------------------


README = REPO_DIR / "README.md"


def test_the_readme_is_short_and_links_into_the_guide():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200
    links = re.findall(r"\]\((guide/[^)#]+)", "\n".join(lines))
    assert len(links) >= 20
    for link in links:
        assert (REPO_DIR / link).is_file(), link
    images = re.findall(r'<img src="([^"]+)"', "\n".join(lines))
    assert images == ["guide/_static/website.png", "guide/_static/pdf.png"]
    for image in images:
        assert (REPO_DIR / image).stat().st_size < 40_000, image


def test_no_page_names_a_package_registrys_host():
    hosts = re.compile(r"pypi\.org|pythonhosted\.org|npmjs\.(?:com|org)|crates\.io", re.I)
    for path in [README, *GUIDE.rglob("*.md"), *GUIDE.rglob("*.py"), *GUIDE.rglob("*.yaml")]:
        if "_build" not in path.parts:
            assert not hosts.search(path.read_text(encoding="utf-8")), path
