"""Text as Typst reads it: markup that prints as written, and code-mode strings.

Every character a CV's text can hold reaches the ``.typ`` file through these
two functions, so nothing written in a page or a ``.bib`` file is ever read as
Typst markup or code (``#``, ``$``, ``*``, ``//``, ``@``, ``<…>``, a ``-`` or
``=`` at a line's start…).
"""

from __future__ import annotations

import re

#: ASCII punctuation Typst's markup may read as syntax, escaped with a backslash
#: (Typst prints any escaped character as itself): markup (``*_`$#@<>=+-/~``, ``...``),
#: what may continue the call before it (``[]().;{}``), and quotes, kept straight as written.
_ESCAPED = frozenset("\\#*_`$<>@[]~/-+=.'\"();{}")
#: Characters no PDF text holds: C0/C1 controls (but tab and newline), and the
#: Unicode noncharacters and lone surrogates a source could smuggle in.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_WHITESPACE = re.compile("[\t\n\r\f\v\u2028\u2029]+")


def text(value: str) -> str:
    """``value`` as Typst markup that prints it as written (line breaks become spaces)."""
    value = _WHITESPACE.sub(" ", _UNPRINTABLE.sub("", value))
    return "".join(f"\\{char}" if char in _ESCAPED else char for char in value)


def string_literal(value: str) -> str:
    """``value`` as a Typst string literal (code mode): ``"say \\"hi\\""``."""
    value = _UNPRINTABLE.sub("", value)
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'
