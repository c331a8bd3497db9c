"""The timeline, award and profile directives as a reader sees them: HTML and text."""

from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup


def html_of(app, page="index"):
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="entries")
def test_timeline_html(app):
    app.build()
    assert app.warning.getvalue() == ""
    soup = html_of(app)
    lists = soup.select("ul.cv-list")
    # Two timelines and an award list between them: consecutive directives group.
    assert [len(ul.find_all("li", class_="cv-entry", recursive=False)) for ul in lists] == [2, 2, 1]
    assert [ul["class"][1] for ul in lists] == [
        "cv-timeline-list",
        "cv-award-list",
        "cv-timeline-list",
    ]
    first = lists[0].find("li")
    assert "cv-kind-work" in first["class"]
    title = first.select_one(".cv-entry-header .cv-entry-title a")
    assert title["href"] == "https://acme.example.org"
    assert str(title.em) == "<em>Research</em>"
    assert title.get_text() == "ACME Research Lab"
    dates = first.select_one(".cv-entry-header .cv-entry-dates")
    assert str(dates.time) == '<time datetime="2020-03">Mar 2020</time>'
    assert dates.get_text() == "Mar 2020 \u2013 Now"
    assert first.select_one(".cv-entry-meta .cv-entry-role").get_text() == "Research Scientist"
    assert first.select_one(".cv-entry-meta .cv-entry-location").get_text() == "Zürich, Switzerland"
    assert first.select_one(".cv-entry-body li").get_text(strip=True) == "Built things"
    # No headings inside entries: the page outline stays the author's.
    assert not lists[0].find(["h1", "h2", "h3", "h4", "h5", "h6"])

    second = lists[0].find_all("li", class_="cv-entry")[1]
    assert "cv-kind-education" in second["class"]
    assert [t["datetime"] for t in second.find_all("time")] == ["2015-09-01", "2019-06-30"]
    assert second.select_one(".cv-entry-dates").get_text() == "1 Sep 2015 \u2013 30 Jun 2019"
    assert second.select_one(".cv-entry-title a") is None
    assert second.select_one(".cv-entry-body") is None


@pytest.mark.sphinx("html", testroot="entries")
def test_award_html(app):
    app.build()
    awards = html_of(app).select("ul.cv-award-list > li.cv-entry")
    assert [a.select_one(".cv-entry-title").get_text() for a in awards] == [
        "Best Paper Award",
        "Travel Grant",
    ]
    best = awards[0]
    assert "cv-award" in best["class"]
    assert [t["datetime"] for t in best.find_all("time")] == ["2021", "2021"]
    assert best.select_one(".cv-entry-dates").get_text() == "2021 Spring, 2021 Fall"
    assert best.select_one(".cv-entry-issuer").get_text() == "Some Society"
    assert best.select_one(".cv-entry-body p").get_text() == "Given for the best paper."
    assert awards[1].select_one(".cv-entry-meta") is None


@pytest.mark.sphinx("html", testroot="entries", confoverrides={"cv_date_format": "%B %Y"})
def test_date_format_config(app):
    app.build()
    dates = html_of(app, "formats").select_one(".cv-entry-dates")
    assert dates.get_text() == "September 2021 \u2013 15 January 2022"


@pytest.mark.sphinx("text", testroot="entries")
def test_text_output(app):
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert (
        "ACME *Research* Lab | Mar 2020 \u2013 Now\n"
        "  Research Scientist \u00b7 Zürich, Switzerland\n"
        "  * Built things\n"
    ) in text
    assert "University of Somewhere | 1 Sep 2015 \u2013 30 Jun 2019\n  B.Sc. in Physics\n" in text
    assert (
        "Best Paper Award | 2021 Spring, 2021 Fall\n  Some Society\n  Given for the best paper.\n"
    ) in text
    assert "Travel Grant | 2019\n" in text


@pytest.mark.sphinx("latex", testroot="entries")
def test_latex_output(app):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "\\usepackage{sphinxcv}" in tex
    assert (app.outdir / "sphinxcv.sty").exists()
    assert "Mar 2020 – Now" in tex  # xelatex (sphinx_cv's default engine) takes the dash as is
    assert "Zürich, Switzerland" in tex
    # Three lists on the index page, one on the formats page.
    assert tex.count("\\begin{cvlist}") == 4


@pytest.mark.sphinx("html", testroot="other-cv")
def test_profile_html(app):
    app.build()
    profile = html_of(app).select_one("ul.cv-profile")
    items = {li["class"][0]: li for li in profile.find_all("li")}
    assert list(items) == [
        "cv-profile-website",
        "cv-profile-email",
        "cv-profile-location",
        "cv-profile-github",
    ]
    assert items["cv-profile-website"].get_text() == "Personal website: https://hoa.example.org"
    # Sphinx cloaks addresses (%40 for @), which browsers read as the same link.
    assert unquote(items["cv-profile-email"].a["href"]) == "mailto:hoa@example.org"
    assert items["cv-profile-email"].get_text() == "Contact: hoa@example.org"
    assert items["cv-profile-github"].a["href"] == "https://github.com/hoa-example"
    # Short on the website as in the PDF, the network named for screen readers.
    assert items["cv-profile-github"].a.get_text() == "hoa-example"
    assert items["cv-profile-github"].a["aria-label"] == "GitHub: hoa-example"
    # Each item's icon is drawn inline and hidden from screen readers.
    for item in items.values():
        assert item.svg["aria-hidden"] == "true"
