"""``--bib``: BibTeX kept as written, PubMed's MEDLINE and RIS converted, other formats refused."""

from __future__ import annotations

import re

import pytest
from conftest import TESTS_DIR
from pybtex.database import parse_string
from test_importers import build, new, site_text

from sphinx_cv.cli import main

PUBMED = TESTS_DIR / "data" / "pubmed"


@pytest.fixture(scope="module")
def medline_bib(tmp_path_factory) -> dict:
    """The MEDLINE file's entries as references.bib holds them, by PMID."""
    project, _ = new(tmp_path_factory.mktemp("nbib"), "--bib", PUBMED / "clinician.nbib")
    entries = parse_string((project / "references.bib").read_text(encoding="utf-8"), "bibtex")
    return {entry.fields["pmid"]: entry for entry in entries.entries.values()}


def names(entry, role: str = "author") -> list[str]:
    """The persons as written, without the braces that keep a name whole."""
    return [str(person).replace("{", "").replace("}", "") for person in entry.persons.get(role, [])]


def test_full_names_win_over_initials_and_a_group_author_stays_in_place(medline_bib):
    trial = medline_bib["32152019"]  # FAU, with the CARDIO-SHIFT group second
    authors = names(trial)
    assert authors[0] == "Kowalczyk, Agnieszka"
    assert authors[1] == "CARDIO-SHIFT Investigators"
    assert "Lindqvist, Karin M" in authors
    record = (PUBMED / "clinician.nbib").read_text(encoding="utf-8").split("PMID- 31314187")[1]
    family, initials = re.search(r"^AU  - (.+) (\w+)$", record, re.M).groups()
    old = medline_bib["31314187"]  # a record without FAU: the initials PubMed gives
    assert names(old)[0] == f"{family}, {initials}"


def test_journal_volume_pages_and_dates_as_written(medline_bib):
    first = medline_bib["31000000"].fields
    assert first["journal"] == "The New England journal of medicine"
    assert first["shortjournal"] == "N Engl J Med"
    assert (first["volume"], first["number"], first["pages"]) == ("100", "1", "100-09")
    assert (first["year"], first["month"], first["date"]) == ("2012", "1", "2012-01-01")
    assert first["doi"] == "10.1000/cv.2012.0000"
    assert first["pmcid"] == "PMC7000000"
    assert (first["eprint"], first["eprinttype"]) == ("31000000", "pubmed")
    assert first["note"] == "Epub 2012 Jan 1"
    span = medline_bib["31209458"].fields  # DP 2014 Mar-Apr
    assert span["date"] == "2014-03/2014-04"


def test_ahead_of_print_trial_registration_types_and_errata(medline_bib):
    ahead = medline_bib["31523645"].fields
    assert ahead["pubstate"] == "prepublished"
    assert ahead["note"].startswith("Epub ahead of print 2018")
    trial = medline_bib["31000000"].fields
    assert "Trial registration: ClinicalTrials.gov NCT03100000" in trial["addendum"]
    assert trial["keywords"] == "Randomized Controlled Trial, Multicenter Study"
    assert "Erratum in: JAMA. 2014" in medline_bib["31209458"].fields["addendum"]
    erratum = medline_bib["31999999"].fields
    assert erratum["keywords"] == "Published Erratum"
    assert "Erratum for: JAMA. 2014 Mar;104(3)" in erratum["addendum"]


def test_a_book_chapter_has_its_book_and_editors(medline_bib):
    chapter = medline_bib["29630261"]
    assert chapter.type == "incollection"
    assert chapter.fields["booktitle"] == "StatPearls"
    assert names(chapter, "editor") == ["Åberg, Erik", "Kuznetsova, Olga"]
    assert chapter.fields["publisher"] == "StatPearls Publishing"


def test_the_site_shows_a_converted_record(tmp_path):
    project, report = new(tmp_path, "--name", "Karin Lindqvist", "--bib", PUBMED / "clinician.nbib")
    assert "28 PubMed MEDLINE records converted to BibTeX" in report
    assert "fields not carried into references.bib: AD (26)" in report
    text = site_text(build(project))
    assert "Ó Súilleabháin" in text
    assert "CARDIO-SHIFT Investigators" in text
    assert "Epub ahead of print" in text


def test_ris_types_names_and_identifiers(tmp_path):
    project, report = new(tmp_path, "--bib", PUBMED / "clinician.ris")
    entries = parse_string((project / "references.bib").read_text(encoding="utf-8"), "bibtex")
    by_title = {e.fields["title"]: e for e in entries.entries.values()}
    chapter = by_title["Heart failure in the elderly"]
    assert chapter.type == "incollection"
    assert chapter.fields["booktitle"] == "Geriatric Cardiology"
    assert names(chapter, "editor") == ["Åberg, Erik", "Kuznetsova, Olga"]
    assert by_title["Rhythm and rate: studies in atrial fibrillation"].type == "phdthesis"
    article = next(e for t, e in by_title.items() if t.startswith("Beta-blockers"))
    assert article.fields["doi"] == "10.1000/cv.2012.0000"  # the resolver's prefix taken off
    assert article.fields["pmid"] == "31000000"
    assert article.fields["shortjournal"] == "N Engl J Med"
    wearables = next(e for t, e in by_title.items() if t.startswith("Wearables"))
    assert wearables.fields["date"] == "2022-06"
    assert "custom7 (1)" in report


def test_a_repeated_key_keeps_the_first_entry_and_names_the_line(tmp_path):
    bib = tmp_path / "refs.bib"
    entries = [
        f"@article{{k{n}, title = {{Paper {n}}}, author = {{A B}}, journal = {{J}}, year = 2020}}"
        for n in range(24)
    ]
    entries.insert(
        10, "@article{k3,\n  title = {A second k3}, author = {C D}, journal = {J}, year = 2021}"
    )
    bib.write_text("\n".join(entries) + "\n", encoding="utf-8")
    project, report = new(tmp_path, "--bib", bib)
    assert f"{bib}:11: key 'k3' again (first at line 4); the first entry is kept" in report
    text = site_text(build(project))
    assert "Paper 23" in text
    assert "Paper 3" in text
    assert "A second k3" not in text
    assert (
        len(re.findall(r"^@article", (project / "references.bib").read_text("utf-8"), re.M)) == 24
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("%0 Journal Article\n%A Smith, J\n%T A paper\n", "EndNote tagged (.enw)"),
        ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", "Web of Science plain text"),
        ('[{"id": "x", "type": "article-journal"}]', "JSON (CSL JSON or another)"),
        ("Smith J. A paper. Lancet. 2020;1:1-2.\n", "no format sphinx-cv knows"),
    ],
)
def test_a_format_it_does_not_read_is_refused_by_name(text, name, tmp_path, capsys):
    source = tmp_path / "papers.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--bib", str(source)]) == 1
    error = capsys.readouterr().err
    assert f"{source}: {name}, which sphinx-cv does not read" in error
    assert "BibTeX (.bib), RIS (.ris) or PubMed's MEDLINE (.nbib)" in error
    assert not (tmp_path / "cv").exists()


def test_a_damaged_medline_file_is_refused_at_its_line(tmp_path, capsys):
    source = tmp_path / "pubmed.nbib"
    source.write_text("PMID- 1\nTI  - A title\nthis line is neither\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--bib", str(source)]) == 1
    assert f"{source}:3: not MEDLINE" in capsys.readouterr().err
