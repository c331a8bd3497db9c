"""A fixed hostile profile (``tests/roots/test-hostile-profile``): every value holds what
HTML, LaTeX, Typst, man or Texinfo would read as markup, and every output shows it as text.

The website's elements that the writers make by hand are checked attribute by attribute;
the text, man and Texinfo outputs line by line; both PDFs are compiled with that name.
"""

from __future__ import annotations

import gettext
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, build_app, compile_pdf, require_tool, warning_lines

ROOT = TESTS_DIR / "roots" / "test-hostile-profile"
NAME = 'Ann "A" & Co_1 #2 %'
GITHUB = 'https://github.com/hoa"onmouseover="alert(1)'
WEBSITE = 'https://ann.example.org/a_b?x=1&y="2"#frag'
#: A user name with what HTML (``&``, ``<i>``), LaTeX (``_ & ~``) and Typst (``_ <i>``) read.
LINKEDIN_USER = "ann_lee&co~<i>x"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The root built by each builder (once), each reading the pages afresh: Sphinx's
    smart quotes depend on the builder that reads them (none for text and man)."""
    srcdir = tmp_path_factory.mktemp("hostile-profile") / "src"
    shutil.copytree(ROOT, srcdir)
    outdirs = {}
    for builder in ("html", "text", "man", "texinfo"):
        app = build_app(builder, srcdir, freshenv=True, cv_pdf_link=False)
        assert warning_lines(app) == [], builder
        outdirs[builder] = Path(app.outdir)
    return outdirs


def soup_of(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def test_no_element_has_an_event_handler(built):
    for page in ("index", "entries", "publications"):
        for element in soup_of(built["html"], page).find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], (element.name, element.attrs)


def test_the_photos_alt_text_is_the_name(built):
    (photo,) = soup_of(built["html"], "index").select("img.cv-photo")
    assert photo["alt"] == NAME


def test_the_contacts_attributes_are_their_values(built):
    soup = soup_of(built["html"], "index")
    github = soup.select_one("li.cv-profile-github a")
    assert github["href"] == GITHUB
    assert github["aria-label"] == 'GitHub: hoa"onmouseover="alert(1)'
    assert github.get_text() == 'hoa"onmouseover="alert(1)'
    linkedin = soup.select_one("li.cv-profile-linkedin a")
    assert linkedin["href"] == f"https://www.linkedin.com/in/{LINKEDIN_USER}"
    assert linkedin["aria-label"] == f"LinkedIn: {LINKEDIN_USER}"
    assert linkedin.get_text() == LINKEDIN_USER
    assert linkedin.find_all(True) == []  # text, no <i> element
    website = soup.select_one("li.cv-profile-website a")
    assert website["href"] == WEBSITE
    assert website.get_text() == WEBSITE  # an address as written: no smart quotes
    assert (
        soup.select_one("li.cv-profile-location")
        .get_text(" ", strip=True)
        .endswith("Ann\u2019s \u201cplace\u201d & <here>")
    )


def test_the_copyable_bibtex_is_the_entry_as_written(built):
    """Its <pre> holds the entry's fields as text: an organization with HTML in it too."""
    soup = soup_of(built["html"], "publications")
    (source,) = soup.select("pre.cv-bibtex-source")
    assert source.find_all(True) == []
    assert source.get_text().splitlines() == [
        "@article{ann2024,",
        '  author = {Ann "A" and Co_1, Bea},',
        '  title = {Stars \\& "lines" #2 50\\% done},',
        "  journal = {Journal of Things},",
        "  year = {2024},",
        '  organization = {Less <b>than</b> & "more" <script>alert(1)</script>}',
        "}",
    ]
    assert soup.find("script", string="alert(1)") is None


def test_the_entrys_link_and_text(built):
    soup = soup_of(built["html"], "entries")
    title = soup.select_one(".cv-entry-title a")
    assert title["href"] == 'https://example.org/?a=1&b="2"'
    assert title.get_text() == "Lab \u201cQ\u201d & Co_1 #2 %"


def test_the_name_in_titles_metadata_and_json_ld(built):
    soup = soup_of(built["html"], "index")
    # The page's heading is Markdown, with smart quotes; the site's name is conf.py's.
    assert soup.title.get_text() == f"{NAME} \u2014 Ann \u201cA\u201d & Co_1 #2 %"
    assert soup.select_one(".logo__title").get_text() == NAME
    (script,) = soup.select('script[type="application/ld+json"]')
    assert json.loads(script.string)["name"] == NAME
    resume = json.loads((built["html"] / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"]["name"] == NAME


def test_the_text_outputs_lines(built):
    index = (built["text"] / "index.txt").read_text(encoding="utf-8").splitlines()
    assert index[0] == NAME
    assert index[3] == (
        f"Personal website: {WEBSITE} · Contact: ann+co_1@example.org · "
        'Location: Ann\'s "place" & <here> · GitHub: github.com/hoa"onmouseover="alert(1) · '
        f"LinkedIn: www.linkedin.com/in/{LINKEDIN_USER}"
    )
    entries = (built["text"] / "entries.txt").read_text(encoding="utf-8").splitlines()
    assert entries[3:6] == [
        'Lab "Q" & Co_1 #2 % | 2020 – Present',
        '  Lead "R" & Co',
        '  * Did "things" & more #2 % *x*',
    ]


PUBLICATION = (
    '[1] \u201cStars & \u2018lines\u2019 #2 50% done.\u201d Ann "A" and Bea Co_1, Journal of'
)


def test_the_publications_number_in_every_manual_output(built):
    """The "[n]" of each paper, and the bib's special characters as text."""
    text = (built["text"] / "publications.txt").read_text(encoding="utf-8").splitlines()
    assert text[3:5] == [PUBLICATION, "    Things, 2024."]
    (man,) = built["man"].glob("*.1")
    assert (
        "[1] \u201cStars & \u2018lines\u2019 #2 50% done.\u201d Ann \\(dqA\\(dq and Bea Co_1, "
        "Journal of Things, 2024."
    ) in man.read_text(encoding="utf-8").splitlines()
    (texi,) = built["texinfo"].glob("*.texi")
    assert f"{PUBLICATION} Things, 2024." in texi.read_text(encoding="utf-8").splitlines()


def test_the_man_pages_lines(built):
    (page,) = built["man"].glob("*.1")
    lines = page.read_text(encoding="utf-8").splitlines()
    assert (
        'Lab \\(dqQ\\(dq & Co_1 #2 % \\%<https://\\:example\\:.org/?\\:a=1&\\:b="2"> | '
        "2020 – Present"
    ) in lines
    assert "Lead \\(dqR\\(dq & Co" in lines
    assert "Did \\(dqthings\\(dq & more #2 % \\fIx\\fP" in lines
    contacts = next(line for line in lines if line.startswith("Personal website:"))
    assert "GitHub: github.com/hoa\\(dqonmouseover=\\(dqalert(1)" in contacts


def test_the_texinfo_lines(built):
    (page,) = built["texinfo"].glob("*.texi")
    lines = page.read_text(encoding="utf-8").splitlines()
    assert (
        'Lab \u201cQ\u201d & Co_1 #2 %@footnote{https://example.org/?a=1&b="2"} | 2020 – Present'
    ) in lines
    assert "Lead \u201cR\u201d & Co" in lines
    assert "Did \u201cthings\u201d & more #2 % `x'" in lines
    contacts = next(line for line in lines if line.startswith("Personal website:"))
    assert "Contact: @email{ann+co_1@@example.org}" in contacts


@pytest.mark.latex
def test_the_latex_pdf_prints_the_name(tmp_path):
    require_tool("pdftotext")
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    app = build_app("latex", srcdir)
    pdf = compile_pdf(Path(app.outdir) / app.config.latex_documents[0][1])
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert NAME in text.replace("\u201c", '"').replace("\u201d", '"')
    assert f"LinkedIn: {LINKEDIN_USER}" in text
    assert 'y="2"#frag' in text  # the address as written


def test_the_typst_pdf_prints_the_name(tmp_path):
    require_tool("pdftotext")
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    app = build_app("typst", srcdir)
    assert warning_lines(app) == []
    (pdf,) = Path(app.outdir).glob("*.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert NAME in text
    assert f"LinkedIn: {LINKEDIN_USER}" in text
    assert 'y="2"#frag' in text  # the address as written
    assert 'Lab "Q" & Co_1 #2 %' in text.replace("\u201c", '"').replace("\u201d", '"')


def test_a_name_with_html_is_text_in_every_title(tmp_path):
    """The theme prints the site's name as HTML (sidebar, search page): it is escaped."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    hostile = "Ann <img src=x onerror=alert(1)>"
    conf, index = srcdir / "conf.py", srcdir / "index.md"
    conf.write_text(conf.read_text(encoding="utf-8").replace(NAME, hostile), "utf-8")
    # The page as sphinx-cv new writes it: the heading's text escaped for Markdown.
    text = index.read_text(encoding="utf-8").replace(
        f"# {NAME}", "# Ann \\<img src=x onerror=alert(1)\\>"
    )
    index.write_text(text.replace(NAME, hostile), "utf-8")
    app = build_app("html", srcdir, cv_pdf_link=False)
    for page in ("index", "entries", "search", "genindex"):
        html = (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")
        assert "<img src=x" not in html, page
        soup = BeautifulSoup(html, "html.parser")
        assert hostile in soup.title.get_text(), page
        assert soup.select_one(".logo__title").get_text() == hostile, page


def test_an_address_that_is_no_web_address_is_no_canonical_link(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            "https://ann.example.org/cv/", "javascript://%0aalert(1)//resume.json"
        ),
        encoding="utf-8",
    )
    app = build_app("html", srcdir, cv_pdf_link=False)
    (warning,) = warning_lines(app)
    lines = conf.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("html_baseurl"))
    assert (
        f"{conf}:{line}: WARNING: html_baseurl 'javascript://%0aalert(1)//resume.json' is left out"
        in warning
    )
    assert "it has the scheme 'javascript'" in warning
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "javascript:" not in html
    resume = json.loads((Path(app.outdir) / "resume.json").read_text(encoding="utf-8"))
    assert "javascript" not in json.dumps(resume)


#: What a translator may write where the extension has a word ("Web & blog"): the
#: catalog's words are text in every output, as the CV's own are.
HOSTILE_WORDS = ("Personal website", "Contact", "Copy", "Copied")
WORD_SUFFIX = ' & <i>"x"</i> _#%~'


class HostileCatalog(gettext.NullTranslations):
    """The extension's catalog with markup in the words of :data:`HOSTILE_WORDS`."""

    def gettext(self, message: str) -> str:
        if message in HOSTILE_WORDS:
            return message + WORD_SUFFIX
        return super().gettext(message)


@pytest.fixture
def hostile_catalog(monkeypatch, tmp_path) -> Path:
    """The root's copy, built with :class:`HostileCatalog` as the extension's catalog
    (Sphinx adds the real one behind it, as a fallback)."""
    from sphinx import locale

    from sphinx_cv.i18n import CATALOG

    monkeypatch.setitem(locale.translators, ("general", CATALOG), HostileCatalog())
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    return srcdir


def test_the_catalogs_words_are_text_on_the_website(hostile_catalog):
    app = build_app("html", hostile_catalog, cv_pdf_link=False)
    assert warning_lines(app) == []
    soup = soup_of(Path(app.outdir), "index")
    labels = [span.get_text() for span in soup.select(".cv-profile-label")]
    assert labels[:2] == [f"Personal website{WORD_SUFFIX}:", f"Contact{WORD_SUFFIX}:"]
    assert soup.select(".cv-profile i") == []
    (button,) = soup_of(Path(app.outdir), "publications").select("button.cv-copy")
    assert (button["data-label"], button["data-done"], button.get_text()) == (
        f"Copy{WORD_SUFFIX}",
        f"Copied{WORD_SUFFIX}",
        f"Copy{WORD_SUFFIX}",
    )
    assert button.find_all(True) == []


@pytest.mark.latex
def test_the_catalogs_words_are_text_in_the_latex_pdf(hostile_catalog):
    require_tool("pdftotext")
    app = build_app("latex", hostile_catalog)
    pdf = compile_pdf(Path(app.outdir) / app.config.latex_documents[0][1])
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    # The labels are the website's (the PDF shows the values alone): read, never printed.
    lines = text.replace("\u201c", '"').replace("\u201d", '"').splitlines()
    assert f"{WEBSITE} | ann+co_1@example.org" in lines
    assert "Personal website" not in text
