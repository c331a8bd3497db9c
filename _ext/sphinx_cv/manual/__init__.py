"""Manual pages (``-b man``) and Texinfo (``-b texinfo``): the writers of every CV node.

Neither format is a CV's home, but every builder Sphinx ships must build the
CV: entries come out as plain paragraphs, "Title | dates", then the role line
and the body.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ..publications.nodes import PUBLICATION_NODES
from ..source.nodes import ALL_NODES
from .writers import HANDLERS


def setup(app: Sphinx) -> None:
    """Register the man and Texinfo writers."""
    for node in (*ALL_NODES, *PUBLICATION_NODES):
        handlers = HANDLERS[node.__name__]
        app.add_node(node, override=True, man=handlers, texinfo=handlers)
