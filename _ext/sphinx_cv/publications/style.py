"""The pybtex style of the publication list, as an academic CV shows it.

One entry reads::

    “Title as written.” Kwangjun Ahn*, **Minhak Song***, and Chulhee Yun,
    International Conference on Learning Representations (**ICLR**), 2024.
    Addendum. [Paper] [arXiv:2310.01082]

- titles are kept exactly as written (pybtex's stock styles lower-case them);
- entries are sorted newest first (year, then month; ties keep their order)
  and numbered backwards, the newest the highest;
- the CV owner's names (``highlight_authors``) are bold, matched as pybtex
  :class:`~pybtex.database.Person` s so that "Song, Minhak", "Minhak Song" and
  "M. Song" are one person;
- ``author+an = {1=equal; 2=highlight}`` (biblatex's data annotations) puts a
  ``*`` after an equal contributor and bolds a highlighted one;
- between the authors and the year, each type shows what a reader expects
  (``SOURCE_PARTS``): a journal's "146(12):8123–8134", a thesis' "Ph.D.
  thesis, School", a report's number, an edition ("2nd ed."), editors ("edited
  by …", or "(Eds.)" for a book without authors), publisher and address;
- ``abbr`` is set in bold after the venue, ``note`` and ``addendum`` follow the
  year, and ``url``, ``eprint`` (arXiv), ``doi``, ``pdf``, ``code`` and
  ``slides`` become links;
- ``$...$`` is math (:mod:`sphinx_cv.publications.math`); ``%`` is a percent sign.

The style is registered with pybtex as ``cv`` (entry point group
``pybtex.style.formatting``). :func:`check_entry` lists what is wrong with an
entry; the style itself never fails on bad input, it shows what it can.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pybtex.database import Entry, Person
from pybtex.plugin import find_plugin
from pybtex.richtext import HRef, Protected, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle

from ..i18n import N_, _
from ..source.urls import ACCEPTED_URLS, SCHEME, RefusedError, web_url
from . import math

#: pybtex's plugin group of formatting styles, and our style's name in it.
PLUGIN_GROUP = "pybtex.style.formatting"
STYLE_NAME = "cv"

#: The field that holds per-author annotations (biblatex's convention).
ANNOTATION_FIELD = "author+an"
EQUAL = "equal"
HIGHLIGHT = "highlight"
ANNOTATIONS = (EQUAL, HIGHLIGHT)
EQUAL_MARK = "*"


def equal_legend() -> str:
    """The legend before a list with equal contributions, in the build's language."""
    return _("(* denotes equal contribution)")


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

#: Link fields in the order they are shown (:func:`link_label` names them).
LINK_FIELDS = ("url", "doi", "pdf", "code", "slides")


def link_label(field: str) -> str:
    """A link's label in the build's language: "Paper", "Code"; "DOI" and "PDF" are names."""
    labels = {"url": _("Paper"), "code": _("Code"), "slides": _("Slides")}
    return labels.get(field, field.upper())


ARXIV_URL = "https://arxiv.org/abs/{}"
DOI_URL = "https://doi.org/{}"

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


@dataclass(frozen=True)
class Problem:
    """Something wrong with an entry: the field it is in (if any) and what to write instead."""

    field: str | None
    message: str


# -- reading fields ----------------------------------------------------------------


#: LaTeX font commands a field may use, and the rich-text tag each becomes.
FONT_COMMANDS = {"textbf": "b", "emph": "em", "textit": "i"}
_FONT_COMMAND = re.compile(r"\\({})\s*$".format("|".join(FONT_COMMANDS)))


def filled(template: str, **parts: Text | str) -> Text:
    """A translated ``template`` with rich text in its ``{placeholders}``: "In {book}"."""
    pieces = re.split(r"\{(\w+)\}", template)
    # re.split puts the placeholders' names at the odd places.
    return Text(*(parts[piece] if i % 2 else piece for i, piece in enumerate(pieces) if piece))


def rich(entry: Entry, field: str) -> Text:
    """A field as rich text (see :func:`rich_text`)."""
    return rich_text(entry.fields.get(field, ""))


#: A ``%`` that is not ``\\%``: latexcodec would read it as a comment and drop the rest.
_BARE_PERCENT = re.compile(r"(?<!\\)%")


@functools.lru_cache(maxsize=4096)
def rich_text(value: str) -> Text:
    """Bib text as rich text: LaTeX accents decoded, ``{braces}`` kept as written,
    ``\\textbf{...}``, ``\\emph{...}`` and ``\\textit{...}`` as bold and italics,
    ``$...$`` as :class:`~sphinx_cv.publications.math.Math`, ``%`` as a percent sign."""
    value, formulas = math.extract(_BARE_PERCENT.sub(r"\\%", value))
    try:
        return math.restore(_latex_markup(Text.from_latex(value)), formulas)
    # Unbalanced braces, or LaTeX latexcodec cannot read (a lone backslash):
    # show the text as it is (check_entry warns).
    except (PybtexSyntaxError, ValueError):
        return math.restore(Text(value.replace("\\%", "%")), formulas)


@functools.lru_cache(maxsize=4096)
def plain_text(value: str) -> str:
    """Bib text as plain text: accents, braces and font commands resolved (cached)."""
    return rich_text(value).render(text_backend()) if value else ""


@functools.cache
def text_backend():
    """pybtex's plain-text backend, looked up once.

    ``Text.render_as("text")`` looks the backend up through the installed
    packages' entry points on every call, which made a CV of a few hundred
    papers take seconds per list.
    """
    return find_plugin("pybtex.backends", "text")()


def _latex_markup(text: Text) -> Text:
    """What pybtex's parser leaves as written: font commands and ``\\$``.

    ``String("... \\textbf ") + Protected(...)`` becomes a tag; ``\\$`` (which
    latexcodec does not decode, unlike ``\\&``, ``\\%``, ``\\#``, ``\\_``) a dollar sign.
    """
    parts: list = []
    for part in text.parts:
        if type(part) is String:
            part = String(str(part).replace("\\$", "$"))
        previous = parts[-1] if parts else None
        command = _FONT_COMMAND.search(str(previous)) if isinstance(previous, String) else None
        if isinstance(part, Protected):
            inner = _latex_markup(Text(*part.parts))
            if command:
                parts[-1] = String(str(previous)[: command.start()])
                part = Tag(FONT_COMMANDS[command.group(1)], inner)
            else:
                part = Protected(*inner.parts)
        parts.append(part)
    return Text(*parts)


def page_range(value: str) -> str:
    """Pages as shown: "8123--8134" and "8123-8134" are "8123–8134"."""
    return re.sub(r"\s*(?:-+|\u2013|\u2014)\s*", "\u2013", plain_text(value).strip())


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def year_of(entry: Entry) -> int:
    """The entry's year as a number; 0 when it has none (it then sorts last)."""
    match = re.match(r"\s*([0-9]{1,4})\s*$", entry.fields.get("year", ""))
    return int(match.group(1)) if match else 0


def month_of(entry: Entry) -> int:
    """The entry's month as 1-12; 0 when it has none or it is not a month."""
    value = entry.fields.get("month", "").strip().lower().rstrip(".")
    if re.fullmatch(r"[0-9]{1,2}", value):  # not isdigit(): "²" is a digit to it
        number = int(value)
        return number if 1 <= number <= 12 else 0
    return _MONTHS.get(value, 0)


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Entries by year, then month, newest first; ties keep their order."""
    return sorted(entries, key=lambda entry: (-year_of(entry), -month_of(entry)))


def number_entries(entries: Iterable[Entry]) -> dict[str, int]:
    """Number entries backwards, newest first: ``{key: number}``, the newest the highest.

    Give it every entry of every list of the CV (in file order), so that the
    numbers are one sequence across the whole CV.
    """
    ordered = newest_first(entries)
    return {entry.key: len(ordered) - index for index, entry in enumerate(ordered)}


def shows_note(entry: Entry) -> bool:
    """Whether ``note`` follows the byline (an ``@unpublished``'s note is its venue)."""
    return bool(entry.fields.get("note")) and VENUE_FIELDS.get(entry.type.lower()) != "note"


# -- author annotations ------------------------------------------------------------


def parse_annotations(value: str, count: int) -> tuple[dict[int, set[str]], list[str]]:
    """Read ``author+an`` (``1=equal; 3=equal,highlight``) for ``count`` authors.

    Returns ``{author index from 0: annotations}`` of what could be read and a
    message for each part that could not.
    """
    marks: dict[int, set[str]] = {}
    problems: list[str] = []
    accepted = f"write e.g. '1=equal; 2=equal' (annotations: {', '.join(ANNOTATIONS)})"
    for part in value.split(";"):
        part = part.strip()
        if not part:
            continue
        item, sep, names = part.partition("=")
        item = item.strip()
        if not sep or not re.fullmatch(r"[0-9]+", item) or int(item) < 1:
            problems.append(
                f"{ANNOTATION_FIELD}: {part!r} is not AUTHOR_NUMBER=ANNOTATION; {accepted}"
            )
            continue
        index = int(item)
        if index > count:
            problems.append(
                f"{ANNOTATION_FIELD}: {part!r} names author {index}, "
                f"but the entry has {count} author{'s' if count != 1 else ''}"
            )
            continue
        for name in names.split(","):
            name = name.strip().lower()
            if name in ANNOTATIONS:
                marks.setdefault(index - 1, set()).add(name)
            else:
                problems.append(
                    f"{ANNOTATION_FIELD}: unknown annotation {name!r} in {part!r}; "
                    f"accepted are {', '.join(ANNOTATIONS)}"
                )
    return marks, problems


def author_marks(entry: Entry) -> dict[int, set[str]]:
    """The valid annotations of the entry's authors, by index from 0."""
    count = len(entry.persons.get("author", ()))
    return parse_annotations(entry.fields.get(ANNOTATION_FIELD, ""), count)[0]


def has_equal_contribution(entry: Entry) -> bool:
    """Whether the entry shows an equal-contribution mark (so the page needs the legend)."""
    return any(EQUAL in marks for marks in author_marks(entry).values())


# -- matching the CV owner's name --------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _name_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Name parts as plain lower-case words: LaTeX decoded, braces and dots dropped.

    Cached: the same names recur in every entry, and each is compared with every
    owner name.
    """
    words: list[str] = []
    for part in parts:
        try:
            text = Text.from_latex(part).render(text_backend())
        except (PybtexSyntaxError, ValueError):  # as rich_text: read it as written
            text = part
        words.extend(word for word in re.split(r"[\s.]+", text.lower()) if word)
    return tuple(words)


def _given_names_agree(first: str, second: str) -> bool:
    """Two given names agree when equal or when one is the other's initial."""
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    return first == second


def same_person(person: Person, other: Person) -> bool:
    """Whether two written names are one person: same family name, agreeing given names.

    "Song, Minhak", "Minhak Song" and "M. Song" are one person; "Xiang Song"
    and "Minhak Song" are not. A name without given names matches on the
    family name alone.
    """
    family = _name_parts((*person.prelast_names, *person.last_names))
    if not family or family != _name_parts((*other.prelast_names, *other.last_names)):
        return False
    given = _name_parts((*person.first_names, *person.middle_names))
    other_given = _name_parts((*other.first_names, *other.middle_names))
    return all(_given_names_agree(a, b) for a, b in zip(given, other_given, strict=False))


# -- checking an entry -------------------------------------------------------------


def check_entry(entry: Entry) -> list[Problem]:
    """What is wrong with an entry, with what would be accepted."""
    problems = []
    entry_type = entry.type.lower()
    required = REQUIRED_FIELDS.get(entry_type, REQUIRED_FALLBACK)
    for field in required:
        names = field.split("/")
        if not any(entry.persons.get(name) or entry.fields.get(name, "").strip() for name in names):
            message = (
                f"@{entry_type} entry {entry.key!r} has no {' or '.join(map(repr, names))} field "
                f"(an @{entry_type} needs {', '.join(required).replace('/', ' or ')})"
            )
            problems.append(Problem(None, message))
    year = entry.fields.get("year")
    if year is not None and not year_of(entry):
        problems.append(
            Problem("year", f"year {year!r} is not a year; write e.g. 'year = {{2024}}'")
        )
    month = entry.fields.get("month")
    if month is not None and not month_of(entry):
        problems.append(
            Problem(
                "month",
                f"month {month!r} is not a month and is left out; write e.g. "
                "'month = {3}' or 'month = {mar}'",
            )
        )
    names = [(role, str(person)) for role, people in entry.persons.items() for person in people]
    for field, value in [*entry.fields.items(), *names]:
        problem = _latex_problem(value)
        if problem:
            problems.append(Problem(field, f"{field} {value!r} {problem}; it is shown as written"))
    if ANNOTATION_FIELD in entry.fields:
        count = len(entry.persons.get("author", ()))
        for message in parse_annotations(entry.fields[ANNOTATION_FIELD], count)[1]:
            problems.append(Problem(ANNOTATION_FIELD, message))
    for field, value in entry.fields.items():
        for formula in math.complex_formulas(value):
            problems.append(
                Problem(
                    field,
                    f"{field}: the formula ${formula}$ is shown as TeX code on the website "
                    "and in text (the PDF typesets it); there, formulas of letters, digits, "
                    "Greek letters, symbols such as \\pm or \\to, and one level of _{sub} and "
                    "^{super}scripts are shown as text",
                )
            )
    for field in (*LINK_FIELDS, "eprint"):
        try:
            link_target(entry, field)
        except RefusedError as error:
            value = entry.fields[field].strip()
            problems.append(
                Problem(field, f"{field} {value!r} is not shown: it {error}; {ACCEPTED_URLS}")
            )
    return problems


@functools.lru_cache(maxsize=4096)
def _latex_problem(value: str) -> str | None:
    """Why a field's LaTeX cannot be read, or None."""
    if "\\" not in value and "{" not in value and "}" not in value:
        return None
    try:
        Text.from_latex(value)
    except PybtexSyntaxError as error:
        return f"has unbalanced braces ({error})"
    except ValueError:
        return (
            "has a backslash that starts no LaTeX command (write \\textbackslash{} for a backslash)"
        )
    return None


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


# -- the style ---------------------------------------------------------------------

#: Rendered author names, by name style, abbreviation and the name's parts
#: (see :meth:`CVStyle.format_person`); cleared when it holds ``NAMES_CACHED``.
_NAMES: dict[tuple, Text] = {}
NAMES_CACHED = 4096


def _person_key(person: Person) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(names)
        for names in (
            person.first_names,
            person.middle_names,
            person.prelast_names,
            person.last_names,
            person.lineage_names,
        )
    )


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
        key = (type(self.name_style), self.abbreviate_names, _person_key(person))
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
