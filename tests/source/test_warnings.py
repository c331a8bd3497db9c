"""Bad input: one warning at the file and line, saying what is accepted; the page still builds."""

import re

import pytest
from bs4 import BeautifulSoup
from conftest import warning_lines

ACCEPTED_DATES = (
    "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD, MM/YYYY, 'YYYY Season' or 'Season YYYY'"
)
ACCEPTED_URLS = "accepted are absolute http:// or https:// URLs"

EXPECTED = [
    (3, "timeline: invalid ':date:' 'last spring': 'last spring' is not a date", ACCEPTED_DATES),
    (7, "timeline: invalid ':date:' '2020-13': '2020-13' has no month 13", ACCEPTED_DATES),
    (11, "'2020-02-30' is not a day of the calendar", ACCEPTED_DATES),
    (15, "'2020-05 -- 2019' ends before it starts", ACCEPTED_DATES),
    (19, "timeline: the ':date:' option is missing", "':date: 2020-03 -- present'"),
    (23, "timeline: the title is missing", "':::{timeline} Title'"),
    (
        27,
        "timeline: unknown ':kind:' 'hobby'",
        "accepted are education, work, volunteer, project, activity",
    ),
    (32, "timeline: ':url:' 'javascript:alert(1)' is ignored", ACCEPTED_URLS),
    (37, "award: ':url:' 'data:text/html,hi' is ignored", ACCEPTED_URLS),
]


@pytest.mark.sphinx("html", testroot="bad-input")
def test_each_bad_input_warns_once_at_its_line(app):
    app.build()
    warnings = warning_lines(app)
    source = str(app.srcdir / "index.md")
    assert len(warnings) == len(EXPECTED), "\n".join(warnings)
    for warning, (line, problem, accepted) in zip(warnings, EXPECTED, strict=True):
        assert warning.startswith(f"{source}:{line}: WARNING: "), warning
        assert problem in warning
        assert accepted in warning
    assert "Traceback" not in app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="bad-input")
def test_page_still_builds(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = soup.select("li.cv-entry")
    titles = [entry.select_one(".cv-entry-title").get_text() for entry in entries]
    assert titles == [
        "Not a date",
        "Month thirteen",
        "Thirtieth of February",
        "Backwards",
        "No date",
        "",
        "Unknown kind",
        "Script link",
        "Data link",
        "Still built",
    ]
    # A date that could not be read is shown as written, without <time>.
    first = entries[0].select_one(".cv-entry-dates")
    assert first.get_text() == "last spring"
    assert first.find("time") is None
    assert "cv-kind-work" in entries[6]["class"]
    # Rejected URLs give no link at all.
    assert entries[7].select_one(".cv-entry-title a") is None
    assert entries[8].select_one(".cv-entry-title a") is None
    assert not soup.find(href=re.compile("^(javascript|data):"))
    assert entries[9].select_one(".cv-entry-body").get_text(strip=True) == (
        "The rest of the page still builds."
    )
