"""When an entry appeared, and the order and the numbers that follow from it.

BibTeX's ``year``, ``month`` and ``day``, biblatex's ``date`` (``2024``,
``2024-03``, ``2024-03-08``, with a time, a range ``2019/2020``; EDTF's ``~``
and ``?`` read as the date, ``2024-uu`` as its year), ``urldate``, and
``pubstate`` (``forthcoming``, ``inpress``, ``submitted``, ``inpreparation``,
``prepublished``): a work not out yet sorts
as the newest. A ``year`` that is a state ("im Erscheinen", "in press") is read
as that state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pybtex.database import Entry

from ...i18n import N_

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

#: biblatex's ``pubstate`` values, and what each is called (msgids, translated where shown).
PUBSTATES = {
    "inpreparation": N_("in preparation"),
    "submitted": N_("submitted"),
    "forthcoming": N_("forthcoming"),
    "inpress": N_("in press"),
    "prepublished": N_("ahead of print"),
}
#: How people write a state in ``pubstate`` or in place of a year, in the catalog's languages.
PUBSTATE_WORDS = {
    "inpreparation": "inpreparation",
    "in preparation": "inpreparation",
    "in vorbereitung": "inpreparation",
    "en préparation": "inpreparation",
    "submitted": "submitted",
    "under review": "submitted",
    "eingereicht": "submitted",
    "soumis": "submitted",
    "forthcoming": "forthcoming",
    "to appear": "forthcoming",
    "accepted": "forthcoming",
    "im erscheinen": "forthcoming",
    "à paraître": "forthcoming",
    "a paraitre": "forthcoming",
    "en prensa": "inpress",
    "no prelo": "inpress",
    "inpress": "inpress",
    "in press": "inpress",
    "im druck": "inpress",
    "sous presse": "inpress",
    "prepublished": "prepublished",
    "epub": "prepublished",
    "epub ahead of print": "prepublished",
    "ahead of print": "prepublished",
    "aheadofprint": "prepublished",
}
#: States of a work that is not out yet: sorted as the newest.
UNPUBLISHED_STATES = ("inpreparation", "submitted", "forthcoming", "inpress")

#: biblatex's date: YYYY, YYYY-MM, YYYY-MM-DD, a time after it (Zotero's), EDTF's ~ ? %
#: after it and ``uu`` for an unknown month or day, then a range's end.
_ISO_DATE = re.compile(
    r"\s*([0-9]{4})(?:-([0-9]{2}|uu|XX))?(?:-([0-9]{2}|uu|XX))?(?:T[0-9:.]+(?:Z|[+-][0-9:]+)?)?"
    r"[~?%]*\s*(?:/.*)?$"
)


@dataclass(frozen=True)
class BibDate:
    """A date as precise as the entry gives it: a year, a month, a day."""

    year: int
    month: int = 0
    day: int = 0


def parse_iso(value: str) -> BibDate | None:
    """biblatex's ``date`` (or ``urldate``): ``2024``, ``2024-03``, ``2024-03-08``, ranges."""
    if value.strip().startswith(("../", "/")) or value.strip().lower().startswith("unknown/"):
        value = value.split("/", 1)[1]  # a range open at its start: its end
    match = _ISO_DATE.match(value)
    if not match:
        return None
    year, month, day = (int(group) if group and group.isdigit() else 0 for group in match.groups())
    if not 1 <= month <= 12:
        month = day = 0
    if not 1 <= day <= 31:
        day = 0
    return BibDate(year, month, day) if year > 0 else None


def year_of(entry: Entry) -> int:
    """The entry's year as a number; 0 when it has none (it then sorts last)."""
    match = re.match(r"\s*([0-9]{1,4})\s*$", entry.fields.get("year", ""))
    if match:
        return int(match.group(1))
    date = parse_iso(entry.fields.get("date", "")) if "year" not in entry.fields else None
    return date.year if date else 0


def month_of(entry: Entry) -> int:
    """The entry's month as 1-12; 0 when it has none or it is not a month."""
    value = entry.fields.get("month", "").strip().lower().rstrip(".")
    if not value:
        date = parse_iso(entry.fields.get("date", ""))
        return date.month if date else 0
    if re.fullmatch(r"[0-9]{1,2}", value):  # not isdigit(): "²" is a digit to it
        number = int(value)
        return number if 1 <= number <= 12 else 0
    return _MONTHS.get(value, 0)


def day_of(entry: Entry) -> int:
    """The entry's day of the month (``day``, or ``date``'s); 0 when it has none."""
    value = entry.fields.get("day", "").strip()
    if re.fullmatch(r"[0-9]{1,2}", value) and 1 <= int(value) <= 31:
        return int(value)
    date = parse_iso(entry.fields.get("date", ""))
    return date.day if date and date.month == month_of(entry) else 0


def entry_date(entry: Entry) -> BibDate | None:
    """The date the entry gives, as precise as it gives it (None without a year)."""
    year = year_of(entry)
    if not year:
        return None
    month = month_of(entry)
    return BibDate(year, month, day_of(entry) if month else 0)


def pubstate_of(entry: Entry) -> str:
    """The entry's publication state (a key of :data:`PUBSTATES`), or "".

    From ``pubstate``, or from a ``year`` that is a state ("im Erscheinen").
    """
    for field in ("pubstate", "year"):
        value = " ".join(entry.fields.get(field, "").lower().split()).strip("{}. ")
        if value in PUBSTATE_WORDS:
            return PUBSTATE_WORDS[value]
    return ""


def is_pubstate_year(entry: Entry) -> bool:
    """Whether the ``year`` field holds a publication state, not a year."""
    value = " ".join(entry.fields.get("year", "").lower().split()).strip("{}. ")
    return value in PUBSTATE_WORDS


def sort_key(entry: Entry) -> tuple[int, int, int]:
    """Newest first: a work not out yet, then by year, month and day (negated)."""
    if pubstate_of(entry) in UNPUBLISHED_STATES:
        return (-10_000, 0, 0)
    date = entry_date(entry)
    return (-date.year, -date.month, -date.day) if date else (0, 0, 0)


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Entries by year, then month, newest first; ties keep their order."""
    return sorted(entries, key=sort_key)


def number_entries(entries: Iterable[Entry]) -> dict[str, int]:
    """Number entries backwards, newest first: ``{key: number}``, the newest the highest.

    Give it every entry of every list of the CV (in file order), so that the
    numbers are one sequence across the whole CV.
    """
    ordered = newest_first(entries)
    return {entry.key: len(ordered) - index for index, entry in enumerate(ordered)}
