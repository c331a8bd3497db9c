"""The style on files people and tools wrote (tests/data/bib, see SOURCES.md).

NASA ADS's export service, LSST DESC's ADS bibliography, INSPIRE-style references
(HSF), a JabRef library of DBLP exports, biblatex-software, Zotero's Better BibLaTeX
and al-folio: every entry is shown, without a TeX command or a math delimiter left,
with "et al." for "and others", each address once, and the owners bold in the forms
the files write their names. Then 1000 entries of a real ADS export (cosmobib) build
their whole PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TESTS_DIR
from outputs import (
    AND_OTHERS,
    LEFT_TEX,
    build,
    folded,
    pdf_entries,
    pdf_of,
    resume_publications,
    strings,
    website_items,
)

DATA = TESTS_DIR / "data" / "bib"
FILES = [
    "ads-export-service.bib",
    "lsstdesc-desc-tex.bib",
    "hsf-bibliohep-publications.bib",
    "hsf-bibliohep-software.bib",
    "jabref-authors.bib",
    "jabref-biblatex-software.bib",
    "zotero-better-biblatex.bib",
    "al-folio-papers.bib",
]
#: People of the files, as cv_highlight_authors names them, and their family names.
OWNERS = {
    "Oscar Gustafsson": "Gustafsson",  # DBLP via JabRef
    "Albert Einstein": "Einstein",  # al-folio: "Einstein, A." and "Einstein, Albert"
    "Renée Hložek": "Hložek",  # ADS: {Hlo{\v z}ek}, R.
    "Helmut Koziol": "Koziol",  # Zotero
    "Mario Juric": "Juri",  # not in these files: nobody is bold for it
}


def project(tmp: Path, files: list[str]) -> Path:
    """A CV whose publications page lists every entry of ``files``."""
    root = tmp / "root"
    root.mkdir()
    for name in files:
        (root / name).write_bytes((DATA / name).read_bytes())
    (root / "conf.py").write_text(
        'project = author = "Wild"\n'
        'extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]\n'
        f"bibtex_bibfiles = {files!r}\n"
        f"cv_highlight_authors = {list(OWNERS)!r}\n"
        'exclude_patterns = ["_build"]\n',
        encoding="utf-8",
    )
    (root / "index.md").write_text("# Papers\n\n```{bibliography}\n:all:\n```\n", "utf-8")
    return root


def keys_of(files: list[str]) -> set[str]:
    """The entry keys of the files, each once (one file has a key twice)."""
    keys = set()
    for name in files:
        text = (DATA / name).read_text(encoding="utf-8")
        keys.update(
            key.lower()
            for key in re.findall(
                r"^\s*@(?!string|comment|preamble)\w+\s*\{\s*([^,\s]+)\s*,", text, re.M | re.I
            )
        )
    return keys


def byline(text: str) -> str:
    """An item's text after its title ("and others" may be a title's words)."""
    return text.split("”", 1)[-1] if "“" in text else text


@pytest.fixture(scope="module")
def wild(tmp_path_factory) -> Path:
    return project(tmp_path_factory.mktemp("wild"), FILES)


@pytest.fixture(scope="module")
def items(wild, tmp_path_factory):
    app = build(wild, "html", tmp_path_factory.mktemp("html"))
    return website_items(app, "index")


def test_no_entry_is_lost(items):
    assert len(items) == len(keys_of(FILES))


def test_no_tex_and_no_and_others_is_left(items):
    for item in items:
        assert not LEFT_TEX.search(item.text), item.text
        assert not AND_OTHERS.search(byline(item.text)), item.text


def test_one_button_per_address(items):
    for item in items:
        assert len(item.hrefs) == len(set(item.hrefs)), item.text
    # JabRef's DBLP entries give url = the DOI's address: shown once, as [DOI].
    fir = next(item for item in items if "Decimation filters" in item.text)
    assert fir.hrefs == [
        "https://doi.org/10.1109/ISCAS.2015.7169119",
        "https://dblp.org/rec/conf/iscas/GustafssonJ15",  # its biburl, as the record's page
    ]


def test_the_owners_are_bold_in_the_forms_the_files_write(items):
    for name, family in OWNERS.items():
        mentioned = [item for item in items if family in byline(item.text)]
        if name == "Mario Juric":
            assert not [i for i in items if any(family in b for b in i.bold)]
            continue
        assert mentioned, name
        for item in mentioned:
            assert any(family in bold for bold in item.bold), (name, item.text, item.bold)


def test_the_dialects_read(items):
    text = " ".join(item.text for item in items)
    for shown in (
        "Phys. Rev. Lett., 120(2):029901, 2018",  # ADS's \prl
        "Software, v2024.2, Zenodo, Apr 2024",  # ADS's @software
        "A. Malz, R. Hložek, T. Allam",  # ADS's {Hlo{\v z}ek}
        "Jesús Grajal",  # DBLP's Jes{\'{u}}s
        "Linear programming design of semi-digital FIR filter and ΣΔ modulator",  # DBLP \(\)
        "(HEP Software Foundation)",  # INSPIRE's collaboration
        "Thea Aarrestad et al.",  # "and others"
        "Über die von der molekularkinetischen Theorie der Wärme",  # al-folio's {\"U}
    ):
        assert shown in text, shown


def test_resume_json(wild, tmp_path_factory):
    publications = resume_publications(wild, tmp_path_factory.mktemp("json"))
    assert len(publications) == len(keys_of(FILES))
    for value in strings(publications):
        assert not LEFT_TEX.search(value), value


@pytest.mark.latex
def test_the_wild_files_build_their_pdf(wild, tmp_path_factory):
    text, _tex, _app = pdf_of(wild, tmp_path_factory.mktemp("latex"))
    entries = pdf_entries(text)
    assert len(entries) == len(keys_of(FILES))
    for entry in entries:
        assert not LEFT_TEX.search(entry), entry


@pytest.mark.slow
@pytest.mark.latex
def test_a_thousand_ads_entries_build_their_whole_pdf(tmp_path_factory):
    """cosmobib: 1000 entries of a real ADS export (some keys twice: the first is shown)."""
    files = ["cosmobib-ads-1000.bib"]
    root = project(tmp_path_factory.mktemp("cosmobib"), files)
    text, _tex, _app = pdf_of(root, tmp_path_factory.mktemp("cosmobib-latex"))
    count = len(keys_of(files))
    assert count > 950
    labels = [entry.split()[0] for entry in pdf_entries(text)]
    assert labels == [f"[{n}]" for n in range(count, 0, -1)]
    assert not LEFT_TEX.search(folded(text))
    for journal in ("ApJ", "MNRAS", "Phys. Rev. D", "A&A", "Nature", "ARA&A"):
        assert f", {journal}, " in folded(text), journal
