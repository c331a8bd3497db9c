"""``language`` drives every word the extension writes: dates, labels, legends.

The seed CV built with ``language`` = ko, de, fr: month names and order come
from Babel, the open end and the fixed strings from the catalogs in
``sphinx_cv/locale``; ``resume.json`` keeps ISO dates.
"""

from __future__ import annotations

import ast
import io
import json
import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, copy_seed_project, warning_lines

from sphinx_cv.i18n import LOCALE_DIR

#: What each language shows for the seed: KAIST's dates, the legend, the labels.
EXPECTED = {
    "ko": {
        "dates": "2020년 3월 \u2013 현재",
        "legend": "(* 표시는 동등 기여)",
        "website": "개인 웹사이트",
        "contact": "연락처",
        "download": "다운로드:",
        "paper": "논문",
        "season": "2022년 8월",
    },
    "de": {
        "dates": "März 2020 \u2013 heute",
        "legend": "(* kennzeichnet gleichwertige Beiträge)",
        "website": "Persönliche Website",
        "contact": "Kontakt",
        "download": "Herunterladen:",
        "paper": "Artikel",
        "season": "Aug. 2022",
    },
    "fr": {
        "dates": "mars 2020 \u2013 aujourd\u2019hui",
        "legend": "(* indique une contribution égale)",
        "website": "Site web personnel",
        "contact": "Contact",
        "download": "Télécharger\u00a0:",
        "paper": "Article",
        "season": "août 2022",
    },
}


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(params=sorted(EXPECTED))
def seed_in(request, make_app, tmp_path):
    app = make_app(
        "html", srcdir=copy_seed_project(tmp_path), confoverrides={"language": request.param}
    )
    app.build()
    return request.param, app


def test_the_seed_speaks_the_language(seed_in):
    language, app = seed_in
    expected = EXPECTED[language]
    assert warning_lines(app) == []
    index = page(app, "index")
    assert index.html["lang"] == language
    labels = [label.get_text() for label in index.select(".cv-profile-label")]
    assert labels == [expected["website"] + ":", expected["contact"] + ":"]
    assert index.select_one(".cv-downloads").get_text().startswith(expected["download"] + " ")

    kaist = page(app, "education").select_one(".cv-entry-dates")
    assert kaist.get_text() == expected["dates"]
    assert kaist.select_one("time")["datetime"] == "2020-03"
    assert page(app, "teaching").select_one(".cv-entry-dates").get_text() == expected["season"]

    publications = page(app, "publications")
    assert publications.select_one(".cv-publications-legend").get_text() == expected["legend"]
    links = [a for a in publications.select("a.external") if a.get_text() == expected["paper"]]
    assert len(links) == 2  # "[Paper]" of the two published papers

    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["education"][0]["startDate"] == "2020-03"
    assert resume["meta"]["language"] == language


def test_a_set_present_label_wins_in_its_language(make_app, tmp_path):
    srcdir = copy_seed_project(tmp_path)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "en"})
    app.build()
    assert page(app, "education").select_one(".cv-entry-dates").get_text() == (
        "Mar 2020 \u2013 Current"
    )


def test_bibliography_words_follow_the_language(make_app, tmp_path):
    """The chemist's theses, report, patent, editions and editors, in German."""
    srcdir = tmp_path / "chemist"
    shutil.copytree(TESTS_DIR / "roots" / "test-chemist", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "de"})
    app.build()
    text = " ".join(page(app, "publications").get_text().split())
    for words in ("Dissertation", "Masterarbeit", "Technischer Bericht", "Patent", "(Hrsg.)"):
        assert words in text
    assert "2. Aufl." in text
    assert "hrsg. von" in text
    assert "Ph.D. thesis" not in text


@pytest.mark.parametrize(
    "po", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")), ids=lambda p: "/".join(p.parts[-3::2])
)
def test_the_shipped_mo_files_are_compiled_from_the_po_files(po: Path):
    with po.open("rb") as source:
        catalog = read_po(source)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert po.with_suffix(".mo").read_bytes() == compiled.getvalue(), (
        f"{po} changed: run pybabel compile -d _ext/sphinx_cv/locale -D {po.stem}"
    )


@pytest.mark.parametrize("domain", ["sphinx_cv", "sphinx"])
def test_every_catalog_translates_every_message(domain):
    """Ours, and the words of Sphinx's and the theme's that the website shows (sphinx.pot)."""
    with (LOCALE_DIR / f"{domain}.pot").open("rb") as source:
        messages = {message.id for message in read_po(source) if message.id}
    pos = sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{domain}.po"))
    assert len(pos) == 7
    for po in pos:
        with po.open("rb") as source:
            catalog = read_po(source)
        translated = {message.id for message in catalog if message.id and message.string}
        assert translated == messages, f"{po}: {sorted(messages ^ translated)}"


def messages_in_the_code() -> set[str]:
    """Every literal msgid in the extension: the strings given to ``_``, ``N_``, ``ngettext``."""
    found = set()
    for path in sorted(LOCALE_DIR.parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id in ("_", "N_", "ngettext"):
                found.update(
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                )
    return found


def test_the_pot_lists_every_message_of_the_code():
    with (LOCALE_DIR / "sphinx_cv.pot").open("rb") as source:
        listed = set()
        for message in read_po(source):
            listed.update([message.id] if isinstance(message.id, str) else message.id)
    listed.discard("")
    in_code = messages_in_the_code()
    assert "{count} entries" in in_code  # the scan sees ngettext's plural
    assert in_code - listed == set(), "used in the code, missing from sphinx_cv.pot"
    assert listed - in_code == set(), "in sphinx_cv.pot, used nowhere"


@pytest.mark.parametrize(
    "po", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/sphinx_cv.po")), ids=lambda p: p.parts[-3]
)
def test_every_plural_has_each_form_of_its_language(po: Path):
    """Korean, Japanese, Chinese have one form ("항목 {count}개"), the others two."""
    with po.open("rb") as source:
        catalog = read_po(source)
    expected = 1 if po.parts[-3] in ("ko", "ja", "zh_CN") else 2
    assert catalog.num_plurals == expected
    plurals = [message for message in catalog if message.pluralizable]
    assert plurals
    for message in plurals:
        assert len(message.string) == expected, message.id
        assert all(message.string), message.id
