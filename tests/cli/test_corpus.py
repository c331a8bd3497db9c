"""Real files, imported and built: no entry lost from the website, the PDF or resume.json.

The corpus (``tests/data/*/SOURCES.md``): JSON Resume files from public
repositories (the schema's own, al-folio's and academicpages' templates and
forks, two theme samples), RenderCV's examples in every theme and its other
sample files, ORCID's published sample records, and a PubMed (MEDLINE) and a
RIS export of our making. Each file is imported with ``sphinx-cv new`` and
built; every entry's title must be on the website, every warning of the build
must be one the report announced, and ``resume.json`` must hold every entry
the README says it keeps.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, require_tool, slow_unless
from helpers import env
from test_importers import build, new, squeeze

DATA = TESTS_DIR / "data"
JSON_RESUMES = [*sorted((DATA / "jsonresume").glob("*.json")), DATA / "jsonresume-sample.json"]
RENDERCV = sorted((DATA / "rendercv").glob("*.yaml"))
ORCID = sorted((DATA / "orcid").glob("*.json"))
PUBLICATION_LISTS = [DATA / "pubmed" / "clinician.nbib", DATA / "pubmed" / "clinician.ris"]
#: The files every run imports: the templates people start from, the schema's own samples,
#: a CV in Japanese, one with diacritics, ORCID's full record; the others in the slow run.
QUICK = {
    "academicpages-template.json",
    "al-folio-template.json",
    "japanese-cv-style.json",
    "jsonresume-sample.json",
    "academic.yaml",
    "diacritics.yaml",
    "John_Doe_ClassicTheme_CV.yaml",
    "record-full-3.0.json",
    "work-51-contributors-3.0.json",
}


def files(paths: list[Path]) -> list:
    """The paths as test parameters named by their file, slow unless in ``QUICK``."""
    return [
        pytest.param(path, id=path.name, marks=slow_unless(path.name in QUICK)) for path in paths
    ]


#: Warnings a build of an imported file may give, each announced by the report.
ANNOUNCED = {
    "the ':date:' option is missing": "no date; the build warns",
    "has no 'author' field": "no contributors; the entry has no authors|has no author",
    "is not shown: it has the scheme": "is no DOI",
}
#: JSON Resume sections and the field that titles their entries.
JSON_TITLES = {
    "work": ("name", "company"),
    "volunteer": ("organization",),
    "education": ("institution",),
    "projects": ("name",),
    "awards": ("title",),
    "certificates": ("name",),
    "publications": ("name",),
    "presentations": ("name",),
    "teaching": ("course",),
    "portfolio": ("name",),
}
#: Where each JSON Resume section comes back in sphinx-cv's resume.json.
EXPORTED_AS = {
    "work": "work",
    "volunteer": "volunteer",
    "education": "education",
    "projects": "projects",
    "awards": "awards",
    "certificates": "awards",
    "publications": "publications",
    "presentations": "projects",
    "teaching": "projects",
    "portfolio": "projects",
}


def site(built) -> tuple[str, int]:
    """The website's visible text, and how many publications it lists."""
    texts, papers = [], 0
    for page in sorted(built.outdir.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup.body
        for hidden in main.select(".cv-bibtex-source, .cv-abstract"):
            hidden.decompose()
        papers += len(main.select(".cv-publication"))
        texts.append(main.get_text(" ", strip=True))
    return " ".join(" ".join(texts).split()), papers


def check_warnings(built, report: str) -> None:
    """Every warning is of a kind the report announced, for as many entries."""
    for warning in built.warnings:
        kind = next((k for k in ANNOUNCED if k in warning), None)
        assert kind is not None, warning
        assert re.search(ANNOUNCED[kind], report), (warning, report)
    announced = len(
        re.findall(r"no date; the build warns|kept as written; the build warns", report)
    )
    dates = [w for w in built.warnings if "':date:'" in w]
    assert len(dates) <= announced, (dates, report)


def imported(tmp_path: Path, *args: str | Path):
    """Import, build, check the warnings against the report; the build, its text, its papers."""
    project, report = new(tmp_path, *args)
    built = build(project)
    check_warnings(built, report)
    text, papers = site(built)
    return built, text, papers


def shown(title: str) -> str:
    """A title as the website shows it: Markdown's marks and links gone, one line."""
    title = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", str(title)).replace("**", "").replace("*", "")
    return squeeze(" ".join(title.split()))


@pytest.mark.parametrize("source", files(JSON_RESUMES))
def test_a_json_resume_loses_no_entry(source, tmp_path):
    document = json.loads(source.read_text(encoding="utf-8"))
    built, text, _ = imported(tmp_path, "--from", source)
    expected: dict[str, int] = {}
    for section, fields in JSON_TITLES.items():
        items = [i for i in document.get(section) or [] if isinstance(i, dict)]
        expected[EXPORTED_AS[section]] = expected.get(EXPORTED_AS[section], 0) + len(items)
        for item in items:
            title = next((item[f] for f in fields if item.get(f)), "")
            assert shown(title) in squeeze(text), (section, title)
    resume = json.loads((built.outdir / "resume.json").read_text(encoding="utf-8"))
    for section, count in expected.items():
        assert len(resume.get(section, [])) == count, section


def rendercv_titles(document: dict) -> list[str]:
    """The text that names each entry of a RenderCV file, as the website shows it."""
    titles = []
    for entries in (document["cv"].get("sections") or {}).values():
        for entry in entries or []:
            if isinstance(entry, str):
                titles.append(entry)
                continue
            for field in ("institution", "company", "name", "title", "label", "bullet"):
                if entry.get(field):
                    titles.append(str(entry[field]).rsplit(" (", 1)[0])
                    break
            else:
                text = str(entry.get("number") or entry.get("reversed_number") or "")
                titles.append(text.rsplit(" (", 1)[0])
    return titles


@pytest.mark.parametrize("source", files(RENDERCV))
def test_a_rendercv_file_loses_no_entry(source, tmp_path):
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    text = squeeze(imported(tmp_path, "--from", source)[1])
    for title in rendercv_titles(document):
        assert shown(title)[:60] in text, title


def orcid_items(document: dict) -> tuple[list[str], int]:
    """The titles of an ORCID file's works and affiliations, and how many works it has."""
    if "bulk" in document:
        works = [item["work"] for item in document["bulk"]]
        return [w["title"]["title"]["value"] for w in works], len(works)
    summary = document.get("activities-summary")
    if summary is None:
        title = (document.get("title") or {}).get("title") or {}
        return ([title["value"]] if title.get("value") else []), int("journal-title" in document)
    titles = [
        group["work-summary"][0]["title"]["title"]["value"] for group in summary["works"]["group"]
    ]
    works = len(titles)
    for section in summary.values():
        for group in (
            (section or {}).get("affiliation-group", []) if isinstance(section, dict) else []
        ):
            item = next(iter(group["summaries"][0].values()))
            titles.append(item["organization"]["name"])
    return titles, works


@pytest.mark.parametrize("source", files(ORCID))
def test_an_orcid_record_loses_no_work(source, tmp_path):
    document = json.loads(source.read_text(encoding="utf-8"))
    _, text, papers = imported(tmp_path, "--from", source)
    titles, works = orcid_items(document)
    assert papers == works
    for title in titles:
        assert squeeze(title) in squeeze(text), title


def test_orcids_sample_of_100_works_gives_100_entries(tmp_path):
    source = DATA / "orcid" / "bulk-works-100-works-3.0.json"
    project, report = new(tmp_path, "--from", source)
    bib = (project / "references.bib").read_text(encoding="utf-8")
    assert len(re.findall(r"^@\w+\{", bib, flags=re.M)) == 100
    # Work 1's BibTeX citation names another paper: the work's own title and DOI win.
    assert "title = {Work Title 1}" in bib
    assert "doi = {10.1001/j.crvasa.2015.05.007}" in bib
    assert "the citation's title 'ORCID: a system to uniquely identify researchers'" in report


def publication_titles(source: Path) -> list[str]:
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".nbib":
        titles = re.findall(r"^TI  - (.+(?:\n {6}.+)*)", text, flags=re.M)
        titles += re.findall(r"^BTI - (.+)", text, flags=re.M) if not titles else []
    else:
        titles = re.findall(r"^(?:TI|T1)  - (.+)", text, flags=re.M)
    return [" ".join(t.split()).removesuffix(".") for t in titles]


@pytest.mark.parametrize("source", PUBLICATION_LISTS, ids=lambda p: p.name)
def test_a_publication_list_loses_no_record(source, tmp_path):
    _, text, papers = imported(tmp_path, "--name", "Karin Lindqvist", "--bib", source)
    titles = publication_titles(source)
    records = len(re.findall(r"^(PMID- |TY  - )", source.read_text(encoding="utf-8"), re.M))
    assert papers == records >= 25
    for title in titles:
        assert squeeze(title)[:50] in squeeze(text).replace("\u2019", "'"), title


def test_the_same_papers_in_pubmed_and_ris_are_kept_once(tmp_path):
    nbib, ris = PUBLICATION_LISTS
    project, report = new(tmp_path, "--name", "Karin Lindqvist", "--bib", nbib, "--bib", ris)
    bib = (project / "references.bib").read_text(encoding="utf-8")
    entries = len(re.findall(r"^@\w+\{", bib, flags=re.M))
    # 28 MEDLINE records; the RIS file repeats 24 of them (same DOI or PMID) and adds 6.
    assert entries == 28 + 6
    assert len(re.findall(r"again \(same (DOI|PMID)\); kept once", report)) == 24
    built = build(project)
    assert site(built)[1] == 34


@pytest.mark.slow
@pytest.mark.latex
@pytest.mark.parametrize(
    "source",
    [
        DATA / "jsonresume" / "academicpages-template.json",
        DATA / "rendercv" / "academic.yaml",
        DATA / "orcid" / "record-full-3.0.json",
        DATA / "pubmed" / "clinician.nbib",
    ],
    ids=lambda p: p.name,
)
def test_the_pdf_loses_no_entry(source, tmp_path):
    """One file of each kind through LaTeX: every title is in the PDF's text."""
    require_tool("latexmk", "xelatex", "pdftotext")
    args = ("--bib", source, "--name", "Karin Lindqvist") if source.suffix == ".nbib" else ()
    project, _ = new(tmp_path, *(args or ("--from", source)))
    # Not -W: the announced warnings (an entry without a date) are the report's business.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-M",
            "latexpdf",
            project / "docs",
            tmp_path / "out",
            "-q",
        ],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    (pdf,) = (tmp_path / "out" / "latex").glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    text = squeeze(text).replace("\u2019", "'")
    if source.suffix == ".nbib":
        titles = publication_titles(source)
    elif source.suffix == ".yaml":
        titles = rendercv_titles(yaml.safe_load(source.read_text(encoding="utf-8")))
    elif "orcid" in str(source):
        titles = orcid_items(json.loads(source.read_text(encoding="utf-8")))[0]
    else:
        document = json.loads(source.read_text(encoding="utf-8"))
        titles = [
            next(i[f] for f in fields if i.get(f))
            for section, fields in JSON_TITLES.items()
            for i in document.get(section) or []
        ]
    for title in titles:
        # pdftotext breaks long titles across lines: compare without spaces, a start of each.
        assert shown(title)[:40] in text, (title, result.stderr[-500:])
