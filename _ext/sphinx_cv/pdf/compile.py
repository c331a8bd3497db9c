"""Compile the LaTeX builder's output to a PDF, as ``sphinx-build -M latexpdf`` does.

``latexmk`` reads the ``latexmkrc`` Sphinx writes beside the ``.tex`` file, so
the engine is the one ``latex_engine`` names. Used by the website (to offer the
PDF, see :mod:`sphinx_cv.pdf.link`) and by the tests. :func:`main` builds a
project's PDF in a directory of its own: ``main([SRCDIR, CONFDIR, WORKDIR])``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import texlog

#: Programs a PDF build needs (xelatex is the engine sphinx_cv sets by default).
TOOLS = ("latexmk", "xelatex")

#: The command of Sphinx's LaTeX Makefile, stopping at the first TeX error.
LATEXMK = ("latexmk", "-pdf", "-dvi-", "-ps-", "-interaction=nonstopmode", "-halt-on-error")


def missing_tools() -> list[str]:
    """The programs of :data:`TOOLS` that are not on ``PATH``."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def compile_tex(tex: Path) -> Path:
    """Run latexmk on ``tex`` in its directory; return the PDF.

    What LaTeX only logs (overfull lines, missing characters) becomes Sphinx
    warnings. Raises :class:`subprocess.CalledProcessError` (with TeX's output)
    when it fails.
    """
    env = {
        **os.environ,
        "LATEXOPTS": "-interaction=nonstopmode -halt-on-error",
        texlog.SKIP_ENV: "1",  # reported below, as Sphinx warnings
    }
    subprocess.run(
        [*LATEXMK, tex.name],
        cwd=tex.parent,
        env=env,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="replace",
    )
    texlog.warn(tex)
    return tex.with_suffix(".pdf")


def build_pdf(srcdir: Path, confdir: Path, workdir: Path) -> Path:
    """Build the project's LaTeX into ``workdir/latex`` and compile it; return the PDF."""
    from sphinx.application import Sphinx

    latexdir = workdir / "latex"
    app = Sphinx(
        srcdir, confdir, latexdir, workdir / "doctrees", "latex", status=None, warning=sys.stderr
    )
    app.build()
    if app.statuscode:
        raise RuntimeError(f"the LaTeX build of {srcdir} failed")
    texname = app.config.latex_documents[0][1]
    return compile_tex(latexdir / texname)


def main(argv: list[str]) -> int:
    srcdir, confdir, workdir = (Path(arg) for arg in argv)
    try:
        print(build_pdf(srcdir, confdir, workdir))
    except subprocess.CalledProcessError as error:
        sys.stderr.write(error.stdout or "")
        return error.returncode or 1
    except RuntimeError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    return 0
