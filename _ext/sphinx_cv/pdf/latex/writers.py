"""LaTeX writers: each node becomes a macro or environment of ``sphinxcv.sty``.

The macros (in ``texinputs/sphinxcv.sty``) decide the look; the writers only
say what each part is. Text is escaped by Sphinx's LaTeX translator.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from ...publications.math import latex_problem
from ...source.nodes import cv_entry, dates_text
from ...source.records import PROFILE_NETWORKS, network_label
from .rtl import rtl_parts
from .settings import FONTS, MAKETITLE, MATH_FONT, METADATA_ONLY
from .texlog import FILE_MARK, SOURCE_MARK

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
    "cv_rtl": ("\\cvrtl{", "}"),
}


def visit_element(self: LaTeXTranslator, node: nodes.Element) -> None:
    if isinstance(node, cv_entry):
        mark_source(self, node)
    self.body.append(_WRAPPERS[node.__class__.__name__][0])


def mark_source(self: LaTeXTranslator, node: nodes.Element, *files: str) -> None:
    """A comment line with the node's ``FILE:LINE``: LaTeX's log problems are shown there."""
    self.body.append("\n")
    if node.source and node.line:
        self.body.append(f"{SOURCE_MARK}{node.source}:{node.line}\n")
    self.body.extend(f"{FILE_MARK}{file}\n" for file in files)


def visit_list(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\n\\begin{{cvlist}}{{{node['entry_type']}}}\n")


def visit_field(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\\cv{node['field']}{{")


def visit_profile(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The profile prints the name: the title block keeps only the PDF metadata.
    if self.elements.get("maketitle") == MAKETITLE:
        self.elements["maketitle"] = METADATA_ONLY
    mark_source(self, node)
    # The name is the record's text, not a node: its right-to-left runs are set here.
    name = "".join(
        f"\\cvrtl{{{self.encode(part)}}}" if is_rtl else self.encode(part)
        for part, is_rtl in rtl_parts(node["record"].name)
    )
    self.body.append(f"\\cvprofile{{{name}}}{{")


def visit_profile_item(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(f"\\cvprofileitem{{{self.encode(node['label'])}}}{{")
    if node["field"] in PROFILE_NETWORKS:
        # Short, so that the contact line wraps between whole items: "GitHub: user".
        url = node.next_node(nodes.reference)["refuri"]
        network, shown = network_label(node["field"], url)
        self.body.append(
            f"\\cvprofilenetwork{{{self.encode(network)}}}"
            f"{{\\sphinxhref{{{self.encode_uri(url)}}}{{{self.encode(shown)}}}}}}}"
        )
        raise nodes.SkipNode


def visit_photo(self: LaTeXTranslator, node: nodes.Element) -> None:
    # Above the name, unless conf.py leaves it out (cv_pdf_photo = False).
    if self.config.cv_pdf_photo:
        name, ext = os.path.splitext(self.builder.images.get(node["uri"], node["uri"]))
        self.body.append(f"\\cvphoto{{\\sphinxincludegraphics[height=3cm]{{{{{name}}}{ext}}}}}\n")
    raise nodes.SkipNode


def skip(self: LaTeXTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode


def depart_element(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(_WRAPPERS[node.__class__.__name__][1])


def visit_dates(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("{")
    if node["spans"]:
        text = dates_text(node)
        self.body.append(self.encode(text) + "}")
        raise nodes.SkipNode


# -- publications (see sphinx_cv.publications.nodes)


def visit_publications(self: LaTeXTranslator, node: nodes.Element) -> None:
    # A character of a title is looked up in the .bib files.
    bibfiles = getattr(self.config, "bibtex_bibfiles", [])
    srcdir = Path(self.builder.srcdir)
    mark_source(self, node, *(str((srcdir / bib).resolve()) for bib in bibfiles))
    self.body.append("\\begin{cvpublications}\n")


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


def visit_math(self: LaTeXTranslator, node: nodes.Element) -> None:
    # The formula as written in the bib file, typeset in math mode; TeX that LaTeX
    # cannot typeset (unbalanced braces, an unknown command, a stray &) would stop
    # the document: it is shown as text instead (the bib check warns at its line).
    if latex_problem(node["latex"]) is None:
        use_math_font(self)
        self.body.append(f"\\ensuremath{{{node['latex']}}}")
    else:
        self.body.append(self.encode(node["plain"]))
    raise nodes.SkipNode


def use_math_font(self: LaTeXTranslator) -> None:
    """With the CV's fonts, a document with a formula sets it in Pagella's math font."""
    preamble = self.elements.get("preamble", "")
    if self.elements.get("fontpkg") == FONTS and MATH_FONT not in preamble:
        self.elements["preamble"] = preamble + MATH_FONT


def depart_math(self: LaTeXTranslator, node: nodes.Element) -> None:
    pass  # skipped by visit_math


HANDLERS = dict.fromkeys(_WRAPPERS, (visit_element, depart_element))
HANDLERS["cv_list"] = (visit_list, depart_element)
HANDLERS["cv_entry_dates"] = (visit_dates, depart_element)
HANDLERS["cv_entry_field"] = (visit_field, depart_element)
HANDLERS["cv_profile"] = (visit_profile, depart_element)
HANDLERS["cv_profile_item"] = (visit_profile_item, depart_element)
HANDLERS["cv_publications"] = (visit_publications, depart_publications)
HANDLERS["cv_publication"] = (visit_publication, depart_publication)
HANDLERS["cv_math"] = (visit_math, depart_math)
HANDLERS["cv_photo"] = (visit_photo, depart_math)
# The website's extras of a publication (never in a LaTeX doctree; skipped if they were).
for _name in ("cv_details", "cv_bibtex", "cv_preview"):
    HANDLERS[_name] = (skip, depart_math)
