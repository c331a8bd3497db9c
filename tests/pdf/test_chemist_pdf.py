"""A second CV as a PDF: the chemist's (tests/roots/test-chemist), every profile field, CO₂.

Her contact line has eight fields: it wraps between them, each whole; her
subscripts print in a fallback font; nothing is cut or left out, so LaTeX's
log has no overfull line and no missing character.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pdftools import font_names
from test_pdf import ROOTS, build_and_compile, run

pytestmark = pytest.mark.latex  # every test reads the LaTeX PDF

CONTACTS = [
    "https://ribeiro-sondergaard.dk",
    "acrs@chem.ku.dk",
    "+45 35 32 18 00",
    "Copenhagen, Denmark",
    "GitHub: acribeiro-sondergaard",
    "Google Scholar",
    "ORCID: 0000-0002-1825-0097",
    "LinkedIn: ana-claudia-ribeiro-sondergaard",
]


@pytest.fixture(scope="module")
def chemist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("chemist")
    shutil.copytree(ROOTS / "test-chemist", root / "src")
    return build_and_compile(root / "src", root / "_build")


def layout_lines(pdf: Path) -> list[str]:
    return [" ".join(line.split()) for line in run("pdftotext", "-layout", pdf, "-").splitlines()]


def test_pdf_is_named_after_her_in_ascii(chemist: tuple[Path, str]) -> None:
    pdf, _ = chemist
    assert pdf.name == "ana-claudia-ribeiro-sondergaard-cv.pdf"


def test_contact_line_wraps_between_whole_fields(chemist: tuple[Path, str]) -> None:
    pdf, _ = chemist
    lines = layout_lines(pdf)
    assert lines[0] == "Ana Cláudia Ribeiro-Søndergaard"
    contact_lines = lines[1 : lines.index("POSITIONS")]
    contact_lines = [line for line in contact_lines if line]
    assert len(contact_lines) > 1  # too long for one line: wrapped
    # Every field, in order, whole; a bar between two fields on a line, none at its ends.
    fields = [field.strip() for line in contact_lines for field in line.split(" | ")]
    assert fields == CONTACTS
    urls = run("pdfinfo", "-url", pdf)
    for url in (
        "https://github.com/acribeiro-sondergaard",
        "https://scholar.google.com/citations?user=AbCdEfGhIjK",
        "https://orcid.org/0000-0002-1825-0097",
        "https://www.linkedin.com/in/ana-claudia-ribeiro-sondergaard",
    ):
        assert url in urls


def test_subscripts_print(chemist: tuple[Path, str]) -> None:
    pdf, _ = chemist
    lines = layout_lines(pdf)
    assert "• Electrocatalytic reduction of CO₂ to C₂₊ products on copper–silver alloys" in lines
    assert any(line.startswith("Alloying as a lever for CO₂ reduction") for line in lines)
    # Pagella has no ₂: the fallback font prints it, and only it; the bib's
    # formulas ({CO$_2$}) are set in Pagella's math font, not Computer Modern.
    fonts = set(font_names(pdf))
    assert {font.split("-")[0].removesuffix("Bold").removesuffix("Italic") for font in fonts} == {
        "TeXGyrePagella",
        "TeXGyrePagellaMath",
        "FreeSerif",
    }


def test_latex_log_has_no_overfull_line_or_missing_character(chemist: tuple[Path, str]) -> None:
    pdf, warnings = chemist
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull" not in log
    assert "Missing character" not in log
    assert "[cv.latex]" not in warnings
