"""``--from record.json``: an ORCID public record (API v3.0, JSON) as a CV project.

The user downloads the record (no network here): the whole record
(``/v3.0/ORCID/record``) or one of its parts (``/works``, ``/employments``,
``/educations``, ``/fundings``, ``/peer-reviews``, ...), or a single item or
the ``bulk`` works file ORCID's samples show. The mapping (README, "ORCID"):

- ``person``: the name, ``:orcid:``, the first e-mail and web address, the
  country as ``:location:``; the biography and other addresses on the home
  page; keywords as ``interests``;
- ``employments``, ``invited-positions`` → ``timeline`` (``work``);
  ``educations``, ``qualifications`` → ``timeline`` (``education``);
  ``memberships``, ``services`` → ``timeline`` (``activity``);
- ``distinctions`` and ``fundings`` → ``award`` entries;
- ``peer-reviews`` → one ``activity`` per journal or venue: "Reviewer", the
  years, how many reviews;
- ``works`` → ``references.bib``: from the work's BibTeX citation when it has
  one, the work's own fields (title, type, date, journal, identifiers,
  contributors, URL) winning; one entry per work (a group of versions, or a
  repeated put-code or DOI, is imported once, with a report line).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pybtex.errors
from pybtex.database import parse_string
from pybtex.scanner import PybtexError

from .. import markdown as md
from ..draft import Bibliography, Draft, Entry, Keywords, check_date
from . import InputError
from .bibentry import BibEntry, add_entries, normal_doi
from .reading import load_json

#: ORCID work types and the BibTeX type of each; anything else is a @misc.
WORK_TYPES = {
    "journal-article": "article", "magazine-article": "article", "newspaper-article": "article",
    "review": "article", "book": "book", "edited-book": "book", "book-chapter": "incollection",
    "conference-paper": "inproceedings", "conference-abstract": "inproceedings",
    "conference-poster": "inproceedings", "dissertation": "phdthesis",
    "dissertation-thesis": "phdthesis", "report": "techreport", "working-paper": "techreport",
}  # fmt: skip
#: Where a work's journal-title goes, by BibTeX type.
CONTAINER = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}
#: Affiliation sections: page title and :kind:.
AFFILIATIONS = {
    "employments": ("Experience", "work"),
    "invited-positions": ("Invited Positions", "work"),
    "educations": ("Education", "education"),
    "qualifications": ("Qualifications", "education"),
    "memberships": ("Memberships", "activity"),
    "services": ("Service", "activity"),
    "distinctions": ("Awards", "award"),
}
#: The part of a record each single-item file holds, told by a field only it has.
SINGLE_ITEMS = {"funding": "fundings", "peer-review": "peer-reviews", "work": "works"}


def looks_like(document: Any) -> bool:
    """Whether parsed JSON is an ORCID record, one of its parts, or one item."""
    if not isinstance(document, dict):
        return False
    keys = set(document)
    return bool(
        keys & {"orcid-identifier", "activities-summary", "bulk", "affiliation-group"}
        or ("group" in keys and "path" in keys)
        or keys & {"put-code", "reviewer-role", "review-group-id"}
        or ("organization" in keys and "start-date" in keys)
        or ("journal-title" in keys and "external-ids" in keys)
    )


def load(path: Path) -> dict[str, Any]:
    """The parsed JSON file (:func:`~.reading.load_json`)."""
    return load_json(path)


def value(node: Any, *path: str) -> str:
    """``node[path...]["value"]`` (ORCID wraps most values), or ``""``."""
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node = node.get("value")
    return "" if node is None else str(node).strip()


def orcid_date(node: Any) -> str:
    """``{"year": {"value": "2021"}, "month": ...}`` as ``2021-06-01``."""
    year = value(node, "year")
    if not re.fullmatch(r"\d{4}", year):
        return ""
    parts = [year] + [f"{int(p):02d}" for p in (value(node, "month"), value(node, "day")) if p]
    return "-".join(parts[: 2 if len(parts) == 2 else 3])


def read(path: Path) -> Draft:
    """The project's draft from an ORCID record or a part of one."""
    document = load(path)
    draft = Draft(name="", source=str(path))
    activities = parts(document, Path(path).stem)
    person = document.get("person") if isinstance(document.get("person"), dict) else None
    if person:
        read_person(draft, person)
    identifier = document.get("orcid-identifier") or {}
    if identifier.get("uri"):
        draft.profile["orcid"] = str(identifier["uri"])
    if not draft.name:
        draft.note("person.name: missing; the profile says 'Your Name' until you change it")
        draft.name = "Your Name"
    for section, items in activities.items():
        READERS[section](draft, items)
    if not activities and not person:
        raise InputError(f"{path}: an ORCID file without a person or an activity sphinx-cv reads")
    return draft


def parts(document: dict[str, Any], file_name: str = "") -> dict[str, list[Any]]:
    """Each section of the record as a list of groups (the versions of one item).

    A single affiliation says nothing of its kind: the file's name
    (``education-3.0``) tells it, else it is an employment.
    """
    found: dict[str, list[Any]] = {}
    summary = document.get("activities-summary") or {}
    if "bulk" in document:
        found["works"] = [[item["work"]] for item in document["bulk"] if "work" in item]
    candidates = {**summary, **({} if summary else {"": document})}
    for name, section in candidates.items():
        if not isinstance(section, dict):
            continue
        if "affiliation-group" in section:
            kind = name or _affiliation_kind(section)
            found[kind] = [
                [next(iter(s.values())) for s in group.get("summaries") or []]
                for group in section["affiliation-group"]
            ]
        elif "group" in section:
            for group in section["group"]:
                for key, items in group.items():
                    if key.endswith("-summary") or key == "peer-review-group":
                        kind = name or {"work-summary": "works", "funding-summary": "fundings"}.get(
                            key, "peer-reviews"
                        )
                        found.setdefault(kind, []).append(items)
    if not found and not summary:
        single = _single(document)
        if single == "employments":
            single = next((s for s in AFFILIATIONS if s.rstrip("s") in file_name.lower()), single)
        if single:
            found[single] = [[document]]
    return {k: v for k, v in found.items() if k in READERS or k == "research-resources"}


def _affiliation_kind(section: dict[str, Any]) -> str:
    for group in section.get("affiliation-group") or []:
        for summary in group.get("summaries") or []:
            return next(iter(summary)).removesuffix("-summary") + "s"
    return "employments"


def _single(document: dict[str, Any]) -> str:
    if "reviewer-role" in document:
        return "peer-reviews"
    if "amount" in document or document.get("type") in (
        "grant",
        "award",
        "contract",
        "salary-award",
    ):
        return "fundings"
    if "journal-title" in document or "citation" in document or "contributors" in document:
        return "works"
    if "organization" in document:
        return "employments"
    return ""


# -- person ---------------------------------------------------------------------------------


def read_person(draft: Draft, person: dict[str, Any]) -> None:
    name = person.get("name") or {}
    credit = value(name, "credit-name")
    full = " ".join(p for p in (value(name, "given-names"), value(name, "family-name")) if p)
    draft.name = credit or full
    emails = [str(e.get("email")) for e in (person.get("emails") or {}).get("email") or []]
    if emails:
        draft.profile["email"] = emails[0]
    urls = (person.get("researcher-urls") or {}).get("researcher-url") or []
    for number, item in enumerate(urls):
        url, label = value(item, "url"), value(item, "url-name")
        if number == 0 and url.startswith(("https://", "http://")):
            draft.profile["website"] = url
        elif url:
            draft.intro.bullets.append(md.link(label or url, url))
    addresses = (person.get("addresses") or {}).get("address") or []
    if addresses:
        draft.profile["location"] = value(addresses[0], "country")
    biography = value(person, "biography", "content")
    if biography:
        draft.intro.paragraphs.append(md.escape(biography))
    keywords = [str(k.get("content")) for k in (person.get("keywords") or {}).get("keyword") or []]
    if keywords:
        draft.page("Interests").blocks.append(Keywords("interests", items=keywords))
    others = (person.get("other-names") or {}).get("other-name") or []
    if others:
        listed = ", ".join(repr(str(o.get("content"))) for o in others)
        draft.note(f"person.other-names: {listed} left out (the profile has one name)")
    identifiers = (person.get("external-identifiers") or {}).get("external-identifier") or []
    for item in identifiers:
        shown = f"{item.get('external-id-type')}: {item.get('external-id-value')}"
        url = value(item, "external-id-url")
        draft.intro.bullets.append(md.link(shown, url) if url else md.escape(shown))
    if identifiers:
        draft.note("person.external-identifiers: listed on the home page")
    draft.intro.markdown = True  # the bullets are links, every text in them escaped


# -- affiliations, fundings, peer reviews -----------------------------------------------------


def read_affiliations(section: str):
    title, kind = AFFILIATIONS[section]

    def read_items(draft: Draft, groups: list[list[dict[str, Any]]]) -> None:
        page = draft.page(title)
        for number, group in enumerate(groups):
            where = f"{section}[{number}]"
            item = _first(draft, where, group)
            organization = item.get("organization") or {}
            address = organization.get("address") or {}
            place = ", ".join(
                str(address[k]) for k in ("city", "region", "country") if address.get(k)
            )
            role = ", ".join(str(item[k]) for k in ("role-title", "department-name") if item.get(k))
            date = _span(item)
            url = value(item, "url")
            name = str(organization.get("name") or "")
            if kind == "award":
                entry = Entry(
                    "award", role or name, "", {"issuer": name if role else "", "url": url}
                )
            else:
                options = {"role": role, "location": place, "url": url}
                if kind != "work":
                    options["kind"] = kind
                entry = Entry("timeline", name, "", options)
            entry.date = check_date(draft, where, date)
            page.blocks.append(entry)

    return read_items


def _first(draft: Draft, where: str, group: list[dict[str, Any]]) -> dict[str, Any]:
    """The first version of a group (the same item from several sources), with a line."""
    if len(group) > 1:
        draft.note(f"{where}: {len(group)} versions of one item (several sources); the first kept")
    return group[0] if group else {}


def _span(item: dict[str, Any]) -> str:
    start, end = orcid_date(item.get("start-date")), orcid_date(item.get("end-date"))
    if start and end:
        return start if start == end else f"{start} -- {end}"
    return f"{start} -- present" if start else end


def read_fundings(draft: Draft, groups: list[list[dict[str, Any]]]) -> None:
    page = draft.page("Grants")
    for number, group in enumerate(groups):
        where = f"fundings[{number}]"
        item = _first(draft, where, group)
        title = value(item, "title", "title")
        funder = str((item.get("organization") or {}).get("name") or "")
        lines = []
        ids = (item.get("external-ids") or {}).get("external-id") or []
        lines += [
            f"Grant number: {i.get('external-id-value')}" for i in ids if i.get("external-id-value")
        ]
        amount = item.get("amount") or {}
        if amount.get("value"):
            lines.append(f"Amount: {amount.get('value')} {amount.get('currency-code', '')}".strip())
        if item.get("short-description"):
            lines.insert(0, str(item["short-description"]))
        date = check_date(draft, where, _span(item))
        options = {"issuer": funder, "url": value(item, "url")}
        page.blocks.append(Entry("award", title, date, options, bullets=lines))


def read_peer_reviews(draft: Draft, groups: list[list[dict[str, Any]]]) -> None:
    page = draft.page("Peer Review")
    for number, group in enumerate(groups):
        where = f"peer-reviews[{number}]"
        reviews = [s for g in group for s in (g.get("peer-review-summary") or [g])]
        if not reviews:
            continue
        venue = str(
            (reviews[0].get("convening-organization") or {}).get("name")
            or value(reviews[0], "subject-container-name")
            or ""
        )
        years = sorted(
            {
                orcid_date(r.get("completion-date") or r.get("review-completion-date"))[:4]
                for r in reviews
            }
            - {""}
        )
        date = "" if not years else years[0] if len(years) < 2 else f"{years[0]} -- {years[-1]}"
        role = str(reviews[0].get("reviewer-role") or "reviewer").title()
        bullets = [f"{len(reviews)} review{'s' if len(reviews) > 1 else ''}"]
        options = {"role": role, "kind": "activity"}
        entry = Entry("timeline", venue or "Peer review", "", options, bullets=bullets)
        entry.date = check_date(draft, where, date)
        page.blocks.append(entry)


# -- works ------------------------------------------------------------------------------------


def read_works(draft: Draft, groups: list[list[dict[str, Any]]]) -> None:
    entries: list[BibEntry] = []
    put_codes: dict[str, str] = {}
    dois: dict[str, str] = {}
    for number, group in enumerate(groups):
        where = f"works[{number}]"
        work = _first(draft, where, group)
        code = str(work.get("put-code") or "")
        doi = normal_doi(_ids(work).get("doi", ""))
        twin = put_codes.get(code) if code else None
        twin = twin or (dois.get(doi) if doi else None)
        if twin:
            draft.note(f"{where}: the same work as {twin} (same put-code or DOI); imported once")
            continue
        if code:
            put_codes[code] = where
        if doi:
            dois[doi] = where
        entries.append(work_entry(draft, where, work))
    add_entries(draft, entries, "works")
    draft.page("Publications").blocks.append(Bibliography())


def _ids(work: dict[str, Any]) -> dict[str, str]:
    """The work's own identifiers (relationship ``self``), by type."""
    found: dict[str, str] = {}
    for item in (work.get("external-ids") or {}).get("external-id") or []:
        if item.get("external-id-relationship") in (None, "self", "version-of"):
            found.setdefault(str(item.get("external-id-type")), str(item.get("external-id-value")))
    return found


def work_entry(draft: Draft, where: str, work: dict[str, Any]) -> BibEntry:
    """One work as a BibTeX entry: its citation's fields, the work's own winning."""
    entry_type = WORK_TYPES.get(str(work.get("type") or ""), "misc")
    fields: dict[str, str] = {}
    cited = _citation(draft, where, work)
    if cited is not None:
        fields.update({name.lower(): str(text) for name, text in cited.fields.items()})
        for role in ("author", "editor"):
            if cited.persons.get(role):
                fields[role] = " and ".join(str(p) for p in cited.persons[role])
    title = value(work, "title", "title")
    subtitle = value(work, "title", "subtitle")
    full_title = f"{title}: {subtitle}" if subtitle else title
    cited_title = fields.get("title", "") if cited is not None else ""
    if cited_title and full_title and _plain(cited_title) != _plain(full_title):
        draft.note(
            f"{where}: the citation's title {fields.get('title', '')!r} is not the work's "
            f"{full_title!r}; the work's kept"
        )
    fields["title"] = full_title or fields.get("title", "")
    journal = value(work, "journal-title")
    if journal:
        fields[CONTAINER.get(entry_type, "howpublished")] = journal
    date = orcid_date(work.get("publication-date"))
    if date:
        fields["year"] = date[:4]
        if len(date) > 4:
            fields["month"] = str(int(date[5:7]))
            fields["date"] = date
    people = _contributors(work)
    for role, names in people.items():
        fields[role] = " and ".join(names)
    ids = _ids(work)
    fields["doi"] = re.sub(
        r"^(https?://(dx\.)?doi\.org/|doi:\s*)",
        "",
        ids.get("doi", fields.get("doi", "")),
        flags=re.I,
    )
    if ids.get("pmid"):
        fields.update(pmid=ids["pmid"], eprint=ids["pmid"], eprinttype="pubmed")
    if ids.get("pmc"):
        fields["pmcid"] = ids["pmc"]
    if ids.get("arxiv") and not ids.get("pmid"):
        fields.update(eprint=ids["arxiv"].removeprefix("arXiv:"), archiveprefix="arXiv")
    if ids.get("isbn"):
        fields["isbn"] = ids["isbn"]
    if fields["doi"] and not fields["doi"].startswith("10."):
        draft.note(f"{where}: doi {fields['doi']!r} is no DOI (10.…); kept, the build warns")
    url = value(work, "url")
    if url and not (fields["doi"] and fields["doi"].lower() in url.lower()):
        fields["url"] = url
    if work.get("short-description"):
        fields["abstract"] = str(work["short-description"])
    fields.pop("type", None)
    if entry_type in ("techreport",) and "publisher" in fields:
        fields["institution"] = fields.pop("publisher")
    if not fields.get("author"):
        draft.note(f"{where}: no contributors; the entry has no authors")
    family = fields.get("author", "").split(" and ")[0]
    family = family.split(",")[0] if "," in family else (family.split() or [""])[-1]
    return BibEntry(entry_type, fields, last_name=family, where=where)


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def _citation(draft: Draft, where: str, work: dict[str, Any]):
    citation = work.get("citation") or {}
    if str(citation.get("citation-type") or "").lower() != "bibtex":
        return None
    text = str(citation.get("citation-value") or "")
    pybtex.errors.set_strict_mode(False)
    try:
        entries = parse_string(text, "bibtex").entries
    except PybtexError:
        entries = {}
    finally:
        pybtex.errors.set_strict_mode(True)
    if not entries:
        draft.note(f"{where}: its BibTeX citation cannot be read; the work's fields used")
        return None
    return next(iter(entries.values()))


def _contributors(work: dict[str, Any]) -> dict[str, list[str]]:
    people: dict[str, list[str]] = {}
    for item in (work.get("contributors") or {}).get("contributor") or []:
        name = value(item, "credit-name")
        if not name:
            continue
        attributes = item.get("contributor-attributes") or {}
        role = str(attributes.get("contributor-role") or "author").lower()
        people.setdefault("editor" if "editor" in role else "author", []).append(name)
    return people


def read_research_resources(draft: Draft, groups: list[Any]) -> None:
    draft.note(f"research-resources: {len(groups)} left out (no CV directive holds them)")


READERS = {
    **{section: read_affiliations(section) for section in AFFILIATIONS},
    "fundings": read_fundings,
    "peer-reviews": read_peer_reviews,
    "works": read_works,
    "research-resources": read_research_resources,
}
