"""What is wrong with an entry, each problem with its field and what would be accepted.

The style never fails on bad input (it shows what it can); the build warns
about each :class:`Problem` at its line in the ``.bib`` file. A field records
often lack (no author on an erratum) is no problem: an entry is warned about
where it cannot be shown as written (no title, a type or field nobody defines,
a year or date that is none, LaTeX that cannot be read or typeset, a refused link).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pybtex.database import Entry

from ...source.urls import ACCEPTED_URLS, RefusedError, web_url
from .. import math
from .dates import is_pubstate_year, month_of, parse_iso, year_of
from .dialects import normalize
from .fields import KNOWN_FIELDS, KNOWN_TYPES, TYPE_PARTS
from .links import LINK_FIELDS, link_target, present_link_fields
from .names import ANNOTATION_FIELD, parse_annotations
from .text import latex_problem, link_urls, plain_text

#: Commands left as written after the dialects and latexcodec read a field.
_LEFT_COMMAND = re.compile(r"\\([A-Za-z]+)")


@dataclass(frozen=True)
class Problem:
    """Something wrong with an entry: the field it is in (if any) and what to write instead."""

    field: str | None
    message: str


def check_entry(entry: Entry) -> list[Problem]:
    """What is wrong with an entry, with what would be accepted."""
    problems = _type_and_fields(entry)
    problems += _dates(entry)
    names = [(role, str(person)) for role, people in entry.persons.items() for person in people]
    for field, value in [*entry.fields.items(), *names]:
        problem = latex_problem(value)
        if problem:
            problems.append(Problem(field, f"{field} {value!r} {problem}; it is shown as written"))
        elif "\\" in value and field not in LINK_FIELDS:
            problems += _unknown_commands(field, value)
    if ANNOTATION_FIELD in entry.fields:
        count = len(entry.persons.get("author", ()))
        for message in parse_annotations(entry.fields[ANNOTATION_FIELD], count)[1]:
            problems.append(Problem(ANNOTATION_FIELD, message))
    for field, value in entry.fields.items():
        problems += _formulas(field, value)
    problems += _links(entry)
    return problems


def _type_and_fields(entry: Entry) -> list[Problem]:
    problems = []
    written = entry.type.lower()
    if written not in KNOWN_TYPES:
        problems.append(
            Problem(
                None,
                f"@{written} (entry {entry.key!r}) is not an entry type of BibTeX or biblatex; "
                f"it is shown as @misc; accepted are {', '.join(sorted(TYPE_PARTS))} and "
                "biblatex's others",
            )
        )
    if not entry.fields.get("title", "").strip():
        problems.append(
            Problem(None, f"@{written} entry {entry.key!r} has no title; it is shown without one")
        )
    for field in entry.fields:
        name = field.lower()
        if name not in KNOWN_FIELDS and not name.endswith("+an"):
            problems.append(
                Problem(
                    field,
                    f"{field} is not a field sphinx-cv reads (a BibTeX or biblatex field, or "
                    "one of ADS, INSPIRE, DBLP, Zotero, JabRef or al-folio); it is left out "
                    "(the guide's reference, The bibliography, lists the fields)",
                )
            )
    return problems


def _dates(entry: Entry) -> list[Problem]:
    problems = []
    year = entry.fields.get("year")
    if year is not None and not year_of(entry) and not is_pubstate_year(entry):
        problems.append(
            Problem(
                "year",
                f"year {year!r} is not a year; write e.g. 'year = {{2024}}', or a state such "
                "as 'pubstate = {forthcoming}'",
            )
        )
    month = entry.fields.get("month")
    if month is not None and not month_of(entry):
        problems.append(
            Problem(
                "month",
                f"month {month!r} is not a month and is left out; write e.g. "
                "'month = {3}' or 'month = {mar}'",
            )
        )
    for field in ("date", "urldate"):
        value = entry.fields.get(field)
        if value is not None and parse_iso(value) is None:
            problems.append(
                Problem(
                    field,
                    f"{field} {value!r} is not a date and is left out; write e.g. "
                    f"'{field} = {{2024-03-08}}', '{{2024-03}}' or '{{2024}}'",
                )
            )
    return problems


def _unknown_commands(field: str, value: str) -> list[Problem]:
    """LaTeX commands outside formulas that no output can show: they print as written."""
    text = math.MATH_SPAN.sub("", normalize(value))
    text = re.sub(r"\\(?:href|url)\s*\{", "{", text)
    if not _LEFT_COMMAND.search(text):
        return []
    shown = plain_text(value)
    commands = sorted(set(_LEFT_COMMAND.findall(shown)))
    return [
        Problem(
            field,
            f"{field} has the LaTeX command \\{command}, which sphinx-cv does not know; it "
            "is shown as written (write the character itself, or $...$ for a formula)",
        )
        for command in commands
    ]


def _formulas(field: str, value: str) -> list[Problem]:
    problems = []
    for formula in math.formulas(normalize(value)):
        problem = math.latex_problem(formula)
        if problem:
            problems.append(
                Problem(
                    field,
                    f"{field}: LaTeX cannot typeset the formula ${formula}$ ({problem}); the "
                    "PDF shows it as text, and the rest of the CV prints",
                )
            )
        elif math.parse(formula).is_complex:
            problems.append(
                Problem(
                    field,
                    f"{field}: the formula ${formula}$ is shown as TeX code on the website "
                    "and in text (the PDF typesets it); there, formulas of letters, digits, "
                    "Greek letters, symbols such as \\pm or \\to, and one level of _{sub} and "
                    "^{super}scripts are shown as text",
                )
            )
    return problems


def _links(entry: Entry) -> list[Problem]:
    problems = []
    for field in sorted(present_link_fields(entry), key=LINK_FIELDS.index):
        try:
            link_target(entry, field)
        except RefusedError as error:
            value = entry.fields[field].strip()
            problems.append(
                Problem(field, f"{field} {value!r} is not shown: it {error}; {ACCEPTED_URLS}")
            )
    for field, value in entry.fields.items():
        for url in link_urls(value) if "\\" in value else ():
            try:
                web_url(url)
            except RefusedError as error:
                problems.append(
                    Problem(
                        field,
                        f"{field}: the link {url!r} is not shown (its text is): it {error}; "
                        f"{ACCEPTED_URLS}",
                    )
                )
    return problems
