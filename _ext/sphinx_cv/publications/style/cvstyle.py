"""The pybtex style of the publication list, as an academic CV shows it.

One entry reads::

    “Title as written.” Kwangjun Ahn*, **Minhak Song***, and Chulhee Yun,
    International Conference on Learning Representations (**ICLR**), 2024.
    Addendum. [Paper] [arXiv:2310.01082]

- titles are kept exactly as written (pybtex's stock styles lower-case them),
  in the language's quotation marks; a book's or a thesis' in italics;
- entries are sorted newest first (a work not out yet first, then year, month
  and day) and numbered backwards, the newest the highest (:mod:`.dates`);
- the author list (:mod:`.names`): the CV owner bold in every form a database
  writes the name, ``*`` after equal contributors, "et al." for "and others", a
  long list shortened to its first ``max_authors`` with the owner kept, and the
  collaboration;
- between the authors and the date, each type shows what a reader expects
  (:data:`.fields.TYPE_PARTS`), in the language's forms (:mod:`.language`);
- ``abbr`` is set in bold after the venue, ``note`` and ``addendum`` follow the
  date, and the links (:mod:`.links`) come last.

In the Vancouver form medicine uses (``vancouver``), the authors come first
("Ní Bhriain-Okonkwo A, Smith JB"), then the title, the journal as written and
"2024;384(2):e077123".

The style is registered with pybtex as ``cv`` (entry point group
``pybtex.style.formatting``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Entry, Person
from pybtex.exceptions import PybtexError
from pybtex.richtext import HRef, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels.number import LabelStyle as NumberLabelStyle
from pybtex.style.names.plain import NameStyle as PlainNameStyle
from pybtex.style.sorting.none import SortingStyle as NoSortingStyle

from . import language
from .dates import (
    UNPUBLISHED_STATES,
    BibDate,
    entry_date,
    is_pubstate_year,
    newest_first,
    parse_iso,
    pubstate_of,
)
from .dialects import series_name
from .fields import (
    BOOK_TYPES,
    DATED_TYPES,
    TYPE_PARTS,
    entry_type,
    field,
    kind_label,
    shows_note,
    type_key_label,
    venue_field,
)
from .links import entry_links
from .names import (
    EQUAL,
    EQUAL_MARK,
    HIGHLIGHT,
    author_marks,
    forms_match,
    is_others,
    name_forms,
    person_key,
    read_person,
    shown_person,
    vancouver_initials,
)
from .text import page_range, plain_text, rich, rich_text, text_backend

#: pybtex's plugin group of formatting styles, and our style's name in it.
PLUGIN_GROUP = "pybtex.style.formatting"
STYLE_NAME = "cv"
#: How many authors a list shows before "et al.", by default and in the Vancouver form.
DEFAULT_MAX_AUTHORS = 10
VANCOUVER_MAX_AUTHORS = 6

#: Rendered author names, by name style, abbreviation and the name's parts
#: (see :meth:`CVStyle.format_person`); cleared when it holds ``NAMES_CACHED``.
_NAMES: dict[tuple, Text] = {}
NAMES_CACHED = 4096


class CVStyle(BaseStyle):
    """Publications as an academic CV lists them (see the module's docstring).

    ``highlight_authors`` are the names to bold; ``numbers`` maps entry keys to
    their numbers when several lists share one sequence (see
    :func:`number_entries`); ``max_authors`` is how many names a list shows
    before "et al." (0: all); ``vancouver`` the Vancouver form; ``language``
    the CV's (for dates). They are class attributes so that a configured
    subclass (:meth:`configured`) can be registered with pybtex, which makes
    styles without arguments.
    """

    # The plugins themselves, not their names: pybtex would look each name up through
    # every installed package's entry points, on every style made (three a build).
    default_name_style = PlainNameStyle
    default_label_style = NumberLabelStyle
    default_sorting_style = NoSortingStyle
    highlight_authors: tuple[Person, ...] = ()
    numbers: Mapping[str, int] = {}
    max_authors: int = 0
    vancouver: bool = False
    language: str | None = "en"

    def __init__(
        self,
        highlight_authors: Iterable[str] | None = None,
        numbers: Mapping[str, int] | None = None,
        **kwargs,
    ) -> None:
        settings = {
            name: kwargs.pop(name)
            for name in ("max_authors", "vancouver", "language")
            if name in kwargs
        }
        super().__init__(**kwargs)
        # BaseStyle.__init__ binds sort and format_labels on the instance,
        # which would hide methods of those names: bind ours over them.
        self.sort = self.sort_entries
        self.format_labels = self.number_labels
        if highlight_authors is not None:
            self.highlight_authors = tuple(Person(name) for name in highlight_authors)
        if numbers is not None:
            self.numbers = dict(numbers)
        for name, value in settings.items():
            setattr(self, name, value)
        self._owner_forms = [name_forms(person_key(owner)) for owner in self.highlight_authors]

    @classmethod
    def configured(
        cls, highlight_authors: Iterable[str], numbers: Mapping[str, int], **settings
    ) -> type[CVStyle]:
        """A subclass with these settings built in, to register with pybtex."""
        return type(
            cls.__name__,
            (cls,),
            {
                "highlight_authors": tuple(Person(name) for name in highlight_authors),
                "numbers": dict(numbers),
                **settings,
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
        if self.vancouver:
            parts = self.vancouver_parts(entry)
        else:
            parts = [self.format_title(entry), self.format_byline(entry)]
        parts.append(self.format_urldate(entry))
        if shows_note(entry):
            parts.append(rich(entry, "note").add_period())
        if entry.fields.get("addendum"):
            parts.append(rich(entry, "addendum").add_period())
        parts.extend(self.format_links(entry))
        text = Text(" ").join([part for part in parts if part])
        return FormattedEntry(entry.key, text, label)

    def format_title(self, entry: Entry) -> Text:
        """ "“Title.”", or a book's *Title.* in italics."""
        title = rich(entry, "title")
        if not title:
            return Text()
        if entry_type(entry) in BOOK_TYPES:
            return Text(Tag("em", title), ".") if not _ends_sentence(title) else Tag("em", title)
        return language.quoted(title.add_period())

    def format_byline(self, entry: Entry) -> Text:
        """Authors (or a book's editors), where it appeared (:meth:`format_source`), date."""
        parts = [
            self.format_authors(entry) or self.format_editors(entry),
            *self.format_source(entry),
            *self.format_date(entry),
        ]
        byline = Text(", ").join([part for part in parts if part])
        return byline.add_period() if byline else byline

    def vancouver_parts(self, entry: Entry) -> list[Text]:
        """Medicine's order: "Authors. Title. Journal. 2024;384(2):e077123."."""
        names = self.format_authors(entry) or self.format_editors(entry)
        title = rich(entry, "title")
        if title and entry_type(entry) in BOOK_TYPES:
            title = Text(Tag("em", title))
        parts = [names.add_period() if names else names, title.add_period() if title else title]
        date = Text(", ").join(self.format_date(entry))
        if entry_type(entry) == "article":
            venue = self.format_venue(entry)
            volume, number = rich(entry, "volume"), rich_text(field(entry, "number"))
            pages = article_pages(entry)
            issue = Text(
                volume, Text("(", number, ")") if number else "", f":{pages}" if pages else ""
            )
            issue = issue if volume else Text(f"{pages}" if pages else "")
            sep = ";" if date and issue else ""
            parts += [venue.add_period() if venue else venue, Text(date, sep, issue).add_period()]
        else:
            source = Text(", ").join(self.format_source(entry))
            parts += [source.add_period() if source else source]
            parts.append(date.add_period() if date else date)
        return [part for part in parts if part]

    def format_date(self, entry: Entry) -> list[Text]:
        """The date as the type shows it (a year; with month and day for a web page, a
        talk, software, data), and the state of a work not out yet ("forthcoming")."""
        state = pubstate_of(entry)
        date = entry_date(entry)
        shown: list[Text] = []
        if date is not None and state == "prepublished":
            return [
                Text(language.epub_text(language.date_text(date, self.language, self.vancouver)))
            ]
        if date is not None:
            full = self.vancouver or entry_type(entry) in DATED_TYPES
            shown.append(
                Text(
                    language.date_text(
                        date if full else BibDate(date.year), self.language, self.vancouver
                    )
                )
            )
        elif entry.fields.get("year", "").strip() and not is_pubstate_year(entry):
            shown.append(rich(entry, "year"))  # as written ("n.d.", "1990s"); checks warn
        if state in UNPUBLISHED_STATES:
            shown.append(Text(language.pubstate_text(state)))
        return shown

    def format_urldate(self, entry: Entry) -> Text:
        """When a web page was read: "Accessed 3 May 2024." (``urldate``)."""
        date = parse_iso(entry.fields.get("urldate", ""))
        if date is None:
            return Text()
        return (
            Text(language.accessed(language.date_text(date, self.language))).capfirst().add_period()
        )

    # -- names

    def format_names(self, entry: Entry, role: str) -> Text:
        """The names of ``role``: the owner bold, ``*`` after equal contributors; "A, B, and
        C"; "and others" as "et al."; more than ``max_authors`` names shortened to the
        first ones, "…, **Owner**, et al. (288 authors)"."""
        persons = persons_of(entry, role)
        marks = author_marks(entry) if role == "author" else {}
        names: list[tuple[Text, bool]] = []
        goes_on = False
        for index, person in enumerate(persons):
            if is_others(person):
                goes_on = True
                continue
            name = self.format_person(person)
            annotations = marks.get(index, set())
            if EQUAL in annotations:
                name = Text(name, EQUAL_MARK)
            owner = HIGHLIGHT in annotations or self.is_highlighted(person)
            names.append((Tag("b", name) if owner else Text(name), owner))
        limit = self.max_authors or (VANCOUVER_MAX_AUTHORS if self.vancouver else 0)
        count = ""
        if limit and len(names) > limit:
            shown = [name for name, _owner in names[:limit]]
            later = [name for name, owner in names[limit:] if owner]
            if later:  # the owner stays, after an ellipsis
                shown += [Text("\u2026"), later[0]]
            # How many there are, unless the list itself went on ("and others").
            count = "" if goes_on else language.author_count(len(names))
            # "et al." after the names shown, unless the last one shown is the list's last.
            owner_is_last = bool(later) and names[-1][0] is later[0]
            goes_on = goes_on or not owner_is_last
            listed = Text(", ").join(shown)
        elif self.vancouver or goes_on:
            listed = Text(", ").join([name for name, _owner in names])
        else:
            listed = language.name_list([name for name, _owner in names])
        if goes_on and names:
            listed = language.et_al(listed, min(len(names), limit or len(names)))
        if count:
            listed = Text(listed, " ", count)
        if role == "author" and entry.fields.get("collaboration", "").strip():
            group = language.collaboration(rich(entry, "collaboration"))
            listed = Text(listed, " (", group, ")") if names else group
        return listed

    def format_authors(self, entry: Entry) -> Text:
        return self.format_names(entry, "author")

    def format_editors(self, entry: Entry) -> Text:
        """A book's editors in place of its authors: "A and B (Eds.)"."""
        editors = self.format_names(entry, "editor")
        if not editors:
            return editors
        return Text(editors, " ", language.editors_mark(len(entry.persons["editor"])))

    def format_person(self, person: Person) -> Text:
        """One author's name as the name style writes it, rendered once per distinct name.

        pybtex's name templates decode each part's LaTeX (latexcodec) on every
        call; a CV repeats the same few co-authors in entry after entry.
        """
        key = (type(self.name_style), self.abbreviate_names, self.vancouver, person_key(person))
        name = _NAMES.get(key)
        if name is None:
            if len(_NAMES) >= NAMES_CACHED:
                _NAMES.clear()
            name = self._render_person(person)
            _NAMES[key] = name
        return name

    def _render_person(self, person: Person) -> Text:
        if self.vancouver:
            person = read_person(person)
            family = " ".join((*person.prelast_names, *person.last_names))
            initials = vancouver_initials(person)
            return Text(rich_text(family), f" {initials}" if initials else "")
        shown = shown_person(person)
        try:
            return self.format_name(shown, self.abbreviate_names).format()
        except (PybtexSyntaxError, ValueError):  # LaTeX it cannot read: check_entry warns
            return Text(" ".join(person.first_names + person.middle_names + person.last_names))

    def is_highlighted(self, person: Person) -> bool:
        forms = name_forms(person_key(person))
        return any(forms_match(forms, owner) for owner in self._owner_forms)

    # -- where it appeared

    def format_source(self, entry: Entry) -> list[Text]:
        """Where the entry appeared, as parts for ", ": venue, volume, edition, editors, …"""
        parts = [getattr(self, f"format_{name}")(entry) for name in TYPE_PARTS[entry_type(entry)]]
        return [part for part in parts if part]

    def format_venue(self, entry: Entry) -> Text:
        """The venue, with ``abbr`` after it in bold: "Conference (**ABBR**)"."""
        name = venue_field(entry)
        venue = rich_text(field(entry, name)) if name else Text()
        if entry.fields.get("abbr"):
            abbr = Text("(", Tag("b", rich(entry, "abbr")), ")")
            # A journal the macro names by its abbreviation (\psj, abbr = {PSJ}) is named once.
            same = plain_text(entry.fields["abbr"]).strip() == str(venue).strip()
            venue = Text(venue, " ", abbr) if venue and not same else abbr
        return venue

    def format_in_book(self, entry: Entry) -> Text:
        """ "In *Book*" of a chapter, with the venue's abbreviation."""
        venue = self.format_venue(entry)
        return language.in_book(venue) if venue else venue

    def format_journal_issue(self, entry: Entry) -> Text:
        """A journal's "146(12):8123–8134"; without a volume, "no. 12, pp. 8123–8134"."""
        number = rich_text(field(entry, "number"))
        return language.journal_issue(rich(entry, "volume"), number, article_pages(entry))

    def format_pages(self, entry: Entry) -> Text:
        """ "pp. 211–248", "p. 7", or an article number as it is ("121843B")."""
        pages = page_range(entry.fields.get("pages", "")) or plain_text(entry.fields.get("eid", ""))
        return language.page_text(pages)

    def format_series(self, entry: Entry) -> Text:
        """The series and the work's number in it: "Proc. SPIE 12184", "(Studien …, Bd. 12)".

        The number is ``number`` (biblatex's), else ``volume`` (BibTeX's "volume 12 of
        Series", and ADS's SPIE proceedings); an article's and a report's ``number`` is
        their own, not the series'."""
        series = entry.fields.get("series", "").strip()
        if not series:
            return Text()
        number = ""
        if entry_type(entry) not in ("article", "techreport", "report"):
            number = field(entry, "number") or entry.fields.get("volume", "")
        return language.series_text(rich_text(series_name(series)), rich_text(number))

    def format_book_volume(self, entry: Entry) -> Text:
        """A volume of a book in several ("vol. 2"), unless it is the series' number."""
        volume = rich(entry, "volume")
        if not volume or (entry.fields.get("series") and not field(entry, "number")):
            return Text()
        return language.volume_text(volume)

    def format_edition(self, entry: Entry) -> Text:
        """``edition = {2}`` is "2nd ed."; a word ("Second") is kept: "Second ed."."""
        edition = plain_text(entry.fields.get("edition", "")).strip()
        if not edition:
            return Text()
        return language.edition_text(edition, rich(entry, "edition"))

    def format_edited_by(self, entry: Entry) -> Text:
        """The editors of the book or proceedings it is in: "edited by A and B"."""
        editors = self.format_names(entry, "editor")
        return language.edited_by(editors) if editors else editors

    def format_translated_by(self, entry: Entry) -> Text:
        """The translators (biblatex's ``translator``): "translated by A"."""
        translators = self.format_names(entry, "translator")
        return language.translated_by(translators) if translators else translators

    def format_publisher(self, entry: Entry) -> Text:
        """ "Publisher, Address" (either alone when the other is missing)."""
        parts = [rich(entry, "publisher"), rich_text(field(entry, "address"))]
        return Text(", ").join([part for part in parts if part])

    def format_organization(self, entry: Entry) -> Text:
        """The organization that held the conference or published the work, as written."""
        return rich(entry, "organization")

    def format_howpublished(self, entry: Entry) -> Text:
        """How it was published (``howpublished``), unless that is already its venue."""
        return rich(entry, "howpublished") if venue_field(entry) != "howpublished" else Text()

    def format_address(self, entry: Entry) -> Text:
        """The place (``address``, biblatex's ``location``)."""
        return rich_text(field(entry, "address"))

    def format_version(self, entry: Entry) -> Text:
        """A software's or data set's version: "version 1.2" ("v1.4.2" as written)."""
        version = rich(entry, "version")
        return language.version_text(version) if version else version

    def format_kind(self, entry: Entry) -> Text:
        """ "Ph.D. thesis", "Technical Report E-0217", "Patent EP 4 123 456 B1" (``type`` wins;
        biblatex's keys in it, ``mathesis``, are their labels; a number that starts with the
        kind, as ADS writes "Technical Report Roman-STScI-000742", is shown alone)."""
        written = entry.fields.get("type", "")
        kind = Text(type_key_label(written)) if type_key_label(written) else rich(entry, "type")
        kind = kind or Text(kind_label(entry_type(entry)))
        number = rich(entry, "number")
        if kind and number and str(number).lower().startswith(str(kind).lower() + " "):
            return number
        return Text(kind, " ", number) if kind and number else kind or number

    # -- links

    def format_links(self, entry: Entry) -> list[Text]:
        """[Paper] [arXiv:ID] [DOI] [PMID …] [ADS] … [PDF] [Code] [Slides], each address once."""
        return [Text("[", HRef(link.url, String(link.label)), "]") for link in entry_links(entry)]


def article_pages(entry: Entry) -> str:
    """An article's pages, or its article number (ADS's ``eid``); a preprint's "page"
    that is its arXiv number (``eid = {arXiv:2501.04321}``) is left out: its link says it."""
    pages = page_range(entry.fields.get("pages", "")) or plain_text(entry.fields.get("eid", ""))
    eprint = entry.fields.get("eprint", "").strip()
    if eprint and pages.removeprefix("arXiv:") == eprint.removeprefix("arXiv:"):
        return ""
    return pages


def persons_of(entry: Entry, role: str) -> list[Person]:
    """The names of ``role``: pybtex reads ``author`` and ``editor``; ``translator`` and
    other name fields of biblatex are read here ("A and B")."""
    if role in entry.persons:
        return entry.persons[role]
    return _names(entry.fields.get(role, ""))


@functools.lru_cache(maxsize=1024)
def _names(value: str) -> list[Person]:
    try:
        return [Person(name) for name in split_name_list(value)] if value.strip() else []
    except PybtexError:  # as pybtex's own names: check_entry does not see these, show it
        return [Person(last=value)]


def _ends_sentence(text: Text) -> bool:
    return str(text).rstrip().endswith((".", "?", "!"))


# -- plain text, for the exports -----------------------------------------------------


@functools.cache
def _plain_style() -> CVStyle:
    return CVStyle()


def plain_names(entry: Entry, style: CVStyle | None = None) -> str:
    """The authors as the list shows them, as plain text (a book's editors "(Eds.)")."""
    style = style or _plain_style()
    names = style.format_authors(entry) or style.format_editors(entry)
    return names.render(text_backend())


def plain_source(entry: Entry, style: CVStyle | None = None) -> str:
    """Where the entry appeared, as the list shows it, as plain text ("" if nothing)."""
    return Text(", ").join((style or _plain_style()).format_source(entry)).render(text_backend())
