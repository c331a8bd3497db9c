"""Read the Docs configuration and the contributor links on every page."""

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_DIR


@pytest.mark.parametrize("config", [".readthedocs.yaml", "guide/.readthedocs.yaml"])
def test_readthedocs_config_matches_schema(config):
    """The CV's project and the guide's, each with its own file."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.readthedocs",
            str(REPO_DIR / config),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_edit_button_points_at_the_page_source(make_app, seed_project):
    app = make_app("html", srcdir=seed_project)
    app.build()
    for page in ("index", "education", "awards"):
        soup = BeautifulSoup(
            (app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser"
        )
        edit = soup.find("a", href=lambda h: h and "/edit/" in h)
        assert edit["href"] == f"https://github.com/songminhak/sphinx-cv/edit/main/docs/{page}.md"
        assert soup.find("a", href="https://github.com/songminhak/sphinx-cv")
