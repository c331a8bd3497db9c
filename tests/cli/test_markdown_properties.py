"""Any text an importer writes into Markdown shows as itself (generated input, hypothesis).

One build per example: a JSON Resume whose every text field is generated text
(punctuation Markdown, MyST and YAML read, newlines, Unicode), imported and
built. The build must not warn and the page must show each value as written
(whitespace runs as one space; smart quotes off, so the text is compared as is).
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import warning_lines
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.cli import main


def words(text: str) -> str:
    """Text compared word by word: any run of whitespace as one space."""
    return " ".join(text.split())


#: Characters with a meaning somewhere in Markdown, MyST, its options or YAML.
SPECIAL = [*"\\`*_[]<>{}()#:%|!&;'\"-+=~^$@?,.\n\t ", ":::", "```", "---", "+++", "&amp;"]
TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from(SPECIAL),
            st.text(
                st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
                min_size=1,
                max_size=4,
            ),
        ),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda text: words(text) != "")
)


def shown(soup: BeautifulSoup, selector: str) -> list[str]:
    return [words(node.get_text()) for node in soup.select(selector)]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=TEXT, role=TEXT, location=TEXT, highlights=st.lists(TEXT, min_size=1, max_size=3))
@example(
    title="::: x\n:date: 2020",
    role=": a # b 'c'",
    location='"q" | >',
    highlights=["% c", "# h", "1. n", "(t)=", "- l", ":::{award} x"],
)
@example(  # MyST read the first bullet "\\---" of two as a front matter's fence
    title="T", role="x", location="L", highlights=["---\\", "\\"]
)
@example(title="+++ \\:::$$'\\\\:::\\\\", role="\\", location="\\" * 5, highlights=["---\\", "\\"])
def test_imported_text_shows_as_written(tmp_path_factory, title, role, location, highlights):
    tmp = tmp_path_factory.mktemp("prop")
    resume = {
        "basics": {"name": "Test Person"},
        "work": [
            {
                "name": title,
                "position": role,
                "location": location,
                "startDate": "2020",
                "highlights": highlights,
            }
        ],
    }
    (tmp / "r.json").write_text(json.dumps(resume), encoding="utf-8")
    assert main(["new", str(tmp / "cv"), "--from", str(tmp / "r.json")]) == 0
    app = SphinxTestApp(
        "html",
        srcdir=tmp / "cv" / "docs",
        confoverrides={"cv_pdf_link": False, "smartquotes": False},
    )
    try:
        app.build()
        assert warning_lines(app) == []
        page = Path(app.outdir) / "experience.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    finally:
        app.cleanup()
    assert shown(soup, ".cv-entry-title") == [words(title)]
    assert shown(soup, ".cv-entry-role") == [words(role)]
    assert shown(soup, ".cv-entry-location") == [words(location)]
    assert shown(soup, ".cv-entry-body li") == [words(text) for text in highlights]
