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
    SEASON_MONTHS,
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
        "fall", "AUTUMN", "Monsoon", "\t", "\n", "x", "\u0663",
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
    assert all(span.start.iso[:4] in shown or span.start.season for span in spans)


@st.composite
def points(draw):
    year = draw(st.integers(1, 9999))
    precision = draw(st.sampled_from(["year", "month", "day", "season"]))
    if precision == "year":
        return DatePoint(year)
    if precision == "season":
        return DatePoint(year, season=draw(st.sampled_from(sorted(SEASON_MONTHS))).capitalize())
    month = draw(st.integers(1, 12))
    if precision == "month":
        return DatePoint(year, month)
    return DatePoint(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


def spell_point(point: DatePoint, upper: bool) -> str:
    if point.season is not None:
        season = point.season.upper() if upper else point.season
        return f"{point.year:04d} {season}"
    return point.iso


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
        text = spell_point(span.start, upper)
        if span.end is not None:
            separator = draw(st.sampled_from(["--", "\u2013", "\u2014"]))
            space = draw(st.sampled_from(["", " ", "  "]))
            end = draw(st.sampled_from(["present", "Present", "PRESENT"]))
            end = end if span.end == PRESENT else spell_point(span.end, upper)
            text += f"{space}{separator}{space}{end}"
        parts.append(draw(st.sampled_from(["", " "])) + text)
    return chosen, ",".join(parts)


@given(written())
def test_valid_dates_round_trip(case):
    expected, text = case
    assert parse_dates(text) == expected
