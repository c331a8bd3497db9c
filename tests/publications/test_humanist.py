# ruff: noqa: RUF001  (German quotation marks and a Turkish dotless i are what is tested)
"""The German historian's CV (tests/roots/test-humanist, ``language = "de"``): her
works as Zotero's Better BibLaTeX writes them, in German bibliographic forms.

biblatex's ``date``, ``journaltitle``, ``location``, ``series`` with ``number``,
``translator``, ``pubstate``, a ``year`` that says "im Erscheinen", ``urldate``,
``@inbook``, ``@collection``, ``@thesis`` with ``type``, an ``edition`` written out,
a title that holds quotation marks, and "and others".
"""

from __future__ import annotations

import pytest
from conftest import TESTS_DIR, warning_lines
from outputs import (
    AND_OTHERS,
    LEFT_TEX,
    build,
    folded,
    pdf_entries,
    pdf_of,
    resume_publications,
    strings,
    website_items,
)

ROOT = TESTS_DIR / "roots" / "test-humanist"

#: Each work as a German reader expects it, newest first (the forthcoming ones first).
ENTRIES = [
    "Nach der letzten Schicht: Eine Geschichte des Strukturwandels. Katharina "
    "Müller-Lüdenscheidt, C. H. Beck, München, 2026, im Erscheinen.",
    "„Der Streik bei Ford 1973.“ Katharina Müller-Lüdenscheidt und Emre Yıldız, "
    "Geschichte und Gesellschaft, im Erscheinen.",
    "„Was bleibt vom Bergbau? Ein Archivbericht.“ Katharina Müller-Lüdenscheidt, Blog des "
    "Instituts für Zeitgeschichte, 3. Nov. 2023. Zugriff am 3. Mai 2024.",
    "Der Tod des Luigi Trastulli. Alessandro Portelli, übers. von Katharina "
    "Müller-Lüdenscheidt, Wallstein, Göttingen, 2022.",
    "„Einleitung: Arbeit erzählen.“ Katharina Müller-Lüdenscheidt, In: Arbeit erzählen: Oral "
    "History im Revier, hrsg. von Katharina Müller-Lüdenscheidt und Jan Hoffmann, S. 7–22, "
    "Klartext, Essen, 2021.",
    "Arbeit erzählen: Oral History im Revier. Katharina Müller-Lüdenscheidt und Jan Hoffmann "
    "(Hrsg.), Schriften des Ruhrmuseums, Bd. 4, Klartext, Essen, 2021.",
    "„‚Gastarbeit‘ und Anwerbung: Die Kommunen und das Abkommen von 1961.“ Katharina "
    "Müller-Lüdenscheidt, Vierteljahrshefte für Zeitgeschichte, 68, H. 3, S. 389–418, 2020.",
    "Gastarbeit und Gedächtnis: Migration im Ruhrgebiet 1955–1973. Katharina "
    "Müller-Lüdenscheidt, 2., überarb. Aufl., Studien zur Zeitgeschichte, Bd. 12, "
    "De Gruyter Oldenbourg, Berlin und Boston, 2019.",
    "„Zechen, Siedlungen, Vereine.“ Katharina Müller-Lüdenscheidt, In: Handbuch der "
    "Migrationsgeschichte, hrsg. von Jochen Oltmer und Klaus J. Bade, S. 211–248, "
    "Schöningh, Paderborn, 2018.",
    "„Migration in der Bundesrepublik: Ein Forschungsbericht.“ Klaus J. Bade, Katharina "
    "Müller-Lüdenscheidt, Jochen Oltmer u. a., Archiv für Sozialgeschichte, 57, S. 3–44, 2017.",
    "„Essen nach dem Krieg.“ Katharina Müller-Lüdenscheidt, In: Geschichte der Stadt Essen, "
    "hrsg. von Ulrich Borsdorf, Bd. 3, Essener Beiträge, Bd. 129, S. 95, Klartext, Essen, 2016.",
    "Kumpel und Kollegen: Türkische Bergleute in Gelsenkirchen 1961–1990. Katharina "
    "Müller-Lüdenscheidt, Dissertation, Universität Leipzig, 2015.",
    "Hauer, Steiger, Pütt. Katharina Müller, 3. Aufl., Aschendorff, Münster, 2013.",
]


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    return build(ROOT, "html", tmp_path_factory.mktemp("html"))


def test_every_work_reads_in_german_forms(html):
    assert warning_lines(html) == []
    items = website_items(html, "publikationen")
    assert [item.label for item in items] == [f"[{n}]" for n in range(13, 0, -1)]
    shown = [
        item.text.split("] ", 1)[1].replace(" Artikel", "").replace(" DOI", "") for item in items
    ]
    assert shown == ENTRIES
    for item in items:
        assert not LEFT_TEX.search(item.text)
        assert not AND_OTHERS.search(item.text)
        assert "others" not in item.text


def test_books_and_theses_are_italic_articles_quoted(html):
    items = website_items(html, "publikationen")
    page = (html.outdir / "publikationen.html").read_text("utf-8")
    assert "<em>Gastarbeit und Gedächtnis: Migration im Ruhrgebiet 1955–1973</em>" in page
    assert "<em>Kumpel und Kollegen:" in page
    assert "„‚Gastarbeit‘ und Anwerbung" in page  # the inner marks, not „„Gastarbeit“
    # The owner bold, another Katharina Müller not; the translator and editor bold too.
    bold = {b for item in items for b in item.bold}
    assert bold == {"Katharina Müller-Lüdenscheidt"}


def test_the_urldate_and_the_forthcoming_are_german_in_text(tmp_path_factory):
    app = build(ROOT, "text", tmp_path_factory.mktemp("text"))
    text = folded((app.outdir / "publikationen.txt").read_text("utf-8"))
    for words in ("Zugriff am 3. Mai 2024", "im Erscheinen", "übers. von", "u. a.", "H. 3, S."):
        assert words in text
    for english in ("accessed", "forthcoming", "translated", "and others", "et al."):
        assert english not in text


def test_resume_json(tmp_path_factory):
    publications = resume_publications(ROOT, tmp_path_factory.mktemp("json"))
    assert len(publications) == 13
    for value in strings(publications):
        assert not LEFT_TEX.search(value), value
    by_name = {p["name"]: p for p in publications}
    article = by_name["„Gastarbeit“ und Anwerbung: Die Kommunen und das Abkommen von 1961"]
    assert article["publisher"] == "Vierteljahrshefte für Zeitgeschichte, 68, H. 3, S. 389–418"
    assert article["releaseDate"] == "2020-07"
    online = by_name["Was bleibt vom Bergbau? Ein Archivbericht"]
    assert online["releaseDate"] == "2023-11-03"


@pytest.mark.latex
def test_pdf(tmp_path_factory):
    text, _tex, _app = pdf_of(ROOT, tmp_path_factory.mktemp("latex"))
    entries = [entry.split("] ", 1)[1] for entry in pdf_entries(text)]
    shown = [folded(e.replace("[Artikel]", "").replace("[DOI]", "")) for e in entries]
    assert shown == [folded(entry) for entry in ENTRIES]
