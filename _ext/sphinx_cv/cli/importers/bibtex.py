"""``--bib FILE``: a BibTeX file copied into the project's ``references.bib``."""

from __future__ import annotations

from pathlib import Path

from pybtex.database import parse_string
from pybtex.scanner import PybtexError, PybtexSyntaxError

from ..draft import Bibliography, Draft
from . import InputError

PUBLICATIONS = "Publications"


def read_bib(path: Path) -> str:
    """The file's text, after checking that pybtex reads it (else its line)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from error
    try:
        parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        problem = str(error).partition(": ")[2] or str(error)
        raise InputError(f"{path}:{error.lineno}: not BibTeX: {problem}") from error
    except PybtexError as error:
        raise InputError(f"{path}: not BibTeX: {error}") from error
    return text


def add(draft: Draft, path: Path) -> None:
    """Put the file's entries into ``references.bib``, after any imported ones."""
    text = read_bib(path)
    if draft.bib:
        draft.note(f"{path}: added after the {draft.bib.count('@')} imported publications")
    draft.bib = (draft.bib + "\n" if draft.bib else "") + text
    ensure_publications_page(draft)


def ensure_publications_page(draft: Draft) -> None:
    """A page that lists the bib file, unless one does already."""
    if any(isinstance(block, Bibliography) for page in draft.pages for block in page.blocks):
        return
    page = draft.page(PUBLICATIONS)
    page.blocks.append(Bibliography())
    page.example = []
