"""A translated CV: Sphinx's gettext workflow reaches inside the CV's directives.

``-b gettext`` extracts an entry's title, ``:role:``, ``:location:``,
``:issuer:`` and body; the seed's Korean translation (docs/locales/ko) then
shows on the website and in ``resume.json``.
"""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from conftest import copy_seed_project, warning_lines


def test_gettext_extracts_titles_options_and_bodies(make_app, tmp_path):
    app = make_app("gettext", srcdir=copy_seed_project(tmp_path))
    app.build()
    education = (app.outdir / "education.pot").read_text(encoding="utf-8")
    for text in (
        "Korea Advanced Institute of Science and Technology",  # title
        "B.S. in Industrial & Systems Engineering and Mathematical Sciences (double major)",
        "Daejeon, South Korea",  # :location:
        "GPA: 4.19/4.3",  # body
    ):
        assert f'msgid "{text}"' in education
    assert 'msgid "Korean government"' in (app.outdir / "awards.pot").read_text(encoding="utf-8")


def test_the_korean_translation_of_the_seed(make_app, tmp_path):
    app = make_app("html", srcdir=copy_seed_project(tmp_path), confoverrides={"language": "ko"})
    app.build()
    assert warning_lines(app) == []
    soup = BeautifulSoup((app.outdir / "education.html").read_text(encoding="utf-8"), "html.parser")
    kaist = soup.select_one(".cv-entry")
    link = kaist.select_one(".cv-entry-title a")
    assert link.get_text() == "한국과학기술원 (KAIST)"
    assert link["href"] == "https://www.kaist.ac.kr"  # the translated title keeps its link
    assert kaist.select_one(".cv-entry-role").get_text() == (
        "산업및시스템공학과·수리과학과 학사 과정 (복수전공)"
    )
    assert kaist.select_one(".cv-entry-location").get_text() == "대한민국 대전"
    assert "졸업 예정: 2026년 8월" in kaist.select_one(".cv-entry-body").get_text()
    assert soup.select_one("h1").get_text().rstrip("#") == "학력"

    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["education"][0]["institution"] == "한국과학기술원 (KAIST)"
    assert resume["education"][0]["location"] == "대한민국 대전"
    assert resume["education"][0]["startDate"] == "2020-03"
    scholarship = next(a for a in resume["awards"] if a["title"] == "대통령과학장학금")
    assert scholarship["awarder"] == "대한민국 정부"
    # The skills in Korean too; the languages group stays the languages group.
    assert resume["languages"] == [
        {"language": "한국어", "fluency": "모국어"},
        {"language": "영어", "fluency": "유창"},
    ]
    assert resume["skills"] == [
        {"name": "프로그래밍 언어 및 소프트웨어", "keywords": ["Python", "LaTeX", "MATLAB"]}
    ]


def test_a_translation_obeys_the_sources_rules(make_app, tmp_path):
    """HTML and refused links in a translated title or field are left out, with a warning
    at the entry: the .po file is text like the page."""
    docs = copy_seed_project(tmp_path)
    po = docs / "locales" / "ko" / "LC_MESSAGES" / "education.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace(
        'msgstr "한국과학기술원 (KAIST)"',
        'msgstr "한국과학기술원 <img src=x onerror=alert(1)>"',
    ).replace('msgstr "대한민국 대전"', 'msgstr "[대전](javascript:alert(2))"')
    po.write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=docs, confoverrides={"language": "ko"})
    app.build()
    (warning,) = warning_lines(app)
    assert f"{docs / 'education.md'}:3: WARNING: the translation of timeline: HTML" in warning
    assert "'<img src=x onerror=alert(1)>' is left out" in warning
    page = (app.outdir / "education.html").read_text(encoding="utf-8")
    assert "onerror" not in page
    # MyST reads no javascript: link at all: its text is shown as written.
    assert 'href="javascript' not in page
