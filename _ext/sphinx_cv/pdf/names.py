"""What every PDF engine shares: the PDF's file name, its paper size, its title.

A forker's conf.py names no file: the PDF is named after the owner
(``minhak-song-cv.pdf``), a version's after its name (``minhak-song-resume.pdf``);
``cv_pdf_filename`` and ``cv_paper_size`` (A4 or US Letter) change them.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from ..source.config import warn_at
from ..source.names import in_ascii

#: ``cv_paper_size`` values; "a4paper" and "letterpaper" (LaTeX's names) are read too.
PAPER_SIZES = ("a4", "letter")
DEFAULT_PAPER_SIZE = "a4"

#: The PDF's name when the owner's name has no Latin letters (송민학).
FALLBACK_PDF_STEM = "cv"


def pdf_stem(name: str, language: str | None = None) -> str:
    """The PDF's file name stem for ``name``, in ASCII as the CV's ``language`` writes it.

    "Ana Cláudia Ribeiro-Søndergaard" gives "ana-claudia-ribeiro-sondergaard-cv",
    "Friederike Müller" in German "friederike-mueller-cv"; a name without Latin
    letters gives "cv".
    """
    slug = re.sub(r"[^a-z0-9]+", "-", in_ascii(name, language).lower()).strip("-")
    return f"{slug}-{FALLBACK_PDF_STEM}" if slug else FALLBACK_PDF_STEM


def pdf_filename(app: Sphinx, config: Config) -> str:
    """The first version's PDF file name: ``cv_pdf_filename``, else from the author."""
    wanted = str(config.cv_pdf_filename).strip()
    stem = wanted.removesuffix(".pdf")
    if wanted and re.fullmatch(r"[\w.+-]+", stem, flags=re.ASCII):
        return stem + ".pdf"
    default = pdf_stem(config.author or config.project, config.language) + ".pdf"
    if wanted:
        warn_at(
            app,
            "cv_pdf_filename",
            f"cv_pdf_filename {config.cv_pdf_filename!r} is not a file name; accepted are "
            "letters, digits, '.', '-', '_' and '+', e.g. 'ana-ribeiro-cv.pdf' "
            f"(default {default!r})",
        )
    return default


def version_filename(filename: str, version: str, first: str) -> str:
    """The file name of a version's PDF (or its source): the first version's name as is,
    another's with its name for the last word: minhak-song-cv.pdf → minhak-song-resume.pdf."""
    if version == first:
        return filename
    path = Path(filename)
    stem = path.stem.removesuffix(f"-{FALLBACK_PDF_STEM}").removesuffix(f"-{first}")
    return f"{stem}-{version}{path.suffix}"


def paper_size(value: str) -> str | None:
    """``"a4"`` or ``"letter"`` for a paper size as written ("A4", "letterpaper"), else None."""
    size = str(value).strip().lower().removesuffix("paper")
    return size if size in PAPER_SIZES else None


def configured_paper(app: Sphinx, config: Config) -> str:
    """``cv_paper_size`` checked: a warning and A4 for anything else."""
    size = paper_size(config.cv_paper_size)
    if size is not None:
        return size
    accepted = " or ".join(repr(size) for size in PAPER_SIZES)
    warn_at(
        app,
        "cv_paper_size",
        f"cv_paper_size {config.cv_paper_size!r} is not a paper size; accepted are {accepted} "
        f"(default {DEFAULT_PAPER_SIZE!r})",
    )
    return DEFAULT_PAPER_SIZE
