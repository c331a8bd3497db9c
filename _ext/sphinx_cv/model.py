"""The CV as one model: every record of the whole CV, in the author's order.

The ``cv`` domain holds the records per document; this module orders them as
the reader meets them (pages as the toctree lists them, entries as their page
does) and adds the bibliography's entries, newest first. Every output that
needs more than its own page reads the CV from here (JSON Resume, JSON-LD,
later versions and languages), so that no output depends on another.
"""

from __future__ import annotations

from typing import Any

from pybtex.database import Entry
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

from .publications.style import newest_first
from .source.records import AwardRecord, KeywordGroup, ProfileRecord, TimelineRecord
from .source.versions import keeps, keeps_publication, max_publications

#: Builders whose output is the website: they get ``resume.json``, the PDF and the JSON-LD.
WEBSITE_BUILDERS = ("html", "dirhtml", "singlehtml")


def toctree_docnames(env: BuildEnvironment) -> list[str]:
    """The documents of the toctree from the root, in reading order (the root first)."""
    order: list[str] = []
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in order or docname not in env.found_docs:
            continue
        order.append(docname)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return order


def ordered_docnames(env: BuildEnvironment) -> list[str]:
    """Documents in reading order (the toctree from the root), then any others by name."""
    order = toctree_docnames(env)
    return order + sorted(env.found_docs - set(order))


def records(env: BuildEnvironment, entry_type: str) -> list[Any]:
    """The domain's records of one type (``timeline``, ``award``, ``profile``, ``keywords``)."""
    by_doc = env.get_domain("cv").records_by_doc
    return [
        record
        for docname in ordered_docnames(env)
        for record in by_doc.get(docname, [])
        if record.entry_type == entry_type and (entry_type == "profile" or keeps(env, record))
    ]


def profile(env: BuildEnvironment) -> ProfileRecord | None:
    """The ``profile`` record: the first in reading order (the home page's)."""
    found = records(env, "profile")
    return found[0] if found else None


def photo_url(env: BuildEnvironment, record: ProfileRecord) -> str:
    """Where the website serves the profile's photo: absolute under ``html_baseurl``, else
    relative to the site's root (where ``resume.json`` is); "" without a photo.

    The HTML builders copy every image to ``_images/`` under a name Sphinx makes unique.
    """
    if not record.photo or "://" in record.photo:
        return record.photo
    # The path as Sphinx's image collector keeps it: relative to the source folder.
    found = env.images.get(env.relfn2path(record.photo, record.docname)[0])
    if not found:
        return ""
    path = "_images/" + found[1]
    base = env.config.html_baseurl
    return f"{base.rstrip('/')}/{path}" if base else path


def timeline(env: BuildEnvironment) -> list[TimelineRecord]:
    """Every ``timeline`` entry, of every kind."""
    return records(env, "timeline")


def awards(env: BuildEnvironment) -> list[AwardRecord]:
    """Every ``award``."""
    return records(env, "award")


def keyword_groups(env: BuildEnvironment) -> list[KeywordGroup]:
    """Every group of the ``skills`` and ``interests`` directives."""
    return records(env, "keywords")


def publications(env: BuildEnvironment) -> list[Entry]:
    """Every entry of ``bibtex_bibfiles`` in this build's version, newest first, as the
    publication list orders them."""
    try:
        domain = env.get_domain("cite")
    except ExtensionError:
        return []  # sphinxcontrib.bibtex is not loaded: no publications
    kept = newest_first(
        e for e in domain.bibdata.data.entries.values() if keeps_publication(env, e)
    )
    return kept[: max_publications(env)]
