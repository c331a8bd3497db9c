"""``sphinx-cv new``: a blank project that builds warning-free in html, PDF and JSON Resume."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_DIR, require_tool, warning_lines
from helpers import check_jsonschema, sphinx_build, sphinx_cv

from sphinx_cv.cli import main
from sphinx_cv.cli.new import TALK_KIND, TEMPLATES

NAME, EMAIL, WEBSITE = "Ada Lovelace", "ada@example.org", "https://ada.example.org"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("new") / "my-cv"
    result = sphinx_cv("new", target, "--name", NAME, "--email", EMAIL, "--website", WEBSITE)
    assert result.returncode == 0, result.stderr
    assert f"for {NAME}" in result.stdout
    assert "./cv html" in result.stdout
    return target


def test_writes_a_complete_project(project):
    files = {str(path.relative_to(project)) for path in project.rglob("*") if path.is_file()}
    pages = {"index", "education", "experience", "publications", "talks", "awards", "skills"}
    assert {f"docs/{page}.md" for page in pages} | {
        "docs/conf.py",
        "references.bib",
        "requirements.txt",
        "noxfile.py",
        ".readthedocs.yaml",
        ".github/workflows/pages.yml",
        "README.md",
        ".gitignore",
        "cv",
    } == files
    assert (project / "cv").stat().st_mode & 0o111


def test_the_projects_cv_script_is_the_repositorys():
    template = TEMPLATES / "cv.txt"
    assert template.read_text(encoding="utf-8") == (REPO_DIR / "cv").read_text(encoding="utf-8")


def test_each_section_page_shows_a_commented_example(project):
    for page, directive in [
        ("education", ":::{timeline}"),
        ("experience", ":::{timeline}"),
        ("talks", ":::{timeline}"),
        ("awards", ":::{award}"),
        ("skills", ":::{skills}"),
    ]:
        text = (project / "docs" / f"{page}.md").read_text(encoding="utf-8")
        assert f"% {directive}" in text, page
    assert f"% :kind: {TALK_KIND}" in (project / "docs/talks.md").read_text(encoding="utf-8")
    assert "% @article{" in (project / "docs/publications.md").read_text(encoding="utf-8")


def test_html_builds_without_warnings_and_shows_the_owner(project, tmp_path):
    result = sphinx_build("-b", "html", project / "docs", tmp_path, "-D", "cv_pdf_link=0")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    profile = soup.select_one(".cv-profile")
    assert soup.h1.get_text(strip=True).startswith(NAME)
    assert profile.find("a", href="mailto:ada%40example.org")
    assert profile.find("a", href=WEBSITE)
    assert EMAIL in profile.get_text()
    nav = [a.get_text(strip=True) for a in soup.select(".toctree-wrapper a")]
    assert nav == ["Education", "Experience", "Publications", "Talks", "Awards", "Skills"]


def test_jsonresume_builds_without_warnings(project, tmp_path):
    result = sphinx_build("-b", "jsonresume", project / "docs", tmp_path)
    assert result.returncode == 0, result.stderr
    resume = json.loads((tmp_path / "resume.json").read_text(encoding="utf-8"))
    assert resume == {"basics": {"name": NAME, "email": EMAIL, "url": WEBSITE}}


@pytest.mark.latex
def test_pdf_builds_without_warnings(project, tmp_path):
    require_tool("latexmk", "xelatex", "pdftotext")
    result = sphinx_build("-M", "latexpdf", project / "docs", tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    (pdf,) = (tmp_path / "latex").glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert NAME in text
    assert EMAIL in text
    assert "EDUCATION" in text
    assert "AWARDS" in text


def test_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path), "--name", NAME]) == 1
    assert "not empty; use --force" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()
    assert main(["new", str(tmp_path), "--name", NAME, "--force"]) == 0
    assert (tmp_path / "docs" / "conf.py").exists()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_without_a_terminal_it_asks_nothing_and_uses_defaults(tmp_path):
    result = sphinx_cv("new", tmp_path / "cv", stdin="Should Not Be Read\n")
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "cv" / "docs" / "index.md").read_text(encoding="utf-8")
    assert ":::{profile} Your Name" in index
    assert ":email:" not in index


def test_on_a_terminal_it_asks_for_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    answers = iter(["", "Grace Hopper", "grace@example.org", ""])  # the language: English
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["new", str(tmp_path / "cv"), "--website", WEBSITE]) == 0
    index = (tmp_path / "cv" / "docs" / "index.md").read_text(encoding="utf-8")
    assert ":::{profile} Grace Hopper" in index
    assert ":email: grace@example.org" in index
    assert f":website: {WEBSITE}" in index


def test_a_name_that_is_markdown_and_python_stays_text(tmp_path, make_app):
    name = "Jean-Luc *the* _1_ #1 ::: \\ {x} end"
    assert main(["new", str(tmp_path / "cv"), "--name", name]) == 0
    app = make_app("html", srcdir=tmp_path / "cv" / "docs")
    app.build()
    assert warning_lines(app) == []
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text(strip=True).startswith(name)
    assert soup.title.get_text(strip=True).startswith(name)


def build_uncommented(project: Path, pages: tuple[str, ...], tmp_path: Path) -> Path:
    """A new user's first edit: remove the % of the pages' examples; build (no warning)."""
    docs = tmp_path / "docs"
    shutil.copytree(project / "docs", docs)
    for page in pages:
        path = docs / f"{page}.md"
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [re.sub(r"^% ?", "", line) for line in lines if "An example entry" not in line]
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    shutil.copy(project / "references.bib", tmp_path / "references.bib")
    result = sphinx_build("-b", "html", docs, tmp_path / "out", "-D", "cv_pdf_link=0")
    assert result.returncode == 0, result.stderr
    return tmp_path / "out"


def test_the_examples_build_without_warnings_once_uncommented(project, tmp_path):
    build_uncommented(project, ("education", "experience", "talks", "awards", "skills"), tmp_path)
    text = (tmp_path / "out" / "education.html").read_text(encoding="utf-8")
    assert "University of Somewhere" in text
    assert "Best Paper Award" in (tmp_path / "out" / "awards.html").read_text(encoding="utf-8")


def test_the_projects_read_the_docs_file_matches_its_schema(project):
    result = check_jsonschema("vendor.readthedocs", project / ".readthedocs.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_projects_noxfile_has_the_sessions_its_readme_names(project):
    tree = ast.parse((project / "noxfile.py").read_text(encoding="utf-8"))
    sessions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert {"html", "pdf", "resume", "live"} <= sessions
    readme = (project / "README.md").read_text(encoding="utf-8")
    for session in ("html", "pdf", "live"):
        assert f"./cv {session}" in readme
    requirements = (project / "requirements.txt").read_text(encoding="utf-8")
    assert "sphinx-cv" in requirements.splitlines()[-1]


# -- sphinx-cv new --language ----------------------------------------------------------


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("neu") / "lebenslauf"
    result = sphinx_cv("new", target, "--name", "Friederike Müller-Şahin", "--language", "de")
    assert result.returncode == 0, result.stderr
    return target


def conf_values(project: Path) -> dict[str, object]:
    """What conf.py assigns (comments are not settings)."""
    tree = ast.parse((project / "docs" / "conf.py").read_text(encoding="utf-8"))
    return {
        target.id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant)
    }


def test_a_german_project_pins_no_english_word(german, project):
    values = conf_values(german)
    assert values["language"] == "de"
    assert "cv_present_label" not in values  # "heute", the language's word
    assert values["cv_date_format"] == "%m/%Y"  # German CVs write "10/2021"
    english = conf_values(project)
    assert english["language"] == "en"
    assert "cv_present_label" not in english
    assert "cv_date_format" not in english


def test_a_german_project_has_german_academias_sections(german):
    index = (german / "docs" / "index.md").read_text(encoding="utf-8")
    toctree = index.split("```{toctree}")[1].split("```")[0].split()
    assert toctree[2:] == [
        "werdegang",
        "ausbildung",
        "publikationen",
        "drittmittel",
        "lehre",
        "vortraege",  # as German writes "ä" in ASCII
        "auszeichnungen",
        "kenntnisse",
    ]
    assert (german / "docs" / "vortraege.md").read_text(encoding="utf-8").startswith("# Vorträge\n")


def pages_of(project: Path) -> list[tuple[str, str]]:
    """Each section page as the home page lists it: its file's name and its title."""
    docs = project / "docs"
    index = (docs / "index.md").read_text(encoding="utf-8")
    slugs = index.split("```{toctree}")[1].split("```")[0].split()[2:]  # after :maxdepth: 1
    return [
        (slug, (docs / f"{slug}.md").read_text(encoding="utf-8").splitlines()[0][2:])
        for slug in slugs
    ]


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("es", ["Formación", "Experiencia", "Publicaciones", "Ponencias", "Premios",
                "Competencias"]),
        ("fr", ["Formation", "Parcours", "Publications", "Communications", "Distinctions",
                "Compétences"]),
        ("ja", ["学歴", "職歴", "研究業績", "講演", "受賞歴", "スキル"]),
        ("ko", ["학력", "경력", "논문", "발표", "수상", "기술"]),
        ("pt", ["Formação", "Experiência", "Publicações", "Palestras", "Prêmios", "Competências"]),
        ("zh_CN", ["教育背景", "工作经历", "发表成果", "学术报告", "获奖情况", "技能"]),
    ],
)  # fmt: skip
def test_every_catalog_language_titles_its_pages(tmp_path, language, titles):
    assert main(["new", str(tmp_path / "cv"), "--language", language]) == 0
    pages = pages_of(tmp_path / "cv")
    assert [title for _, title in pages] == titles
    if language in ("ja", "ko", "zh_CN"):  # no Latin letters: the file has the English name
        assert [slug for slug, _ in pages][:2] == ["education", "experience"]
    assert conf_values(tmp_path / "cv")["language"] == language


def test_the_german_project_builds_and_speaks_german(german, tmp_path):
    result = sphinx_build("-b", "html", german / "docs", tmp_path, "-D", "cv_pdf_link=0")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = [a.get_text(strip=True) for a in soup.select(".toctree-wrapper a")]
    assert nav[:5] == ["Werdegang", "Ausbildung", "Publikationen", "Drittmittel", "Lehre"]
    footer = soup.select_one(".component-author").get_text(strip=True)
    assert footer == "Lebenslauf von Friederike Müller-Şahin"


def test_the_german_examples_show_semesters_and_languages_once_uncommented(german, tmp_path):
    pages = ("ausbildung", "werdegang", "lehre", "drittmittel", "kenntnisse")
    build_uncommented(german, pages, tmp_path)

    def dates(page: str) -> list[str]:
        html = (tmp_path / "out" / f"{page}.html").read_text(encoding="utf-8")
        return [d.get_text() for d in BeautifulSoup(html, "html.parser").select(".cv-entry-dates")]

    assert dates("ausbildung") == ["WS 2020/21 \u2013 heute"]
    assert dates("werdegang") == ["06/2019 \u2013 08/2019"]
    assert dates("lehre") == ["SoSe 2024"]
    resume = json.loads((tmp_path / "out" / "resume.json").read_text(encoding="utf-8"))
    assert resume["languages"] == [
        {"language": "Deutsch", "fluency": "Muttersprache"},
        {"language": "Englisch", "fluency": "fließend"},
    ]
    assert resume["education"][0]["startDate"] == "2020-10"


def test_on_a_terminal_it_asks_for_the_language(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    prompts = []
    answers = iter(["Deutsch", "de", "Grete", "", ""])

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", answer)
    assert main(["new", str(tmp_path / "cv")]) == 0
    assert prompts[0] == "Language (en, de, es, fr, ja, ko, pt, zh_CN) [en]: "
    assert prompts[1] == prompts[0]  # "Deutsch" is not a code: asked again
    assert "'Deutsch' is not one of them" in capsys.readouterr().err
    assert conf_values(tmp_path / "cv")["language"] == "de"


def test_an_unknown_language_is_refused_with_the_ones_there_are(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["new", str(tmp_path / "cv"), "--language", "klingon"])
    assert "invalid choice: 'klingon'" in capsys.readouterr().err
    assert not (tmp_path / "cv").exists()
