"""The GitHub Pages workflow: valid for GitHub's schema and actionlint, the same everywhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO_DIR
from helpers import check_jsonschema

from sphinx_cv.cli.new import TEMPLATES

WORKFLOW = REPO_DIR / ".github" / "workflows" / "pages.yml"
TEMPLATE = TEMPLATES / "pages.yml"


def actionlint() -> str:
    """The actionlint binary of this environment (the lint and test extras install it)."""
    found = shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )
    if found is None:
        pytest.fail("actionlint is not installed (pip install -e '.[test]')")
    return found


@pytest.mark.parametrize("path", [WORKFLOW, TEMPLATE], ids=["repository", "template"])
def test_the_workflow_matches_githubs_schema(path):
    result = check_jsonschema("github-workflows", path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", [WORKFLOW, TEMPLATE], ids=["repository", "template"])
def test_actionlint_finds_nothing(path, tmp_path):
    # actionlint reads a file by its path only inside .github/workflows.
    copy = tmp_path / ".github" / "workflows" / "pages.yml"
    copy.parent.mkdir(parents=True)
    shutil.copy(path, copy)
    result = subprocess.run(
        [actionlint(), str(copy)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_find_mistakes(tmp_path):
    """The check itself: a workflow with an unknown action input fails it."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        TEMPLATE.read_text(encoding="utf-8").replace("path: docs/_build/html", "paht: x"),
        encoding="utf-8",
    )
    result = subprocess.run([actionlint(), str(bad)], capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "paht" in result.stdout


def test_the_repository_publishes_with_the_template_new_projects_get():
    assert WORKFLOW.read_text(encoding="utf-8") == TEMPLATE.read_text(encoding="utf-8")


def test_it_builds_with_nox_and_deploys_on_a_push_to_main():
    workflow = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads "on" as True
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build_steps]
    uses = [step.get("uses", "").partition("@")[0] for step in build_steps]
    assert any(run.startswith("nox -s html") for run in runs)
    assert "actions/upload-pages-artifact" in uses
    upload = next(s for s in build_steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "docs/_build/html"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_it_installs_no_tex_and_the_cjk_fonts():
    """The PDF is Typst's: the workflow installs no TeX, and Noto CJK for a CJK CV."""
    installed = TEMPLATE.read_text(encoding="utf-8").replace("\\", " ").split()
    assert not [package for package in installed if package.startswith(("texlive", "latexmk"))]
    assert "fonts-noto-cjk" in installed


def test_new_projects_build_on_read_the_docs_as_this_repository_does():
    """The template's .readthedocs.yaml is the repository's, but for how it installs."""
    repository = yaml.safe_load((REPO_DIR / ".readthedocs.yaml").read_text(encoding="utf-8"))
    template = yaml.safe_load((TEMPLATES / "readthedocs.yaml").read_text(encoding="utf-8"))
    assert template["python"] == {"install": [{"requirements": "requirements.txt"}]}
    assert {**template, "python": None} == {**repository, "python": None}
