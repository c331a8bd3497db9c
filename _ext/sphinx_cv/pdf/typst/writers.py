"""Typst writers of the CV's nodes: each becomes a call of ``template/sphinxcv.typ``.

The functions of the template decide the look; the writers only say what each
part is, passing text as content blocks (``[…]``, escaped by the translator)
and values as strings (:func:`.markup.string_literal`).
"""

from __future__ import annotations

from docutils import nodes

from ...source.nodes import dates_text
from ...source.records import PROFILE_NETWORKS, network_label
from .markup import string_literal, text
from .translator import TypstTranslator


def _open(before: str, after: str):
    def visit(self: TypstTranslator, node: nodes.Element) -> None:
        self.body.append(before)

    def depart(self: TypstTranslator, node: nodes.Element) -> None:
        self.body.append(after)

    return visit, depart


def visit_list(self: TypstTranslator, node: nodes.Element) -> None:
    self.body.append(f"\n#cv-list({string_literal(node['entry_type'])})[")


#: An entry up to this long (its text, in characters) is never split across pages.
KEEP_TOGETHER = 1200


def visit_entry(self: TypstTranslator, node: nodes.Element) -> None:
    entry_type = getattr(node.get("record"), "entry_type", "timeline")
    keep = "true" if len(node.astext()) <= KEEP_TOGETHER else "false"
    self.body.append(f"\n#cv-entry(type: {string_literal(entry_type)}, keep: {keep}, ")


def visit_field(self: TypstTranslator, node: nodes.Element) -> None:
    self.body.append(f"{node['field']}: [")


def visit_dates(self: TypstTranslator, node: nodes.Element) -> None:
    self.body.append("dates: [")
    if node["spans"]:  # else its text, as written
        self.body.append(text(dates_text(node)) + "], ")
        raise nodes.SkipNode


def visit_photo(self: TypstTranslator, node: nodes.Element) -> None:
    # Above the name (the profile that follows prints it), unless cv_pdf_photo = False.
    if self.config.cv_pdf_photo:
        self.cv_photo = self.image_call(node, height="3cm").removeprefix("#")
    raise nodes.SkipNode


def visit_profile(self: TypstTranslator, node: nodes.Element) -> None:
    photo = getattr(self, "cv_photo", None)
    name = text(node["record"].name)
    self.body.append(f"\n#cv-profile([{name}], photo: {photo or 'none'}, items: (")


def visit_profile_item(self: TypstTranslator, node: nodes.Element) -> None:
    if node["field"] in PROFILE_NETWORKS:
        # Short, so that the contact line wraps between whole items: "GitHub: user".
        url = node.next_node(nodes.reference)["refuri"]
        network, shown = network_label(node["field"], url)
        label = f"[{text(network)}]" if network else "none"
        self.body.append(f"cv-network({label}, link({string_literal(url)})[{text(shown)}]), ")
        raise nodes.SkipNode
    self.body.append("[")


def visit_publication(self: TypstTranslator, node: nodes.Element) -> None:
    label = str(node["label"])
    number = label if label.isdigit() else "none"
    self.body.append(f"({number}, [")
    if number == "none":
        self.body.append(f"\\[{text(label)}\\] ")


def visit_math(self: TypstTranslator, node: nodes.Element) -> None:
    # Unicode with sub- and superscripts, as on the website; a formula too complex
    # for that prints as Unicode text (its ``plain``), not as its TeX.
    if any(isinstance(child, nodes.literal) for child in node.children):
        self.body.append(text(node["plain"]))
        raise nodes.SkipNode


def nothing(self: TypstTranslator, node: nodes.Element) -> None:
    pass


def skip(self: TypstTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode


HANDLERS = {
    "cv_list": (visit_list, _open("", "]\n")[1]),
    "cv_entry": (visit_entry, _open("", ")\n")[1]),
    "cv_entry_header": (nothing, nothing),
    "cv_entry_title": _open("title: [", "], "),
    "cv_entry_dates": (visit_dates, _open("", "], ")[1]),
    "cv_entry_meta": (nothing, nothing),
    "cv_entry_field": (visit_field, _open("", "], ")[1]),
    "cv_entry_body": _open("body: [", "], "),
    "cv_profile": (visit_profile, _open("", "))\n")[1]),
    "cv_profile_item": (visit_profile_item, _open("", "], ")[1]),
    "cv_photo": (visit_photo, nothing),
    "cv_rtl": (nothing, nothing),  # Typst sets right-to-left text by itself
    "cv_publications": _open("\n#cv-publications(", ")\n"),
    "cv_publication": (visit_publication, _open("", "]), ")[1]),
    "cv_math": (visit_math, nothing),
    # The website's extras of a publication (never in a PDF's doctree; skipped if they were).
    "cv_details": (skip, nothing),
    "cv_bibtex": (skip, nothing),
    "cv_preview": (skip, nothing),
}
