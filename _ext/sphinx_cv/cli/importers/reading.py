"""Reading an imported file within bounds: its size, its text, its nesting, its aliases.

Every importer reads its file here, so that each refuses the same things the
same way, with an :class:`~sphinx_cv.cli.importers.InputError` that names the
file, the line and what would be accepted, never with a traceback:

- a file larger than :data:`MAX_BYTES` (a CV is kilobytes; a publication list
  of thousands of papers a few megabytes);
- text that is not UTF-8 (a byte-order mark is allowed, in JSON as in YAML);
- values nested deeper than :data:`MAX_DEPTH`, or more than :data:`MAX_VALUES`
  of them once YAML's aliases are followed (a "billion laughs" file expands
  a few lines into gigabytes), or more than :data:`MAX_ALIASES` aliases;
- YAML's dates stay text, so that
  ``2020-02-30`` is a date the importer reports, not a crash.

:func:`brief` shows a value in a report line, cut short whatever its size.
"""

from __future__ import annotations

import json
import reprlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from . import InputError

#: The largest file an importer reads.
MAX_BYTES = 20 * 1024 * 1024
#: The deepest nesting of lists and mappings (a CV needs four or five).
MAX_DEPTH = 64
#: The most YAML aliases (``*name``) a file may use.
MAX_ALIASES = 100
#: The most values (texts, numbers, lists, mappings) a file may hold, aliases followed.
MAX_VALUES = 500_000


def read_text(path: Path) -> str:
    """The file's text: UTF-8, a byte-order mark taken off, at most :data:`MAX_BYTES`."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: {size // (1024 * 1024)} MB; sphinx-cv reads files of at most "
                f"{MAX_BYTES // (1024 * 1024)} MB"
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror or error}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"{path}:{line}:{column}: not UTF-8 (byte 0x{data[error.start]:02x}); save the "
            "file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')"
        ) from error


def load_json(path: Path) -> Any:
    """The parsed JSON file; a syntax error names its line and column."""
    return _load(path, _parse_json)


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from error


def _load(path: Path, parse: Callable[[Path, str], Any]) -> Any:
    """The file's text (:func:`read_text`) parsed by ``parse``, which reports its own
    syntax errors; nesting and size checked the same for every format."""
    text = read_text(path)
    try:
        document = parse(path, text)
    except RecursionError as error:
        raise too_deep(path) from error
    check_size(path, document)
    return document


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, counting aliases and depth, with dates left as text."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()
                raise _Bounds(event.start_mark, f"more than {MAX_ALIASES} aliases (*name)")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Bounds(self.peek_event().start_mark, f"nested deeper than {MAX_DEPTH}")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# A date is text to the importers, which read it themselves and report what
# they cannot: PyYAML's own reading crashes on 2020-02-30.
_BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Bounds(Exception):
    def __init__(self, mark: yaml.Mark, problem: str) -> None:
        super().__init__(problem)
        self.mark, self.problem = mark, problem


def load_yaml(path: Path) -> Any:
    """The parsed YAML file (safe: no tags that make objects); errors name line and column."""
    return _load(path, _parse_yaml)


def _parse_yaml(path: Path, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_BoundedLoader)
    except _Bounds as error:
        raise InputError(
            f"{path}:{error.mark.line + 1}:{error.mark.column + 1}: {error.problem}; "
            "sphinx-cv reads a CV's plain lists and mappings"
        ) from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(f"{where}: not YAML: {error.problem or error.context}") from error
    except yaml.YAMLError as error:
        raise InputError(f"{path}: not YAML: {error}") from error


def check_size(path: Path, document: Any) -> None:
    """Refuse values nested deeper than :data:`MAX_DEPTH`, or more than :data:`MAX_VALUES`
    of them (walked without recursion, a value met twice through aliases counted twice)."""
    stack, count = [(document, 1)], 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise too_deep(path)
        if count > MAX_VALUES:
            raise InputError(
                f"{path}: more than {MAX_VALUES:,} values (YAML's aliases followed); "
                "a CV holds far fewer: is it the file you meant?"
            )
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            stack.extend((child, depth + 1) for child in children)


def too_deep(path: Path) -> InputError:
    return InputError(
        f"{path}: nested deeper than {MAX_DEPTH} lists or objects; "
        "sphinx-cv reads a CV's plain lists and mappings"
    )


_BRIEF = reprlib.Repr()
_BRIEF.maxlevel, _BRIEF.maxstring, _BRIEF.maxother = 2, 60, 60
_BRIEF.maxlist = _BRIEF.maxdict = _BRIEF.maxtuple = 4


def brief(value: Any) -> str:
    """``repr(value)`` cut short: a report line stays a line, whatever the value holds."""
    return _BRIEF.repr(value)
