"""Dates as people type them, read into the date grammar (:mod:`sphinx_cv.source.dates`).

``2017-2021``, ``2015-Present``, ``Sep 2011 - Dec 2011``, ``March 3, 2020``
and ``2021-09-01T00:00:00Z`` become ``2017 -- 2021``, ``2015 -- present``,
``2011-09 -- 2011-12``, ``2020-03-03`` and ``2021-09-01``; what the grammar
reads itself (``2019–now``, ``Fall 2023``, ``05/2019``) is kept as written.
Month names are English, or those a RenderCV ``locale`` gives.
Text that is not a date (``My Date``, ``Summer 2017 and 2018``) gives ``None``:
the importer keeps it as written and the build warns at its line.
"""

from __future__ import annotations

import calendar
import re

from ...source.dates import PRESENT, SEASON_MONTHS, DateError, parse_dates

#: Words that end a span now.
PRESENT_WORDS = {"present", "now", "current", "currently", "today", "ongoing", "date"}
#: English month names and abbreviations (``Sept``, ``Sept.``, ``September``).
ENGLISH_MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
#: Between two ends of a span: dashes, "to", "until" (a hyphen only between spaces,
#: or right after a year: "2017-2021", "2015-Present").
_SPAN = re.compile(
    r"\s*(?:--|\u2013|\u2014|\s-\s|\bto\b|\buntil\b|\btill\b)\s*|(?<=\d{4})-(?=\s*[^\d\s])"
    r"|(?<=^\d{4})-(?=\d{4}$)",
    re.IGNORECASE,
)


def month_table(*names: list[str]) -> dict[str, int]:
    """English month names, and each list of ``names`` (a locale's, January first)."""
    table = dict(ENGLISH_MONTHS)
    for listed in names:
        for number, name in enumerate(listed, start=1):
            table[str(name).lower().rstrip(".")] = number
    return table


def read_point(
    text: str, months: dict[str, int] | None = None, present: set[str] | None = None
) -> str | None:
    """One date in the grammar's form, or ``None``."""
    months = months or ENGLISH_MONTHS
    text = text.strip().rstrip(".,").strip()
    if text.lower() in PRESENT_WORDS | (present or set()):
        return PRESENT
    iso = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?(?:T[\d:.]+Z?)?", text)
    if iso:
        year, month, day = iso.groups()
        return _join(year, month, day)
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{4})", text)  # 05/2019
    if numeric:
        return _join(numeric[2], numeric[1])
    season = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{4})|(\d{4})\s+([A-Za-z]+)", text)
    if season:
        word, year = (season[1], season[2]) if season[1] else (season[4], season[3])
        if word.lower() in SEASON_MONTHS:
            return f"{year} {word.title()}"
        if word.lower().rstrip(".") in months:
            return _join(year, str(months[word.lower().rstrip(".")]))
        return None
    words = re.fullmatch(r"(\d{1,2})\.?\s+([^\W\d]+)\.?,?\s+(\d{4})", text)  # 3 March 2020
    if words and words[2].lower() in months:
        return _join(words[3], str(months[words[2].lower()]), words[1])
    words = re.fullmatch(r"([^\W\d]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text)  # March 3, 2020
    if words and words[1].lower() in months:
        return _join(words[3], str(months[words[1].lower()]), words[2])
    return None


def _join(year: str, month: str | None = None, day: str | None = None) -> str:
    parts = [year] + [f"{int(part):02d}" for part in (month, day) if part]
    return "-".join(parts)


def read_dates(
    text: str, months: dict[str, int] | None = None, present: set[str] | None = None
) -> str | None:
    """Free text as the grammar's dates (``START -- END``, a list), or ``None``.

    ``months`` and ``present`` add a language's month names and words for now.
    """
    text = " ".join(str(text).split())
    if not text:
        return None
    for parts in ([text], text.split(", ")):
        spans = [_span(part, months, present) for part in parts]
        if all(spans):
            written = ", ".join(spans)  # type: ignore[arg-type]
            try:
                parse_dates(written)
            except DateError:
                continue
            return written
    return None


def _span(text: str, months: dict[str, int] | None, present: set[str] | None) -> str | None:
    try:
        parse_dates(text)
        return text  # already the grammar's
    except DateError:
        pass
    ends = _SPAN.split(text)
    if len(ends) > 2:
        return None
    points = [read_point(end, months, present) for end in ends]
    if None in points or points[0] == PRESENT:
        return None
    return " -- ".join(points)  # type: ignore[arg-type]
