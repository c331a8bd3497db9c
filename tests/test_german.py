"""A CV in German as German academia writes it: ``tests/roots/test-german`` (issue 25).

A historian's CV with semesters ("WS 2013/14 -- SoSe 2017"), "seit 10/2021",
months as MM/YYYY, German page titles, a languages group found by its label
("Sprachen") and "Dr." in the profile's name, checked on the website and in
``resume.json``; ``tests/pdf/test_german_pdf.py`` checks its PDF.
"""

from __future__ import annotations

import json
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, build_app, warning_lines

NAME = "Friederike Müller-Şahin"
DOCTOR = f"Dr. {NAME}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("german") / "src"
    shutil.copytree(TESTS_DIR / "roots" / "test-german", srcdir)
    return build_app("html", srcdir, cv_pdf_link=False)


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def dates(app, name: str) -> list[str]:
    return [node.get_text() for node in page(app, name).select(".cv-entry-dates")]


def test_it_builds_without_warnings(site):
    assert warning_lines(site) == []


def test_semesters_and_months_as_german_cvs_write_them(site):
    assert dates(site, "werdegang") == ["10/2021 \u2013 heute", "04/2018 \u2013 09/2021"]
    assert dates(site, "ausbildung") == [
        "WS 2013/14 \u2013 SoSe 2017",
        "WS 2008/09 \u2013 SoSe 2013",
    ]
    assert dates(site, "lehre") == ["SoSe 2024", "WS 2022/23, WS 2023/24"]
    assert dates(site, "drittmittel") == ["2022 \u2013 2025", "WS 2013/14 \u2013 SoSe 2016"]
    # A semester's <time> gives its year, a month its month.
    times = page(site, "ausbildung").select(".cv-entry-dates time")
    assert [time["datetime"] for time in times[:2]] == ["2013", "2017"]


def test_the_pages_have_german_titles(site):
    index = page(site, "index")
    cards = [a.get_text(strip=True) for a in index.select(".toctree-wrapper a")]
    assert cards == [
        "Werdegang",
        "Ausbildung",
        "Publikationen",
        "Drittmittel",
        "Lehre",
        "Vorträge",
        "Sprachen und Kenntnisse",
    ]
    assert page(site, "lehre").title.get_text() == f"{NAME} \u2014 Lehre"


def test_the_profiles_name_with_its_title_is_the_home_pages_name(site):
    index = page(site, "index")
    assert index.h1.get_text(strip=True).startswith(DOCTOR)  # "# Friederike Müller-Şahin"
    assert index.title.get_text() == DOCTOR  # the site's name is in it: not twice
    assert index.find("meta", property="og:title")["content"] == DOCTOR
    description = index.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith(f"{DOCTOR} \u2014 Lebenslauf: Werdegang; Ausbildung;")


def test_the_footer_and_the_themes_words_are_german(site):
    for name in ("index", "werdegang", "publikationen"):
        soup = page(site, name)
        footer = " ".join(soup.select_one(".bd-footer-content").get_text().split())
        assert footer == f"Lebenslauf von {NAME} \u00a9 Copyright 2026, {NAME}"
        html = str(soup)
        for english in ("Durch ", "Link to this heading", "Toggle primary sidebar", '"Main"'):
            assert english not in html, (name, english)
    werdegang = page(site, "werdegang")
    assert werdegang.select_one("a.headerlink")["title"] == "Link zu dieser Überschrift"
    assert werdegang.select_one("button.primary-toggle")["title"] == (
        "Navigation ein- oder ausblenden"
    )
    assert werdegang.select_one("nav.bd-docs-nav")["aria-label"] == "Hauptnavigation"
    # Where the theme's catalog has the word, it is the theme's.
    assert werdegang.select_one("#pst-back-to-top").get_text(strip=True) == "Zurück zum Anfang"


@pytest.fixture(scope="module")
def resume(site) -> dict:
    return json.loads((site.outdir / "resume.json").read_text(encoding="utf-8"))


def test_resume_json_has_the_languages_and_the_skills_apart(resume):
    assert resume["languages"] == [
        {"language": "Deutsch", "fluency": "Muttersprache"},
        {"language": "Türkisch", "fluency": "Muttersprache"},
        {"language": "Englisch", "fluency": "C2"},
        {"language": "Französisch", "fluency": "C1"},
    ]
    assert resume["skills"] == [
        {"name": "Programmiersprachen", "keywords": ["Python", "R"]},
        {
            "name": "Methoden",
            "keywords": ["Digitale Editionen (TEI-XML)", "Historische Netzwerkanalyse"],
        },
    ]


def test_resume_json_has_the_semesters_as_months(resume):
    assert resume["basics"]["name"] == DOCTOR
    assert resume["meta"]["language"] == "de"
    # A winter semester begins in October, a summer semester in April.
    assert [(e["startDate"], e["endDate"]) for e in resume["education"]] == [
        ("2013-10", "2017-04"),
        ("2008-10", "2013-04"),
    ]
    work = resume["work"]
    assert (work[0]["startDate"], "endDate" in work[0]) == ("2021-10", False)  # seit 10/2021
    assert (work[1]["startDate"], work[1]["endDate"]) == ("2018-04", "2021-09")
    teaching = [p for p in resume["projects"] if p["name"].startswith("Übung")]
    assert (teaching[0]["startDate"], teaching[0]["endDate"]) == ("2022-10", "2023-10")
    grant = next(a for a in resume["awards"] if a["title"] == "Promotionsstipendium")
    assert grant["date"] == "2013-10"
    assert "Zeitraum: WS 2013/14 \u2013 SoSe 2016" in grant["summary"]
