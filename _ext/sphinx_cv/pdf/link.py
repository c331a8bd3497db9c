"""The website offers the PDF: built beside the HTML, linked from the home page.

With ``cv_pdf_link = True`` (the default) an HTML build (html, dirhtml,
singlehtml) starts the PDF build in a second process as it begins (so the two
run side by side), links it from the download line under the profile on the home
page, and copies the PDF into the site when both are done. Without TeX, or when
the PDF build fails, the website is still built and a warning (type ``cv.pdf``)
says why. ``sphinx-build -M latexpdf`` is not affected.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .compile import missing_tools

logger = logging.getLogger(__name__)

LINK_TEXT = "PDF"
#: How long the website waits for the PDF, in seconds.
TIMEOUT = 600
# The directory holding the sphinx_cv package, so that the PDF build imports the same copy.
PACKAGE_PARENT = Path(__file__).resolve().parents[2]

# Not "-m sphinx_cv.pdf.compile": the package imports that module before runpy runs it.
BUILD_PROGRAM = "import sys; from sphinx_cv.pdf.compile import main; sys.exit(main(sys.argv[1:]))"

#: The running PDF build of each Sphinx application.
_builds: weakref.WeakKeyDictionary[Sphinx, subprocess.Popen] = weakref.WeakKeyDictionary()


def warn(message: str, *args: object) -> None:
    logger.warning(message, *args, type="cv", subtype="pdf")


def pdf_name(app: Sphinx) -> str:
    """The PDF's file name, from the ``.tex`` name of ``latex_documents``."""
    return Path(app.config.latex_documents[0][1]).with_suffix(".pdf").name


def workdir(app: Sphinx) -> Path:
    """Where the PDF is built: beside the doctrees, reused by the next build."""
    return Path(app.doctreedir) / "sphinx_cv_pdf"


def start_pdf_build(app: Sphinx) -> None:
    """On an HTML build, start building the PDF in another process."""
    if app.builder.format != "html" or not app.config.cv_pdf_link:
        return
    missing = missing_tools()
    if missing:
        warn(
            "the website is built without its PDF: %s not installed. Install TeX Live "
            "(Debian: latexmk texlive-xetex texlive-latex-extra fonts-texgyre), or set "
            "cv_pdf_link = False in conf.py to build the website alone",
            " and ".join(missing),
        )
        return
    work = workdir(app)
    work.mkdir(parents=True, exist_ok=True)
    python_path = os.pathsep.join(filter(None, [str(PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))
    with (work / "build.log").open("w", encoding="utf-8") as log:
        _builds[app] = subprocess.Popen(
            [sys.executable, "-c", BUILD_PROGRAM, app.srcdir, app.confdir, work],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": python_path},
        )


def offer_download(app: Sphinx) -> tuple[str, str, str] | None:
    """The home page's download line offers the PDF while it is being built."""
    if app not in _builds:
        return None
    return LINK_TEXT, pdf_name(app), "pdf"


def finish_pdf_build(app: Sphinx, exception: Exception | None) -> None:
    """Wait for the PDF and copy it into the website."""
    process = _builds.pop(app, None)
    if process is None:
        return
    if exception is not None:
        process.kill()
        process.wait()
        return
    log = workdir(app) / "build.log"
    try:
        returncode = process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        warn("the PDF for the website took over %d s and was stopped; see %s", TIMEOUT, log)
        return
    pdf = workdir(app) / "latex" / pdf_name(app)
    if returncode != 0 or not pdf.is_file():
        warn("the PDF for the website could not be built (exit %s); see %s", returncode, log)
        return
    shutil.copyfile(pdf, Path(app.outdir) / pdf.name)
    logger.info("sphinx-cv: the website offers the PDF as %s", pdf.name)


def setup(app: Sphinx) -> None:
    """Register ``cv_pdf_link`` and the build steps; called by ``sphinx_cv.setup``."""
    app.add_config_value("cv_pdf_link", True, "html", types=(bool,))
    app.connect("builder-inited", start_pdf_build)
    app.connect("cv-download", offer_download)
    app.connect("build-finished", finish_pdf_build)
