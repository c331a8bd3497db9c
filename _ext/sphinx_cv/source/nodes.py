"""The records the directives validate and the docutils nodes that carry them.

A ``timeline`` or ``award`` directive gives one :class:`cv_entry`::

    cv_list                  consecutive entries of one type, grouped by a transform
      cv_entry               record=TimelineRecord | AwardRecord
        cv_entry_header
          cv_entry_title     the argument, parsed as inline Markdown
          cv_entry_dates     spans=..., present_label=..., month_format=..., language=...,
                             semesters=...
        cv_entry_meta        role, location or issuer, when given
          cv_entry_field     field="role" | "location" | "issuer"
        cv_entry_body        the directive's content

A ``profile`` directive gives one :class:`cv_profile` (record=ProfileRecord)
holding one :class:`cv_profile_item` per contact field.

Every node has a writer for html, latex and text (``writers`` in the packages
``website``, ``pdf`` and ``text``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from .dates import format_dates


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


class cv_photo(nodes.image):
    """The owner's photo (``profile``'s ``:photo:``); ``pixel_width`` and ``pixel_height``
    are read from the file. An image node, so Sphinx copies the file with the site (not
    ``width``/``height``, with which Sphinx would wrap it in a link to itself)."""


class cv_rtl(nodes.Inline, nodes.TextElement):
    """A phrase in a right-to-left script (Arabic, Hebrew, …), which the PDF sets right to
    left word after word (made by ``pdf.rtl`` for LaTeX; browsers need no help)."""


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
    cv_photo,
    cv_rtl,
)


def dates_text(node: nodes.Element, **options: Any) -> str:
    """The dates a :class:`cv_entry_dates` node carries, formatted as it says (the
    present label, month format, language and semester style); ``options`` of
    :func:`~sphinx_cv.source.dates.format_dates` override them (``show_point``)."""
    settings = {
        "present_label": node["present_label"],
        "month_format": node["month_format"],
        "language": node.get("language"),
        "semesters": node.get("semesters", "semester"),
        **options,
    }
    return format_dates(node["spans"], **settings)
