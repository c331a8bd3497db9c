"""The pybtex style of the publication list, as an academic CV shows it.

One entry reads::

    “Title as written.” Kwangjun Ahn*, **Minhak Song***, and Chulhee Yun,
    International Conference on Learning Representations (**ICLR**), 2024.
    Addendum. [Paper] [arXiv:2310.01082]

- titles are kept exactly as written (pybtex's stock styles lower-case them);
- entries are sorted newest first (year, then month; ties keep their order)
  and numbered backwards, the newest the highest;
- the CV owner's names (``highlight_authors``) are bold (:mod:`.names`);
- ``author+an = {1=equal; 2=highlight}`` puts a ``*`` after an equal
  contributor and bolds a highlighted one;
- between the authors and the year, each type shows what a reader expects
  (:mod:`.fields`);
- ``abbr`` is set in bold after the venue, ``note`` and ``addendum`` follow the
  year, and the links (:mod:`.links`) come last.

The style is registered with pybtex as ``cv`` (entry point group
``pybtex.style.formatting``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from pybtex.database import Entry, Person
from pybtex.richtext import HRef, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle

from ...i18n import _
from .dates import newest_first
from .fields import (
    IN_BOOK,
    SOURCE_FALLBACK,
    SOURCE_PARTS,
    VENUE_FALLBACK,
    VENUE_FIELDS,
    kind_label,
    shows_note,
)
from .language import filled, ordinal
from .links import LINK_FIELDS, link_label, shown_link
from .names import EQUAL, EQUAL_MARK, HIGHLIGHT, author_marks, person_key, same_person
from .text import page_range, plain_text, rich, text_backend

#: pybtex's plugin group of formatting styles, and our style's name in it.
PLUGIN_GROUP = "pybtex.style.formatting"
STYLE_NAME = "cv"

# -- the style ---------------------------------------------------------------------

#: Rendered author names, by name style, abbreviation and the name's parts
#: (see :meth:`CVStyle.format_person`); cleared when it holds ``NAMES_CACHED``.
_NAMES: dict[tuple, Text] = {}
NAMES_CACHED = 4096


class CVStyle(BaseStyle):
    """Publications as an academic CV lists them (see the module's docstring).

    ``highlight_authors`` are the names to bold; ``numbers`` maps entry keys to
    their numbers when several lists share one sequence (see
    :func:`number_entries`). Both are class attributes so that a configured
    subclass (:meth:`configured`) can be registered with pybtex, which makes
    styles without arguments.
    """

    default_name_style = "plain"
    highlight_authors: tuple[Person, ...] = ()
    numbers: Mapping[str, int] = {}

    def __init__(
        self,
        highlight_authors: Iterable[str] | None = None,
        numbers: Mapping[str, int] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        # BaseStyle.__init__ binds sort and format_labels on the instance,
        # which would hide methods of those names: bind ours over them.
        self.sort = self.sort_entries
        self.format_labels = self.number_labels
        if highlight_authors is not None:
            self.highlight_authors = tuple(Person(name) for name in highlight_authors)
        if numbers is not None:
            self.numbers = dict(numbers)

    @classmethod
    def configured(
        cls, highlight_authors: Iterable[str], numbers: Mapping[str, int]
    ) -> type[CVStyle]:
        """A subclass with these settings built in, to register with pybtex."""
        return type(
            cls.__name__,
            (cls,),
            {
                "highlight_authors": tuple(Person(name) for name in highlight_authors),
                "numbers": dict(numbers),
                "__module__": cls.__module__,
            },
        )

    # -- order and numbers

    def sort_entries(self, entries: Iterable[Entry]) -> list[Entry]:
        """Newest first; with shared numbers, by number, highest first."""
        entries = newest_first(entries)
        if self.numbers:
            entries.sort(key=lambda entry: -self.numbers.get(entry.key, 0))
        return entries

    def number_labels(self, sorted_entries: Sequence[Entry]) -> list[str]:
        """Reverse numbers: the shared ones when known, else counting down this list."""
        total = len(sorted_entries)
        return [
            str(self.numbers.get(entry.key, total - index))
            for index, entry in enumerate(sorted_entries)
        ]

    # -- one entry

    def format_entry(self, label: str, entry: Entry, bib_data=None) -> FormattedEntry:
        parts = [self.format_title(entry), self.format_byline(entry)]
        if shows_note(entry):
            parts.append(rich(entry, "note").add_period())
        if entry.fields.get("addendum"):
            parts.append(rich(entry, "addendum").add_period())
        parts.extend(self.format_links(entry))
        text = Text(" ").join([part for part in parts if part])
        return FormattedEntry(entry.key, text, label)

    def format_title(self, entry: Entry) -> Text:
        title = rich(entry, "title")
        return filled(_("\u201c{title}\u201d"), title=title.add_period()) if title else Text()

    def format_byline(self, entry: Entry) -> Text:
        """Authors (or a book's editors), where it appeared (:meth:`format_source`), year."""
        parts = [
            self.format_authors(entry) or self.format_editors(entry),
            *self.format_source(entry),
        ]
        if entry.fields.get("year"):
            parts.append(rich(entry, "year"))
        byline = Text(", ").join([part for part in parts if part])
        return byline.add_period() if byline else byline

    def format_names(self, entry: Entry, role: str) -> Text:
        """Full names, the owner bold, ``*`` after equal contributors; "A, B, and C"."""
        persons = entry.persons.get(role, [])
        marks = author_marks(entry) if role == "author" else {}
        names = []
        for index, person in enumerate(persons):
            name = self.format_person(person)
            annotations = marks.get(index, set())
            if EQUAL in annotations:
                name = Text(name, EQUAL_MARK)
            if HIGHLIGHT in annotations or self.is_highlighted(person):
                name = Tag("b", name)
            names.append(Text(name))
        if len(names) <= 1:
            return Text(*names)
        if len(names) == 2:
            return filled(_("{first} and {second}"), first=names[0], second=names[1])
        others = Text(", ").join(names[:-1])
        return filled(_("{others}, and {last}"), others=others, last=names[-1])

    def format_authors(self, entry: Entry) -> Text:
        return self.format_names(entry, "author")

    def format_editors(self, entry: Entry) -> Text:
        """A book's editors in place of its authors: "A and B (Eds.)"."""
        editors = self.format_names(entry, "editor")
        if not editors:
            return editors
        return Text(editors, " ", _("(Eds.)") if len(entry.persons["editor"]) > 1 else _("(Ed.)"))

    def format_person(self, person: Person) -> Text:
        """One author's name as the name style writes it, rendered once per distinct name.

        pybtex's name templates decode each part's LaTeX (latexcodec) on every
        call; a CV repeats the same few co-authors in entry after entry.
        """
        key = (type(self.name_style), self.abbreviate_names, person_key(person))
        name = _NAMES.get(key)
        if name is None:
            if len(_NAMES) >= NAMES_CACHED:
                _NAMES.clear()
            try:
                name = self.format_name(person, self.abbreviate_names).format()
            except (PybtexSyntaxError, ValueError):  # LaTeX it cannot read: check_entry warns
                name = Text(" ".join(person.first_names + person.middle_names + person.last_names))
            _NAMES[key] = name
        return name

    def is_highlighted(self, person: Person) -> bool:
        return any(same_person(person, owner) for owner in self.highlight_authors)

    def format_source(self, entry: Entry) -> list[Text]:
        """Where the entry appeared, as parts for ", ": venue, volume, edition, editors, …"""
        names = SOURCE_PARTS.get(entry.type.lower(), SOURCE_FALLBACK)
        parts = [getattr(self, f"format_{name}")(entry) for name in names]
        return [part for part in parts if part]

    def format_venue(self, entry: Entry) -> Text:
        """The venue, with ``abbr`` after it in bold: "Conference (**ABBR**)"."""
        entry_type = entry.type.lower()
        field = VENUE_FIELDS.get(entry_type)
        fields = (field,) if field else VENUE_FALLBACK
        venue = next((rich(entry, name) for name in fields if entry.fields.get(name)), Text())
        if entry.fields.get("abbr"):
            abbr = Text("(", Tag("b", rich(entry, "abbr")), ")")
            venue = Text(venue, " ", abbr) if venue else abbr
        if venue and entry_type in IN_BOOK:
            venue = filled(_("In {book}"), book=venue)
        return venue

    def format_volume(self, entry: Entry) -> Text:
        """A journal's "146(12):8123–8134"; without a volume, "no. 12, pp. 8123–8134"."""
        volume, number = rich(entry, "volume"), rich(entry, "number")
        pages = page_range(entry.fields.get("pages", ""))
        if not volume:
            parts = [
                filled(_("no. {number}"), number=number) if number else Text(),
                self.format_pages(entry),
            ]
            return Text(", ").join([part for part in parts if part])
        return Text(volume, Text("(", number, ")") if number else "", f":{pages}" if pages else "")

    def format_pages(self, entry: Entry) -> Text:
        """ "pp. 211–248", or "p. 7" for one page."""
        pages = page_range(entry.fields.get("pages", ""))
        if not pages:
            return Text()
        return filled(_("pp. {pages}") if "\u2013" in pages else _("p. {pages}"), pages=pages)

    def format_edition(self, entry: Entry) -> Text:
        """``edition = {2}`` is "2nd ed."; a word ("Second") is kept: "Second ed."."""
        edition = plain_text(entry.fields.get("edition", "")).strip()
        if not edition:
            return Text()
        if edition.isdigit():
            number = int(edition)
            return Text(_("{ordinal} ed.").format(ordinal=ordinal(number), number=number))
        if re.search(r"\bed(\.|ition)\s*$", edition, re.IGNORECASE):
            return rich(entry, "edition")
        return Text(rich(entry, "edition"), " ", _("ed."))

    def format_edited_by(self, entry: Entry) -> Text:
        editors = self.format_names(entry, "editor")
        if not editors:
            return editors
        return filled(_("edited by {editors}"), editors=editors)

    def format_publisher(self, entry: Entry) -> Text:
        """ "Publisher, Address" (either alone when the other is missing)."""
        parts = [rich(entry, "publisher"), rich(entry, "address")]
        return Text(", ").join([part for part in parts if part])

    def format_address(self, entry: Entry) -> Text:
        return rich(entry, "address")

    def format_kind(self, entry: Entry) -> Text:
        """ "Ph.D. thesis", "Technical Report E-0217", "Patent EP 4 123 456 B1" (``type`` wins)."""
        kind = rich(entry, "type") or Text(kind_label(entry.type.lower()))
        number = rich(entry, "number")
        return Text(kind, " ", number) if kind and number else kind or number

    def format_links(self, entry: Entry) -> list[Text]:
        """[Paper] [arXiv:ID] [DOI] [PDF] [Code] [Slides], those the entry has."""
        links = []
        for field in LINK_FIELDS:
            url = shown_link(entry, field)
            if url:
                links.append(Text("[", HRef(url, String(link_label(field))), "]"))
            arxiv = shown_link(entry, "eprint") if field == "url" else ""
            if arxiv:  # the arXiv link follows the paper's
                eprint = entry.fields["eprint"].strip()
                links.append(Text("[", HRef(arxiv, String(f"arXiv:{eprint}")), "]"))
        return links


# -- plain text, for the exports -----------------------------------------------------


@functools.cache
def _plain_style() -> CVStyle:
    return CVStyle()


def plain_names(entry: Entry) -> str:
    """The authors as the list shows them, as plain text (a book's editors "(Eds.)")."""
    style = _plain_style()
    names = style.format_authors(entry) or style.format_editors(entry)
    return names.render(text_backend())


def plain_source(entry: Entry) -> str:
    """Where the entry appeared, as the list shows it, as plain text ("" if nothing)."""
    return Text(", ").join(_plain_style().format_source(entry)).render(text_backend())
