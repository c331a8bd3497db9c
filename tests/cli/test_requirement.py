"""``requirements.txt``: the line that installs the sphinx-cv ``sphinx-cv new`` runs from.

Each way pip installs a distribution leaves a ``direct_url.json`` (PEP 610) or
none; these tests give the code each one, as a distribution pip would have
written. ``test_package.py`` installs from a local path for real and builds the
new project with its own ``./cv html``.
"""

from __future__ import annotations

import json
import subprocess
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
from conftest import REPO_DIR

from sphinx_cv.cli import main, requirement

PACKAGE = REPO_DIR / "_ext" / "sphinx_cv"


class FakeDistribution:
    """What importlib.metadata gives for an installed sphinx-cv: its files and version."""

    version = "9.8.7"

    def __init__(self, direct_url: dict | None, location: Path = PACKAGE) -> None:
        self.direct_url = direct_url
        self.location = location

    def read_text(self, name: str) -> str | None:
        if name == "direct_url.json" and self.direct_url is not None:
            return json.dumps(self.direct_url)
        return None

    def locate_file(self, path: str) -> Path:
        return self.location.parent / path


@pytest.fixture
def installed(monkeypatch):
    """Pretend sphinx-cv was installed as ``direct_url.json`` says."""

    def install(direct_url: dict | None, location: Path = PACKAGE) -> requirement.Requirement:
        dist = FakeDistribution(direct_url, location)
        monkeypatch.setattr(requirement.metadata, "distribution", lambda name: dist)
        return requirement.this_install()

    return install


def test_from_the_package_index_the_version(installed):
    found = installed(None)
    assert found.spec == "sphinx-cv==9.8.7"
    assert found.notes == []


def test_from_a_git_url_the_commit(installed):
    commit = "a" * 40
    found = installed(
        {
            "url": "https://github.com/songminhak/sphinx-cv",
            "vcs_info": {"vcs": "git", "commit_id": commit, "requested_revision": "main"},
        }
    )
    assert found.spec == f"sphinx-cv @ git+https://github.com/songminhak/sphinx-cv@{commit}"
    assert found.notes == []


def test_over_ssh_the_same_repository_over_https(installed):
    found = installed(
        {"url": "ssh://git@github.com/ada/sphinx-cv.git", "vcs_info": {"commit_id": "b" * 40}}
    )
    assert found.spec == f"sphinx-cv @ git+https://github.com/ada/sphinx-cv.git@{'b' * 40}"
    assert "installed over SSH" in found.notes[0]


def test_from_a_local_folder_its_path_and_a_note(installed, tmp_path):
    found = installed({"url": tmp_path.as_uri(), "dir_info": {}})
    assert found.spec == f"sphinx-cv @ {tmp_path.as_uri()}"
    (note,) = found.notes
    assert f"sphinx-cv is installed from {tmp_path}" in note
    assert "Read the Docs and GitHub Pages cannot reach it" in note
    assert "--requirement SPEC" in note


def test_from_a_git_clone_on_disk_the_clone_and_its_remote(installed, tmp_path):
    clone = tmp_path / "clone"
    run = ["git", "-C", str(clone)]
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    subprocess.run([*run, "remote", "add", "origin", "git@github.com:ada/cv-tool"], check=True)
    found = installed({"url": clone.as_uri(), "vcs_info": {"vcs": "git", "commit_id": "c" * 40}})
    assert found.spec == f"sphinx-cv @ git+{clone.as_uri()}@{'c' * 40}"
    (note,) = found.notes
    assert "cannot reach it" in note
    assert "'sphinx-cv @ git+https://github.com/ada/cv-tool' (its remote 'origin'" in note


def test_an_editable_install_its_folder(installed):
    found = installed({"url": REPO_DIR.as_uri(), "dir_info": {"editable": True}})
    assert found.spec == f"sphinx-cv @ {REPO_DIR.as_uri()}"
    assert f"sphinx-cv is an editable install of {REPO_DIR}" in found.notes[0]


def test_a_checkout_on_the_path_is_not_the_installed_copy(installed, tmp_path):
    """The installed sphinx-cv is elsewhere: this checkout is what runs, and what to install."""
    found = installed({"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    assert found.spec == f"sphinx-cv @ {REPO_DIR.as_uri()}"
    assert f"runs from the checkout {REPO_DIR}" in found.notes[0]
    # A wheel installed elsewhere is not this code either.
    elsewhere = installed(None, location=tmp_path / "site-packages" / "sphinx_cv")
    assert elsewhere.spec == f"sphinx-cv @ {REPO_DIR.as_uri()}"


def test_an_archive_on_the_web_its_url(installed):
    url = "https://example.org/dist/sphinx_cv-0.1.0-py3-none-any.whl"
    assert installed({"url": url, "archive_info": {}}).spec == f"sphinx-cv @ {url}"


def test_requirement_option_overrides_and_the_report_says_nothing(installed, tmp_path):
    installed({"url": tmp_path.as_uri(), "dir_info": {}})
    out = StringIO()
    with redirect_stdout(out):
        code = main(["new", str(tmp_path / "cv"), "--requirement", "sphinx-cv==0.1.0"])
    assert code == 0
    lines = (tmp_path / "cv" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "sphinx-cv==0.1.0"
    assert "requirements.txt" not in out.getvalue()


def test_the_default_is_this_install_and_the_report_says_where(installed, tmp_path):
    installed({"url": tmp_path.as_uri(), "dir_info": {}})
    out = StringIO()
    with redirect_stdout(out):
        assert main(["new", str(tmp_path / "cv")]) == 0
    lines = (tmp_path / "cv" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == f"sphinx-cv @ {tmp_path.as_uri()}"
    assert "Read the Docs and GitHub Pages cannot reach it" in out.getvalue()
