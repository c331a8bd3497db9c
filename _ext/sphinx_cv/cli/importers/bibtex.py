"""``--bib FILE``: a BibTeX file copied into the project's ``references.bib``."""

from __future__ import annotations

from pathlib import Path

from pybtex.database import parse_string
from pybtex.scanner import PybtexError, PybtexSyntaxError

from ..draft import Bibliography, Draft
from . import InputError

PUBLICATIONS = "Publications"


def read_bib(path: Path) -> tuple[str, list[str]]:
    """The file's text and its keys, after checking that pybtex reads it (else its line)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from error
    try:
        keys = list(parse_string(text, "bibtex").entries.keys())
    except PybtexSyntaxError as error:
        problem = str(error).partition(": ")[2] or str(error)
        raise InputError(f"{path}:{error.lineno}: not BibTeX: {problem}") from error
    except PybtexError as error:
        raise InputError(f"{path}: not BibTeX: {error}") from error
    return text, keys


def add(draft: Draft, path: Path) -> None:
    """Put the file's entries into ``references.bib``, after any imported ones."""
    text, keys = read_bib(path)
    if draft.bib:
        draft.note(f"{path}: added after the {draft.count()['bib']} imported publications")
    draft.bib = (draft.bib + "\n" if draft.bib else "") + text
    list_entries(draft, keys)


def list_entries(draft: Draft, keys: list[str]) -> None:
    """A list for the file's entries, unless one lists every entry already."""
    lists = [
        block for page in draft.pages for block in page.blocks if isinstance(block, Bibliography)
    ]
    if any(block.keys is None for block in lists):
        return
    # The imported sections list their own keys: these get a list of theirs.
    page = draft.page(PUBLICATIONS if not lists else f"Other {PUBLICATIONS}")
    page.blocks.append(Bibliography(keys if lists else None))
    page.example = []
