"""The bibliography's reference: types, fields, links and the databases' tables, from the style.

- ``{cv-bib-types}``: each entry type, the names read as it, and the parts it shows
  (``TYPE_PARTS``), each part described by its ``CVStyle.format_<part>`` docstring;
- ``{cv-bib-fields}``: each field the style knows (``KNOWN_FIELDS``) and the types whose
  list shows it, found by formatting an entry of each type with the field set and looking
  for it in the text (so the table is what the style does, not what it was meant to do);
- ``{cv-bib-links}``: for each example line of the directive (bib fields), the links the
  entry gets; a link field no line shows is a warning;
- ``{cv-bib-dialect} TABLE``: a table of ``dialects.toml`` (ADS's journal macros, …);
- ``{cv-bib-copied}``: the fields the website's "BibTeX" toggle keeps (``PUBLIC_FIELDS``).
"""

from __future__ import annotations

import functools
import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.database import Entry, Person
from sphinx.util.docutils import SphinxDirective

from sphinx_cv.publications.bibtex import PUBLIC_FIELDS
from sphinx_cv.publications.style import LINK_FIELDS, CVStyle, entry_links
from sphinx_cv.publications.style.dialects import TABLES
from sphinx_cv.publications.style.fields import (
    BIBLATEX_TYPES,
    BOOK_TYPES,
    DATED_TYPES,
    KNOWN_FIELDS,
    TYPE_ALIASES,
    TYPE_PARTS,
    VENUE_FIELDS,
)
from sphinx_cv.publications.style.text import text_backend

from . import registry
from .tables import joined, literal, table

#: Fields that hold a date or a state of publication: read for the date, not probed.
DATE_FIELDS = frozenset(
    {"year", "month", "day", "date", "urldate", "urlyear", "urlmonth", "eventdate", "origdate"}
)
#: Fields that hold names (probed as a name).
NAME_FIELDS = frozenset(
    {"author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc"}
    | {"annotator", "commentator", "introduction", "foreword", "afterword", "holder"}
)
PROBE = "Zqxprobe"


def docstring(part: str) -> str:
    """The first paragraph of ``CVStyle.format_<part>``'s docstring, on one line."""
    text = getattr(CVStyle, f"format_{part}").__doc__ or ""
    return " ".join(text.strip().split("\n\n")[0].split())


@functools.cache
def _style() -> CVStyle:
    return CVStyle(highlight_authors=[])  # one: making a style looks up pybtex's plugins


def shown_text(entry: Entry) -> str:
    return _style().format_entry("1", entry).text.render(text_backend())


def probe_entry(entry_type: str, name: str) -> Entry:
    """An entry of ``entry_type`` with a title, an author, a year, its venue and ``name``."""
    fields = {"title": "A title", "year": "2020"}
    venue = VENUE_FIELDS.get(entry_type, ("journal",))
    if venue and venue[0] != name:
        fields[venue[0]] = "Venue"
    value = f"{PROBE}, Ann" if name in NAME_FIELDS else PROBE
    persons = {"author": [Person("Ann Author")]}
    if name in ("author", "editor"):  # pybtex's persons; the other name fields are text
        persons[name] = [Person(value)]
    else:
        fields[name] = value
    return Entry(entry_type, fields=fields, persons=persons)


def types_showing(name: str) -> list[str]:
    """The types whose list shows the field ``name``."""
    return [kind for kind in TYPE_PARTS if PROBE in shown_text(probe_entry(kind, name))]


class CVBibTypes(SphinxDirective):
    """Each type: the names read as it, its title's form, its date, and its parts."""

    def run(self) -> list[nodes.Node]:
        aliases: dict[str, list[str]] = {}
        for alias, kind in TYPE_ALIASES.items():
            aliases.setdefault(kind, []).append(alias)
        rows = []
        for kind, parts in TYPE_PARTS.items():
            names = [literal(f"@{name}") for name in (kind, *aliases.get(kind, []))]
            title = "in italics" if kind in BOOK_TYPES else "in quotation marks"
            date = "with its month and day" if kind in DATED_TYPES else "its year"
            shown = joined((literal(part) for part in parts), " → ")
            rows.append([joined(names), title, date, shown])
        parts = sorted({part for parts in TYPE_PARTS.values() for part in parts})
        described = [[literal(part), docstring(part) or self.missing(part)] for part in parts]
        others = joined(literal(f"@{kind}") for kind in sorted(BIBLATEX_TYPES))
        return [
            table(["type (and names read as it)", "title", "date", "parts, in order"], rows),
            nodes.paragraph("", "What each part shows:"),
            table(["part", "shows"], described),
            nodes.paragraph(
                "", "", nodes.Text("biblatex's other types, shown as "), literal("@misc"),
                nodes.Text(" without a warning: "), *others, nodes.Text("."),
            ),
        ]  # fmt: skip

    def missing(self, part: str) -> str:
        registry.warn(
            f"cv-bib-types: CVStyle.format_{part} has no docstring to describe it",
            self.get_location(),
        )
        return ""


class CVBibFields(SphinxDirective):
    """Every field the style knows, and the types whose list shows it."""

    def run(self) -> list[nodes.Node]:
        all_types = len(TYPE_PARTS)
        shown, links, dates, not_shown = [], [], [], []
        for name in sorted(KNOWN_FIELDS):
            if name in LINK_FIELDS:
                links.append(name)
            elif name in DATE_FIELDS:
                dates.append(name)
            elif kinds := types_showing(name):
                where = "every type" if len(kinds) == all_types else ", ".join(kinds)
                shown.append([literal(name), where])
            else:
                not_shown.append(name)
        return [
            table(["field", "shown in the list of"], shown),
            self.names("The date, in the form the type shows it: ", dates),
            self.names("Links (see below): ", links),
            self.names(
                "Known, and not part of an entry's text in the list (read for something "
                "else, shown on the website only, or kept in the BibTeX to copy): ",
                not_shown,
            ),
        ]

    @staticmethod
    def names(lead: str, names: list[str]) -> nodes.paragraph:
        return nodes.paragraph(
            "", "", nodes.Text(lead), *joined(literal(name) for name in names), nodes.Text(".")
        )


#: ``name = {value}`` in an example line.
FIELD = re.compile(r"([\w+-]+)\s*=\s*\{([^{}]*)\}")


class CVBibLinks(SphinxDirective):
    """Each line of the content is an entry's link fields; the table shows its links."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        rows, covered = [], set()
        for line in self.content:
            fields = dict(FIELD.findall(line))
            if not fields:
                continue
            covered.update(name for name in fields if name in LINK_FIELDS)
            entry = Entry("misc", fields={"title": "A title", **fields})
            links = entry_links(entry)
            shown = joined(literal(f"[{link.label}]") for link in links) or [nodes.Text("none")]
            targets = joined(nodes.Text(link.url) for link in links) or [nodes.Text("—")]
            rows.append([literal(line.strip()), shown, targets])
        for name in sorted(set(LINK_FIELDS) - covered):
            registry.warn(
                f"cv-bib-links: no example shows the link field {name!r}",
                self.get_location(),
            )
        return [table(["you write", "shown as", "links to"], rows)]


class CVBibDialect(SphinxDirective):
    """One table of ``dialects.toml``: what a database writes, and what the CV shows."""

    required_arguments = 1
    option_spec: ClassVar[dict] = {"columns": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in TABLES:
            registry.warn(
                f"cv-bib-dialect: dialects.toml has no table {name!r}; it has {', '.join(TABLES)}",
                self.get_location(),
            )
            return []
        data = TABLES[name]
        header = [part.strip() for part in self.options.get("columns", "written, shown").split(",")]
        if all(isinstance(value, str) for value in data.values()):
            rows = [[literal(key), value] for key, value in data.items()]
            return [table(header, rows)]
        words = [word for value in data.values() for word in value]
        return [nodes.paragraph("", "", *joined(literal(word) for word in words))]


class CVBibCopied(SphinxDirective):
    """The fields an entry's BibTeX to copy keeps, in a sentence."""

    def run(self) -> list[nodes.Node]:
        return [CVBibFields.names("", sorted(PUBLIC_FIELDS))]


def setup(app) -> None:
    app.add_directive("cv-bib-types", CVBibTypes)
    app.add_directive("cv-bib-fields", CVBibFields)
    app.add_directive("cv-bib-links", CVBibLinks)
    app.add_directive("cv-bib-dialect", CVBibDialect)
    app.add_directive("cv-bib-copied", CVBibCopied)
