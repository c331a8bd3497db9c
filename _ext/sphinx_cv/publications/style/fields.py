"""What each entry type shows between its authors and its year, and what it needs."""

from __future__ import annotations

from pybtex.database import Entry

from ...i18n import N_, _

#: The field that names the venue, by entry type; other types use ``VENUE_FALLBACK``.
VENUE_FIELDS = {
    "article": "journal",
    "inproceedings": "booktitle",
    "incollection": "booktitle",
    "unpublished": "note",
    "misc": "howpublished",
    "phdthesis": "school",
    "mastersthesis": "school",
    "techreport": "institution",
}
VENUE_FALLBACK = ("journal", "booktitle", "howpublished")

#: What an entry shows between its authors and its year, by type (see ``CVStyle.format_*``);
#: "Journal (**ABBR**), 146(12):8123–8134" or "Ph.D. thesis, School, Address".
SOURCE_PARTS = {
    "article": ("venue", "volume"),
    "inproceedings": ("venue", "edited_by", "pages", "publisher"),
    "incollection": ("venue", "edition", "edited_by", "pages", "publisher"),
    "book": ("edition", "publisher"),
    "phdthesis": ("kind", "venue", "address"),
    "mastersthesis": ("kind", "venue", "address"),
    "techreport": ("kind", "venue", "address"),
    "patent": ("kind",),
}
SOURCE_FALLBACK = ("venue",)


#: What a thesis, report or patent is called (msgids, translated where used).
KIND_LABELS = {
    "phdthesis": N_("Ph.D. thesis"),
    "mastersthesis": N_("Master's thesis"),
    "techreport": N_("Technical Report"),
    "patent": N_("Patent"),
}


def kind_label(entry_type: str) -> str:
    """What a thesis, report or patent is called, unless its ``type`` field says otherwise."""
    label = KIND_LABELS.get(entry_type)
    return _(label) if label else ""


#: Types whose venue is a book the entry is part of: "In *Book*".
IN_BOOK = ("incollection",)

#: Fields without which an entry of a type cannot be shown properly;
#: "author/editor" is satisfied by either.
REQUIRED_FIELDS = {
    "article": ("author", "title", "journal", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "incollection": ("author", "title", "booktitle", "year"),
    "unpublished": ("author", "title", "note"),
    "misc": ("title",),
    "phdthesis": ("author", "title", "school", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "techreport": ("author", "title", "institution", "year"),
    "book": ("author/editor", "title", "publisher", "year"),
    "patent": ("author", "title", "number", "year"),
}
REQUIRED_FALLBACK = ("author", "title", "year")


def shows_note(entry: Entry) -> bool:
    """Whether ``note`` follows the byline (an ``@unpublished``'s note is its venue)."""
    return bool(entry.fields.get("note")) and VENUE_FIELDS.get(entry.type.lower()) != "note"
