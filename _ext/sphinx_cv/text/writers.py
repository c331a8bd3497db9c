"""Text writers: a plain-text CV, one entry a block.

::

    Title | Mar 2020 – Current
      Role · Location
      - body
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.text import TextTranslator

from ..publications.nodes import bracketed
from ..source.nodes import dates_text


def visit_block(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(0)


def depart_block(self: TextTranslator, node: nodes.Element) -> None:
    # Unwrapped: a line break inside the dates would tear "Mar 2020 – Current" apart.
    self.end_state(wrap=False, end=None)


def visit_indented(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(2)


def depart_indented(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state(end=None)


def visit_dates(self: TextTranslator, node: nodes.Element) -> None:
    if node["spans"]:
        self.add_text(" | " + dates_text(node))
        raise nodes.SkipNode
    self.add_text(" | ")


def visit_field(self: TextTranslator, node: nodes.Element) -> None:
    if node.parent.index(node) > 0:
        self.add_text(" \u00b7 ")


def visit_profile_item(self: TextTranslator, node: nodes.Element) -> None:
    visit_field(self, node)
    self.add_text(f"{node['label']}: ")


def skip(self: TextTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode


def nothing(self: TextTranslator, node: nodes.Element) -> None:
    pass


def depart_entry(self: TextTranslator, node: nodes.Element) -> None:
    # A blank line after each entry, whether or not it ends in a paragraph.
    self.end_state(wrap=False, end=None)
    lines = self.states[-1][-1][1] if self.states[-1] else []
    if not lines or lines[-1] != "":
        self.states[-1].append((0, [""]))


# -- publications (see sphinx_cv.publications.nodes)


def visit_publications(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(0)


def depart_publications(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state(wrap=False)


def visit_publication(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(len(bracketed(node)) + 1)


def depart_publication(self: TextTranslator, node: nodes.Element) -> None:
    self.end_state(first=bracketed(node) + " ")


def visit_math(self: TextTranslator, node: nodes.Element) -> None:
    self.add_text(node["plain"])
    raise nodes.SkipNode


HANDLERS = {
    "cv_list": (visit_block, depart_block),
    "cv_entry": (visit_block, depart_entry),
    "cv_entry_header": (visit_block, depart_block),
    "cv_entry_title": (nothing, nothing),
    "cv_entry_dates": (visit_dates, nothing),
    "cv_entry_meta": (visit_indented, depart_indented),
    "cv_entry_field": (visit_field, nothing),
    "cv_entry_body": (visit_indented, depart_indented),
    "cv_profile": (visit_block, depart_entry),
    "cv_profile_item": (visit_profile_item, nothing),
    "cv_publications": (visit_publications, depart_publications),
    "cv_publication": (visit_publication, depart_publication),
    "cv_math": (visit_math, nothing),
    "cv_photo": (skip, nothing),
    "cv_details": (skip, nothing),
    "cv_bibtex": (skip, nothing),
    "cv_preview": (skip, nothing),
    "cv_rtl": (nothing, nothing),  # its text as it is
}
