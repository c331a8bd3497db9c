"""The records the directives validate and the docutils nodes that carry them.

A ``timeline`` or ``award`` directive gives one :class:`cv_entry`::

    cv_list                  consecutive entries of one type, grouped by a transform
      cv_entry               record=TimelineRecord | AwardRecord
        cv_entry_header
          cv_entry_title     the argument, parsed as inline Markdown
          cv_entry_dates     spans=..., present_label=..., month_format=...
        cv_entry_meta        role, location or issuer, when given
          cv_entry_field     field="role" | "location" | "issuer"
        cv_entry_body        the directive's content

A ``profile`` directive gives one :class:`cv_profile` (record=ProfileRecord)
holding one :class:`cv_profile_item` per contact field.

Every node has a writer for html, latex and text (see ``html.py``, ``latex.py``
and ``text.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docutils import nodes

from .dates import Span

#: The values ``:kind:`` accepts for a timeline entry.
TIMELINE_KINDS = ("education", "work", "volunteer", "project", "activity")
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
#: Contact fields of a ``profile``, in the order they are shown, with their labels.
PROFILE_FIELDS = {
    "website": "Personal website",
    "email": "Contact",
    "phone": "Phone",
    "location": "Location",
    **PROFILE_NETWORKS,
}
#: Profile fields whose value is a web address.
PROFILE_URL_FIELDS = ("website", *PROFILE_NETWORKS)


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
    entry_type: str = field(default="profile", init=False)


Record = TimelineRecord | AwardRecord | ProfileRecord


class cv_list(nodes.General, nodes.Element):
    """Consecutive entries of one type (``entry_type``), shown as one list."""


class cv_entry(nodes.General, nodes.Element):
    """One timeline entry or award; ``record`` holds its validated fields."""


class cv_entry_header(nodes.General, nodes.Element):
    """The title and the dates, set on one line."""


class cv_entry_title(nodes.Inline, nodes.TextElement):
    """The entry's title: inline nodes, a link when the entry has a URL."""


class cv_entry_dates(nodes.Inline, nodes.TextElement):
    """The entry's dates; ``spans`` is empty when the text was not a valid date."""


class cv_entry_meta(nodes.General, nodes.Element):
    """The second line of an entry: role and location, or issuer."""


class cv_entry_field(nodes.Inline, nodes.TextElement):
    """One field of the second line; ``field`` names it."""


class cv_entry_body(nodes.General, nodes.Element):
    """The entry's content: bullets, paragraphs, links."""


class cv_profile(nodes.General, nodes.Element):
    """The owner's contact details; ``record`` holds the name and every field."""


class cv_profile_item(nodes.Inline, nodes.TextElement):
    """One contact field; ``field`` names it, ``label`` is shown before it."""


ALL_NODES = (
    cv_list,
    cv_entry,
    cv_entry_header,
    cv_entry_title,
    cv_entry_dates,
    cv_entry_meta,
    cv_entry_field,
    cv_entry_body,
    cv_profile,
    cv_profile_item,
)
