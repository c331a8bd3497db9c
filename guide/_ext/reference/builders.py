"""``{cv-builder} NAME``: one builder sphinx_cv adds (``sphinx-build -b NAME``), described.

The guide writes what it makes; the code gives the name, the module and the
output format. A name the extension does not register is a warning, and so is a
registered builder the guide lacks (:mod:`.registry`).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import registry
from .tables import definition_list, literal


class CVBuilder(SphinxDirective):
    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        name, cls = registry.documenting(self, "builder")
        if cls is None:
            return []
        term = [
            literal(f"sphinx-build -b {name}"),
            nodes.Text(" — defined in "),
            literal(cls.__module__),
        ]
        return [definition_list([(term, self.parse_content_to_nodes())])]


def setup(app) -> None:
    app.add_directive("cv-builder", CVBuilder)
