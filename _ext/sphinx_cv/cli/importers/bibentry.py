"""Writing imported publications as BibTeX: one :class:`BibEntry` a paper.

Every importer that makes publications (JSON Resume, RenderCV, MEDLINE, RIS,
ORCID) fills a :class:`BibEntry` with plain-text fields; :func:`add_entries`
writes them into the draft's ``references.bib`` with keys of the form
``song2024sgd``, and keeps one entry per paper: a later entry with the DOI or
PMID of one already there is left out with a report line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pybtex.database import parse_string
from pybtex.scanner import PybtexError

from ..draft import Draft
from ..markdown import one_line

#: Fields whose value is an address or identifier: never escaped as text.
VERBATIM_FIELDS = ("url", "doi", "eprint", "pmid", "pmcid")
#: Fields that identify a paper, in the order they are compared.
IDENTIFIERS = ("doi", "pmid")


@dataclass
class BibEntry:
    """One publication: its BibTeX type, fields (plain text) and where it came from."""

    entry_type: str
    fields: dict[str, str] = field(default_factory=dict)
    #: The first author's family name, for the key.
    last_name: str = ""
    #: Where the entry was read (``file:line``, ``works[3]``), for report lines.
    where: str = ""
    #: A key to keep when it is free (a BibTeX citation's own key).
    key: str = ""
    #: Fields already written as BibTeX (names in braces): not escaped again.
    raw: set[str] = field(default_factory=set)


def field_text(value: str, name: str) -> str:
    """Plain text as a BibTeX value: LaTeX's special characters escaped, braces balanced."""
    value = one_line(value)
    if name in VERBATIM_FIELDS:
        return value.replace("{", "%7B").replace("}", "%7D")
    value = re.sub(r"([&%$#_])", r"\\\1", value.replace("\\", "/"))
    # pybtex reads a thin space as a space; as TeX's thin space it comes back as one.
    return value.replace("{", "(").replace("}", ")").replace("\u2009", r"$\,$")


def entry_text(
    entry_type: str, key: str, fields: dict[str, str], raw: set[str] | frozenset = frozenset()
) -> str:
    """``@type{key, name = {value}, ...}`` with every non-empty field."""
    body = ",\n".join(
        f"  {name} = {{{value if name in raw else field_text(value, name)}}}"
        for name, value in fields.items()
        if value
    )
    return f"@{entry_type}{{{key},\n{body},\n}}\n"


def bib_key(last_name: str, fields: dict[str, str], taken: set[str]) -> str:
    """``song2024sgd``: the first author's family name, the year, a title word; unique."""
    words = re.findall(r"\w+", ascii_text(fields.get("title", "")).lower())
    word = next((w for w in words if len(w) > 3), words[0] if words else "entry")
    last = ascii_text(last_name.split()[-1] if last_name.split() else "").lower()
    year = (re.search(r"\d{4}", fields.get("year", "") + fields.get("date", "")) or [""])[0]
    base = re.sub(r"\W", "", f"{last}{year}{word}") or "entry"
    key, suffix = base, ord("a")
    while key in taken:
        key, suffix = base + chr(suffix), suffix + 1
    taken.add(key)
    return key


def ascii_text(text: str) -> str:
    """Text without accents or characters outside ASCII (``Nørskov`` → ``Nrskov``)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def normal_doi(doi: str) -> str:
    """A DOI as compared: no resolver prefix or ``doi:``, lower case."""
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I)
    return doi.lower()


def known(bib: str) -> tuple[set[str], dict[tuple[str, str], str]]:
    """The keys and the identifiers (DOI, PMID) of the entries already written."""
    try:
        entries = parse_string(bib, "bibtex").entries if bib.strip() else {}
    except PybtexError:
        entries = {}
    keys = {key.lower() for key in entries} | {
        key.lower() for key in re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", bib, flags=re.M)
    }
    seen: dict[tuple[str, str], str] = {}
    for key, entry in entries.items():
        for name in IDENTIFIERS:
            value = entry.fields.get(name, "")
            if value:
                seen[(name, identifier(name, value))] = key
    return keys, seen


def identifier(name: str, value: str) -> str:
    """An identifier as compared: a DOI normalised, a PMID as written."""
    return normal_doi(value) if name == "doi" else value.strip().lower()


def add_entries(draft: Draft, entries: list[BibEntry], source: str) -> list[str]:
    """Append ``entries`` to ``references.bib``; return their keys.

    A paper already there (same DOI or PMID) is kept once: the later one is
    left out, and the report says which and why.
    """
    taken, seen = known(draft.bib)
    keys, texts = [], []
    for entry in entries:
        ids = [
            (name, identifier(name, entry.fields[name]))
            for name in IDENTIFIERS
            if entry.fields.get(name)
        ]
        twin = next((seen[i] for i in ids if i in seen), None)
        if twin is not None:
            title = one_line(entry.fields.get("title", ""))
            draft.note(
                f"{entry.where or source}: {title!r} is {twin} again (same "
                f"{next(n for n, v in ids if seen.get((n, v)) == twin).upper()}); kept once"
            )
            keys.append(twin)
            continue
        key = entry.key if entry.key and entry.key.lower() not in taken else ""
        if key:
            taken.add(key.lower())
        else:
            key = bib_key(entry.last_name, entry.fields, taken)
        for found in ids:
            seen[found] = key
        keys.append(key)
        texts.append(entry_text(entry.entry_type, key, entry.fields, entry.raw))
    if texts:
        draft.bib = (draft.bib.rstrip("\n") + "\n\n" if draft.bib.strip() else "") + "\n".join(
            texts
        )
    return keys
