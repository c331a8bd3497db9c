"""Publications: the pybtex style, the website's list, the PDF's list, bad entries."""

from __future__ import annotations

import importlib
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import require_tool
from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from sphinx_cv.publications.style import (
    CVStyle,
    check_entry,
    equal_legend,
    has_equal_contribution,
    number_entries,
)

# -- the style on pybtex entries ---------------------------------------------------


def entries(bib: str) -> list:
    return list(parse_string(bib, "bibtex").entries.values())


def formatted(bib: str, backend: str = "html", **style_options) -> list[tuple[str, str]]:
    """(label, HTML or text) of each entry, in the order the style puts them."""
    style = CVStyle(**style_options)
    return [
        (entry.label, entry.text.render_as(backend)) for entry in style.format_entries(entries(bib))
    ]


DATED = """
@misc{a2022, title = {A}, year = {2022}}
@misc{b2024, title = {B}, year = {2024}}
@misc{c2024dec, title = {C}, year = {2024}, month = dec}
@misc{d2023, title = {D}, year = {2023}}
@misc{e2024, title = {E}, year = {2024}}
@misc{f2024feb, title = {F}, year = {2024}, month = {2}}
"""


def test_style_is_a_pybtex_plugin(make_app, rootdir):
    """Installed: an entry point; from a checkout: registered when Sphinx loads sphinx_cv."""
    pyproject = tomllib.loads((rootdir.parent.parent / "pyproject.toml").read_text())
    target = pyproject["project"]["entry-points"]["pybtex.style.formatting"]["cv"]
    module, _, name = target.partition(":")
    assert getattr(importlib.import_module(module), name) is CVStyle
    make_app("html", srcdir=rootdir / "test-pubs")
    assert issubclass(find_plugin("pybtex.style.formatting", "cv"), CVStyle)


def test_newest_first_by_year_then_month_ties_keep_file_order():
    labels_and_titles = [
        (label, re.search(r"“(\w)", html).group(1)) for label, html in formatted(DATED)
    ]
    # December and February 2024 before the undated 2024 entries, B before E (file order).
    assert labels_and_titles == [
        ("6", "C"),
        ("5", "F"),
        ("4", "B"),
        ("3", "E"),
        ("2", "D"),
        ("1", "A"),
    ]


def test_one_numbering_across_two_lists():
    everything = entries(DATED)
    numbers = number_entries(everything)
    style = CVStyle(numbers=numbers)
    first = [e for e in everything if e.key in ("a2022", "c2024dec", "e2024")]
    second = [e for e in everything if e.key in ("b2024", "d2023", "f2024feb")]
    first_labels = [(e.key, e.label) for e in style.format_entries(first)]
    second_labels = [(e.key, e.label) for e in style.format_entries(second)]
    assert first_labels == [("c2024dec", "6"), ("e2024", "3"), ("a2022", "1")]
    assert second_labels == [("f2024feb", "5"), ("b2024", "4"), ("d2023", "2")]


def test_title_exactly_as_written():
    bib = """@inproceedings{t, title = {Trajectory Alignment: Understanding the Edge
      of Stability Phenomenon via Bifurcation Theory}, author = {Song, Minhak},
      booktitle = {NeurIPS}, year = {2023}}
      @misc{u, title = {Does {SGD} really happen in tiny subspaces?}, year = {2024}}"""
    texts = [text for _label, text in formatted(bib, "text")]
    assert texts[0].startswith("“Does SGD really happen in tiny subspaces?” ")
    assert texts[1].startswith(
        "“Trajectory Alignment: Understanding the Edge of Stability Phenomenon "
        "via Bifurcation Theory.” "
    )


@pytest.mark.parametrize("owner", ["Song, Minhak", "Minhak Song", "M. Song", "Song, M."])
@pytest.mark.parametrize("written", ["Song, Minhak", "Minhak Song", "M. Song"])
def test_owner_bold_in_every_spelling(owner, written):
    bib = f"""@misc{{k, title = {{T}}, year = {{2024}},
      author = {{Yun, Chulhee and {written} and Xiang Song and Song, Mei and Minhak Kim}}}}"""
    [(_label, html)] = formatted(bib, highlight_authors=[owner])
    # pybtex ties an initial to the name (M.&nbsp;Song); compare with plain spaces.
    bold = re.findall(r"<b>(.*?)</b>", html.replace("&nbsp;", " "))
    expected = " ".join(reversed(written.split(", "))) if ", " in written else written
    if owner.startswith("M.") or owner.endswith("M."):
        # An initial cannot tell Minhak Song from Mei Song: both are bold.
        assert bold == [expected, "Mei Song"]
    else:
        assert bold == [expected]


def test_author_list_commas_and_and():
    bib = "@misc{{k, title={{T}}, year={{2024}}, author={{{}}}}}"
    two = formatted(bib.format("Ahn, Kwangjun and Cheng, Xiang"))[0][1]
    three = formatted(bib.format("Ahn, Kwangjun and Cheng, Xiang and Sra, Suvrit"))[0][1]
    assert "Kwangjun Ahn and Xiang Cheng, 2024." in two
    assert "Kwangjun Ahn, Xiang Cheng, and Suvrit Sra, 2024." in three


def test_equal_contribution_and_highlight_marks():
    bib = """@inproceedings{k, title = {T}, booktitle = {B}, year = {2024},
      author = {Ahn, Kwangjun and Cheng, Xiang and Song, Minhak and Yun, Chulhee},
      author+an = {1=equal; 2=equal; 3=equal; 4=highlight}}"""
    [(_label, html)] = formatted(bib, highlight_authors=["Minhak Song"])
    assert html.startswith(
        "“T.” Kwangjun Ahn*, Xiang Cheng*, <b>Minhak Song*</b>, and <b>Chulhee Yun</b>, B, 2024."
    )
    assert has_equal_contribution(entries(bib)[0])
    assert not has_equal_contribution(entries(bib.replace("=equal", "=highlight"))[0])
    assert equal_legend() == "(* denotes equal contribution)"


def test_venue_abbreviation_addendum_and_links_in_order():
    bib = r"""@inproceedings{k, title = {T}, author = {Song, Minhak}, year = {2024},
      booktitle = {International Conference on Learning Representations}, abbr = {ICLR},
      addendum = {Short version at \textbf{A Workshop} (\emph{oral})},
      slides = {https://example.org/s}, code = {https://example.org/c},
      pdf = {https://example.org/p.pdf}, doi = {10.1000/x}, url = {https://example.org/paper},
      eprint = {2310.01082}, archiveprefix = {arXiv}}"""
    [(_label, html)] = formatted(bib)
    assert (
        "International Conference on Learning Representations (<b>ICLR</b>), 2024. "
        "Short version at <b>A Workshop</b> (<em>oral</em>). "
        '[<a href="https://example.org/paper">Paper</a>] '
        '[<a href="https://arxiv.org/abs/2310.01082">arXiv:2310.01082</a>] '
        '[<a href="https://doi.org/10.1000/x">DOI</a>] '
        '[<a href="https://example.org/p.pdf">PDF</a>] '
        '[<a href="https://example.org/c">Code</a>] '
        '[<a href="https://example.org/s">Slides</a>]'
    ) in html


def test_unpublished_note_is_the_venue():
    bib = """@unpublished{k, title = {Does {SGD} really happen in tiny subspaces?},
      author = {Song, Minhak and Ahn, Kwangjun and Yun, Chulhee}, note = {Manuscript},
      year = {2024}, eprint = {2405.16002}, archiveprefix = {arXiv}}"""
    [(label, text)] = formatted(bib, "markdown", highlight_authors=["Minhak Song"])
    assert label == "1"
    assert text == (
        "“Does SGD really happen in tiny subspaces?” **Minhak Song**, "
        "Kwangjun Ahn, and Chulhee Yun, Manuscript, 2024\\. "
        "\\[[arXiv:2405\\.16002](https://arxiv.org/abs/2405.16002)\\]"
    )


@pytest.mark.parametrize(
    ("bib", "message"),
    [
        ("@artikel{k, title={T}, author={A, B}, year={2024}}", "is not an entry type of BibTeX"),
        ("@misc{k, title={T}, author={A, B}, journl={J}}", "journl is not a field sphinx-cv"),
        ("@misc{k, title={T}, author={A, B and C, D}, author+an={x=equal}}", "'x=equal' is not"),
        (
            "@misc{k, title={T}, author={A, B and C, D}, author+an={3=equal}}",
            "names author 3, but the entry has 2 authors",
        ),
        (
            "@misc{k, title={T}, author={A, B}, author+an={1=first}}",
            "unknown annotation 'first'",
        ),
        (
            "@misc{k, title={T}, pdf={javascript:alert(1)}}",
            "accepted are absolute http:// or https:// URLs",
        ),
    ],
)
def test_check_entry_names_the_problem(bib, message):
    [entry] = entries(bib)
    problems = check_entry(entry)
    assert [p.message for p in problems if message in p.message], problems
    # The style still formats what it can, without the bad part.
    [(_label, html)] = formatted(bib)
    assert html.startswith("“T.”")
    assert "javascript" not in html


# -- the website -------------------------------------------------------------------

SEED_ENTRIES = [
    (
        "[3]",
        "“Does SGD really happen in tiny subspaces?” Minhak Song, Kwangjun Ahn, and "
        "Chulhee Yun, Manuscript, 2024. [arXiv:2405.16002]",
    ),
    (
        "[2]",
        "“Linear attention is (maybe) all you need (to understand Transformer optimization).” "
        "Kwangjun Ahn*, Xiang Cheng*, Minhak Song*, Chulhee Yun, Ali Jadbabaie, and Suvrit Sra, "
        "International Conference on Learning Representations (ICLR), 2024. Short version at "
        "NeurIPS 2023 Workshop on Mathematics of Modern Machine Learning (oral presentation). "
        "[Paper] [arXiv:2310.01082]",
    ),
    (
        "[1]",
        "“Trajectory Alignment: Understanding the Edge of Stability Phenomenon via Bifurcation "
        "Theory.” Minhak Song and Chulhee Yun, Neural Information Processing Systems (NeurIPS), "
        "2023. [Paper] [arXiv:2307.04204]",
    ),
]


def _shown_text(element) -> str:
    return "".join(
        text
        for text in element.find_all(string=True)
        if "cv-paren" not in text.parent.get("class", [])
    )


def publication_items(html: str) -> list[tuple[str, str, list[str], dict[str, str]]]:
    """(label, text, bold parts, {link text: href}) of each listed publication."""
    soup = BeautifulSoup(html, "html.parser")
    items = []
    for li in soup.select("ul.cv-publications > li.cv-publication"):
        label = li.select_one(".cv-publication-label").get_text()
        text = " ".join(li.p.get_text().split())
        # A venue badge's parentheses are in the text but not shown (nor counted as bold).
        bold = [" ".join(_shown_text(b).split()) for b in li.find_all("strong")]
        links = {a.get_text(): a["href"] for a in li.find_all("a")}
        items.append((label, text, bold, links))
    return items


def test_seed_publications_page(make_app, seed_project):
    app = make_app("html", srcdir=seed_project)
    app.build()
    warnings = app.warning.getvalue()
    assert "references.bib" not in warnings
    assert "publications" not in warnings
    html = (app.outdir / "publications.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    legend = soup.select(".cv-publications-legend")
    assert [p.get_text() for p in legend] == ["(* denotes equal contribution)"]
    items = publication_items(html)
    # On the website the links are buttons: the brackets of the PDF's text are gone.
    website_entries = [
        (label, re.sub(r"\[([^\]]+)\]", r"\1", text)) for label, text in SEED_ENTRIES
    ]
    assert [(label, text) for label, text, _bold, _links in items] == website_entries
    assert soup.select("a.cv-publication-link")[0].get_text() == "arXiv:2405.16002"
    # The venue's abbreviation is a badge; its parentheses stay in the text, hidden.
    badges = soup.select("strong.cv-venue-badge")
    assert [b.get_text() for b in badges] == ["(ICLR)", "(NeurIPS)"]
    assert badges[0].select(".cv-paren")
    assert [bold for _l, _t, bold, _links in items] == [
        ["Minhak Song"],
        ["Minhak Song*", "ICLR", "NeurIPS 2023 Workshop", "oral presentation"],
        ["Minhak Song", "NeurIPS"],
    ]
    assert items[1][3] == {
        "Paper": "https://openreview.net/forum?id=0uI5415ry7",
        "arXiv:2310.01082": "https://arxiv.org/abs/2310.01082",
    }
    assert items[0][3] == {"arXiv:2405.16002": "https://arxiv.org/abs/2405.16002"}
    assert items[2][3]["Paper"].startswith("https://proceedings.neurips.cc/")


@pytest.mark.sphinx("html", testroot="pubs")
def test_numbers_run_across_lists_and_pages(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "duplicate label" not in warnings
    assert "WARNING" not in warnings
    papers = (app.outdir / "papers.html").read_text(encoding="utf-8")
    preprints = (app.outdir / "preprints.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(papers, "html.parser")
    conference, journal = soup.select("ul.cv-publications")
    assert [li.span.get_text() for li in conference.find_all("li")] == ["[2]", "[1]"]
    assert [li.span.get_text() for li in journal.find_all("li")] == ["[4]"]
    assert [label for label, *_ in publication_items(preprints)] == ["[5]", "[3]"]
    # One legend, on the page (and before the list) that shows an equal-contribution mark.
    legends = soup.select(".cv-publications-legend")
    assert len(legends) == 1
    assert legends[0].find_next_sibling("ul") is conference
    assert "denotes equal contribution" not in preprints
    # Owner bold in each spelling, nobody else.
    bold = [b for *_rest, b in [(i[0], i[2]) for i in publication_items(papers)]]
    assert bold == [["M. Song*", "NeurIPS"], ["Minhak Song", "COLT"], ["Minhak Song"]]
    assert publication_items(preprints)[0][2] == ["Minhak Song"]  # not "Xiang Song"
    # A citation elsewhere links to the entry and shows its number.
    cite = BeautifulSoup(preprints, "html.parser").select_one(".bibtex-citation a")
    assert cite.get_text() == "2"
    target = cite["href"].split("#")[1]
    assert soup.find(id=target).select_one(".cv-publication-label").get_text() == "[2]"


@pytest.mark.sphinx("text", testroot="pubs")
def test_text_builder_shows_numbers_and_plain_marks(app):
    app.build()
    text = (app.outdir / "papers.txt").read_text(encoding="utf-8")
    assert "(* denotes equal contribution)" in text
    assert "[2] “Equal Contributions at NeurIPS.” Kwangjun Ahn*, **M.\u00a0Song***" in text
    assert "^*" not in text


@pytest.mark.sphinx(
    "html",
    testroot="pubs",
    srcdir="pubs-unsrt",  # a fresh copy: the other builds' environment remembers "cv"
    confoverrides={"bibtex_default_style": "unsrt"},
)
def test_a_style_chosen_in_conf_is_kept(app):
    app.build()
    assert app.config.bibtex_default_style == "unsrt"
    assert "cv-publications" not in (app.outdir / "papers.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="pubs", srcdir="pubs-tooltips-default")
def test_tooltips_are_off_unless_conf_sets_them(app, make_app):
    """A CV cites nothing: each entry is formatted once, without a tooltip copy."""
    assert app.config.bibtex_tooltips is False
    chosen = make_app(
        "html", srcdir=app.srcdir, confoverrides={"bibtex_tooltips": True, "templates_path": []}
    )
    assert chosen.config.bibtex_tooltips is True


def test_a_name_in_many_entries_is_written_alike_in_each_style():
    """Rendered names are kept across entries; an abbreviating style gets its own."""
    bib = """
    @misc{one, title = {One}, year = {2024}, author = {Ahn, Kwang{\\'e}un and Yun, Chulhee}}
    @misc{two, title = {Two}, year = {2023}, author = {Ahn, Kwang{\\'e}un and Yun, Chulhee}}"""
    full = [html for _label, html in formatted(bib)]
    short = [html for _label, html in formatted(bib, abbreviate_names=True)]
    protected = '<span class="bibtex-protected">\u00e9</span>'
    assert all(f"Kwang{protected}un Ahn and Chulhee Yun" in html for html in full)
    assert all("K.&nbsp;Ahn and C.&nbsp;Yun" in html for html in short)


# -- bad input ---------------------------------------------------------------------


def line_of(path: Path, text: str) -> int:
    """The line of ``text`` in a file, read from the file itself."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


@pytest.mark.sphinx("html", testroot="pubs-bad")
def test_bad_entries_warn_at_their_line_and_the_list_goes_on(app):
    app.build()
    warnings = app.warning.getvalue()
    bib = Path(app.srcdir) / "bad.bib"
    # An article without its journal is shown as it is (records often lack a field).
    assert "nojournal" not in warnings
    expected = [
        ("author+an = {x=equal}", "'x=equal' is not AUTHOR_NUMBER=ANNOTATION; write e.g."),
        ("author+an = {1=equal; 4=equal}", "names author 4, but the entry has 2 authors"),
        ("author+an = {2=first}", "unknown annotation 'first' in '2=first'; accepted are"),
        ("pdf       = {javascript:alert(1)}", "is not shown: it has the scheme 'javascript'"),
    ]
    for anchor, message in expected:
        location = f"{bib}:{line_of(bib, anchor)}: WARNING: "
        assert re.search(re.escape(location) + r".*" + re.escape(message), warnings), (
            anchor,
            warnings,
        )
    assert warnings.count("WARNING") == len(expected)
    assert "Traceback" not in warnings

    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    items = publication_items(html)
    assert [label for label, *_ in items] == ["[6]", "[5]", "[4]", "[3]", "[2]", "[1]"]
    # The valid part of a half-valid annotation still shows, and so the legend.
    assert items[2][1].startswith("“Annotation past the Authors.” Minhak Song* and Chulhee Yun")
    assert "denotes equal contribution" in html
    # A note with markup is text, not markup; a javascript: link is not a link.
    assert items[5][1].endswith("<img src=x onerror=alert(1)>.")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img", src="x") is None
    assert not soup.select('a[href^="javascript"]')


@pytest.mark.sphinx(
    "html",
    testroot="pubs",
    srcdir="pubs-owner",
    confoverrides={"cv_highlight_authors": ["Chulhee Yun", "Song, a, b, c"]},
)
def test_owner_names_from_conf_and_a_bad_one(app):
    app.build()
    assert re.search(
        r"WARNING: cv_highlight_authors: 'Song, a, b, c' is not a name .*"
        r"write e.g. 'Minhak Song' or 'Song, Minhak'",
        app.warning.getvalue(),
    )
    items = publication_items((app.outdir / "papers.html").read_text(encoding="utf-8"))
    assert items[0][2] == ["Chulhee Yun", "NeurIPS"]


# -- the PDF -----------------------------------------------------------------------


def publications_chapter(tex: str) -> str:
    # sphinx_cv sets the "howto" class: a page is a section, its headings subsections.
    start = tex.index(r"\section{Papers}")
    end = tex.index(r"\section{Preprints}")
    return tex[start:end]


@pytest.mark.sphinx("latex", testroot="pubs")
def test_latex_keeps_each_list_in_its_section(app):
    app.build()
    tex = (app.outdir / "minhak-song-cv.tex").read_text(encoding="utf-8")
    assert "thebibliography" not in tex
    papers = publications_chapter(tex)
    conference = papers.index(r"\subsection{Conference papers}")
    journal = papers.index(r"\subsection{Journal articles}")
    talks = papers.index(r"\subsection{Talks}")
    assert conference < papers.index(r"\cvpublication{2}") < papers.index(r"\cvpublication{1}")
    assert papers.index(r"\cvpublication{1}") < journal < papers.index(r"\cvpublication{4}")
    assert papers.index(r"\cvpublication{4}") < talks
    assert papers.index("(* denotes equal contribution)") < papers.index(r"\cvpublication{2}")
    # Specials in a title are escaped by Sphinx's translator, names bold.
    assert r"Costs of 100\% R\&D with \$5 and a\_b \#1" in papers
    assert "\\sphinxstylestrong{M.\u00a0Song*}" in papers
    assert (app.outdir / "sphinxcvpubs.sty").is_file()


@pytest.mark.latex
@pytest.mark.sphinx("latex", testroot="pubs")
def test_pdf_lists_publications_in_place(app):
    require_tool("latexmk", "xelatex", "pdftotext", "pdfinfo")
    app.build()
    subprocess.run(
        ["latexmk", "-pdfxe", "-interaction=nonstopmode", "-halt-on-error", "minhak-song-cv.tex"],
        cwd=app.outdir,
        check=True,
        capture_output=True,
        timeout=300,
    )
    text = subprocess.run(
        ["pdftotext", "minhak-song-cv.pdf", "-"],
        cwd=app.outdir,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    flat = " ".join(text.split())
    start = flat.index("Conference papers (* denotes")
    papers = flat[start : flat.index("Talks", start)]
    assert re.search(
        r"\[2\] “Equal Contributions at NeurIPS\.” Kwangjun Ahn\*, M\. Song\*, and Chulhee Yun, "
        r"Neural Information Processing Systems \(NeurIPS\), 2023\. \[Paper\] "
        r"\[1\] “An Older Conference Paper\.” Jiwoo Kim and Minhak Song, "
        r"Conference on Learning Theory \(COLT\), 2021\. "
        r"(?:[\d.]+ )?Journal articles "  # the section number is the document class's call
        r"\[4\] “Costs of 100% R&D with \$5 and a_b #1\.” Minhak Song, Journal of Examples, "
        r"2024\. \[DOI\]",
        papers,
    ), papers
    preprints = flat[flat.index("See also") :]
    assert re.search(r"\[5\] “The Newest Preprint\.”.*\[3\] “A Preprint from March\.”", preprints)
    # The citation "[2]" on the preprints page jumps to entry [2] in the PDF.
    tex = (app.outdir / "minhak-song-cv.tex").read_text(encoding="utf-8")
    anchor = re.search(r"\\hyperlink\{(cite\.[^}]+)\}\{2\}", tex).group(1)
    destinations = subprocess.run(
        ["pdfinfo", "-dests", "minhak-song-cv.pdf"], cwd=app.outdir, check=True, capture_output=True
    ).stdout.decode()
    assert f'"{anchor}"' in destinations
