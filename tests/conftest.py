"""Shared fixtures: Sphinx test roots and the switch that makes CI strict."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
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


def require_tool(*names: str) -> None:
    """Skip when a program is missing, or fail where SPHINX_CV_REQUIRE_TOOLS is set (CI)."""
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = f"not installed: {', '.join(missing)}"
    if os.environ.get("SPHINX_CV_REQUIRE_TOOLS"):
        pytest.fail(f"{message} (SPHINX_CV_REQUIRE_TOOLS is set)")
    pytest.skip(message)


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    """A copy of the real CV (docs/ and references.bib), built apart from the repository."""
    shutil.copytree(REPO_DIR / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copy(REPO_DIR / "references.bib", tmp_path / "references.bib")
    return tmp_path / "docs"


def warning_lines(app) -> list[str]:
    """The build's warnings, one a line, without terminal colours."""
    text = strip_colors(app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]
