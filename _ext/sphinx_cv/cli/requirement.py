"""The ``requirements.txt`` line that installs the sphinx-cv this command runs from.

pip records how it installed a distribution (PEP 610, ``direct_url.json`` in its
metadata): from a Git URL at a commit (``vcs_info``), from a local folder
(``dir_info``, editable or not) or from an archive (``archive_info``); without
the file, from the package index. Each way gives its requirement:

- the package index: ``sphinx-cv==VERSION``;
- Git over ``https://``: ``sphinx-cv @ git+https://…@COMMIT``;
- Git over SSH: the same repository over ``https://`` (builders have no SSH key);
- a folder, a ``file://`` Git clone or a local archive: its ``file://`` URL, which
  only this machine can reach, so a note says what to write for Read the Docs and
  GitHub Pages;
- a checkout on ``PYTHONPATH`` (not installed): its folder, as a local path.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import __version__

DISTRIBUTION = "sphinx-cv"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: ``git@github.com:owner/repo.git`` or ``ssh://git@github.com/owner/repo``.
_SSH = re.compile(r"^(?:ssh://)?[\w.-]+@(?P<host>[\w.-]+)[:/](?P<path>[^:]+?)/?$")


@dataclass
class Requirement:
    """The line for ``requirements.txt`` and what the user should know about it."""

    spec: str
    notes: list[str] = field(default_factory=list)


def this_install() -> Requirement:
    """The requirement that installs the sphinx-cv running now."""
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        dist = None
    if dist is None or not _runs_from(dist):
        checkout = _checkout()
        if checkout is not None:
            return _local(checkout.as_uri(), checkout, "runs from the checkout")
        return Requirement(f"{DISTRIBUTION}=={__version__}")
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    url = direct.get("url", "")
    if "vcs_info" in direct:
        return _git(url, direct["vcs_info"])
    if url.startswith("file:"):
        kind = "an editable install of" if direct.get("dir_info", {}).get("editable") else ""
        return _local(url, Path(unquote(urlsplit(url).path)), f"is {kind or 'installed from'}")
    if url:  # an archive on the web
        return Requirement(f"{DISTRIBUTION} @ {url}")
    return Requirement(f"{DISTRIBUTION}=={dist.version}")


def _runs_from(dist: metadata.Distribution) -> bool:
    """Whether this code is the distribution's (a checkout on the path is not)."""
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    if direct.get("dir_info", {}).get("editable"):
        folder = Path(unquote(urlsplit(direct.get("url", "")).path)).resolve()
        return folder in PACKAGE_DIR.parents
    installed = Path(str(dist.locate_file("sphinx_cv/__init__.py"))).resolve().parent
    return installed == PACKAGE_DIR


def _checkout() -> Path | None:
    """The project folder around this package, when it is a source checkout."""
    for folder in PACKAGE_DIR.parents:
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            text = pyproject.read_text(encoding="utf-8")
            return folder if re.search(rf'^name = "{DISTRIBUTION}"', text, re.M) else None
    return None


def _git(url: str, vcs: dict) -> Requirement:
    commit = vcs.get("commit_id") or vcs.get("requested_revision") or ""
    at = f"@{commit}" if commit else ""
    if url.startswith(("https://", "http://")):
        return Requirement(f"{DISTRIBUTION} @ git+{url}{at}")
    ssh = _SSH.match(url)
    if ssh:
        https = f"https://{ssh['host']}/{ssh['path']}"
        return Requirement(
            f"{DISTRIBUTION} @ git+{https}{at}",
            [
                f"requirements.txt: sphinx-cv was installed over SSH ({url}); written as "
                f"{https} (Read the Docs and GitHub Pages have no SSH key; a private "
                "repository needs a token there)"
            ],
        )
    folder = Path(unquote(urlsplit(url).path))
    return _local(f"git+{url}{at}", folder, "was installed from the Git clone")


def _local(url: str, folder: Path, how: str) -> Requirement:
    instead = _published_form(folder)
    return Requirement(
        f"{DISTRIBUTION} @ {url}",
        [
            f"requirements.txt: sphinx-cv {how} {folder}, a path on this machine only: "
            "./cv html works here, Read the Docs and GitHub Pages cannot reach it. "
            f"Write instead {instead}"
        ],
    )


def _published_form(folder: Path) -> str:
    """What to write for builders elsewhere: the clone's remote at its commit, if known."""
    generic = (
        f"'{DISTRIBUTION} @ git+https://github.com/OWNER/REPOSITORY@COMMIT' (a public "
        f"repository) or '{DISTRIBUTION}==VERSION' (once released), or pass "
        "--requirement SPEC to sphinx-cv new"
    )

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
            )
        except OSError:
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    remote = git("config", "--get", "remote.origin.url")
    ssh = _SSH.match(remote)
    if ssh:
        remote = f"https://{ssh['host']}/{ssh['path']}"
    if not remote.startswith("https://"):
        return generic
    commit = git("rev-parse", "HEAD")
    at = f"@{commit}" if commit else ""
    return (
        f"'{DISTRIBUTION} @ git+{remote}{at}' (its remote 'origin', once that commit is "
        "pushed), or pass --requirement SPEC to sphinx-cv new"
    )
