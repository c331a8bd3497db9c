"""The publication list's nodes; each output's writers are in its own package.

::

    cv_publications          one {bibliography} in the CV style, kept in its section
      cv_publication         label="3", title (plain), docname, ids of the entry's citation target
        paragraph            the entry, rendered by pybtex's docutils backend
          cv_math            a formula of a bib field: latex (its TeX), plain (as Unicode);
                             children: Text, subscript, superscript (or a literal of
                             the TeX, when too complex to show without a math renderer)
        cv_preview           the bib's ``preview`` image (website only)
        cv_details           summary="Abstract": the bib's ``abstract`` (website only)
        cv_details           summary="BibTeX", with a cv_bibtex: the entry to copy (website only)

On the website a list may be split in groups (``:group: year``): one
``cv_publications`` per group, each after a ``rubric``; the numbers run on.

The LaTeX macros are in ``pdf/latex/texinputs/sphinxcvpubs.sty``, the Typst functions in
``pdf/typst/template/sphinxcv.typ``; CSS in ``website/static/sphinx_cv.css``.
"""

from __future__ import annotations

from docutils import nodes

from .math import Formula


class cv_publications(nodes.General, nodes.Element):
    """A numbered publication list that stays where its ``{bibliography}`` was."""


class cv_publication(nodes.General, nodes.Element):
    """One publication; ``label`` is its number, shown as ``[3]``; ``title`` its title as
    plain text (for the page's description); ``docname`` its page."""


class cv_math(nodes.Inline, nodes.TextElement):
    """A formula: LaTeX typesets ``latex``; text shows ``plain``; HTML its children."""


class cv_details(nodes.General, nodes.Element):
    """What a visitor opens on the website (``<details>``): ``summary`` is its label."""


class cv_bibtex(nodes.General, nodes.FixedTextElement):
    """An entry's BibTeX, with a button that copies it."""


class cv_preview(nodes.image):
    """A paper's preview image, sized from its file (``pixel_width``, ``pixel_height``)."""


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


PUBLICATION_NODES = (cv_publications, cv_publication, cv_math, cv_details, cv_bibtex, cv_preview)
