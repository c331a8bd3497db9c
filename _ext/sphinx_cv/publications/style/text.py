"""A bib field as text: LaTeX read into pybtex's rich text, or into plain text.

``{braces}`` are kept as written (titles keep their case), LaTeX accents
decoded, ``\\textbf{}``, ``\\emph{}`` and ``\\textit{}`` are bold and italics,
``$...$`` is :class:`~sphinx_cv.publications.math.Math`, ``%`` a percent sign.
What a field may hold beyond that (journal macros, entities, links) is read by
:mod:`.dialects` first.
"""

from __future__ import annotations

import functools
import re

from pybtex.database import Entry
from pybtex.plugin import find_plugin
from pybtex.richtext import Protected, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError

from .. import math

#: LaTeX font commands a field may use, and the rich-text tag each becomes.
FONT_COMMANDS = {"textbf": "b", "emph": "em", "textit": "i"}
_FONT_COMMAND = re.compile(r"\\({})\s*$".format("|".join(FONT_COMMANDS)))

#: A ``%`` that is not ``\\%``: latexcodec would read it as a comment and drop the rest.
_BARE_PERCENT = re.compile(r"(?<!\\)%")


def rich(entry: Entry, field: str) -> Text:
    """A field as rich text (see :func:`rich_text`)."""
    return rich_text(entry.fields.get(field, ""))


@functools.lru_cache(maxsize=4096)
def rich_text(value: str) -> Text:
    """Bib text as rich text: LaTeX accents decoded, ``{braces}`` kept as written,
    ``\\textbf{...}``, ``\\emph{...}`` and ``\\textit{...}`` as bold and italics,
    ``$...$`` as :class:`~sphinx_cv.publications.math.Math`, ``%`` as a percent sign."""
    value, formulas = math.extract(_BARE_PERCENT.sub(r"\\%", value))
    try:
        return math.restore(_latex_markup(Text.from_latex(value)), formulas)
    # Unbalanced braces, or LaTeX latexcodec cannot read (a lone backslash):
    # show the text as it is (check_entry warns).
    except (PybtexSyntaxError, ValueError):
        return math.restore(Text(value.replace("\\%", "%")), formulas)


@functools.lru_cache(maxsize=4096)
def plain_text(value: str) -> str:
    """Bib text as plain text: accents, braces and font commands resolved (cached)."""
    return rich_text(value).render(text_backend()) if value else ""


@functools.cache
def text_backend():
    """pybtex's plain-text backend, looked up once.

    ``Text.render_as("text")`` looks the backend up through the installed
    packages' entry points on every call, which made a CV of a few hundred
    papers take seconds per list.
    """
    return find_plugin("pybtex.backends", "text")()


def _latex_markup(text: Text) -> Text:
    """What pybtex's parser leaves as written: font commands and ``\\$``.

    ``String("... \\textbf ") + Protected(...)`` becomes a tag; ``\\$`` (which
    latexcodec does not decode, unlike ``\\&``, ``\\%``, ``\\#``, ``\\_``) a dollar sign.
    """
    parts: list = []
    for part in text.parts:
        if type(part) is String:
            part = String(str(part).replace("\\$", "$"))
        previous = parts[-1] if parts else None
        command = _FONT_COMMAND.search(str(previous)) if isinstance(previous, String) else None
        if isinstance(part, Protected):
            inner = _latex_markup(Text(*part.parts))
            if command:
                parts[-1] = String(str(previous)[: command.start()])
                part = Tag(FONT_COMMANDS[command.group(1)], inner)
            else:
                part = Protected(*inner.parts)
        parts.append(part)
    return Text(*parts)


def latex_problem(value: str) -> str | None:
    """Why a field's LaTeX cannot be read, or None."""
    if "\\" not in value and "{" not in value and "}" not in value:
        return None
    return _latex_problem(value)


@functools.lru_cache(maxsize=4096)
def _latex_problem(value: str) -> str | None:
    try:
        Text.from_latex(value)
    except PybtexSyntaxError as error:
        return f"has unbalanced braces ({error})"
    except ValueError:
        return (
            "has a backslash that starts no LaTeX command (write \\textbackslash{} for a backslash)"
        )
    return None


def page_range(value: str) -> str:
    """Pages as shown: "8123--8134" and "8123-8134" are "8123–8134"."""
    return re.sub(r"\s*(?:-+|\u2013|\u2014)\s*", "\u2013", plain_text(value).strip())
