"""The publication settings of conf.py: ``cv_max_authors`` and ``cv_publication_style``."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_app, warning_lines
from outputs import website_items

BIB = """@article{k, title = {T}, journal = {J}, year = {2024},
  author = {Adams, Ann and Brown, Ben and Chen, Cy and Song, Minhak and Díaz, Di}}
"""


def project(tmp: Path, settings: str) -> Path:
    (tmp / "conf.py").write_text(
        'project = "Minhak Song"\nauthor = "Minhak Song"\n'
        'extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]\n'
        'bibtex_bibfiles = ["refs.bib"]\ncv_pdf_link = False\n' + settings,
        encoding="utf-8",
    )
    (tmp / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp / "index.md").write_text("# Papers\n\n```{bibliography}\n:all:\n```\n", "utf-8")
    return tmp


@pytest.mark.parametrize(
    ("settings", "shown"),
    [
        ("", "Ann Adams, Ben Brown, Cy Chen, Minhak Song, and Di Díaz, J, 2024."),
        (
            "cv_max_authors = 2\n",
            "Ann Adams, Ben Brown, …, Minhak Song, et al. (5 authors), J, 2024.",
        ),
        (
            'cv_publication_style = "vancouver"\ncv_max_authors = 3\n',
            "Adams A, Brown B, Chen C, …, Song M, et al. (5 authors). T. J. 2024.",
        ),
    ],
)
def test_the_settings_shorten_and_order(tmp_path, settings, shown):
    app = build_app("html", project(tmp_path, settings))
    assert warning_lines(app) == []
    [item] = website_items(app, "index")
    assert shown in item.text
    assert "Minhak Song" in item.bold or "Song M" in item.bold


def test_a_bad_value_is_a_warning_at_its_line_and_the_default_is_used(tmp_path):
    conf = 'cv_max_authors = 0\ncv_publication_style = "apa"\n'
    app = build_app("html", project(tmp_path, conf))
    warnings = warning_lines(app)
    conf_py = tmp_path / "conf.py"
    assert any(
        w.startswith(f"{conf_py}:6: WARNING: cv_max_authors = 0 is not a number of names; ")
        and "using the default None" in w
        for w in warnings
    ), warnings
    assert any(
        w.startswith(f"{conf_py}:7: WARNING: cv_publication_style = 'apa' is not a publication ")
        and "accepted is 'cv' or 'vancouver'" in w
        for w in warnings
    ), warnings
    [item] = website_items(app, "index")
    assert "Ann Adams, Ben Brown, Cy Chen, Minhak Song, and Di Díaz" in item.text
