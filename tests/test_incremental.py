"""Incremental builds: after an edit or a deletion, the records, the grouped lists and
every page are what a clean build of the same sources gives; only what depends on
the edited page is read and written again."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import require_tool, slow_unless, warning_lines
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

PROGRESS = re.compile(r"(reading sources|writing output)\.\.\. \[\s*\d+%\] (\S+)")


def touched(app) -> dict[str, set[str]]:
    """The documents read and written by the last build, from its progress lines."""
    done: dict[str, set[str]] = {"reading sources": set(), "writing output": set()}
    for stage, docname in PROGRESS.findall(strip_colors(app.status.getvalue())):
        done[stage].add(docname)
    return done


def pages(app) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(app.outdir.glob("*.html"))}


def records(app) -> list:
    return list(app.env.get_domain("cv").records())


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(make_app, srcdir, builddir, **kwargs):
    """Build, then undo the app's global registrations so that the next app starts afresh."""
    # The book theme appends to templates_path in place, so in one process a second
    # app would inherit the first one's entries and see changed config: give each its own.
    overrides = {"templates_path": []}
    app = make_app("html", srcdir=srcdir, builddir=builddir, confoverrides=overrides, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def incremental_then_clean(make_app, srcdir, tmp_path):
    """Build again where the first build was, then cleanly elsewhere: both results."""
    again = build(make_app, srcdir, tmp_path / "incremental")
    clean = build(make_app, srcdir, tmp_path / "clean", freshenv=True)
    assert warning_lines(again) == warning_lines(clean) == []
    return again, clean


def test_editing_one_page_rebuilds_only_it(make_app, seed_project, tmp_path):
    first = build(make_app, seed_project, tmp_path / "incremental")
    assert len(touched(first)["writing output"]) == 10

    # One more award, one award fewer, and a paragraph that splits the list in two.
    awards = seed_project / "awards.md"
    edit(awards, ":::{award} ICLR 2024 Travel Award", ":::{award} ICLR 2025 Travel Award")
    text = awards.read_text(encoding="utf-8")
    blocks = text.split("\n:::\n")
    assert blocks[1].lstrip().startswith(":::{award}")
    removed = blocks.pop(1)  # the second award
    blocks.insert(2, "\nAn interruption.\n\n:::{award} A new prize\n:date: 2025-01\n")
    awards.write_text("\n:::\n".join(blocks), encoding="utf-8")

    again, clean = incremental_then_clean(make_app, seed_project, tmp_path)
    # Read: the page and the one-page CV, which shows it. Written: those and index,
    # whose toctree holds the page (Sphinx's rule).
    assert touched(again) == {
        "reading sources": {"awards", "cv"},
        "writing output": {"awards", "cv", "index"},
    }
    assert records(again) == records(clean)
    titles = [r.title for r in records(again) if r.entry_type == "award"]
    assert titles[0] == "ICLR 2025 Travel Award"
    assert "A new prize" in titles
    assert re.search(r":::\{award\} (.+)", removed)[1] not in titles
    # The grouped lists and every page: as a clean build makes them.
    assert pages(again) == pages(clean)
    assert pages(again)["awards.html"].count('class="cv-list cv-award-list"') == 2


def test_deleting_a_page_drops_its_records_everywhere(make_app, seed_project, tmp_path):
    first = build(make_app, seed_project, tmp_path / "incremental")
    assert any(r.docname == "experience" for r in records(first))

    (seed_project / "experience.md").unlink()
    edit(seed_project / "index.md", "experience\n", "")
    edit(seed_project / "conf.py", '"experience", ', "")  # the résumé's sections name it

    again, clean = incremental_then_clean(make_app, seed_project, tmp_path)
    assert "experience" not in touched(again)["reading sources"]
    assert not any(r.docname == "experience" for r in records(again))
    assert records(again) == records(clean)
    # The navigation of every page no longer links the deleted one. (The old
    # experience.html stays on disk, as Sphinx leaves removed pages' output.)
    built = pages(again)
    built.pop("experience.html")
    assert built == pages(clean)
    assert "experience.html" not in built["index.html"]


def test_no_change_build_reads_and_writes_nothing(make_app, seed_project, tmp_path):
    build(make_app, seed_project, tmp_path / "b")
    again = build(make_app, seed_project, tmp_path / "b")
    assert touched(again) == {"reading sources": set(), "writing output": set()}


def test_retitling_a_page_rewrites_every_navigation(make_app, seed_project, tmp_path):
    build(make_app, seed_project, tmp_path / "incremental")
    edit(seed_project / "skills.md", "# ", "# Tools and ")
    again, clean = incremental_then_clean(make_app, seed_project, tmp_path)
    assert touched(again)["reading sources"] == {"skills", "cv"}  # cv shows every page
    assert pages(again) == pages(clean)
    assert "Tools and " in pages(again)["awards.html"]


# -- settings: added, changed or removed between two builds ---------------------

#: For every cv_* setting: lines conf.py keeps, and the setting's line that one
#: build has and the other has not. A new setting needs a line here.
SETTINGS = {
    # The case: "Present" pinned in a German CV, then removed ("heute").
    "cv_present_label": ([], 'cv_present_label = "Present"'),
    "cv_date_format": ([], 'cv_date_format = "%m/%Y"'),
    "cv_semesters": ([], 'cv_semesters = "season"'),
    "cv_highlight_authors": ([], 'cv_highlight_authors = ["Roe, Richard"]'),
    "cv_versions": ([], 'cv_versions = {"cv": {"exclude": ["academic"]}, "kurz": {}}'),
    "cv_version": (
        ['cv_versions = {"cv": {}, "kurz": {"exclude": ["academic"]}}'],
        'cv_version = "kurz"',
    ),
    "cv_slim_site": ([], "cv_slim_site = False"),
    "cv_home_page": ([], 'cv_home_page = ""'),
    "cv_paper_size": ([], 'cv_paper_size = "letter"'),
    "cv_pdf_filename": ([], 'cv_pdf_filename = "grete.pdf"'),
    "cv_pdf_photo": ([], "cv_pdf_photo = False"),
    "cv_pdf_link": ([], "cv_pdf_link = False"),
    "cv_pdf_engine": ([], 'cv_pdf_engine = "latex"'),
    "cv_pdf_system_fonts": ([], "cv_pdf_system_fonts = False"),
    "cv_max_authors": ([], "cv_max_authors = 1"),
    "cv_publication_style": ([], 'cv_publication_style = "vancouver"'),
    # A folder outside the source folder whose image a page shows (see OUTSIDE).
    "cv_file_folders": ([], 'cv_file_folders = ["../outside"]'),
}
#: Settings whose effect needs more than conf.py: files to write, and the warning a
#: build without the setting gives for them.
OUTSIDE = {
    "cv_file_folders": (
        "\n![Ein Foto](../outside/foto.png)\n",
        "image: '../outside/foto.png' is outside the project",
    ),
    # Korean: in the system's Noto CJK only, not in the shipped fonts.
    "cv_pdf_system_fonts": ("\nAuf Koreanisch: 한국어\n", "no font prints"),
}


def pdf_summary(data: bytes) -> str:
    """Who wrote a PDF (Typst or xdvipdfmx) and the fonts it embeds, without subset tags."""
    fonts = sorted(
        {name.split(b"+")[-1].decode() for name in re.findall(rb"/BaseFont\s*/(\S+?)[/\s>]", data)}
    )
    maker = "typst" if b"Typst" in data else "other"
    return f"{maker}: {', '.join(fonts)}"


def build_settings_root(srcdir, builddir, lines: list[str], allowed: str = "") -> dict[str, str]:
    """conf.py with ``lines`` added; an HTML build, then a LaTeX one on its environment:
    every page, resume.json and the .tex (the PDF's input), by file name. No warning but
    one that says ``allowed``."""
    conf = srcdir / "conf.py"
    base = conf.read_text(encoding="utf-8").split("\n# -- the test's lines\n")[0]
    conf.write_text(base + "\n# -- the test's lines\n" + "\n".join(lines) + "\n", "utf-8")
    written = {}
    # The LaTeX builder writes every file each time: no file of the last one's stays.
    shutil.rmtree(builddir / "latex", ignore_errors=True)
    for builder in ("html", "latex"):
        # A list of its own: the book theme appends to the shared default (see build()).
        overrides = {"templates_path": []}
        app = SphinxTestApp(builder, srcdir=srcdir, builddir=builddir, confoverrides=overrides)
        try:
            app.build()
        finally:
            app.cleanup()
        assert [line for line in warning_lines(app) if not allowed or allowed not in line] == []
        for path in sorted(app.outdir.glob("*")):
            if path.suffix in (".html", ".json", ".tex"):
                written[f"{builder}/{path.name}"] = path.read_text(encoding="utf-8")
            elif path.suffix == ".pdf":  # what made it and its fonts (not its date)
                written[f"{builder}/{path.name}"] = pdf_summary(path.read_bytes())
    return written


def test_every_setting_is_tried(rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-settings", srcdir)
    app = SphinxTestApp("dummy", srcdir=srcdir)
    app.cleanup()
    assert {name for name in app.config.values if name.startswith("cv_")} == set(SETTINGS)


def setting_marks(name: str) -> list[pytest.MarkDecorator]:
    """The issue's case runs in the quick suite; the other settings, four builds each, are slow."""
    marks = slow_unless(name == "cv_present_label")
    return [*marks, pytest.mark.latex] if name == "cv_pdf_engine" else marks


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=setting_marks(name)) for name in sorted(SETTINGS)]
)
def test_a_setting_removed_or_added_takes_effect_on_the_next_build(name, rootdir, tmp_path):
    """Sphinx compares each setting's value with the last build's; a value that means
    "the language's" when it is left out must not equal any value one can write."""
    kept, line = SETTINGS[name]
    if name == "cv_pdf_engine":
        require_tool("latexmk", "xelatex")  # the LaTeX engine's PDF
    if name not in ("cv_pdf_link", "cv_pdf_engine", "cv_pdf_system_fonts"):
        kept = [*kept, "cv_pdf_link = False"]  # the website alone: faster
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-settings", srcdir)
    allowed = ""
    if name in OUTSIDE:
        markdown, allowed = OUTSIDE[name]
        (tmp_path / "outside").mkdir()
        shutil.copy(srcdir / "photo.png", tmp_path / "outside" / "foto.png")
        require_tool("fc-list")  # the system's fonts
        index = srcdir / "index.md"
        index.write_text(index.read_text(encoding="utf-8") + markdown, encoding="utf-8")

    # The warning comes with the setting for one, without it for the other.
    with_allowed = allowed if name == "cv_pdf_system_fonts" else ""
    without_allowed = "" if name == "cv_pdf_system_fonts" else allowed
    with_it = build_settings_root(srcdir, tmp_path / "a", [*kept, line], with_allowed)
    without = build_settings_root(srcdir, tmp_path / "b", kept, without_allowed)
    assert with_it != without, f"{line} changes nothing the test looks at"
    # Removed: the next build where it was set is what a clean build gives.
    assert build_settings_root(srcdir, tmp_path / "a", kept, without_allowed) == without
    # Added again where it was not.
    assert build_settings_root(srcdir, tmp_path / "b", [*kept, line], with_allowed) == with_it
