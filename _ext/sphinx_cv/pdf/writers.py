"""LaTeX writers: each node becomes a macro or environment of ``sphinxcv.sty``.

The macros (in ``texinputs/sphinxcv.sty``) decide the look; the writers only
say what each part is. Text is escaped by Sphinx's LaTeX translator.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ..source.dates import format_dates
from .settings import MAKETITLE, METADATA_ONLY

#: Opening and closing LaTeX of each node, by node class name.
_WRAPPERS = {
    "cv_list": ("", "\\end{cvlist}\n"),
    "cv_entry": ("\\begin{cventry}\n", "\\end{cventry}\n"),
    "cv_entry_header": ("\\cvheader", "\n"),
    "cv_entry_title": ("{", "}"),
    "cv_entry_dates": ("{", "}"),
    "cv_entry_meta": ("\\cvmeta{", "}\n"),
    "cv_entry_field": ("", "}"),
    "cv_entry_body": ("\\begin{cvbody}\n", "\\end{cvbody}\n"),
    "cv_profile": ("", "}\n"),
    "cv_profile_item": ("", "}"),
}


def visit_element(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(_WRAPPERS[node.__class__.__name__][0])


def visit_list(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\n\\begin{{cvlist}}{{{node['entry_type']}}}\n")


def visit_field(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\\cv{node['field']}{{")


def visit_profile(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The profile prints the name: the title block keeps only the PDF metadata.
    if self.elements.get("maketitle") == MAKETITLE:
        self.elements["maketitle"] = METADATA_ONLY
    self.body.append(f"\n\\cvprofile{{{self.encode(node['record'].name)}}}{{")


def visit_profile_item(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\\cvprofileitem{{{self.encode(node['label'])}}}{{")


def depart_element(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(_WRAPPERS[node.__class__.__name__][1])


def visit_dates(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("{")
    if node["spans"]:
        text = format_dates(node["spans"], node["present_label"], node["month_format"])
        self.body.append(self.encode(text) + "}")
        raise nodes.SkipNode


# -- publications (see sphinx_cv.publications.nodes)


def visit_publications(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n\\begin{cvpublications}\n")


def depart_publications(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\end{cvpublications}\n")


def visit_publication(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\\cvpublication{{{self.encode(node['label'])}}}")
    self.body.append(self.hypertarget_to(node, anchor=True))
    # sphinxcontrib-bibtex links citations in LaTeX to \bibitem's anchor
    # "cite.DOCNAME:ID"; give the entry that anchor too, escaped (a page named
    # "a%b" would comment out the rest of the line).
    for node_id in node["ids"]:
        anchor = self.idescape(f"cite.{node['docname']}:{node_id}")
        self.body.append(f"\\hypertarget{{{anchor}}}{{}}")
    self.body.append("%")


def depart_publication(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\n")


HANDLERS = dict.fromkeys(_WRAPPERS, (visit_element, depart_element))
HANDLERS["cv_list"] = (visit_list, depart_element)
HANDLERS["cv_entry_dates"] = (visit_dates, depart_element)
HANDLERS["cv_entry_field"] = (visit_field, depart_element)
HANDLERS["cv_profile"] = (visit_profile, depart_element)
HANDLERS["cv_profile_item"] = (visit_profile_item, depart_element)
HANDLERS["cv_publications"] = (visit_publications, depart_publications)
HANDLERS["cv_publication"] = (visit_publication, depart_publication)
