"""Reading ``bibtex_bibfiles`` leniently: every mistake is a warning at its line.

sphinxcontrib-bibtex parses the ``.bib`` files strictly: an unbalanced brace,
stray text or bytes that are not UTF-8 stop the whole build with an
"Extension error". This module replaces its parse (``parse_bibdata``, which its
cache calls when a file changed) with pybtex's parser in capture mode, which
reads on after an error. Each error becomes a warning at its line in the
``.bib`` file that says what is wrong (a syntax error, bytes that are not the
encoding, a key or field given twice), and every other entry is built (the
file is read one entry at a time: a chunk starts at a line that starts with
``@``). A
missing file is a warning at ``bibtex_bibfiles`` in ``conf.py``. An entry that
``crossref``s another takes the fields it lacks from it, as BibTeX does.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pybtex.errors
from pybtex.database import BibliographyDataError
from pybtex.database.input.bibtex import DuplicateField, Parser
from pybtex.scanner import PrematureEOF, PybtexSyntaxError
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinxcontrib.bibtex import bibfile

from ..source.config import conf_py_location
from ..source.reading import WARNING as CONTROL_WARNING
from ..source.reading import control_characters, without_control_characters

logger = logging.getLogger(__name__)


def warn(message: str, location: str | None) -> None:
    logger.warning(message, location=location, type="cv", subtype="bibtex")


def parse_bibdata(bibfilenames: list[Path], encoding: str) -> bibfile.BibData:
    """As sphinxcontrib-bibtex's ``parse_bibdata``, but nothing in a file stops the build."""
    parser = Parser(encoding)
    bibfiles: dict[Path, bibfile.BibFile] = {}
    keys: dict[str, None] = {}
    for filename in bibfilenames:
        new_keys: dict[str, None] = {}
        if filename.is_file():
            parser.filename = str(filename)
            parse_text(parser, filename, decode(filename, encoding))
            keys, old_keys = dict.fromkeys(parser.data.entries), keys
            new_keys = dict.fromkeys(key for key in keys if key not in old_keys)
        bibfiles[filename] = bibfile.BibFile(mtime=bibfile.get_mtime(filename), keys=new_keys)
    inherit_crossrefs(parser.data)
    return bibfile.BibData(encoding=encoding, bibfiles=bibfiles, data=parser.data)


#: What an entry of a part of a book takes from the book it ``crossref``s under another
#: name (biblatex's inheritance): the book's title is the chapter's ``booktitle``.
_INHERITED_AS = {"title": "booktitle", "subtitle": "booksubtitle", "author": "bookauthor"}
_PART_TYPES = ("inbook", "incollection", "inproceedings", "inreference", "suppbook")


def inherit_crossrefs(data) -> None:
    """Fill each entry's missing fields from the entry its ``crossref`` names, as BibTeX
    and biblatex do (a chapter gets its book's ``booktitle``, publisher, year, editors;
    biblatex-software's ``@softwareversion`` its ``@software``'s title)."""
    for entry in data.entries.values():
        parent = data.entries.get(entry.fields.get("crossref", "").strip())
        if parent is None or parent is entry:
            continue
        part = entry.type.lower() in _PART_TYPES
        for name, value in parent.fields.items():
            if name.lower() in ("crossref", "ids", "keywords", "abstract"):
                continue
            target = _INHERITED_AS.get(name.lower(), name) if part else name
            if target not in entry.fields:
                entry.fields[target] = value
        for role, persons in parent.persons.items():
            if role not in entry.persons and not (part and role == "author"):
                entry.persons[role] = list(persons)


def parse_text(parser: Parser, filename: Path, text: str) -> None:
    """Parse the text one entry at a time, so that a broken entry breaks only itself.

    Each chunk starts at a line that starts with ``@``; pybtex would otherwise
    read on from where it stopped, into the next entry. An entry that does not
    end (an unclosed brace) is left out.
    """
    starts = [0, *(m.start() for m in _ENTRY_START.finditer(text) if m.start() > 0), len(text)]
    for start, end in itertools.pairwise(starts):
        chunk = text[start:end]
        with pybtex.errors.capture() as errors:
            parser.parse_string(chunk)
        for error in errors:
            if isinstance(error, PrematureEOF):
                found = re.search(r"@[^{(\s]*\s*[{(]?\s*([^\s,]*)", chunk)
                key = found.group(1) if found else ""
                if key in parser.data.entries:
                    del parser.data.entries[key]
                warn(
                    f"the entry {key!r} does not end: a brace or parenthesis in it is not "
                    "closed; it is left out, the entries after it are read",
                    f"{filename}:{text.count(chr(10), 0, start) + 1}",
                )
            else:
                warn(*describe(error, filename, text, start))


def decode(filename: Path, encoding: str) -> str:
    """The file's text; bytes that are not ``encoding`` are a warning and show as U+FFFD.

    Control characters are a warning, and spaces (see :mod:`sphinx_cv.source.reading`).
    """
    text = _decode(filename, encoding)
    for line, char in control_characters(text):
        warn(CONTROL_WARNING.format(ord(char)), f"{filename}:{line}")
    return without_control_characters(text)


def _decode(filename: Path, encoding: str) -> str:
    raw = filename.read_bytes()
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start : error.start + 1].hex().upper()
        warn(
            f"bytes that are not {encoding} (the first is 0x{byte}); save the file as "
            "UTF-8 (they are shown as \ufffd meanwhile)",
            f"{filename}:{line}",
        )
        return raw.decode(encoding, errors="replace")


def describe(error: Exception, filename: Path, text: str, start: int = 0) -> tuple[str, str]:
    """The warning for one parse error, and its ``file.bib:LINE`` (the text read from ``start``)."""
    if isinstance(error, PybtexSyntaxError):
        line = (error.lineno or 1) + text.count("\n", 0, start)
        message = f"{error.error_type}: {error.args[0]} (the entries around it are read)"
    elif isinstance(error, BibliographyDataError) and "repeated" in str(error):
        key = str(error).rsplit(":", 1)[-1].strip()
        starts = entry_starts(text, key)
        line = starts[1] if len(starts) > 1 else starts[0] if starts else 1
        first = f" (first at line {starts[0]})" if starts else ""
        message = f"the key {key!r} is used twice{first}; the first entry is shown"
    elif isinstance(error, DuplicateField):
        key, field = re.match(
            r"entry with key (.*) has a duplicate (.*) field", str(error)
        ).groups()
        line = entry_line(filename, filename.stat().st_mtime_ns, key, None)
        message = f"entry {key!r} has the field {field!r} twice; the first value is shown"
    else:  # a name pybtex cannot split: find it in the text
        quoted = re.search(r"'(.+)'", str(error))
        found = text.find(quoted.group(1)) if quoted else -1
        line = text.count("\n", 0, found) + 1 if found >= 0 else 1
        message = f"{error}; write names as 'Last, First and Last, First'"
    return message, f"{filename}:{line}"


_ENTRY_START = re.compile(r"^[ \t]*@", re.MULTILINE)


def entry_starts(text: str, key: str) -> list[int]:
    """The lines where ``@type{key,`` starts, in order."""
    pattern = re.compile(rf"@\w+\s*[{{(]\s*{re.escape(key)}\s*,", re.IGNORECASE)
    return [text.count("\n", 0, match.start()) + 1 for match in pattern.finditer(text)]


def bib_location(path: Path | None, key: str, field: str | None) -> str | None:
    """``file.bib:LINE`` of an entry, or of one of its fields."""
    if path is None:
        return None
    return f"{path}:{entry_line(path, path.stat().st_mtime_ns, key, field)}"


@cache
def entry_line(path: Path, _mtime: int, key: str, field: str | None) -> int:
    """The line of ``@type{key,`` in a .bib file (of ``field =`` in it, if given)."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    start = re.search(rf"@\w+\s*[{{(]\s*{re.escape(key)}\s*,", text, re.IGNORECASE)
    if start is None:
        return 1
    offset = start.start()
    if field:
        end = text.find("@", start.end())
        body = text[start.end() : end if end != -1 else len(text)]
        found = re.search(rf"^\s*{re.escape(field)}\s*=", body, re.MULTILINE | re.IGNORECASE)
        if found:
            offset = start.end() + found.start() + len(found.group()) - len(found.group().lstrip())
    return text.count("\n", 0, offset) + 1


def check_bibfiles_exist(app: Sphinx) -> None:
    """A file of ``bibtex_bibfiles`` that does not exist: a warning at its line in conf.py."""
    for name in getattr(app.config, "bibtex_bibfiles", None) or ():
        path = (Path(app.confdir) / name).resolve()
        if not path.is_file():
            warn(
                f"bibtex_bibfiles: {name!r} ({path}) does not exist; its publications are left out",
                conf_py_location(app, "bibtex_bibfiles"),
            )


def setup(app: Sphinx) -> None:
    """Read the bib files leniently; check that they exist."""
    # sphinxcontrib-bibtex's cache (process_bibdata) calls parse_bibdata by this name.
    bibfile.parse_bibdata = parse_bibdata
    app.connect("builder-inited", check_bibfiles_exist)
