"""The date grammar shared by every directive: parse, validate, format.

::

    dates  := span ("," span)*
    span   := point | point SEP end | SINCE point
    end    := point | "present" | "now" | "heute"       (case-insensitive)
    SEP    := "--" | "–" | "—"                          (spaces around it are free)
    SINCE  := "since" | "seit"                          (an open span: "seit 10/2021")
    point  := YYYY | YYYY-MM | YYYY-MM-DD | MM/YYYY     (digits 0-9 only)
            | YYYY Season | Season YYYY
            | Semester | Term YYYY
    Season := Spring | Summer | Fall | Autumn | Winter
    Semester := (WS | WiSe | Wintersemester | Winter semester | Winter) YYYY/YY
              | (SS | SoSe | Sommersemester | Summer semester) YYYY
    Term   := Michaelmas | Hilary | Lent | Trinity | Easter  (UK terms, "Term" may follow)
            | Fall Quarter | Winter Quarter | Spring Quarter | Summer Quarter   (US quarters)

Every season, semester and term is a row of :data:`TERMS`: the month it
begins (for ordering and for ``resume.json``: a winter semester is October, a
summer semester April) and how it is shown.

:func:`parse_dates` turns text into a tuple of :class:`Span`; anything else
raises :class:`DateError`, whose message says what is accepted.
:func:`format_dates` shows spans in the CV's ``language``: month names and
their order from Babel's CLDR data ("Mar 2020", "März 2020", "2020년 3월"),
seasons, semesters and quarters from the extension's catalog ("WS 2013/14",
"SoSe 2024" in German; "Winter 2013/14", or "Fall 2013" with
``cv_semesters = "season"``, in English).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_month_names

from ..i18n import N_, _

#: What the grammar accepts, in words; every :class:`DateError` ends with it.
ACCEPTED_FORMS = (
    "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD, MM/YYYY, 'YYYY Season' or 'Season YYYY' "
    "(Spring, Summer, Fall, Autumn, Winter), a semester ('WS 2013/14', 'SoSe 2014'), "
    "a term ('Michaelmas 2019', 'Fall Quarter 2019'); a span 'START -- END' "
    "whose end may be 'present', or 'since START' ('seit 10/2021'); "
    "several dates or spans separated by commas"
)

PRESENT = "present"
#: Words for an open end, besides "present" (German CVs write "heute").
PRESENT_WORDS = (PRESENT, "now", "heute")
#: Words that open a span to the present: "since 2019", "seit 10/2021".
SINCE_WORDS = ("since", "seit")
#: ``cv_semesters``: how a semester is shown.
SEMESTER_STYLES = ("semester", "season")


@dataclass(frozen=True)
class Term:
    """A season, semester or term: one row of :data:`TERMS`."""

    #: The name :class:`DatePoint` keeps ("Spring", "Winter semester", "Michaelmas").
    key: str
    #: The month it begins: for ordering, and ``resume.json``'s date.
    month: int
    #: How it is written before its year, lower-case ("ws", "wise", "wintersemester").
    spellings: tuple[str, ...]
    #: Its shown form, with ``{year}`` or ``{years}``: a catalog msgid (a season: None).
    shown: str | None = None
    #: Written with the two years of an academic year: "WS 2013/14".
    two_years: bool = False
    #: With ``cv_semesters = "season"``: the season a US university names it by.
    season: str | None = None
    #: Its name is the same in every language (Michaelmas): not in the catalog.
    proper_name: bool = False


def _seasons() -> tuple[Term, ...]:
    months = {"Spring": 3, "Summer": 6, "Fall": 9, "Autumn": 9, "Winter": 12}
    return tuple(Term(name, month, (name.lower(),)) for name, month in months.items())


def _uk_terms() -> tuple[Term, ...]:
    months = {"Michaelmas": 10, "Hilary": 1, "Lent": 1, "Trinity": 4, "Easter": 4}
    return tuple(
        Term(name, month, (name.lower(), f"{name.lower()} term"), name + " {year}",
             proper_name=True)
        for name, month in months.items()
    )  # fmt: skip


#: Every season, semester and term the grammar knows. Their msgids are marked
#: with ``N_`` and translated where shown.
TERMS: tuple[Term, ...] = (
    *_seasons(),
    # German semesters: the winter semester spans two years (October to March),
    # the summer semester is in one (April to September).
    Term(
        "Winter semester",
        10,
        ("ws", "wise", "wintersemester", "winter semester"),
        N_("Winter {years}"),
        two_years=True,
        season="Fall",
    ),
    Term(
        "Summer semester",
        4,
        ("ss", "sose", "sommersemester", "summer semester"),
        N_("Summer {year}"),
        season="Spring",
    ),
    *_uk_terms(),
    # US quarters (a year of four terms), each with the word "Quarter".
    Term("Fall Quarter", 9, ("fall quarter", "autumn quarter"), N_("Fall Quarter {year}")),
    Term("Winter Quarter", 1, ("winter quarter",), N_("Winter Quarter {year}")),
    Term("Spring Quarter", 3, ("spring quarter",), N_("Spring Quarter {year}")),
    Term("Summer Quarter", 6, ("summer quarter",), N_("Summer Quarter {year}")),
)
_BY_KEY = {term.key: term for term in TERMS}
#: Seasons: what a point written "YYYY Season" may name.
SEASON_MONTHS = {term.key.lower(): term.month for term in TERMS if term.shown is None}

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
#: "04/2018": the month, then the year (German CVs write it so).
_MONTH_YEAR = re.compile(r"^(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})$")
#: A name, then its year or years: "WS 2013/14", "SoSe 2014", "Fall 2013", "Lent Term 2020".
_NAMED = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z ]*?)\s*(?P<year>[0-9]{4})(?:/(?P<next>[0-9]{2}|[0-9]{4}))?$"
)
_SPELLINGS = {spelling: term for term in TERMS for spelling in term.spellings}


class DateError(ValueError):
    """Text that is not a date of the grammar; the message names what is accepted."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{problem}; {ACCEPTED_FORMS}")
        self.problem = problem


@dataclass(frozen=True, order=False)
class DatePoint:
    """One point in time at year, month, day or term precision.

    ``term`` is a :data:`TERMS` key: a season ("Spring"), a semester ("Winter
    semester", whose ``year`` is the one it begins in) or a term ("Michaelmas").
    """

    year: int
    month: int | None = None
    day: int | None = None
    term: str | None = None
    #: A season written before its year ("Spring 2021"), and so shown in English.
    name_first: bool = field(default=False, compare=False)

    @property
    def first_month(self) -> int | None:
        """The month, or the one a term begins in (WS → 10, SoSe → 4, Fall → 9)."""
        return self.month if self.term is None else _BY_KEY[self.term].month

    @property
    def iso(self) -> str:
        """The value of an HTML ``<time datetime>``: a term gives its year."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def sort_key(self) -> tuple[int, int, int]:
        """A key that orders points; a missing month or day sorts first."""
        return (self.year, self.first_month or 0, self.day or 0)

    def format(
        self,
        month_format: str | None = None,
        language: str | None = "en",
        semesters: str = "semester",
    ) -> str:
        """Show the point in ``language``: ``2020``, ``Mar 2020``, ``1 Sep 2021``, ``2021 Spring``,
        ``WS 2013/14``.

        ``month_format`` is the user's ``cv_date_format``: strftime codes in
        English, the same fields in the language's order elsewhere; ``None`` is
        the language's own form. ``semesters`` is ``cv_semesters``.
        """
        if self.term is not None:
            return term_text(self, semesters)
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


def term_text(point: DatePoint, semesters: str = "semester") -> str:
    """A season, semester or term in the build's language: "2021 Spring", "WS 2013/14"
    (German), "Winter 2013/14" or, with ``semesters="season"``, "Fall 2013" (English)."""
    term = _BY_KEY[point.term]
    if term.season is not None and semesters == "season":
        return _("{season} {year}").format(season=season_name(term.season), year=point.year)
    if term.shown is None:  # a season, in the order it was written (English) or the language's
        pattern = _("{season} {year}") if point.name_first else _("{year} {season}")
        return pattern.format(year=point.year, season=season_name(term.key))
    shown = term.shown if term.proper_name else _(term.shown)
    return shown.format(year=point.year, years=f"{point.year}/{(point.year + 1) % 100:02d}")


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
    text = text.strip()
    match = _POINT.match(text)
    if match:
        year = _year(text, match["year"])
        if match["season"] is not None:
            return DatePoint(year, term=_season(match["season"]))
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        return _checked(text, year, month, day)
    match = _MONTH_YEAR.match(text)
    if match:
        return _checked(text, _year(text, match["year"]), int(match["month"]))
    match = _NAMED.match(text)
    if match:
        return _named_point(text, match)
    if any(char.isdigit() and not char.isascii() for char in text):
        # Python's int() reads "٢٠٢٠"; a CV's dates (and ISO exports) use 0-9.
        raise DateError(f"{text!r} has digits other than 0-9")
    raise DateError(f"{text!r} is not a date")


def _year(text: str, digits: str) -> int:
    year = int(digits)
    if year < datetime.MINYEAR:
        # The calendar (and strftime) start at year 1; "0000-03" would crash a writer.
        raise DateError(f"{text!r} has no year 0")
    return year


def _season(name: str) -> str:
    if name.lower() not in SEASON_MONTHS:
        raise DateError(f"{name!r} is not a season")
    return name.capitalize()


def _checked(text: str, year: int, month: int | None, day: int | None = None) -> DatePoint:
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"{text!r} is not a day of the calendar")
    return DatePoint(year, month, day)


def _named_point(text: str, match: re.Match) -> DatePoint:
    """A season, semester or term written before its year: "WS 2013/14", "Fall 2013"."""
    name = " ".join(match["name"].lower().split())
    if name == "winter" and match["next"] is not None:
        name = "winter semester"  # "Winter 2013": the season; "Winter 2013/14": the semester
    term = _SPELLINGS.get(name)
    if term is None:
        raise DateError(f"{text!r} is not a date")
    year = _year(text, match["year"])
    if term.two_years:
        written = match["next"]
        if written is None:
            raise DateError(f"{text!r} needs both years of the semester, e.g. 'WS {year}/"
                            f"{(year + 1) % 100:02d}'")  # fmt: skip
        if int(written) != (year + 1) % 10 ** len(written):
            raise DateError(f"{text!r} is not two years that follow each other")
    elif match["next"] is not None:
        # An academic year begins in the autumn: its spring and summer terms are in the second.
        one = year if term.month >= 8 else year + 1
        raise DateError(f"{text!r} is in one year, e.g. '{match['name'].strip()} {one}'")
    return DatePoint(year, term=term.key, name_first=term.shown is None)


def parse_span(text: str) -> Span:
    """Parse ``point``, ``point SEP end`` or ``since point``; an end before the start is
    an error."""
    since = re.match(rf"^\s*(?:{'|'.join(SINCE_WORDS)})\s+(.*)$", text, re.IGNORECASE | re.DOTALL)
    if since:
        if _SEPARATOR.search(since[1]):
            raise DateError(f"{text.strip()!r} has both a start word and an end")
        return Span(parse_point(since[1]), PRESENT)
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
    if parts[1].strip().lower() in PRESENT_WORDS:
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
    semesters: str = "semester",
) -> str:
    """Show a span as text, with an en dash between its ends.

    ``show_point(point, label)`` gives each point's shown form; the HTML writer
    wraps the label in ``<time datetime>`` with it.
    """

    def shown(point: DatePoint) -> str:
        return show_point(point, point.format(month_format, language, semesters))

    if span.end is None:
        return shown(span.start)
    if span.end == PRESENT:
        return f"{shown(span.start)} \u2013 {present_label}"
    return f"{shown(span.start)} \u2013 {shown(span.end)}"


def format_dates(
    spans: tuple[Span, ...],
    present_label: str = "Present",
    month_format: str | None = None,
    show_point: Callable[[DatePoint, str], str] = _plain,
    language: str | None = "en",
    semesters: str = "semester",
) -> str:
    """Show all spans, separated by commas (``show_point`` as in :func:`format_span`)."""
    return ", ".join(
        format_span(span, present_label, month_format, show_point, language, semesters)
        for span in spans
    )


def _ends_before(start: DatePoint, end: DatePoint) -> bool:
    # Compare only as finely as both points are known: "2020-05 -- 2020" is fine.
    a, b = start.sort_key(), end.sort_key()
    depth = 1
    if a[1] and b[1]:
        depth = 3 if start.day and end.day else 2
    return b[:depth] < a[:depth]
