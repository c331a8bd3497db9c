"""A page's description for search results and link previews.

On a page of entries, sphinxext-opengraph would take the first 200 characters
of its text, entries run together with their raw dates. This module describes
such a page by what it lists instead, "Minhak Song — Education: Korea
Advanced Institute of Science and Technology; University of California,
Berkeley; …" (a publications page by its papers' titles), as
``<meta name="description">`` and, with sphinxext-opengraph, as
``og:description``. The home page (the one with the ``profile``) is described
by the sections it leads to: "Minhak Song — Curriculum vitae: Education;
Research Interests; …", and so is the whole CV on one page, by the sections it
shows. Other pages keep opengraph's description.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx

from ..i18n import _
from ..publications.nodes import cv_publication
from ..source.nodes import cv_entry_title, cv_profile

#: Search engines show about this many characters.
MAX_LENGTH = 200


def describe(site: str, page: str, titles: list[str]) -> str:
    """ "Site — Page: title; title; …", cut at a word to ``MAX_LENGTH``."""
    head = f"{site} \u2014 {page}: " if site and page != site else f"{page}: "
    text = head + "; ".join(titles)
    if len(text) <= MAX_LENGTH:
        return text + "."
    return text[: MAX_LENGTH - 1].rsplit(" ", 1)[0].rstrip(";,") + "\u2026"


def add_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Put the description of a page of entries into the page's metadata."""
    if doctree is None or "metatags" not in context:
        return
    if 'name="description"' in context["metatags"]:
        return
    profile = next(iter(doctree.findall(cv_profile)), None)
    if profile is not None:
        site, page = profile["record"].name, _("Curriculum vitae")
        titles = section_titles(app, pagename) or subsection_titles(doctree)
    else:
        site = context.get("docstitle") or ""
        page = Markup(context.get("title") or "").striptags()  # the title is HTML
        titles = [title.astext() for title in doctree.findall(cv_entry_title)]
        titles += [paper["title"] for paper in doctree.findall(cv_publication) if paper["title"]]
    if not titles:
        return
    text = html.escape(describe(site, page, titles))
    context["metatags"] += f'\n<meta name="description" content="{text}" />'
    # sphinxext-opengraph writes page metadata into its tags as it is: escaped.
    meta = context.get("meta") or {}
    meta.setdefault("og:description", text)
    context["meta"] = meta


def subsection_titles(doctree: nodes.document) -> list[str]:
    """The titles of the page's sections under its title (the one-page CV's sections)."""
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is None:
        return []
    return [
        child[0].astext()
        for child in top.children
        if isinstance(child, nodes.section) and isinstance(child[0], nodes.title)
    ]


def section_titles(app: Sphinx, pagename: str) -> list[str]:
    """The titles of the pages the page's toctrees list, in order."""
    titles = app.env.titles
    included = app.env.toctree_includes.get(pagename, [])
    return [titles[docname].astext() for docname in included if docname in titles]


def setup(app: Sphinx) -> None:
    # Before sphinxext-opengraph (priority 500), which reads both.
    app.connect("html-page-context", add_description, priority=450)
