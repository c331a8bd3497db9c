"""An entry's BibTeX as its ``.bib`` file has it, for the website's "BibTeX" toggle.

The entry is cut from the file as written (its values untouched, so a reader
copies what the author wrote), one field a line. Only the fields another
bibliography needs are kept (:data:`PUBLIC_FIELDS`, an allow-list): a
reference manager's notes and bookkeeping (``annote``, ``comment``, ``owner``,
``mendeley-groups``, ``file``, ``timestamp``…), the CV's own fields (``abbr``,
``selected``, ``preview``, ``keywords``, ``author+an``, the site's files) and
``abstract`` (shown beside it) are left out; and, like every output, no link the
URL policy refuses (``url = {javascript:…}``). Entries are read where BibTeX reads
them: an ``@comment``, ``@string`` or ``@preamble`` holding an old copy of an entry
is skipped whole.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

#: The fields a copied entry keeps: BibTeX's and biblatex's bibliographic data.
PUBLIC_FIELDS = frozenset(
    {
        # BibTeX's
        "address", "author", "booktitle", "chapter", "edition", "editor", "howpublished",
        "institution", "journal", "month", "note", "number", "organization", "pages",
        "publisher", "school", "series", "title", "type", "volume", "year",
        # biblatex's
        "date", "journaltitle", "maintitle", "mainsubtitle", "subtitle", "titleaddon",
        "booksubtitle", "booktitleaddon", "eventtitle", "eventdate", "venue", "location",
        "translator", "editora", "editorb", "editortype", "pubstate", "version", "issue",
        "part", "volumes", "pagetotal", "eid", "day", "addendum", "language",
        "shortjournal", "shorttitle", "origdate", "origlocation", "origpublisher",
        # identifiers and where to find it
        "eprint", "eprinttype", "eprintclass", "archiveprefix", "primaryclass", "doi", "url",
        "urldate", "isbn", "issn", "isrn", "pmid", "pmcid", "collaboration",
    }
)  # fmt: skip
#: The entry types that hold no reference.
NOT_ENTRIES = frozenset({"comment", "string", "preamble"})
_NAME = re.compile(r"\s*([^\s=,{}()]+)\s*=\s*")
_AT = re.compile(r"@\s*(\w+)\s*([{(])\s*")
_KEY = re.compile(r"([^\s,{}()]+)\s*,")
_BRACES = re.compile(r"[{}]")
_BRACES_OR_PARENTHESIS = re.compile(r"[{})]")


def entry_bibtex(path: Path, key: str, refused: frozenset[str] = frozenset()) -> str:
    """The entry ``key`` of a .bib file with its public fields, less the ``refused``
    link fields ("" if not found)."""
    return _entry_bibtex(path, path.stat().st_mtime_ns, key, refused)


@cache
def _entry_bibtex(path: Path, _mtime: int, key: str, refused: frozenset[str]) -> str:
    text, entries = _read(path, _mtime)
    found = entries.get(key.lower())
    if found is None:
        return ""
    kind, bracket, position = found
    fields = []
    while True:
        position = _skip(text, position, " \t\r\n,")
        name = _NAME.match(text, position)
        if name is None:
            break
        end = _value_end(text, name.end())
        field = name.group(1).lower()
        if field in PUBLIC_FIELDS and field not in refused:
            fields.append(f"  {name.group(1)} = {text[name.end() : end].strip()}")
        position = end
    closing = "}" if bracket == "{" else ")"
    return f"@{kind}{bracket}{key},\n" + ",\n".join(fields) + f"\n{closing}"


@cache
def _read(path: Path, _mtime: int) -> tuple[str, dict[str, tuple[str, str, int]]]:
    """A .bib file's text, and where each entry's fields begin, by its key (lower case;
    the first of a repeated key, as the list shows it), read once."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    entries: dict[str, tuple[str, str, int]] = {}
    for kind, bracket, position in _entries(text):
        if kind.lower() in NOT_ENTRIES:
            continue
        key = _KEY.match(text, position)
        if key is not None:
            entries.setdefault(key.group(1).lower(), (kind, bracket, key.end()))
    return text, entries


def _entries(text: str):
    """``(type, bracket, position after it)`` of each ``@type{`` BibTeX reads, skipping
    each entry's body whole (so that nothing inside a ``@comment`` counts)."""
    position = 0
    while (at := _AT.search(text, position)) is not None:
        yield at.group(1), at.group(2), at.end()
        position = _closing(text, at.end(), at.group(2))


def _closing(text: str, position: int, bracket: str) -> int:
    """The position after the bracket that closes an entry opened before ``position``."""
    depth = 0
    for mark in (_BRACES if bracket == "{" else _BRACES_OR_PARENTHESIS).finditer(text, position):
        char = mark.group()
        if char == "{":
            depth += 1
        elif depth > 0 and char == "}":
            depth -= 1
        elif depth == 0 and char == ("}" if bracket == "{" else ")"):
            return mark.end()
    return len(text)


def _skip(text: str, position: int, characters: str) -> int:
    while position < len(text) and text[position] in characters:
        position += 1
    return position


def _value_end(text: str, position: int) -> int:
    """Where a field's value ends: braces and quotes balanced, parts joined by ``#``."""
    depth = 0
    quoted = False
    while position < len(text):
        char = text[position]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return position  # the entry's closing brace
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char in ",)" and depth == 0 and not quoted:
            return position
        position += 1
    return position
