"""``--bib FILE``: a publication list read into the project's ``references.bib``.

The file's format is told by its text: BibTeX is copied as written (a repeated
key keeps its first entry, with a report line naming the later one's line);
PubMed's MEDLINE (``.nbib``) and RIS are converted (:mod:`.medline`,
:mod:`.ris`). A paper already imported (same DOI or PMID) is kept once. Any
other format is refused with its name and what to export instead.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pybtex.database import parse_string
from pybtex.scanner import PybtexError, PybtexSyntaxError

from ..draft import Bibliography, Draft
from . import InputError, medline, ris
from .bibentry import IDENTIFIERS, add_entries, identifier, known
from .reading import read_text

PUBLICATIONS = "Publications"
#: Formats told by their first lines, which sphinx-cv does not read.
OTHER_FORMATS = (
    (r"\A\s*%0 ", "EndNote tagged (.enw)"),
    (r"\A\s*(FN |PT [JBSP]\b)", "Web of Science plain text"),
    (r"\A\s*<\?xml[^>]*>\s*<(!DOCTYPE )?PubmedArticleSet", "PubMed XML"),
    (r"\A\s*<\?xml[^>]*>\s*<xml>\s*<records>", "EndNote XML"),
    (r"\A\s*(<\?xml|<)", "XML"),
    (r"\A\s*[\[{]", "JSON (CSL JSON or another)"),
    (r"\A\s*RT ", "RefWorks tagged"),
    (r"\A\s*TY\s+-", "RIS with a damaged tag line"),
)
#: An entry's first line: ``@type{key,`` (not @string, @preamble or @comment).
_ENTRY = re.compile(
    r"^[ \t]*@[ \t]*(?!(?:string|preamble|comment)\b)(\w+)[ \t]*[{(][ \t]*([^,\s]+)", re.I | re.M
)
_ANY_ENTRY = re.compile(r"^[ \t]*@", re.M)


def file_format(text: str) -> str:
    """``bibtex``, ``medline`` or ``ris``; else the format's name."""
    if medline.looks_like(text):
        return "medline"
    if ris.looks_like(text):
        return "ris"
    if _ENTRY.search(text):
        return "bibtex"
    for pattern, name in OTHER_FORMATS:
        if re.search(pattern, text):
            return name
    return "no format sphinx-cv knows"


def add(draft: Draft, path: Path) -> None:
    """Put the file's papers into ``references.bib``, after any imported ones."""
    text = read_text(path)
    kind = file_format(text)
    before = draft.count()["bib"]
    if kind == "bibtex":
        keys = add_bibtex(draft, path, text)
    elif kind in ("medline", "ris"):
        keys = add_converted(draft, path, text, kind)
    else:
        raise InputError(
            f"{path}: {kind}, which sphinx-cv does not read: export the list as "
            "BibTeX (.bib), RIS (.ris) or PubMed's MEDLINE (.nbib)"
        )
    if before:
        draft.note(f"{path}: added after the {before} publications already imported")
    list_entries(draft, keys)


def add_bibtex(draft: Draft, path: Path, text: str) -> list[str]:
    """Copy a BibTeX file; a repeated key keeps the first entry; a known paper is kept once."""
    seen: dict[str, int] = {}
    cut: list[tuple[int, int]] = []
    starts = [m.start() for m in _ANY_ENTRY.finditer(text)] + [len(text)]
    for match in _ENTRY.finditer(text):
        key, line = match[2].lower(), text.count("\n", 0, match.start()) + 1
        if key in seen:
            end = next(start for start in starts if start > match.start())
            cut.append((match.start(), end))
            draft.note(
                f"{path}:{line}: key {match[2]!r} again (first at line {seen[key]}); "
                "the first entry is kept, this one left out"
            )
        else:
            seen[key] = line
    for start, end in reversed(cut):
        text = text[:start] + text[end:]
    try:
        entries = parse_string(text, "bibtex").entries
    except PybtexSyntaxError as error:
        problem = str(error).partition(": ")[2] or str(error)
        raise InputError(f"{path}:{error.lineno}: not BibTeX: {problem}") from error
    except PybtexError as error:
        raise InputError(f"{path}: not BibTeX: {error}") from error
    if not entries:
        raise InputError(f"{path}: no BibTeX entry in it (an entry starts '@article{{key,')")
    text, keys = _without_known(draft, path, text, entries)
    draft.bib = (draft.bib.rstrip("\n") + "\n\n" if draft.bib.strip() else "") + text
    return keys


def _without_known(draft: Draft, path: Path, text: str, entries) -> tuple[str, list[str]]:
    """The text without entries whose DOI or PMID is already in ``references.bib``."""
    _, seen = known(draft.bib)
    keys = []
    for key, entry in entries.items():
        ids = [(n, identifier(n, entry.fields[n])) for n in IDENTIFIERS if entry.fields.get(n)]
        twin = next((seen[i] for i in ids if i in seen), None)
        if twin is None:
            keys.append(key)
            continue
        head = re.compile(rf"^[ \t]*@[ \t]*\w+[ \t]*[{{(][ \t]*{re.escape(key)}[ \t]*,", re.M)
        match = head.search(text)
        if match:
            end = next((m.start() for m in _ANY_ENTRY.finditer(text, match.end())), len(text))
            text = text[: match.start()] + text[end:]
        draft.note(f"{path}: {key} is {twin} again (same DOI or PMID); kept once, as {twin}")
        keys.append(twin)
    return text, keys


def add_converted(draft: Draft, path: Path, text: str, kind: str) -> list[str]:
    """MEDLINE or RIS records as BibTeX entries."""
    left: Counter[str] = Counter()
    if kind == "medline":
        try:
            records = medline.parse(text)
        except medline.NotMedline as error:
            raise InputError(f"{path}:{error.line}: not MEDLINE: {error.text[:60]!r}") from error
        entries = [medline.convert(r, f"{path}:{r.line}", left) for r in records]
        name = "PubMed MEDLINE"
    else:
        references = ris.parse(text)
        starts = [m.start() for m in re.finditer(r"^\ufeff?TY  -", text, flags=re.M)]
        lines = [text.count("\n", 0, start) + 1 for start in starts]
        entries = [
            ris.convert(reference, f"{path}:{lines[n] if n < len(lines) else '?'}", left)
            for n, reference in enumerate(references)
        ]
        name = "RIS"
    if not entries:
        raise InputError(f"{path}: a {name} file without a record")
    for entry in entries:
        for field in ("title", "author"):
            if not entry.fields.get(field) and not (
                field == "author" and entry.fields.get("editor")
            ):
                draft.note(f"{entry.where}: has no {field}; kept, and the build warns")
    keys = add_entries(draft, entries, str(path))
    draft.note(f"{path}: {len(entries)} {name} records converted to BibTeX")
    if left:
        listed = ", ".join(f"{tag} ({count})" for tag, count in sorted(left.items()))
        draft.note(f"{path}: fields not carried into references.bib: {listed}")
    return keys


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
