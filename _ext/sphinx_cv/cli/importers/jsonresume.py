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
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema

from ...source.dates import DateError, parse_dates
from ...source.records import PROFILE_NETWORKS, TIMELINE_KINDS
from .. import markdown as md
from ..draft import Bibliography, Draft, Entry, Keywords, Text, check_date
from . import InputError

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
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "ten"}


def load(path: Path) -> dict[str, Any]:
    """The parsed, schema-valid document; else an :class:`InputError` saying where."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error}") from error
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from error
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft7Validator(schema).iter_errors(document),
        key=lambda error: list(error.absolute_path),
    )
    if errors:
        error = errors[0]
        pointer = "".join(f"/{part}" for part in error.absolute_path) or "/"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(f"{path}: not a JSON Resume at {pointer}: {error.message}{more}")
    return document


def read(path: Path) -> Draft:
    """The project's draft from a JSON Resume file."""
    document = load(path)
    basics = document.get("basics") or {}
    draft = Draft(name=basics.get("name") or "", source=str(path))
    read_basics(draft, basics)
    for section, items in document.items():
        if section in ("basics", "$schema"):
            continue
        reader = SECTION_READERS.get(section)
        if reader is None:
            draft.note(f"{section}: not a JSON Resume section sphinx-cv knows; left out")
        elif items:
            reader(draft, items)
    return draft


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
    profile["website"] = absolute_url(draft, "basics.url", basics.get("url", ""))
    profile["email"] = basics.get("email", "")
    profile["phone"] = basics.get("phone", "")
    profile["location"] = location(draft, basics.get("location") or {})
    if basics.get("label"):
        draft.intro.paragraphs.append(basics["label"])
    if basics.get("summary"):
        draft.intro.paragraphs += [p for p in re.split(r"\n\s*\n", basics["summary"]) if p]
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
            shown = md.escape(f"{network}: {username}" if username else network)
            others.append(f"[{shown}](<{url}>)" if url else shown)
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
    leftover(
        draft,
        "basics",
        basics,
        {"name", "url", "email", "phone", "location", "label", "summary", "image", "profiles"},
    )


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


def date_text(start: str, end: str) -> str:
    """The date grammar's form of a start and an end; no end means ongoing."""
    start, end = (start or "").strip(), (end or "").strip()
    if start and end:
        return start if start == end else f"{start} -- {end}"
    if start:
        return f"{start} -- present"
    return end


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
        role = f"{study} in {area}" if study and area else study or area
        if area and not study:
            draft.note(
                f"{where}: area {area!r} without studyType is the role; exported again as studyType"
            )
        if item.get("score"):
            bullets.append(f"Score: {item['score']}")
        if item.get("courses"):
            bullets.append("Courses: " + "; ".join(item["courses"]))
        used |= {"institution", "studyType", "area", "score", "courses"}
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
        paragraphs += [p for p in re.split(r"\n\s*\n", item["summary"]) if p.strip()]
    bullets[:0] = item.get("highlights") or []
    url = absolute_url(draft, where + ".url", item.get("url") or item.get("website", ""))
    options = {"role": role, "location": item.get("location", ""), "url": url}
    if kind != "work":
        options["kind"] = kind
    leftover(draft, where, item, used)
    date = check_date(draft, where, date_text(item.get("startDate", ""), item.get("endDate", "")))
    return Entry("timeline", title, date, options, paragraphs, bullets)


# -- awards and certificates --------------------------------------------------------


def read_awards(draft: Draft, items: list[dict[str, Any]]) -> None:
    page = draft.page("Awards")
    for number, item in enumerate(items):
        where = f"awards[{number}]"
        lines = [line for line in (item.get("summary") or "").split("\n") if line.strip()]
        date = item.get("date", "")
        if lines and lines[-1].startswith("Dates: "):
            # The export keeps a span or list of dates in a last line: read it back.
            written = dates_from_shown(draft, lines[-1][len("Dates: ") :])
            if written:
                date = written
                lines.pop()
        url = absolute_url(draft, where + ".url", item.get("url", ""))
        options = {"issuer": item.get("awarder", ""), "url": url}
        leftover(draft, where, item, {"title", "date", "awarder", "summary", "url"})
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
        date = check_date(draft, where, item.get("date", ""))
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
    entries, keys = [], set()
    for number, item in enumerate(items):
        where = f"publications[{number}]"
        leftover(draft, where, item, {"name", "publisher", "releaseDate", "url", "summary"})
        entries.append(bib_entry(draft, where, item, keys))
    draft.bib += "\n".join(entries)
    page = draft.page("Publications")
    page.blocks.append(Bibliography())


def bib_entry(draft: Draft, where: str, item: dict[str, Any], keys: set[str]) -> str:
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
    year, _, month = release.partition("-")
    if re.fullmatch(r"\d{4}", year):
        fields["year"] = year
        if month[:2].isdigit():
            fields["month"] = str(int(month[:2]))
    elif release:
        draft.note(f"{where}.releaseDate: {release!r} is no year; left out")
    url = absolute_url(draft, where + ".url", item.get("url", ""))
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
    key = bib_key(authors, fields, keys)
    body = ",\n".join(
        f"  {name} = {{{bib_text(value, name)}}}" for name, value in fields.items() if value
    )
    return f"@{entry_type}{{{key},\n{body},\n}}\n"


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


def bib_key(authors: list[str], fields: dict[str, str], taken: set[str]) -> str:
    """``song2024sgd``: the first author's last name, the year, a title word."""
    words = re.findall(r"\w+", _ascii(fields.get("title", "")).lower())
    word = next((w for w in words if len(w) > 3), words[0] if words else "entry")
    last = _ascii(authors[0].split()[-1]).lower() if authors else ""
    base = re.sub(r"\W", "", f"{last}{fields.get('year', '')}{word}") or "entry"
    key, suffix = base, ord("a")
    while key in taken:
        key, suffix = base + chr(suffix), suffix + 1
    taken.add(key)
    return key


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def bib_text(value: str, field: str) -> str:
    """Plain text as a BibTeX value: LaTeX's special characters escaped, braces balanced."""
    value = md.one_line(value)
    if field in ("url", "doi", "eprint"):
        return value.replace("{", "%7B").replace("}", "%7D")
    value = re.sub(r"([&%$#_])", r"\\\1", value.replace("\\", "/"))
    # pybtex reads a thin space as a space; as TeX's thin space it comes back as one.
    return value.replace("{", "(").replace("}", ")").replace("\u2009", r"$\,$")


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
    canonical = meta.get("canonical", "")
    if canonical.endswith("/resume.json"):
        draft.html_baseurl = canonical.removesuffix("resume.json")
    left = [
        key
        for key, value in meta.items()
        if value and not (key == "canonical" and draft.html_baseurl)
    ]
    if left:
        draft.note(f"meta: {', '.join(left)} left out (about the file, not the CV)")


SECTION_READERS = {
    **{section: read_timeline(section) for section in TIMELINE_SECTIONS},
    "awards": read_awards,
    "certificates": read_certificates,
    "publications": read_publications,
    "skills": read_skills,
    "languages": read_languages,
    "interests": read_interests,
    "references": read_references,
    "meta": read_meta,
}
