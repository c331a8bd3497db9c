"""When an entry appeared: its year and month, and the order and numbers they give."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pybtex.database import Entry

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def year_of(entry: Entry) -> int:
    """The entry's year as a number; 0 when it has none (it then sorts last)."""
    match = re.match(r"\s*([0-9]{1,4})\s*$", entry.fields.get("year", ""))
    return int(match.group(1)) if match else 0


def month_of(entry: Entry) -> int:
    """The entry's month as 1-12; 0 when it has none or it is not a month."""
    value = entry.fields.get("month", "").strip().lower().rstrip(".")
    if re.fullmatch(r"[0-9]{1,2}", value):  # not isdigit(): "²" is a digit to it
        number = int(value)
        return number if 1 <= number <= 12 else 0
    return _MONTHS.get(value, 0)


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Entries by year, then month, newest first; ties keep their order."""
    return sorted(entries, key=lambda entry: (-year_of(entry), -month_of(entry)))


def number_entries(entries: Iterable[Entry]) -> dict[str, int]:
    """Number entries backwards, newest first: ``{key: number}``, the newest the highest.

    Give it every entry of every list of the CV (in file order), so that the
    numbers are one sequence across the whole CV.
    """
    ordered = newest_first(entries)
    return {entry.key: len(ordered) - index for index, entry in enumerate(ordered)}
