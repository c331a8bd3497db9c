"""Versions of one CV (tests/roots/test-versions): the full CV and a one-page résumé.

The root tags entries (``:tags:``), a keyword group, whole pages (``cv_tags``)
and bib entries (``keywords``, al-folio's ``selected``). The résumé leaves out
what is tagged ``academic`` and lists the ``selected`` papers only. Each output
of each version holds exactly its entries: the website's HTML, the text, the
PDFs the default build makes, resume.json. The seed's résumé is one page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_app, require_tool, warning_lines
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.pdf.latex.compile import TOOLS

ROOTS = Path(__file__).parent / "roots"
#: In every version: untagged, or tagged with something the résumé keeps.
BOTH = [
    "Untagged Company",
    "Built the data platform",
    "Industry Lab",
    "Shipped the search ranking model",
    "Mentored two interns",
    "Best Paper Award",
    "Programming",
    "Alpha Selected",
]
#: Only in the full CV: tagged academic (an entry, a bullet or a skills group in a
#: ``tagged`` block), on a page tagged academic, not selected, or in an ``{only} cv`` block.
CV_ONLY = [
    "Ran the company reading group",
    "Reviewed papers for the lab workshop",
    "Proof assistants",
    "Reading Group Organiser",
    "Travel Grant",
    "Typesetting",
    "Teaching Assistant for Calculus",
    "Beta Unselected",
]


def run(*command: str | Path) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


#: Only in the résumé: an ``{only} resume`` block.
RESUME_ONLY = ["Open to industry roles"]


def assert_version(text: str, version: str, entries_only: bool = False) -> None:
    """The text holds every entry of the version and none of the others (and, unless it
    is ``entries_only`` as resume.json is, the version's free text)."""
    for fact in [*BOTH, "Gamma Folio Paper"]:
        assert fact in text, (version, fact)
    for fact in CV_ONLY:
        assert (fact in text) == (version == "cv"), (version, fact)
    for fact in [] if entries_only else RESUME_ONLY:
        assert (fact in text) == (version == "resume"), (version, fact)


def build(srcdir: Path, builder: str, **overrides) -> SphinxTestApp:
    return build_app(builder, srcdir, **overrides)


def built_with_warnings(srcdir: Path) -> tuple[SphinxTestApp, str]:
    """The website of ``srcdir`` built alone (no PDF), and its warnings, a line each."""
    app = build(srcdir, "html", cv_pdf_link=False)
    return app, "\n".join(warning_lines(app))


@pytest.fixture(scope="module", params=["typst", pytest.param("latex", marks=pytest.mark.latex)])
def site(request, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The default build: the full website, with both versions' PDFs (compiled once), by
    each engine."""
    require_tool("pdftotext", "pdfinfo", *(TOOLS if request.param == "latex" else ()))
    srcdir = tmp_path_factory.mktemp("versions") / "src"
    shutil.copytree(ROOTS / "test-versions", srcdir)
    return build(srcdir, "html", cv_pdf_link=True, cv_pdf_engine=request.param)


def test_the_site_offers_every_version_with_its_pages(site: SphinxTestApp) -> None:
    soup = BeautifulSoup((Path(site.outdir) / "index.html").read_text("utf-8"), "html.parser")
    links = [(a.get_text(), a["href"]) for a in soup.select("p.cv-downloads a")]
    assert links == [
        ("Curriculum Vitae (PDF, 1 page)", "ada-tagger-cv.pdf"),
        ("Résumé (PDF, 1 page)", "ada-tagger-resume.pdf"),
        ("JSON Resume", "resume.json"),
    ]
    assert warning_lines(site) == []


@pytest.mark.parametrize("version", ["cv", "resume"])
def test_each_pdf_holds_its_version(site: SphinxTestApp, version: str) -> None:
    pdf = Path(site.outdir) / f"ada-tagger-{version}.pdf"
    text = " ".join(run("pdftotext", "-layout", pdf, "-").split())
    assert_version(text, version)
    # Numbered within the version: the résumé counts its two papers.
    top = "[3] “Alpha Selected Paper.”" if version == "cv" else "[2] “Alpha Selected Paper.”"
    assert top in text
    assert "Pages: 1" in " ".join(run("pdfinfo", pdf).split())


def test_the_site_is_the_full_cv(site: SphinxTestApp) -> None:
    outdir = Path(site.outdir)
    text = " ".join(
        BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text(" ")
        for page in outdir.glob("*.html")
    )
    assert_version(" ".join(text.split()), "cv")
    resume = json.loads((outdir / "resume.json").read_text("utf-8"))
    assert_version(json.dumps(resume, ensure_ascii=False), "cv", entries_only=True)


@pytest.mark.parametrize("version", ["cv", "resume"])
def test_a_build_for_one_version(tmp_path: Path, version: str) -> None:
    """``-D cv_version=resume``: the HTML, text and resume.json of that version alone."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-versions", srcdir)
    html = build(srcdir, "html", cv_version=version, cv_pdf_link=False)
    outdir = Path(html.outdir)
    pages = [outdir / f"{name}.html" for name in ("index", "work", "teaching", "papers")]
    text = " ".join(
        BeautifulSoup(page.read_text("utf-8"), "html.parser").get_text(" ") for page in pages
    )
    assert_version(" ".join(text.split()), version)
    resume = json.loads((outdir / "resume.json").read_text("utf-8"))
    assert_version(json.dumps(resume, ensure_ascii=False), version, entries_only=True)
    assert warning_lines(html) == []

    text_app = build(srcdir, "text", cv_version=version, cv_pdf_link=False)
    plain = " ".join(
        (Path(text_app.outdir) / f"{name}.txt").read_text("utf-8")
        for name in ("index", "work", "teaching", "papers")
    )
    assert_version(" ".join(plain.split()), version)
    # The résumé's papers are numbered among themselves; the selected list keeps
    # the full list's numbers.
    papers = (Path(text_app.outdir) / "papers.txt").read_text("utf-8")
    top = "[3] “Alpha" if version == "cv" else "[2] “Alpha"
    assert top in papers
    assert top in (Path(text_app.outdir) / "selected.txt").read_text("utf-8")


def test_the_version_is_a_sphinx_tag(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-versions", srcdir)
    (srcdir / "work.md").write_text(
        (srcdir / "work.md").read_text("utf-8") + "\n```{only} resume\nOnly in the résumé.\n```\n",
        encoding="utf-8",
    )
    for version, shown in (("cv", False), ("resume", True)):
        app = build(srcdir, "text", cv_version=version, cv_pdf_link=False)
        work = (Path(app.outdir) / "work.txt").read_text("utf-8")
        assert ("Only in the résumé." in work) == shown


def test_bad_versions_and_tags_are_located_warnings(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-versions", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text("utf-8").replace(
            '"publications": ["selected"],',
            '"publications": ["selected"], "include": ["industy"], "max_publications": "5",',
        )
        + 'cv_versions["Résumé 2"] = {}\n'
        + 'cv_versions["nested"] = {"include": [["academic"]], "sections": ["work", ["x"]]}\n',
        encoding="utf-8",
    )
    work = srcdir / "work.md"
    work.write_text(
        work.read_text("utf-8").replace(":tags: industry", ":tags: industry; selected|x, 학술"),
        encoding="utf-8",
    )
    app, warnings = built_with_warnings(srcdir)
    assert (
        f"{conf}:9: WARNING: cv_versions['nested']['include']: ['academic'] left out; "
        "accepted are names, e.g. ['academic', 'teaching']" in warnings
    )
    assert f"{conf}:9: WARNING: cv_versions['nested']['sections']: ['x'] left out" in warnings
    assert "'학술' has" not in warnings  # a tag in any script is a tag
    assert "selected, service, 학술" in warnings
    assert (
        f"{conf}:9: WARNING: cv_versions: the version name 'Résumé 2' is not a valid file "
        "name; accepted are lower-case letters, digits, - and _" in warnings
    )
    assert (
        f"{conf}:9: WARNING: cv_versions['resume']['max_publications'] = '5' is of type str; "
        "accepted is a whole number" in warnings
    )
    assert (
        f"{conf}:9: WARNING: cv_versions['resume']['include']: no content has the tag "
        "'industy'; the tags in this CV are academic, industry, selected, service" in warnings
    )
    assert (
        f"{work}:18: WARNING: timeline: ':tags:' 'industry;' has ';'; accepted are names of "
        "letters, digits, - and _, separated by commas or spaces" in warnings
    )
    assert f"{work}:18: WARNING: timeline: ':tags:' 'selected|x' has '|'" in warnings
    # The build went on: the entry is there.
    assert "Industry Lab" in (Path(app.outdir) / "work.html").read_text("utf-8")


def test_bad_tagged_blocks_are_located_warnings(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-versions", srcdir)
    page = srcdir / "teaching.md"
    page.write_text(
        page.read_text("utf-8")
        + "\n:::{tagged} academic; service\nA paragraph.\n:::\n"
        + "\n::::{tagged} academic\n:::{award} Nested Prize\n:date: 2020\n:::\n::::\n",
        encoding="utf-8",
    )
    lines = page.read_text("utf-8").splitlines()
    first = lines.index(":::{tagged} academic; service") + 1
    second = lines.index("::::{tagged} academic") + 1
    app, warnings = built_with_warnings(srcdir)
    assert (
        f"{page}:{first}: WARNING: tagged: 'academic;' has ';'; accepted are names of "
        "letters, digits, - and _, separated by commas or spaces" in warnings
    )
    assert (
        f"{page}:{second}: WARNING: tagged: an entry inside a tagged block keeps its own "
        "tags; give it ':tags:' instead" in warnings
    )
    # The build went on: the paragraph is shown (its one good tag kept, as the full CV does).
    assert "A paragraph." in (Path(app.outdir) / "teaching.html").read_text("utf-8")


def test_the_seed_resume_is_one_page_and_linked(seed_website: SphinxTestApp) -> None:
    require_tool("pdftotext", "pdfinfo")
    outdir = Path(seed_website.outdir)
    soup = BeautifulSoup((outdir / "index.html").read_text("utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("p.cv-downloads a.cv-download-pdf")}
    assert links["Résumé (PDF, 1 page)"] == "minhak-song-resume.pdf"
    pdf = outdir / "minhak-song-resume.pdf"
    assert "Pages: 1" in " ".join(run("pdfinfo", pdf).split())
    text = " ".join(run("pdftotext", "-layout", pdf, "-").split())
    for fact in ("Upstage AI", "KAIST Presidential Fellowship", "Trajectory Alignment", "Python"):
        assert fact in text
    for fact in ("Teaching", "Dean\u2019s List", "Does SGD really happen", "Korea Science Academy"):
        assert fact not in text
    full = " ".join(run("pdftotext", "-layout", outdir / "minhak-song-cv.pdf", "-").split())
    for fact in ("Dean\u2019s List", "Does SGD really happen", "Korea Science Academy"):
        assert fact in full
    assert not [line for line in warning_lines(seed_website) if "cv_versions" in line]
