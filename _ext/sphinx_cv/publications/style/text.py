"""A bib field as text: LaTeX read into pybtex's rich text, or into plain text.

``{braces}`` are kept as written (titles keep their case), LaTeX accents
decoded, ``\\textbf{}``, ``\\emph{}`` and ``\\textit{}`` are bold and italics,
``$...$`` is :class:`~sphinx_cv.publications.math.Math`, ``%`` a percent sign.
What a field may hold beyond that (journal macros, entities, accents in every
form) is read by :mod:`.dialects` first; ``\\href{URL}{text}`` and ``\\url{URL}``
are links (under the URL policy; a refused one is its text), and so is a trial
registration number (``NCT01234567``, to ClinicalTrials.gov).
"""

from __future__ import annotations

import functools
import re

from pybtex.database import Entry
from pybtex.plugin import find_plugin
from pybtex.richtext import HRef, Protected, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError

from ...source.urls import RefusedError, web_url
from .. import math
from .dialects import normalize
from .links import TRIAL_NUMBER, TRIAL_URL

#: LaTeX font commands a field may use, and the rich-text tag each becomes (biblatex's
#: ``\\mkbibemph`` too); the others' text is kept as it is (``\\textsc{NASA}``).
FONT_COMMANDS = {
    "textbf": "b",
    "emph": "em",
    "textit": "i",
    "mkbibemph": "em",
    "mkbibitalic": "i",
    "mkbibbold": "b",
    "textsl": "i",
}
PLAIN_COMMANDS = ("textsc", "textrm", "textnormal", "textup", "textsf", "texttt", "textmd", "mbox")
_FONT_COMMAND = re.compile(r"\\({})\s*$".format("|".join((*FONT_COMMANDS, *PLAIN_COMMANDS))))

#: A ``%`` that is not ``\\%``: latexcodec would read it as a comment and drop the rest.
_BARE_PERCENT = re.compile(r"(?<!\\)%")
#: ``\\href{URL}{text}`` (the text may hold one level of braces) and ``\\url{URL}``.
_LINK = re.compile(
    r"\\href\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}|\\url\s*\{([^{}]*)\}"
)
#: What stands for a link while pybtex parses the rest of the field.
LINK_PLACEHOLDER = "\ue001"


def rich(entry: Entry, field: str) -> Text:
    """A field as rich text (see :func:`rich_text`)."""
    return rich_text(entry.fields.get(field, ""))


@functools.lru_cache(maxsize=4096)
def rich_text(value: str) -> Text:
    """Bib text as rich text: LaTeX accents decoded, ``{braces}`` kept as written,
    ``\\textbf{...}``, ``\\emph{...}`` and ``\\textit{...}`` as bold and italics,
    ``$...$`` as :class:`~sphinx_cv.publications.math.Math`, ``%`` as a percent sign,
    ``\\href{}{}`` and ``\\url{}`` as links."""
    value, links = _extract_links(value)
    value, formulas = math.extract(_BARE_PERCENT.sub(r"\\%", normalize(value)))
    try:
        text = _latex_markup(Text.from_latex(value))
    # Unbalanced braces, or LaTeX latexcodec cannot read (a lone backslash):
    # show the text as it is (check_entry warns).
    except (PybtexSyntaxError, ValueError):
        text = Text(value.replace("\\%", "%"))
    return _link_trial_numbers(_restore_links(math.restore(text, formulas), links))


def _extract_links(value: str) -> tuple[str, list[tuple[str, str]]]:
    """The field with each link replaced by :data:`LINK_PLACEHOLDER`, and (URL, text) of each."""
    if "\\href" not in value and "\\url" not in value:
        return value, []
    links: list[tuple[str, str]] = []

    def keep(match: re.Match[str]) -> str:
        url = match.group(1) if match.group(3) is None else match.group(3)
        # In LaTeX a URL escapes # % _ & ~ with a backslash.
        url = re.sub(r"\\([#%_&~$])", r"\1", url.strip())
        links.append((url, match.group(2) if match.group(3) is None else ""))
        return LINK_PLACEHOLDER

    return _LINK.sub(keep, value), links


def _restore_links(text: Text, links: list[tuple[str, str]]) -> Text:
    """Put the links back, as :class:`~pybtex.richtext.HRef` where the URL policy allows."""
    if not links:
        return text
    queue = list(links)

    def link(url: str, label: str) -> Text | HRef:
        # A link's text holds no link of its own (a trial number it names, say).
        shown = _without_links(rich_text(label)) if label else Text(url)
        try:
            return HRef(web_url(url), *shown.parts)
        except RefusedError:  # check_entry warns; the text stays
            return shown

    def walk(part):
        if isinstance(part, (Text, Protected, Tag, HRef)) and not isinstance(part, String):
            return part._create_similar([walk(child) for child in part.parts])
        if type(part) is String and LINK_PLACEHOLDER in part.value:
            pieces = part.value.split(LINK_PLACEHOLDER)
            parts: list = [String(pieces[0])]
            for piece in pieces[1:]:
                parts += [link(*queue.pop(0)) if queue else String(""), String(piece)]
            return Text(*parts)
        return part

    return walk(text)


def _without_links(text: Text) -> Text:
    def walk(part):
        if isinstance(part, HRef):
            return Text(*(walk(child) for child in part.parts))
        if isinstance(part, (Text, Protected, Tag)):
            return part._create_similar([walk(child) for child in part.parts])
        return part

    return walk(text)


def _link_trial_numbers(text: Text) -> Text:
    """A trial registration number (``NCT01234567``) as a link to ClinicalTrials.gov."""
    if "NCT" not in str(text):
        return text

    def walk(part):
        if isinstance(part, HRef):
            return part  # already a link
        if isinstance(part, (Text, Protected, Tag)):
            return part._create_similar([walk(child) for child in part.parts])
        if type(part) is String and TRIAL_NUMBER.search(part.value):
            pieces = TRIAL_NUMBER.split(part.value)
            numbers = TRIAL_NUMBER.findall(part.value)
            parts: list = [String(pieces[0])]
            for number, piece in zip(numbers, pieces[1:], strict=True):
                parts += [HRef(TRIAL_URL.format(number), String(number)), String(piece)]
            return Text(*parts)
        return part

    return walk(text)


def link_urls(value: str) -> list[str]:
    """The URLs of a field's ``\\href{}{}`` and ``\\url{}`` links, as written."""
    return [url for url, _label in _extract_links(value)[1]]


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
                tag = FONT_COMMANDS.get(command.group(1))
                part = Tag(tag, inner) if tag else Protected(*inner.parts)
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
        # As rich_text reads it: a bare % is a percent sign, not a comment.
        Text.from_latex(_BARE_PERCENT.sub(r"\\%", value))
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
