"""Writers for the man and Texinfo translators: CV nodes as their paragraphs and text.

Both translators have ``visit_paragraph`` and escape what ``visit_Text`` gets,
so each node is written with the translator's own handlers: the writers
never escape by hand.
"""

from __future__ import annotations

from docutils import nodes

from ..publications.nodes import bracketed
from ..source.nodes import dates_text


def text(self, value: str) -> None:
    """Write ``value`` as the translator writes text (escaped for its format)."""
    nodes.Text(value).walkabout(self)


def visit_paragraph(self, node: nodes.Element) -> None:
    self.visit_paragraph(node)


def depart_paragraph(self, node: nodes.Element) -> None:
    self.depart_paragraph(node)


def nothing(self, node: nodes.Element) -> None:
    pass


def visit_dates(self, node: nodes.Element) -> None:
    text(self, " | ")
    if node["spans"]:
        shown = dates_text(node)
        text(self, shown)
        raise nodes.SkipNode


def visit_field(self, node: nodes.Element) -> None:
    if node.parent.index(node) > 0:
        text(self, " \u00b7 ")
    if "label" in node:
        text(self, f"{node['label']}: ")


def visit_publication(self, node: nodes.Element) -> None:
    """``[3] Title …``: the label and the entry's text in one paragraph."""
    self.visit_paragraph(node)
    text(self, bracketed(node) + " ")
    for paragraph in node.findall(nodes.paragraph):
        for child in paragraph.children:
            child.walkabout(self)
    self.depart_paragraph(node)
    raise nodes.SkipNode


def visit_math(self, node: nodes.Element) -> None:
    """A bib formula as Unicode text (``plain``), as in the text output."""
    text(self, node["plain"])
    raise nodes.SkipNode


def skip(self, node: nodes.Element) -> None:
    raise nodes.SkipNode


PARAGRAPH = (visit_paragraph, depart_paragraph)
CONTAINER = (nothing, nothing)
HANDLERS = {
    "cv_list": CONTAINER,
    "cv_entry": PARAGRAPH,
    "cv_entry_header": PARAGRAPH,
    "cv_entry_title": CONTAINER,
    "cv_entry_dates": (visit_dates, nothing),
    "cv_entry_meta": PARAGRAPH,
    "cv_entry_field": (visit_field, nothing),
    "cv_entry_body": CONTAINER,
    "cv_profile": PARAGRAPH,
    "cv_profile_item": (visit_field, nothing),
    "cv_publications": PARAGRAPH,
    "cv_publication": (visit_publication, nothing),
    "cv_math": (visit_math, nothing),
    # The photo and the website's extras of a publication: not for a manual.
    "cv_photo": (skip, nothing),
    "cv_details": (skip, nothing),
    "cv_bibtex": (skip, nothing),
    "cv_preview": (skip, nothing),
    "cv_rtl": CONTAINER,  # its text as it is
}
