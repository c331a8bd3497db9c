"""An entry's links: its address, identifiers, records in databases, and files.

Every link goes through the one URL policy (:mod:`sphinx_cv.source.urls`), is
labelled as its site is known, and is shown once: a second field that points to
an address already linked (DBLP's ``url`` that is the DOI's address, an arXiv
``@misc``'s ``url``) is left out, the named identifier kept.

- ``url`` [Paper]; identifiers: ``eprint`` with ``archiveprefix``/``eprinttype``
  arXiv [arXiv:ID], ASCL [ascl:ID], PubMed, JSTOR, HDL; al-folio's ``arxiv``;
  ``doi`` [DOI]; ``pmid`` [PMID 123]; ``pmcid`` [PMC123]; trial numbers
  (``NCT01234567``) in any field, linked where they are written;
- records: NASA ADS's ``adsurl`` [ADS], INSPIRE's ``inspirehep_id`` [INSPIRE],
  DBLP's ``biburl`` [dblp]; biblatex-software's ``swhid`` [Software Heritage] and
  ``hal_id`` [HAL], and its ``repository`` as [Code];
- files and pages: ``pdf``, ``html``, ``code``, ``slides``, ``poster``, ``supp``,
  ``video``, ``website``, ``blog``. A relative file (al-folio's ``pdf =
  {paper.pdf}``) is not a URL: the website links it (:mod:`..extras`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from pybtex.database import Entry

from ...i18n import N_, _
from ...source.urls import SCHEME, RefusedError, web_url
from .fields import field

ARXIV_URL = "https://arxiv.org/abs/{}"
DOI_URL = "https://doi.org/{}"
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"
PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{}/"
TRIAL_URL = "https://clinicaltrials.gov/study/{}"
INSPIRE_URL = "https://inspirehep.net/literature/{}"
SWH_URL = "https://archive.softwareheritage.org/{}"
HAL_URL = "https://hal.science/{}"

#: ``eprinttype`` (or ``archiveprefix``) values, their address and how the link reads.
EPRINT_TYPES = {
    "arxiv": (ARXIV_URL, "arXiv:{}"),
    "ascl": ("https://ascl.net/{}", "ascl:{}"),
    "pubmed": (PUBMED_URL, "PMID {}"),
    "pmc": (PMC_URL, "{}"),
    "jstor": ("https://www.jstor.org/stable/{}", "JSTOR {}"),
    "hdl": ("https://hdl.handle.net/{}", "hdl:{}"),
    "googlebooks": ("https://books.google.com/books?id={}", "Google Books"),
}

#: Fields that hold a link to a page or a file, in the order they are shown, and their
#: labels (msgids; "PDF", "HTML" are names).
PAGE_FIELDS = {
    "pdf": "PDF",
    "html": "HTML",
    "code": N_("Code"),
    "slides": N_("Slides"),
    "poster": N_("Poster"),
    "supp": N_("Supplement"),
    "video": N_("Video"),
    "website": N_("Website"),
    "blog": N_("Blog"),
}
#: Of those, the ones al-folio lets be a file of the site (``pdf = {paper.pdf}``).
FILE_FIELDS = ("pdf", "html", "slides", "poster", "supp")
#: Every field that becomes a link (checked against the URL policy by :mod:`.checks`).
LINK_FIELDS = (
    "url",
    "eprint",
    "arxiv",
    "doi",
    "pmid",
    "pmcid",
    "adsurl",
    "inspirehep_id",
    "biburl",
    "swhid",
    "hal_id",
    "repository",
    *PAGE_FIELDS,
)
_LINK_FIELD_SET = frozenset(LINK_FIELDS)
TRIAL_NUMBER = re.compile(r"\bNCT[0-9]{8}\b")


@dataclass(frozen=True)
class Link:
    """One link of an entry: the field it comes from, its label and its address."""

    field: str
    label: str
    url: str


def link_label(name: str) -> str:
    """A page or file link's label in the build's language: "Paper", "Code"; "PDF" a name."""
    if name == "url":
        return _("Paper")
    label = PAGE_FIELDS.get(name)
    if label is None:
        return name.upper()
    return label if label in ("PDF", "HTML") else _(label)


def is_file(entry: Entry, name: str) -> bool:
    """Whether a file field holds a path of the site (al-folio's ``pdf = {paper.pdf}``)."""
    value = entry.fields.get(name, "").strip()
    return name in FILE_FIELDS and bool(value) and not SCHEME.match(value) and ":" not in value


def link_target(entry: Entry, name: str) -> str:
    """Where a link field points, under the one URL policy; "" when there is no link.

    ``doi`` may be a DOI name (``10.1000/x``, also ``doi:10.1000/x``) or a URL;
    ``eprint`` links to its archive when ``archiveprefix`` (or ``eprinttype``) names
    one of :data:`EPRINT_TYPES`; a file of the site (:func:`is_file`) is "" here.
    Raises :class:`~sphinx_cv.source.urls.RefusedError` for what the policy refuses.
    """
    value = entry.fields.get(name)
    if not value or is_file(entry, name):
        return ""
    value = value.strip().replace("&amp;", "&")
    if name == "eprint":
        kind = EPRINT_TYPES.get(field(entry, "archiveprefix").strip().lower())
        if kind is None:
            return ""
        value = kind[0].format(value.removeprefix("arXiv:"))
    elif name == "arxiv":
        value = ARXIV_URL.format(value.removeprefix("arXiv:"))
    elif name == "doi" and (value.lower().startswith("doi:") or not SCHEME.match(value)):
        value = DOI_URL.format(value.removeprefix("doi:").removeprefix("DOI:").strip())
    elif name == "pmid" and not SCHEME.match(value):
        value = PUBMED_URL.format(value.removeprefix("PMID:").strip())
    elif name == "pmcid" and not SCHEME.match(value):
        value = PMC_URL.format(pmc_id(value))
    elif name == "inspirehep_id" and not SCHEME.match(value):
        value = INSPIRE_URL.format(value)
    elif name == "biburl":
        value = dblp_record(value)
    elif name == "swhid" and value.lower().startswith("swh:"):
        # biblatex-software may add the origin after a ";": the identifier is the first part.
        value = SWH_URL.format(value.split(";")[0].strip())
    elif name == "hal_id" and not SCHEME.match(value):
        value = HAL_URL.format(value)
    return web_url(value)


def pmc_id(value: str) -> str:
    """``PMC1234567`` as PMC writes it (``1234567`` and ``pmc1234567`` too)."""
    digits = re.sub(r"^(?:PMCID:\s*)?(?:PMC)?", "", value.strip(), flags=re.IGNORECASE)
    return f"PMC{digits}"


def dblp_record(value: str) -> str:
    """DBLP's ``biburl`` (the BibTeX of a record) as the record's page."""
    value = re.sub(
        r"^https?://dblp\.uni-trier\.de/rec/(?:bib/|bibtex/)?", "https://dblp.org/rec/", value
    )
    value = re.sub(r"^(https://dblp\.org/rec/)(?:bib/|bibtex/)", r"\1", value)
    return value.removesuffix(".bib").removesuffix(".html")


def shown_link(entry: Entry, name: str) -> str:
    """:func:`link_target`, or "" for a link the policy refuses (check_entry warns)."""
    try:
        return link_target(entry, name)
    except RefusedError:
        return ""


def identity(url: str) -> str:
    """What makes two addresses one: no scheme, ``www.``, trailing slash or version
    (``arxiv.org/pdf/2501.04321v2`` is ``arxiv.org/abs/2501.04321``; ``dx.doi.org`` is
    ``doi.org``)."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    host = {"dx.doi.org": "doi.org", "export.arxiv.org": "arxiv.org"}.get(host, host)
    path = parts.path.rstrip("/")
    if host == "arxiv.org":
        path = re.sub(r"^/(?:abs|pdf)/(.+?)(?:v[0-9]+)?(?:\.pdf)?$", r"/abs/\1", path)
    if host == "doi.org":
        path = path.lower()
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def present_link_fields(entry: Entry) -> frozenset[str]:
    """The link fields the entry has (most entries have two or three of the many)."""
    return frozenset(name.lower() for name in entry.fields) & _LINK_FIELD_SET


def entry_links(entry: Entry) -> list[Link]:
    """The entry's links in the order they are shown, each address once (a named
    identifier wins over a ``url`` or a page to the same address)."""
    present = present_link_fields(entry)
    if not present:
        return []
    candidates: list[Link] = []
    url = shown_link(entry, "url")
    if url:
        candidates.append(Link("url", _("Paper"), url))
    for name in ("eprint", "arxiv"):
        target = shown_link(entry, name) if name in present else ""
        if target:
            value = entry.fields[name].strip().removeprefix("arXiv:")
            kind = "arxiv" if name == "arxiv" else field(entry, "archiveprefix").strip().lower()
            label = EPRINT_TYPES[kind][1].format(value)
            primary = field(entry, "primaryclass").strip()
            if kind == "arxiv" and primary and "/" not in value and "." in value:
                label = f"{label} [{primary}]"
            candidates.append(Link(name, label, target))
    identifiers = (
        ("doi", lambda value: "DOI"),
        ("pmid", lambda value: f"PMID {value.removeprefix('PMID:').strip()}"),
        ("pmcid", pmc_id),
        ("adsurl", lambda value: "ADS"),
        ("inspirehep_id", lambda value: "INSPIRE"),
        ("biburl", lambda value: "dblp"),
        ("swhid", lambda value: "Software Heritage"),
        ("hal_id", lambda value: "HAL"),
    )
    for name, label in identifiers:
        target = shown_link(entry, name) if name in present else ""
        if target:
            candidates.append(Link(name, label(entry.fields[name].strip()), target))
    for name in PAGE_FIELDS:
        target = shown_link(entry, name) if name in present else ""
        if target:
            candidates.append(Link(name, link_label(name), target))
        if name == "code" and not target:  # biblatex-software's repository is the code
            repository = shown_link(entry, "repository") if "repository" in present else ""
            if repository:
                candidates.append(Link("repository", link_label("code"), repository))
    # The identifiers first: a url or a page to the same address is the one left out.
    ranked = sorted(candidates, key=lambda link: link.field in ("url", "repository", *PAGE_FIELDS))
    seen: set[str] = set()
    kept: set[Link] = set()
    for link in ranked:
        key = identity(link.url)
        if key not in seen:
            seen.add(key)
            kept.add(link)
    return [link for link in candidates if link in kept]
