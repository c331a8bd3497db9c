"""The PDF: compiled with latexmk, read back with poppler as a reader or an ATS would.

Text is extracted with ``pdftotext -raw`` (the order of the page's content
stream, which is how the page reads: title, then its dates on the same line).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TESTS_DIR, copy_seed_project, require_tool
from pdftools import SEED_IN_ORDER, assert_in_order, info_of, run, text_of
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.pdf.latex.compile import TOOLS, compile_tex
from sphinx_cv.pdf.names import pdf_stem

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
ROOTS = TESTS_DIR / "roots"


def build_and_compile(srcdir: Path, builddir: Path, **confoverrides) -> tuple[Path, str]:
    """Run Sphinx's LaTeX builder and latexmk; return the PDF and the Sphinx warnings."""
    require_tool(*TOOLS, *POPPLER)
    app = SphinxTestApp("latex", srcdir=srcdir, builddir=builddir, confoverrides=confoverrides)
    try:
        app.build()
        tex = Path(app.outdir) / app.config.latex_documents[0][1]
        return compile_tex(tex), app.warning.getvalue()
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seed")
    pdf, _ = build_and_compile(copy_seed_project(root), root / "_build")
    return pdf


@pytest.fixture(scope="module")
def special(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("special")
    srcdir = root / "src"
    shutil.copytree(ROOTS / "test-pdf-special", srcdir)
    return build_and_compile(srcdir, root / "_build")


@pytest.mark.latex
def test_seed_pdf_holds_every_fact_in_reading_order(seed_pdf: Path) -> None:
    assert_in_order(text_of(seed_pdf), SEED_IN_ORDER)


@pytest.mark.latex
def test_seed_pdf_keeps_dates_on_their_title_line(seed_pdf: Path) -> None:
    # In the page's physical layout too (pdftotext -layout), dates and
    # locations share the line of their title and role.
    lines = [
        " ".join(line.split()) for line in run("pdftotext", "-layout", seed_pdf, "-").splitlines()
    ]
    assert "Korea Advanced Institute of Science and Technology Mar 2020 – Current" in lines
    assert "Undergraduate Researcher Seoul, South Korea" in lines
    assert "Department Valedictorian 2021 Spring, 2021 Fall, 2022 Spring" in lines


@pytest.mark.latex
def test_seed_pdf_lists_the_publications(seed_pdf: Path) -> None:
    text = text_of(seed_pdf)
    assert "Does SGD really happen in tiny subspaces?" in text
    assert "arXiv:2310.01082" in text


@pytest.mark.latex
def test_seed_pdf_is_two_a4_pages(seed_pdf: Path) -> None:
    info = info_of(seed_pdf)
    assert info["Pages"] == "2"
    assert "(A4)" in info["Page size"]


@pytest.mark.latex
def test_seed_pdf_is_a_cv_not_a_manual(seed_pdf: Path) -> None:
    lines = run("pdftotext", "-raw", seed_pdf, "-").splitlines()
    # The name is the first line: no title page, no contents before it.
    assert lines[0] == "Minhak Song"
    text = " ".join(lines)
    for manual_part in ("Contents", "Index", "Release", "Python Module Index"):
        assert manual_part not in text
    # Section headings stand alone, without numbers.
    assert "EDUCATION" in lines
    assert "SKILLS" in lines


@pytest.mark.latex
def test_seed_pdf_metadata_and_links(seed_pdf: Path) -> None:
    info = info_of(seed_pdf)
    assert info["Title"] == "Minhak Song"
    assert info["Author"] == "Minhak Song"
    urls = run("pdfinfo", "-url", seed_pdf)
    for url in (
        "http://songminhak.github.io",
        "mailto:minhaksong@kaist.ac.kr",
        "https://www.kaist.ac.kr",
    ):
        assert url in urls


@pytest.mark.latex
def test_seed_pdf_fonts_are_one_embedded_family(seed_pdf: Path) -> None:
    rows = run("pdffonts", seed_pdf).splitlines()[2:]
    assert rows
    for row in rows:
        name, *_ = row.split()
        # columns from the right: object ID (2), uni, sub, emb
        emb = row.split()[-5]
        assert emb == "yes", row
        assert "TeXGyrePagella" in name, row


@pytest.mark.latex
def test_seed_pdf_is_named_after_its_author_and_its_log_is_clean(seed_pdf: Path) -> None:
    assert seed_pdf.name == "minhak-song-cv.pdf"
    log = seed_pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull" not in log
    assert "Missing character" not in log


@pytest.mark.parametrize(
    ("author", "language", "stem"),
    [
        ("Ana Cláudia Ribeiro-Søndergaard", "en", "ana-claudia-ribeiro-sondergaard-cv"),
        ("Nguyễn Văn Łukasz", "en", "nguyen-van-lukasz-cv"),
        ("Æsa Đorđević-Straße", "en", "aesa-dordevic-strasse-cv"),
        ("Þóra Ðórðardóttir", "en", "thora-dordardottir-cv"),
        ("송민학", "ko", "cv"),
        # German writes an umlaut as its vowel and an "e"; other languages drop the dots.
        ("Friederike Müller-Şahin", "de", "friederike-mueller-sahin-cv"),
        ("Friederike Müller-Şahin", "fr", "friederike-muller-sahin-cv"),
        ("Jürgen Groß-Öztürk", "de_AT", "juergen-gross-oeztuerk-cv"),
        ("ÄRNE Mu\u0308ller", "de", "aerne-mueller-cv"),  # a combining diaeresis
        ("Ana Ribeiro-Søndergaard", "de", "ana-ribeiro-sondergaard-cv"),
    ],
)
def test_pdf_file_name_is_the_author_in_ascii(author: str, language: str, stem: str) -> None:
    assert pdf_stem(author, language) == stem


@pytest.mark.sphinx("latex", testroot="pdf-special", confoverrides={"cv_pdf_filename": "lw.pdf"})
def test_pdf_file_name_is_a_conf_value(app: SphinxTestApp) -> None:
    app.build()
    assert app.config.latex_documents[0][1] == "lw.tex"
    assert (Path(app.outdir) / "lw.tex").is_file()


@pytest.mark.sphinx("latex", testroot="pdf-special", confoverrides={"cv_pdf_filename": "a/b.pdf"})
def test_bad_pdf_file_name_warns_and_uses_the_author(app: SphinxTestApp) -> None:
    app.build()
    assert "cv_pdf_filename 'a/b.pdf' is not a file name" in app.warning.getvalue()
    assert (Path(app.outdir) / "nguyen-van-lukasz-cv.tex").is_file()


@pytest.mark.latex
def test_seed_pdf_is_small(seed_pdf: Path) -> None:
    assert seed_pdf.stat().st_size < 100_000


@pytest.mark.latex
def test_special_characters_print_as_written(special: tuple[Path, str]) -> None:
    pdf, _ = special
    assert_in_order(
        text_of(pdf),
        [
            "Nguyễn Văn Łukasz",
            "lukasz@example.org",
            "São Paulo, Brasil",
            "EXPERIENCE & HONOURS",
            "Universität Zürich & Co. #1 (100% {braces}) Jan 2019 – Current",
            "Assistant_Researcher ~ tilde ^ caret \\ backslash São Paulo $5 & Kraków (#2)",
            "Budget of $1,000 & 50% more_data #tag {x} ~ ^ \\ done",
            "Worked with Łukasz Wróbel and Nguyễn Thị Minh Khai in Zürich",
            "Prize for Łukasz & Nguyễn: 100% {top} 2021",
            "Société Générale (#2) ~ ^ \\ a_b",
            "Paid $500 {tax} ~ ^ \\ snake_case_name",
        ],
    )


@pytest.mark.latex
def test_special_characters_have_glyphs(special: tuple[Path, str]) -> None:
    pdf, warnings = special
    assert "WARNING" not in warnings
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log


@pytest.mark.latex
def test_paper_size_is_a_conf_value(special: tuple[Path, str]) -> None:
    pdf, _ = special  # its conf.py says cv_paper_size = "letter"
    assert "(letter)" in info_of(pdf)["Page size"]
    urls = run("pdfinfo", "-url", pdf)
    assert "https://example.org/a_b?x=1&y=2%20z#frag" in urls


@pytest.mark.sphinx("latex", testroot="pdf-special", confoverrides={"cv_paper_size": "B5"})
def test_unknown_paper_size_warns_and_uses_a4(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "conf.py" in warnings
    assert "cv_paper_size 'B5' is not a paper size; accepted are 'a4' or 'letter'" in warnings
    tex = (Path(app.outdir) / app.config.latex_documents[0][1]).read_text(encoding="utf-8")
    assert r"\documentclass[a4paper," in tex


@pytest.mark.sphinx(
    "latex",
    testroot="pdf-special",
    confoverrides={"latex_elements.pointsize": "11pt", "latex_elements.sphinxsetup": "hmargin=3cm"},
)
def test_conf_py_settings_win_over_the_cv_defaults(app: SphinxTestApp) -> None:
    app.build()
    tex = (Path(app.outdir) / app.config.latex_documents[0][1]).read_text(encoding="utf-8")
    assert r"\documentclass[letterpaper,11pt," in tex
    # The user's sphinxsetup keys come last, so they win.
    assert "hmargin=2cm" in tex
    assert tex.index("hmargin=3cm") > tex.index("hmargin=2cm")
    assert r"\sphinxtableofcontents" not in tex


@pytest.mark.latex
def test_without_a_profile_the_title_is_the_name(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-pdf-noprofile", srcdir)
    pdf, warnings = build_and_compile(srcdir, tmp_path / "_build")
    lines = run("pdftotext", "-raw", pdf, "-").splitlines()
    assert lines[:3] == ["Ada Lovelace", "WORK", "Analytical Engine 1842 – 1843"]
    assert warnings == ""


@pytest.mark.latex
def test_with_a_profile_the_name_is_printed_once(seed_pdf: Path) -> None:
    text = text_of(seed_pdf)
    assert text.startswith("Minhak Song http://songminhak.github.io")
    assert "Minhak Song" not in text[len("Minhak Song") : text.index("EDUCATION")]


@pytest.mark.latex
def test_no_heading_or_entry_title_is_left_at_a_page_foot(tmp_path: Path) -> None:
    # Sections of 1 to 9 entries move headings and titles to every height of the pages.
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'project = "Widow Test"\nextensions = ["myst_parser", "sphinx_cv"]\n'
    )
    pages = [f"section{number}" for number in range(40)]
    toctree = "\n".join(pages)
    (srcdir / "index.md").write_text(f"# Widow Test\n\n```{{toctree}}\n{toctree}\n```\n")
    for number, page in enumerate(pages):
        entries = "".join(
            f":::{{timeline}} Title {number}.{entry}\n:date: 2020\n\n- One\n- Two\n:::\n\n"
            for entry in range(1 + (number * 5) % 9)
        )
        (srcdir / f"{page}.md").write_text(f"# Heading {number}\n\n{entries}")
    pdf, _ = build_and_compile(srcdir, tmp_path / "_build")
    pages_count = int(info_of(pdf)["Pages"])
    assert pages_count >= 3
    for page in range(1, pages_count):  # every page that is followed by another
        text = run("pdftotext", "-raw", "-f", str(page), "-l", str(page), pdf, "-")
        lines = [line for line in text.splitlines() if line.strip()][:-1]  # without the page number
        # A heading or an entry's title has at least its next two lines below it.
        assert not any(line.startswith(("HEADING", "Title")) for line in lines[-2:]), lines[-3:]
