"""The GitHub Pages workflow: valid for GitHub's schema and actionlint, the same everywhere."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO_DIR
from helpers import check_jsonschema

from sphinx_cv.cli import main
from sphinx_cv.cli.languages import with_apt_packages
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


# -- what a language's PDF needs ---------------------------------------------------


def without_cjk(text: str) -> str:
    """A template that installs no CJK font (as one for a PDF engine that needs no TeX)."""
    text = re.sub(r"^\s*- fonts-noto-cjk\n", "", text, flags=re.MULTILINE)
    return text.replace(" fonts-noto-cjk", "")


@pytest.mark.parametrize("language", ["ko", "ja", "zh_CN"])
def test_a_cjk_project_installs_a_cjk_font(language, tmp_path):
    workflow = without_cjk(TEMPLATE.read_text(encoding="utf-8"))
    readthedocs = without_cjk((TEMPLATES / "readthedocs.yaml").read_text(encoding="utf-8"))
    assert "fonts-noto-cjk" not in workflow + readthedocs
    workflow, readthedocs = with_apt_packages(workflow, readthedocs, language)

    steps = yaml.safe_load(workflow)["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    font = next(
        i
        for i, run in enumerate(runs)
        if "install -y -q --no-install-recommends fonts-noto-cjk" in run
    )
    python = next(i for i, step in enumerate(steps) if "setup-python" in step.get("uses", ""))
    assert font < python
    assert "fonts-noto-cjk" in yaml.safe_load(readthedocs)["build"]["apt_packages"]

    path = tmp_path / ".github" / "workflows" / "pages.yml"
    path.parent.mkdir(parents=True)
    path.write_text(workflow, encoding="utf-8")
    (tmp_path / "readthedocs.yaml").write_text(readthedocs, encoding="utf-8")
    for schema, checked in (
        ("github-workflows", path),
        ("vendor.readthedocs", tmp_path / "readthedocs.yaml"),
    ):
        result = check_jsonschema(schema, checked)
        assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [actionlint(), str(path)], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_read_the_docs_file_without_packages_gets_the_list():
    readthedocs = 'version: 2\nbuild:\n  os: ubuntu-24.04\n  tools:\n    python: "3.12"\n'
    _, written = with_apt_packages("", readthedocs, "ko")
    assert yaml.safe_load(written)["build"] == {
        "os": "ubuntu-24.04",
        "tools": {"python": "3.12"},
        "apt_packages": ["fonts-noto-cjk"],
    }


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_a_latin_script_project_installs_nothing_more(language):
    workflow = without_cjk(TEMPLATE.read_text(encoding="utf-8"))
    readthedocs = without_cjk((TEMPLATES / "readthedocs.yaml").read_text(encoding="utf-8"))
    assert with_apt_packages(workflow, readthedocs, language) == (workflow, readthedocs)


def test_a_korean_project_from_sphinx_cv_new_installs_the_font(tmp_path):
    target = tmp_path / "cv"
    assert main(["new", str(target), "--language", "ko"]) == 0
    workflow = (target / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    readthedocs = yaml.safe_load((target / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert "fonts-noto-cjk" in workflow
    assert "fonts-noto-cjk" in readthedocs["build"]["apt_packages"]
