"""sphinx-cv: an academic CV as a Sphinx project.

Turn it on in ``conf.py`` with::

    extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]

It adds the ``timeline``, ``award`` and ``profile`` directives, their writers for every
builder, the ``cv`` domain that collects their records, the config values
``cv_present_label`` and ``cv_date_format``, and the CSS and LaTeX package
that style them. The PDF's builder settings are in ``latex_settings`` and the
website's link to the PDF in ``pdflink``.

Exports: the ``skills`` and ``interests`` directives (``keywords.py``), the
``jsonresume`` builder whose ``resume.json`` HTML builds also write
(``jsonresume.py``), and the home page's schema.org JSON-LD (``jsonld.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.fileutil import copy_asset_file

from . import (
    description,
    html,
    jsonld,
    jsonresume,
    latex,
    latex_settings,
    pdflink,
    publications,
    text,
    website,
)
from .bibfilter import check_filters
from .config import check_config
from .directives import AwardDirective, ProfileDirective, TimelineDirective
from .domain import CVDomain
from .keywords import InterestsDirective, SkillsDirective
from .navigation import note_titles, pages_with_new_navigation
from .nodes import ALL_NODES
from .transforms import GroupEntries

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).parent
STATIC_DIR = PACKAGE_DIR / "static"
TEXINPUTS_DIR = PACKAGE_DIR / "texinputs"


def enable_myst_syntax(app: Sphinx, config: Config) -> None:
    """Turn on MyST's ``:::`` fences, the form the directives are written in."""
    extensions = getattr(config, "myst_enable_extensions", None)
    if extensions is not None and "colon_fence" not in extensions:
        # A new value: the default may be an object shared between projects.
        config.myst_enable_extensions = [*extensions, "colon_fence"]


def add_static_path(app: Sphinx, config: Config) -> None:
    """Serve ``static/sphinx_cv.css`` with the site."""
    # A new list: appending would change Sphinx's shared default, and with it
    # the next build's in the same process (its build info, so a full rewrite).
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def copy_latex_packages(app: Sphinx, exception: Exception | None) -> None:
    """Put the extension's ``.sty`` files beside the generated ``.tex`` so LaTeX finds them."""
    if exception is None and app.builder.format == "latex":
        for package in sorted(TEXINPUTS_DIR.glob("*.sty")):
            copy_asset_file(package, app.outdir, force=True)  # the newest, not a stale copy


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("cv_present_label", "Present", "env", types=(str,))
    app.add_config_value("cv_date_format", "%b %Y", "env", types=(str,))

    for node in ALL_NODES:
        name = node.__name__
        app.add_node(
            node,
            html=html.HANDLERS[name],
            latex=latex.HANDLERS[name],
            text=text.HANDLERS[name],
        )
    app.add_directive("timeline", TimelineDirective)
    app.add_directive("award", AwardDirective)
    app.add_directive("profile", ProfileDirective)
    app.add_directive("skills", SkillsDirective)
    app.add_directive("interests", InterestsDirective)
    app.add_domain(CVDomain)
    app.add_transform(GroupEntries)

    app.connect("config-inited", enable_myst_syntax)
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_static_path)
    app.connect("build-finished", copy_latex_packages)
    app.connect("doctree-read", check_filters)
    app.connect("env-get-outdated", note_titles)
    app.connect("env-updated", pages_with_new_navigation)
    app.add_css_file("sphinx_cv.css")
    app.add_latex_package("sphinxcv", after_hyperref=True)
    latex_settings.setup(app)
    pdflink.setup(app)
    publications.setup(app)
    jsonresume.setup(app)
    jsonld.setup(app)
    website.setup(app)
    description.setup(app)

    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
