# ruff: noqa: RUF001  (the minus sign, the sun's symbol and the like are what is tested)
"""The astronomer's CV (tests/roots/test-astronomer): papers as ADS, INSPIRE, DBLP and
al-folio write them, in the website, the PDF, the text and ``resume.json``.

Her 15 papers use the AAS journal macros, ADS's entity-like commands and entities,
``\\ensuremath``, a 288-author Euclid paper, "and others" and "and et al.", INSPIRE's
``collaboration``, DBLP's ``url`` that is the DOI's address, an arXiv ``url`` beside
its ``eprint``, a SPIE series, a Zenodo ``@software``, al-folio's files, and her maiden
name. Each output is built once for the module.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TESTS_DIR, warning_lines
from outputs import (
    AND_OTHERS,
    LEFT_TEX,
    build,
    folded,
    pdf_entries,
    pdf_of,
    resume_publications,
    strings,
    website_fixtures,
)

ROOT = TESTS_DIR / "roots" / "test-astronomer"
OWNER_FORMS = (
    "Maren Østergaard-Lindqvist",
    "M. Østergaard-Lindqvist",
    "Maren Lindqvist",
    "M. Lindqvist",
)

#: What a reader sees, output by output (the website shows sub- and superscripts as
#: <sub>/<sup>, so its text reads "M⊙" where the PDF's text reads "M⊙" too).
FACTS = [
    "ApJ, 943(2):156, 2023",
    "Cold dust at z ∼ 5",
    "MNRAS, 517(2):2040–2061, 2022",
    "The galaxy’s halo at 30\u00a0kpc: outflows ← and inflows",
    "Star formation & feedback at",
    "A&A, 650:A12, 2021",
    "Nature, 530(7589):123–125, 2016",
    "Proc. SPIE 12184, 121843B, 2022",
    "Software, v1.4.2, Zenodo, Apr 2024",
    "arXiv e-prints, 2025",
    "R. Abbasi et al. (IceCube Collaboration), Science, 380(6652):1338–1343, 2023",
    "Ph.D. thesis, University of Copenhagen, 2019",
    "JCAP, 2018(5):012, 2018",
    "ApJL, 845(1):L10, 2017",
    "Gas fractions of submillimetre galaxies at z ≳ 4",
    "(288 authors)",
]


html, items = website_fixtures(ROOT, "publications")


def test_the_only_warning_is_the_missing_al_folio_file(html):
    bib = Path(html.srcdir) / "references.bib"
    line = next(
        n
        for n, text in enumerate(bib.read_text("utf-8").splitlines(), 1)
        if "missing-poster" in text
    )
    assert warning_lines(html) == [
        f"{bib}:{line}: WARNING: ostergaard2020poster: poster 'missing-poster.pdf' is not shown: "
        "no such file; accepted is a file's path relative to the .bib file (or in al-folio's "
        "assets/pdf/ beside it), or an https:// address [cv.bibtex]"
    ]


def test_every_entry_is_shown_without_tex_or_and_others(items):
    assert len(items) == 15
    for item in items:
        assert not LEFT_TEX.search(item.text), item.text
        assert not AND_OTHERS.search(item.text), item.text


def test_the_website_shows_each_field(items, html):
    shown = " ".join(item.text for item in items)
    for fact in FACTS:
        # The website's <sup>/<sub> read as plain digits in its text.
        assert folded(fact.replace("10¹⁰", "1010")) in shown, fact
    page = (Path(html.outdir) / "publications.html").read_text("utf-8")
    assert 'M<span class="cv-math"><sub>⊙</sub></span> of gas' in page
    assert (
        '10<span class="cv-math"><sup>9</sup></span> M<span class="cv-math"><sub>⊙</sub></span>'
        in page
    )


def test_the_owner_is_bold_in_every_form_and_nobody_else(items):
    for item in items:
        if "Abbasi" in item.text:
            assert not any("Lindqvist" in bold for bold in item.bold)  # she is in "others"
            continue
        owner = [bold for bold in item.bold if bold.rstrip("*") in OWNER_FORMS]
        assert len(owner) == 1, (item.text, item.bold)
        # The same family names, other people.
        assert "Erik Lindqvist" not in item.bold
        assert "Niels Ostergaard" not in item.bold


def test_a_long_list_keeps_the_owner_and_says_how_many(items):
    [euclid] = [item for item in items if "Euclid mission" in item.text]
    # The first 10 names (the collaboration is one), then the owner, then how many.
    pattern = (
        r"Euclid Collaboration, (?:[^,]+, ){9}…, M\. Østergaard-Lindqvist, et al\. "
        r"\(288 authors\), A&A"
    )
    assert re.search(pattern, euclid.text), euclid.text
    assert "M. Østergaard-Lindqvist" in euclid.bold


def test_one_button_per_address_labelled_as_its_site(items, html):
    for item in items:
        assert len(item.hrefs) == len(set(item.hrefs)), item.text
    by_title = {item.text.split("”")[0]: item for item in items}
    dblp = next(item for title, item in by_title.items() if "Graph Networks" in title)
    assert dblp.hrefs == [
        "https://arxiv.org/abs/2106.01234",
        "https://doi.org/10.48550/ARXIV.2106.01234",
        "https://dblp.org/rec/journals/corr/abs-2106-01234",
    ]  # url was the DOI's address: one [DOI], no [Paper]
    assert dblp.text.endswith("arXiv:2106.01234 DOI dblp")
    lines = next(item for title, item in by_title.items() if "Line ratios" in title)
    assert lines.hrefs == ["https://arxiv.org/abs/2409.01234"]  # its url was the arXiv page
    ads = next(item for title, item in by_title.items() if "Cold dust" in title)
    assert ads.hrefs[-1] == "https://ui.adsabs.harvard.edu/abs/2023ApJ...943..156O"
    assert ads.text.endswith("DOI ADS")


def test_al_folio_files_are_the_site_s_downloads(html, items):
    [comet] = [item for item in items if "long-period comet" in item.text]
    # The macro's journal is named once: the abbr's badge ("(PSJ)", parentheses hidden).
    assert "Jørgensen, (PSJ), 1(3):77, 2020." in comet.text
    assert comet.bold[-1] == "PSJ"
    [pdf] = [href for href in comet.hrefs if href.endswith("dust-poster.pdf")]
    assert (Path(html.outdir) / "publications.html").parent.joinpath(pdf).is_file()
    assert "https://example.org/talks/coma-slides.pdf" in comet.hrefs
    assert "https://iopscience.iop.org/article/10.3847/PSJ/abc123" in comet.hrefs


def test_text_output(tmp_path_factory):
    app = build(ROOT, "text", tmp_path_factory.mktemp("text"))
    text = folded((Path(app.outdir) / "publications.txt").read_text("utf-8"))
    for fact in FACTS:
        assert folded(fact) in text, fact
    assert "10¹⁰ M_⊙" in text
    assert not LEFT_TEX.search(text)
    assert not AND_OTHERS.search(text)


def test_resume_json(tmp_path_factory):
    publications = resume_publications(ROOT, tmp_path_factory.mktemp("json"))
    assert len(publications) == 15
    for value in strings(publications):
        assert not LEFT_TEX.search(value), value
        assert not AND_OTHERS.search(value), value
    [euclid] = [p for p in publications if p["name"].startswith("Euclid. I.")]
    assert "…, M. Østergaard-Lindqvist, et al. (288 authors)" in euclid["summary"]
    assert euclid["publisher"] == "A&A, 697:A1"
    [spie] = [p for p in publications if "cryogenic" in p["name"]]
    assert "Proc. SPIE 12184, 121843B" in spie["publisher"]
    assert spie["releaseDate"] == "2022-08"


@pytest.mark.latex
def test_pdf(tmp_path_factory):
    text, tex, _app = pdf_of(ROOT, tmp_path_factory.mktemp("latex"))
    entries = pdf_entries(text)
    assert [entry.split()[0] for entry in entries] == [f"[{n}]" for n in range(15, 0, -1)]
    flat = folded(text)
    for fact in FACTS:
        assert folded(fact.replace("\u00a0", " ")) in flat, fact
    for entry in entries:
        assert not LEFT_TEX.search(entry), entry
        assert not AND_OTHERS.search(entry), entry
    # The formulas are typeset, the bold owner is bold.
    assert r"\ensuremath{_{\odot}}" in tex
    assert r"\sphinxstylestrong{M. Østergaard\sphinxhyphen{}Lindqvist}" in tex.replace(
        "\u00a0", " "
    )
