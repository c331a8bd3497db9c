"""Reproducible output: two clean builds of the seed CV give the same bytes."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

import pytest
from conftest import REPO_DIR, require_tool


def build(mode, srcdir, outdir, *options, env=None):
    """A clean build as a user runs it (``-b html`` or ``-M latexpdf``), in its own process."""
    environ = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext"), **(env or {})}
    command = [sys.executable, "-m", "sphinx", *mode, srcdir, outdir, "-q", "-E", *options]
    result = subprocess.run(command, capture_output=True, text=True, env=environ, check=False)
    assert result.returncode == 0, result.stderr
    return result


EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def tree(outdir) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def test_two_clean_html_builds_are_byte_identical(seed_project, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    # The site carries the PDF (cv_pdf_link), which is reproducible with SOURCE_DATE_EPOCH.
    env = {"SOURCE_DATE_EPOCH": str(EPOCH)}
    # Doctrees (the pickled environment) apart: the output alone is compared.
    for outdir in (first, second):
        doctrees = tmp_path / f"{outdir.name}.doctrees"
        result = build(("-b", "html"), seed_project, outdir, "-d", doctrees, env=env)
        assert "WARNING" not in result.stderr, result.stderr  # e.g. a PDF that failed
    one, two = tree(first), tree(second)
    assert "index.html" in one
    assert "searchindex.js" in one
    assert sorted(one) == sorted(two)
    different = [name for name in one if one[name] != two[name]]
    assert different == []


@pytest.mark.slow
@pytest.mark.latex
def test_two_pdfs_with_source_date_epoch_are_identical(seed_project, tmp_path):
    """``-M latexpdf`` runs latexmk as Sphinx's Makefile does; xelatex is the engine."""
    require_tool("latexmk", "xelatex", "pdfinfo")
    env = {"SOURCE_DATE_EPOCH": str(EPOCH)}
    pdfs = []
    for name in ("first", "second"):
        outdir = tmp_path / name
        build(("-M", "latexpdf"), seed_project, outdir, "-D", "latex_engine=xelatex", env=env)
        (pdf,) = (outdir / "latex").glob("*.pdf")
        pdfs.append(pdf)
    assert pdfs[0].read_bytes() == pdfs[1].read_bytes()
    # The fixed date is the one the PDF carries, so the equality is not luck of the clock.
    info = subprocess.run(["pdfinfo", "-isodates", pdfs[0]], capture_output=True, text=True)
    created = datetime.datetime.fromtimestamp(EPOCH, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f"CreationDate:    {created}\n" in info.stdout
