"""Hostile and broken input, round two (issue 13): no traceback, no silent loss, one URL policy.

The test root ``test-hostile`` holds what a wider probe found: links that
crash ``urlsplit`` or reach an export, contact details that are not, raw HTML
in option values, options MyST drops, entries nested by a forgotten ``:::``,
non-ASCII digits, a second profile, a ``.bib`` file with a syntax error,
latin-1 bytes and a repeated key, a ``:filter:`` that fails on the entries,
``cv_highlight_authors`` that are no names, and a page named ``50%#``. Each is
one warning at its file and line, and everything else is built.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import build_app, compile_pdf, warning_lines
from sphinx.testing.util import SphinxTestApp
from test_bad_input_corpus import build, line_of, page

URLS = "accepted are absolute http:// or https:// URLs"
DATES = "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD, MM/YYYY, 'YYYY Season' or 'Season YYYY'"

# (file, the line the warning points at, the problem, what is accepted or done)
CASES = [
    # Pages: links, contact details, HTML, options, nesting, digits.
    ("entries.md", ":::{timeline} Broken IPv6", "':url:' 'http://[::1' is ignored", URLS),
    ("index.md", ":::{profile} Ada", "':website:' 'https://[oops' is ignored", URLS),
    (
        "index.md",
        ":::{profile} Ada",
        "':email:' 'x\"><svg/onload=alert(3)>@example.org' is ignored: it is not an e-mail",
        "accepted is an address such as 'name@example.org'",
    ),
    (
        "index.md",
        ":::{profile} Ada",
        "':phone:' 'javascript:alert(1)' is ignored: it is not a phone number",
        "accepted are digits, spaces and + - ( ) . /",
    ),
    (
        "entries.md",
        ":::{timeline} Raw <b>HTML</b>",
        "HTML is not allowed in 'Raw <b>HTML</b> title'; '<b> </b>' is left out",
        "write *emphasis* or **bold** in Markdown",
    ),
    (
        "entries.md",
        ":::{timeline} Raw <b>HTML</b>",
        "HTML is not allowed in 'Lead <img src=x onerror=alert(1)>'",
        "'<img src=x onerror=alert(1)>' is left out",
    ),
    (
        "entries.md",
        ":::{timeline} Quoted role",
        "MyST did not read ':date:', ':role:', ':location:' as written",
        "quote such a value as a whole (:role: '\"Lead\" engineer'",
    ),
    (
        "entries.md",
        ":issuer: Second",
        "award: ':issuer:' is given twice (lines 26 and 27)",
        "the one at line 27 is used",
    ),
    (
        "entries.md",
        ":::{timeline} Unclosed outer",
        "the award 'Nested award' (line 33) is inside this timeline (line 30)",
        "is its closing ':::' missing? It is shown after this entry",
    ),
    (
        "entries.md",
        "- **Languages<script>",
        "skills: HTML is not allowed in 'Languages<script>alert(1)</script>:",
        "'<script> </script> <b> </b>' is left out",
    ),
    ("entries.md", ":::{timeline} Arabic", "'٢٠٢٠' has digits other than 0-9", DATES),
    (
        "entries.md",
        ":::{award} Fullwidth",
        "'\uff12\uff10\uff12\uff10' has digits other than 0-9",
        DATES,
    ),
    (
        "second.md",
        ":::{profile} Somebody",
        "profile: its content is ignored",
        "a profile takes only the name and the options :website:",
    ),
    (
        "second.md",
        ":::{profile} Somebody",
        "profile: the CV has a profile already, at {srcdir}/index.md:3",
        "only that one is used (on the site, in the PDF and in the exports)",
    ),
    (
        "second.md",
        ":::{award} Greater-than issuer",
        "award: MyST did not read ':issuer:' as written (it reads a value that starts with a "
        "quote, '>' or '|' as YAML)",
        "read as written, each to the end of its line",
    ),
    (
        "second.md",
        ":::{award} Link in the title",
        "the link 'ftp://example.org/x' in 'Link in the title [to ftp](ftp://example.org/x)' is "
        "shown as text: it has the scheme 'ftp'",
        URLS,
    ),
    (
        "publications.md",
        "```{bibliography}\n:filter: year > 2020",
        "':filter:' cannot be applied (TypeError: '>' not supported",
        "the list shows the cited entries instead",
    ),
    # conf.py
    (
        "conf.py",
        "cv_highlight_authors =",
        "cv_highlight_authors: 'Song, a, b, c' is not a name",
        "write e.g. 'Minhak Song' or 'Song, Minhak'",
    ),
    # refs.bib: syntax, encoding, keys, fields, links.
    (
        "refs.bib",
        "  author  = {Song, Minhak},\n  journal = {Journal of Examples},\n  year    = {2020}",
        "syntax error: '}' expected (the entries around it are read)",
        "",
    ),
    (
        "refs.bib",
        "  title   = {A title ending",
        "title 'A title ending in a backslash \\\\' has a backslash that starts no LaTeX",
        "write \\textbackslash{} for a backslash",
    ),
    (
        "refs.bib",
        "@article{unbalanced",
        "the entry 'unbalanced' does not end: a brace or parenthesis in it is not closed",
        "it is left out, the entries after it are read",
    ),
    (
        "refs.bib",
        "@article{good,\n  title   = {The same",
        "the key 'good' is used twice (first at line 34)",
        "the first entry is shown",
    ),
    (
        "refs.bib",
        "  title   = {Caf",
        "bytes that are not utf-8-sig (the first is 0xE9)",
        "save the file as UTF-8",
    ),
    ("refs.bib", "  month     = {²}", "month '²' is not a month", "'month = {3}'"),
    ("refs.bib", "  month   = {13}", "month '13' is not a month", "'month = {3}'"),
    ("refs.bib", "  author+an", "author+an: '²=equal' is not AUTHOR_NUMBER", "'1=equal"),
    ("refs.bib", "  author+an", "author+an: '0=equal' is not AUTHOR_NUMBER", "'1=equal"),
    (
        "refs.bib",
        "  doi     = {javascript",
        "doi 'javascript://x' is not shown: it has the scheme 'javascript'",
        URLS,
    ),
    ("refs.bib", "  url     = {ftp:", "url 'ftp://example.org/paper.pdf' is not shown", URLS),
    ("refs.bib", "  code    = {JaVaScRiPt", "code 'JaVaScRiPt:alert(1)' is not shown", URLS),
]


@pytest.fixture(scope="module")
def hostile(rootdir, tmp_path_factory) -> SphinxTestApp:
    return build(rootdir, tmp_path_factory, "hostile")


def bib_line(path, anchor: str) -> int:
    """As :func:`line_of`, for the .bib, which holds a latin-1 byte."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    starts = [m.start() for m in re.finditer(re.escape(anchor), text)]
    assert len(starts) == 1, f"{anchor!r} occurs {len(starts)} times"
    return text.count("\n", 0, starts[0]) + 1


@pytest.mark.parametrize(
    ("filename", "anchor", "problem", "accepted"),
    CASES,
    ids=[f"{case[0]}-{case[2][:40]}" for case in CASES],
)
def test_case_warns_once_at_its_line(hostile, filename, anchor, problem, accepted):
    source = hostile.srcdir / filename
    line = bib_line(source, anchor) if filename == "refs.bib" else line_of(source, anchor)
    problem = problem.replace("{srcdir}", str(hostile.srcdir))
    matching = [w for w in warning_lines(hostile) if problem in w]
    assert len(matching) == 1, warning_lines(hostile)
    assert matching[0].startswith(f"{source}:{line}: WARNING: "), matching[0]
    assert accepted in matching[0]


def test_no_traceback_and_every_warning_located(hostile):
    everything = hostile.status.getvalue() + hostile.warning.getvalue()
    assert "Traceback" not in everything
    assert "Exception occurred" not in everything
    assert "Extension error" not in everything
    for warning in warning_lines(hostile):
        assert re.match(rf"{re.escape(str(hostile.srcdir))}/\S+:\d+: WARNING: ", warning), warning


def test_every_page_is_built(hostile):
    entries = page(hostile, "entries")
    titles = [t.get_text() for t in entries.select(".cv-entry-title")]
    assert titles[-1] == "Still built"
    assert "The rest of the page still builds." in entries.get_text()
    # The nested award is taken out of the outer entry and follows it.
    outer = entries.find(string="Unclosed outer").find_parent("li")
    assert "Nested award" not in outer.get_text()
    assert titles.index("Nested award") == titles.index("Unclosed outer") + 1
    second = page(hostile, "second")
    assert second.select(".cv-entry-title")[-1].get_text() == "Still built"
    assert second.select(".cv-entry-title")[0].get_text() == "Link in the title to ftp"
    assert second.select(".cv-entry-title")[0].find("a") is None
    assert second.select_one(".cv-entry-issuer").get_text() == ">"
    # The options MyST dropped are read as written.
    quoted = entries.find(string="Quoted role").find_parent("li")
    assert quoted.select_one(".cv-entry-role").get_text() == "\u201cLead\u201d engineer"
    assert quoted.select_one(".cv-entry-location").get_text() == "Paris"
    assert quoted.select_one("time")["datetime"] == "2021"
    twice = entries.find(string="Twice the issuer").find_parent("li")
    assert twice.select_one(".cv-entry-issuer").get_text() == "Second"


def test_markdown_in_an_option_is_markup_and_html_is_not(hostile):
    entries = page(hostile, "entries")
    location = entries.find(string="Emphasis in the location").find_parent("li")
    field = location.select_one(".cv-entry-location")
    assert field.get_text() == "Remote, Earth"
    assert field.find("em").get_text() == "Remote"
    assert "emphasis" not in (hostile.outdir / "entries.html").read_text(encoding="utf-8")
    raw = entries.select(".cv-entry")[2]
    assert raw.select_one(".cv-entry-title").get_text() == "Raw HTML title"
    assert raw.select_one(".cv-entry-role").get_text().strip() == "Lead"
    assert raw.find(["b", "img"]) is None
    assert not entries.find_all(attrs={"onerror": True})
    skills = entries.select_one(".cv-skills")
    assert skills.find(["script", "b"]) is None
    assert skills.select("li")[0].get_text() == "Languagesalert(1): Korean (native)"
    resume = json.loads((hostile.outdir / "resume.json").read_text(encoding="utf-8"))
    # Its entries are language names: spoken languages, the markup gone from them too.
    assert resume["languages"] == [{"language": "Korean", "fluency": "native"}]
    assert resume["skills"] == [{"name": "Tools", "keywords": ["Python"]}]


def test_refused_links_and_contacts_are_in_no_output(hostile):
    home = page(hostile, "index")
    profile = home.select_one(".cv-profile")
    assert [a["href"] for a in profile.select("a")] == ["https://github.com/ada"]
    # The only SVGs are the contacts' own icons, without a script.
    assert [svg["class"] for svg in profile.select("svg")] == [["cv-icon"]]
    assert not profile.find_all(attrs={"onload": True})
    # The second profile is shown nowhere.
    assert page(hostile, "second").select_one(".cv-profile") is None
    papers = page(hostile, "publications")
    hrefs = [a["href"] for a in papers.select(".cv-publication a")]
    assert hrefs == []  # no entry of that page has a link the policy accepts
    resume = json.loads((hostile.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"] == {
        "name": "Ada Lovelace",
        "profiles": [{"network": "GitHub", "username": "ada", "url": "https://github.com/ada"}],
    }
    urls = [pub.get("url") for pub in resume["publications"]]
    assert urls == [None, None, "https://example.org/good", None, None], resume["publications"]
    everything = " ".join(
        path.read_text(encoding="utf-8", errors="replace").lower()
        for path in hostile.outdir.rglob("*")
        if path.suffix in (".html", ".json")
    )
    assert "javascript:" not in re.sub(r"\s", "", everything.replace("javascript:alert(1)<", ""))


def test_bib_mistakes_leave_the_rest_of_the_list(hostile):
    papers = page(hostile, "publications")
    text = papers.get_text(" ", strip=True)
    assert "A title ending in a backslash \\" in text
    assert "Superscript digits" in text
    assert "Caf\ufffd in latin-1" in text  # the latin-1 byte, shown and warned about
    assert "The same key again" not in text  # the repeated key: the first entry is kept
    assert "unbalanced" not in text
    # Position 0 is no author: no mark, no legend, on the page or in resume.json.
    assert "denotes equal contribution" not in text
    resume = (hostile.outdir / "resume.json").read_text(encoding="utf-8")
    assert "denotes equal contribution" not in resume
    assert "*" not in json.dumps(json.loads(resume)["publications"])
    # A month that is not one is left out of the release date.
    dates = {pub["name"]: pub.get("releaseDate") for pub in json.loads(resume)["publications"]}
    assert dates["Superscript digits"] == "2019"
    assert dates["Bad links"] == "2018"
    good = page(hostile, "50%#")
    assert [a["href"] for a in good.select(".cv-publication a")] == ["https://example.org/good"]


def test_non_ascii_digits_are_no_dates(hostile):
    entries = page(hostile, "entries")
    for title, written in (
        ("Arabic-Indic year", "٢٠٢٠"),
        ("Fullwidth year", "\uff12\uff10\uff12\uff10"),
    ):
        entry = entries.find(string=title).find_parent("li")
        assert entry.select_one(".cv-entry-dates").get_text() == written
        assert entry.find("time") is None
    resume = json.loads((hostile.outdir / "resume.json").read_text(encoding="utf-8"))
    assert all(
        re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", item[key])
        for section in ("work", "awards")
        for item in resume.get(section, [])
        for key in ("startDate", "endDate", "date")
        if key in item
    )


@pytest.fixture(scope="module")
def hostile_pdf(rootdir, tmp_path_factory):
    """The hostile CV as LaTeX, compiled once (a page named ``50%#`` among its pages)."""
    app = build(rootdir, tmp_path_factory, "hostile", "latex")
    tex = next(app.outdir.glob("*.tex"))
    compile_pdf(tex)
    return tex


@pytest.mark.latex
def test_the_pdf_compiles_and_prints_one_profile(hostile_pdf):
    tex = hostile_pdf
    pdf = tex.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text.count("Ada Lovelace") == 1
    assert "Somebody Else" not in text
    assert "FIFTY PERCENT" in text  # the page named 50%#
    assert "Still built" in text
    assert "Remote, Earth" in text
    assert "emphasis" not in text
    source = tex.read_text(encoding="utf-8")
    assert r"\hypertarget{\detokenize{cite.50__:" in source  # "%" and "#" escaped
    assert "javascript" not in source.lower()


# -- conf.py -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def config_app(rootdir, tmp_path_factory) -> SphinxTestApp:
    return build(rootdir, tmp_path_factory, "corpus-config-hostile")


@pytest.mark.parametrize(
    ("anchor", "problem", "accepted"),
    [
        # Sphinx itself fails on this while it checks the configuration.
        ("author = 3", "author = 3 is of type int", "using '3'"),
        # Inside an if, and assigned twice: the last assignment is the one in effect.
        ("    cv_present_label = 3", "cv_present_label = 3 is of type int", "'Present'"),
        # A tuple assignment; "%%" is a literal "%", the same for every month.
        ("cv_date_format, unused", "cv_date_format = '%%' has no % code", "'%b %Y'"),
        ("bibtex_bibfiles =", "bibtex_bibfiles: 'missing.bib' (", "does not exist"),
    ],
)
def test_conf_py_mistakes_warn_at_their_line(config_app, anchor, problem, accepted):
    conf_py = config_app.srcdir / "conf.py"
    matching = [w for w in warning_lines(config_app) if problem in w]
    assert len(matching) == 1, warning_lines(config_app)
    assert matching[0].startswith(f"{conf_py}:{line_of(conf_py, anchor)}: WARNING: ")
    assert accepted in matching[0]


def test_conf_py_mistakes_leave_the_cv_built(config_app):
    assert len(warning_lines(config_app)) == 4, warning_lines(config_app)
    everything = config_app.status.getvalue() + config_app.warning.getvalue()
    assert "Traceback" not in everything
    entry = page(config_app, "index").select_one(".cv-entry")
    assert entry.select_one(".cv-entry-dates").get_text() == "Mar 2020 \u2013 Present"


@pytest.mark.parametrize(
    ("month_format", "problem"),
    [
        ("%%", "has no % code"),
        ("%Y", "shows two months the same"),
        ("%d %Y", "shows two months the same"),
        ("%b %Y", None),
        ("%m/%Y", None),
    ],
)
def test_a_month_format_must_vary_by_month(month_format, problem):
    from sphinx_cv.source.config import EXTRA_CHECKS

    found = EXTRA_CHECKS["cv_date_format"](month_format)
    assert found == problem if problem is None else problem in found


@pytest.mark.parametrize(
    ("style", "problem"), [("semester", None), ("season", None), ("US", "is no")]
)
def test_a_semester_style_is_semester_or_season(style, problem):
    from sphinx_cv.source.config import ACCEPTED, EXTRA_CHECKS

    found = EXTRA_CHECKS["cv_semesters"](style)
    assert found == problem if problem is None else found.startswith(problem)
    assert (
        "'semester' (WS 2013/14, Winter 2013/14) or 'season' (Fall 2013)"
        in ACCEPTED["cv_semesters"]
    )


#: A .bib file whose third entry lacks an "=" (line 15); the file is read an entry at a
#: time, and the warning's line is the file's, not the line within its entry.
LATE_SYNTAX_ERROR = """\
% Papers, newest first.

@article{first,
  title   = {First paper},
  author  = {Song, Minhak},
  journal = {Journal of Examples},
  year    = {2021},
}

@article{second,
  title   = {Second paper},
  author  = {Song, Minhak},
  journal = {Journal of Examples},
  year    = {2020},
  month     3,
}

@article{third,
  title   = {Third paper},
  author  = {Song, Minhak},
  journal = {Journal of Examples},
  year    = {2019},
}
"""


def test_a_bib_syntax_error_after_the_first_entry_warns_at_its_line(rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-hostile-profile", srcdir)
    bib = srcdir / "refs.bib"
    bib.write_text(LATE_SYNTAX_ERROR, encoding="utf-8")
    app = build_app("html", srcdir, cv_pdf_link=False)
    (warning,) = warning_lines(app)
    assert warning.startswith(
        f"{bib}:15: WARNING: syntax error: '=' expected (the entries around it are read)"
    ), warning
    text = (app.outdir / "publications.html").read_text(encoding="utf-8")
    assert "First paper" in text
    assert "Third paper" in text
