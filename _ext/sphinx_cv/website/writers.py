"""HTML writers: semantic markup styled by ``static/sphinx_cv.css``.

An entry list is a ``<ul>``, an entry an ``<li>``; there are no headings, so
the page outline stays the author's. Each date point is a ``<time>``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ..publications.nodes import bracketed
from ..source.dates import DatePoint, format_dates

#: The HTML element of each node, by node class name.
_TAGS = {
    "cv_list": "ul",
    "cv_entry": "li",
    "cv_entry_header": "div",
    "cv_entry_title": "span",
    "cv_entry_dates": "span",
    "cv_entry_meta": "div",
    "cv_entry_field": "span",
    "cv_entry_body": "div",
    "cv_profile": "ul",
    "cv_profile_item": "li",
}


def visit_element(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, _TAGS[node.__class__.__name__], ""))


def depart_element(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(f"</{_TAGS[node.__class__.__name__]}>")


def visit_profile_item(self: HTML5Translator, node: nodes.Element) -> None:
    visit_element(self, node)
    label = self.encode(node["label"])
    self.body.append(f'<span class="cv-profile-label">{label}:</span> ')


def visit_dates(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", ""))
    if not node["spans"]:
        return  # not a valid date: its text is shown as written

    def time(point: DatePoint, label: str) -> str:
        return f'<time datetime="{point.iso}">{self.encode(label)}</time>'

    present = self.encode(node["present_label"])
    self.body.append(
        format_dates(
            node["spans"], present, node["month_format"], time, language=node.get("language")
        )
    )
    self.body.append("</span>")
    raise nodes.SkipNode


# -- publications (see sphinx_cv.publications.nodes)


def visit_publications(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "ul", ""))


def depart_publications(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</ul>\n")


def visit_publication(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "li", ""))
    label = self.encode(bracketed(node))
    self.body.append(f'<span class="cv-publication-label">{label}</span>')


def depart_publication(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</li>\n")


def visit_math(self: HTML5Translator, node: nodes.Element) -> None:
    # The children are the formula as Unicode with <sub> and <sup> (no math renderer).
    self.body.append(self.starttag(node, "span", "", CLASS="cv-math"))


def depart_math(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


HANDLERS = dict.fromkeys(_TAGS, (visit_element, depart_element))
HANDLERS["cv_entry_dates"] = (visit_dates, depart_element)
HANDLERS["cv_profile_item"] = (visit_profile_item, depart_element)
HANDLERS["cv_publications"] = (visit_publications, depart_publications)
HANDLERS["cv_publication"] = (visit_publication, depart_publication)
HANDLERS["cv_math"] = (visit_math, depart_math)
