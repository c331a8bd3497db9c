"""The real CV (docs/): builds without a warning and shows every fact of the seed."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, warning_lines

BLOCKS = "p, li, div, dt, dd, td, th, h1, h2, h3, h4, h5, h6"
FACTS_FILE = TESTS_DIR / "data" / "seed_facts.txt"


def read_facts() -> dict[str, list[str]]:
    facts: dict[str, list[str]] = {}
    page = None
    for line in FACTS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if match := re.fullmatch(r"\[([a-z][a-z-]*)\]", line):
            page = match[1]
            facts[page] = []
        else:
            facts[page].append(line)
    return facts


def visible_text(html_file: Path) -> str:
    """The article's text as a reader sees it, white space folded."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup.body
    for hidden in article.select("script, style, .headerlink"):
        hidden.decompose()
    # Blocks and the parts of an entry's lines are apart on screen; inline markup is not.
    for block in article.select(f"{BLOCKS}, .cv-entry-header > *, .cv-entry-meta > *"):
        block.insert_before("\n")
        block.append("\n")
    text = re.sub(r"\s+", " ", article.get_text()).strip()
    # Smart quotes are typography, not wording: a curly apostrophe reads as the seed's.
    return text.replace("\u2019", "'")


@pytest.fixture
def seed_html(make_app, seed_project):
    app = make_app("html", srcdir=seed_project)
    app.build()
    return app


def test_builds_without_warnings(seed_html):
    assert warning_lines(seed_html) == []


def test_every_seed_fact_is_visible(seed_html):
    missing = []
    for page, facts in read_facts().items():
        text = visible_text(seed_html.outdir / f"{page}.html")
        missing += [f"{page}: {fact}" for fact in facts if fact not in text]
    assert missing == []


def test_sections_in_seed_order(seed_html):
    soup = BeautifulSoup(
        (seed_html.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    toc = [a.get_text(strip=True) for a in soup.select("article .toctree-wrapper a")]
    assert toc == [
        "Education",
        "Research Interests",
        "Publications",
        "Research and Work Experience",
        "Selected Awards and Scholarships",
        "Teaching & Academic Activities",
        "Professional Services",
        "Skills",
    ]
