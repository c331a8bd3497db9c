"""The date grammar shared by every directive: parse, validate, format.

::

    dates  := span ("," span)*
    span   := point | point SEP end
    end    := point | present               (case-insensitive)
    SEP    := "--" | "–" | "—"              (spaces around it are free)
    point  := YYYY | YYYY-MM | YYYY-MM-DD | YYYY Season   (digits 0-9 only)
    Season := Spring | Summer | Fall | Autumn | Winter

:func:`parse_dates` turns text into a tuple of :class:`Span`; anything else
raises :class:`DateError`, whose message says what is accepted.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

#: What the grammar accepts, in words; every :class:`DateError` ends with it.
ACCEPTED_FORMS = (
    "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD or 'YYYY Season' "
    "(Spring, Summer, Fall, Autumn, Winter); a span 'START -- END' "
    "whose end may be 'present'; several dates or spans separated by commas"
)

#: Season names in the order they fall in a year; the month is used only to
#: check that a span does not end before it starts.
SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

PRESENT = "present"

_SEPARATOR = re.compile(r"\s*(?:--|\u2013|\u2014)\s*")
_POINT = re.compile(
    r"""^(?P<year>[0-9]{4})
        (?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?
          |\s+(?P<season>[A-Za-z]+)
        )?$""",
    re.VERBOSE,
)


class DateError(ValueError):
    """Text that is not a date of the grammar; the message names what is accepted."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{problem}; {ACCEPTED_FORMS}")
        self.problem = problem


@dataclass(frozen=True, order=False)
class DatePoint:
    """One point in time at year, month, day or season precision."""

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None

    @property
    def iso(self) -> str:
        """The value of an HTML ``<time datetime>``: a season gives its year."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def sort_key(self) -> tuple[int, int, int]:
        """A key that orders points; a missing month or day sorts first."""
        month = self.month or SEASON_MONTHS.get((self.season or "").lower(), 0)
        return (self.year, month, self.day or 0)

    def format(self, month_format: str = "%b %Y") -> str:
        """Show the point: ``2020``, ``Mar 2020``, ``1 Sep 2021`` or ``2021 Spring``."""
        if self.season is not None:
            return f"{self.year} {self.season}"
        if self.month is None:
            return str(self.year)
        month = datetime.date(self.year, self.month, 1).strftime(month_format)
        if self.day is None:
            return month
        return f"{self.day} {month}"


@dataclass(frozen=True)
class Span:
    """A single point (``end is None``), a closed span, or one open to the present."""

    start: DatePoint
    end: DatePoint | str | None = None

    @property
    def is_open(self) -> bool:
        return self.end == PRESENT


def parse_point(text: str) -> DatePoint:
    """Parse one point of the grammar, checking that the calendar date exists."""
    match = _POINT.match(text.strip())
    if not match:
        if any(char.isdigit() and not char.isascii() for char in text):
            # Python's int() reads "٢٠٢٠"; a CV's dates (and ISO exports) use 0-9.
            raise DateError(f"{text.strip()!r} has digits other than 0-9")
        raise DateError(f"{text.strip()!r} is not a date")
    year = int(match["year"])
    if year < datetime.MINYEAR:
        # The calendar (and strftime) start at year 1; "0000-03" would crash a writer.
        raise DateError(f"{text.strip()!r} has no year 0")
    if match["season"] is not None:
        season = match["season"].lower()
        if season not in SEASON_MONTHS:
            raise DateError(f"{match['season']!r} is not a season")
        return DatePoint(year, season=season.capitalize())
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{text.strip()!r} has no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"{text.strip()!r} is not a day of the calendar")
    return DatePoint(year, month, day)


def parse_span(text: str) -> Span:
    """Parse ``point`` or ``point SEP end``; an end before the start is an error."""
    parts = _SEPARATOR.split(text.strip())
    if len(parts) > 2:
        raise DateError(f"{text.strip()!r} has more than one separator")
    if len(parts) == 2:
        for part, where in zip(parts, ("before", "after"), strict=True):
            if not part.strip():
                raise DateError(f"{text.strip()!r} has nothing {where} the separator")
    start = parse_point(parts[0])
    if len(parts) == 1:
        return Span(start)
    if parts[1].strip().lower() == PRESENT:
        return Span(start, PRESENT)
    end = parse_point(parts[1])
    if _ends_before(start, end):
        raise DateError(f"{text.strip()!r} ends before it starts")
    return Span(start, end)


def parse_dates(text: str) -> tuple[Span, ...]:
    """Parse the whole ``:date:`` value into its spans."""
    if not text or not text.strip():
        raise DateError("the date is empty")
    parts = text.split(",")
    if any(not part.strip() for part in parts):
        raise DateError(f"{text.strip()!r} has an empty date between commas")
    return tuple(parse_span(part) for part in parts)


def _plain(point: DatePoint, label: str) -> str:
    return label


def format_span(
    span: Span,
    present_label: str = "Present",
    month_format: str = "%b %Y",
    show_point: Callable[[DatePoint, str], str] = _plain,
) -> str:
    """Show a span as text, with an en dash between its ends.

    ``show_point(point, label)`` gives each point's shown form; the HTML writer
    wraps the label in ``<time datetime>`` with it.
    """
    start = show_point(span.start, span.start.format(month_format))
    if span.end is None:
        return start
    if span.end == PRESENT:
        return f"{start} \u2013 {present_label}"
    return f"{start} \u2013 {show_point(span.end, span.end.format(month_format))}"


def format_dates(
    spans: tuple[Span, ...],
    present_label: str = "Present",
    month_format: str = "%b %Y",
    show_point: Callable[[DatePoint, str], str] = _plain,
) -> str:
    """Show all spans, separated by commas (``show_point`` as in :func:`format_span`)."""
    return ", ".join(format_span(span, present_label, month_format, show_point) for span in spans)


def _ends_before(start: DatePoint, end: DatePoint) -> bool:
    # Compare only as finely as both points are known: "2020-05 -- 2020" is fine.
    a, b = start.sort_key(), end.sort_key()
    depth = 1
    if a[1] and b[1]:
        depth = 3 if start.day and end.day else 2
    return b[:depth] < a[:depth]
