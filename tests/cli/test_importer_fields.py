"""The importers' mappings, field by field: what a JSON Resume, RenderCV or ``.bib`` file
says is what the new project's pages say, exactly (the Markdown a user edits, the site's
text), and a refusal names its ``path:line:``. Each test here kills a mutant of
``tests/mutants.py`` that the other tests let through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_importers import build, exported, new, site_text

from sphinx_cv.cli import main
from sphinx_cv.cli.importers.dates import read_dates, read_point


def lines(project: Path, name: str) -> list[str]:
    """The lines of a page the import wrote (``docs/NAME``)."""
    return (project / "docs" / name).read_text(encoding="utf-8").splitlines()


def write_json(tmp_path: Path, document: dict) -> Path:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# -- JSON Resume --------------------------------------------------------------------


def test_a_certificates_issuer_and_an_awards_awarder_are_each_the_issuer(tmp_path):
    resume = {
        "basics": {"name": "A B"},
        "awards": [{"title": "Best Paper", "date": "2020", "awarder": "Society of Things"}],
        "certificates": [
            {
                "name": "Cloud Practitioner",
                "date": "2021-11-07",
                "issuer": "Amazon Web Services",
                "url": "https://example.org/cert",
            }
        ],
    }
    project, _ = new(tmp_path, "--from", write_json(tmp_path, resume))
    assert lines(project, "certificates.md")[2:7] == [
        ":::{award} Cloud Practitioner",
        ":date: 2021-11-07",
        ":issuer: Amazon Web Services",
        ":url: https://example.org/cert",
        ":::",
    ]
    assert ":issuer: Society of Things" in lines(project, "awards.md")
    out = exported(project)
    assert sorted((award["title"], award["awarder"]) for award in out["awards"]) == [
        ("Best Paper", "Society of Things"),
        ("Cloud Practitioner", "Amazon Web Services"),
    ]


def test_a_single_date_is_written_once_and_a_start_alone_is_ongoing(tmp_path):
    resume = {
        "basics": {"name": "A B"},
        "work": [
            {"name": "Lab", "startDate": "2019", "endDate": "2019"},
            {"name": "Firm", "startDate": "March 3, 2020", "endDate": "2020-03-03"},
            {"name": "Shop", "startDate": "05/2019"},
        ],
    }
    project, report = new(tmp_path, "--from", write_json(tmp_path, resume))
    dates = [line for line in lines(project, "experience.md") if line.startswith(":date:")]
    assert dates == [":date: 2019", ":date: 2020-03-03", ":date: 2019-05 -- present"]
    assert "work[2]: date '05/2019' read as '2019-05'" in report
    app = build(project)
    assert app.warnings == []
    text = site_text(app)
    assert "Lab 2019 Firm" in text  # one year, not "2019 – 2019"
    assert "Shop May 2019 – Present" in text


# -- dates as people type them ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("05/2019", "2019-05"),
        ("2019.5", "2019-05"),
        ("March 3, 2020", "2020-03-03"),
        ("3 May 2019", "2019-05-03"),
        ("Sept. 2018", "2018-09"),
        ("2021-09-01T00:00:00Z", "2021-09-01"),
    ],
)
def test_one_date_is_written_as_one_date(written, read):
    """The exact text the importer writes into ``:date:`` (not merely the same dates)."""
    assert read_point(written) == read
    assert read_dates(written) in (read, written)  # the grammar reads some as written


def test_a_date_the_grammar_does_not_read_is_written_once():
    assert read_dates("2021-09-01T00:00:00Z") == "2021-09-01"
    assert read_dates("Sept. 2018") == "2018-09"


# -- RenderCV -----------------------------------------------------------------------

RENDERCV = """\
cv:
  name: A B
  sections:
    experience:
      - {company: Lab, position: PI, start_date: 2021-09}
      - {company: Firm, position: Intern, date: 2019}
    publications:
      - {title: Paper One, authors: [Ann Lee, "***A B***", Bo Kim], journal: J, date: 2020-05}
"""


def test_rendercv_dates_and_a_publications_authors(tmp_path):
    source = tmp_path / "cv.yaml"
    source.write_text(RENDERCV, encoding="utf-8")
    project, _ = new(tmp_path, "--from", source)
    dates = [line for line in lines(project, "experience.md") if line.startswith(":date:")]
    assert dates == [":date: 2021-09 -- present", ":date: 2019"]
    bib = (project / "references.bib").read_text(encoding="utf-8").splitlines()
    assert "  author = {Ann Lee and A B and Bo Kim}," in bib
    app = build(project)
    assert app.warnings == []
    text = site_text(app)
    assert "Lab Sep 2021 – Present" in text
    # Three authors, not one ("Ann Lee, A B, Bo Kim" as a single name); the owner in bold
    # (get_text's spaces at its edges aside).
    assert "Ann Lee, A B , and Bo Kim, J, 2020." in text


# -- BibTeX -------------------------------------------------------------------------

#: A .bib file whose second entry lacks an "=" (line 10).
BAD_BIB = """\
% my papers

@article{a,
  title = {x},
  year = 2020,
}

@article{b,
  title = {y},
  year 2021,
}
"""


def test_a_bib_file_that_is_not_bibtex_is_refused_at_its_exact_line(tmp_path, capsys):
    bad = tmp_path / "refs.bib"
    bad.write_text(BAD_BIB, encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--bib", str(bad)]) == 1
    assert f"{bad}:10: not BibTeX: '=' expected" in capsys.readouterr().err
    assert not (tmp_path / "cv").exists()


def test_a_repeated_key_names_both_lines(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "% my papers\n\n"
        "@article{a,\n  title = {One},\n  author = {A B},\n  year = 2020,\n}\n\n"
        "@article{a,\n  title = {Two},\n  author = {A B},\n  year = 2021,\n}\n",
        encoding="utf-8",
    )
    _, report = new(tmp_path, "--bib", bib)
    assert (
        f"{bib}:9: key 'a' again (first at line 3); the first entry is kept, this one left out"
    ) in report
