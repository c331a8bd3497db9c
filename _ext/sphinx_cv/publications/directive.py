"""``{bibliography}`` with the CV's two options, on top of sphinxcontrib-bibtex's.

- ``:group: year`` or ``:group: type``: on the website, the list in groups
  under headings (the year; "Journal articles", "Conference papers", …); the
  numbers run on as without groups, and the PDF keeps one list.
- ``:selected:``: only the entries whose ``keywords`` hold the word
  ``selected`` (``keywords = {selected, optimization}``), on the website only:
  the home page's "Selected publications" would repeat the PDF's list.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinxcontrib.bibtex.directives import BibliographyDirective
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node

GROUPS = ("year", "type")
#: The filter ``:selected:`` stands for (sphinxcontrib-bibtex's ``%`` is a regex search).
SELECTED_FILTER = r'keywords % "(?i)\\bselected\\b"'


class CVBibliographyDirective(BibliographyDirective):
    """sphinxcontrib-bibtex's directive; the node remembers ``group`` and ``website_only``."""

    option_spec: ClassVar[dict] = {
        **BibliographyDirective.option_spec,
        "group": lambda value: directives.choice(value, GROUPS),
        "selected": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        if "selected" in self.options:
            self.options.setdefault("filter", SELECTED_FILTER)
            # Its own citation keys: the full list elsewhere cites the same entries.
            self.options.setdefault("keyprefix", "selected-")
        result = list(super().run())
        for node in result:
            if isinstance(node, bibliography_node):
                node["cv_group"] = self.options.get("group", "")
                node["cv_website_only"] = "selected" in self.options
        return result


def add_directive(app: Sphinx, config: Config) -> None:
    """Replace sphinxcontrib-bibtex's directive, when that extension is loaded."""
    if "sphinxcontrib.bibtex" in app.extensions:
        app.add_directive("bibliography", CVBibliographyDirective, override=True)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", add_directive)
