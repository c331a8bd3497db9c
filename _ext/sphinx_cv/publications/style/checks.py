"""What is wrong with an entry, each problem with its field and what would be accepted.

The style never fails on bad input (it shows what it can); the build warns
about each :class:`Problem` at its line in the ``.bib`` file.
"""

from __future__ import annotations

from dataclasses import dataclass

from pybtex.database import Entry

from ...source.urls import ACCEPTED_URLS, RefusedError
from .. import math
from .dates import month_of, year_of
from .fields import REQUIRED_FALLBACK, REQUIRED_FIELDS
from .links import LINK_FIELDS, link_target
from .names import ANNOTATION_FIELD, parse_annotations
from .text import latex_problem


@dataclass(frozen=True)
class Problem:
    """Something wrong with an entry: the field it is in (if any) and what to write instead."""

    field: str | None
    message: str


def check_entry(entry: Entry) -> list[Problem]:
    """What is wrong with an entry, with what would be accepted."""
    problems = []
    entry_type = entry.type.lower()
    required = REQUIRED_FIELDS.get(entry_type, REQUIRED_FALLBACK)
    for field in required:
        names = field.split("/")
        if not any(entry.persons.get(name) or entry.fields.get(name, "").strip() for name in names):
            message = (
                f"@{entry_type} entry {entry.key!r} has no {' or '.join(map(repr, names))} field "
                f"(an @{entry_type} needs {', '.join(required).replace('/', ' or ')})"
            )
            problems.append(Problem(None, message))
    year = entry.fields.get("year")
    if year is not None and not year_of(entry):
        problems.append(
            Problem("year", f"year {year!r} is not a year; write e.g. 'year = {{2024}}'")
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
    names = [(role, str(person)) for role, people in entry.persons.items() for person in people]
    for field, value in [*entry.fields.items(), *names]:
        problem = latex_problem(value)
        if problem:
            problems.append(Problem(field, f"{field} {value!r} {problem}; it is shown as written"))
    if ANNOTATION_FIELD in entry.fields:
        count = len(entry.persons.get("author", ()))
        for message in parse_annotations(entry.fields[ANNOTATION_FIELD], count)[1]:
            problems.append(Problem(ANNOTATION_FIELD, message))
    for field, value in entry.fields.items():
        for formula in math.complex_formulas(value):
            problems.append(
                Problem(
                    field,
                    f"{field}: the formula ${formula}$ is shown as TeX code on the website "
                    "and in text (the PDF typesets it); there, formulas of letters, digits, "
                    "Greek letters, symbols such as \\pm or \\to, and one level of _{sub} and "
                    "^{super}scripts are shown as text",
                )
            )
    for field in (*LINK_FIELDS, "eprint"):
        try:
            link_target(entry, field)
        except RefusedError as error:
            value = entry.fields[field].strip()
            problems.append(
                Problem(field, f"{field} {value!r} is not shown: it {error}; {ACCEPTED_URLS}")
            )
    return problems
