"""Whole builds: every builder, a parallel build, an incremental one, another person's CV."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO_DIR, warning_lines

BUILDERS = ["html", "dirhtml", "singlehtml", "text", "latex"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_other_cv_builds_without_warnings(make_app, rootdir, tmp_path, builder):
    """A different person's CV, written only with DESIGN.md's syntax, builds cleanly."""
    srcdir = tmp_path / "other-cv"
    shutil.copytree(rootdir / "test-other-cv", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert warning_lines(app) == []


def test_other_cv_content(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "other-cv"
    shutil.copytree(rootdir / "test-other-cv", srcdir)
    app = make_app("text", srcdir=srcdir)
    app.build()
    positions = (app.outdir / "positions.txt").read_text(encoding="utf-8")
    assert "ETH Zürich | 1 Sep 2023 \u2013 Present" in positions
    assert "R&D in 100% renewable grids" in positions
    assert "#1 ranked project on $_{x}$-free dispatch" in positions
    assert "5_6 people" in positions
    assert "Universidade de São Paulo | Mar 2018 \u2013 31 Aug 2023" in positions
    assert "Łukasz Kowalski" in positions
    assert "2019 Spring, 2020 Autumn \u2013 2021 Winter" in positions
    assert "Grid-in-a-box | 2017 \u2013 2018" in positions
    honours = (app.outdir / "honours.txt").read_text(encoding="utf-8")
    assert "Société Française de l'Énergie | 5 Nov 2022" in honours
    assert "SFE & Partners" in honours


#: Every builder Sphinx ships, with where its output of the seed CV is.
ALL_BUILDERS = {
    "html": "education.html",
    "dirhtml": "education/index.html",
    "singlehtml": "index.html",
    "text": "education.txt",
    "latex": "*.tex",
    "man": "*.1",
    "texinfo": "*.texi",
    "epub": "education.xhtml",
    "xml": "education.xml",
    "pseudoxml": "education.pseudoxml",
    "gettext": "education.pot",
    "json": "education.fjson",
    "pickle": "education.fpickle",
    "dummy": None,
}
#: Warnings that are Sphinx's about the seed's conf.py, not the CV's.
UPSTREAM_WARNINGS = {"epub": ['conf value "version" should not be empty for EPUB3']}
#: sphinx-book-theme fails on the json and pickle builders without this extension too
#: ("add_metadata_to_page"): those two build the seed with Sphinx's default theme.
THEME_OVERRIDES = {"json": "alabaster", "pickle": "alabaster"}


@pytest.mark.parametrize("builder", ALL_BUILDERS)
def test_every_sphinx_builder_builds_the_seed_cv(make_app, seed_project, builder):
    overrides = {}
    if builder in THEME_OVERRIDES:
        overrides = {"html_theme": THEME_OVERRIDES[builder], "html_theme_options": {}}
    app = make_app(builder, srcdir=seed_project, confoverrides=overrides)
    app.build()
    expected = UPSTREAM_WARNINGS.get(builder, [])
    assert [w for w in warning_lines(app) if not any(e in w for e in expected)] == []
    output = ALL_BUILDERS[builder]
    if output is None:
        return
    data = next(app.outdir.glob(output)).read_bytes()
    if builder == "pickle":
        import pickle

        data = pickle.loads(data)["body"].encode()
    text = data.decode("utf-8")
    if builder == "gettext":  # entries are not messages to translate (yet): the headings are
        assert 'msgid "Education"' in text
        return
    assert "Korea Advanced Institute of Science and Technology" in text, text[:2000]
    if builder not in ("xml", "pseudoxml"):  # those keep the dates as written
        assert "Mar 2020" in text


def sphinx_build(srcdir, outdir, *args):
    """Run sphinx-build as a user does, in its own process (-j forks workers)."""
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", *args, srcdir, outdir]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return result.stderr


def page_outputs(outdir):
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(outdir.glob("*.html"))}


def test_parallel_build_equals_serial(seed_project, tmp_path):
    assert sphinx_build(seed_project, tmp_path / "serial") == ""
    assert sphinx_build(seed_project, tmp_path / "parallel", "-j", "2") == ""
    serial, parallel = page_outputs(tmp_path / "serial"), page_outputs(tmp_path / "parallel")
    assert len(serial) == 12  # index, eight sections, the one-page CV, genindex, search
    assert parallel == serial


def test_incremental_build_updates_records(make_app, seed_project):
    app = make_app("html", srcdir=seed_project)
    app.build()
    domain = app.env.get_domain("cv")
    assert [r.title for r in domain.records("award")][:1] == ["ICLR 2024 Travel Award"]

    awards = seed_project / "awards.md"
    awards.write_text(
        awards.read_text(encoding="utf-8").replace("ICLR 2024 Travel Award", "ICLR 2025 Award"),
        encoding="utf-8",
    )
    (seed_project / "teaching.md").unlink()
    index = seed_project / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("teaching\n", ""), encoding="utf-8")

    app2 = make_app("html", srcdir=seed_project)
    app2.build()
    domain = app2.env.get_domain("cv")
    assert "teaching" not in domain.records_by_doc
    assert [r.title for r in domain.records("award")][:1] == ["ICLR 2025 Award"]
    assert len(list(domain.records("award"))) == 11
