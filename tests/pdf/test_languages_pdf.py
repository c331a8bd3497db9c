"""The seed's PDF in Korean, German and French: dates, legend, labels, fonts, metadata.

Korean is the seed's own translation (docs/locales/ko), German and French only
the extension's words.

Korean prints through xeCJK in Noto Serif CJK (the Latin text stays in
Pagella); pdftotext gives the Korean back as written.
"""

from __future__ import annotations

import contextlib
import re
import zlib
from pathlib import Path

import pytest
from conftest import copy_seed_project
from pdftools import font_names
from test_pdf import build_and_compile, info_of, run

pytestmark = pytest.mark.latex

#: Per language: KAIST's line (title and dates), the legend, a link label, the subject.
EXPECTED = {
    "ko": (
        "한국과학기술원 (KAIST) 2020년 3월 – 현재",  # docs/locales/ko translates the pages
        "(* 표시는 동등 기여)",
        "[논문]",
        "이력서",
    ),
    "de": (
        "Korea Advanced Institute of Science and Technology März 2020 – heute",
        "(* kennzeichnet gleichwertige Beiträge)",
        "[Artikel]",
        "Lebenslauf",
    ),
    "fr": (
        "Korea Advanced Institute of Science and Technology mars 2020 – aujourd\u2019hui",
        "(* indique une contribution égale)",
        "[Article]",
        "Curriculum vitæ",
    ),
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def seed_pdf_in(request, tmp_path_factory) -> tuple[str, Path, str]:
    root = tmp_path_factory.mktemp(f"seed-{request.param}")
    pdf, warnings = build_and_compile(
        copy_seed_project(root), root / "_build", language=request.param
    )
    return request.param, pdf, warnings


def layout_lines(pdf: Path) -> list[str]:
    return [" ".join(line.split()) for line in run("pdftotext", "-layout", pdf, "-").splitlines()]


def pdf_language(pdf: Path) -> str | None:
    """The catalog's ``/Lang``, looked for in the PDF's compressed object streams too."""
    data = pdf.read_bytes()
    for match in re.finditer(rb"stream\r?\n", data):
        chunk = data[match.end() : data.find(b"endstream", match.end())]
        with contextlib.suppress(zlib.error):  # an uncompressed stream
            chunk = zlib.decompress(chunk)
        found = re.search(rb"/Lang\s*\(([^)]*)\)", chunk)
        if found:
            return found[1].decode()
    found = re.search(rb"/Lang\s*\(([^)]*)\)", data)
    return found[1].decode() if found else None


def test_the_pdf_speaks_the_language(seed_pdf_in) -> None:
    language, pdf, warnings = seed_pdf_in
    dates, legend, link, subject = EXPECTED[language]
    assert "WARNING" not in warnings
    lines = layout_lines(pdf)
    assert dates in lines
    assert legend in lines
    assert any(link in line for line in lines)
    info = info_of(pdf)
    assert info["Subject"] == subject
    assert info["Pages"] == "2"
    assert pdf_language(pdf) == language


@pytest.mark.parametrize("seed_pdf_in", ["ko"], indirect=True)
def test_the_korean_translation_prints_in_korean(seed_pdf_in) -> None:
    _, pdf, _ = seed_pdf_in
    lines = layout_lines(pdf)
    for line in (
        "학력",
        "산업및시스템공학과·수리과학과 학사 과정 (복수전공) 대한민국 대전",
        "• 병역 의무 이행을 위한 2년 휴학 (2023년 2월 – 2024년 11월)",
        "한국과학영재학교 2017년 3월 – 2020년 2월",
        "대통령과학장학금 2020 – 현재",
        "학과 수석 2021년 봄, 2021년 가을, 2022년 봄",
    ):
        assert line in lines


def test_the_korean_pdf_embeds_a_cjk_font_beside_pagella(seed_pdf_in) -> None:
    language, pdf, _ = seed_pdf_in
    fonts = font_names(pdf)
    cjk = [font for font in fonts if "CJK" in font]
    assert any("TeXGyrePagella" in font for font in fonts)
    if language == "ko":
        assert cjk, fonts
        assert all("NotoSerifCJK" in font for font in cjk), fonts
        log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
        assert "Missing character" not in log
    else:
        assert not cjk, fonts
