"""The installable package: a wheel with every data file, used in a clean venv; other themes."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_DIR, TESTS_DIR, warning_lines

from sphinx_cv.cli import main

PACKAGE = REPO_DIR / "_ext" / "sphinx_cv"
RENDERCV = TESTS_DIR / "data" / "rendercv-example.yaml"
#: Entries of the RenderCV example, one of each directive, as the site shows them.
SHOWN = [
    "Universidad de Granada",
    "PhD in Chemistry",
    "Lund University",
    "Sep 2021 – Present",
    "Marie Skłodowska-Curie Fellowship",
    "Operando Raman spectroscopy of Cu–Ag electrocatalysts",
    "Raman spectroscopy, DFT, electrochemistry",
]


def data_files() -> set[str]:
    """Every file of the package that is not Python: what the wheel must carry."""
    return {
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc")
    }


def shown_text(html: Path) -> str:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.body.get_text(" ", strip=True).split())


@pytest.mark.slow
def test_the_wheel_installs_in_a_clean_venv_and_builds_a_cv(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, REPO_DIR],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("sphinx_cv-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert data_files() <= names, data_files() - names
    assert (
        "sphinx-cv = sphinx_cv.cli:main"
        in zipfile.ZipFile(wheel)
        .read(next(name for name in names if name.endswith("entry_points.txt")))
        .decode()
    )

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    # Dependencies come from the package index pip is set up with; no checkout on the path.
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "-q", wheel],
        capture_output=True,
        text=True,
        env=clean,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*command):
        return subprocess.run(
            command, capture_output=True, text=True, env=clean, cwd=work, check=False
        )

    new = run(bin_dir / "sphinx-cv", "new", "cv", "--from", RENDERCV)
    assert new.returncode == 0, new.stderr
    where = run(bin_dir / "python", "-c", "import sphinx_cv; print(sphinx_cv.__file__)")
    assert str(env_dir) in where.stdout
    build = run(
        bin_dir / "sphinx-build", "-W", "-q", "-b", "html", "cv/docs", "out", "-D", "cv_pdf_link=0"
    )
    assert build.returncode == 0, build.stderr
    text = " ".join(shown_text(page) for page in sorted((work / "out").glob("*.html")))
    for fact in SHOWN:
        assert fact in text, fact
    assert (work / "out" / "_static" / "sphinx_cv.css").exists()
    module = run(bin_dir / "python", "-m", "sphinx_cv", "--version")
    assert module.stdout.strip() == "sphinx-cv 0.1.0"


@pytest.fixture(scope="module")
def rendercv_project(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("themes") / "cv"
    assert main(["new", str(target), "--from", str(RENDERCV)]) == 0
    return target


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_other_themes_build_and_show_the_entries(theme, rendercv_project, make_app, tmp_path):
    app = make_app(
        "html",
        srcdir=rendercv_project / "docs",
        builddir=tmp_path,
        confoverrides={"html_theme": theme, "html_theme_options": {}},
    )
    app.build()
    assert warning_lines(app) == []
    pages = sorted(Path(app.outdir).glob("*.html"))
    text = " ".join(shown_text(page) for page in pages)
    for fact in SHOWN:
        assert fact in text, fact
    education = BeautifulSoup(
        (Path(app.outdir) / "education.html").read_text(encoding="utf-8"), "html.parser"
    )
    entry = education.select_one(".cv-entry.cv-timeline")
    assert entry.select_one(".cv-entry-title").get_text(strip=True) == "Universidad de Granada"
    assert entry.select_one(".cv-entry-dates time")["datetime"] == "2017-09"
    assert education.find("link", href=lambda h: h and "sphinx_cv.css" in h)
    # The slim site's templates are sphinx-book-theme's: another theme keeps its own.
    assert not education.select(".cv-navbar-logo, [class*=bd-]")
    assert not (Path(app.outdir) / "_static" / "favicon.svg").exists()
