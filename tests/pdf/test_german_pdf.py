"""The German CV's PDFs (``tests/roots/test-german``): their text as a reader sees it.

The name with its title, semesters and "heute", the German section headings and
the file name as German writes it in ASCII (Müller → mueller). The root holds
long compounds in an entry's title and role (Rentenversicherungsträger…,
Arbeiterwohlfahrts…) for the PDF engines' hyphenation.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TESTS_DIR, build_app, require_tool
from pdftools import run
from test_pdf import build_and_compile, text_of


@pytest.fixture(scope="module")
def german_pdf(tmp_path_factory) -> tuple[Path, str]:
    srcdir = tmp_path_factory.mktemp("german-pdf") / "src"
    shutil.copytree(TESTS_DIR / "roots" / "test-german", srcdir)
    return build_and_compile(srcdir, srcdir / "_build")


@pytest.mark.latex
def test_the_pdf_is_named_as_german_writes_the_name(german_pdf):
    pdf, warnings = german_pdf
    assert pdf.name == "friederike-mueller-sahin-cv.pdf"
    assert [line for line in warnings.splitlines() if "WARNING" in line] == []


@pytest.mark.latex
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


#: A bullet whose compounds cannot all end a line whole.
COMPOUNDS = (
    "- Schwerpunkte: Donaudampfschifffahrtsgesellschaftsgeschichte, "
    "Rentenversicherungsträgerverwaltungsgeschichte und "
    "Arbeiterwohlfahrtsgeschichtsschreibungsforschungsgemeinschaft in Westfalen\n"
)


def typst_german(tmp_path: Path, language: str) -> str:
    """The German root with :data:`COMPOUNDS`, by Typst, in ``language``: its text."""
    require_tool("pdftotext")
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS_DIR / "roots" / "test-german", srcdir)
    page = next(path for path in srcdir.glob("*.md") if "Habilitationsprojekt" in path.read_text())
    text = page.read_text(encoding="utf-8").replace(
        "- Habilitationsprojekt", COMPOUNDS + "- Habilitationsprojekt", 1
    )
    page.write_text(text, encoding="utf-8")
    app = build_app("typst", srcdir, language=language)
    (pdf,) = Path(app.outdir).glob("*.pdf")
    return run("pdftotext", "-enc", "UTF-8", pdf, "-")


def test_the_typst_pdf_hyphenates_german_with_german_patterns(tmp_path):
    """A compound that does not fit at a line's end is broken where German breaks it; the
    break is a soft hyphen, so a reader's search (and an ATS) finds the word whole."""
    text = typst_german(tmp_path, "de")
    broken = [line for line in text.splitlines() if line.endswith("\u00ad")]
    assert broken, text
    joined = text.replace("\u00ad\n", "")
    for word in (
        "Donaudampfschifffahrtsgesellschaftsgeschichte,",
        "Rentenversicherungsträgerverwaltungsgeschichte",
    ):
        assert word in joined
    # Each break is at a syllable the German patterns allow: never inside "sch" or "ff".
    for line in broken:
        assert not line.endswith(("s\u00ad", "sc\u00ad", "f\u00ad"))


def test_an_english_cv_keeps_its_words_whole(tmp_path):
    """English (ragged right, no hyphens): every word stays whole for an ATS."""
    text = typst_german(tmp_path, "en")
    assert "\u00ad" not in text
