"""Properties of the date grammar, checked with generated input (hypothesis).

- Any string either parses, and then formats, or raises DateError; nothing else.
- Every valid date, written in any of the accepted spellings, parses back to itself.
"""

from __future__ import annotations

import calendar

from hypothesis import example, given
from hypothesis import strategies as st

from sphinx_cv.source.dates import (
    PRESENT,
    PRESENT_WORDS,
    SINCE_WORDS,
    TERMS,
    DateError,
    DatePoint,
    Span,
    format_dates,
    parse_dates,
)

# Pieces of the grammar, so that generated text often gets past the first check.
PIECES = st.sampled_from(
    [
        "2020", "0000", "9999", "1999", "-", "--", "\u2013", "\u2014", ",", " ", "  ",
        "-02", "-13", "-00", "-29", "-30", "-31", "-1", "present", "Present", "Spring",
        "fall", "AUTUMN", "Monsoon", "\t", "\n", "x", "\u0663", "/", "/14", "/2014", "04/",
        "WS ", "SoSe ", "seit ", "since ", "heute", "Michaelmas ", " Quarter", " Term",
    ]
)  # fmt: skip
GRAMMAR_LIKE = st.lists(PIECES, max_size=10).map("".join)


@given(st.one_of(st.text(), GRAMMAR_LIKE))
@example("0000-03")
@example("2020-02-29 -- present")
@example("\u0662\u0660\u0662\u0660")  # Arabic-Indic digits are not ASCII years
def test_any_text_parses_or_raises_date_error(text):
    try:
        spans = parse_dates(text)
    except DateError as error:
        message = str(error)
    else:
        message = None
    if message is not None:
        assert "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD" in message
        return
    assert spans
    assert all(isinstance(span, Span) for span in spans)
    # What parses can be shown, in every format the writers use.
    shown = format_dates(spans, "Present", "%B %Y")
    assert shown
    assert all(span.start.iso[:4] in shown or span.start.term for span in spans)
    assert format_dates(spans, "Present", None, semesters="season")


@st.composite
def points(draw):
    year = draw(st.integers(1, 9999))
    precision = draw(st.sampled_from(["year", "month", "day", "term"]))
    if precision == "year":
        return DatePoint(year)
    if precision == "term":
        return DatePoint(year, term=draw(st.sampled_from([term.key for term in TERMS])))
    month = draw(st.integers(1, 12))
    if precision == "month":
        return DatePoint(year, month)
    return DatePoint(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


def spell_point(draw, point: DatePoint, upper: bool) -> str:
    """One of the ways the grammar accepts to write ``point``."""
    if point.term is None:
        if point.month is not None and point.day is None and draw(st.booleans()):
            return f"{point.month:0{draw(st.sampled_from([1, 2]))}d}/{point.year:04d}"
        return point.iso
    term = next(term for term in TERMS if term.key == point.term)
    name = draw(st.sampled_from(term.spellings))
    name = name.upper() if upper else name
    if term.two_years:
        following = (point.year + 1) % 100
        long_form = point.year < 9999 and draw(st.booleans())
        return f"{name} {point.year:04d}/" + (
            f"{point.year + 1:04d}" if long_form else f"{following:02d}"
        )
    if term.shown is None and draw(st.booleans()):
        return f"{point.year:04d} {name}"  # a season after its year
    return f"{name} {point.year:04d}"


@st.composite
def spans(draw):
    start = draw(points())
    kind = draw(st.sampled_from(["single", "present", "closed"]))
    if kind == "single":
        return Span(start)
    if kind == "present":
        return Span(start, PRESENT)
    # A later year always ends after the start, whatever the precisions.
    end = draw(points().filter(lambda p: p.year > start.year)) if start.year < 9999 else start
    return Span(start, end)


@st.composite
def written(draw):
    """A tuple of spans and one way of writing it that the grammar accepts."""
    chosen = tuple(draw(st.lists(spans(), min_size=1, max_size=4)))
    upper = draw(st.booleans())
    parts = []
    for span in chosen:
        text = spell_point(draw, span.start, upper)
        if span.end == PRESENT and draw(st.booleans()):
            since = draw(st.sampled_from(SINCE_WORDS))
            text = f"{since.capitalize() if upper else since} {text}"
        elif span.end is not None:
            separator = draw(st.sampled_from(["--", "\u2013", "\u2014"]))
            space = draw(st.sampled_from(["", " ", "  "]))
            end = draw(st.sampled_from([*PRESENT_WORDS, "Present", "PRESENT"]))
            end = end if span.end == PRESENT else spell_point(draw, span.end, upper)
            text += f"{space}{separator}{space}{end}"
        parts.append(draw(st.sampled_from(["", " "])) + text)
    return chosen, ",".join(parts)


@given(written())
def test_valid_dates_round_trip(case):
    expected, text = case
    assert parse_dates(text) == expected
