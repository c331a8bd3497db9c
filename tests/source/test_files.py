"""The one rule for files: a CV publishes only files inside its project (source/files.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import TESTS_DIR, build_app, warning_lines

PHOTO = TESTS_DIR / "roots" / "test-landing" / "photo.png"
CONF = (
    'project = author = "Ada Lovelace"\n'
    'extensions = ["myst_parser", "sphinx_cv"]\n'
    "exclude_patterns = ['_build']\n"
)


def project(tmp_path: Path, body: str, photo: str = "", conf: str = "") -> Path:
    """A CV in ``tmp_path/project/docs`` with a secret beside the project."""
    (tmp_path / "secret.txt").write_text("the build's secrets", encoding="utf-8")
    shutil.copy(PHOTO, tmp_path / "outside.png")
    srcdir = tmp_path / "project" / "docs"
    srcdir.mkdir(parents=True)
    shutil.copy(PHOTO, srcdir / "photo.png")
    (srcdir / "conf.py").write_text(CONF + conf, encoding="utf-8")
    profile = f":::{{profile}} Ada Lovelace\n:email: ada@example.org\n{photo}:::\n"
    (srcdir / "index.md").write_text(f"# Ada Lovelace\n\n{profile}\n{body}\n", encoding="utf-8")
    return srcdir


def published(app) -> list[str]:
    outdir = Path(app.outdir)
    return sorted(
        str(path.relative_to(outdir))
        for folder in ("_images", "_downloads")
        for path in (outdir / folder).rglob("*")
        if path.is_file()
    )


def test_an_image_outside_the_project_is_left_out(tmp_path):
    srcdir = project(tmp_path, "Text.\n\n![the alt text](../../outside.png)\n")
    app = build_app("html", srcdir, cv_pdf_link=False)
    (warning,) = warning_lines(app)
    assert f"{srcdir / 'index.md'}:9: WARNING: image: '../../outside.png' is outside" in warning
    assert f"accepted is a file in {srcdir}" in warning
    assert published(app) == []
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "the alt text" in html
    assert "outside.png" not in html


def test_a_download_outside_the_project_is_left_out(tmp_path):
    srcdir = project(tmp_path, "Get {download}`the secrets <../../secret.txt>`.\n")
    app = build_app("html", srcdir, cv_pdf_link=False)
    (warning,) = warning_lines(app)
    assert f"{srcdir / 'index.md'}:7: WARNING: download: '../../secret.txt' is outside" in warning
    assert published(app) == []
    assert "the secrets" in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


def test_a_symbolic_link_inside_that_points_outside_is_left_out(tmp_path):
    srcdir = project(tmp_path, "![linked](linked.png)\n")
    os.symlink(tmp_path / "outside.png", srcdir / "linked.png")
    app = build_app("html", srcdir, cv_pdf_link=False)
    (warning,) = warning_lines(app)
    assert "image: 'linked.png' is outside the project" in warning
    assert published(app) == []


def test_files_inside_the_project_are_published(tmp_path):
    srcdir = project(tmp_path, "![inside](photo.png)\n\n{download}`a copy <photo.png>`\n")
    app = build_app("html", srcdir, cv_pdf_link=False)
    assert warning_lines(app) == []
    assert any(path.startswith("_images/") for path in published(app))
    assert any(path.startswith("_downloads/") for path in published(app))


def test_cv_file_folders_names_another_folder(tmp_path):
    srcdir = project(
        tmp_path, "![allowed](../../outside.png)\n", conf="cv_file_folders = ['../..']\n"
    )
    app = build_app("html", srcdir, cv_pdf_link=False)
    assert warning_lines(app) == []
    assert published(app) == ["_images/outside.png"]


@pytest.mark.parametrize(
    ("photo", "problem"),
    [
        ("../../outside.png", "is outside the project and is left out"),
        ("missing.jpg", "there is no file"),
        ("drawing.svg", "an SVG image can hold scripts; save the photo as PNG or JPEG"),
        ("conf.py", "it is not a PNG, JPEG, GIF or WebP image file"),
    ],
)
def test_a_photo_that_cannot_be_published_is_a_located_warning(tmp_path, photo, problem):
    srcdir = project(tmp_path, "", photo=f":photo: {photo}\n")
    (srcdir / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        "<script>alert(1)</script></svg>",
        encoding="utf-8",
    )
    app = build_app("html", srcdir, cv_pdf_link=False)
    (warning,) = warning_lines(app)
    assert f"{srcdir / 'index.md'}:3: WARNING: profile: ':photo:' {photo!r} is ignored" in warning
    assert problem in warning
    assert published(app) == []
    assert "cv-photo" not in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


def test_a_photo_by_its_absolute_path_inside_the_project(tmp_path):
    srcdir = project(tmp_path, "", photo="")
    index = srcdir / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            ":email:", f":photo: {srcdir / 'photo.png'}\n:email:"
        ),
        encoding="utf-8",
    )
    app = build_app("html", srcdir, cv_pdf_link=False)
    assert warning_lines(app) == []
    assert published(app) == ["_images/photo.png"]


def bib_project(tmp_path: Path, preview: str) -> Path:
    srcdir = project(
        tmp_path,
        "```{bibliography}\n:all:\n```\n",
        conf="extensions.append('sphinxcontrib.bibtex')\nbibtex_bibfiles = ['refs.bib']\n"
        "extensions.insert(0, extensions.pop())\n",
    )
    (srcdir / "refs.bib").write_text(
        "@article{a,\n  title = {T},\n  author = {Ada Lovelace},\n  journal = {J},\n"
        f"  year = {{2020}},\n  preview = {{{preview}}}\n}}\n",
        encoding="utf-8",
    )
    return srcdir


@pytest.mark.parametrize("preview", ["../../outside.png", "/etc/passwd"])
def test_a_preview_outside_the_project_is_a_warning_at_its_bib_line(tmp_path, preview):
    srcdir = bib_project(tmp_path, preview)
    app = build_app("html", srcdir, cv_pdf_link=False)
    (warning,) = warning_lines(app)
    assert f"{srcdir / 'refs.bib'}:6: WARNING: a: preview {preview!r} is outside" in warning
    assert published(app) == []
    assert "cv-preview" not in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


def test_a_preview_named_with_url_characters_is_linked_encoded(tmp_path):
    srcdir = bib_project(tmp_path, "a #1?.png")
    shutil.copy(PHOTO, srcdir / "a #1?.png")
    app = build_app("html", srcdir, cv_pdf_link=False)
    assert warning_lines(app) == []
    (image,) = [p for p in published(app) if p.startswith("_images/")]
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'src="_images/a%20%231%3F.png"' in html
    assert image == "_images/a #1?.png"
