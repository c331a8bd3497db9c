"""Docutils' and Sphinx's own nodes as Typst markup: paragraphs, lists, links, tables, images.

The CV's nodes are written by :mod:`.writers`. Text goes through
:func:`.markup.text` and values through :func:`.markup.string_literal`; the
translator only adds markup of its own. A node it has no writer for is printed
as its plain text, with a warning that says so.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import admonitionlabels
from sphinx.util import logging
from sphinx.util.docutils import SphinxTranslator

from .markup import string_literal, text

logger = logging.getLogger(__name__)

#: docutils' enumerated list types as Typst numbering patterns.
ENUM_PATTERNS = {
    "arabic": "1",
    "loweralpha": "a",
    "upperalpha": "A",
    "lowerroman": "i",
    "upperroman": "I",
}
#: CSS-like lengths of an image's width or height, and their Typst units.
LENGTH = re.compile(r"^\s*([0-9.]+)\s*(%|px|pt|cm|mm|in|em)?\s*$")
PX_TO_PT = 0.75


class TypstTranslator(SphinxTranslator):
    """A doctree (the whole CV, assembled) into the body of a ``.typ`` file."""

    def __init__(self, document: nodes.document, builder: Any) -> None:
        super().__init__(document, builder)
        self.body: list[str] = []
        self.context: list[str] = []
        self.section_level = 0
        #: Whether the CV's profile prints the name (the top title is then left out).
        self.has_profile = any(
            type(node).__name__ == "cv_profile" for node in document.findall(nodes.Element)
        )
        self.title_done = False
        self.unknown: set[str] = set()
        self.list_depth = 0

    def astext(self) -> str:
        return "".join(self.body)

    # -- structure ---------------------------------------------------------------

    def visit_document(self, node: nodes.Element) -> None:
        pass

    def depart_document(self, node: nodes.Element) -> None:
        pass

    def visit_section(self, node: nodes.Element) -> None:
        self.section_level += 1

    def depart_section(self, node: nodes.Element) -> None:
        self.section_level -= 1

    def visit_title(self, node: nodes.Element) -> None:
        parent = node.parent
        if isinstance(parent, nodes.section):
            if not self.title_done:
                # The CV's title (the home page's) is the owner's name: the profile
                # prints it, or this heading does.
                self.title_done = True
                if self.has_profile:
                    raise nodes.SkipNode
            self.body.append(f"\n#heading(level: {max(self.section_level, 1)})[")
            self.context.append("]\n")
        elif isinstance(parent, nodes.table):
            self.body.append("\n#align(center, strong[")
            self.context.append("])\n")
        else:  # topics, admonitions, sidebars: a bold line
            self.body.append("\n#strong[")
            self.context.append("]\n\n")

    def depart_title(self, node: nodes.Element) -> None:
        self.body.append(self.context.pop())

    def visit_subtitle(self, node: nodes.Element) -> None:
        self.body.append("\n#emph[")

    def depart_subtitle(self, node: nodes.Element) -> None:
        self.body.append("]\n\n")

    def visit_rubric(self, node: nodes.Element) -> None:
        self.body.append("\n#block(above: 0.6em, below: 0.3em, sticky: true, strong[")

    def depart_rubric(self, node: nodes.Element) -> None:
        self.body.append("])\n")

    def visit_paragraph(self, node: nodes.Element) -> None:
        pass

    def depart_paragraph(self, node: nodes.Element) -> None:
        self.body.append("\n\n")

    def visit_compound(self, node: nodes.Element) -> None:
        pass

    def depart_compound(self, node: nodes.Element) -> None:
        pass

    visit_container = visit_compound
    depart_container = depart_compound
    visit_start_of_file = visit_compound
    depart_start_of_file = depart_compound
    visit_inline = visit_compound
    depart_inline = depart_compound
    visit_abbreviation = visit_compound
    depart_abbreviation = depart_compound
    visit_acronym = visit_compound
    depart_acronym = depart_compound
    visit_problematic = visit_compound
    depart_problematic = depart_compound

    def visit_transition(self, node: nodes.Element) -> None:
        self.body.append("\n#line(length: 100%, stroke: 0.4pt)\n")
        raise nodes.SkipNode

    def visit_block_quote(self, node: nodes.Element) -> None:
        self.body.append("\n#pad(left: 1.5em)[")

    def depart_block_quote(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    def visit_attribution(self, node: nodes.Element) -> None:
        self.body.append("\n\n#align(end)[— ")

    def depart_attribution(self, node: nodes.Element) -> None:
        self.body.append("]")

    def visit_topic(self, node: nodes.Element) -> None:
        self.body.append("\n#block(above: 0.8em, below: 0.8em)[")

    def depart_topic(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    visit_sidebar = visit_topic
    depart_sidebar = depart_topic

    def visit_admonition(self, node: nodes.Element) -> None:
        self.body.append(
            "\n#block(above: 0.8em, below: 0.8em, inset: (left: 0.8em), "
            "stroke: (left: 0.6pt + luma(120)))["
        )
        name = node.tagname
        if name != "admonition" and not isinstance(node.children[0], nodes.title):
            label = admonitionlabels.get(name) or name.capitalize()
            self.body.append(f"#strong[{text(str(label))}]\n\n")

    def depart_admonition(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    visit_note = visit_tip = visit_hint = visit_important = visit_admonition
    visit_warning = visit_caution = visit_attention = visit_danger = visit_admonition
    visit_error = visit_seealso = visit_admonition
    depart_note = depart_tip = depart_hint = depart_important = depart_admonition
    depart_warning = depart_caution = depart_attention = depart_danger = depart_admonition
    depart_error = depart_seealso = depart_admonition

    def visit_versionmodified(self, node: nodes.Element) -> None:
        pass

    def depart_versionmodified(self, node: nodes.Element) -> None:
        self.body.append("\n\n")

    def visit_centered(self, node: nodes.Element) -> None:
        self.body.append("\n#align(center)[")

    def depart_centered(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    # -- lists -------------------------------------------------------------------

    def visit_bullet_list(self, node: nodes.Element) -> None:
        self.body.append("\n#list(")

    def depart_bullet_list(self, node: nodes.Element) -> None:
        self.body.append(")\n")

    def visit_enumerated_list(self, node: nodes.Element) -> None:
        pattern = node.get("prefix", "") + ENUM_PATTERNS.get(node.get("enumtype"), "1")
        pattern += node.get("suffix", ".")
        start = node.get("start", 1)
        self.body.append(f"\n#enum(numbering: {string_literal(pattern)}, start: {int(start)}, ")

    def depart_enumerated_list(self, node: nodes.Element) -> None:
        self.body.append(")\n")

    def visit_list_item(self, node: nodes.Element) -> None:
        self.body.append("[")

    def depart_list_item(self, node: nodes.Element) -> None:
        self.body.append("], ")

    visit_hlist = visit_compound
    depart_hlist = depart_compound
    visit_hlistcol = visit_compound
    depart_hlistcol = depart_compound

    def visit_definition_list(self, node: nodes.Element) -> None:
        self.body.append("\n#terms(")

    def depart_definition_list(self, node: nodes.Element) -> None:
        self.body.append(")\n")

    def visit_definition_list_item(self, node: nodes.Element) -> None:
        self.body.append("terms.item(")

    def depart_definition_list_item(self, node: nodes.Element) -> None:
        self.body.append("), ")

    def visit_term(self, node: nodes.Element) -> None:
        # Several terms of one item share one "term" argument.
        if node.previous_sibling() is not None and isinstance(node.previous_sibling(), nodes.term):
            self.body[-1] = self.body[-1].removesuffix("], ")
            self.body.append(", ")
        else:
            self.body.append("[")

    def depart_term(self, node: nodes.Element) -> None:
        self.body.append("], ")

    def visit_classifier(self, node: nodes.Element) -> None:
        self.body[-1] = self.body[-1].removesuffix("], ")
        self.body.append(" : #emph[")

    def depart_classifier(self, node: nodes.Element) -> None:
        self.body.append("]], ")

    def visit_definition(self, node: nodes.Element) -> None:
        self.body.append("[")

    def depart_definition(self, node: nodes.Element) -> None:
        self.body.append("]")

    def visit_field_list(self, node: nodes.Element) -> None:
        self.body.append("\n#terms(")

    depart_field_list = depart_definition_list

    def visit_field(self, node: nodes.Element) -> None:
        self.body.append("terms.item(")

    depart_field = depart_definition_list_item

    def visit_field_name(self, node: nodes.Element) -> None:
        self.body.append("[")

    def depart_field_name(self, node: nodes.Element) -> None:
        self.body.append("], ")

    def visit_field_body(self, node: nodes.Element) -> None:
        self.body.append("[")

    def depart_field_body(self, node: nodes.Element) -> None:
        self.body.append("]")

    def visit_option_list(self, node: nodes.Element) -> None:
        self.body.append("\n#terms(")

    depart_option_list = depart_definition_list

    def visit_option_list_item(self, node: nodes.Element) -> None:
        self.body.append("terms.item(")

    depart_option_list_item = depart_definition_list_item

    def visit_option_group(self, node: nodes.Element) -> None:
        options = ", ".join(option.astext() for option in node.children)
        self.body.append(f"raw({string_literal(options)}), ")
        raise nodes.SkipNode

    def visit_description(self, node: nodes.Element) -> None:
        self.body.append("[")

    def depart_description(self, node: nodes.Element) -> None:
        self.body.append("]")

    def visit_line_block(self, node: nodes.Element) -> None:
        self.body.append("\n#block[")

    def depart_line_block(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    def visit_line(self, node: nodes.Element) -> None:
        pass

    def depart_line(self, node: nodes.Element) -> None:
        self.body.append("#linebreak()")

    # -- inline ------------------------------------------------------------------

    def visit_Text(self, node: nodes.Text) -> None:
        self.body.append(text(node.astext()))

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def _wrap(self, before: str, after: str) -> None:
        self.body.append(before)
        self.context.append(after)

    def _unwrap(self, node: nodes.Element) -> None:
        self.body.append(self.context.pop())

    def visit_emphasis(self, node: nodes.Element) -> None:
        self._wrap("#emph[", "]")

    depart_emphasis = _unwrap

    def visit_strong(self, node: nodes.Element) -> None:
        self._wrap("#strong[", "]")

    depart_strong = _unwrap
    visit_title_reference = visit_emphasis
    depart_title_reference = _unwrap
    visit_literal_emphasis = visit_emphasis
    depart_literal_emphasis = _unwrap
    visit_literal_strong = visit_strong
    depart_literal_strong = _unwrap
    visit_manpage = visit_emphasis
    depart_manpage = _unwrap

    def visit_subscript(self, node: nodes.Element) -> None:
        self._wrap("#sub[", "]")

    depart_subscript = _unwrap

    def visit_superscript(self, node: nodes.Element) -> None:
        self._wrap("#super[", "]")

    depart_superscript = _unwrap

    def visit_literal(self, node: nodes.Element) -> None:
        self.body.append(f"#raw({string_literal(node.astext())})")
        raise nodes.SkipNode

    def visit_reference(self, node: nodes.Element) -> None:
        uri = node.get("refuri", "")
        if "://" in uri or uri.startswith(("mailto:", "tel:")):
            self._wrap(f"#link({string_literal(uri)})[", "]")
        else:  # a link inside the CV: its text (the PDF is one document)
            self._wrap("", "")

    depart_reference = _unwrap

    def visit_download_reference(self, node: nodes.Element) -> None:
        pass

    def depart_download_reference(self, node: nodes.Element) -> None:
        pass

    visit_pending_xref = visit_download_reference
    depart_pending_xref = depart_download_reference
    visit_number_reference = visit_download_reference
    depart_number_reference = depart_download_reference

    def visit_footnote_reference(self, node: nodes.Element) -> None:
        # The footnote's text at its mark: Typst numbers and places it.
        footnote = _footnote_of(node)
        if footnote is None:
            self.body.append(f"#super[{text(node.astext())}]")
            raise nodes.SkipNode
        self.body.append("#footnote[")
        for child in footnote.children:
            if not isinstance(child, nodes.label):
                child.walkabout(self)
        self.body.append("]")
        raise nodes.SkipNode

    def visit_footnote(self, node: nodes.Element) -> None:
        # Printed where it is referred to; one nothing refers to is printed here.
        if node.get("backrefs"):
            raise nodes.SkipNode
        self.body.append(f"\n#block[#super[{text(node.next_node(nodes.label).astext())}] ")

    def depart_footnote(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    def visit_citation(self, node: nodes.Element) -> None:
        label = node.next_node(nodes.label)
        shown = f"[{label.astext()}] " if label is not None else ""
        self.body.append(f"\n#block(above: 0.4em)[{text(shown)}")

    def depart_citation(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    def visit_label(self, node: nodes.Element) -> None:
        raise nodes.SkipNode  # printed by its footnote or citation

    visit_citation_reference = visit_download_reference
    depart_citation_reference = depart_download_reference

    # -- code, math, raw -----------------------------------------------------------

    def visit_literal_block(self, node: nodes.Element) -> None:
        language = node.get("language", "")
        lang = f"lang: {string_literal(language)}, " if language not in ("", "default") else ""
        self.body.append(
            f"\n#block(above: 0.6em, below: 0.6em, raw(block: true, {lang}"
            f"{string_literal(node.astext())}))\n"
        )
        raise nodes.SkipNode

    visit_doctest_block = visit_literal_block

    def visit_math(self, node: nodes.Element) -> None:
        # Typst does not read LaTeX's math: its source, said once.
        self.warn_once(node, "math", "a formula is printed as its LaTeX source")
        self.body.append(f"#raw({string_literal(node.astext())})")
        raise nodes.SkipNode

    def visit_math_block(self, node: nodes.Element) -> None:
        self.warn_once(node, "math", "a formula is printed as its LaTeX source")
        self.body.append(f"\n#align(center, raw(block: true, {string_literal(node.astext())}))\n")
        raise nodes.SkipNode

    def visit_raw(self, node: nodes.Element) -> None:
        # Raw Typst is the author's own; raw HTML or LaTeX has no place here (as in LaTeX).
        if "typst" in node.get("format", "").split():
            self.body.append(node.astext())
        raise nodes.SkipNode

    # -- images and tables -------------------------------------------------------

    def visit_image(self, node: nodes.Element) -> None:
        self.body.append(self.image_call(node))
        raise nodes.SkipNode

    def image_call(self, node: nodes.Element, **sizes: str) -> str:
        """``image("…", alt: "…", …)`` of an image node (its file copied beside the ``.typ``)."""
        uri = node["uri"]
        path = self.builder.images.get(uri, PurePosixPath(uri).name)
        alt = node.get("alt") or PurePosixPath(uri).stem
        args = [string_literal(str(path)), f"alt: {string_literal(alt)}"]
        for key in ("width", "height"):
            value = sizes.get(key) or _length(node.get(key, ""))
            if value:
                args.append(f"{key}: {value}")
        return f"#image({', '.join(args)})"

    def visit_figure(self, node: nodes.Element) -> None:
        self.body.append("\n#align(center, block[")

    def depart_figure(self, node: nodes.Element) -> None:
        self.body.append("])\n")

    def visit_caption(self, node: nodes.Element) -> None:
        self.body.append("\n\n#emph[")

    def depart_caption(self, node: nodes.Element) -> None:
        self.body.append("]")

    visit_legend = visit_compound
    depart_legend = depart_compound

    def visit_table(self, node: nodes.Element) -> None:
        self.body.append("\n#block(above: 0.6em, below: 0.6em)[")

    def depart_table(self, node: nodes.Element) -> None:
        self.body.append("]\n")

    def visit_tgroup(self, node: nodes.Element) -> None:
        columns = int(node.get("cols", 1))
        self.body.append(
            f"\n#table(columns: {columns}, stroke: (x, y) => if y == 0 {{ (top: 0.6pt) }}, "
        )

    def depart_tgroup(self, node: nodes.Element) -> None:
        self.body.append("table.hline(stroke: 0.6pt))\n")

    def visit_colspec(self, node: nodes.Element) -> None:
        raise nodes.SkipNode

    def visit_thead(self, node: nodes.Element) -> None:
        self.body.append("table.header(")

    def depart_thead(self, node: nodes.Element) -> None:
        self.body.append("), table.hline(stroke: 0.4pt), ")

    def visit_tbody(self, node: nodes.Element) -> None:
        pass

    def depart_tbody(self, node: nodes.Element) -> None:
        pass

    visit_row = visit_tbody
    depart_row = depart_tbody

    def visit_entry(self, node: nodes.Element) -> None:
        spans = []
        if node.get("morecols"):
            spans.append(f"colspan: {int(node['morecols']) + 1}")
        if node.get("morerows"):
            spans.append(f"rowspan: {int(node['morerows']) + 1}")
        header = isinstance(node.parent.parent, nodes.thead)
        inner = "strong[" if header else "["
        self.body.append(f"table.cell({', '.join(spans)})[#{inner}" if spans or header else "[")
        self.context.append("]], " if spans or header else "], ")

    def depart_entry(self, node: nodes.Element) -> None:
        self.body.append(self.context.pop())

    # -- left out ----------------------------------------------------------------

    def skip(self, node: nodes.Node) -> None:
        raise nodes.SkipNode

    visit_comment = skip
    visit_target = visit_download_reference
    depart_target = depart_download_reference
    visit_substitution_definition = skip
    visit_system_message = skip
    visit_index = skip
    visit_toctree = skip
    visit_meta = skip
    visit_tabular_col_spec = skip
    visit_highlightlang = skip
    visit_only = visit_compound  # resolved before writing; kept ones are written
    depart_only = depart_compound
    visit_desc_signature_line = visit_compound
    depart_desc_signature_line = depart_compound

    def visit_decoration(self, node: nodes.Element) -> None:
        raise nodes.SkipNode

    # -- anything else -------------------------------------------------------------

    def warn_once(self, node: nodes.Node, kind: str, what: str) -> None:
        """A located warning, once per kind of node and build."""
        if kind in self.unknown:
            return
        self.unknown.add(kind)
        logger.warning(
            "the Typst PDF: %s (cv_pdf_engine = 'latex' sets it as on the website)",
            what,
            location=node,
            type="cv",
            subtype="typst",
        )

    def unknown_visit(self, node: nodes.Node) -> None:
        # What no writer knows is printed as its text, and said once.
        name = node.__class__.__name__
        self.warn_once(node, name, f"{name!r} has no Typst writer; its text is printed plain")
        if isinstance(node, nodes.Inline | nodes.TextElement) or isinstance(
            node.parent, nodes.TextElement
        ):
            self.body.append(text(node.astext()))
        else:
            self.body.append(f"\n{text(node.astext())}\n\n")
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        pass


def _footnote_of(reference: nodes.Element) -> nodes.Element | None:
    """The footnote a reference points to, on its own page (ids repeat across the pages of
    an assembled CV)."""
    page = reference.parent
    while page.parent is not None and not isinstance(page, addnodes.start_of_file):
        page = page.parent
    refid = reference.get("refid", "")
    return next((f for f in page.findall(nodes.footnote) if refid in f["ids"]), None)


def _length(value: str) -> str:
    """A CSS-like length ("50%", "200px", "3cm") in Typst units, or "" if unreadable."""
    found = LENGTH.match(str(value or ""))
    if not found:
        return ""
    number, unit = float(found.group(1)), found.group(2) or "px"
    if unit == "px":
        return f"{number * PX_TO_PT:g}pt"
    return f"{number:g}{unit}"
