"""The slim website: sphinx-book-theme without what a CV does not use.

sphinx-book-theme loads an icon font script (about 600 KiB compressed), the
search index and its scripts on every page. A CV has no search and a handful of
icons, so with ``cv_slim_site = True`` (the default) the extension

- leaves out ``fontawesome.js``, the search scripts, dialog and buttons, and
  Sphinx's ``doctools.js``/``sphinx_highlight.js`` (``templates/``), defers
  the theme's own script, and leaves out ``pygments.css`` on pages without
  code;
- links one stylesheet, the theme's CSS pruned to what the pages use (see
  :mod:`~sphinx_cv.website.stylesheet`), and replaces Bootstrap's script by
  the few lines the theme's two menus need (``static/sphinx_cv.js``);
- draws the theme's few icons with CSS (``static/sphinx_cv.css``), so the icon
  font is never fetched;
- turns off the full-screen and download buttons unless ``conf.py`` sets them;
- titles pages "Project — Page", puts the site title in a landmark, and
  gives the site a favicon with the author's initials unless
  ``html_favicon`` is set;
- says every word in the CV's language: the footer is its own ("Lebenslauf
  von …", not the theme's "By …"), and the theme's buttons that its templates
  write in English get tooltips from the catalog.

Independently of that switch, the publication list gets valid ARIA roles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.writers.html5 import HTML5Translator

from ..i18n import _
from ..model import WEBSITE_BUILDERS
from . import stylesheet

TEMPLATES_DIR = Path(__file__).parent / "templates"

#: Themes whose layout the slim templates extend.
SLIM_THEMES = ("sphinx_book_theme",)

#: Sphinx's scripts for search-term highlighting and keyboard shortcuts.
DROPPED_SCRIPTS = frozenset({"doctools.js", "sphinx_highlight.js"})

#: Scripts that only act once the page is shown: they need not block its paint.
DEFERRED_SCRIPTS = frozenset({"sphinx-book-theme.js"})

#: The scripts of the slim site's pages: the theme's, and ours in Bootstrap's stead.
SCRIPTS = ("scripts/pydata-sphinx-theme.js", "scripts/sphinx-book-theme.js", "sphinx_cv.js")

#: Theme options the slim site changes unless conf.py sets them.
THEME_DEFAULTS = {"use_fullscreen_button": False, "use_download_button": False}

FAVICON_NAME = "favicon.svg"
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    '<rect width="64" height="64" rx="14" fill="#0a5a8c"/>'
    '<text x="32" y="43" font-family="Helvetica, Arial, sans-serif" font-size="30"'
    ' font-weight="700" text-anchor="middle" fill="#fff">{initials}</text></svg>\n'
)


def is_slim(config: Config) -> bool:
    """Whether the slim site is on and the theme is one it knows."""
    return bool(config.cv_slim_site) and config.html_theme in SLIM_THEMES


def configure(app: Sphinx, config: Config) -> None:
    """Put the slim templates on the path and set the theme's defaults."""
    if not is_slim(config):
        return
    # New objects, not appends: an unset value is Sphinx's shared default.
    # Last on the path, so a project's own templates still win.
    config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]
    config.html_theme_options = {**THEME_DEFAULTS, **config.html_theme_options}
    app.add_js_file("sphinx_cv.js", defer="defer")


def only_for_the_website(app: Sphinx) -> None:
    """Other builders of the HTML family (epub, json, pickle) get the theme as it is.

    The slim templates extend sphinx-book-theme's layout, which the epub theme
    lacks; the builder is known only now, after its templates were set up.
    """
    if str(TEMPLATES_DIR) not in app.config.templates_path:
        return
    if app.builder.name in WEBSITE_BUILDERS or not hasattr(app.builder, "init_templates"):
        return
    app.config.templates_path = [
        path for path in app.config.templates_path if path != str(TEMPLATES_DIR)
    ]
    app.builder.init_templates()


def initials(name: str) -> str:
    """Up to two initials of a name: "Minhak Song" gives "MS"."""
    letters = [word[0] for word in name.replace(",", " ").split() if word[0].isalpha()]
    return "".join(letters[:1] + letters[1:][-1:]).upper()


def wants_favicon(app: Sphinx) -> bool:
    """Whether the site gets the initials favicon: slim, HTML, no ``html_favicon``."""
    return (
        app.builder.name in WEBSITE_BUILDERS and is_slim(app.config) and not app.config.html_favicon
    )


def link_favicon(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Point the page at ``_static/favicon.svg``, as ``html_favicon`` would.

    Not through ``html_favicon`` itself: a generated file's path would change
    the configuration's hash from build directory to build directory.
    """
    if wants_favicon(app) and not context.get("favicon_url"):
        context["favicon_url"] = FAVICON_NAME  # Sphinx makes it relative to the page


def write_favicon(app: Sphinx, exception: Exception | None) -> None:
    """Write the SVG favicon with the author's initials into ``_static``."""
    if exception is None and wants_favicon(app):
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        svg = FAVICON.format(initials=escape(initials(app.config.author or "CV")))
        (static / FAVICON_NAME).write_text(svg, encoding="utf-8")


def slim_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Drop the scripts a CV page does not use; put the site title in a landmark."""
    if app.builder.name not in WEBSITE_BUILDERS or not is_slim(app.config):
        return
    if "script_files" not in context:
        return
    if "sidebars" in context:
        context["sidebars"] = [
            "cv-navbar-logo.html" if name == "navbar-logo.html" else name
            for name in context["sidebars"]
        ]
    # In place: the theme adds page scripts to this same list afterwards.
    context["script_files"][:] = [
        _deferred(script) if _name(script) in DEFERRED_SCRIPTS else script
        for script in context["script_files"]
        if _name(script) not in DROPPED_SCRIPTS
    ]
    dropped = stylesheet.REPLACED  # all in the site's stylesheet
    if doctree is not None and doctree.next_node(nodes.literal_block) is None:
        # No highlighted code on the page: its colours would only delay the text.
        dropped |= {"pygments.css"}
    context["css_files"][:] = [
        sheet for sheet in context["css_files"] if _name(sheet) not in dropped
    ]
    if app.config.author:
        context["cv_footer"] = _("Curriculum vitae of {name}").format(name=app.config.author)
    context["cv_stylesheet"] = (
        f"_static/{stylesheet.NAME}?v={stylesheet.current_digest(Path(app.outdir))}"
    )


def write_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    """Write the site's stylesheet, pruned to the pages now in the output directory."""
    if exception is None and app.builder.format == "html" and is_slim(app.config):
        stylesheet.write(Path(app.outdir), Path(app.doctreedir), SCRIPTS)


def _name(asset: Any) -> str:
    """The file name of a script or style sheet entry of the page context."""
    return Path(str(getattr(asset, "filename", asset) or "")).name


def _deferred(script: Any) -> Any:
    """The same script, loaded without holding up the page's first paint."""
    return type(script)(
        script.filename, priority=script.priority, **{**script.attributes, "defer": "defer"}
    )


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    """A citation as a list item of its list.

    docutils gives each entry ``role="doc-biblioentry"``, which ARIA 1.3
    deprecates and which a ``role="list"`` may not contain.
    """
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def own_templates_path(app: Sphinx, config: Config) -> None:
    """A ``templates_path`` of this build's own: the themes append to it, and an unset value
    is Sphinx's one default list, which every later build in the process would inherit."""
    config.templates_path = list(config.templates_path)


def setup(app: Sphinx) -> None:
    """Register the config value, the handlers and the citation writer."""
    app.add_config_value("cv_slim_site", True, "html", types=(bool,))
    # Before anything appends to it (sphinx-book-theme does at 500).
    app.connect("config-inited", own_templates_path, priority=1)
    app.connect("config-inited", configure)
    app.connect("builder-inited", only_for_the_website)
    app.connect("html-page-context", slim_page)
    # Before Sphinx turns favicon_url into a path relative to the page (500).
    app.connect("html-page-context", link_favicon, priority=400)
    app.connect("build-finished", write_favicon)
    app.connect("build-finished", write_stylesheet)
    citation = (visit_citation, HTML5Translator.depart_citation)
    app.add_node(nodes.citation, override=True, html=citation)
