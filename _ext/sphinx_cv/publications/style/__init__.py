"""The publication style: ``references.bib`` entries as an academic CV lists them.

One file per concern:

- ``cvstyle``: the pybtex style ``cv`` itself, which puts the parts together;
- ``text``: a bib field read into rich or plain text;
- ``names``: author lists, ``author+an`` annotations, and who is the CV's owner;
- ``fields``: what each entry type shows, and what it needs;
- ``dates``: when an entry appeared, and the order and numbers that follow;
- ``dialects``: what ADS, INSPIRE, DBLP, Zotero, … write, read (tables in ``dialects.toml``);
- ``links``: the entry's links under the URL policy;
- ``language``: the list's words and forms in the CV's language;
- ``checks``: what is wrong with an entry, for the build's warnings.

The names imported here are the style's interface for the rest of the extension.
"""

from __future__ import annotations

from .checks import Problem, check_entry
from .cvstyle import (
    DEFAULT_MAX_AUTHORS,
    PLUGIN_GROUP,
    STYLE_NAME,
    VANCOUVER_MAX_AUTHORS,
    CVStyle,
    plain_names,
    plain_source,
)
from .dates import entry_date, month_of, newest_first, number_entries, year_of
from .fields import shows_note
from .language import equal_legend
from .links import FILE_FIELDS, LINK_FIELDS, entry_links, is_file, link_target, shown_link
from .names import has_equal_contribution, parse_annotations, same_person
from .text import plain_text, rich, rich_text

__all__ = [
    "DEFAULT_MAX_AUTHORS",
    "FILE_FIELDS",
    "LINK_FIELDS",
    "PLUGIN_GROUP",
    "STYLE_NAME",
    "VANCOUVER_MAX_AUTHORS",
    "CVStyle",
    "Problem",
    "check_entry",
    "entry_date",
    "entry_links",
    "equal_legend",
    "has_equal_contribution",
    "is_file",
    "link_target",
    "month_of",
    "newest_first",
    "number_entries",
    "parse_annotations",
    "plain_names",
    "plain_source",
    "plain_text",
    "rich",
    "rich_text",
    "same_person",
    "shown_link",
    "shows_note",
    "year_of",
]
