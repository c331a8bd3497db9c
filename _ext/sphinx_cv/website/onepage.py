"""The whole CV on one page: ``{cv-all}`` shows every section of the toctree, in order.

Write it on a page of its own (``docs/cv.md``, with ``orphan: true`` in its
front matter, so that it stays out of the navigation and the PDF) or on the
home page. When the website is written, the directive's place takes the
sections of every page the home page's toctree lists, after the home page's
photo and contacts (the home page and the
page itself left out), as those pages show them; their anchors get the page's
name as a prefix, so that two pages' anchors cannot clash. The pages stay
pages of their own; the home page's download line links the one-page CV, and
the stylesheet's ``@media print`` makes it a clean CV on paper. The site's search
leaves the page out (its words are found on their own pages).
Other outputs (the PDF, text) are the whole CV already: there it is empty.
"""

from __future__ import annotations

import inspect
import posixpath
from typing import ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from ..i18n import N_, _
from ..model import WEBSITE_BUILDERS, toctree_docnames
from ..source.nodes import cv_photo, cv_profile

#: The download line's label of the one-page CV (a msgid, translated where used).
LABEL = N_("Whole CV on one page")
#: The page metadata that marks a page holding ``{cv-all}``.
METADATA = "cv-all"


class cv_all(nodes.General, nodes.Element):
    """Where the sections go; replaced when the page is written."""


class CVAllDirective(SphinxDirective):
    """``{cv-all}``: every section of the CV, here, on the website."""

    has_content = False
    option_spec: ClassVar[dict] = {}

    def run(self) -> list[nodes.Node]:
        metadata = self.env.metadata[self.env.docname]
        metadata[METADATA] = True
        if self.env.docname != self.config.root_doc:
            # Its words are the other pages' words: a search finds them there, once.
            metadata["nosearch"] = True
        node = cv_all()
        self.set_source_info(node)
        return [node]


def fill_page(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put the sections of the CV where ``{cv-all}`` is (on the website; elsewhere nothing)."""
    for placeholder in list(doctree.findall(cv_all)):
        if app.builder.name not in WEBSITE_BUILDERS:
            placeholder.parent.remove(placeholder)
            continue
        sections: list[nodes.Node] = _profile(app) if docname != app.config.root_doc else []
        for page in toctree_docnames(app.env):
            if page in (docname, app.config.root_doc):
                continue
            sections.extend(_page_sections(app, page, docname))
        placeholder.replace_self(sections)


def _profile(app: Sphinx) -> list[nodes.Node]:
    """The home page's photo and contacts, to head the CV as they head the PDF."""
    doctree = app.env.get_doctree(app.config.root_doc)
    return [node.deepcopy() for node in doctree.findall(cv_photo)] + [
        node.deepcopy() for node in doctree.findall(cv_profile)
    ]


def _page_sections(app: Sphinx, page: str, into: str) -> list[nodes.Node]:
    """A page's content as shown on its own page, its anchors prefixed with its name."""
    # Sphinx 9 wants the build's tags (its toctrees' "only"); 7.4 does not know them.
    accepts_tags = "tags" in inspect.signature(app.env.get_and_resolve_doctree).parameters
    extra = {"tags": app.tags} if accepts_tags else {}
    doctree = app.env.get_and_resolve_doctree(page, app.builder, **extra)
    prefix = f"{page.replace('/', '-')}-"
    for node in doctree.findall(nodes.Element):
        node["ids"] = [prefix + node_id for node_id in node.get("ids", [])]
        if isinstance(node, nodes.rubric) and "heading-level" in node:
            node["heading-level"] = min(node["heading-level"] + 1, 6)  # under this page's title
        if node.get("refid"):
            node["refid"] = prefix + node["refid"]
        if isinstance(node, nodes.reference) and node.get("refuri", "").startswith("#"):
            node["refuri"] = "#" + prefix + node["refuri"][1:]
        elif isinstance(node, nodes.reference) and node.get("internal") and "refuri" in node:
            # Links between pages stay right from this page's place in the site.
            node["refuri"] = _relative_again(app, page, into, node["refuri"])
    return [child for child in doctree.children if not isinstance(child, nodes.target)]


def _relative_again(app: Sphinx, page: str, into: str, refuri: str) -> str:
    """A link relative to ``page`` made relative to ``into`` (the same in a flat site)."""
    base = posixpath.dirname(app.builder.get_target_uri(page))
    target = posixpath.normpath(posixpath.join(base, refuri)) if base else refuri
    return relative_uri(app.builder.get_target_uri(into), target)


def pages_to_refill(app: Sphinx, env, added: set, changed: set, removed: set) -> list[str]:
    """When any page changed, the pages holding ``{cv-all}`` are read and written again."""
    if not (added or changed or removed):
        return []
    return [
        docname
        for docname, metadata in env.metadata.items()
        if metadata.get(METADATA) and docname in env.found_docs and docname not in removed
    ]


def offer_page(app: Sphinx) -> tuple[str, str, str] | None:
    """For the download line: the one-page CV, when a page other than the home page has it."""
    if app.builder.name not in WEBSITE_BUILDERS:
        return None
    for docname in sorted(app.env.found_docs):
        if docname != app.config.root_doc and app.env.metadata.get(docname, {}).get(METADATA):
            return _(LABEL), app.builder.get_target_uri(docname), "onepage"
    return None


def setup(app: Sphinx) -> None:
    app.add_directive("cv-all", CVAllDirective)
    app.connect("doctree-resolved", fill_page)
    app.connect("env-get-outdated", pages_to_refill)
    app.connect("cv-download", offer_page, priority=900)  # after the files
