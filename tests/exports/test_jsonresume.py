"""The JSON Resume export: schema-valid, complete for the seed CV, the same however built."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import TESTS_DIR

from sphinx_cv.cli.importers.jsonresume import SCHEMA_FILE

DATA = TESTS_DIR / "data"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def validate(resume: dict) -> None:
    """Raise if ``resume`` breaks the JSON Resume schema (formats checked where known)."""
    validator = jsonschema.Draft7Validator(
        SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(resume)]
    assert not errors, errors


def read_resume(outdir: Path) -> dict:
    return json.loads((Path(outdir) / "resume.json").read_text(encoding="utf-8"))


def test_schema_rejects_what_it_should() -> None:
    """The copy of the schema is the real one: a bad date and a wrong type fail."""
    with pytest.raises(AssertionError, match="startDate"):
        validate({"work": [{"name": "X", "startDate": "March 2020"}]})
    with pytest.raises(AssertionError, match="basics"):
        validate({"basics": "Minhak Song"})


# -- the seed CV --------------------------------------------------------------------


@pytest.fixture
def seed_resume(make_app, seed_project: Path) -> dict:
    app = make_app("jsonresume", srcdir=seed_project)
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    return read_resume(app.outdir)


def test_seed_resume_is_valid(seed_resume: dict) -> None:
    validate(seed_resume)


def test_seed_basics(seed_resume: dict) -> None:
    assert seed_resume["basics"] == {
        "name": "Minhak Song",
        "email": "minhaksong@kaist.ac.kr",
        "url": "http://songminhak.github.io",
    }


def test_seed_education(seed_resume: dict) -> None:
    education = seed_resume["education"]
    assert [e["institution"] for e in education] == [
        "Korea Advanced Institute of Science and Technology",
        "University of California, Berkeley",
        "Korea Science Academy of KAIST",
    ]
    kaist, berkeley, ksa = education
    # "Mar 2020 – Current": open, so no endDate.
    assert (kaist["startDate"], "endDate" in kaist) == ("2020-03", False)
    assert kaist["studyType"] == "B.S."
    assert kaist["area"] == (
        "Industrial & Systems Engineering and Mathematical Sciences (double major)"
    )
    assert "GPA: 4.19/4.3" in kaist["highlights"]
    assert (berkeley["startDate"], berkeley["endDate"]) == ("2022-06", "2022-10")
    assert berkeley["studyType"] == "Exchange Student"
    assert (ksa["startDate"], ksa["endDate"]) == ("2017-03", "2020-02")


def test_seed_work(seed_resume: dict) -> None:
    work = seed_resume["work"]
    assert [(w["name"], w.get("position")) for w in work] == [
        ("KAIST Optimization & Machine Learning Laboratory", "Undergraduate Researcher"),
        ("Upstage AI", "AI Research Engineer Intern"),
        ("KAIST Applied Artificial Intelligence Laboratory", "Undergraduate Researcher"),
        ("Academic Tutor, KAIST", None),
    ]
    assert work[1]["highlights"] == [
        "Designed real-time recommendation models using contextual bandit algorithms "
        "for e-commerce service"
    ]
    assert work[0]["location"] == "Seoul, South Korea"
    # The workshop is an activity: JSON Resume has no such section, projects holds it.
    assert [p["name"] for p in seed_resume["projects"]] == [
        "Deep Learning Theory Workshop and Summer School"
    ]


def test_seed_awards(seed_resume: dict) -> None:
    awards = seed_resume["awards"]
    assert len(awards) == 11
    assert awards[0] == {"title": "ICLR 2024 Travel Award", "date": "2024"}
    scholarship = awards[2]
    assert scholarship["title"] == "Korea Presidential Science Scholarship"
    assert scholarship["awarder"] == "Korean government"
    assert scholarship["summary"] == (
        "$45,000 financial support for honorable undergraduates from Korean government\n"
        "Dates: 2020 – Current"
    )
    valedictorian = next(a for a in awards if a["title"] == "Department Valedictorian")
    assert valedictorian["date"] == "2021-03"  # 2021 Spring, the first of the list
    assert valedictorian["summary"].endswith("Dates: 2021 Spring, 2021 Fall, 2022 Spring")


def test_seed_publications(seed_resume: dict) -> None:
    publications = seed_resume["publications"]
    assert [(p["name"], p["releaseDate"]) for p in publications] == [
        ("Does SGD really happen in tiny subspaces?", "2024-05"),  # references.bib: month = may
        (
            "Linear attention is (maybe) all you need (to understand Transformer optimization)",
            "2024",
        ),
        (
            "Trajectory Alignment: Understanding the Edge of Stability Phenomenon "
            "via Bifurcation Theory",
            "2023",
        ),
    ]
    sgd, linear, trajectory = publications
    assert sgd["url"] == "https://arxiv.org/abs/2405.16002"
    assert sgd["publisher"] == "Manuscript"
    assert linear["publisher"] == "International Conference on Learning Representations (ICLR)"
    assert linear["summary"].startswith("Kwangjun Ahn*, Xiang Cheng*, Minhak Song*, Chulhee Yun")
    assert "Short version at NeurIPS 2023 Workshop" in linear["summary"]
    assert trajectory["summary"] == "Minhak Song and Chulhee Yun."


def test_seed_skills_languages_interests(seed_resume: dict) -> None:
    assert seed_resume["skills"] == [
        {"name": "Computer Languages & Software", "keywords": ["Python", "LaTeX", "MATLAB"]}
    ]
    assert seed_resume["languages"] == [
        {"language": "Korean", "fluency": "mother tongue"},
        {"language": "English", "fluency": "fluent"},
    ]
    assert [i["name"] for i in seed_resume["interests"]] == [
        "Theoretical Foundations of Modern Machine Learning",
        "Optimization",
        "Sampling",
        "Statistics",
    ]


# -- the mapping, on a small CV -------------------------------------------------------


@pytest.fixture
def small_resume(app) -> dict:
    app.build()
    return read_resume(app.outdir)


@pytest.mark.sphinx("jsonresume", testroot="jsonresume")
def test_small_resume_is_valid(small_resume: dict) -> None:
    validate(small_resume)


@pytest.mark.sphinx("jsonresume", testroot="jsonresume")
def test_basics_from_profile(small_resume: dict) -> None:
    basics = small_resume["basics"]
    assert basics["phone"] == "+44 20 7946 0000"
    assert basics["location"] == {
        "address": "London, United Kingdom",
        "city": "London",
        "region": "United Kingdom",
    }
    assert basics["profiles"] == [
        {"network": "GitHub", "username": "ada", "url": "https://github.com/ada"},
        {
            "network": "Google Scholar",
            "username": "AdA123",
            "url": "https://scholar.google.com/citations?user=AdA123&hl=en",
        },
        {
            "network": "ORCID",
            "username": "0000-0002-1825-0097",
            "url": "https://orcid.org/0000-0002-1825-0097",
        },
        {
            "network": "LinkedIn",
            "username": "ada-lovelace",
            "url": "https://www.linkedin.com/in/ada-lovelace/",
        },
    ]


@pytest.mark.sphinx("jsonresume", testroot="jsonresume")
def test_dates_and_kinds(small_resume: dict) -> None:
    london, home = small_resume["education"]
    # "1840 Fall -- present": a season is its first month; open, so no endDate.
    assert (london["startDate"], "endDate" in london) == ("1840-09", False)
    assert (london["studyType"], london["area"]) == ("Ph.D.", "Mathematics")
    assert (home["startDate"], home["endDate"]) == ("1830-01-15", "1835-06")
    # "1842 Spring, 1843-07 -- 1843-09": from the first start to the last end.
    (engine,) = small_resume["work"]
    assert (engine["startDate"], engine["endDate"]) == ("1842-03", "1843-09")
    assert engine["highlights"] == [
        "Notes A to G, with the first program.",
        "Note G computes Bernoulli numbers",
    ]
    # A single point ends where it starts: not an ongoing entry.
    (soirees,) = small_resume["volunteer"]
    assert soirees == {
        "organization": "Royal Society soirées",
        "position": "Guest",
        "startDate": "1834",
        "endDate": "1834",
    }
    flyology, lectures = small_resume["projects"]
    assert (flyology["type"], flyology["roles"]) == ("project", ["Designer"])
    assert (lectures["type"], lectures["startDate"], lectures["endDate"]) == (
        "activity",
        "1835-12",
        "1835-12",
    )


@pytest.mark.sphinx("jsonresume", testroot="jsonresume")
def test_awards_mapping(small_resume: dict) -> None:
    mention, best = small_resume["awards"]
    assert mention == {
        "title": "Honorary Mention",
        "date": "1843",
        "awarder": "Royal Society",
        "summary": "For the notes on the engine.\nDates: 1843 – 1844",
    }
    assert best["date"] == "1844-03"
    assert best["summary"] == "Dates: 1844 Spring, 1845 Fall"


@pytest.mark.sphinx("jsonresume", testroot="jsonresume")
def test_publications_mapping(small_resume: dict) -> None:
    letter, sketch, draft = small_resume["publications"]  # newest first
    assert letter == {
        "name": "A letter on Gödel-free Bernoulli numbers",  # LaTeX and braces resolved
        "publisher": "Letter",
        "releaseDate": "1844",
        "url": "https://doi.org/10.1000/letter",  # no url, no arXiv: the DOI
        "summary": "Ada Lovelace. Read at the Society.",
    }
    assert sketch["publisher"] == "Scientific Memoirs (SM)"
    assert sketch["releaseDate"] == "1843-10"  # month = oct
    assert sketch["url"] == "https://example.org/sketch"  # url wins over the DOI
    assert sketch["summary"] == (
        "Luigi Federico Menabrea* and Ada Lovelace*. (* denotes equal contribution)"
    )
    assert draft["url"] == "https://arxiv.org/abs/1842.00001"
    assert draft["summary"] == "Ada Lovelace, Augustus De Morgan, and Charles Babbage."


@pytest.mark.sphinx("jsonresume", testroot="jsonresume")
def test_keywords_mapping(small_resume: dict) -> None:
    # ":languages: Spoken" names the group of spoken languages.
    assert small_resume["languages"] == [
        {"language": "English", "fluency": "native"},
        {"language": "French", "fluency": "fluent, written"},
        {"language": "Italian"},
        # A group labelled with a language's name: that language, and its level.
        {"language": "Latin", "fluency": "reading knowledge"},
    ]
    # A ";" inside parentheses does not split; the unlabelled bullet is not exported.
    # Programming languages are skills, whatever the label; "(ES6+)" is no fluency.
    assert small_resume["skills"] == [
        {
            "name": "Mathematics",
            "keywords": ["Calculus", "Bernoulli numbers (by recursion; on the engine)"],
        },
        {"name": "Languages", "keywords": ["Python", "C++", "CUDA"]},
        {"name": "Web", "keywords": ["JavaScript (ES6+)", "TypeScript"]},
    ]
    assert small_resume["interests"] == [
        {"name": "Science", "keywords": ["Poetical science", "Mesmerism"]},
        {"name": "Music"},
        {"name": "Horses"},
    ]


@pytest.mark.sphinx("jsonresume", testroot="jsonresume", freshenv=True)
def test_unlabelled_skill_warns_with_file_and_line(app) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "cv.md:69: WARNING: skills: 'Juggling' is shown but not exported; write it as " in (
        warnings
    )
    assert "'- **Label:** item, item' bullets" in warnings


@pytest.mark.sphinx(
    "jsonresume",
    testroot="jsonresume",
    confoverrides={"html_baseurl": "https://ada.example.org/cv/"},
)
def test_canonical_url_from_html_baseurl(small_resume: dict) -> None:
    assert small_resume["meta"] == {"canonical": "https://ada.example.org/cv/resume.json"}


# -- the HTML build ---------------------------------------------------------------------


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_html_build_writes_and_links_resume(make_app, seed_project: Path, builder: str) -> None:
    from bs4 import BeautifulSoup

    reference = make_app("jsonresume", srcdir=seed_project)
    reference.build()
    app = make_app(builder, srcdir=seed_project)
    app.build()
    written = (app.outdir / "resume.json").read_bytes()
    assert written == (reference.outdir / "resume.json").read_bytes()
    home = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = home.select_one("p.cv-downloads a.cv-download-resume")
    assert link is not None
    assert (link["href"], link.get_text()) == ("resume.json", "JSON Resume")


def test_no_link_outside_html(make_app, seed_project: Path) -> None:
    app = make_app("text", srcdir=seed_project)
    app.build()
    assert "resume.json" not in (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert not (app.outdir / "resume.json").exists()


# -- parallel and incremental builds -------------------------------------------------------


def test_parallel_and_incremental_builds_agree(
    make_app, seed_project: Path, tmp_path: Path
) -> None:
    serial = make_app("jsonresume", srcdir=seed_project, builddir=tmp_path / "serial")
    serial.build()
    expected = (serial.outdir / "resume.json").read_bytes()

    parallel = make_app(
        "jsonresume", srcdir=seed_project, builddir=tmp_path / "parallel", parallel=2
    )
    assert parallel.is_parallel_allowed("read")  # every extension allows it: -j 2 is real
    parallel.build()
    assert (parallel.outdir / "resume.json").read_bytes() == expected

    # Drop one award, rebuild incrementally: exactly that award goes.
    awards_page = seed_project / "awards.md"
    original = awards_page.read_text(encoding="utf-8")
    start = original.index(":::{award} Dean's List")
    end = original.index(":::{award} Talent Award of Korea")
    awards_page.write_text(original[:start] + original[end:], encoding="utf-8")
    edited = make_app("jsonresume", srcdir=seed_project, builddir=tmp_path / "serial")
    edited.build()
    titles = [a["title"] for a in read_resume(edited.outdir)["awards"]]
    assert len(titles) == 10
    assert "Dean's List" not in titles

    # Put it back: the incremental build gives the first file again, byte for byte.
    awards_page.write_text(original, encoding="utf-8")
    restored = make_app("jsonresume", srcdir=seed_project, builddir=tmp_path / "serial")
    restored.build()
    assert (restored.outdir / "resume.json").read_bytes() == expected
