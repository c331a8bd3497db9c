"""The built CV in a real browser (Debian's Chromium through Playwright).

The site is built once, served by a local ``http.server`` and opened at phone
and desktop widths, in light and dark mode. Every request the page makes is
checked: anything not for the local server is blocked and fails the test.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import REPO_DIR, TESTS_DIR, require_tool, slow_unless

pytestmark = pytest.mark.browser

AXE = TESTS_DIR / "data" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The CV's pages (Sphinx's search and index pages are not part of it).
PAGES = [
    "index",
    "education",
    "research-interests",
    "publications",
    "experience",
    "awards",
    "teaching",
    "services",
    "skills",
    "cv",  # the whole CV on one page
]
#: The pages every run opens: the home page, a timeline and the whole CV on one page (its
#: publications too); the others are the same templates with other entries, opened by the
#: slow run (``./cv tests -m slow``).
QUICK = {"index", "education", "cv"}
EVERY_PAGE = [pytest.param(name, marks=slow_unless(name in QUICK)) for name in PAGES]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real CV, built once into a temporary directory."""
    root = tmp_path_factory.mktemp("cv")
    for name in ("docs", "_ext"):
        shutil.copytree(REPO_DIR / name, root / name, ignore=shutil.ignore_patterns("_build"))
    shutil.copy(REPO_DIR / "references.bib", root / "references.bib")
    out = root / "html"
    # A separate process: sphinx-sitemap forks, which a process running
    # Playwright must not do.
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "docs", str(out)]
    subprocess.run(command, cwd=root, check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1, as a browser sees a web server."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


# Module scope: Playwright's threads must be gone before other test modules
# build the CV in-process, since sphinx-sitemap forks a process per build.
@pytest.fixture(scope="module")
def browser():
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class Visit:
    """One page opened in a fresh browser context, with what happened on the way."""

    def __init__(self, browser, base_url: str, viewport: dict, mode: str = "light") -> None:
        self.base_url = base_url
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.context = browser.new_context(viewport=viewport)
        # The theme keeps the reader's choice of colour mode here.
        self.context.add_init_script(f"localStorage.setItem('mode', '{mode}')")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("requestfailed", lambda request: self.failed.append(request.url))
        self.page.on("response", self._response)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.base_url) or urlsplit(url).scheme == "data":
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def open(self, name: str):
        self.page.goto(f"{self.base_url}{name}.html", wait_until="networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    visits: list[Visit] = []

    def open_page(name: str, viewport: dict = DESKTOP, mode: str = "light"):
        visits.append(Visit(browser, base_url, viewport, mode))
        visits[-1].open(name)
        return visits[-1]

    yield open_page
    for v in visits:
        v.close()


@pytest.mark.parametrize("name", EVERY_PAGE)
def test_page_loads_only_local_files_without_errors(visit, name):
    v = visit(name)
    page = v.page
    assert page.title().startswith("Minhak Song")
    assert v.errors == []
    assert v.failed == []
    assert v.foreign == []
    # Neither the theme's icon font script nor its icon font is fetched.
    urls = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [url for url in urls if "fontawesome" in url or ".woff" in url]


@pytest.mark.parametrize("name", EVERY_PAGE)
def test_nothing_scrolls_sideways_on_a_phone(visit, name):
    page = visit(name, viewport=PHONE).page
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]"
    )
    assert max(widths[:2]) <= widths[2] == 375


def run_axe(page) -> list[str]:
    """axe-core's violations on the page, one line each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document)")
    return [
        f"{v['id']}: {v['help']} at {[node['target'] for node in v['nodes']]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", EVERY_PAGE)
def test_axe_finds_no_violations(visit, name, mode):
    page = visit(name, mode=mode).page
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    assert run_axe(page) == []


@pytest.mark.parametrize("name", ["education", "awards", "publications"])
def test_phone_dark_mode_is_accessible(visit, name):
    page = visit(name, viewport=PHONE, mode="dark").page
    assert run_axe(page) == []


def luminance(css_color: str) -> float:
    """Relative luminance (WCAG) of an ``rgb(...)``/``rgba(...)`` colour."""
    values = css_color[css_color.index("(") + 1 : -1].replace(",", " ").split()
    channels = [float(value) / 255 for value in values[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_entries_are_readable_in_both_modes(visit, mode):
    """Titles, dates and roles stand out from the page background (WCAG AA, 4.5:1)."""
    page = visit("education", mode=mode).page
    background = luminance(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    assert (background < 0.1) if mode == "dark" else (background > 0.8)
    for selector in (".cv-entry-title", ".cv-entry-dates", ".cv-entry-role", ".cv-entry-body li"):
        color = page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).color")
        lighter, darker = sorted([luminance(color), background], reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (selector, color)


TABBABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"


@pytest.mark.parametrize("name", ["index", "education", "publications"])
def test_keyboard_reaches_every_link_and_button(visit, name):
    page = visit(name).page
    count = page.evaluate(
        """(selector) => {
            // What a closed toggle holds is out of reach until it is opened.
            const shown = [...document.querySelectorAll(selector)].filter(
                (el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden"
                    && !el.disabled && !el.closest("details:not([open])"));
            shown.forEach((el, i) => el.setAttribute("data-cv-tab", i));
            return shown.length;
        }""",
        TABBABLE,
    )
    assert count > 10
    reached = set()
    for _ in range(count + 20):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.getAttribute('data-cv-tab')"))
    missed = page.evaluate(
        """(reached) => [...document.querySelectorAll("[data-cv-tab]")]
            .filter((el) => !reached.includes(el.getAttribute("data-cv-tab")))
            .map((el) => el.outerHTML.slice(0, 120))""",
        sorted(index for index in reached if index is not None),
    )
    assert missed == []


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_print_gives_a_clean_cv_page(visit, tmp_path, mode):
    """Printing shows the entries in dark ink, and no navigation, buttons or page links."""
    require_tool("pdftotext")
    page = visit("education", mode=mode).page
    page.emulate_media(media="print")
    for selector in (".cv-entry-title", ".cv-entry-dates", ".cv-entry-body li"):
        color = page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).color")
        assert luminance(color) < 0.1, (selector, color)
    pdf = tmp_path / "education.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Korea Advanced Institute of Science and Technology" in text
    assert "Mar 2020 \u2013 Current" in text
    assert "Daejeon, South Korea" in text
    for chrome in ("Skip to main content", "Back to top", "Previous", "Next", "Research Interests"):
        assert chrome not in text
    assert text.count("Education") == 1  # the heading, not a navigation entry


def test_pdf_link_works(visit, base_url):
    """Every link to the PDF opens a PDF."""
    page = visit("index").page
    hrefs = page.evaluate(
        """[...document.querySelectorAll("a[href]")]
            .filter((a) => /\\.pdf($|[?#])/i.test(a.getAttribute("href"))
                || /\\bPDF\\b/.test(a.textContent))
            .map((a) => a.href)"""
    )
    assert hrefs, "the home page links no PDF"
    line = page.inner_text("p.cv-downloads")
    assert line == (
        "Download: CV (PDF, 2 pages) \u00b7 R\u00e9sum\u00e9 (PDF, 1 page) \u00b7 JSON Resume"
        " \u00b7 Whole CV on one page"
    )
    for href in hrefs:
        assert href.startswith(base_url), href
        response = page.request.get(href)
        assert response.status == 200, href
        assert response.body().startswith(b"%PDF"), href


def test_colour_mode_menu_switches_to_dark(visit):
    """The theme's own menu still works without the scripts the slim site leaves out."""
    v = visit("education")
    page = v.page
    page.click(".theme-switch-button")
    page.click(".theme-change-button[data-mode='dark']")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("localStorage.getItem('mode')") == "dark"
    assert v.errors == []


def test_phone_menu_opens_the_sections(visit):
    v = visit("education", viewport=PHONE)
    page = v.page
    # The theme moves the sections into a dialog when the menu opens.
    link = page.get_by_role("link", name="Selected Awards and Scholarships")
    assert not link.is_visible()
    page.click("button.primary-toggle >> visible=true")
    link = page.locator("#pst-primary-sidebar-modal").get_by_role(
        "link", name="Selected Awards and Scholarships"
    )
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url("**/awards.html")
    assert v.errors == []
