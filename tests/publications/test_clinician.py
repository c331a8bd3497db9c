"""The clinical epidemiologist's CV (tests/roots/test-clinician): PubMed and EndNote
records as BibTeX converters write them, in the CV's form and in medicine's
Vancouver form (``cv_publication_style = "vancouver"``).

Her name is written ``N{\\'{\\i}} Bhriain-Okonkwo, Aoife`` (bibutils), "Ni
Bhriain-Okonkwo, A" (no fada), "Ní Bhriain-Okonkwo AN" (PubMed), "Aoife Ní
Bhriain-Okonkwo" (given name first), and under her maiden name; a co-author shares
her maiden name, another her married one. A 42-author trial, an erratum without
authors, an epub ahead of print, ``pmid``, ``pmcid``, ``eprinttype = {pubmed}``,
trial numbers in ``\\href`` and in text, an ``@inbook``.
"""

from __future__ import annotations

import pytest
from conftest import TESTS_DIR, warning_lines
from outputs import (
    AND_OTHERS,
    LEFT_TEX,
    build,
    pdf_entries,
    pdf_of,
    resume_publications,
    strings,
    website_fixtures,
    website_items,
)

ROOT = TESTS_DIR / "roots" / "test-clinician"
OWNER_FORMS = {
    "Aoife Ní Bhriain-Okonkwo",
    "A Ni Bhriain-Okonkwo",
    "Ní Bhriain-Okonkwo AN",
    "Aoife Ní Bhriain",
}
#: Entries in the Vancouver form, by a word of their title.
VANCOUVER = {
    "Anticholinergic": "Walsh P, Ní Bhriain-Okonkwo A. Anticholinergic burden and delirium "
    "after hip fracture. Age Ageing. Epub 2025 Jan 8 ahead of print. DOI",
    "Correction": "Correction to: Statin use and dementia in adults over 75. BMJ. "
    "2024;384:q512. DOI",
    "cohort study": "Ní Bhriain-Okonkwo A, Murphy C, O'Sullivan DP. Statin use and dementia "
    "in adults over 75: cohort study. BMJ. 2024 Jan 9;384:e077123. DOI PMID 38195210 "
    "PMC10775402",
    "Frailty": "Murphy C, Ni Bhriain-Okonkwo A, Kelly J. Frailty in the emergency department: "
    "a prospective study. Age Ageing. 2023;52(4):afad051. PMID 37014322",
    "Polypharmacy": "Kelly J, Ní Bhriain-Okonkwo AN, Walsh P. Polypharmacy and falls in "
    "community-dwelling older adults. J Am Geriatr Soc. 2022;70(11):3152–3161. PMID 35938302",
}


html, items = website_fixtures(ROOT, "publications")


def test_a_valid_record_without_authors_is_no_warning(html):
    assert warning_lines(html) == []  # -W on GitHub Pages passes


def test_the_owner_is_bold_in_every_form_the_databases_write(items):
    assert len(items) == 10
    for item in items:
        if item.text.startswith("[7] “Correction to"):
            assert item.bold == []  # the erratum has no authors, and is shown
            continue
        assert [b for b in item.bold if b in OWNER_FORMS], (item.text, item.bold)
        # Her maiden name's and her married name's other bearers are not her.
        assert "Seán Ní Bhriain" not in item.bold
        assert "Chidi Okonkwo" not in item.bold
    for item in items:
        assert not LEFT_TEX.search(item.text), item.text
        assert not AND_OTHERS.search(item.text), item.text
        assert "\\'" not in item.text


def test_identifiers_are_links_with_their_names(items):
    statin = next(item for item in items if "Statin use" in item.text and "[8]" in item.label)
    assert statin.text.endswith("2024. DOI PMID 38195210 PMC10775402")
    assert statin.hrefs == [
        "https://doi.org/10.1136/bmj-2023-077123",
        "https://pubmed.ncbi.nlm.nih.gov/38195210/",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC10775402/",
    ]
    frailty = next(item for item in items if "Frailty" in item.text)
    assert frailty.hrefs == ["https://pubmed.ncbi.nlm.nih.gov/37014322/"]  # eprinttype pubmed
    trial = next(item for item in items if "Deprescribing" in item.text)
    assert "Trial registration: NCT04512345." in trial.text
    assert "https://clinicaltrials.gov/study/NCT04512345" in trial.hrefs
    hypertension = next(item for item in items if "Hypertension" in item.text)
    assert "https://clinicaltrials.gov/study/NCT03216789" in hypertension.hrefs  # in text
    assert "https://pmc.ncbi.nlm.nih.gov/articles/PMC7340125/" in hypertension.hrefs


def test_a_long_trial_keeps_the_owner(items):
    trial = next(item for item in items if "Deprescribing" in item.text)
    assert "…, Aoife Ní Bhriain-Okonkwo, et al. (42 authors), Lancet, 405(10476):1020–1031" in (
        trial.text
    )


def test_the_epub_and_the_chapter(items):
    epub = next(item for item in items if "Anticholinergic" in item.text)
    assert "Age Ageing, Epub 8 Jan 2025 ahead of print." in epub.text
    chapter = next(item for item in items if "Prescribing in frailty" in item.text)
    assert (
        "In Oxford Textbook of Geriatric Medicine, 3rd ed., edited by Jean-Pierre Michel, "
        "B. Lynn Beattie, and Finbarr C. Martin, pp. 221–230, Oxford University Press, Oxford, "
        "2021."
    ) in chapter.text


def test_the_vancouver_form(tmp_path_factory):
    app = build(
        ROOT, "html", tmp_path_factory.mktemp("vancouver"), cv_publication_style="vancouver"
    )
    items = website_items(app, "publications")
    for word, expected in VANCOUVER.items():
        [item] = [item for item in items if word in item.text]
        assert item.text.split("] ", 1)[1] == expected
    trial = next(item for item in items if "Deprescribing" in item.text)
    # Vancouver's six names, then the owner, then "et al.".
    assert trial.text.split("] ", 1)[1].startswith(
        "Doyle DA, Patel J, O'Sullivan CK, Brennan A, Patel A, Kowalska RD, …, "
        "Ní Bhriain-Okonkwo A, et al. (42 authors). Deprescribing"
    )
    assert "Ní Bhriain-Okonkwo A" in trial.bold


def test_resume_json(tmp_path_factory):
    publications = resume_publications(ROOT, tmp_path_factory.mktemp("json"))
    assert len(publications) == 10
    for value in strings(publications):
        assert not LEFT_TEX.search(value), value
    statin = next(p for p in publications if p["name"].endswith("cohort study"))
    assert statin["releaseDate"] == "2024-01-09"
    assert statin["publisher"] == "BMJ, 384:e077123"


@pytest.mark.latex
def test_pdf(tmp_path_factory):
    text, tex, _app = pdf_of(ROOT, tmp_path_factory.mktemp("latex"))
    entries = pdf_entries(text)
    assert len(entries) == 10
    for entry in entries:
        assert not LEFT_TEX.search(entry), entry
    assert "Aoife Ní Bhriain-Okonkwo, et al. (42 authors)" in " ".join(entries)
    assert r"\sphinxstylestrong{Ní Bhriain\sphinxhyphen{}Okonkwo AN}" in tex.replace("\u00a0", " ")
