"""The Typst PDF: the default engine, read back as a reader, a screen reader and an ATS would.

The seed's website build (shared, ``seed_website``) writes the CV's and the
résumé's PDFs with Typst; ``-b typst`` builds a CV's PDF alone. The text is
read with poppler (``pdftotext``), the tags and metadata with pikepdf.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TESTS_DIR, build_app, copy_seed_project, require_tool, warning_lines
from hypothesis import given, settings
from hypothesis import strategies as st
from pdftools import SEED_IN_ORDER, assert_in_order, font_names, info_of, run, structure, text_of
from sphinx.testing.util import SphinxTestApp

from sphinx_cv.pdf.site import page_count
from sphinx_cv.pdf.typst.markup import string_literal, text

ROOTS = TESTS_DIR / "roots"
#: Ligatures as code points (fi, fl, ffi, …): an ATS searching "fire" must find it.
LIGATURES = re.compile("[\ufb00-\ufb06]")


def typst_build(srcdir: Path, **overrides) -> tuple[SphinxTestApp, Path]:
    """``-b typst`` of ``srcdir``; the app and its one PDF."""
    require_tool("pdftotext")
    app = build_app("typst", srcdir, **overrides)
    (pdf,) = Path(app.outdir).glob("*.pdf")
    return app, pdf


def copy_root(tmp_path: Path, name: str) -> Path:
    srcdir = tmp_path / name
    shutil.copytree(ROOTS / f"test-{name}", srcdir)
    return srcdir


def layout_text(pdf: Path) -> str:
    return " ".join(run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").split())


def plain_text(pdf: Path) -> str:
    return " ".join(run("pdftotext", "-enc", "UTF-8", pdf, "-").split())


# -- the seed ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_pdfs(seed_website: SphinxTestApp) -> dict[str, Path]:
    require_tool("pdftotext", "pdfinfo")
    outdir = Path(seed_website.outdir)
    return {"cv": outdir / "minhak-song-cv.pdf", "resume": outdir / "minhak-song-resume.pdf"}


def test_the_seed_site_is_built_with_both_typst_pdfs_and_no_warning(seed_website, seed_pdfs):
    assert warning_lines(seed_website) == []
    for pdf in seed_pdfs.values():
        assert info_of(pdf)["Creator"].startswith("Typst")


def test_the_seed_cv_is_two_pages_and_the_resume_one(seed_pdfs):
    assert info_of(seed_pdfs["cv"])["Pages"] == "2"
    assert info_of(seed_pdfs["resume"])["Pages"] == "1"
    assert "A4" in info_of(seed_pdfs["cv"])["Page size"]


def test_every_seed_fact_in_reading_order(seed_pdfs):
    """In content order (``-raw``): a title, then its dates; small caps read as written."""
    expected = [fact.casefold() for fact in SEED_IN_ORDER]
    assert_in_order(text_of(seed_pdfs["cv"]).casefold(), expected)


def test_every_seed_fact_in_the_layout_and_plain_text(seed_pdfs):
    """``pdftotext -layout`` keeps a title and its dates on one line; plain text holds
    every fact too (it sets the right-hand column apart, as for the LaTeX PDF)."""
    layout, plain = layout_text(seed_pdfs["cv"]).casefold(), plain_text(seed_pdfs["cv"])
    plain = plain.replace("\u2019", "'")  # the facts are typed with straight apostrophes
    assert_in_order(layout, [fact.casefold() for fact in SEED_IN_ORDER])
    facts = [
        line.strip() for line in (TESTS_DIR / "data" / "seed_facts.txt").open(encoding="utf-8")
    ]
    facts = [fact for fact in facts if fact and fact[0] not in "#["]
    for fact in facts:
        shown = fact.split(": ", 1)[1] if fact.startswith(("Personal website", "Contact")) else fact
        assert shown in plain, shown


def test_no_ligature_code_points(seed_pdfs):
    for pdf in seed_pdfs.values():
        for mode in ("-raw", "-layout"):
            extracted = run("pdftotext", mode, "-enc", "UTF-8", pdf, "-")
            assert not LIGATURES.search(extracted)
        assert "fi" in plain_text(pdf)  # "financial", "scientific": set, and read back


def test_the_fonts_are_pagella_embedded(seed_pdfs):
    fonts = run("pdffonts", seed_pdfs["cv"]).splitlines()[2:]
    names = set(font_names(seed_pdfs["cv"]))
    assert names <= {
        "TeXGyrePagella-Regular-Identity-H",
        "TeXGyrePagella-Bold-Identity-H",
        "TeXGyrePagella-Italic-Identity-H",
        "TeXGyrePagella-BoldItalic-Identity-H",
    }, names
    assert all(" yes " in f" {line} " for line in fonts)  # embedded


# -- PDF/UA-1: what a screen reader gets ---------------------------------------------


def test_each_pdf_is_tagged_and_declares_pdf_ua_1(seed_pdfs):
    import pikepdf

    for version, pdf in seed_pdfs.items():
        with pikepdf.open(pdf) as document:
            root = document.Root
            assert "/StructTreeRoot" in root
            assert bool(root.MarkInfo.Marked) is True
            assert str(root.Lang) == "en"
            assert bool(root.ViewerPreferences.DisplayDocTitle) is True
            with document.open_metadata() as meta:
                assert meta.get("{http://www.aiim.org/pdfua/ns/id/}part") == "1"
                title = meta.get("{http://purl.org/dc/elements/1.1/}title")
        label = "CV" if version == "cv" else "Résumé"
        assert title == f"Minhak Song – {label}"
        info = info_of(pdf)
        assert info["Title"] == f"Minhak Song – {label}"
        assert info["Author"] == "Minhak Song"
        assert info["Tagged"] == "yes"


def test_headings_in_order_the_name_first(seed_pdfs):
    tags = structure(seed_pdfs["cv"])
    headings = [tag for _, tag, _ in tags if re.fullmatch(r"H\d", tag)]
    assert headings[0] == "H1"
    assert headings.count("H1") == 1
    assert set(headings[1:]) == {"H2"}
    assert len(headings) == 9  # the name and the eight sections


def test_lists_and_links_are_tagged_as_such(seed_pdfs):
    tags = [tag for _, tag, _ in structure(seed_pdfs["cv"])]
    assert tags.count("L") >= 10
    assert tags.count("LI") == tags.count("LBody")
    assert tags.count("Link") >= 12  # contacts, entry titles, papers' links
    assert "P" in tags


@pytest.fixture(scope="module")
def landing_pdf(tmp_path_factory) -> tuple[SphinxTestApp, Path]:
    """A CV with a photo: the PDF shows it above the name."""
    return typst_build(copy_root(tmp_path_factory.mktemp("landing"), "landing"))


def test_the_photo_has_the_owners_name_as_alternative_text(landing_pdf):
    app, pdf = landing_pdf
    figures = [(tag, alt) for _, tag, alt in structure(pdf) if tag == "Figure"]
    assert figures == [("Figure", "Hoa Nguyen")]
    assert warning_lines(app) == []


def test_the_photo_is_left_out_when_the_pdf_has_none(tmp_path):
    _, pdf = typst_build(copy_root(tmp_path, "landing"), cv_pdf_photo=False)
    assert "Figure" not in [tag for _, tag, _ in structure(pdf)]


# -- text that Typst would read as markup or code ----------------------------------


@pytest.fixture(scope="module")
def special(tmp_path_factory) -> tuple[SphinxTestApp, Path, BeautifulSoup]:
    """The CV of Typst's special characters: its PDF, and its website to compare with."""
    srcdir = copy_root(tmp_path_factory.mktemp("typst"), "typst-special")
    app, pdf = typst_build(srcdir)
    html = build_app("html", srcdir, cv_pdf_link=False)
    pages = "".join(
        (Path(html.outdir) / f"{name}.html").read_text(encoding="utf-8")
        for name in ("index", "entries", "publications")
    )
    return app, pdf, BeautifulSoup(pages, "html.parser")


def test_every_field_prints_as_the_website_shows_it(special):
    """Each text the website shows (name, contacts, titles, dates, roles, places, issuer,
    bullets, paragraphs, skills, headings) is in the PDF as written: nothing was read as
    Typst markup or run as Typst code."""
    _app, pdf, soup = special
    shown = soup.select(
        ".cv-entry-title, .cv-entry-dates, .cv-entry-meta span, .cv-entry-body li, "
        ".cv-entry-body p, .cv-skills li, .cv-profile li a, section section > h1"
    )
    texts = [" ".join(element.get_text().replace("¶", "").split()) for element in shown]
    assert len(texts) >= 18
    printed = text_of(pdf)
    for expected in texts:
        assert expected in printed, expected
    # The name, as the profile writes it (the website shows it as the page's title).
    assert printed.startswith('Ann "A" & Co_1 #2 %')


def test_code_in_any_field_does_not_run(special):
    app, pdf, _ = special
    printed = text_of(pdf)
    # A quoted title's own quotes become the inner ones (single quotes).
    for code in (
        "#panic(\u201ctitle ran\u201d)",
        "#panic(\u2018bib ran\u2019)",
        '#read("/etc/hostname")',
    ):
        assert code in printed
    hostname = Path("/etc/hostname")
    if hostname.is_file() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in printed.replace('("/etc/hostname")', "")
    assert warning_lines(app) == [
        line for line in warning_lines(app) if "directive_comments" in line
    ]


def test_a_bib_entry_prints_as_written(special):
    _, pdf, _ = special
    assert (
        "\u201c#panic(\u2018bib ran\u2019) and // not a comment with $5 and @at <lbl> [x].\u201d "
        'Ann "A", B. Co_1, and Zed #2, Journal of *Stars* & _Lines_ #3, 1:1–2, 2024.'
    ) in text_of(pdf)


#: What an author could type: Typst's syntax, quotes, backslashes, Unicode beyond ASCII.
SPECIALS = st.text(
    alphabet=st.sampled_from(list("#$*_`@<>[](){}=+-/\\~'\".:;,!?%&|^ \n\tabcXYZ019é–“ß")),
    min_size=1,
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(value=SPECIALS)
def test_escaped_text_prints_exactly(tmp_path_factory, value: str) -> None:
    """:func:`markup.text` of any string prints it as is (white space folded, as in any
    paragraph); :func:`markup.string_literal` keeps every character."""
    import typst

    require_tool("pdftotext")
    pdf = tmp_path_factory.mktemp("escape") / "t.pdf"
    literal = string_literal(value)
    source = (
        '#set page(width: auto, height: auto)\n#set text(font: "DejaVu Sans Mono")\n'
        f"X{text(value)}X\n\n"
        f'#({literal}.codepoints().map(c => str(c.to-unicode())).join(","))\n'
    )
    typst.compile(source.encode(), output=str(pdf))
    lines = list(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").splitlines())
    folded = re.sub(r"\s+", " ", value)
    assert " ".join(lines[0].split()) == " ".join(f"X{folded}X".split())
    assert lines[1] == ",".join(str(ord(char)) for char in value)


# -- fonts ------------------------------------------------------------------------------


def test_without_system_fonts_the_shipped_pagella_sets_the_cv(tmp_path):
    """A pip install alone: no fonts-texgyre, no TeX; the PDF is in Pagella all the same."""
    docs = copy_seed_project(tmp_path)
    app, pdf = typst_build(docs, cv_pdf_system_fonts=False)
    assert warning_lines(app) == []
    fonts = run("pdffonts", pdf)
    assert "TeXGyrePagella-Regular" in fonts
    assert "DejaVu" not in fonts
    assert "Libertinus" not in fonts


def test_a_character_no_font_has_is_a_located_warning(tmp_path):
    """The character is named with the line that writes it; the PDF is still written."""
    srcdir = copy_root(tmp_path, "pdf-special")
    entries = srcdir / "entries.md"
    lines = entries.read_text(encoding="utf-8").splitlines()
    lines.insert(10, "- Made a \U000f0001 glyph")  # Supplementary Private Use Area-A
    entries.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app, pdf = typst_build(srcdir, cv_pdf_system_fonts=False)
    warnings = warning_lines(app)
    assert len(warnings) == 1, warnings
    assert f"{entries}:" in warnings[0]
    assert "no font prints '\\U000f0001' (U+F0001 " in warnings[0]
    assert "without its PDF/UA-1 declaration" in warnings[0]
    assert "Made a" in text_of(pdf)


def test_a_cjk_cv_without_a_cjk_font_names_the_package(tmp_path):
    docs = copy_seed_project(tmp_path)
    app, pdf = typst_build(docs, language="ko", cv_pdf_system_fonts=False)
    warnings = warning_lines(app)
    assert len(warnings) == 1, warnings
    assert "needs the font Noto Serif CJK KR, which is not installed" in warnings[0]
    assert "fonts-noto-cjk" in warnings[0]
    assert pdf.is_file()


def test_the_korean_cv_prints_korean_in_noto_serif_cjk(tmp_path):
    require_tool("pdffonts")
    import pikepdf

    docs = copy_seed_project(tmp_path)
    app, pdf = typst_build(docs, language="ko")
    assert warning_lines(app) == []
    assert "NotoSerifCJKkr-Regular" in run("pdffonts", pdf)
    text = text_of(pdf)
    assert "송민학" in text or "한국과학기술원" in text, text[:300]
    with pikepdf.open(pdf) as document:
        assert str(document.Root.Lang) == "ko"


# -- every node, every root --------------------------------------------------------------


@pytest.mark.parametrize(
    "root",
    [
        "entries",
        "other-cv",
        "pubs-math",
        "pubs-latex",
        "chemist",
        "astronomer",
        "humanist",
        "clinician",
        "pdf-noprofile",
        "hostile",
        "versions",
    ],
)
def test_every_root_compiles_with_a_writer_for_every_node(tmp_path, root):
    app, pdf = typst_build(copy_root(tmp_path, root))
    no_writer = [line for line in warning_lines(app) if "has no Typst writer" in line]
    assert no_writer == []
    assert page_count(pdf) >= 1


def test_page_count_without_poppler(seed_pdfs, monkeypatch, tmp_path):
    """The download line counts a Typst PDF's pages where pdfinfo is not installed."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert page_count(seed_pdfs["cv"]) == 2
    assert page_count(seed_pdfs["resume"]) == 1


GENERIC = """\
# Ada Example

:::{profile} Ada Example
:email: ada@example.org
:::

## Notes

A paragraph with *emphasis*, **strong**, `code`, H{sub}`2`O, E = mc{sup}`2`, a
[link](https://example.org) and a footnote[^note].

[^note]: The footnote's text.

```{rubric} A rubric
```

1. First numbered
2. Second numbered
   - nested bullet

Term
: Its definition.

> A block quote.

| Year | Prize |
| ---- | ----- |
| 2020 | Gold  |
| 2021 | Silver |

```{note}
An admonition.
```

```python
print("a code block")
```

```{raw} html
<b>raw HTML is left out of a PDF</b>
```

![A figure's alt text](photo.png)

---

The end.
"""


def test_the_nodes_of_any_page_print(tmp_path):
    """Sphinx's own nodes (tables, footnotes, definition lists, admonitions, code, images,
    rubrics) print in the Typst PDF, with no warning."""
    srcdir = tmp_path / "generic"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'project = author = "Ada Example"\nextensions = ["myst_parser", "sphinx_cv"]\n'
        'myst_enable_extensions = ["colon_fence", "deflist"]\n',
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text(GENERIC, encoding="utf-8")
    shutil.copy(ROOTS / "test-landing" / "photo.png", srcdir / "photo.png")
    app, pdf = typst_build(srcdir)
    assert warning_lines(app) == []
    printed = text_of(pdf)
    for expected in (
        # pdftotext sets a superscript apart: "mc2 ,", "footnote1 ."
        "A paragraph with emphasis, strong, code, H2O, E = mc2 , a link and a footnote1 .",
        "1 The footnote\u2019s text.",
        "A rubric",
        "1. First numbered 2. Second numbered • nested bullet",
        "Term: Its definition.",
        "A block quote.",
        "Year Prize 2020 Gold 2021 Silver",
        "Note An admonition.",
        'print("a code block")',
        "The end.",
    ):
        assert expected in printed, (expected, printed)
    assert "raw HTML" not in printed
    tags = [tag for _, tag, _ in structure(pdf)]
    assert "Table" in tags
    assert "Figure" in tags
    assert ("Figure", "A figure's alt text") in [(t, a) for _, t, a in structure(pdf)]
