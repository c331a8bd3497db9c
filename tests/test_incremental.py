"""Incremental builds: after an edit or a deletion, the records, the grouped lists and
every page are what a clean build of the same sources gives; only what depends on
the edited page is read and written again."""

from __future__ import annotations

import re

from conftest import warning_lines
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
