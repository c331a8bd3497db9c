"""``sphinx-cv new --from``: JSON Resume and RenderCV imports build and keep every entry."""

from __future__ import annotations

import json
import shutil
import subprocess
from contextlib import redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO_DIR, TESTS_DIR, copy_seed_project, require_tool, warning_lines
from helpers import sphinx_build
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.cli import main
from sphinx_cv.cli.importers.jsonresume import split_authors

DATA = TESTS_DIR / "data"


def new(tmp_path: Path, *args: str | Path) -> tuple[Path, str]:
    """Run ``sphinx-cv new`` into ``tmp_path/cv``; return the project and the report."""
    target = tmp_path / "cv"
    out = StringIO()
    with redirect_stdout(out):
        assert main(["new", str(target), *map(str, args)]) == 0
    return target, out.getvalue()


def site_text(app: Built) -> str:
    """The visible text of every page of the built site, on one line."""
    texts = []
    for page in sorted(app.outdir.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main_part = soup.find("main") or soup.body
        texts.append(main_part.get_text(" ", strip=True))
    return " ".join(" ".join(texts).split())


@dataclass
class Built:
    """What a build left: its warnings and its output folder."""

    warnings: list[str]
    outdir: Path


def build(project: Path, builder: str = "html") -> Built:
    """Build a project in-process; the app is cleaned up at once, so a test may build twice."""
    app = SphinxTestApp(builder, srcdir=project / "docs", confoverrides={"cv_pdf_link": False})
    try:
        app.build()
        return Built(warning_lines(app), Path(app.outdir))
    finally:
        app.cleanup()


def exported(project: Path) -> dict:
    built = build(project, "jsonresume")
    assert built.warnings == []
    return json.loads((built.outdir / "resume.json").read_text(encoding="utf-8"))


# -- JSON Resume --------------------------------------------------------------------


def test_the_schemas_sample_builds_and_keeps_every_entry(tmp_path):
    sample = json.loads((DATA / "jsonresume-sample.json").read_text(encoding="utf-8"))
    project, report = new(tmp_path, "--from", DATA / "jsonresume-sample.json")
    app = build(project)
    assert app.warnings == []
    text = site_text(app)
    for fact in [
        "Richard Hendriks",
        "Programmer",
        "Pied Piper",
        "CEO/President",
        "Awesome compression company",
        "Successfully won Techcrunch Disrupt",
        "CoderDojo",
        "Awarded \u2018Teacher of the Month\u2019",  # Sphinx's smart quotes
        "University of Oklahoma",
        "Bachelor in Information Technology",
        "Score: 4.0",
        "DB1101 - Basic SQL",
        "Digital Compression Pioneer Award",
        "Techcrunch",
        "There is no spoon.",
        "Video compression for 3d media",
        "Hooli",
        "Web Development (Master)",
        "HTML, CSS, Javascript",
        "English (Native speaker)",
        "Wildlife",
        "Ferrets, Unicorns",
        "Erlich Bachman",
        "Miss Direction",
        "Team lead, Designer",
        "Entity: Smoogle",
        "Type: application",
        "Twitter: neutralthoughts",
        "SoundCloud: dandymusicnl",
        "2712 Broadway St, San Francisco, California, CA 94115, US",
    ]:
        assert fact in text, fact
    # What is not shown as it was is in the report, with the reason.
    for line in [
        "skills[0].level: 'Master' written after the name",
        "references: written as plain Markdown",
        "projects[0].url: 'missdirection.example.com' has no scheme",
        "meta: canonical, version, lastModified left out",
        "basics.profiles: Twitter, SoundCloud: listed on the home page",
    ]:
        assert line in report, line
    resume = exported(project)
    for section in ("work", "volunteer", "education", "awards", "publications", "projects"):
        assert len(resume[section]) == len(sample[section]), section
    assert resume["languages"] == sample["languages"]
    assert resume["interests"] == sample["interests"]
    assert resume["basics"]["email"] == sample["basics"]["email"]


@pytest.mark.parametrize("cv", ["seed", "chemist"])
def test_an_exported_resume_comes_back_the_same(cv, tmp_path):
    """Export a CV, import it, export again: the same document, byte for byte.

    What makes it so: the export's "Dates: 2020 – Current" line of an award is
    read back into the award's date span and ``cv_present_label``; the
    publications' summaries are read back into authors (initials included),
    equal-contribution marks and the addendum; a venue's "(ICLR)" into ``abbr``.
    What the new project does differ in (README, "Import a CV you already
    have"): its pages follow the document's sections, and its .bib is rebuilt
    from what the export says (entry types, braces and fields it leaves out are
    not in it).
    """
    if cv == "seed":
        source = copy_seed_project(tmp_path / "seed")
    else:
        source = tmp_path / "chemist"
        shutil.copytree(TESTS_DIR / "roots" / "test-chemist", source)
    # The source CV's own warnings are its tests' business; the copy's are ours.
    app = SphinxTestApp("jsonresume", srcdir=source, confoverrides={"cv_pdf_link": False})
    try:
        app.build()
        first = (Path(app.outdir) / "resume.json").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    (tmp_path / "resume.json").write_text(first, encoding="utf-8")
    project, _ = new(tmp_path, "--from", tmp_path / "resume.json")
    assert exported(project) == json.loads(first)


def test_a_date_it_cannot_read_is_kept_and_the_build_warns_at_its_line(tmp_path):
    resume = {"work": [{"name": "Lab", "startDate": "2020-13"}], "basics": {"name": "A B"}}
    (tmp_path / "r.json").write_text(json.dumps(resume), encoding="utf-8")
    project, report = new(tmp_path, "--from", tmp_path / "r.json")
    assert "work[0]: date '2020-13 -- present' kept as written" in report
    app = build(project)
    (warning,) = app.warnings
    assert "experience.md:3: WARNING: timeline: invalid ':date:' '2020-13 -- present'" in warning
    assert "Lab 2020-13 – present" in site_text(app)


def test_values_that_look_like_markdown_stay_text(tmp_path):
    hostile = [
        ":::",
        ":role: not an option",
        "% not a comment",
        "# not a heading",
        "- not a list",
        "1. not a number",
        "*not emphasis* and `not code` and <b>not html</b>",
        "{sub}`x` and [not a link](https://example.org)",
        "a line\nand another",
    ]
    resume = {
        "basics": {"name": "Ann :::{profile} Lee", "label": "# Senior: ::: person"},
        "work": [
            {
                "name": title,
                "position": "Chair # of the board: 'x'",
                "location": '"Quoted" | piped',
                "startDate": "2020",
                "highlights": hostile,
                "summary": ":::{award} Fake\n:date: 2020\n:::",
            }
            for title in ["::: closing", "Lab\n:kind: education", ":date: 2020"]
        ],
    }
    (tmp_path / "r.json").write_text(json.dumps(resume), encoding="utf-8")
    project, _ = new(tmp_path, "--from", tmp_path / "r.json")
    app = build(project)
    assert app.warnings == []
    text = site_text(app)
    for value in [*hostile[:-1], "a line and another", "Chair # of the board"]:
        assert value in text.replace("\u2019", "'"), value
    assert ":::{award} Fake :date: 2020 :::" in text
    resume_out = exported(project)
    assert [item["name"] for item in resume_out["work"]] == [
        "::: closing",
        "Lab :kind: education",
        ":date: 2020",
    ]
    assert resume_out["work"][0]["location"] == '"Quoted" | piped'
    assert "awards" not in resume_out


def test_an_invalid_json_file_is_refused_with_its_line(tmp_path, capsys):
    bad = tmp_path / "resume.json"
    bad.write_text('{\n  "basics": {"name": "A"},\n  "work": [,]\n}\n', encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--from", str(bad)]) == 1
    assert f"{bad}:3:12: not JSON" in capsys.readouterr().err
    assert not (tmp_path / "cv").exists()


def test_what_cannot_be_understood_is_refused_naming_every_value_at_once(tmp_path, capsys):
    bad = tmp_path / "resume.json"
    resume = {"work": [{"name": {"first": "X"}, "position": True}], "basics": {"name": "A B"}}
    bad.write_text(json.dumps(resume), encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--from", str(bad)]) == 1
    error = capsys.readouterr().err
    assert "not a JSON Resume: 2 value(s) cannot be read" in error
    assert "/work/0/name: {'first': 'X'} is not of type 'string'" in error
    assert "/work/0/position: True is not of type 'string'" in error
    assert not (tmp_path / "cv").exists()


def test_values_the_schema_refuses_but_are_understood_are_imported(tmp_path):
    """academicpages' and al-folio's templates: null and empty dates, a number, one highlight."""
    resume = {
        "basics": {"name": "A B", "phone": None, "location": {"postalCode": 94115}},
        "work": [
            {"name": "Lab", "startDate": "", "endDate": "2018", "highlights": "Built it"},
            {"name": "Firm", "startDate": "Sep 2011", "endDate": "present"},
            {"name": "Shop", "startDate": None, "endDate": "sometime"},
        ],
        "education": [{"institution": "Uni", "startDate": "", "endDate": "", "gpa": None}],
    }
    (tmp_path / "r.json").write_text(json.dumps(resume), encoding="utf-8")
    project, report = new(tmp_path, "--from", tmp_path / "r.json")
    for line in [
        "/basics/location/postalCode: the number 94115 read as the text '94115'",
        "/work/0/highlights: a text where a list belongs, read as a list of one",
        "work[1]: date 'Sep 2011' read as '2011-09'",
        "work[2]: date 'sometime' kept as written; the build warns",
        "education[0]: no date; the build warns until you add ':date:'",
    ]:
        assert line in report, line
    app = build(project)
    text = site_text(app)
    for fact in ["Lab 2018", "Built it", "Firm Sep 2011 – Present", "Shop sometime", "Uni"]:
        assert fact in text, fact
    assert any("experience.md" in w and "'sometime'" in w for w in app.warnings)
    assert any("education.md" in w and ":date:" in w for w in app.warnings)
    assert len(app.warnings) == 2


# -- RenderCV -----------------------------------------------------------------------


def test_a_rendercv_file_builds_and_keeps_every_entry(tmp_path):
    project, report = new(tmp_path, "--from", DATA / "rendercv-example.yaml")
    app = build(project)
    assert app.warnings == []
    text = site_text(app)
    for fact in [
        "Zoë Ångström-Núñez",
        "Postdoctoral researcher in computational chemistry",
        "GitHub: zoe-an",  # the website shows profiles short, as the PDF does
        "ORCID: 0000-0002-1825-0097",
        "Mastodon: @zoe@scholar.social",
        "copper catalysts for CO₂ reduction",
        "Universidad de Granada",
        "PhD in Chemistry",
        "Sep 2017 – Jun 2021",
        "Thesis: Alloying as a lever for CO₂ reduction",
        "Lund University",
        "Postdoctoral Researcher",
        "Sep 2021 – Present",
        "What limits C₂₊ selectivity on copper?",
        "Fall 2023",  # as written: the grammar reads it
        "Marie Skłodowska-Curie Fellowship",
        "Operando Raman spectroscopy of Cu–Ag electrocatalysts",
        "Journal of Catalysis",
        "Raman spectroscopy, DFT, electrochemistry",
        "Reviewer for ACS Catalysis",
        "# not a heading: a value that starts with a hash",
        "Copper–silver cathodes for CO₂ electrolysis",
        "Nordic Catalysis Symposium",
    ]:
        assert fact in text, fact
    assert "design: RenderCV's design" in report
    assert "locale" not in report  # English, the language conf.py has
    assert (
        "invited_lectures: ReversedNumberedEntry entries ending in a date in parentheses: "
        "written as timeline entries"
    ) in report
    resume = exported(project)
    assert [item["institution"] for item in resume["education"]] == ["Universidad de Granada"]
    assert resume["education"][0]["studyType"] == "PhD"
    assert resume["education"][0]["area"] == "Chemistry"
    assert resume["awards"][0]["title"] == "Marie Skłodowska-Curie Fellowship"
    assert resume["publications"][0]["publisher"] == "Journal of Catalysis"
    assert {"language": "Swedish", "fluency": "basic"} in resume["languages"]


def test_the_rendercv_example_is_valid_for_rendercvs_schema():
    """The example is RenderCV's format, not a guess: its own schema accepts it."""
    schema = json.loads((DATA / "rendercv-schema.json").read_text(encoding="utf-8"))
    document = yaml.safe_load((DATA / "rendercv-example.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert [error.message for error in validator.iter_errors(document)] == []


def squeeze(text: str) -> str:
    """Text without spaces, and with Sphinx's smart apostrophes as typed."""
    return "".join(text.replace("\u2019", "'").split())


#: The field that names a RenderCV entry, by entry type.
NAME_FIELDS = ("institution", "company", "name", "title", "details", "bullet", "number")
NAME_FIELDS += ("reversed_number",)


def test_rendercvs_own_example_builds_and_keeps_every_entry(tmp_path):
    source = DATA / "rendercv-john-doe.yaml"
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    project, report = new(tmp_path, "--from", source)
    app = build(project)
    assert app.warnings == []
    text = site_text(app)
    for entries in document["cv"]["sections"].values():
        for entry in entries:
            if isinstance(entry, str):
                expected = entry.replace("**", "").replace("*", "")
                expected = expected.replace("[link](https://example.com)", "link")
            else:
                field = next(key for key in NAME_FIELDS if key in entry)
                expected = entry[field].removeprefix("[").split("](")[0]
                expected = expected.rsplit(" (", 1)[0] if field != "details" else expected
            # Spaces aside: the page's text is joined at element edges ("bold , italic").
            assert squeeze(expected) in squeeze(text), expected
    resume = exported(project)
    assert len(resume["education"]) == 2
    assert len(resume["work"]) == 5
    assert len(resume["publications"]) == 4
    assert len(resume["awards"]) == 5
    assert "settings: RenderCV's settings" in report


def test_invalid_yaml_is_refused_with_its_line(tmp_path, capsys):
    bad = tmp_path / "cv.yaml"
    bad.write_text("cv:\n  name: A\n  sections:\n    - [unclosed\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--from", str(bad)]) == 1
    assert f"{bad}:5:1: not YAML" in capsys.readouterr().err


def test_a_section_that_is_a_text_is_a_list_of_one(tmp_path, capsys):
    bad = tmp_path / "cv.yaml"
    bad.write_text("cv:\n  name: A\n  sections:\n    education: MIT\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--from", str(bad)]) == 0
    report = capsys.readouterr().out
    said = "cv.sections.education: a text where a list of entries belongs, read as a list of one"
    assert said in report
    assert (tmp_path / "cv/docs/education.md").read_text(encoding="utf-8") == "# Education\n\nMIT\n"


def test_yaml_without_cv_is_refused(tmp_path, capsys):
    bad = tmp_path / "cv.yaml"
    bad.write_text("name: A\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--from", str(bad)]) == 1
    assert "needs a 'cv:' mapping" in capsys.readouterr().err


# -- BibTeX -------------------------------------------------------------------------


def test_bib_is_copied_and_listed(tmp_path):
    project, _ = new(tmp_path, "--name", "Minhak Song", "--bib", REPO_DIR / "references.bib")
    assert (REPO_DIR / "references.bib").read_text(encoding="utf-8") in (
        project / "references.bib"
    ).read_text(encoding="utf-8")
    app = build(project)
    assert app.warnings == []
    assert "Trajectory Alignment: Understanding the Edge of Stability" in site_text(app)


def test_a_bib_file_that_is_not_bibtex_is_refused_with_its_line(tmp_path, capsys):
    bad = tmp_path / "refs.bib"
    bad.write_text("@article{a,\n  title = {x\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "cv"), "--bib", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".yml", ".YAML"])
def test_yaml_suffixes_choose_rendercv(tmp_path, suffix):
    source = tmp_path / f"cv{suffix}"
    source.write_text((DATA / "rendercv-example.yaml").read_text(encoding="utf-8"), "utf-8")
    project, _report = new(tmp_path, "--from", source)
    assert "Zoë" in (project / "docs" / "index.md").read_text(encoding="utf-8")


@pytest.mark.latex
def test_the_schemas_sample_makes_a_pdf_without_warnings(tmp_path):
    require_tool("latexmk", "xelatex", "pdftotext")
    project, _ = new(tmp_path, "--from", DATA / "jsonresume-sample.json")
    result = sphinx_build("-M", "latexpdf", project / "docs", tmp_path / "build")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    (pdf,) = (tmp_path / "build" / "latex").glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    for title in [
        "Richard Hendriks",
        "Pied Piper",
        "CoderDojo",
        "University of Oklahoma",
        "Digital Compression Pioneer Award",
        "Video compression for 3d media",
        "Web Development (Master): HTML, CSS, Javascript",
        "Wildlife: Ferrets, Unicorns",
        "Erlich Bachman",
        "Miss Direction",
    ]:
        assert title in text, title


@pytest.mark.parametrize(
    ("summary", "authors", "equal", "rest"),
    [
        ("Minhak Song and Chulhee Yun.", ["Minhak Song", "Chulhee Yun"], [], ""),
        (
            "Ann Lee*, Bo Kim*, and Jens K. Nørskov. (* denotes equal contribution) Oral.",
            ["Ann Lee", "Bo Kim", "Jens K. Nørskov"],
            [1, 2],
            "Oral.",
        ),
        (
            "Ludwig van Beethoven. Short version at a workshop.",
            ["Ludwig van Beethoven"],
            [],
            "Short version at a workshop.",
        ),
        ("Innovative middle-out compression.", [], [], "Innovative middle-out compression."),
        ("There is no spoon", [], [], "There is no spoon"),
    ],
)
def test_a_publication_summary_is_read_back_into_authors(summary, authors, equal, rest):
    assert split_authors(summary) == (authors, equal, rest)


def test_a_bib_beside_publication_sections_gets_its_own_list(tmp_path):
    source = tmp_path / "cv.yaml"
    source.write_text(
        "cv:\n  name: A B\n  sections:\n"
        "    journal_articles:\n"
        "      - {title: Paper One, authors: [A B], journal: J, date: 2020}\n"
        "    conference_papers:\n"
        "      - {title: Paper Two, authors: [A B], journal: C, date: 2021}\n",
        encoding="utf-8",
    )
    project, _ = new(tmp_path, "--from", source, "--bib", REPO_DIR / "references.bib")
    app = build(project)
    assert app.warnings == []
    pages = {page.stem: page.read_text(encoding="utf-8") for page in app.outdir.glob("*.html")}
    assert "Paper One" in pages["journal-articles"]
    assert "Paper Two" not in pages["journal-articles"]
    assert "Paper Two" in pages["conference-papers"]
    assert "Trajectory Alignment" in pages["other-publications"]


def test_the_export_keeps_location_release_day_old_website_and_study_type(tmp_path):
    """Issue 24's export losses, each imported and exported again."""
    resume = {
        "basics": {
            "name": "A B",
            "website": "https://ab.example.org",  # the schema before 1.0
            "location": {"address": "2712 Broadway St", "city": "San Francisco", "region": "CA"},
        },
        "education": [
            {
                "institution": "Uni",
                "studyType": "BSc in Software Engineering",
                "area": "Minor in Bioinformatics",
                "startDate": "2015",
                "endDate": "2019",
            }
        ],
        "publications": [
            {
                "name": "A Paper",
                "publisher": "J",
                "releaseDate": "2018-04-01",
                "website": "https://example.org/paper.pdf",
            }
        ],
    }
    (tmp_path / "r.json").write_text(json.dumps(resume), encoding="utf-8")
    project, _ = new(tmp_path, "--from", tmp_path / "r.json")
    out = exported(project)
    location = out["basics"]["location"]
    assert location["address"] == "2712 Broadway St, San Francisco, CA"
    assert location.get("city") != "2712 Broadway St"
    assert out["basics"]["url"] == "https://ab.example.org"
    (education,) = out["education"]
    assert (education["studyType"], education["area"]) == (
        "BSc in Software Engineering",
        "Minor in Bioinformatics",
    )
    (paper,) = out["publications"]
    assert paper["releaseDate"] == "2018-04-01"
    assert paper["url"] == "https://example.org/paper.pdf"


def test_rendercv_text_dates_phones_photo_and_locale(tmp_path):
    """What real RenderCV files hold: free-text dates, tel: phones, a photo, a German locale."""
    (tmp_path / "me.png").write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
        )
    )
    source = tmp_path / "cv.yaml"
    source.write_text(
        "cv:\n  name: Jürgen Groß\n  phone: tel:+49-30-1234567\n  photo: me.png\n"
        "  sections:\n    experience:\n"
        "      - {company: Lab A, position: Postdoc, date: 2017-2021}\n"
        "      - {company: Lab B, position: PI, start_date: Sep 2021, end_date: gegenwärtig}\n"
        "    projects:\n      - {name: Tool, date: Sep 2011 - Dec 2011}\n"
        "locale:\n  language: german\n  present: gegenwärtig\n"
        "  month_abbreviations: [Jan, Feb, Mär, Apr, Mai, Jun, Jul, Aug, Sep, Okt, Nov, Dez]\n"
        "design:\n  theme: classic\n  templates:\n    single_date: MONTH_NAME YEAR\n",
        encoding="utf-8",
    )
    project, report = new(tmp_path, "--from", source)
    for line in [
        "experience[0]: date '2017-2021' read as '2017 -- 2021'",
        "projects[0]: date 'Sep 2011 - Dec 2011' read as '2011-09 -- 2011-12'",
        "cv.photo: me.png copied as docs/photo.png and shown by the profile (:photo:)",
        "locale.language: german, written as language = 'de'",
        "written as cv_date_format = '%B %Y'",
        "design: RenderCV's design (theme) left out",
    ]:
        assert line in report, line
    assert (project / "docs" / "photo.png").read_bytes() == (tmp_path / "me.png").read_bytes()
    conf = (project / "docs" / "conf.py").read_text(encoding="utf-8")
    assert "language = 'de'" in conf
    assert "cv_present_label = 'Gegenwärtig'" in conf
    app = build(project)
    assert app.warnings == []
    index = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    phone = index.select_one(".cv-profile a[href^='tel:']")
    assert (phone["href"], phone.get_text(strip=True)) == ("tel:+49301234567", "+49-30-1234567")
    assert index.select_one("img.cv-photo")["src"].endswith("photo.png")
    text = site_text(app)
    assert "2017 – 2021" in text
    assert "September 2021 – Gegenwärtig" in text


def test_a_rendercv_photo_outside_its_folder_or_not_an_image_is_not_copied(tmp_path):
    (tmp_path / "secret.png").write_text("not an image", encoding="utf-8")
    inner = tmp_path / "cv"
    inner.mkdir()
    for photo, said in [
        ("../secret.png", "is not a file in"),
        ('"a\\0b.png"', "is not a file in"),  # YAML's escape: a NUL no file name holds
        ("/etc/passwd", "is not a photo sphinx-cv shows"),
        ("photo.svg", "not .svg, which may hold a script"),
    ]:
        (inner / "photo.svg").write_text("<svg><script>alert(1)</script></svg>", encoding="utf-8")
        source = inner / "cv.yaml"
        source.write_text(f"cv:\n  name: A B\n  photo: {photo}\n", encoding="utf-8")
        target = tmp_path / f"out{len(said)}-{len(photo)}"
        out = StringIO()
        with redirect_stdout(out):
            assert main(["new", str(target), "--from", str(source)]) == 0
        assert said in out.getvalue()
        assert not list((target / "docs").glob("photo.*"))
