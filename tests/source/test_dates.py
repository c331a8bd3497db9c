"""The date grammar: every accepted form, every rejection, the formatting."""

import pytest

from sphinx_cv.exports.jsonresume import date_range
from sphinx_cv.source.dates import (
    PRESENT,
    DateError,
    DatePoint,
    Span,
    format_dates,
    parse_dates,
)

WS, SS = "Winter semester", "Summer semester"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020", (Span(DatePoint(2020)),)),
        ("2020-03", (Span(DatePoint(2020, 3)),)),
        ("2021-09-01", (Span(DatePoint(2021, 9, 1)),)),
        ("2021 Spring", (Span(DatePoint(2021, term="Spring")),)),
        ("2021 autumn", (Span(DatePoint(2021, term="Autumn")),)),
        ("2020-03 -- present", (Span(DatePoint(2020, 3), PRESENT),)),
        ("2020-03--PRESENT", (Span(DatePoint(2020, 3), PRESENT),)),
        ("2018 \u2013 2019", (Span(DatePoint(2018), DatePoint(2019)),)),
        ("2018\u20142019", (Span(DatePoint(2018), DatePoint(2019)),)),
        ("2020-05 -- 2020", (Span(DatePoint(2020, 5), DatePoint(2020)),)),
        (
            "2020 Winter -- 2021 Spring",
            (Span(DatePoint(2020, term="Winter"), DatePoint(2021, term="Spring")),),
        ),
        (
            "2021 Spring, 2021 Fall, 2022 Spring",
            (
                Span(DatePoint(2021, term="Spring")),
                Span(DatePoint(2021, term="Fall")),
                Span(DatePoint(2022, term="Spring")),
            ),
        ),
        ("2024-02-29", (Span(DatePoint(2024, 2, 29)),)),
        # German CVs: months as MM/YYYY, semesters, "seit", "heute".
        ("04/2018", (Span(DatePoint(2018, 4)),)),
        ("4/2018", (Span(DatePoint(2018, 4)),)),
        ("WS 2013/14", (Span(DatePoint(2013, term=WS)),)),
        ("WiSe 2019/20", (Span(DatePoint(2019, term=WS)),)),
        ("WS 1999/00", (Span(DatePoint(1999, term=WS)),)),
        ("Wintersemester 2013/2014", (Span(DatePoint(2013, term=WS)),)),
        ("Winter semester 2013/14", (Span(DatePoint(2013, term=WS)),)),
        ("winter 2013/14", (Span(DatePoint(2013, term=WS)),)),
        ("SoSe 2024", (Span(DatePoint(2024, term=SS)),)),
        ("SS 2014", (Span(DatePoint(2014, term=SS)),)),
        ("Sommersemester 2014", (Span(DatePoint(2014, term=SS)),)),
        (
            "WS 2015/16 -- SoSe 2019",
            (Span(DatePoint(2015, term=WS), DatePoint(2019, term=SS)),),
        ),
        ("seit 10/2021", (Span(DatePoint(2021, 10), PRESENT),)),
        ("Seit WS 2019/20", (Span(DatePoint(2019, term=WS), PRESENT),)),
        ("since 2019", (Span(DatePoint(2019), PRESENT),)),
        ("2018-04 -- heute", (Span(DatePoint(2018, 4), PRESENT),)),
        ("2018 -- now", (Span(DatePoint(2018), PRESENT),)),
        # A season before its year, as US CVs write it; "Winter 2013" is the season.
        ("Fall 2013", (Span(DatePoint(2013, term="Fall")),)),
        ("Winter 2013", (Span(DatePoint(2013, term="Winter")),)),
        # UK terms and US quarters.
        ("Michaelmas 2019", (Span(DatePoint(2019, term="Michaelmas")),)),
        ("Lent Term 2020", (Span(DatePoint(2020, term="Lent")),)),
        ("Fall Quarter 2019", (Span(DatePoint(2019, term="Fall Quarter")),)),
        (
            "Michaelmas 2019 -- Trinity 2020",
            (Span(DatePoint(2019, term="Michaelmas"), DatePoint(2020, term="Trinity")),),
        ),
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
        ("WS 2013", "'WS 2013' needs both years of the semester, e.g. 'WS 2013/14'"),
        ("WS 2013/15", "'WS 2013/15' is not two years that follow each other"),
        ("WS 2013/2015", "is not two years that follow each other"),
        ("SoSe 2013/14", "'SoSe 2013/14' is in one year, e.g. 'SoSe 2014'"),
        ("Michaelmas 2019/20", "is in one year, e.g. 'Michaelmas 2019'"),
        ("WS 0000/01", "has no year 0"),
        ("13/2020", "'13/2020' has no month 13"),
        ("0/2020", "'0/2020' has no month 0"),
        ("Monsoon 2021", "'Monsoon 2021' is not a date"),
        ("seit 2019 -- 2020", "has both a start word and an end"),
        ("seit", "'seit' is not a date"),
        ("WS 2015/16 -- SoSe 2015", "ends before it starts"),
        ("Trinity 2020 -- Michaelmas 2019", "ends before it starts"),
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
def test_format(speak, text, shown):
    speak("en")
    assert format_dates(parse_dates(text), present_label="Current") == shown


@pytest.mark.parametrize(
    ("language", "semesters", "text", "shown"),
    [
        ("de", "semester", "WS 2013/14 -- SoSe 2024", "WS 2013/14 \u2013 SoSe 2024"),
        ("de", "semester", "seit WS 2019/20", "WS 2019/20 \u2013 heute"),
        ("de", "semester", "04/2018 -- heute", "Apr. 2018 \u2013 heute"),
        ("de", "season", "WS 2013/14 -- SoSe 2014", "Herbst 2013 \u2013 Frühjahr 2014"),
        ("de", "semester", "2021 Spring, Fall 2021", "Frühjahr 2021, Herbst 2021"),
        ("de", "semester", "Fall Quarter 2019", "Herbstquartal 2019"),
        ("de", "semester", "Michaelmas Term 2019", "Michaelmas 2019"),
        ("en", "semester", "WS 2013/14 -- SoSe 2024", "Winter 2013/14 \u2013 Summer 2024"),
        ("en", "season", "WS 2013/14 -- SoSe 2014", "Fall 2013 \u2013 Spring 2014"),
        ("en", "semester", "WS 1999/00", "Winter 1999/00"),
        # Seasons as written: the year first or the season first.
        ("en", "semester", "2021 Spring, Fall 2021", "2021 Spring, Fall 2021"),
        ("en", "semester", "Lent 2020 -- Easter Term 2020", "Lent 2020 \u2013 Easter 2020"),
        ("en", "semester", "Winter Quarter 2020", "Winter Quarter 2020"),
        ("ko", "semester", "WS 2013/14", "2013/14 겨울학기"),
        ("fr", "semester", "SoSe 2024", "semestre d\u2019été 2024"),
    ],
)
def test_terms_are_shown_in_the_language(speak, language, semesters, text, shown):
    speak(language)
    present = "heute" if language == "de" else "Present"
    assert (
        format_dates(parse_dates(text), present, None, language=language, semesters=semesters)
        == shown
    )


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # resume.json: a winter semester begins in October, a summer semester in April.
        ("WS 2013/14 -- SoSe 2017", {"startDate": "2013-10", "endDate": "2017-04"}),
        ("seit 10/2021", {"startDate": "2021-10"}),
        ("04/2018", {"startDate": "2018-04", "endDate": "2018-04"}),
        ("Michaelmas 2019 -- Lent 2020", {"startDate": "2019-10", "endDate": "2020-01"}),
        ("Fall Quarter 2019", {"startDate": "2019-09", "endDate": "2019-09"}),
        ("2021 Fall", {"startDate": "2021-09", "endDate": "2021-09"}),
    ],
)
def test_terms_in_json_resume_are_the_month_they_begin(text, dates):
    assert date_range(parse_dates(text)) == dates


def test_format_uses_month_format():
    spans = parse_dates("2020-03 -- 2021-11-05")
    assert format_dates(spans, month_format="%B %Y") == "March 2020 \u2013 5 November 2021"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2020", "2020"), ("2020-03", "2020-03"), ("2020-03-07", "2020-03-07"), ("2021 Fall", "2021")],
)
def test_iso(text, iso):
    assert parse_dates(text)[0].start.iso == iso
