"""The publication list's nodes; each output's writers are in its own package.

::

    cv_publications          one {bibliography} in the CV style, kept in its section
      cv_publication         label="3", docname, ids of the entry's citation target
        paragraph            the entry, rendered by pybtex's docutils backend

The LaTeX macros are in ``pdf/texinputs/sphinxcvpubs.sty``; CSS in ``website/static/sphinx_cv.css``.
"""

from __future__ import annotations

from docutils import nodes


class cv_publications(nodes.General, nodes.Element):
    """A numbered publication list that stays where its ``{bibliography}`` was."""


class cv_publication(nodes.General, nodes.Element):
    """One publication; ``label`` is its number, shown as ``[3]``; ``docname`` its page."""


def bracketed(node: nodes.Element) -> str:
    return f"[{node['label']}]"


PUBLICATION_NODES = (cv_publications, cv_publication)
