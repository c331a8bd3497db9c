"""Entry types and fields: what each type shows between its authors and its date.

BibTeX's types and biblatex's data model (``@online``, ``@software``,
``@dataset``, ``@report``, ``@thesis``, ``@inbook``, ``@collection``, …), read
with biblatex's field names beside BibTeX's (``journaltitle`` for ``journal``,
``location`` for ``address``, ``institution`` for ``school``, ``eprinttype``
for ``archiveprefix``). :data:`TYPE_PARTS` lists, for each type, the parts
``CVStyle.format_<part>`` writes; a type of biblatex's that is not listed
is shown as ``@misc``; a type nobody defines is a warning (:mod:`.checks`).
"""

from __future__ import annotations

from pybtex.database import Entry

from ...i18n import N_, _

#: Other names of a type, and the type it is shown as.
TYPE_ALIASES = {
    "conference": "inproceedings",
    "electronic": "online",
    "www": "online",
    "webpage": "online",
    "mvbook": "book",
    "bookinbook": "inbook",
    "suppbook": "inbook",
    "mvcollection": "collection",
    "mvproceedings": "proceedings",
    "reference": "collection",
    "mvreference": "collection",
    "inreference": "incollection",
    "suppcollection": "incollection",
    "suppperiodical": "article",
    "periodical": "collection",
    # biblatex-software's types
    "softwareversion": "software",
    "softwaremodule": "software",
    "codefragment": "software",
}

_CHAPTER = (
    "in_book",
    "translated_by",
    "edition",
    "edited_by",
    "book_volume",
    "series",
    "pages",
    "publisher",
)
#: The parts each type shows, in order, between its authors and its date
#: (``CVStyle.format_<part>``); "Journal (**ABBR**), 146(12):8123–8134".
TYPE_PARTS = {
    "article": ("venue", "translated_by", "series", "journal_issue"),
    "inproceedings": (
        "venue",
        "translated_by",
        "edited_by",
        "series",
        "pages",
        "organization",
        "publisher",
    ),
    # A chapter by others (incollection) or by the book's authors (inbook) reads alike.
    "incollection": _CHAPTER,
    "inbook": _CHAPTER,
    "book": ("translated_by", "edition", "book_volume", "series", "publisher"),
    "collection": ("venue", "translated_by", "edition", "book_volume", "series", "publisher"),
    "proceedings": ("venue", "edition", "book_volume", "series", "organization", "publisher"),
    "phdthesis": ("kind", "venue", "address"),
    "mastersthesis": ("kind", "venue", "address"),
    "thesis": ("kind", "venue", "address"),
    "techreport": ("kind", "venue", "series", "address"),
    "report": ("kind", "venue", "series", "address"),
    "patent": ("kind",),
    "software": ("kind", "venue", "version", "publisher", "organization"),
    "dataset": ("kind", "venue", "version", "publisher", "organization"),
    "online": ("venue", "organization", "publisher"),
    "manual": ("venue", "edition", "version", "organization", "publisher"),
    "booklet": ("venue", "address"),
    "unpublished": ("venue", "howpublished"),
    "misc": ("venue", "version", "organization", "publisher"),
}
FALLBACK_TYPE = "misc"

#: biblatex's types shown as ``@misc`` (the data model defines them; no warning).
BIBLATEX_TYPES = frozenset(
    {
        "artwork",
        "audio",
        "bibnote",
        "commentary",
        "image",
        "jurisdiction",
        "legislation",
        "legal",
        "letter",
        "movie",
        "music",
        "performance",
        "review",
        "standard",
        "video",
        "set",
        "xdata",
        "customa",
        "customb",
        "customc",
        "customd",
        "custome",
        "customf",
        "preprint",
        "presentation",
        "talk",
        "poster",
    }
)
KNOWN_TYPES = frozenset({*TYPE_PARTS, *TYPE_ALIASES, *BIBLATEX_TYPES})

#: The field that names the venue, by type (the first given of several).
VENUE_FIELDS = {
    "article": ("journal",),
    "inproceedings": ("booktitle", "eventtitle"),
    "incollection": ("booktitle",),
    "inbook": ("booktitle",),
    "collection": (),
    "proceedings": ("eventtitle",),
    "unpublished": ("note",),
    "misc": ("howpublished",),
    "online": ("howpublished",),
    "booklet": ("howpublished",),
    "software": ("howpublished",),
    "dataset": ("howpublished",),
    "phdthesis": ("school",),
    "mastersthesis": ("school",),
    "thesis": ("school",),
    "techreport": ("institution",),
    "report": ("institution",),
    "manual": ("howpublished",),
}
VENUE_FALLBACK = ("journal", "booktitle", "howpublished")

#: biblatex's names beside BibTeX's: reading ``journal`` reads ``journaltitle`` too.
FIELD_ALIASES = {
    "journal": ("journal", "journaltitle"),
    "address": ("address", "location"),
    "school": ("school", "institution"),
    "institution": ("institution", "school"),
    "archiveprefix": ("archiveprefix", "eprinttype"),
    "primaryclass": ("primaryclass", "eprintclass"),
    "number": ("number", "issue"),
}

#: What a thesis, report, patent, piece of software or data set is called (msgids).
KIND_LABELS = {
    "phdthesis": N_("Ph.D. thesis"),
    "mastersthesis": N_("Master's thesis"),
    "thesis": N_("Thesis"),
    "techreport": N_("Technical Report"),
    "report": N_("Report"),
    "patent": N_("Patent"),
    "software": N_("Software"),
    "dataset": N_("Dataset"),
}
#: biblatex's keys in a ``type`` field, and the label each stands for.
TYPE_KEYS = {
    "phdthesis": "phdthesis",
    "mathesis": "mastersthesis",
    "mastersthesis": "mastersthesis",
    "techreport": "techreport",
    "resreport": N_("Research Report"),
    "software": "software",
    "patent": "patent",
}

#: Types whose title is a book's or a thesis': italic, not in quotation marks.
BOOK_TYPES = frozenset(
    {"book", "collection", "proceedings", "phdthesis", "mastersthesis", "thesis", "manual"}
)
#: Types whose date is shown with its month and day, when it has them.
DATED_TYPES = frozenset({"online", "software", "dataset", "patent"})

#: Every field the style reads, shows, or knowingly leaves out, beside the types'
#: own (an unknown one is a warning: a field misspelled would be lost in silence).
KNOWN_FIELDS = frozenset(
    {
        # BibTeX
        "address", "annote", "author", "booktitle", "chapter", "crossref", "edition",
        "editor", "howpublished", "institution", "journal", "key", "month", "note",
        "number", "organization", "pages", "publisher", "school", "series", "title",
        "type", "volume", "year",
        # biblatex
        "abstract", "addendum", "afterword", "annotation", "annotator", "authortype",
        "bookauthor", "bookpagination", "booksubtitle", "booktitleaddon", "commentator",
        "date", "day", "doi", "editora", "editorb", "editorc", "editortype", "eid",
        "entrysubtype", "eprint", "eprintclass", "eprinttype", "eventdate", "eventtitle",
        "eventtitleaddon", "file", "foreword", "holder", "indextitle", "introduction",
        "isan", "isbn", "ismn", "isrn", "issn", "issue", "issuesubtitle", "issuetitle",
        "iswc", "journalsubtitle", "journaltitle", "journaltitleaddon", "label", "language",
        "library", "location", "mainsubtitle", "maintitle", "maintitleaddon", "nameaddon",
        "options", "origdate", "origlanguage", "origlocation", "origpublisher", "origtitle",
        "pagetotal", "pagination", "part", "pubstate", "reprinttitle", "shortauthor",
        "shorteditor", "shorthand", "shorthandintro", "shortjournal", "shortseries",
        "shorttitle", "subtitle", "titleaddon", "translator", "url", "urldate", "venue",
        "version", "langid", "langidopts", "ids", "keywords", "sortkey", "sortname",
        "sorttitle", "sortyear", "presort", "related", "relatedtype", "relatedstring",
        "xdata", "xref", "execute", "gender", "entryset", "urlyear", "urlmonth",
        "archiveprefix", "primaryclass",
        # sphinx-cv's and al-folio's own
        "abbr", "author+an", "preview", "selected", "code", "slides", "pdf", "html",
        "poster", "supp", "video", "website", "blog", "arxiv", "bibtex_show",
        "altmetric", "dimensions", "google_scholar_id", "inspirehep_id", "award",
        "award_name", "additional_info",
        # biblatex-software
        "license", "swhid", "repository", "hal_id", "hal_version", "introducedin",
        # NASA ADS
        "adsurl", "adsnote", "bibcode",
        # INSPIRE-HEP
        "collaboration", "reportnumber", "slaccitation", "inspireid",
        # DBLP, JabRef, Zotero, Mendeley, EndNote, PubMed converters
        "biburl", "bibsource", "timestamp", "owner", "groups", "ranking", "priority",
        "readstatus", "qualityassured", "printed", "relevance", "comment", "comments",
        "mendeley-groups", "mendeley-tags", "copyright", "rights",
        "citation-key", "pmid", "pmcid", "nct", "trialregistration", "article-number",
        "numpages", "issue_date", "acmid", "lccn", "mrclass", "mrnumber", "zblnumber",
        "fjournal", "accession-number", "lastchecked", "medline-pst",
        "publication-status", "month_numeric",
    }
)  # fmt: skip


def entry_type(entry: Entry) -> str:
    """The type an entry is shown as: ``@conference`` is ``inproceedings``; ``@video`` misc."""
    name = entry.type.lower()
    name = TYPE_ALIASES.get(name, name)
    return name if name in TYPE_PARTS else FALLBACK_TYPE


def field(entry: Entry, name: str) -> str:
    """A field by its BibTeX name, read from biblatex's name when that is the one given."""
    for alias in FIELD_ALIASES.get(name, (name,)):
        value = entry.fields.get(alias, "")
        if value.strip():
            return value
    return ""


def venue_field(entry: Entry) -> str:
    """The name of the field that holds the entry's venue ("" if none is given)."""
    names = VENUE_FIELDS.get(entry_type(entry), VENUE_FALLBACK)
    return next((name for name in names if field(entry, name)), "")


def kind_label(entry_type: str) -> str:
    """What a thesis, report or patent is called, unless its ``type`` field says otherwise."""
    label = KIND_LABELS.get(entry_type)
    return _(label) if label else ""


def type_key_label(value: str) -> str:
    """biblatex's key in a ``type`` field (``phdthesis``, ``mathesis``) as its label, or ""."""
    key = TYPE_KEYS.get(value.strip().lower())
    if key is None:
        return ""
    return kind_label(key) or _(key)


def shows_note(entry: Entry) -> bool:
    """Whether ``note`` follows the byline (an ``@unpublished``'s note is its venue)."""
    return bool(entry.fields.get("note")) and venue_field(entry) != "note"
