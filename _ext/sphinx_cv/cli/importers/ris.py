"""RIS (EndNote, Zotero, Mendeley, Scopus, Web of Science exports) as BibTeX.

The file is read by ``rispy`` (the package index's maintained RIS reader);
repeated tags are kept as lists, tags it does not know under ``unknown_tag``.
Each reference becomes a :class:`~sphinx_cv.cli.importers.bibentry.BibEntry`
(README, "PubMed and RIS"): its type from ``TY``; ``author`` from ``AU``/``A1``
as written (``Family, Given``), ``editor`` from ``A2``/``ED`` of a chapter or
book; ``title``; ``journal`` from ``JF``/``T2``/``JO`` and ``shortjournal``
from ``JA``/``J2``; ``booktitle`` of a chapter or paper in proceedings;
``volume``, ``number``, ``pages``; ``year``, ``month``, ``date`` from
``PY``/``DA``; ``doi``; ``url``; ``publisher``, ``address``, ``edition``,
``isbn``/``issn``; ``keywords``; ``abstract``; ``note`` from ``N1``; a PubMed
accession number as ``pmid``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import rispy

from .bibentry import BibEntry

#: RIS types and the BibTeX type of each; anything else is a @misc.
TYPES = {
    **dict.fromkeys(("JOUR", "JFULL", "EJOUR", "ABST", "INPR", "MGZN", "NEWS"), "article"),
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK", "WHOLE"), "book"),
    **dict.fromkeys(("CHAP", "ECHAP"), "incollection"),
    **dict.fromkeys(("CONF", "CPAPER"), "inproceedings"),
    "THES": "phdthesis",
    "RPRT": "techreport",
    "UNPB": "unpublished",
}
#: rispy's names that the converter reads.
READ = {
    "type_of_reference", "authors", "first_authors", "secondary_authors", "title",
    "primary_title", "secondary_title", "tertiary_title", "journal_name", "alternate_title1",
    "alternate_title2", "alternate_title3", "volume", "number", "start_page", "end_page",
    "year", "publication_year", "date", "doi", "urls", "publisher", "place_published",
    "edition", "issn", "keywords", "abstract", "notes_abstract", "notes", "note",
    "accession_number", "name_of_database", "database_provider", "short_title", "id",
    "end_of_reference", "language", "type_of_work", "label",
}  # fmt: skip
#: Tags of database bookkeeping: nothing a CV shows.
QUIET = {"name_of_database", "database_provider", "id", "end_of_reference", "label"}


def looks_like(text: str) -> bool:
    """Whether a file's text is RIS: a reference starts with ``TY  - ``."""
    return bool(re.search(r"^\ufeff?TY  -", text, flags=re.M))


def parse(text: str) -> list[dict[str, Any]]:
    """The references of a RIS file, as rispy reads them (repeated tags as lists)."""
    return rispy.loads(text.lstrip("\ufeff"), enforce_list_tags=False)


def _one(reference: dict[str, Any], *names: str) -> str:
    for name in names:
        value = reference.get(name)
        if isinstance(value, list):
            value = value[0] if value else ""
        if value:
            return str(value).strip()
    return ""


def _all(reference: dict[str, Any], *names: str) -> list[str]:
    values: list[str] = []
    for name in names:
        value = reference.get(name) or []
        values += [str(v).strip() for v in (value if isinstance(value, list) else [value])]
    return [v for v in values if v]


def convert(reference: dict[str, Any], where: str, left: Counter[str]) -> BibEntry:
    """One reference as a BibTeX entry; fields it does not read are counted in ``left``."""
    kind = _one(reference, "type_of_reference").upper()
    entry_type = TYPES.get(kind, "misc")
    authors = _all(reference, "authors", "first_authors")
    editors = _all(reference, "secondary_authors") if entry_type in ("incollection", "book") else []
    fields: dict[str, str] = {
        "author": " and ".join(authors),
        "editor": " and ".join(editors),
        "title": _one(reference, "title", "primary_title", "short_title"),
    }
    container = _one(reference, "secondary_title")
    if entry_type == "article":
        fields["journal"] = _one(reference, "alternate_title3", "secondary_title", "journal_name")
        short = _one(reference, "alternate_title2", "alternate_title1", "journal_name")
        if short and short != fields["journal"]:
            fields["shortjournal"] = short
    elif entry_type in ("incollection", "inproceedings"):
        fields["booktitle"] = container
    elif entry_type == "misc" and container:
        fields["howpublished"] = container
    if entry_type == "book" and container:
        fields["series"] = container
    pages = "-".join(_all(reference, "start_page", "end_page"))
    fields.update(volume=_one(reference, "volume"), number=_one(reference, "number"), pages=pages)
    fields.update(ris_date(_one(reference, "date"), _one(reference, "year", "publication_year")))
    fields["doi"] = re.sub(r"^https?://(dx\.)?doi\.org/", "", _one(reference, "doi"))
    fields["url"] = next((u for u in _all(reference, "urls") if u.startswith("http")), "")
    if fields["doi"] and fields["url"].endswith(fields["doi"]):
        fields["url"] = ""
    fields.update(
        publisher=_one(reference, "publisher"),
        address=_one(reference, "place_published"),
        edition=_one(reference, "edition"),
        keywords=", ".join(k.replace(",", "") for k in _all(reference, "keywords")),
        abstract=_one(reference, "abstract", "notes_abstract"),
        note="; ".join(_all(reference, "notes", "note")),
    )
    fields["isbn" if entry_type in ("book", "incollection") else "issn"] = _one(reference, "issn")
    if entry_type == "phdthesis" and re.search(r"master", _one(reference, "type_of_work"), re.I):
        entry_type = "mastersthesis"
    if entry_type in ("phdthesis", "techreport"):
        fields["school" if entry_type == "phdthesis" else "institution"] = fields.pop("publisher")
    database = _one(reference, "name_of_database", "database_provider").lower()
    accession = _one(reference, "accession_number")
    if accession.isdigit() and ("nlm" in database or "pubmed" in database or "medline" in database):
        fields.update(pmid=accession, eprint=accession, eprinttype="pubmed")
    for name, value in reference.items():
        if name == "unknown_tag":
            for tag in value:
                left[tag] += 1
        elif name not in READ and value:
            left[name] += 1
    family = authors[0].split(",")[0] if authors else ""
    return BibEntry(entry_type, fields, last_name=family, where=where)


def ris_date(date: str, year: str) -> dict[str, str]:
    """``DA``/``PY`` (``2020/03/15/``, ``2020///Spring``) as year, month and date."""
    parts = [p for p in re.split(r"/", date or year) if p] or [year]
    if not parts or not re.fullmatch(r"\d{4}", parts[0] or ""):
        found = re.search(r"\d{4}", year or date)
        return {"year": found[0]} if found else {}
    fields = {"year": parts[0]}
    numbers = [p for p in parts[1:3] if p.isdigit()]
    if numbers and 1 <= int(numbers[0]) <= 12:
        fields["month"] = str(int(numbers[0]))
        fields["date"] = "-".join([parts[0], *(f"{int(n):02d}" for n in numbers)])
    return fields
