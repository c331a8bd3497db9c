"""The landing page, the publications page and the one-page CV in a real browser.

``tests/roots/test-landing`` (a photo, every contact, abstracts, BibTeX, a
preview) is built once and served like the real CV in ``test_browser``,
whose browser, server and page fixtures this module shares.
"""

# The fixtures imported from test_browser are arguments of the tests here (F811).
# ruff: noqa: F811
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TESTS_DIR, require_tool
from test_browser import PHONE, base_url, browser, run_axe, visit  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
PAGES = ["index", "publications", "cv"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The landing test root's website, built once (in a process of its own, as the CV)."""
    out = tmp_path_factory.mktemp("landing") / "html"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", "cv_pdf_link=0"]
    root = TESTS_DIR / "roots" / "test-landing"
    # This checkout's extension, whatever copy may be installed elsewhere.
    env = {**os.environ, "PYTHONPATH": str(TESTS_DIR.parent / "_ext")}
    subprocess.run([*command, str(root), str(out)], check=True, capture_output=True, env=env)
    return out


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(visit, name, mode):
    v = visit(name, mode=mode)
    page = v.page
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    # Open toggles are checked too.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    assert run_axe(page) == []
    assert v.errors == []
    assert v.foreign == []


@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways_on_a_phone(visit, name):
    page = visit(name, viewport=PHONE).page
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]"
    )
    assert max(widths[:2]) <= widths[2] == 375


def test_toggles_open_and_close_by_keyboard(visit):
    page = visit("publications").page
    details = page.locator("li.cv-publication details.cv-abstract").first
    summary = details.locator("summary")
    assert not details.evaluate("d => d.open")
    assert not details.locator("p").is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open")
    assert details.locator("p").is_visible()
    page.keyboard.press("Space")
    assert not details.evaluate("d => d.open")
    # Tab reaches the next toggle, the BibTeX one.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "BibTeX"


def test_copy_button_copies_the_entry(visit, base_url):
    v = visit("publications")
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url[:-1])
    page = v.page
    bibtex = page.locator("li.cv-publication details.cv-bibtex").first
    bibtex.locator("summary").click()
    button = bibtex.locator("button.cv-copy")
    button.click()
    page.wait_for_function("document.querySelector('.cv-copy').textContent === 'Copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == bibtex.locator("pre").text_content()
    assert copied.startswith("@inproceedings{nguyen2024sgd,\n")
    assert "abstract" not in copied
    assert v.errors == []


def test_contact_links_have_accessible_names(visit):
    page = visit("index").page
    for name in (
        "https://hoa.example.org",
        "hoa@example.org",
        "+1 555 0100",
        "GitHub: hoa-nguyen",
        "Google Scholar",
        "ORCID: 0000-0002-1825-0097",
        "LinkedIn: hoa-nguyen",
    ):
        link = page.get_by_role("link", name=name, exact=True)
        assert link.count() == 1, name
        assert link.is_visible(), name
    # The icons are drawn, and hidden from screen readers.
    icons = page.locator(".cv-profile svg.cv-icon")
    assert icons.count() == 8
    assert icons.first.bounding_box()["width"] > 10
    assert page.locator(".cv-profile svg[aria-hidden='true']").count() == 8


def test_photo_is_shown_at_its_size(visit):
    page = visit("index").page
    photo = page.locator("img.cv-photo")
    photo.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('img.cv-photo').complete")
    assert photo.evaluate("img => img.naturalWidth") == 240
    box = photo.bounding_box()
    assert 100 < box["width"] == box["height"] < 240


def test_one_page_cv_prints_without_navigation(visit, tmp_path):
    require_tool("pdftotext")
    page = visit("cv").page
    page.emulate_media(media="print")
    for chrome in (".bd-header", ".bd-sidebar-primary", ".header-article", ".prev-next-area"):
        locator = page.locator(chrome)
        assert locator.count() == 0 or not locator.first.is_visible(), chrome
    assert not page.locator("details").first.is_visible()
    pdf = tmp_path / "cv.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    position = 0
    for section in ("Experience", "Research Interests", "Publications"):
        position = text.index(section, position)
    assert "Tiny subspaces of stochastic gradient descent" in text
    assert "GitHub: hoa-nguyen" in " ".join(text.split())
    for chrome in ("Skip to main content", "Previous", "Next", "BibTeX", "Abstract"):
        assert chrome not in text
