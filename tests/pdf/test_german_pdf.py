"""The German CV's PDF (``tests/roots/test-german``): its text as a reader sees it.

The name with its title, semesters and "heute", the German section headings and
the file name as German writes it in ASCII (Müller → mueller). The root holds
long compounds in an entry's title and role (Rentenversicherungsträger…,
Arbeiterwohlfahrts…) for the PDF engines' hyphenation.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TESTS_DIR
from test_pdf import build_and_compile, text_of

pytestmark = pytest.mark.latex


@pytest.fixture(scope="module")
def german_pdf(tmp_path_factory) -> tuple[Path, str]:
    srcdir = tmp_path_factory.mktemp("german-pdf") / "src"
    shutil.copytree(TESTS_DIR / "roots" / "test-german", srcdir)
    return build_and_compile(srcdir, srcdir / "_build")


def test_the_pdf_is_named_as_german_writes_the_name(german_pdf):
    pdf, warnings = german_pdf
    assert pdf.name == "friederike-mueller-sahin-cv.pdf"
    assert [line for line in warnings.splitlines() if "WARNING" in line] == []


def test_the_pdf_shows_the_title_semesters_and_german_words(german_pdf):
    text = text_of(german_pdf[0])
    assert text.startswith("Dr. Friederike Müller-Şahin")
    for fact in (
        "Georg-August-Universität Göttingen 10/2021 \u2013 heute",
        "Universität Bielefeld 04/2018 \u2013 09/2021",
        "Universität Bielefeld WS 2013/14 \u2013 SoSe 2017",
        "Ludwig-Maximilians-Universität München WS 2008/09 \u2013 SoSe 2013",
        "SoSe 2024",
        "WS 2022/23, WS 2023/24",
        "Rentenversicherungsträgerverwaltungsgeschichte als Sozialgeschichte",
        "Deutsch (Muttersprache), Türkisch (Muttersprache)",
    ):
        assert fact in text, fact
    for heading in ("WERDEGANG", "AUSBILDUNG", "PUBLIKATIONEN", "DRITTMITTEL", "LEHRE"):
        assert heading in text.upper()
    assert "Present" not in text
