"""When the PDF goes wrong: exit statuses that tell the truth, no orphaned compiler, no PDF
lost to another of the same name, no traceback."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO_DIR, TESTS_DIR, build_app, require_tool, warning_lines

from sphinx_cv.pdf.latex.compile import TOOLS

ROOTS = TESTS_DIR / "roots"
PDF = "nguyen-van-lukasz-cv.pdf"


def project(tmp_path: Path, extra: str = "") -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-pdf-special", srcdir)
    if extra:
        index = srcdir / "index.md"
        index.write_text(index.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return srcdir


def sphinx(*args: str | Path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}
    return subprocess.Popen(
        [sys.executable, "-m", "sphinx", *map(str, args), "-q"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


@pytest.mark.latex
def test_make_latexpdf_fails_when_latex_fails(tmp_path):
    """Sphinx's ``-M latexpdf`` exits non-zero when LaTeX stops on an error (latexmkrc's
    hook that reports the log must not overwrite latexmk's status)."""
    require_tool(*TOOLS)
    srcdir = project(tmp_path, "\n```{raw} latex\n\\undefinedcontrolsequence\n```\n")
    build = sphinx("-M", "latexpdf", srcdir, tmp_path / "build")
    _, stderr = build.communicate(timeout=300)
    assert build.returncode != 0, stderr
    (log,) = (tmp_path / "build" / "latex").glob("*.log")
    assert "Undefined control sequence" in log.read_text(errors="replace")


@pytest.mark.latex
def test_make_latexpdf_succeeds_with_the_hook(tmp_path):
    """The hook itself runs (its warnings reach the terminal) and keeps a success a success."""
    require_tool(*TOOLS)
    srcdir = project(tmp_path, "\n- Made a \U00013000 glyph\n")
    build = sphinx("-M", "latexpdf", srcdir, tmp_path / "build")
    _, stderr = build.communicate(timeout=300)
    assert build.returncode == 0, stderr
    assert "no font prints" in stderr


def processes_in(folder: Path) -> list[str]:
    """The processes whose working directory is ``folder`` (latexmk runs TeX there)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if Path(os.readlink(proc / "cwd")) == folder:
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return found


@pytest.mark.latex
def test_a_stopped_build_stops_its_latex(tmp_path):
    """SIGTERM while latexmk runs for the website: latexmk and xelatex stop too."""
    require_tool(*TOOLS)
    if not Path("/proc/self/cwd").exists():
        pytest.skip("needs /proc")
    srcdir = project(tmp_path)
    doctrees = tmp_path / "doctrees"
    build = sphinx(
        "-b", "html", "-D", "cv_pdf_engine=latex", "-d", doctrees, srcdir, tmp_path / "html"
    )
    latexdir = doctrees / "sphinx_cv_pdf" / "latex"
    deadline = time.monotonic() + 120
    while not processes_in(latexdir.resolve()) and build.poll() is None:
        assert time.monotonic() < deadline, "latexmk never started"
        time.sleep(0.02)
    assert build.poll() is None, "the build ended before latexmk could be seen"
    build.send_signal(signal.SIGTERM)
    build.communicate(timeout=60)
    assert build.returncode == -signal.SIGTERM
    time.sleep(0.3)
    assert processes_in(latexdir.resolve()) == []


def test_two_versions_never_share_a_pdf_name(tmp_path):
    """``{"full": {}, "cv": {}}`` would name both ``…-cv.pdf``: the second is renamed, and
    a warning at cv_versions says so; the download line links two files."""
    srcdir = project(tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + 'cv_versions = {"full": {}, "cv": {}}\n',
        encoding="utf-8",
    )
    app = build_app("html", srcdir, cv_pdf_link=True)
    warnings = warning_lines(app)
    assert len(warnings) == 1, warnings
    assert f"{conf}:" in warnings[0]
    assert (
        f"the PDF of the version 'cv' would be named {PDF}, as the PDF of the version 'full' "
        "is; it is named nguyen-van-lukasz-cv-2.pdf instead" in warnings[0]
    )
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert f'href="{PDF}"' in html
    assert 'href="nguyen-van-lukasz-cv-2.pdf"' in html
    assert (Path(app.outdir) / "nguyen-van-lukasz-cv-2.pdf").is_file()


def test_a_file_of_html_extra_path_keeps_its_name(tmp_path):
    srcdir = project(tmp_path)
    extra = srcdir / "extra"
    extra.mkdir()
    (extra / PDF).write_bytes(b"%PDF- an older CV, kept by its author")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + 'html_extra_path = ["extra"]\n', encoding="utf-8"
    )
    app = build_app("html", srcdir, cv_pdf_link=True)
    warnings = warning_lines(app)
    assert len(warnings) == 1, warnings
    assert f"html_extra_path's {extra / PDF}" in warnings[0]
    outdir = Path(app.outdir)
    assert (outdir / PDF).read_bytes() == b"%PDF- an older CV, kept by its author"
    assert 'href="nguyen-van-lukasz-cv-2.pdf"' in (outdir / "index.html").read_text("utf-8")


def test_a_pdf_that_cannot_be_copied_is_a_warning(tmp_path):
    """A full disk or a folder where the PDF goes: a warning, no traceback, no half file."""
    srcdir = project(tmp_path)
    outdir = tmp_path / "out"
    (outdir / PDF).mkdir(parents=True)  # the PDF cannot be written there
    build = sphinx("-b", "html", srcdir, outdir)
    _, stderr = build.communicate(timeout=300)
    assert build.returncode == 0, stderr
    assert f"the PDF {PDF} could not be copied into the website" in stderr
    assert "Traceback" not in stderr
    assert not list(outdir.glob(".*.part"))
