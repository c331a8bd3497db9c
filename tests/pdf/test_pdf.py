"""The PDF: compiled with latexmk, read back with poppler as a reader or an ATS would.

Text is extracted with ``pdftotext -raw`` (the order of the page's content
stream, which is how the page reads: title, then its dates on the same line).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import TESTS_DIR, copy_seed_project, require_tool
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.pdf.compile import TOOLS, compile_tex
from sphinx_cv.pdf.settings import pdf_stem

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


def run(*command: str | Path) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def text_of(pdf: Path) -> str:
    """The PDF's text in content order, whitespace collapsed to single spaces."""
    return " ".join(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").split())


def info_of(pdf: Path) -> dict[str, str]:
    lines = run("pdfinfo", pdf).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def assert_in_order(text: str, expected: list[str]) -> None:
    """Each string occurs in ``text``, after the one before it."""
    position = 0
    for fact in expected:
        found = text.find(fact, position)
        assert found >= 0, f"{fact!r} not in order; the text after: {text[position:][:300]!r}"
        position = found + len(fact)


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


# Every fact of the seed CV (/work/shared/seed), in the seed's order; a title
# and its dates (a role and its location) read as one line. Sphinx's smart
# quotes make apostrophes U+2019.
SEED_IN_ORDER = [
    "Minhak Song",
    "http://songminhak.github.io",
    "minhaksong@kaist.ac.kr",
    "EDUCATION",
    "Korea Advanced Institute of Science and Technology Mar 2020 – Current",
    "B.S. in Industrial & Systems Engineering and Mathematical Sciences (double major) "
    "Daejeon, South Korea",
    "Expected graduation: Aug 2026",
    "GPA: 4.19/4.3",
    "Admitted as KAIST Presidential Fellow (KPF, top 3%)",
    "2 years leave of absence for mandatory military service (Feb 2023 – Nov 2024)",
    "University of California, Berkeley Jun 2022 – Oct 2022",
    "Exchange Student Berkeley, United States",
    "$10,000 funding from KAIST Presidential Fellowship",
    "Korea Science Academy of KAIST Mar 2017 – Feb 2020",
    "Busan, South Korea",
    "RESEARCH INTERESTS",
    "Theoretical Foundations of Modern Machine Learning; Optimization; Sampling; Statistics",
    "PUBLICATIONS",
    "RESEARCH AND WORK EXPERIENCE",
    "KAIST Optimization & Machine Learning Laboratory Jan 2022 – Current",
    "Undergraduate Researcher Seoul, South Korea",
    "Advisor: Prof. Chulhee Yun",
    "Research Topics: Deep Learning Theory, Optimization",
    "Upstage AI Sep 2022 – Dec 2022",
    "AI Research Engineer Intern Seoul, South Korea",
    "Designed real-time recommendation models using contextual bandit algorithms "
    "for e-commerce service",
    "KAIST Applied Artificial Intelligence Laboratory Jun 2021 – Dec 2021",
    "Undergraduate Researcher Daejeon, South Korea",
    "Advisor: Prof. Il-Chul Moon",
    "Research Topics: Deep Generative Model, Inverse Problem",
    "SELECTED AWARDS AND SCHOLARSHIPS",
    "ICLR 2024 Travel Award 2024",
    "NeurIPS 2023 Travel Award 2023",
    "Korea Presidential Science Scholarship 2020 – Current",
    "Korean government",
    "$45,000 financial support for honorable undergraduates from Korean government",
    "KAIST Presidential Fellowship 2020 – Current",
    "Honor Society of KAIST (Advisor: Prof. Jaeyoung Byeon)",
    "$30,000 financial support and matching mentor professor",
    "28 undergraduates were selected in around 800 freshmen in KAIST",
    "KAIST Alumni Academic Scholarship 2021 – Current",
    "$15,000 financial support (20 undergraduates in KAIST were selected)",
    "Simon Marais Mathematics Competition, 7th place & Merit Prize 2021",
    "Merit Prize winner, awarded for creative and insightful work on any problem",
    "Department Valedictorian 2021 Spring, 2021 Fall, 2022 Spring",
    "Academic scholarship awarded to the top student (ranked #1) among undergraduates",
    "Dean\u2019s List 2021 Spring, 2021 Fall, 2022 Spring",
    "Top 3% of undergraduates with outstanding academic performance",
    "Talent Award of Korea 2019",
    "Recognizes those individuals who are likely to become Korea\u2019s future leaders and "
    "have performed exemplary talents or outstanding meritorious service",
    "50 high school students, 40 college students, and 10 adults are selected by Korean government",
    "Han Sung Son Jae Han Scholarship for Gifted Students 2018 – 2019",
    "$10,000 financial support for honorable high school students in South Korea",
    "Korean Young Physicists\u2019 Tournament, Grand Prize 2018",
    "TEACHING & ACADEMIC ACTIVITIES",
    "Deep Learning Theory Workshop and Summer School Aug 2022",
    "Summer Cluster: Deep Learning Theory Berkeley, United States",
    "Participant, Simons Institute for the Theory of Computing Workshop",
    "Academic Tutor, KAIST 2021",
    "Calculus I (2021 Spring), Calculus II (2021 Fall)",
    "PROFESSIONAL SERVICES",
    "Conference Reviewer: NeurIPS 2024",
    "SKILLS",
    "Languages: Korean (mother tongue), English (fluent)",
    "Computer Languages & Software: Python, LaTeX, MATLAB",
]


def test_seed_pdf_holds_every_fact_in_reading_order(seed_pdf: Path) -> None:
    assert_in_order(text_of(seed_pdf), SEED_IN_ORDER)


def test_seed_pdf_keeps_dates_on_their_title_line(seed_pdf: Path) -> None:
    # In the page's physical layout too (pdftotext -layout), dates and
    # locations share the line of their title and role.
    lines = [
        " ".join(line.split()) for line in run("pdftotext", "-layout", seed_pdf, "-").splitlines()
    ]
    assert "Korea Advanced Institute of Science and Technology Mar 2020 – Current" in lines
    assert "Undergraduate Researcher Seoul, South Korea" in lines
    assert "Department Valedictorian 2021 Spring, 2021 Fall, 2022 Spring" in lines


def test_seed_pdf_lists_the_publications(seed_pdf: Path) -> None:
    text = text_of(seed_pdf)
    assert "Does SGD really happen in tiny subspaces?" in text
    assert "arXiv:2310.01082" in text


def test_seed_pdf_is_two_a4_pages(seed_pdf: Path) -> None:
    info = info_of(seed_pdf)
    assert info["Pages"] == "2"
    assert "(A4)" in info["Page size"]


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


def test_seed_pdf_fonts_are_one_embedded_family(seed_pdf: Path) -> None:
    rows = run("pdffonts", seed_pdf).splitlines()[2:]
    assert rows
    for row in rows:
        name, *_ = row.split()
        # columns from the right: object ID (2), uni, sub, emb
        emb = row.split()[-5]
        assert emb == "yes", row
        assert "TeXGyrePagella" in name, row


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


def test_seed_pdf_is_small(seed_pdf: Path) -> None:
    assert seed_pdf.stat().st_size < 100_000


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


def test_special_characters_have_glyphs(special: tuple[Path, str]) -> None:
    pdf, warnings = special
    assert "WARNING" not in warnings
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log


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


def test_without_a_profile_the_title_is_the_name(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-pdf-noprofile", srcdir)
    pdf, warnings = build_and_compile(srcdir, tmp_path / "_build")
    lines = run("pdftotext", "-raw", pdf, "-").splitlines()
    assert lines[:3] == ["Ada Lovelace", "WORK", "Analytical Engine 1842 – 1843"]
    assert warnings == ""


def test_with_a_profile_the_name_is_printed_once(seed_pdf: Path) -> None:
    text = text_of(seed_pdf)
    assert text.startswith("Minhak Song http://songminhak.github.io")
    assert "Minhak Song" not in text[len("Minhak Song") : text.index("EDUCATION")]


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
