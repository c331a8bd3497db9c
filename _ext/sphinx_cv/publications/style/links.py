"""An entry's links: ``url``, ``doi``, arXiv's ``eprint``, ``pdf``, ``code``, ``slides``.

Each goes through the one URL policy (:mod:`sphinx_cv.source.urls`).
"""

from __future__ import annotations

from pybtex.database import Entry

from ...i18n import _
from ...source.urls import SCHEME, RefusedError, web_url

#: Link fields in the order they are shown (:func:`link_label` names them).
LINK_FIELDS = ("url", "doi", "pdf", "code", "slides")

ARXIV_URL = "https://arxiv.org/abs/{}"
DOI_URL = "https://doi.org/{}"


def link_label(field: str) -> str:
    """A link's label in the build's language: "Paper", "Code"; "DOI" and "PDF" are names."""
    labels = {"url": _("Paper"), "code": _("Code"), "slides": _("Slides")}
    return labels.get(field, field.upper())


def link_target(entry: Entry, field: str) -> str:
    """Where a link field points, under the one URL policy; "" when there is no link.

    ``doi`` may be a DOI name (``10.1000/x``, also ``doi:10.1000/x``) or a URL;
    ``eprint`` links to arXiv when ``archiveprefix`` (or ``eprinttype``) says so.
    Raises :class:`~sphinx_cv.source.urls.RefusedError` for what the policy refuses.
    """
    value = entry.fields.get(field, "").strip()
    if not value:
        return ""
    if field == "eprint":
        prefix = entry.fields.get("archiveprefix", entry.fields.get("eprinttype", ""))
        if prefix.strip().lower() != "arxiv":
            return ""
        value = ARXIV_URL.format(value)
    elif field == "doi" and (value.lower().startswith("doi:") or not SCHEME.match(value)):
        value = DOI_URL.format(value.removeprefix("doi:").removeprefix("DOI:").strip())
    return web_url(value)


def shown_link(entry: Entry, field: str) -> str:
    """:func:`link_target`, or "" for a link the policy refuses (check_entry warns)."""
    try:
        return link_target(entry, field)
    except RefusedError:
        return ""
