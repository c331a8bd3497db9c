"""``{cv-warnings}``: every ``cv.*`` warning type, from ``sphinx_cv.warning_types``.

The list is the code's (``tests/test_warning_types.py`` keeps it complete);
its Markdown (``:date:`` in backquotes) is read as inline Markdown.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cv.warning_types import TYPE, WARNING_TYPES

from .tables import literal, table


class CVWarnings(SphinxDirective):
    """A table: the type, where it points, what it is about, what to do."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for subtype, kind in WARNING_TYPES.items():
            name = literal(f"{TYPE}.{subtype}")
            target = nodes.target("", "", ids=[f"warning-{TYPE}-{subtype}"])
            words = [self.inline(text) for text in (kind.where, kind.about, kind.fix)]
            rows.append([[target, name], *words])
        return [table(["type", "points at", "what it is about", "what to do"], rows)]

    def inline(self, text: str) -> list[nodes.Node]:
        parsed, messages = self.parse_inline(text, lineno=self.lineno)
        return [*parsed, *messages]


def setup(app) -> None:
    app.add_directive("cv-warnings", CVWarnings)
