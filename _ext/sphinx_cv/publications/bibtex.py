"""An entry's BibTeX as its ``.bib`` file has it, for the website's "BibTeX" toggle.

The entry is cut from the file as written (its values untouched, so a reader
copies what the author wrote), one field a line, without the fields that are
the CV's own or private: ``abstract`` (shown beside it), ``keywords``,
``author+an``, ``file``, ``preview``, and al-folio's ``abbr`` and ``selected``
(the CV's badge and mark, which no bibliography style reads); and, like every
output, no link the URL policy refuses (``url = {javascript:…}`` is left out).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

#: Fields left out of the BibTeX a visitor copies.
PRIVATE_FIELDS = frozenset(
    {"abstract", "keywords", "author+an", "file", "preview", "abbr", "selected"}
)
_NAME = re.compile(r"\s*([^\s=,{}]+)\s*=\s*")


def entry_bibtex(path: Path, key: str, refused: frozenset[str] = frozenset()) -> str:
    """The entry ``key`` of a .bib file without its private fields and the ``refused``
    link fields ("" if not found)."""
    return _entry_bibtex(path, path.stat().st_mtime_ns, key, refused)


@cache
def _entry_bibtex(path: Path, _mtime: int, key: str, refused: frozenset[str]) -> str:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    start = re.search(rf"@(\w+)\s*([{{(])\s*{re.escape(key)}\s*,", text, re.IGNORECASE)
    if start is None:
        return ""
    fields = []
    position = start.end()
    while True:
        position = _skip(text, position, " \t\r\n,")
        found = _NAME.match(text, position)
        if found is None:
            break
        end = _value_end(text, found.end())
        if found.group(1).lower() not in PRIVATE_FIELDS | refused:
            fields.append(f"  {found.group(1)} = {text[found.end() : end].strip()}")
        position = end
    closing = "}" if start.group(2) == "{" else ")"
    return f"@{start.group(1)}{start.group(2)}{key},\n" + ",\n".join(fields) + f"\n{closing}"


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
