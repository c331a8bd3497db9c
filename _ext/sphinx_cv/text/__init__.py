"""Plain text (``-b text``): the writers of every CV node."""

from __future__ import annotations

from sphinx.application import Sphinx

from ..publications.nodes import PUBLICATION_NODES
from ..source.nodes import ALL_NODES
from .writers import HANDLERS


def setup(app: Sphinx) -> None:
    """Register the text writers."""
    for node in (*ALL_NODES, *PUBLICATION_NODES):
        app.add_node(node, override=True, text=HANDLERS[node.__name__])
