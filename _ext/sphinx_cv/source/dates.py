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
:func:`format_dates` shows spans in the CV's ``language``: month names and
their order from Babel's CLDR data ("Mar 2020", "März 2020", "2020년 3월"),
seasons from the extension's catalog.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names

from ..i18n import N_, _

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

#: CLDR skeletons of the default shown forms: "Mar 2020" / "2020년 3월", and with a day.
MONTH_SKELETON = "yMMM"
DAY_SKELETON = "yMMMd"
#: strftime's month codes and the CLDR field of each.
STRFTIME_MONTHS = {"b": "MMM", "h": "MMM", "B": "MMMM", "m": "MM"}
#: Where a CV's convention is not CLDR's default: English CVs write "1 Sep 2021".
DAY_PATTERNS = {"en": "d MMM y"}

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

    def format(self, month_format: str | None = None, language: str | None = "en") -> str:
        """Show the point in ``language``: ``2020``, ``Mar 2020``, ``1 Sep 2021``, ``2021 Spring``.

        ``month_format`` is the user's ``cv_date_format``: strftime codes in
        English, the same fields in the language's order elsewhere; ``None`` is
        the language's own form.
        """
        if self.season is not None:
            return _("{year} {season}").format(year=self.year, season=season_name(self.season))
        if self.month is None:
            return str(self.year)
        locale = babel_locale(language)
        date = datetime.date(self.year, self.month, self.day or 1)
        if month_format is not None and locale.language == "en":
            month = strftime(date, month_format, locale)
            return month if self.day is None else f"{self.day} {month}"
        if month_format is not None:
            # Written for strftime, which speaks English: elsewhere its fields
            # ("%b %Y": year, short month) take the language's own order.
            return format_skeleton(
                skeleton(month_format, self.day is not None), date, locale=locale
            )
        if self.day is None:
            return format_skeleton(MONTH_SKELETON, date, locale=locale)
        pattern = DAY_PATTERNS.get(locale.language)
        if pattern is not None:
            return format_date(date, pattern, locale=locale)
        return format_skeleton(DAY_SKELETON, date, locale=locale)


def skeleton(month_format: str, with_day: bool) -> str:
    """The CLDR skeleton with the fields of a strftime format: "%B %Y" is "yMMMM"."""
    codes = re.findall(r"%([A-Za-z])", month_format)
    month = STRFTIME_MONTHS.get(next((c for c in codes if c in STRFTIME_MONTHS), "b"))
    year = "yy" if "y" in codes and "Y" not in codes else "y"
    return year + month + ("d" if with_day else "")


@functools.cache
def babel_locale(language: str | None) -> Locale:
    """Babel's locale for Sphinx's ``language`` ("ko", "zh_CN", "pt-BR"); English if unknown."""
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def strftime(date: datetime.date, month_format: str, locale: Locale) -> str:
    """``date.strftime(month_format)`` with ``%b``/``%B`` in ``locale`` (strftime's are English)."""

    def month_name(match: re.Match) -> str:
        if match[1] == "%":
            return "%%"
        width = "abbreviated" if match[1] == "b" else "wide"
        return get_month_names(width, locale=locale)[date.month].replace("%", "%%")

    return date.strftime(re.sub(r"%([%bB])", month_name, month_format))


#: The seasons as the grammar keeps them: msgids, translated where shown.
SEASON_NAMES = (N_("Spring"), N_("Summer"), N_("Fall"), N_("Autumn"), N_("Winter"))


def season_name(season: str) -> str:
    """A season's name in the build's language (``season`` as the grammar keeps it)."""
    return _(season) if season in SEASON_NAMES else season


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


def default_present_label() -> str:
    """The open end's default label in the build's language ("Present", "heute", "현재")."""
    return _("Present")


def format_span(
    span: Span,
    present_label: str = "Present",
    month_format: str | None = None,
    show_point: Callable[[DatePoint, str], str] = _plain,
    language: str | None = "en",
) -> str:
    """Show a span as text, with an en dash between its ends.

    ``show_point(point, label)`` gives each point's shown form; the HTML writer
    wraps the label in ``<time datetime>`` with it.
    """
    start = show_point(span.start, span.start.format(month_format, language))
    if span.end is None:
        return start
    if span.end == PRESENT:
        return f"{start} \u2013 {present_label}"
    return f"{start} \u2013 {show_point(span.end, span.end.format(month_format, language))}"


def format_dates(
    spans: tuple[Span, ...],
    present_label: str = "Present",
    month_format: str | None = None,
    show_point: Callable[[DatePoint, str], str] = _plain,
    language: str | None = "en",
) -> str:
    """Show all spans, separated by commas (``show_point`` as in :func:`format_span`)."""
    return ", ".join(
        format_span(span, present_label, month_format, show_point, language) for span in spans
    )


def _ends_before(start: DatePoint, end: DatePoint) -> bool:
    # Compare only as finely as both points are known: "2020-05 -- 2020" is fine.
    a, b = start.sort_key(), end.sort_key()
    depth = 1
    if a[1] and b[1]:
        depth = 3 if start.day and end.day else 2
    return b[:depth] < a[:depth]
