"""``--from cv.yaml``: a RenderCV input file as a CV project.

RenderCV's format (its ``Cv`` model and entry types, ``rendercv/schema/models/cv``):
``cv:`` holds ``name``, ``headline``, ``location``, ``email``, ``phone`` and
``website`` (each a value or a list), ``photo``, ``social_networks``
(``network`` and ``username``), ``custom_connections`` and ``sections``, a
mapping of section titles to lists of entries of one type, told apart by
their fields, as RenderCV does:

- ``EducationEntry`` (``institution``, ``area``, ``degree``) → ``timeline`` ``:kind: education``;
- ``ExperienceEntry`` (``company``, ``position``) → ``timeline``;
- ``NormalEntry`` (``name``) → ``award`` in a section whose title names awards
  (honours, prizes, scholarships, fellowships, grants), else ``timeline``
  (kind ``project``, ``volunteer``, a talk, or ``activity`` by the title);
- ``PublicationEntry`` (``title``, ``authors``, ``doi``, ``journal``) → ``references.bib``;
- ``OneLineEntry`` (``label``, ``details``) → ``skills`` (``interests`` in an interests section);
- ``BulletEntry``, ``NumberedEntry``, ``ReversedNumberedEntry`` → an entry when
  the text ends in a date in parentheses (``Fulbright Scholarship (2018)``), else,
  like text, Markdown lists and paragraphs.

Dates: ``date`` (any text) or ``start_date`` and ``end_date`` (``present``);
free text (``2017-2021``, ``Sep 2011 - Dec 2011``, in the ``locale``'s month
names too) is read into the grammar; what the grammar reads itself (``Fall
2023``, ``2019–now``) is kept as written. Text is Markdown in RenderCV, and
kept so. ``tel:`` is taken off a phone number; ``photo`` is copied beside ``index.md`` and shown.
``locale.language``, ``locale.present`` and the date template of ``design``
become ``language``, ``cv_present_label`` and ``cv_date_format``; the rest of
``design``, ``locale`` and ``settings`` (RenderCV's look) is left out.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import imagesize

from ...source.dates import DateError, parse_dates
from ...source.records import PROFILE_NETWORKS, TIMELINE_KINDS
from .. import markdown as md
from ..draft import Bibliography, Draft, Entry, Keywords, Text, check_date
from ..markdown import one_line
from . import InputError, shapes
from .bibentry import BibEntry, add_entries
from .dates import month_table, read_dates
from .jsonresume import absolute_url
from .reading import brief, load_yaml

#: Each entry type's own fields (RenderCV's "characteristic fields"), tried in its order.
ENTRY_TYPES = (
    ("OneLineEntry", {"label", "details"}),
    ("NormalEntry", {"name"}),
    ("ExperienceEntry", {"company", "position"}),
    ("EducationEntry", {"institution", "area", "degree"}),
    ("PublicationEntry", {"title", "authors", "doi", "journal"}),
    ("BulletEntry", {"bullet"}),
    ("NumberedEntry", {"number"}),
    ("ReversedNumberedEntry", {"reversed_number"}),
)
COMMON_FIELDS = {"date", "start_date", "end_date", "location", "summary", "highlights", "url"}
#: RenderCV's network names of the profile's own fields.
NETWORK_FIELDS = {name: field for field, name in PROFILE_NETWORKS.items()}
#: RenderCV's address of each network's profile (``url_dictionary`` in social_network.py).
NETWORK_URLS = {
    "LinkedIn": "https://linkedin.com/in/",
    "GitHub": "https://github.com/",
    "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/",
    "Instagram": "https://instagram.com/",
    "ORCID": "https://orcid.org/",
    "StackOverflow": "https://stackoverflow.com/users/",
    "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@",
    "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/",
    "WhatsApp": "https://wa.me/",
    "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/",
    "Bluesky": "https://bsky.app/profile/",
    "Reddit": "https://reddit.com/user/",
}
AWARD_WORDS = re.compile(r"award|honou?r|prize|scholarship|fellowship|grant|distinction", re.I)
SEASON_FIRST = re.compile(r"(Spring|Summer|Fall|Autumn|Winter) (\d{4})", re.I)


def load(path: Path) -> dict[str, Any]:
    """The parsed file; a YAML error names its line and column."""
    document = load_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("cv"), dict):
        raise InputError(f"{path}: not a RenderCV file: it needs a 'cv:' mapping at the top")
    return document


def read(path: Path) -> Draft:
    """The project's draft from a RenderCV file."""
    document = load(path)
    draft = Draft(name="", plain=False, source=str(path))
    cv = clean(draft, document["cv"])
    draft.name = cv.get("name", "")
    words = read_settings(draft, document)
    read_header(draft, cv)
    read_photo(draft, Path(path), cv.get("photo"))
    for title, entries in cv["sections"].items():
        read_section(draft, title, entries, words)
    lists = [b for p in draft.pages for b in p.blocks if isinstance(b, Bibliography)]
    if len(lists) == 1:
        lists[0].keys = None  # one publications section: it lists the whole bib file
    return draft


#: Fields of the ``cv`` mapping that hold a text, or a list of texts.
TEXT_FIELDS_OF_CV = ("name", "headline", "location", "photo")
CONTACT_FIELDS = ("email", "phone", "website")
#: Fields of an entry that hold a list of texts; every other field holds a text.
LIST_FIELDS = frozenset({"highlights", "authors"})


def clean(draft: Draft, cv: dict[str, Any]) -> dict[str, Any]:
    """``cv`` in the shapes the readers take (:mod:`.shapes`); what does not fit is reported.

    Returns the mapping with its texts as text, its lists as lists, and
    ``sections`` as a mapping of titles to lists of texts and mappings.
    """
    cleaned: dict[str, Any] = dict(cv)
    for key in TEXT_FIELDS_OF_CV:
        cleaned[key] = shapes.text(draft, f"cv.{key}", cv.get(key))
    for key in CONTACT_FIELDS:
        value = cv.get(key)
        single = isinstance(value, str | int | float)
        cleaned[key] = [str(value)] if single else shapes.texts(draft, f"cv.{key}", value)
    for key in ("social_networks", "custom_connections"):
        cleaned[key] = [
            shapes.fields(draft, f"cv.{key}[{n}]", item)
            for n, item in enumerate(shapes.mappings(draft, f"cv.{key}", cv.get(key)))
        ]
    sections = cv.get("sections") or {}
    if not isinstance(sections, dict):
        draft.note(f"cv.sections: a mapping of titles to lists of entries belongs here; "
                   f"left out: {brief(sections)}")  # fmt: skip
        sections = {}
    cleaned["sections"] = {}
    for title, entries in sections.items():
        where = f"cv.sections.{title}"
        if isinstance(entries, str | int | float):
            draft.note(f"{where}: a text where a list of entries belongs, read as a list of one")
            entries = [str(entries)]
        elif not isinstance(entries, list | None):
            draft.note(f"{where}: a mapping where a list of entries belongs; left out")
            continue
        cleaned["sections"][str(title)] = [
            clean_entry(draft, f"{where}[{number}]", entry)
            for number, entry in enumerate(entries or [])
        ]
    return cleaned


def clean_entry(draft: Draft, where: str, entry: Any) -> Any:
    """A section's entry: a text, or a mapping of texts (and lists of texts in
    :data:`LIST_FIELDS`); anything else is returned as it is, for the reader to report."""
    if isinstance(entry, int | float):
        return str(entry)
    if not isinstance(entry, dict):
        return entry
    return shapes.fields(draft, where, entry, LIST_FIELDS)


def read_header(draft: Draft, cv: dict[str, Any]) -> None:
    if not draft.name:
        draft.note("cv.name: missing; the profile says 'Your Name' until you change it")
        draft.name = "Your Name"
    for field in CONTACT_FIELDS:
        values = cv[field]
        if field == "phone":
            values = [value.removeprefix("tel:").strip() for value in values]
        if values:
            draft.profile[field] = values[0]
        for value in values[1:]:
            draft.intro.bullets.append(value)
            draft.note(f"cv.{field}: {value} listed on the home page (the profile holds one)")
    draft.profile["location"] = cv["location"]
    if cv["headline"]:
        draft.intro.paragraphs += shapes.paragraphs(cv["headline"])
        draft.note("cv.headline: shown on the home page; not exported")
    for number, item in enumerate(cv["social_networks"]):
        network, username = item.get("network", ""), item.get("username", "")
        # A user name is part of an address: anything else in it is percent-encoded.
        address = quote(one_line(username), safe="@._~-")
        url = NETWORK_URLS[network] + address if network in NETWORK_URLS else ""
        if network == "Mastodon" and "@" in address.lstrip("@"):
            user, _, host = address.lstrip("@").partition("@")
            url = f"https://{host}/@{user}"
        field = NETWORK_FIELDS.get(network)
        if field and not draft.profile.get(field):
            draft.profile[field] = url
        else:
            draft.intro.bullets.append(
                f"[{network}: {username}](<{md.angle_safe(url)}>)"
                if url
                else f"{network}: {username}"
            )
            draft.note(
                f"cv.social_networks[{number}]: {network} listed on the home page "
                "(the profile has GitHub, Google Scholar, ORCID and LinkedIn)"
            )
    for item in cv["custom_connections"]:
        text = item.get("placeholder", "")
        url = absolute_url(draft, "cv.custom_connections.url", item.get("url", ""))
        draft.intro.bullets.append(f"[{text or url}](<{md.angle_safe(url)}>)" if url else text)
        draft.note(f"cv.custom_connections: {text!r} listed on the home page")
    known = {
        "name",
        "email",
        "phone",
        "website",
        "location",
        "headline",
        "photo",
        "social_networks",
        "custom_connections",
        "sections",
    }
    for key, value in cv.items():
        if key not in known and value not in (None, "", [], {}):
            draft.note(f"cv.{key}: not a field of RenderCV's cv; left out")


def entry_type(entry: Any) -> str:
    """RenderCV's rule: a text is a TextEntry; a mapping is the type whose own field it has."""
    if isinstance(entry, str):
        return "TextEntry"
    if isinstance(entry, dict):
        for name, fields in ENTRY_TYPES:
            if fields & set(entry):
                return name
    return ""


def read_section(draft: Draft, key: str, entries: list[Any], words: DateWords) -> None:
    title = section_title(key)
    page = draft.page(title)
    publications: list[BibEntry] = []
    notes: set[str] = set()
    for number, entry in enumerate(entries):
        where = f"cv.sections.{key}[{number}]"
        kind = entry_type(entry)
        if kind in ("EducationEntry", "ExperienceEntry", "NormalEntry"):
            page.blocks.append(dated_entry(draft, where, kind, title, entry, words))
        elif kind == "PublicationEntry":
            publications.append(publication(draft, where, entry))
        elif kind == "OneLineEntry":
            # RenderCV 1 wrote a OneLineEntry's label as "name".
            label = entry.get("label", entry.get("name", ""))
            keywords(page, title).groups.append((str(label), [str(entry.get("details", ""))]))
        elif kind in TEXT_FIELDS and (dated := dated_line(title, str(entry[TEXT_FIELDS[kind]]))):
            page.blocks.append(dated)
            notes.add(
                f"{kind} entries ending in a date in parentheses: written as "
                f"{dated.directive} entries"
            )
        elif kind in (*TEXT_FIELDS, "TextEntry"):
            text_entry(page, kind, entry)
            if kind == "ReversedNumberedEntry":
                notes.add(REVERSED_NOTE)
        else:
            draft.note(f"{where}: matches no RenderCV entry type; left out: {brief(entry)}")
            continue
        if isinstance(entry, dict):
            own = dict(ENTRY_TYPES).get(kind, set()) | (
                {"name"} if kind == "OneLineEntry" else set()
            )
            for field, value in entry.items():
                if field not in own | COMMON_FIELDS | {"authors", "title"} and value not in (
                    None,
                    "",
                    [],
                    {},
                ):
                    draft.note(f"{where}.{field}: a field sphinx-cv does not show; left out")
    for note in sorted(notes):
        draft.note(f"cv.sections.{key}: {note}")
    if publications:
        page.blocks.append(Bibliography(add_entries(draft, publications, f"cv.sections.{key}")))


#: The field that holds the text of each list-like entry type.
TEXT_FIELDS = {
    "BulletEntry": "bullet",
    "NumberedEntry": "number",
    "ReversedNumberedEntry": "reversed_number",
}
_TRAILING_DATE = re.compile(r"^(?P<text>.+?)\s*\((?P<date>[^()]+)\)\s*$")


def dated_line(section: str, text: str) -> Entry | None:
    """``Fulbright Scholarship (2018)`` in an awards section: an award of 2018.

    A list item that ends in a date the grammar reads becomes an entry: an
    ``award`` in a section named for awards, else a ``timeline`` of the
    section's kind. Anything else stays a list item.
    """
    match = _TRAILING_DATE.match(one_line(text))
    if match is None:
        return None
    date = SEASON_FIRST.sub(lambda m: f"{m.group(2)} {m.group(1).title()}", match["date"])
    try:
        parse_dates(date)
    except DateError:
        return None
    if AWARD_WORDS.search(section):
        return Entry("award", match["text"], date)
    return Entry("timeline", match["text"], date, {"kind": section_kind(section)})


def section_title(key: str) -> str:
    """RenderCV's section key as a title: ``honors_and_awards`` → ``Honors and Awards``."""
    if key != key.lower():
        return key
    words = key.replace("_", " ").split()
    small = {"and", "or", "of", "the", "in", "for", "on", "to", "a", "an"}
    return " ".join(
        word if number and word in small else word.capitalize() for number, word in enumerate(words)
    )


def keywords(page, title: str) -> Keywords:
    """The page's skills (or interests) block, made at its first line."""
    directive = "interests" if "interest" in title.lower() else "skills"
    for block in page.blocks:
        if isinstance(block, Keywords):
            return block
    block = Keywords(directive)
    page.blocks.append(block)
    return block


def text_entry(page, kind: str, entry: Any) -> None:
    last = page.blocks[-1] if page.blocks else None
    if kind == "TextEntry":
        page.blocks.append(Text(paragraphs=shapes.paragraphs(entry)))
        return
    numbered = kind == "NumberedEntry"
    if not (isinstance(last, Text) and last.bullets and last.numbered == numbered):
        last = Text(numbered=numbered)
        page.blocks.append(last)
    last.bullets.append(str(entry.get(TEXT_FIELDS[kind], "")))


REVERSED_NOTE = "reversed_number entries: written as a bullet list (Markdown numbers only upwards)"


@dataclasses.dataclass
class DateWords:
    """How the file's language writes dates: month names and the word for now."""

    months: dict[str, int] = dataclasses.field(default_factory=month_table)
    present: set[str] = dataclasses.field(default_factory=set)


def date_text(draft: Draft, where: str, entry: dict[str, Any], words: DateWords) -> str:
    """RenderCV's dates in the date grammar: ``date`` wins; a start alone is ongoing.

    Free text (``2017-2021``, ``Sep 2011 - Dec 2011``) is read into the grammar,
    with a report line; text that is no date is kept as written.
    """

    def text(value: Any) -> str:
        written = " ".join(str(value).split())
        read = read_dates(written, words.months, words.present)
        if read is None and written.lower() in words.present | {"present"}:
            read = "present"
        if read and read != SEASON_FIRST.sub(r"\2 \1", written) and read != written.lower():
            draft.note(f"{where}: date {written!r} read as {read!r}")
        return read or written

    if entry.get("date") not in (None, ""):
        return text(entry["date"])
    start, end = entry.get("start_date"), entry.get("end_date")
    if start not in (None, ""):
        return f"{text(start)} -- {text(end) if end not in (None, '') else 'present'}"
    return text(end) if end not in (None, "") else ""


_LINK = re.compile(r"^\[(?P<text>[^\[\]]+)\]\((?P<url>https?://[^()\s]+)\)$")


def dated_entry(
    draft: Draft, where: str, kind: str, section: str, entry: dict, words: DateWords
) -> Entry:
    paragraphs = shapes.paragraphs(entry.get("summary") or "")
    bullets = list(entry.get("highlights") or [])
    url = absolute_url(draft, where + ".url", str(entry.get("url") or ""))
    name_field = {"EducationEntry": "institution", "ExperienceEntry": "company"}.get(kind, "name")
    link = _LINK.match(str(entry.get(name_field) or "").strip())
    if link and not url:
        # "[FlashInfer](https://…)": the entry's own link, as :url: gives it.
        entry = {**entry, name_field: link["text"]}
        url = link["url"]
    date_link = _LINK.match(str(entry.get("date") or "").strip())
    if date_link:  # sb2nov's projects: a link where the date goes
        if not url:
            url = date_link["url"]
        draft.note(f"{where}.date: the link {date_link['url']} is the entry's :url:, not a date")
        entry = {**entry, "date": None}
    date = check_date(draft, where, date_text(draft, where, entry, words))
    location = str(entry.get("location") or "")
    if kind == "EducationEntry":
        degree, area = str(entry.get("degree") or ""), str(entry.get("area") or "")
        role = f"{degree} in {area}" if degree and area else degree or area
        options = {"role": role, "location": location, "url": url, "kind": "education"}
        institution = entry.get("institution", "")
        return Entry("timeline", institution, date, options, paragraphs, bullets)
    if kind == "ExperienceEntry":
        options = {"role": str(entry.get("position") or ""), "location": location, "url": url}
        return Entry("timeline", entry.get("company", ""), date, options, paragraphs, bullets)
    if AWARD_WORDS.search(section):
        if location:
            paragraphs.insert(0, location)
        return Entry("award", entry.get("name", ""), date, {"url": url}, paragraphs, bullets)
    options = {"location": location, "url": url, "kind": section_kind(section)}
    return Entry("timeline", entry.get("name", ""), date, options, paragraphs, bullets)


def section_kind(title: str) -> str:
    """A NormalEntry's ``:kind:`` from its section's title."""
    lowered = title.lower()
    if "project" in lowered:
        return "project"
    if "volunteer" in lowered:
        return "volunteer"
    if "talk" in TIMELINE_KINDS and re.search(r"talk|presentation|seminar", lowered):
        return "talk"
    return "activity"


def publication(draft: Draft, where: str, entry: dict) -> BibEntry:
    """A PublicationEntry as a bib entry."""
    authors = [re.sub(r"^\*+|\*+$", "", str(a)).strip() for a in entry.get("authors") or []]
    fields = {"title": str(entry.get("title", "")), "author": " and ".join(authors)}
    date = str(entry.get("date") or "")
    read = read_dates(date) or ""
    year = re.match(r"\d{4}", read)
    if year:
        fields["year"] = year.group(0)
        month = re.match(r"\d{4}-(\d{2})", read)
        if month:
            fields["month"] = str(int(month.group(1)))
            fields["date"] = read.split(" -- ")[0]
    elif date:
        fields["note"] = date
        draft.note(f"{where}.date: {date!r} has no year; kept as the entry's note")
    if entry.get("doi"):
        fields["doi"] = str(entry["doi"])
    elif entry.get("url"):
        fields["url"] = str(entry["url"])
    if entry.get("summary"):
        fields["addendum"] = str(entry["summary"])
    journal = str(entry.get("journal") or "")
    entry_type = "article" if journal and authors and "year" in fields else "misc"
    fields["journal" if entry_type == "article" else "publisher"] = journal
    last = authors[0].split()[-1] if authors else ""
    return BibEntry(entry_type, fields, last_name=last, where=where)


# -- settings: design, locale -----------------------------------------------------------

#: RenderCV's locale languages and the language code Sphinx takes.
LANGUAGES = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "danish": "da", "turkish": "tr", "russian": "ru",
    "japanese": "ja", "korean": "ko", "mandarin_chinese": "zh_CN", "hindi": "hi",
    "indonesian": "id", "arabic": "ar", "hebrew": "he", "persian": "fa", "vietnamese": "vi",
    "hungarian": "hu", "norwegian_nynorsk": "nn", "norwegian_bokmål": "nb",
}  # fmt: skip
#: RenderCV's date placeholders and strftime's codes (``cv_date_format``).
DATE_PLACEHOLDERS = {
    "MONTH_ABBREVIATION": "%b", "MONTH_NAME": "%B", "MONTH_IN_TWO_DIGITS": "%m",
    "YEAR_IN_TWO_DIGITS": "%y", "YEAR": "%Y",
}  # fmt: skip


def read_settings(draft: Draft, document: dict[str, Any]) -> DateWords:
    """``locale`` and ``design`` where sphinx-cv has the same setting; the rest reported."""
    locale = document.get("locale") if isinstance(document.get("locale"), dict) else {}
    design = document.get("design") if isinstance(document.get("design"), dict) else {}
    words = DateWords(
        month_table(
            [str(m) for m in locale.get("month_names") or locale.get("full_names_of_months") or []],
            [str(m) for m in locale.get("month_abbreviations") or []],
        )
    )
    used: dict[str, set[str]] = {"locale": set(), "design": set()}
    language = str(locale.get("language") or "").lower()
    if language in LANGUAGES:
        used["locale"].add("language")
        if LANGUAGES[language] != "en":
            draft.language = LANGUAGES[language]
            draft.note(
                f"locale.language: {language}, written as language = {LANGUAGES[language]!r}"
            )
    elif language:
        draft.note(f"locale.language: {language!r} is no language sphinx-cv knows; left out")
    used["locale"] |= {"month_names", "full_names_of_months", "month_abbreviations"}
    present = str(locale.get("present") or "").strip()
    if present:
        used["locale"].add("present")
        words.present.add(present.lower())
        if present.lower() != "present":
            draft.present_label = present[0].upper() + present[1:]
            draft.note(f"locale.present: {present!r}, written as cv_present_label")
    single = (
        (design.get("templates") or {}).get("single_date")
        if isinstance(design.get("templates"), dict)
        else None
    )
    single = single or design.get("date_format")
    if isinstance(single, str) and single.strip():
        written = single
        for placeholder, code in DATE_PLACEHOLDERS.items():
            written = written.replace(placeholder, code)
        if re.fullmatch(r"[%bBmYy .,/\-]+", written) and "%" in written:
            draft.conf["cv_date_format"] = written
            draft.note(f"design: date template {single!r}, written as cv_date_format = {written!r}")
            used["design"] |= {"templates", "date_format"}
    for key, value in document.items():
        if key == "cv":
            continue
        left = sorted(set(value) - used.get(key, set())) if isinstance(value, dict) else []
        if key in used and not left:
            continue
        what = ", ".join(left) if left else str(value)
        draft.note(
            f"{key}: RenderCV's {key} ({what}) left out; sphinx-cv has its own look (conf.py)"
        )
    return words


#: Image files a profile photo may be (not SVG: it may hold a script, and the build refuses it).
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


def read_photo(draft: Draft, source: Path, photo: Any) -> None:
    """Copy ``cv.photo`` beside index.md and show it (``:photo:``), if it is an image there."""
    if not photo:
        return
    name = str(photo)
    folder = source.resolve().parent
    try:
        path = (folder / name).resolve()
        found = folder in path.parents and path.is_file()
    except (OSError, ValueError):  # a name no file system holds (a NUL in it)
        path, found = Path(name), False
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        draft.note(f"cv.photo: {name} is not a photo sphinx-cv shows (.jpg, .png, .gif, "
                   ".webp; not .svg, which may hold a script); left out")  # fmt: skip
        return
    if not found:
        draft.note(
            f"cv.photo: {name} is not a file in {folder}; left out (save the photo "
            "beside docs/index.md and add ':photo: FILE' to the profile)"
        )
        return
    if imagesize.get(path) == (-1, -1):
        draft.note(f"cv.photo: {name} is not an image sphinx-cv can read; left out")
        return
    target = "photo" + path.suffix.lower()
    draft.files[f"docs/{target}"] = path.read_bytes()
    draft.profile["photo"] = target
    draft.note(f"cv.photo: {name} copied as docs/{target} and shown by the profile (:photo:)")
