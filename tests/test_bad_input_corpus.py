"""The bad-input corpus: every mistake is one warning at its file and line that says
what is accepted; every page is still built; there is never a traceback.

The corpus is the test root ``test-corpus`` (dates, directive options and
arguments, URLs, publications) and ``test-corpus-config*`` (conf.py values).
Each case names the page and the line the warning must point at, by that
line's text, so the table reads like the pages.
"""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import build_app, warning_lines
from sphinx.testing.util import SphinxTestApp

DATES = "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD, MM/YYYY, 'YYYY Season' or 'Season YYYY'"
URLS = "accepted are absolute http:// or https:// URLs"
KINDS = "accepted are education, work, volunteer, project, activity, talk (default work)"

# (page, the line the warning points at, the problem, what is accepted)
CASES = [
    # Dates: every rejection of the grammar.
    ("dates", ":::{timeline} Not a date", "'last spring' is not a date", DATES),
    ("dates", ":::{award} Month thirteen", "'2020-13' has no month 13", DATES),
    ("dates", ":::{timeline} Month zero", "'2020-00' has no month 0", DATES),
    ("dates", ":::{award} Thirtieth of February", "'2020-02-30' is not a day of", DATES),
    ("dates", ":::{timeline} Leap day of a common year", "'2021-02-29' is not a day", DATES),
    ("dates", ":::{award} Thirty-first of April", "'2020-04-31' is not a day", DATES),
    ("dates", ":::{timeline} One-digit month", "'2020-3' is not a date", DATES),
    ("dates", ":::{award} Slashes", "'2020/03' is not a date", DATES),
    ("dates", ":::{timeline} Two-digit year", "'20-03' is not a date", DATES),
    ("dates", ":::{award} Season of a year", "'Spring of 2021' is not a date", DATES),
    ("dates", ":::{timeline} Unknown season", "'Monsoon' is not a season", DATES),
    ("dates", ":::{award} Month name", "'Mar 2020' is not a date", DATES),
    ("dates", ":::{timeline} Words between", "'2019 to 2020' is not a date", DATES),
    ("dates", ":::{award} Ends before it starts", "'2020-05 -- 2019' ends before", DATES),
    ("dates", ":::{timeline} Ends the day before", "'2021-03-02 -- 2021-03-01' ends", DATES),
    ("dates", ":::{award} Fall before Spring", "'2021 Fall -- 2021 Spring' ends before", DATES),
    ("dates", ":::{timeline} Two separators", "has more than one separator", DATES),
    ("dates", ":::{award} Present first", "'present' is not a date", DATES),
    ("dates", ":::{timeline} Open end", "'2020 --' has nothing after the separator", DATES),
    ("dates", ":::{award} Open start", "'-- 2020' has nothing before the separator", DATES),
    ("dates", ":::{timeline} Trailing comma", "has an empty date between commas", DATES),
    ("dates", ":::{award} Bad second span", "'Fal' is not a season", DATES),
    ("dates", ":::{award} Year zero", "'0000-03' has no year 0", DATES),
    ("dates", ":::{timeline} Winter semester of one year", "'WS 2015' needs both years", DATES),
    ("dates", ":::{timeline} Empty date", "the ':date:' option is empty", ":date: 2020-03"),
    ("dates", ":::{award} No date", "the ':date:' option is missing", ":date: 2020-03"),
    # Directive arguments and options.
    ("options", ":::{timeline}\n:date: 2020", "timeline: the title is missing", "{timeline} Title"),
    ("options", ":::{award}\n:date: 2020", "award: the title is missing", "':::{award} Title'"),
    ("options", ":::{timeline} Unknown kind", "unknown ':kind:' 'hobby'", KINDS),
    ("options", ":::{timeline} Empty kind", "unknown ':kind:' ''", KINDS),
    ("options", ":colour: red", "Unknown option key: 'colour'", "allowed: ['class', 'date'"),
    ("options", ":role: Winner", "'award': Unknown option key: 'role'", "'issuer', 'tags', 'url'"),
    ("options", ":::{award} Nested entry", "'2019-14' has no month 14", DATES),
    ("options", ":::{timeline} Outer entry", "'Nested entry' (line 36) is inside", "closing ':::'"),
    ("options", ":::{profile}\n", "profile: the name is missing", "{profile} Ada Lovelace"),
    ("options", ":::{profile} Ada", "'ada at example.org' is ignored", "'name@example.org'"),
    ("options", ":twitter: @ada", "Unknown option key: 'twitter'", "'email', 'github'"),
    # URLs: only absolute web links and mail.
    ("urls", ":::{timeline} Script link\n", "timeline: ':url:' 'javascript:alert(1)'", URLS),
    ("urls", ":::{timeline} Script link in", "'JaVaScRiPt:alert(1)' is ignored", URLS),
    ("urls", ":::{award} Data link", "':url:' 'data:text/html,<script>", URLS),
    ("urls", ":::{award} VBScript link", "'vbscript:msgbox(1)' is ignored", URLS),
    ("urls", ":::{timeline} No scheme", "'www.example.org' is ignored", URLS),
    ("urls", ":::{timeline} No host", "'https:///path' is ignored", URLS),
    ("urls", ":::{award} File link", "'file:///etc/passwd' is ignored", URLS),
    ("urls", ":::{profile} Grace", "':website:' 'javascript:alert(1)' is ignored", URLS),
    ("urls", ":::{profile} Grace", "':github:' 'data:text/html,hi' is ignored", URLS),
    # Publications: filters and citations (sphinxcontrib-bibtex's own messages where it has one).
    (
        "publications",
        "```{bibliography}\n:filter: yaer",
        "':filter:' names 'yaer', which no entry has",
        "accepted are type, key, cited, docname, docnames, author, editor and the fields "
        "of the entries (journal, title, year)",
    ),
    (
        "publications",
        "```{bibliography}\n:filter: year >",
        "syntax error in :filter: expression (year >)",
        "the option will be ignored",
    ),
    ("publications", "See {cite}", 'could not find bibtex key "nosuchkey"', ""),
]

# Entries the .bib leaves incomplete: the style decides whether that is worth a
# warning, but any warning about them points at the {bibliography} that lists them.
INCOMPLETE_ENTRIES = ("notitle", "noauthor")


def line_of(path, anchor: str) -> int:
    """The line where ``anchor`` (one or more whole lines' start) begins; it must be unique."""
    text = path.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(re.escape(anchor), text)]
    starts = [s for s in starts if s == 0 or text[s - 1] == "\n"]
    assert len(starts) == 1, f"{anchor!r} occurs {len(starts)} times in {path.name}"
    return text.count("\n", 0, starts[0]) + 1


def build(rootdir, tmp_path_factory, name: str, builder: str = "html") -> SphinxTestApp:
    """Build a copy of the root ``test-NAME`` (without the site's PDF)."""
    srcdir = tmp_path_factory.mktemp(f"{name}-{builder}") / "src"
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    return build_app(builder, srcdir, cv_pdf_link=False)


@pytest.fixture(scope="module")
def corpus(rootdir, tmp_path_factory) -> SphinxTestApp:
    """The corpus, built once for all its cases."""
    return build(rootdir, tmp_path_factory, "corpus")


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize(
    ("page_name", "anchor", "problem", "accepted"),
    CASES,
    ids=[f"{case[0]}-{case[2][:40]}" for case in CASES],
)
def test_case_warns_once_at_its_line(corpus, page_name, anchor, problem, accepted):
    source = corpus.srcdir / f"{page_name}.md"
    prefix = f"{source}:{line_of(source, anchor)}: WARNING: "
    matching = [w for w in warning_lines(corpus) if problem in w]
    assert len(matching) == 1, matching
    assert matching[0].startswith(prefix), matching[0]
    assert accepted in matching[0]


def test_a_second_profile_warns_and_names_the_first(corpus):
    options = corpus.srcdir / "options.md"
    first = f"{options}:{line_of(options, ':::{profile}' + chr(10))}"
    for page_name, anchor in (("options", ":::{profile} Ada"), ("urls", ":::{profile} Grace")):
        source = corpus.srcdir / f"{page_name}.md"
        prefix = f"{source}:{line_of(source, anchor)}: WARNING: profile: the CV has a profile "
        matching = [w for w in warning_lines(corpus) if w.startswith(prefix)]
        assert len(matching) == 1, warning_lines(corpus)
        assert f"already, at {first}; only that one is used" in matching[0]


def test_no_other_warnings_and_no_traceback(corpus):
    expected = [w for w in warning_lines(corpus) if any(case[2] in w for case in CASES)]
    expected += [w for w in warning_lines(corpus) if "has a profile already" in w]
    about_incomplete = [
        w for w in warning_lines(corpus) if any(key in w for key in INCOMPLETE_ENTRIES)
    ]
    assert sorted(warning_lines(corpus)) == sorted(expected + about_incomplete)
    everything = corpus.status.getvalue() + corpus.warning.getvalue()
    assert "Traceback" not in everything
    assert "Exception occurred" not in everything


def test_incomplete_bib_entries_warn_at_their_bib_entry(corpus):
    """An entry without a title is a warning at its line in the .bib; one without authors
    is shown as it is (records often lack them: an erratum, an editorial)."""
    bib = corpus.srcdir / "refs.bib"
    [notitle] = [w for w in warning_lines(corpus) if "'notitle'" in w]
    assert notitle.startswith(f"{bib}:{line_of(bib, '@article{notitle')}: WARNING: ")
    assert "@article entry 'notitle' has no title; it is shown without one" in notitle
    assert not [w for w in warning_lines(corpus) if "'noauthor'" in w]


def test_every_page_is_built(corpus):
    for name in ("dates", "options", "urls"):
        soup = page(corpus, name)
        last = soup.select("li.cv-entry")[-1]
        assert last.select_one(".cv-entry-title").get_text() == "Still built", name
    dates = page(corpus, "dates")
    titles = [t.get_text() for t in dates.select(".cv-entry-title")]
    assert titles[:3] == ["Not a date", "Month thirteen", "Month zero"]
    assert len(titles) == 27
    # A date that could not be read is shown as written, without <time>.
    shown = dates.select(".cv-entry-dates")[0]
    assert shown.get_text() == "last spring"
    assert shown.find("time") is None
    # The unknown option is dropped, the entry kept.
    options = page(corpus, "options")
    titles = [t.get_text() for t in options.select(".cv-entry-title")]
    assert "Unknown option" in titles
    assert "Nested entry" in titles
    assert "cv-kind-work" in options.find(string="Unknown kind").find_parent("li")["class"]


def test_rejected_urls_give_no_link(corpus):
    soup = page(corpus, "urls")
    hrefs = [a["href"] for a in soup.select(".cv-entry a, .cv-profile a")]
    # Grace's profile is the CV's second (options.md has the first): it is not shown.
    assert hrefs == ["https://example.org/ok"]
    assert not soup.find(href=re.compile("^(javascript|data|vbscript|file):", re.IGNORECASE))
    # The rejected data URL's markup is nowhere as markup.
    assert "<script>alert" not in (corpus.outdir / "urls.html").read_text(encoding="utf-8")


def test_latex_commands_in_bib_fields_are_decoded(corpus):
    soup = page(corpus, "publications")
    # Formulas are elements of their own (<span class="cv-math">): no separator around them.
    for bibtex in soup.select(".cv-bibtex"):  # the .bib as written, on purpose
        bibtex.decompose()
    text = " ".join(c.get_text() for c in soup.select(".cv-publication"))
    assert "Gödel" in text
    assert "Łukasiewicz" in text
    assert "études" in text
    assert "\u03b1-&-\u03b2" in text  # $\alpha$-{\&}-$\beta$
    assert "\\" not in text


@pytest.mark.parametrize(
    ("name", "line", "problem", "accepted"),
    [
        (
            "corpus-config",
            5,
            "cv_present_label = 3 is of type int",
            "accepted is a string such as 'Present' or 'Current'; using the default 'Present'",
        ),
        (
            "corpus-config",
            6,
            "cv_date_format = ['%b %Y'] is of type list",
            "accepted is a strftime format such as '%b %Y' (Mar 2020)",
        ),
        (
            "corpus-config-format",
            4,
            "cv_date_format = 'Month Year' has no % code",
            "using the default '%b %Y'",
        ),
        (
            "corpus-config-code",
            4,
            "cv_date_format = '%b %Q' has a % code that strftime does not know",
            "accepted is a strftime format such as '%b %Y' (Mar 2020)",
        ),
    ],
)
def test_bad_config_value_warns_at_its_line_in_conf_py(
    rootdir, tmp_path_factory, name, line, problem, accepted
):
    app = build(rootdir, tmp_path_factory, name)
    matching = [w for w in warning_lines(app) if problem in w]
    assert len(matching) == 1, warning_lines(app)
    assert matching[0].startswith(f"{app.srcdir / 'conf.py'}:{line}: WARNING: ")
    assert accepted in matching[0]
    # Reported once: Sphinx's own type check does not repeat it.
    assert len(warning_lines(app)) == (2 if name == "corpus-config" else 1)
    # The page is built with the defaults.
    dates = page(app, "index").select_one(".cv-entry-dates").get_text()
    label = "Present" if name == "corpus-config" else "Current"
    assert dates == f"Mar 2020 \u2013 {label}"
