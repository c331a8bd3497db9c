"""The website's own words in the CV's ``language``: cards, toggles, groups, download line.

``tests/roots/test-landing`` built in German (with one experience entry left, so
that both a singular and a plural count show) and in Korean (one plural form);
``test_landing.py`` checks the same pages in English.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, require_tool, warning_lines

from sphinx_cv.pdf.latex.compile import TOOLS


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def text_of(app, name: str) -> str:
    return " ".join(page(app, name).select_one("article").get_text().split())


@pytest.fixture(scope="module")
def build_landing(tmp_path_factory):
    """Build the landing root in a language; the app is cleaned up at once (its pages and
    warnings stay), so that the next one registers its nodes afresh."""
    from sphinx.testing.util import SphinxTestApp

    def build(language: str, *, one_entry: bool = False, pdf: bool = False) -> SphinxTestApp:
        srcdir = tmp_path_factory.mktemp(f"landing-{language}") / "src"
        shutil.copytree(TESTS_DIR / "roots" / "test-landing", srcdir)
        if one_entry:
            experience = srcdir / "experience.md"
            text = experience.read_text(encoding="utf-8")
            experience.write_text(text[: text.index(":::{timeline} Example University")])
        overrides = {"language": language, "cv_pdf_link": pdf}
        app = SphinxTestApp("html", srcdir=srcdir, confoverrides=overrides)
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    return build


@pytest.fixture(scope="module")
def german(build_landing):
    return build_landing("de", one_entry=True)


@pytest.fixture(scope="module")
def korean(build_landing):
    return build_landing("ko")


def cards(app) -> list[tuple[str, str]]:
    return [
        (
            card.select_one(".cv-section-title a").get_text(),
            card.select_one(".cv-section-summary").get_text(),
        )
        for card in page(app, "index").select("article ul.cv-sections > li.cv-section")
    ]


def toggles(app) -> tuple[str, str, dict[str, str]]:
    """The first publication's two toggles' titles, and its Copy button."""
    first = page(app, "publications").select_one("li.cv-publication")
    abstract, bibtex = first.select("details")
    button = bibtex.button
    shown = {"text": button.get_text(), "label": button["data-label"], "done": button["data-done"]}
    return abstract.summary.get_text(), bibtex.summary.get_text(), shown


def groups(app, name: str) -> list[str]:
    return [h.get_text() for h in page(app, name).select("article .cv-publications-group")]


def test_german_builds_without_warnings(german, korean):
    assert warning_lines(german) == []
    assert warning_lines(korean) == []


#: The plain page's card: its first words, as written (nothing to translate).
SERVICE = (
    "Reviewer: Conference on Neural Information Processing Systems (2023–2025),"
    " International \u2026"
)


def test_section_cards_count_in_german(german):
    """One entry is "1 Eintrag", three publications "3 Publikationen"."""
    assert cards(german) == [
        ("Experience", "1 Eintrag \u00b7 zuletzt: Example Institute"),
        ("Research Interests", "Optimization; Sampling; Statistics; Learning theory; \u2026"),
        ("Publications", "3 Publikationen"),
        ("Service", SERVICE),
    ]


def test_section_cards_count_in_korean(korean):
    """Korean has one form, with its counter: "항목 2개", "논문 3편"."""
    assert cards(korean) == [
        ("Experience", "항목 2개 \u00b7 최근: Example Institute"),
        ("Research Interests", "Optimization; Sampling; Statistics; Learning theory; \u2026"),
        ("Publications", "논문 3편"),
        ("Service", SERVICE),
    ]


def test_toggles_and_copy_button_speak_the_language(german, korean):
    assert toggles(german) == (
        "Zusammenfassung",
        "BibTeX",  # a name
        {"text": "Kopieren", "label": "Kopieren", "done": "Kopiert"},
    )
    assert toggles(korean) == (
        "초록",
        "BibTeX",
        {"text": "복사", "label": "복사", "done": "복사됨"},
    )


def test_sphinxs_and_the_themes_words_in_korean(korean):
    """Korean has no catalog of the theme's and lacks Sphinx's "Link to this heading":
    sphinx-cv's own sphinx.po gives them, and the footer is its own."""
    soup = page(korean, "experience")
    assert soup.select_one("a.headerlink")["title"] == "이 제목으로 연결되는 링크"
    assert soup.select_one("#pst-back-to-top").get_text(strip=True) == "맨 위로"
    assert soup.select_one("button.primary-toggle")["title"] == "탐색 메뉴 보이기/숨기기"
    assert soup.select_one(".component-author").get_text(strip=True) == "Hoa Nguyen의 이력서"
    assert "By Hoa Nguyen" not in str(soup)


def test_the_plain_themes_search_speaks_korean(tmp_path):
    """Without the slim site the theme's search box and page show too, in Korean: the
    box with Sphinx's word for "Search", the page's notice from sphinx-cv's sphinx.po."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path / "src"
    shutil.copytree(TESTS_DIR / "roots" / "test-landing", srcdir)
    overrides = {
        "language": "ko",
        "cv_pdf_link": False,
        "cv_slim_site": False,
        "templates_path": [],  # the theme appends to it: a list of this app's own
    }
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides=overrides)
    try:
        app.build()
    finally:
        app.cleanup()
    soup = page(app, "experience")
    assert soup.select_one("input[name=q]")["placeholder"] == "검색..."
    assert soup.select_one("a.headerlink")["title"] == "이 제목으로 연결되는 링크"
    notice = page(app, "search").select_one(".bd-search-container noscript").get_text()
    assert "검색 기능을 사용하려면 JavaScript를 켜 주십시오." in notice


def test_groups_by_type_are_translated(german, korean):
    assert groups(german, "by-type") == ["Konferenzbeiträge", "Zeitschriftenartikel", "Sonstiges"]
    assert groups(korean, "by-type") == ["학술대회 논문", "학술지 논문", "기타"]
    assert groups(german, "publications") == ["2024", "2022", "2021"]


def test_titles_and_two_authors_in_the_language(german, korean):
    """German quotes a title „so“ and joins two authors with "und"."""
    text = text_of(german, "publications")
    assert (
        "\u201eTiny subspaces of stochastic gradient descent.\u201c Hoa Nguyen* und Jane Doe*"
        in text
    )
    assert "Hoa Nguyen*, Jane Doe*" in text_of(korean, "publications")


def test_download_line_in_the_language(german, korean):
    line = page(german, "index").select_one("p.cv-downloads")
    assert line.get_text() == (
        "Herunterladen: JSON Resume \u00b7 Ganzer Lebenslauf auf einer Seite"
    )
    line = page(korean, "index").select_one("p.cv-downloads")
    assert line.get_text() == "다운로드: JSON Resume \u00b7 한 페이지로 보는 전체 이력서"


@pytest.mark.latex
def test_pdf_link_counts_pages_in_the_language(build_landing):
    """The PDF's label: "Lebenslauf (PDF, 1 Seite)", its pages counted from the file."""
    require_tool(*TOOLS, "pdfinfo")
    app = build_landing("de", pdf=True)
    assert warning_lines(app) == []
    link = page(app, "index").select_one("p.cv-downloads a.cv-download-pdf")
    info = subprocess.run(
        ["pdfinfo", str(app.outdir / link["href"])], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    expected = "1 Seite" if pages == 1 else f"{pages} Seiten"
    assert link.get_text() == f"Lebenslauf (PDF, {expected})"


def test_page_numbers_and_author_lists_in_german(make_app, tmp_path):
    """The chemist's "pp." is "S.", "A, B, and C" is "A, B und C"."""
    srcdir = tmp_path / "chemist"
    shutil.copytree(TESTS_DIR / "roots" / "test-chemist", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "de"})
    app.build()
    text = text_of(app, "publications")
    assert "S. 211\u2013248" in text
    assert "Ana Cláudia Ribeiro-Søndergaard*, Wei Chen* und Agnieszka Kowalczyk, Nature" in text
    assert "pp. " not in text
    assert ", and " not in text
