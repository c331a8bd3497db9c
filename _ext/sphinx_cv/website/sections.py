"""The home page's list of sections as cards: each section's title and a line about it.

Sphinx turns the home page's ``toctree`` into a bare list of links. On the
website each link becomes a card with a one-line summary from the ``cv``
domain: "5 entries · latest: KAIST", the first keywords of a skills or
interests page, "3 publications"; a page of plain Markdown shows its first
words. The sidebar's navigation is not touched.
"""

from __future__ import annotations

import textwrap

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..i18n import N_, _, ngettext
from ..source.config import home_page

#: The words of the summaries: msgids of the ``sphinx_cv`` catalog, translated where used.
LABELS = {
    "entry": N_("{count} entry"),
    "entries": N_("{count} entries"),
    "publication": N_("{count} publication"),
    "publications": N_("{count} publications"),
    "latest": N_("latest: {title}"),
}
SEPARATOR = " \u00b7 "
#: How many characters of a plain page's first paragraph its card shows.
FIRST_WORDS = 90


def _count(count: int, singular: str, plural: str) -> str:
    """ "1 entry", "5 entries": the form for ``count`` in the build's language."""
    return ngettext(LABELS[singular], LABELS[plural], count).format(count=count)


def summary(env: BuildEnvironment, docname: str) -> str:
    """One line about a section: its entries, keywords or publications ("" if none)."""
    records = env.get_domain("cv").records_by_doc.get(docname, [])
    entries = [r for r in records if r.entry_type in ("timeline", "award")]
    if entries:
        parts = [_count(len(entries), "entry", "entries")]
        if entries[0].title:
            parts.append(_(LABELS["latest"]).format(title=entries[0].title))
        return SEPARATOR.join(parts)
    keywords = [item for r in records if r.entry_type == "keywords" for item in r.items]
    if keywords:
        shown = "; ".join(keywords[:4])
        return shown + ("; \u2026" if len(keywords) > 4 else "")
    cited = {c.key for c in _citations(env) if c.bibliography_key.docname == docname}
    if cited:
        return _count(len(cited), "publication", "publications")
    return first_words(env, docname)


def first_words(env: BuildEnvironment, docname: str) -> str:
    """A page of plain Markdown (no entries): its first paragraph, shortened to one line."""
    try:
        doctree = env.get_doctree(docname)
    except FileNotFoundError:  # a page listed but not built
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if text:
            return textwrap.shorten(text, FIRST_WORDS, placeholder=" \u2026")
    return ""


def _citations(env: BuildEnvironment) -> list:
    try:
        return env.get_domain("cite").citations
    except Exception:  # sphinxcontrib.bibtex is not loaded
        return []


def section_cards(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On the home page of the website, its toctree becomes a list of section cards.

    At ``doctree-resolved`` the toctree is still the directive's node (Sphinx
    makes it a list of links afterwards); the sidebar's navigation is built
    from the stored home page, so it keeps the toctree.
    """
    if docname != home_page(app.config) or app.builder.format != "html":
        return
    for toctree in list(doctree.findall(addnodes.toctree)):
        if toctree.get("hidden"):
            continue
        cards = nodes.bullet_list("", classes=["cv-sections"])
        for title, target in toctree["entries"]:
            if target in app.env.found_docs:
                uri = app.builder.get_relative_uri(docname, target)
                title = title or app.env.titles[target].astext()
                line = summary(app.env, target)
            else:  # an external link in the toctree
                uri, title, line = target, title or target, ""
            card = nodes.list_item("", classes=["cv-section"])
            link = nodes.reference("", title, refuri=uri, internal=target != uri)
            card += nodes.paragraph("", "", link, classes=["cv-section-title"])
            if line:
                card += nodes.paragraph("", line, classes=["cv-section-summary"])
            cards += card
        toctree.replace_self(cards)


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", section_cards)
