"""The publication list's nodes and their writers (HTML, LaTeX, text).

::

    cv_publications          one {bibliography} in the CV style, kept in its section
      cv_publication         label="3", docname, ids of the entry's citation target
        paragraph            the entry, rendered by pybtex's docutils backend

The LaTeX macros are in ``texinputs/sphinxcvpubs.sty``; CSS in ``static/sphinx_cv.css``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator


class cv_publications(nodes.General, nodes.Element):
    """A numbered publication list that stays where its ``{bibliography}`` was."""


class cv_publication(nodes.General, nodes.Element):
    """One publication; ``label`` is its number, shown as ``[3]``; ``docname`` its page."""


def bracketed(node: nodes.Element) -> str:
    return f"[{node['label']}]"


# -- HTML


def visit_list_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "ul", ""))


def depart_list_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</ul>\n")


def visit_item_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "li", ""))
    label = self.encode(bracketed(node))
    self.body.append(f'<span class="cv-publication-label">{label}</span>')


def depart_item_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</li>\n")


# -- LaTeX


def visit_list_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{cvpublications}\n")


def depart_list_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\end{cvpublications}\n")


def visit_item_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\\cvpublication{{{self.encode(node['label'])}}}")
    self.body.append(self.hypertarget_to(node, anchor=True))
    # sphinxcontrib-bibtex links citations in LaTeX to \bibitem's anchor
    # "cite.DOCNAME:ID" (written as is); give the entry that anchor too.
    for node_id in node["ids"]:
        self.body.append(f"\\hypertarget{{cite.{node['docname']}:{node_id}}}{{}}")
    self.body.append("%")


def depart_item_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n")


# -- text


def visit_list_text(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(0)


def depart_list_text(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state(wrap=False)


def visit_item_text(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(len(bracketed(node)) + 1)


def depart_item_text(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state(first=bracketed(node) + " ")


HANDLERS = {
    cv_publications: {
        "html": (visit_list_html, depart_list_html),
        "latex": (visit_list_latex, depart_list_latex),
        "text": (visit_list_text, depart_list_text),
    },
    cv_publication: {
        "html": (visit_item_html, depart_item_html),
        "latex": (visit_item_latex, depart_item_latex),
        "text": (visit_item_text, depart_item_text),
    },
}
