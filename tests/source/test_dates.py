"""The date grammar: every accepted form, every rejection, the formatting."""

import pytest

from sphinx_cv.source.dates import (
    PRESENT,
    DateError,
    DatePoint,
    Span,
    format_dates,
    parse_dates,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020", (Span(DatePoint(2020)),)),
        ("2020-03", (Span(DatePoint(2020, 3)),)),
        ("2021-09-01", (Span(DatePoint(2021, 9, 1)),)),
        ("2021 Spring", (Span(DatePoint(2021, season="Spring")),)),
        ("2021 autumn", (Span(DatePoint(2021, season="Autumn")),)),
        ("2020-03 -- present", (Span(DatePoint(2020, 3), PRESENT),)),
        ("2020-03--PRESENT", (Span(DatePoint(2020, 3), PRESENT),)),
        ("2018 \u2013 2019", (Span(DatePoint(2018), DatePoint(2019)),)),
        ("2018\u20142019", (Span(DatePoint(2018), DatePoint(2019)),)),
        ("2020-05 -- 2020", (Span(DatePoint(2020, 5), DatePoint(2020)),)),
        (
            "2020 Winter -- 2021 Spring",
            (Span(DatePoint(2020, season="Winter"), DatePoint(2021, season="Spring")),),
        ),
        (
            "2021 Spring, 2021 Fall, 2022 Spring",
            (
                Span(DatePoint(2021, season="Spring")),
                Span(DatePoint(2021, season="Fall")),
                Span(DatePoint(2022, season="Spring")),
            ),
        ),
        ("2024-02-29", (Span(DatePoint(2024, 2, 29)),)),
    ],
)
def test_accepted(text, expected):
    assert parse_dates(text) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "the date is empty"),
        ("   ", "the date is empty"),
        ("last spring", "'last spring' is not a date"),
        ("20", "'20' is not a date"),
        ("2020-3", "'2020-3' is not a date"),
        ("2020/03", "'2020/03' is not a date"),
        ("Mar 2020", "'Mar 2020' is not a date"),
        ("2020-13", "'2020-13' has no month 13"),
        ("2020-00", "'2020-00' has no month 0"),
        ("0000-03", "'0000-03' has no year 0"),
        ("0000 Spring", "'0000 Spring' has no year 0"),
        ("2020-02-30", "'2020-02-30' is not a day of the calendar"),
        ("2023-02-29", "'2023-02-29' is not a day of the calendar"),
        ("2021 Monsoon", "'Monsoon' is not a season"),
        ("2020-05 -- 2019", "'2020-05 -- 2019' ends before it starts"),
        ("2021 Fall -- 2021 Spring", "'2021 Fall -- 2021 Spring' ends before it starts"),
        ("2020-01-15 -- 2020-01-14", "'2020-01-15 -- 2020-01-14' ends before it starts"),
        ("2020 -- 2021 -- 2022", "has more than one separator"),
        ("present -- 2020", "'present' is not a date"),
        ("2020 --", "'2020 --' has nothing after the separator"),
        ("-- 2020", "'-- 2020' has nothing before the separator"),
        ("2020,", "'2020,' has an empty date between commas"),
        ("2020, , 2021", "has an empty date between commas"),
    ],
)
def test_rejected(text, problem):
    with pytest.raises(DateError) as raised:
        parse_dates(text)
    assert problem in str(raised.value)
    assert "accepted forms: YYYY, YYYY-MM, YYYY-MM-DD" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2020", "2020"),
        ("2020-03", "Mar 2020"),
        ("2021-09-01", "1 Sep 2021"),
        ("2021 spring", "2021 Spring"),
        ("2020-03 -- present", "Mar 2020 \u2013 Current"),
        ("2022-06 -- 2022-10", "Jun 2022 \u2013 Oct 2022"),
        ("2021 Spring, 2021 Fall, 2022 Spring", "2021 Spring, 2021 Fall, 2022 Spring"),
    ],
)
def test_format(text, shown):
    assert format_dates(parse_dates(text), present_label="Current") == shown


def test_format_uses_month_format():
    spans = parse_dates("2020-03 -- 2021-11-05")
    assert format_dates(spans, month_format="%B %Y") == "March 2020 \u2013 5 November 2021"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2020", "2020"), ("2020-03", "2020-03"), ("2020-03-07", "2020-03-07"), ("2021 Fall", "2021")],
)
def test_iso(text, iso):
    assert parse_dates(text)[0].start.iso == iso
