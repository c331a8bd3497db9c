"""Shared fixtures: Sphinx test roots and the switch that makes CI strict."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

TESTS_DIR = Path(__file__).parent
REPO_DIR = TESTS_DIR.parent
# Test this checkout's extension, whatever copy may be installed elsewhere.
sys.path.insert(0, str(REPO_DIR / "_ext"))

pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test roots live in tests/roots/test-NAME (sphinx.testing's convention)."""
    return TESTS_DIR / "roots"


#: The marker a test needs when it needs these programs (``-m "not latex"`` leaves it out).
MARKERS = {"latexmk": "latex", "xelatex": "latex", "chromium": "browser"}
#: The test being run (its fixtures call require_tool for it).
_current: list[pytest.Item] = []


def pytest_runtest_setup(item: pytest.Item) -> None:
    _current[:] = [item]  # before its fixtures, module-scoped ones included


def pytest_runtest_teardown(item: pytest.Item) -> None:
    _current.clear()


def slow_unless(quick: bool) -> list[pytest.MarkDecorator]:
    """A parameter's marks: none for a case every run tries, ``slow`` for the others
    (``./cv tests`` leaves them out, ``./cv tests -m slow`` runs them)."""
    return [] if quick else [pytest.mark.slow]


def require_tool(*names: str) -> None:
    """Skip when a program is missing, or fail where SPHINX_CV_REQUIRE_TOOLS is set (CI).

    A test that needs TeX or Chromium must carry the ``latex`` or ``browser`` marker, so
    that a run can leave it out: a test without it fails here.
    """
    for name in names:
        marker = MARKERS.get(name)
        if marker and _current and _current[0].get_closest_marker(marker) is None:
            pytest.fail(f"{_current[0].nodeid} needs {name}: mark it @pytest.mark.{marker}")
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = f"not installed: {', '.join(missing)}"
    if os.environ.get("SPHINX_CV_REQUIRE_TOOLS"):
        pytest.fail(f"{message} (SPHINX_CV_REQUIRE_TOOLS is set)")
    pytest.skip(message)


def copy_seed_project(dest: Path) -> Path:
    """Copy the real CV (docs/ and references.bib) into ``dest``; return its docs/."""
    shutil.copytree(REPO_DIR / "docs", dest / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copy(REPO_DIR / "references.bib", dest / "references.bib")
    return dest / "docs"


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    """A copy of the real CV (docs/ and references.bib), built apart from the repository."""
    return copy_seed_project(tmp_path)


@pytest.fixture(scope="session")
def seed_website(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The seed CV's default build, as a user runs it: the website with every version's PDF
    (Typst). Built once for every test that reads it; no test may change it."""
    docs = copy_seed_project(tmp_path_factory.mktemp("seed-website"))
    return build_app("html", docs, cv_pdf_link=True)


@pytest.fixture
def make_app(make_app):
    """Test apps build the website without its PDF unless a test sets cv_pdf_link (seconds each)."""

    def make(*args, **kwargs):
        kwargs["confoverrides"] = {"cv_pdf_link": False, **(kwargs.get("confoverrides") or {})}
        return make_app(*args, **kwargs)

    return make


@pytest.fixture
def speak(monkeypatch):
    """``speak("de")``: the extension's catalog in that language, as a build loads it
    (undone after the test)."""
    from sphinx import locale

    from sphinx_cv.i18n import CATALOG, LOCALE_DIR

    def use(language: str) -> None:
        monkeypatch.delitem(locale.translators, ("general", CATALOG), raising=False)
        locale.init([str(LOCALE_DIR)], language, CATALOG)

    return use


def build_app(
    builder: str, srcdir: Path, *, freshenv: bool = False, **confoverrides
) -> SphinxTestApp:
    """Build ``srcdir`` once with a fresh app (for module-scoped fixtures); return the app."""
    app = SphinxTestApp(builder, srcdir=srcdir, freshenv=freshenv, confoverrides=confoverrides)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def warning_lines(app) -> list[str]:
    """The build's warnings, one a line, without terminal colours."""
    text = strip_colors(app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def compile_pdf(tex: Path) -> Path:
    """latexmk on the LaTeX builder's output; a failure shows the end of TeX's output."""
    from sphinx_cv.pdf.latex.compile import TOOLS, compile_tex

    require_tool(*TOOLS)
    try:
        return compile_tex(tex)
    except subprocess.CalledProcessError as error:
        pytest.fail(f"LaTeX failed on {tex.name}:\n{(error.stdout or '')[-3000:]}")
