"""LaTeX writers: each node becomes a macro or environment of ``sphinxcv.sty``.

The macros (in ``texinputs/sphinxcv.sty``) decide the look; the writers only
say what each part is. Text is escaped by Sphinx's LaTeX translator.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from .dates import format_dates

#: Opening and closing LaTeX of each node, by node class name.
_WRAPPERS = {
    "cv_list": ("\n\\begin{cvlist}\n", "\\end{cvlist}\n"),
    "cv_entry": ("\\begin{cventry}\n", "\\end{cventry}\n"),
    "cv_entry_header": ("\\cvheader", "\n"),
    "cv_entry_title": ("{", "}"),
    "cv_entry_dates": ("{", "}"),
    "cv_entry_meta": ("\\cvmeta{", "}\n"),
    "cv_entry_field": ("", "}"),
    "cv_entry_body": ("\\begin{cvbody}\n", "\\end{cvbody}\n"),
}


def visit_element(self: LaTeXTranslator, node: nodes.Element) -> None:
    opening = _WRAPPERS[node.__class__.__name__][0]
    if node.__class__.__name__ == "cv_entry_field":
        opening = f"\\cv{node['field']}{{"
    self.body.append(opening)


def depart_element(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(_WRAPPERS[node.__class__.__name__][1])


def visit_dates(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("{")
    if node["spans"]:
        text = format_dates(node["spans"], node["present_label"], node["month_format"])
        self.body.append(self.encode(text) + "}")
        raise nodes.SkipNode


HANDLERS = {
    name: ((visit_dates if name == "cv_entry_dates" else visit_element), depart_element)
    for name in _WRAPPERS
}
