"""The publication list's nodes; each output's writers are in its own package.

::

    cv_publications          one {bibliography} in the CV style, kept in its section
      cv_publication         label="3", docname, ids of the entry's citation target
        paragraph            the entry, rendered by pybtex's docutils backend
          cv_math            a formula of a bib field: latex (its TeX), plain (as Unicode);
                             children: Text, subscript, superscript (or a literal of
                             the TeX, when too complex to show without a math renderer)

The LaTeX macros are in ``pdf/texinputs/sphinxcvpubs.sty``; CSS in ``website/static/sphinx_cv.css``.
"""

from __future__ import annotations

from docutils import nodes

from .math import Formula


class cv_publications(nodes.General, nodes.Element):
    """A numbered publication list that stays where its ``{bibliography}`` was."""


class cv_publication(nodes.General, nodes.Element):
    """One publication; ``label`` is its number, shown as ``[3]``; ``docname`` its page."""


class cv_math(nodes.Inline, nodes.TextElement):
    """A formula: LaTeX typesets ``latex``; text shows ``plain``; HTML its children."""


def math_node(formula: Formula) -> cv_math:
    """The node of a formula: Unicode text with sub- and superscripts, or its TeX as code."""
    if formula.is_complex:
        children = [nodes.literal(formula.plain, formula.plain)]
    else:
        scripts = {"sub": nodes.subscript, "sup": nodes.superscript}
        children = [
            scripts[kind]("", text) if kind in scripts else nodes.Text(text)
            for kind, text in formula.pieces
        ]
    return cv_math("", "", *children, latex=formula.source, plain=formula.plain)


def bracketed(node: nodes.Element) -> str:
    return f"[{node['label']}]"


PUBLICATION_NODES = (cv_publications, cv_publication, cv_math)
