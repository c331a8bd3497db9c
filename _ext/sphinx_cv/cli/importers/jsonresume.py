"""``--from resume.json``: a JSON Resume document as a CV project.

The document is validated against the JSON Resume schema (``jsonresume-schema.json``
beside this module, ``@jsonresume/schema`` 1.3.1); an error names its JSON
pointer. The mapping is the export's (README, "Exports") read backwards:

- ``basics`` → the ``profile`` on the home page (``label``, ``summary`` and
  profiles other than GitHub, Google Scholar, ORCID and LinkedIn as text under it);
- ``work``, ``volunteer``, ``education``, ``projects`` → ``timeline`` entries
  with their ``:kind:`` (a project's ``type`` ``activity`` or ``talk`` keeps its kind);
- ``awards`` and ``certificates`` → ``award`` entries;
- ``publications`` → ``references.bib`` entries, the summary read back into
  authors when it is the export's author list;
- ``skills`` and ``languages`` → ``skills``; ``interests`` → ``interests``;
- ``references`` → a page of plain Markdown; ``meta.canonical`` → ``html_baseurl``.

Anything else is named in the report.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema

from ...source.dates import DateError, parse_dates
from ...source.records import PROFILE_NETWORKS, TIMELINE_KINDS
from .. import markdown as md
from ..draft import Bibliography, Draft, Entry, Keywords, Text, check_date
from . import InputError, shapes
from .bibentry import BibEntry, add_entries
from .dates import read_point
from .reading import brief, load_json

SCHEMA_FILE = Path(__file__).with_name("jsonresume-schema.json")

#: Page titles of the sections, and the ``:kind:`` of their timeline entries.
TIMELINE_SECTIONS = {
    "education": ("Education", "education"),
    "work": ("Experience", "work"),
    "volunteer": ("Volunteering", "volunteer"),
    "projects": ("Projects", "project"),
}
#: Network names (lower case, spaces removed) of the profile's own fields.
NETWORK_FIELDS = {
    **{name.lower().replace(" ", ""): field for field, name in PROFILE_NETWORKS.items()},
    "scholar": "scholar",
}
#: How a profile's address is made from a user name, when only that is given.
NETWORK_URLS = {
    "github": "https://github.com/{}",
    "scholar": "https://scholar.google.com/citations?user={}",
    "orcid": "https://orcid.org/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
}
EQUAL_LEGEND = "(* denotes equal contribution)"
#: Fields that hold a date (the schema's ``iso8601``).
DATE_FIELDS = {"startDate", "endDate", "date", "releaseDate"}
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "ten"}


def load(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The parsed document, with what the schema refuses but is understood mended.

    Returns the document and a report line for each mended value. A null is no
    value; a number where text belongs is that text; a text where a list
    belongs is a list of one; a date the schema's pattern refuses is kept for
    the importer to read. Anything else the schema refuses raises an
    :class:`InputError` that names every such value by its JSON pointer.
    """
    document = load_json(path)
    if not isinstance(document, dict):
        raise InputError(f"{path}: not a JSON Resume: the top level is not an object")
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    notes: list[str] = []
    for _ in range(4):  # a mended value may show an error inside it
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
        refused = [error for error in errors if not mend(document, error, notes)]
        if refused:
            listed = "; ".join(
                f"{pointer(error.absolute_path)}: {error.message}" for error in refused
            )
            raise InputError(
                f"{path}: not a JSON Resume: {len(refused)} value(s) cannot be read: {listed}"
            )
        if not errors:
            break
    return document, notes


def pointer(path: Any) -> str:
    """A JSON pointer (``/work/0/highlights``) to a value."""
    return "".join(f"/{part}" for part in path) or "/"


def mend(document: dict[str, Any], error: jsonschema.ValidationError, notes: list[str]) -> bool:
    """Mend one schema error where the meaning survives; ``False`` when it cannot be."""
    path = list(error.absolute_path)
    if not path:
        return False
    parent: Any = document
    for part in path[:-1]:
        parent = parent[part]
    name, value, where = path[-1], error.instance, pointer(path)
    expected = error.validator_value if error.validator == "type" else None
    if error.validator == "pattern" and name in DATE_FIELDS:
        return True  # read by the importer: kept as written when it is no date
    if expected is None:
        return False
    expected = expected if isinstance(expected, list) else [expected]
    if value is None:
        if isinstance(parent, dict):
            del parent[name]
        else:
            parent[name] = "" if "string" in expected else {} if "object" in expected else []
        return True
    if "string" in expected and isinstance(value, int | float) and not isinstance(value, bool):
        parent[name] = str(value)
        notes.append(f"{where}: the number {value} read as the text {str(value)!r}")
        return True
    if "array" in expected and isinstance(value, str):
        parent[name] = [value]
        notes.append(f"{where}: a text where a list belongs, read as a list of one")
        return True
    if "string" in expected and isinstance(value, list) and all(isinstance(v, str) for v in value):
        parent[name] = "\n\n".join(value)
        notes.append(f"{where}: a list where a text belongs, read as paragraphs")
        return True
    return False


def read(path: Path) -> Draft:
    """The project's draft from a JSON Resume file."""
    document, notes = load(path)
    basics = document.get("basics") or {}
    draft = Draft(name=basics.get("name") or "", source=str(path))
    for line in notes:
        draft.note(line)
    read_basics(draft, basics)
    for section, items in document.items():
        if section in ("basics", "$schema"):
            continue
        reader = SECTION_READERS.get(section)
        if reader is None:
            draft.note(f"{section}: not a JSON Resume section sphinx-cv knows; left out")
        elif items and isinstance(items, list) and not all(isinstance(i, dict) for i in items):
            draft.note(f"{section}: a list of texts, not of entries; left out: {brief(items)}")
        elif items and isinstance(items, list):
            # Fields the schema does not know (academicpages' gpa, al-folio's startdate) too.
            reader(
                draft,
                [
                    shapes.fields(draft, f"{section}[{n}]", i, LIST_FIELDS)
                    for n, i in enumerate(items)
                ],
            )
        elif items:
            reader(draft, items)
    return draft


#: Fields of a section's item that hold a list of texts (the schema's arrays);
#: every other field holds a text.
LIST_FIELDS = frozenset({"highlights", "courses", "keywords", "roles"})


def leftover(draft: Draft, where: str, item: dict[str, Any], used: set[str]) -> None:
    """Report the fields of an item that nothing read."""
    for key, value in item.items():
        if key not in used and value not in ("", None, [], {}):
            draft.note(f"{where}.{key}: a field sphinx-cv does not know; left out")


# -- basics -------------------------------------------------------------------------


def read_basics(draft: Draft, basics: dict[str, Any]) -> None:
    if not draft.name:
        draft.note("basics.name: missing; the profile says 'Your Name' until you change it")
        draft.name = "Your Name"
    profile = draft.profile
    if basics.get("website") and not basics.get("url"):  # JSON Resume before 1.0
        basics = {**basics, "url": basics["website"]}
    if basics.get("picture") and not basics.get("image"):
        basics = {**basics, "image": basics["picture"]}
    profile["website"] = absolute_url(draft, "basics.url", basics.get("url", ""))
    profile["email"] = basics.get("email", "")
    profile["phone"] = basics.get("phone", "")
    profile["location"] = location(draft, basics.get("location") or {})
    if basics.get("label"):
        draft.intro.paragraphs.append(basics["label"])
    if basics.get("summary"):
        draft.intro.paragraphs += shapes.paragraphs(basics["summary"])
    if basics.get("label") or basics.get("summary"):
        draft.note("basics.label, basics.summary: shown on the home page; not exported again")
    if basics.get("image"):
        draft.note(
            f"basics.image: not downloaded (the build needs no network): {basics['image']};"
            " save it beside index.md and add ':photo: FILE' to the profile"
        )
    others = []
    for number, item in enumerate(basics.get("profiles") or []):
        where = f"basics.profiles[{number}]"
        network = str(item.get("network", ""))
        field = NETWORK_FIELDS.get(network.lower().replace(" ", ""))
        url = absolute_url(draft, where + ".url", item.get("url", ""))
        username = item.get("username", "")
        if field and not url and username:
            url = NETWORK_URLS[field].format(username)
        if field and url and not profile.get(field):
            profile[field] = url
        elif url or username:
            shown = f"{network}: {username}" if username else network
            others.append(md.link(shown, url) if url else md.escape(shown))
    if others:
        draft.intro.markdown = True
        draft.intro.paragraphs = [md.escape(p) for p in draft.intro.paragraphs]
        draft.intro.bullets += others
        draft.note(
            "basics.profiles: "
            + ", ".join(
                md.one_line(str(p.get("network", "")))
                for p in basics["profiles"]
                if NETWORK_FIELDS.get(str(p.get("network", "")).lower().replace(" ", "")) is None
            )
            + ": listed on the home page (the profile has fields for GitHub, Google Scholar, "
            "ORCID and LinkedIn only); not exported again"
        )
    for key, value in basics.items():  # "linkedin": "https://…" beside the schema's fields
        field = NETWORK_FIELDS.get(key.lower())
        if field and isinstance(value, str) and not profile.get(field):
            profile[field] = absolute_url(draft, f"basics.{key}", value)
    known = {"name", "url", "email", "phone", "location", "label", "summary", "image", "profiles"}
    leftover(draft, "basics", basics, known | {"website", "picture"} | set(NETWORK_FIELDS))


def location(draft: Draft, place: dict[str, Any]) -> str:
    """The profile's one ``:location:`` line: address, city, region, postal and country code."""
    text = ""
    for key in ("address", "city", "region", "postalCode", "countryCode"):
        value = str(place.get(key) or "").strip()
        if value and value not in text:
            text = f"{text}, {value}" if text else value
    if place.get("address") and text != place["address"]:
        draft.note(f"basics.location: written as one line, {text!r}")
    return text


def absolute_url(draft: Draft, where: str, url: str) -> str:
    """A web address the directives accept; a bare host gets ``https://``."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if (parts.scheme in ("http", "https") and parts.netloc) or parts.scheme == "mailto":
        return url
    if re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", url):
        draft.note(f"{where}: {url!r} has no scheme; written as 'https://{url}'")
        return "https://" + url
    draft.note(f"{where}: {url!r} is not a web address; left out")
    return ""


# -- timeline sections --------------------------------------------------------------


def date_text(draft: Draft, where: str, start: str, end: str) -> str:
    """The date grammar's form of a start and an end; no end means ongoing.

    Each end is read as people write it (``present``, ``Sep 2011``); one that
    is no date is kept as written, for the build to warn about.
    """
    start, end = (_point(draft, where, str(value or "")) for value in (start, end))
    if start and end:
        return start if start == end else f"{start} -- {end}"
    if start:
        return f"{start} -- present"
    return end


def _point(draft: Draft, where: str, text: str) -> str:
    text = text.strip()
    read = read_point(text) if text else ""
    if read and read.lower() != text.lower():
        draft.note(f"{where}: date {text!r} read as {read!r}")
    return read or text


def read_timeline(section: str):
    title, default_kind = TIMELINE_SECTIONS[section]

    def read_items(draft: Draft, items: list[dict[str, Any]]) -> None:
        page = draft.page(title)
        for number, item in enumerate(items):
            where = f"{section}[{number}]"
            page.blocks.append(timeline_entry(draft, where, section, default_kind, item))

    return read_items


def timeline_entry(
    draft: Draft, where: str, section: str, kind: str, item: dict[str, Any]
) -> Entry:
    used = {"startDate", "endDate", "url", "summary", "highlights", "location"}
    paragraphs: list[str] = []
    bullets: list[str] = []
    if section == "education":
        title = item.get("institution", "")
        study, area = item.get("studyType", ""), item.get("area", "")
        # The export splits a role at "; ", else at its first " in ": "BSc in
        # Software Engineering; Minor in Bioinformatics" comes back as it was.
        joiner = "; " if " in " in study else " in "
        role = f"{study}{joiner}{area}" if study and area else study or area
        if area and not study:
            draft.note(
                f"{where}: area {area!r} without studyType is the role; exported again "
                "split at its first ' in ' (studyType before it, area after)"
            )
        if item.get("score"):
            bullets.append(f"Score: {item['score']}")
        if item.get("gpa"):  # academicpages
            bullets.append(f"GPA: {item['gpa']}")
        if item.get("courses"):
            bullets.append("Courses: " + "; ".join(item["courses"]))
        used |= {"institution", "studyType", "area", "score", "gpa", "courses"}
    elif section == "projects":
        title = item.get("name", "")
        role = ", ".join(item.get("roles") or [])
        project_type = str(item.get("type", "")).strip()
        if project_type.lower() in TIMELINE_KINDS and project_type.lower() != "work":
            kind = project_type.lower()
        elif project_type:
            bullets.append(f"Type: {project_type}")
        if kind == "talk" and not role:
            # The export writes a talk's event (its :role:) as the description.
            role, item = item.get("description", ""), {**item, "description": ""}
        if item.get("entity"):
            bullets.append(f"Entity: {item['entity']}")
        if item.get("keywords"):
            bullets.append("Keywords: " + ", ".join(item["keywords"]))
        used |= {"name", "roles", "type", "entity", "keywords", "description"}
        if item.get("description"):
            paragraphs.append(item["description"])
    else:
        title = item.get("organization" if section == "volunteer" else "name", "")
        if not title and item.get("company"):  # JSON Resume before 1.0
            title = item["company"]
        role = item.get("position", "")
        used |= {"organization", "name", "company", "position", "description", "website"}
        if item.get("description"):
            paragraphs.append(item["description"])
    if not title:
        draft.note(f"{where}: no name; the build warns until you add the entry's title")
    if item.get("summary"):
        paragraphs += shapes.paragraphs(item["summary"])
    bullets[:0] = item.get("highlights") or []
    url = absolute_url(draft, where + ".url", item.get("url") or item.get("website", ""))
    options = {"role": role, "location": item.get("location", ""), "url": url}
    if kind != "work":
        options["kind"] = kind
    leftover(draft, where, item, used)
    dates = date_text(draft, where, item.get("startDate", ""), item.get("endDate", ""))
    date = check_date(draft, where, dates)
    return Entry("timeline", title, date, options, paragraphs, bullets)


# -- awards and certificates --------------------------------------------------------


def read_awards(draft: Draft, items: list[dict[str, Any]]) -> None:
    page = draft.page("Awards")
    for number, item in enumerate(items):
        where = f"awards[{number}]"
        lines = [line for line in (item.get("summary") or "").split("\n") if line.strip()]
        date = _point(draft, where, str(item.get("date") or ""))
        if not date:  # al-folio's "startdate" and "enddate"
            start = item.get("startDate") or item.get("startdate") or ""
            end = item.get("endDate") or item.get("enddate") or ""
            date = date_text(draft, where, start, end or start) if start or end else ""
        if lines and lines[-1].startswith("Dates: "):
            # The export keeps a span or list of dates in a last line: read it back.
            written = dates_from_shown(draft, lines[-1][len("Dates: ") :])
            if written:
                date = written
                lines.pop()
        url = absolute_url(draft, where + ".url", item.get("url", ""))
        options = {"issuer": item.get("awarder", ""), "url": url}
        spans = {"startDate", "startdate", "endDate", "enddate"}
        leftover(draft, where, item, {"title", "date", "awarder", "summary", "url"} | spans)
        paragraphs, bullets = (lines, []) if len(lines) == 1 else ([], lines)
        date = check_date(draft, where, date)
        page.blocks.append(
            Entry("award", item.get("title", ""), date, options, paragraphs, bullets)
        )


def read_certificates(draft: Draft, items: list[dict[str, Any]]) -> None:
    page = draft.page("Certificates")
    for number, item in enumerate(items):
        where = f"certificates[{number}]"
        url = absolute_url(draft, where + ".url", item.get("url", ""))
        leftover(draft, where, item, {"name", "date", "issuer", "url"})
        date = check_date(draft, where, _point(draft, where, str(item.get("date") or "")))
        options = {"issuer": item.get("issuer", ""), "url": url}
        page.blocks.append(Entry("award", item.get("name", ""), date, options))
    draft.note(
        "certificates: written as award entries (docs/certificates.md); exported again as awards"
    )


def dates_from_shown(draft: Draft, text: str) -> str:
    """``Mar 2020 – Current`` (a shown date) back in the grammar: ``2020-03 -- present``.

    An end that is no date is the exporting CV's ``cv_present_label``, kept for this one.
    """
    spans, label = [], ""
    for span in text.split(", "):
        ends = span.split(" \u2013 ")
        points = [_point_from_shown(ends[0])]
        if len(ends) == 2:
            points.append(_point_from_shown(ends[1]) or "present")
            label = label or ("" if points[-1] != "present" else ends[1])
        if not all(points) or len(ends) > 2:
            return ""
        spans.append(" -- ".join(points))
    written = ", ".join(spans)
    try:
        parse_dates(written)
    except DateError:
        return ""
    if label and label.isalpha():
        draft.present_label = label
    return written


def _point_from_shown(text: str) -> str:
    if re.fullmatch(r"\d{4}( (Spring|Summer|Fall|Autumn|Winter))?", text):
        return text
    for shown, written in (("%b %Y", "%Y-%m"), ("%d %b %Y", "%Y-%m-%d")):
        try:
            return datetime.datetime.strptime(text, shown).strftime(written)
        except ValueError:
            continue
    return ""


# -- publications -------------------------------------------------------------------


def read_publications(draft: Draft, items: list[dict[str, Any]]) -> None:
    entries = []
    for number, item in enumerate(items):
        where = f"publications[{number}]"
        used = {"name", "publisher", "releaseDate", "url", "website", "summary"}
        leftover(draft, where, item, used)
        entries.append(bib_entry(draft, where, item))
    add_entries(draft, entries, "publications")
    page = draft.page("Publications")
    page.blocks.append(Bibliography())


def bib_entry(draft: Draft, where: str, item: dict[str, Any]) -> BibEntry:
    """One BibTeX entry with what the item says."""
    fields: dict[str, str] = {"title": item.get("name", "")}
    authors, equal, rest = split_authors(item.get("summary", ""))
    if authors:
        fields["author"] = " and ".join(authors)
        draft.note(f"{where}.summary: read as the authors {', '.join(authors)}")
        if equal:
            fields["author+an"] = "; ".join(f"{n}=equal" for n in equal)
    venue = item.get("publisher", "")
    abbr = re.fullmatch(r"(.+) \(([^()\s]{2,16})\)", venue)
    if abbr:
        venue = abbr.group(1)
        fields["abbr"] = abbr.group(2)
    release = str(item.get("releaseDate", ""))
    point = read_point(release) if release else None
    if point and re.fullmatch(r"\d{4}(-\d{2}){0,2}", point):
        fields["year"], _, month = point.partition("-")
        if month:
            fields["month"] = str(int(month[:2]))
            fields["date"] = point  # biblatex's date, with the day when there is one
    elif release:
        draft.note(f"{where}.releaseDate: {release!r} is no date; left out")
    url = absolute_url(draft, where + ".url", item.get("url") or item.get("website", ""))
    arxiv = re.fullmatch(r"https?://arxiv\.org/abs/(.+)", url)
    doi = re.fullmatch(r"https?://(?:dx\.)?doi\.org/(.+)", url)
    if arxiv:
        fields.update(eprint=arxiv.group(1), archiveprefix="arXiv")
    elif doi:
        fields["doi"] = doi.group(1)
    elif url:
        fields["url"] = url
    if rest:
        fields["addendum"] = rest.removesuffix(".")
    if authors and venue and "year" in fields:
        entry_type = "article"
        fields["journal"] = venue
    else:
        # A @misc shows its howpublished where an article shows its journal.
        entry_type = "misc"
        fields["howpublished"] = venue
    last = authors[0].split()[-1] if authors else ""
    return BibEntry(entry_type, fields, last_name=last, where=where)


def split_authors(summary: str) -> tuple[list[str], list[int], str]:
    """The export's summary, "A, B*, and C. (legend) Addendum.", read back.

    Returns the authors, the positions marked equal and the rest. When the
    summary does not start with a list of names, it is all the rest.
    """
    summary = md.one_line(summary)
    for match in re.finditer(r"\.(?= |$)", summary):
        if re.search(r"(?:^|\s)\w$", summary[: match.start()]):
            continue  # an initial, "Jens K. Nørskov": the list goes on
        names = _names(summary[: match.start()])
        if names:
            rest = summary[match.end() :].strip()
            rest = rest.removeprefix(EQUAL_LEGEND).strip()
            equal = [n for n, name in enumerate(names, start=1) if name.endswith("*")]
            return [name.rstrip("*") for name in names], equal, rest
    return [], [], summary


def _names(text: str) -> list[str]:
    parts = re.split(r", and |, | and ", text)
    for part in parts:
        words = part.rstrip("*").split()
        if len(words) < 2 or "*" in part.rstrip("*"):
            return []
        if not all(w[0].isupper() or w in _PARTICLES for w in words):
            return []
    return parts


# -- skills, languages, interests, references, meta ----------------------------------


def _skills_block(draft: Draft) -> Keywords:
    page = draft.page("Skills")
    for block in page.blocks:
        if isinstance(block, Keywords) and block.directive == "skills":
            return block
    block = Keywords("skills")
    page.blocks.append(block)
    return block


def read_skills(draft: Draft, items: list[dict[str, Any]]) -> None:
    block = _skills_block(draft)
    loose = []
    for number, item in enumerate(items):
        where = f"skills[{number}]"
        name, level = item.get("name", ""), item.get("level", "")
        leftover(draft, where, item, {"name", "level", "keywords"})
        if level:
            draft.note(f"{where}.level: {level!r} written after the name: '{name} ({level})'")
            name = f"{name} ({level})" if name else level
        if item.get("keywords"):
            if not name:
                draft.note(f"{where}: keywords without a name; listed under 'Skills'")
            block.groups.append((name or "Skills", list(item["keywords"])))
        elif name:
            loose.append(name)
        else:
            draft.note(f"{where}: empty; left out")
    if loose:
        block.groups.append(("Skills", loose))
        draft.note(f"skills: {', '.join(loose)} have no keywords; listed under 'Skills'")


def read_languages(draft: Draft, items: list[dict[str, Any]]) -> None:
    block = _skills_block(draft)
    spoken = []
    for number, item in enumerate(items):
        leftover(draft, f"languages[{number}]", item, {"language", "fluency"})
        language, fluency = item.get("language", ""), item.get("fluency", "")
        spoken.append(f"{language} ({fluency})" if fluency else language)
    block.groups.append(("Languages", [item for item in spoken if item]))


def read_interests(draft: Draft, items: list[dict[str, Any]]) -> None:
    block = Keywords("interests")
    for number, item in enumerate(items):
        leftover(draft, f"interests[{number}]", item, {"name", "keywords"})
        if item.get("keywords") and item.get("name"):
            block.groups.append((item["name"], list(item["keywords"])))
        elif item.get("keywords") or item.get("name"):
            block.items += item.get("keywords") or [item["name"]]
        else:
            draft.note(f"interests[{number}]: empty; left out")
    draft.page("Interests").blocks.append(block)


def read_references(draft: Draft, items: list[dict[str, Any]]) -> None:
    text = Text(markdown=True)
    for item in items:
        name, reference = md.escape(item.get("name", "")), md.escape(item.get("reference", ""))
        text.paragraphs.append(f"**{name}**: {reference}" if name else reference)
    draft.page("References").blocks.append(text)
    draft.note(
        "references: written as plain Markdown (docs/references.md); "
        "not exported again (no directive holds them)"
    )


def read_meta(draft: Draft, meta: dict[str, Any]) -> None:
    canonical = str(meta.get("canonical") or "")
    if canonical.endswith("/resume.json"):
        address = absolute_url(draft, "meta.canonical", canonical)
        if address.startswith(("https://", "http://")):  # a site's address, never mailto:
            draft.html_baseurl = address.removesuffix("resume.json")
    left = [
        key
        for key, value in meta.items()
        if value and not (key == "canonical" and draft.html_baseurl)
    ]
    if left:
        draft.note(f"meta: {', '.join(left)} left out (about the file, not the CV)")


# -- academicpages' sections (its _data/cv.json beside JSON Resume's) -------------------

#: academicpages section → page title, :kind:, and the fields of title, role, body.
ACADEMICPAGES_SECTIONS = {
    "presentations": ("Talks", "talk", "name", "event"),
    "teaching": ("Teaching", "activity", "course", "role"),
    "portfolio": ("Portfolio", "project", "name", ""),
}


def read_academicpages(section: str):
    title, kind, title_field, role_field = ACADEMICPAGES_SECTIONS[section]
    if kind not in TIMELINE_KINDS:
        kind = "activity"

    def read_items(draft: Draft, items: list[dict[str, Any]]) -> None:
        page = draft.page(title)
        for number, item in enumerate(items):
            where = f"{section}[{number}]"
            role = str(item.get(role_field) or "") if role_field else ""
            if section == "teaching" and item.get("institution"):
                role = ", ".join(part for part in (role, str(item["institution"])) if part)
            paragraphs = shapes.paragraphs(str(item.get("description") or ""))
            url = absolute_url(draft, where + ".url", str(item.get("url") or ""))
            options = {"role": role, "location": str(item.get("location") or ""), "url": url}
            options["kind"] = kind
            date = check_date(draft, where, _point(draft, where, str(item.get("date") or "")))
            name = str(item.get(title_field) or "")
            page.blocks.append(Entry("timeline", name, date, options, paragraphs))
            used = {title_field, role_field, "institution", "description", "url", "location"}
            if item.get("category") not in (None, "", section):
                used.discard("category")
            leftover(draft, where, item, used | {"date", "category"} - {""})
        draft.note(
            f"{section}: academicpages' section, written as timeline entries of kind "
            f"{kind} (docs/{page.slug}.md)"
        )

    return read_items


SECTION_READERS = {
    **{section: read_timeline(section) for section in TIMELINE_SECTIONS},
    **{section: read_academicpages(section) for section in ACADEMICPAGES_SECTIONS},
    "awards": read_awards,
    "certificates": read_certificates,
    "publications": read_publications,
    "skills": read_skills,
    "languages": read_languages,
    "interests": read_interests,
    "references": read_references,
    "meta": read_meta,
}
