"""PubMed's MEDLINE format (``.nbib``, "Send to: Citation manager") as BibTeX.

The format (NLM's "MEDLINE/PubMed Data Element (Field) Descriptions"): records
separated by a blank line; each field a line ``TAG - value`` with the tag
left-aligned in four columns, a long value going on in lines indented by six
spaces; a tag may repeat (``FAU``, ``PT``, ``AID``). The parser is small and
keeps each field's order, so that a group author (``CN``) stays where it
stands among the persons (``FAU``).

What each record gives (README, "PubMed and RIS"): ``author`` from ``FAU``
(full names) and ``CN`` in place, else ``AU``; ``editor`` from ``FED``/``ED``;
``title``; ``journal`` (``JT``) and ``shortjournal`` (``TA``); ``volume``,
``number``, ``pages`` as written; ``year``, ``month``, ``date`` from ``DP``;
the electronic date and status in ``note`` and ``pubstate``; ``doi``,
``pmid``, ``pmcid``, ``eprint`` + ``eprinttype = {pubmed}``; trial
registrations and errata, retractions and comments in ``addendum``;
publication types in ``keywords``; ``abstract``; books' ``booktitle``,
``publisher``, ``address``, ``isbn``, ``edition``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .bibentry import BibEntry, field_text

#: A field's first line: a tag of 2 to 4 capitals (and digits), padded to 4, then "- ".
_FIELD = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3}) {0,2}- ?(?P<value>.*)$")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
    if name
}
#: Tags read into the entry; everything else is counted in the report.
READ_TAGS = {
    "PMID", "TI", "FAU", "AU", "CN", "FED", "ED", "JT", "TA", "VI", "IP", "PG", "DP", "DEP",
    "PST", "AID", "LID", "PMC", "SI", "PT", "AB", "BTI", "CTI", "PB", "PL", "ISBN", "EN",
    "EIN", "EFR", "RIN", "ROF", "CIN", "CON", "UIN", "UOF", "IS", "PHST",
}  # fmt: skip
#: Tags that say nothing a CV shows (database bookkeeping).
QUIET_TAGS = {"OWN", "STAT", "DCOM", "LR", "JID", "SB", "EDAT", "MHDA", "CRDT", "SO", "VTI"}
#: Links to other records, as NLM's citation style words them.
RELATIONS = {
    "EIN": "Erratum in",
    "EFR": "Erratum for",
    "RIN": "Retraction in",
    "ROF": "Retraction of",
    "CIN": "Comment in",
    "CON": "Comment on",
    "UIN": "Update in",
    "UOF": "Update of",
}
#: Publication types every article has: no keyword.
PLAIN_TYPES = {"Journal Article"}


@dataclass
class Record:
    """One MEDLINE record: its fields in order, and the line it starts at."""

    line: int
    fields: list[tuple[str, str]] = field(default_factory=list)

    def all(self, tag: str) -> list[str]:
        return [value for name, value in self.fields if name == tag]

    def first(self, tag: str) -> str:
        return next((value for name, value in self.fields if name == tag), "")


class NotMedline(ValueError):
    """A line that is neither a field nor its continuation; ``line`` says which."""

    def __init__(self, line: int, text: str) -> None:
        super().__init__(f"line {line}: neither 'TAG - value' nor an indented continuation")
        self.line = line
        self.text = text


def looks_like(text: str) -> bool:
    """Whether a file's text is MEDLINE: its first field is ``PMID-``."""
    return bool(re.match(r"\A\ufeff?\s*PMID ?- ", text))


def parse(text: str) -> list[Record]:
    """The records of a MEDLINE file; :class:`NotMedline` at a line that is neither."""
    records: list[Record] = []
    current: Record | None = None
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            current = None
            continue
        match = _FIELD.match(line)
        if line.startswith(" ") and current is not None and current.fields:
            tag, value = current.fields[-1]
            current.fields[-1] = (tag, f"{value} {line.strip()}")
        elif match:
            if current is None or (match["tag"] == "PMID" and current.first("PMID")):
                current = Record(number)
                records.append(current)
            current.fields.append((match["tag"], match["value"].strip()))
        else:
            raise NotMedline(number, line)
    return records


def convert(record: Record, where: str, left: Counter[str]) -> BibEntry:
    """One record as a BibTeX entry; tags it does not read are counted in ``left``."""
    fields: dict[str, str] = {}
    raw: set[str] = set()
    authors = _names(record, ("FAU", "AU", "CN"))
    if authors:
        fields["author"], raw = " and ".join(authors), {"author"}
    editors = _names(record, ("FED", "ED"))
    if editors:
        fields["editor"] = " and ".join(editors)
        raw.add("editor")
    fields["title"] = record.first("TI").removesuffix(".") or record.first("BTI")
    book = record.first("BTI")
    if book and record.first("TI"):
        entry_type, fields["booktitle"] = "incollection", book
    elif book:
        entry_type = "book"
    else:
        entry_type = "article"
        fields["journal"] = record.first("JT") or record.first("TA")
        if record.first("TA") and record.first("TA") != fields["journal"]:
            fields["shortjournal"] = record.first("TA")
    fields.update(
        volume=record.first("VI"),
        number=record.first("IP"),
        pages=record.first("PG"),
        series=record.first("CTI"),
        publisher=record.first("PB"),
        address=record.first("PL") if book else "",
        isbn=record.first("ISBN"),
        edition=record.first("EN"),
    )
    fields.update(publication_date(record.first("DP")))
    fields.update(electronic(record))
    ids = {value.rsplit(" [", 1)[1].rstrip("]"): value.rsplit(" [", 1)[0] for value in
           record.all("AID") + record.all("LID") if " [" in value}  # fmt: skip
    fields["doi"] = ids.get("doi", "")
    pmid = record.first("PMID")
    fields.update(pmid=pmid, pmcid=record.first("PMC"))
    if pmid:
        fields.update(eprint=pmid, eprinttype="pubmed")
    addenda = [
        f"Trial registration: {value.replace('/', ' ', 1)}"
        for value in record.all("SI")
        if re.search(r"NCT\d|ISRCTN|EudraCT|ChiCTR|DRKS|ACTRN|CTRI", value)
    ]
    for tag, words in RELATIONS.items():
        addenda += [f"{words}: {value}" for value in record.all(tag)]
    fields["addendum"] = "; ".join(addenda)
    kinds = [kind for kind in record.all("PT") if kind not in PLAIN_TYPES]
    fields["keywords"] = ", ".join(kind.replace(",", "") for kind in kinds)
    fields["abstract"] = record.first("AB")
    fields["issn"] = record.first("IS").split(" (")[0]
    for tag, _ in record.fields:
        if tag not in READ_TAGS | QUIET_TAGS:
            left[tag] += 1
    family = authors[0].split(",")[0].strip("{}") if authors else ""
    return BibEntry(entry_type, fields, last_name=family, where=where, raw=raw)


def _names(record: Record, tags: tuple[str, ...]) -> list[str]:
    """Persons as ``{Family}, Given`` in the record's order; groups whole, in braces.

    Full names (``FAU``) win over initials (``AU``); a name is written in
    braces so that BibTeX takes it as the record gives it.
    """
    full, short, group = tags if len(tags) == 3 else (tags[0], tags[1], "")
    use = full if record.all(full) else short
    names = []
    for tag, value in record.fields:
        if tag == use:
            family, _, given = value.partition(", " if tag == full else " ")
            family = f"{{{field_text(family, 'author')}}}"
            names.append(f"{family}, {field_text(given, 'author')}" if given else family)
        elif group and tag == group:
            names.append(f"{{{field_text(value, 'author')}}}")
    return names


def publication_date(text: str) -> dict[str, str]:
    """``DP`` (``2020 Mar 15``, ``2018 Jan-Feb``, ``2019 Winter``) as year, month and date."""
    parts = text.split()
    if not parts or not re.fullmatch(r"\d{4}", parts[0]):
        return {"note": text} if text else {}
    year = parts[0]
    fields = {"year": year}
    if len(parts) > 1:
        months = [_MONTHS.get(m[:3].lower()) for m in parts[1].split("-")]
        if all(months):
            fields["month"] = str(months[0])
            day = parts[2] if len(parts) > 2 and parts[2].isdigit() else ""
            first = f"{year}-{months[0]:02d}" + (f"-{int(day):02d}" if day else "")
            fields["date"] = first if len(months) == 1 else f"{first}/{year}-{months[-1]:02d}"
        else:
            fields["issue"] = " ".join(parts[1:])  # a season: "Winter"
    return fields


def electronic(record: Record) -> dict[str, str]:
    """The electronic publication: ``note`` (``Epub 2020 Jan 15``), ``pubstate`` ahead of print."""
    dep = record.first("DEP")
    status = record.first("PST")
    shown = ""
    if re.fullmatch(r"\d{8}", dep):
        month = list(_MONTHS)[int(dep[4:6]) - 1].title()
        shown = f"{dep[:4]} {month} {int(dep[6:])}"
    if status == "aheadofprint":
        return {"pubstate": "prepublished", "note": f"Epub ahead of print {shown}".strip()}
    return {"note": f"Epub {shown}"} if shown else {}
