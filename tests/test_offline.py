"""Offline: building the CV opens no network connection (no intersphinx, no downloads)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO_DIR

# Loaded by Python at start-up (sitecustomize): every attempt to reach another
# machine is written down and refused, as it would fail on a machine offline.
SITECUSTOMIZE = """
import os, socket

_LOG = os.environ["SPHINX_CV_NETWORK_LOG"]
_connect = socket.socket.connect

def _note(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(repr(what) + "\\n")
    raise OSError("network disabled by the offline test")

def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _note(address)
    return _connect(self, address)

socket.socket.connect = connect
socket.socket.connect_ex = connect
socket.getaddrinfo = lambda host, *args, **kwargs: _note(host)
"""


@pytest.fixture
def offline(tmp_path):
    """An environment for subprocesses in which the network is refused, and its log."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(hooks), str(REPO_DIR / "_ext")]),
        "SPHINX_CV_NETWORK_LOG": str(log),
    }
    return env, log


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_build_needs_no_network(offline, seed_project, tmp_path, builder):
    env, log = offline
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-q", "-E"]
    result = subprocess.run(
        [*command, seed_project, tmp_path / builder],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert not log.exists(), log.read_text(encoding="utf-8")


def test_the_guard_notices_a_connection(offline):
    """The check above can fail: a script that reaches for the network is caught."""
    env, log = offline
    script = (
        "import urllib.request\n"
        "try:\n    urllib.request.urlopen('https://example.org')\nexcept OSError:\n    pass\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    assert "example.org" in log.read_text(encoding="utf-8")
