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
from conftest import REPO_DIR, TESTS_DIR, require_tool, warning_lines

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


#: Dependencies come from the package index pip is set up with; no checkout on the path.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def run_in(cwd: Path, *command: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        env=CLEAN_ENV,
        cwd=cwd,
        check=False,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with sphinx-cv installed from this checkout's folder, as a local path.

    The one install the slow tests share: ``pip install PATH`` builds the wheel
    and installs it, with its dependencies from the package index.
    """
    env_dir = tmp_path_factory.mktemp("installed") / "venv"
    venv.create(env_dir, with_pip=True)
    install = run_in(env_dir, env_dir / "bin" / "python", "-m", "pip", "install", "-q", REPO_DIR)
    assert install.returncode == 0, install.stderr[-2000:]
    return env_dir / "bin"


@pytest.mark.slow
def test_the_wheel_carries_every_data_file(tmp_path):
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


@pytest.mark.slow
def test_the_installed_package_builds_a_cv(installed, tmp_path):
    new = run_in(tmp_path, installed / "sphinx-cv", "new", "cv", "--from", RENDERCV)
    assert new.returncode == 0, new.stderr
    where = run_in(
        tmp_path, installed / "python", "-c", "import sphinx_cv; print(sphinx_cv.__file__)"
    )
    assert str(installed.parent) in where.stdout
    build = run_in(
        tmp_path, installed / "sphinx-build", "-W", "-q", "-b", "html", "cv/docs", "out",
        "-D", "cv_pdf_link=0",
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    text = " ".join(shown_text(page) for page in sorted((tmp_path / "out").glob("*.html")))
    for fact in SHOWN:
        assert fact in text, fact
    assert (tmp_path / "out" / "_static" / "sphinx_cv.css").exists()
    module = run_in(tmp_path, installed / "python", "-m", "sphinx_cv", "--version")
    assert module.stdout.strip() == "sphinx-cv 0.1.0"


@pytest.mark.slow
@pytest.mark.latex
def test_after_a_local_path_install_the_new_project_builds_with_its_own_cv_script(
    installed, tmp_path
):
    """A researcher's first hour: install from a clone, ``sphinx-cv new``, ``./cv html``.

    The project's ``requirements.txt`` names the folder sphinx-cv was installed
    from; ``./cv`` (the system's Python) installs nox, nox installs the
    requirements into its own environment and builds the site with its PDF.
    """
    require_tool("latexmk", "xelatex")
    new = run_in(tmp_path, installed / "sphinx-cv", "new", "cv", "--name", "Ada Lovelace")
    assert new.returncode == 0, new.stderr
    assert f"sphinx-cv is installed from {REPO_DIR}" in new.stdout
    assert "Read the Docs and GitHub Pages cannot reach it" in new.stdout
    lines = (tmp_path / "cv" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == f"sphinx-cv @ {REPO_DIR.as_uri()}"
    build = run_in(tmp_path / "cv", "python3", "cv", "html")
    assert build.returncode == 0, (build.stdout + build.stderr)[-3000:]
    site = tmp_path / "cv" / "docs" / "_build" / "html"
    assert "Ada Lovelace" in shown_text(site / "index.html")
    assert list(site.glob("*.pdf"))


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
