"""What databases and reference managers write in a bib field, as LaTeX the style reads.

:func:`normalize` rewrites a field before :mod:`.text` reads it (and each part
of a name before it is shown):

- NASA ADS: the AAS journal macros (``\\apj`` is ApJ, ``\\aap`` A&A, ``\\nat``
  Nature), its entity-like commands and entities (``{\\rsquo}``, ``{\\nbsp}``,
  ``\\amp``, ``&mu;``, ``&sun;``: Unicode in text, math commands in a formula),
  AASTeX's math macros (``\\la``, ``\\sun``), and scripts written outside math
  (``{$\\Omega$}_{M}``);
- DBLP: math between ``\\(`` and ``\\)``;
- everyone: ``\\ensuremath{}``, ``\\textsuperscript{}``, ``\\textsubscript{}``,
  text commands latexcodec does not know (``\\textquotedblleft``), and LaTeX
  accents in every form (``{\\'{\\i}}``, ``\\'{\\i}``, ``\\c{S}``, ``\\v z``).

The tables are data, in ``dialects.toml`` beside this file.
"""

from __future__ import annotations

import functools
import html.entities
import re
import tomllib
import unicodedata
from pathlib import Path

from .. import math

TABLES = tomllib.loads((Path(__file__).parent / "dialects.toml").read_text(encoding="utf-8"))
#: ``\apj`` → "ApJ": AAS journal macros.
AAS_JOURNALS: dict[str, str] = TABLES["aas_journals"]
#: ADS's long series names → what a reader knows ("Proc. SPIE").
ADS_SERIES: dict[str, str] = TABLES["ads_series"]
#: Entities and entity-like commands as text: HTML's names and ADS's own.
ENTITIES: dict[str, str] = {
    **{
        name.removesuffix(";"): text
        for name, text in html.entities.html5.items()
        if name.endswith(";") and len(text) == 1
    },
    **TABLES["entities"],
}
MATH_ENTITIES: dict[str, str] = TABLES["math_entities"]
TEXT_COMMANDS: dict[str, str] = {**TABLES["text_commands"], **TABLES["font_switches"]}
#: Capitalized words that begin a family name ("Ní Bhriain").
FAMILY_NAME_PARTICLES = frozenset(TABLES["family_name_particles"]["words"])

#: Commands latexcodec reads itself, which an entity of the same name must not replace.
LATEXCODEC_COMMANDS = frozenset(
    {"i", "j", "o", "O", "l", "L", "aa", "AA", "ae", "AE", "oe", "OE", "ss", "S", "P"}
)
#: A command in text that stands for text: journal macros first, then text commands, entities.
_TEXT_REPLACEMENTS = {
    **{name: value for name, value in ENTITIES.items() if name not in LATEXCODEC_COMMANDS},
    **TEXT_COMMANDS,
    # A journal's "&" must reach latexcodec as "\&" (it reads a bare & as an alignment tab).
    **{name: value.replace("&", "\\&") for name, value in AAS_JOURNALS.items()},
}

#: ``{\rsquo}``, ``\rsquo`` (not followed by a letter), with any braces around it.
_COMMAND = re.compile(r"\{\\([A-Za-z]+)\s*\}|\\([A-Za-z]+)(?![A-Za-z])(\s*\{\}|\s*)")
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
#: ``\ensuremath{...}``, ``\textsuperscript{...}``, ``\textsubscript{...}`` (one level of braces).
_MATH_WRAPPERS = re.compile(
    r"\\(ensuremath|textsuperscript|textsubscript)\s*\{((?:[^{}]|\{[^{}]*\})*)\}"
)
_PAREN_MATH = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
#: A script written outside math (ADS titles): ``_{M}``, ``^{8}``.
_TEXT_SCRIPT = re.compile(r"(?<![\\$])([_^])\{([^{}$\\]{1,12})\}")

#: LaTeX's accent commands and the combining character of each.
ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
    "t": "\u0361",
}
_LETTER = r"(?:\\[ij](?![A-Za-z])|[A-Za-z])"
#: ``\'{\i}``, ``\'\i``, ``\'{i}``, ``\'i``; a letter accent needs braces or a
#: space: ``\c{S}``, ``\v z``.
_ACCENT = re.compile(
    r"\\(?:([`'^\"~=.])\s*|([uvHckrdbt])(?=[\s{]))\s*(?:\{\s*("
    + _LETTER
    + r")\s*\}|("
    + _LETTER
    + r"))"
)


def normalize(value: str) -> str:
    """The field as LaTeX that pybtex and latexcodec read right (see the module's docstring)."""
    if "\\" not in value and "&" not in value and "_" not in value and "^" not in value:
        return value
    return _normalize(value)


@functools.lru_cache(maxsize=8192)
def _normalize(value: str) -> str:
    value = _PAREN_MATH.sub(lambda match: f"${match.group(1)}$", value)
    value = _MATH_WRAPPERS.sub(_math_wrapper, value)
    pieces = re.split(r"((?<!\\)\$(?:[^$\\]|\\.)+?\$)", value)
    return "".join(
        _in_math(piece) if index % 2 else _in_text(piece) for index, piece in enumerate(pieces)
    )


def _math_wrapper(match: re.Match[str]) -> str:
    command, inner = match.groups()
    if command == "ensuremath":
        return f"${inner}$"
    script = "^" if command == "textsuperscript" else "_"
    return f"${script}{{\\text{{{inner}}}}}$"


def _in_math(formula: str) -> str:
    """A formula with ADS's entities and AASTeX's macros as LaTeX math."""
    formula = _ENTITY.sub(_math_entity, formula)
    return re.sub(
        r"\\([A-Za-z]+)(?![A-Za-z])",
        lambda match: MATH_ENTITIES.get(match.group(1), match.group(0)),
        formula,
    )


def _math_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in MATH_ENTITIES:
        return MATH_ENTITIES[name]
    if name in math.SYMBOLS:
        return f"\\{name} "
    if name in ENTITIES:
        return f"\\text{{{ENTITIES[name]}}}"
    return match.group(0)


#: LaTeX's spacing commands in text: a thin space, and the ones that take space away.
_SPACING = {",": "\u2009", ";": "\u2004", ":": "\u2005", "!": "", "/": ""}


def _in_text(text: str) -> str:
    text = _ENTITY.sub(lambda match: ENTITIES.get(match.group(1), match.group(0)), text)
    text = re.sub(r"\\([,;:!/])", lambda match: _SPACING[match.group(1)], text)
    text = _ACCENT.sub(_accented, text)
    text = _COMMAND.sub(_text_command, text)
    return _TEXT_SCRIPT.sub(lambda match: f"${match.group(1)}{{\\text{{{match.group(2)}}}}}$", text)


def _accented(match: re.Match[str]) -> str:
    accent = ACCENTS[match.group(1) or match.group(2)]
    letter = match.group(3) or match.group(4)
    base = {"\\i": "i", "\\j": "j"}.get(letter, letter)
    return unicodedata.normalize("NFC", base + accent)


def _text_command(match: re.Match[str]) -> str:
    name = match.group(1) or match.group(2)
    replacement = _TEXT_REPLACEMENTS.get(name)
    if replacement is None:
        return match.group(0)
    if match.group(1):
        return "{" + replacement + "}"
    # TeX eats the spaces after a control word (\apj , 943); an entity written as
    # one (A \amp B) keeps them: it stood for a character between words.
    spaces = match.group(3) or ""
    entity = name in ENTITIES and name not in TEXT_COMMANDS and name not in AAS_JOURNALS
    return replacement + (spaces if entity and "{" not in spaces else "")


def series_name(value: str) -> str:
    """A series as a reader knows it: ADS's "Society of Photo-Optical … Series" is "Proc. SPIE"."""
    return ADS_SERIES.get(" ".join(value.split()), value)
