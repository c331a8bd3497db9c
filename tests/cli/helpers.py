"""What the command-line tests share: run ``sphinx-cv``, build a project with ``sphinx-build``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO_DIR


def env() -> dict[str, str]:
    """This checkout's package first, whatever copy may be installed."""
    return {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}


def sphinx_cv(*args: str | Path, stdin: str = "") -> subprocess.CompletedProcess:
    """``python -m sphinx_cv ARGS`` (stdin is not a terminal: no questions)."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx_cv", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )


def sphinx_build(*args: str | Path) -> subprocess.CompletedProcess:
    """``sphinx-build -W --keep-going ARGS`` as a user runs it; fails on any warning."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *map(str, args), "-W", "--keep-going", "-q"],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )


def check_jsonschema(schema: str, path: str | Path) -> subprocess.CompletedProcess:
    """``check-jsonschema --builtin-schema SCHEMA PATH``, as ``nox -s lint`` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
