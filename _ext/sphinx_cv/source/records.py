"""The typed records the directives validate their input into.

Every output reads these, never the Markdown: the ``cv`` domain collects them
per document, :mod:`sphinx_cv.model` orders them for the whole CV, and each
node of :mod:`sphinx_cv.source.nodes` carries its record to the writers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from ..i18n import N_, _
from .dates import Span

#: The values ``:kind:`` accepts for a timeline entry. A ``talk`` (or poster,
#: seminar) has the talk's title as its title and the event as its ``:role:``.
TIMELINE_KINDS = ("education", "work", "volunteer", "project", "activity", "talk")
DEFAULT_KIND = "work"


@dataclass(frozen=True)
class EntryRecord:
    """What every validated entry has: where it is written, its title, dates, link and body."""

    docname: str
    lineno: int
    title: str
    date_text: str
    spans: tuple[Span, ...] = ()
    url: str = ""
    body: str = ""
    #: The versions' tags (``:tags:``); untagged entries are in every version.
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineRecord(EntryRecord):
    """A validated ``timeline`` entry, as exporters see it."""

    role: str = ""
    location: str = ""
    kind: str = DEFAULT_KIND
    entry_type: str = field(default="timeline", init=False)


@dataclass(frozen=True)
class AwardRecord(EntryRecord):
    """A validated ``award`` entry, as exporters see it."""

    issuer: str = ""
    entry_type: str = field(default="award", init=False)


#: Profile fields that link to an account elsewhere, with the network's name.
PROFILE_NETWORKS = {
    "github": "GitHub",
    "scholar": "Google Scholar",
    "orcid": "ORCID",
    "linkedin": "LinkedIn",
}
#: Contact fields of a ``profile``, in the order they are shown, with their labels
#: (msgids, translated where shown; a network's name is its name).
PROFILE_FIELDS = {
    "website": N_("Personal website"),
    "email": N_("Contact"),
    "phone": N_("Phone"),
    "location": N_("Location"),
    **PROFILE_NETWORKS,
}


def profile_label(field: str) -> str:
    """A profile field's label in the build's language (a network's name is its name)."""
    return PROFILE_NETWORKS.get(field) or _(PROFILE_FIELDS[field])


#: Profile fields whose value is a web address.
PROFILE_URL_FIELDS = ("website", *PROFILE_NETWORKS)


def profile_username(field: str, url: str) -> str:
    """The user name or id in a profile URL (Scholar's is its ``user`` parameter)."""
    parts = urlsplit(url)
    if field == "scholar":
        return parse_qs(parts.query).get("user", [""])[0]
    return parts.path.rstrip("/").rsplit("/", 1)[-1]


def network_label(field: str, url: str) -> tuple[str, str]:
    """The network's name and the short text the PDF links: ("GitHub", "user").

    Google Scholar's user id means nothing to a reader: it is shown as its name alone.
    """
    network = PROFILE_NETWORKS[field]
    username = profile_username(field, url)
    if field == "scholar" or not username:
        return "", network if field == "scholar" else url.split("://", 1)[-1]
    return network, username


@dataclass(frozen=True)
class ProfileRecord:
    """The CV owner's name and contact details, written once on the home page."""

    docname: str
    lineno: int
    name: str
    website: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    github: str = ""
    scholar: str = ""
    orcid: str = ""
    linkedin: str = ""
    #: The photo's path as written in ``:photo:`` (relative to the page), or "".
    photo: str = ""
    entry_type: str = field(default="profile", init=False)


@dataclass(frozen=True)
class KeywordGroup:
    """One bullet or paragraph of a ``skills`` or ``interests`` directive.

    ``section`` is ``skills``, ``languages`` or ``interests``; ``label`` is the
    bold label ("" for an unlabelled interest); ``items`` are the keywords.
    """

    docname: str
    lineno: int
    section: str
    label: str
    items: tuple[str, ...]
    tags: tuple[str, ...] = ()
    entry_type: str = field(default="keywords", init=False)


@dataclass(frozen=True)
class TaggedBlock:
    """A ``tagged`` block: bullets or paragraphs that only versions keeping its tags show."""

    docname: str
    lineno: int
    tags: tuple[str, ...]
    entry_type: str = field(default="tagged", init=False)


Record = TimelineRecord | AwardRecord | ProfileRecord | KeywordGroup | TaggedBlock
