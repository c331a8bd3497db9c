"""The website: HTML writers and what sphinx-book-theme needs for a CV.

- ``writers``: the HTML of every CV node;
- ``static/sphinx_cv.css``: the look of entries; ``static/sphinx_cv.js``: the theme's menus;
- ``owner``: ``html_title`` and the site's address derived from conf.py;
- ``slim`` and ``templates/``: the slim site (``cv_slim_site``), favicon, page titles;
- ``stylesheet``: the slim site's one stylesheet, pruned to what the pages use;
- ``description``: a page's meta description, from its entries;
- ``downloads``: the home page's download line (files offered through ``cv-download``);
- ``icons``: the profile's inline SVG icons; ``sections``: the home page's section cards;
- ``onepage``: ``{cv-all}``, the whole CV on one page;
- ``navigation``: incremental builds rewrite pages whose navigation changed.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import _ as sphinx_

from ..publications.nodes import PUBLICATION_NODES
from ..source.nodes import ALL_NODES
from . import description, downloads, onepage, owner, sections, slim
from .navigation import note_titles, pages_with_new_navigation
from .writers import HANDLERS, add_copy_script

STATIC_DIR = Path(__file__).parent / "static"


def add_static_path(app: Sphinx, config: Config) -> None:
    """Serve ``static/sphinx_cv.css`` with the site."""
    # A new list: appending would change Sphinx's shared default, and with it
    # the next build's in the same process (its build info, so a full rewrite).
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def translate_search_bar(app: Sphinx, config: Config) -> None:
    """The theme's search box says "Search..." in English whatever the language (a theme
    option, not a catalog word): say it with Sphinx's word for "Search" ("Suche...")."""
    options = config.html_theme_options or {}
    if config.html_theme == "sphinx_book_theme" and "search_bar_text" not in options:
        config.html_theme_options = {**options, "search_bar_text": f"{sphinx_('Search')}..."}


def name_the_page(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Give the json and pickle builders' page context its ``pagename``.

    They leave it out, and sphinxext-opengraph reads it (it fails on those
    builders without this extension too).
    """
    context.setdefault("pagename", pagename)


def setup(app: Sphinx) -> None:
    """Register the HTML writers, the stylesheet and the website's hooks."""
    for node in (*ALL_NODES, *PUBLICATION_NODES):
        app.add_node(node, override=True, html=HANDLERS[node.__name__])
    app.connect("config-inited", add_static_path)
    app.connect("config-inited", translate_search_bar)
    app.add_css_file("sphinx_cv.css")
    app.connect("html-page-context", add_copy_script)
    app.connect("html-page-context", name_the_page, priority=100)
    app.connect("env-get-outdated", note_titles)
    app.connect("env-updated", pages_with_new_navigation)
    downloads.setup(app)
    slim.setup(app)
    description.setup(app)
    owner.setup(app)
    sections.setup(app)
    onepage.setup(app)  # after downloads: it offers the page on the download line
