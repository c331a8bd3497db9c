"""JSON Resume export: ``resume.json`` from the ``cv`` domain's records and the bib file.

``sphinx-build -b jsonresume docs OUT`` writes ``OUT/resume.json``; the HTML
builders write it beside the site and link it from the home page. The mapping
(the guide's reference, "Outputs and builders") in short:

- ``basics`` from the ``profile`` directive;
- ``education``, ``work``, ``volunteer``, ``projects`` from ``timeline``
  entries by ``:kind:`` (``project``, ``activity`` and ``talk`` go to ``projects``,
  with their kind as ``type``);
- ``awards`` from ``award`` entries;
- ``publications`` from every entry of ``bibtex_bibfiles``, newest first;
- ``skills``, ``languages``, ``interests`` from the ``skills`` and
  ``interests`` directives.

Entries keep the author's order: pages in the order of the toctree, entries in
the order of their page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .. import model
from ..i18n import _
from ..model import WEBSITE_BUILDERS
from ..publications.bibliography import configured_style
from ..publications.style import (
    CVStyle,
    entry_date,
    equal_legend,
    has_equal_contribution,
    plain_names,
    plain_source,
    plain_text,
    shown_link,
    shows_note,
)
from ..source.config import date_settings
from ..source.dates import DatePoint, Span, format_dates
from ..source.records import (
    PROFILE_NETWORKS,
    AwardRecord,
    KeywordGroup,
    ProfileRecord,
    TimelineRecord,
    profile_username,
)
from ..source.spoken import spoken_entries

logger = logging.getLogger(__name__)

RESUME_FILENAME = "resume.json"
#: The JSON Resume section of each timeline ``:kind:``.
KIND_SECTIONS = {
    "education": "education",
    "work": "work",
    "volunteer": "volunteer",
    "project": "projects",
    "activity": "projects",
    "talk": "projects",
}


# -- dates ------------------------------------------------------------------------


def iso_date(point: DatePoint) -> str:
    """A point in the schema's ISO 8601 form; a season or term is its first month (Fall →
    -09, a winter semester → -10, a summer semester → -04)."""
    if point.term is not None:
        return f"{point.year:04d}-{point.first_month:02d}"
    return point.iso


def date_range(spans: Iterable[Span]) -> dict[str, str]:
    """``startDate`` and ``endDate`` covering all spans; an open span leaves ``endDate`` out.

    A single point ends where it starts, so that it is not taken for an
    ongoing entry.
    """
    spans = tuple(spans)
    if not spans:
        return {}
    start = min((span.start for span in spans), key=DatePoint.sort_key)
    dates = {"startDate": iso_date(start)}
    if any(span.is_open for span in spans):
        return dates
    ends = [span.start if span.end is None else span.end for span in spans]
    dates["endDate"] = iso_date(max(ends, key=DatePoint.sort_key))
    return dates


# -- sections ---------------------------------------------------------------------


def body_items(body: str) -> list[str]:
    """Each paragraph or bullet of an entry's body, on one line."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", body) if part.strip()]


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values: the schema's fields are all optional."""
    return {key: value for key, value in mapping.items() if value not in ("", [], {}, None)}


def timeline_item(record: TimelineRecord) -> dict[str, Any]:
    """One ``timeline`` record in the shape of its JSON Resume section."""
    highlights = body_items(record.body)
    dates = date_range(record.spans)
    if record.kind == "education":
        # "BSc in Software Engineering; Minor in Bioinformatics": the degree, then the area.
        study_type, separator, area = record.role.partition("; ")
        if not separator:
            study_type, _, area = record.role.partition(" in ")
        item = {
            "institution": record.title,
            "url": record.url,
            "area": area.strip(),
            "studyType": study_type.strip(),
            **dates,
        }
    elif record.kind == "volunteer":
        item = {"organization": record.title, "position": record.role, "url": record.url, **dates}
    elif record.kind == "talk":  # JSON Resume has no talks: a project of type "talk"
        item = {
            "name": record.title,
            "description": record.role,
            "type": record.kind,
            "url": record.url,
            **dates,
        }
    elif record.kind in ("project", "activity"):
        item = {
            "name": record.title,
            "roles": [record.role] if record.role else [],
            "type": record.kind,
            "url": record.url,
            **dates,
        }
    else:
        item = {"name": record.title, "position": record.role, "url": record.url, **dates}
    # "location" and "highlights" are not in every section of the schema, which
    # allows further properties; themes that know them show them.
    item.update(location=record.location, highlights=highlights)
    return _compact(item)


def award_item(record: AwardRecord, dates: dict[str, Any]) -> dict[str, Any]:
    """An ``award``: its date is the first one; a span or list is kept in the summary."""
    lines = body_items(record.body)
    if len(record.spans) > 1 or (record.spans and record.spans[0].end is not None):
        lines.append(_("Dates:") + " " + format_dates(record.spans, **dates))
    date = date_range(record.spans).get("startDate", "")
    return _compact(
        {
            "title": record.title,
            "date": date,
            "awarder": record.issuer,
            "url": record.url,
            "summary": "\n".join(lines),
        }
    )


def basics(record: ProfileRecord | None, image: str = "") -> dict[str, Any]:
    """``basics`` from the profile: name, contacts, photo (``image``), location and profiles."""
    if record is None:
        return {}
    location: dict[str, str] = {}
    if record.location:
        city, _, region = record.location.partition(",")
        location = {"address": record.location}
        # "Daejeon, South Korea" is a city and a region; "2712 Broadway St, San
        # Francisco, …" starts with a street: only the address says it right.
        if not re.search(r"\d", city) and region.count(",") < 2:
            location.update(city=city.strip(), region=region.strip())
    profiles = [
        _compact({"network": network, "username": profile_username(field, url), "url": url})
        for field, network in PROFILE_NETWORKS.items()
        if (url := getattr(record, field))
    ]
    return _compact(
        {
            "name": record.name,
            "image": image,
            "email": record.email,
            "phone": record.phone,
            "url": record.website,
            "location": _compact(location),
            "profiles": profiles,
        }
    )


def keyword_sections(
    groups: Iterable[KeywordGroup], language: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """``skills``, ``languages`` and ``interests`` from the keyword groups (the CV in
    ``language``, whose language names a group of spoken languages may use)."""
    sections: dict[str, list[dict[str, Any]]] = {"skills": [], "languages": [], "interests": []}
    for group in groups:
        if group.section == "languages":
            for spoken, fluency in spoken_entries(group.label, group.items, language):
                sections["languages"].append(_compact({"language": spoken, "fluency": fluency}))
        elif group.label:
            sections[group.section].append({"name": group.label, "keywords": list(group.items)})
        else:
            sections[group.section].extend({"name": item} for item in group.items)
    return sections


# -- publications -----------------------------------------------------------------


def release_date(entry: Any) -> str:
    """The year (of ``year`` or ``date``), with the month and day the bib gives."""
    date = entry_date(entry)
    if date is None or not 1000 <= date.year <= 9999:
        return ""
    text = f"{date.year:04d}"
    if date.month:
        text += f"-{date.month:02d}" + (f"-{date.day:02d}" if date.day else "")
    return text


def publication_item(entry: Any, style: CVStyle | None = None) -> dict[str, Any]:
    """One bib entry: name, publisher, releaseDate, url, summary.

    ``publisher`` is where it appeared, as the publication list shows it
    ("Journal (ABBR), 146(12):8123–8134", "Ph.D. thesis, School"), else its
    ``note``; ``summary`` the authors, the legend, the note and the addendum.
    """
    fields = entry.fields
    publisher = plain_source(entry, style)
    note = plain_text(fields.get("note", "")) if shows_note(entry) else ""
    if not publisher:  # a @misc's note ("Letter", "Preprint") says what it is
        publisher, note = note, ""
    names = plain_names(entry, style)
    summary = [
        names,
        equal_legend() if has_equal_contribution(entry) else "",
        note,
        plain_text(fields.get("addendum", "")),
    ]
    return _compact(
        {
            "name": plain_text(fields.get("title", "")),
            "publisher": publisher,
            "releaseDate": release_date(entry),
            "url": publication_url(entry),
            "summary": " ".join(_sentence(part) for part in summary if part),
        }
    )


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def publication_url(entry: Any) -> str:
    """``url``, else the arXiv abstract page, else the DOI: the first the URL policy accepts."""
    return next(filter(None, (shown_link(entry, field) for field in ("url", "eprint", "doi"))), "")


# -- the document -----------------------------------------------------------------


def build_resume(env: BuildEnvironment) -> dict[str, Any]:
    """The whole ``resume.json`` as a dict, from the domain and the bib data."""
    timeline: dict[str, list[dict[str, Any]]] = {name: [] for name in KIND_SECTIONS.values()}
    owner = model.profile(env)
    for record in model.timeline(env):
        timeline[KIND_SECTIONS[record.kind]].append(timeline_item(record))
    dates = date_settings(env.config)
    # The schema's order of sections, which themes follow.
    resume: dict[str, Any] = {
        "basics": basics(owner, model.photo_url(env, owner) if owner else ""),
        "work": timeline["work"],
        "volunteer": timeline["volunteer"],
        "education": timeline["education"],
        "awards": [award_item(record, dates) for record in model.awards(env)],
        "publications": [
            publication_item(entry, style)
            for style in [configured_style(env)]
            for entry in model.publications(env)
        ],
        **keyword_sections(model.keyword_groups(env), env.config.language),
        "projects": timeline["projects"],
    }
    meta = {}
    if env.config.html_baseurl:
        meta["canonical"] = env.config.html_baseurl.rstrip("/") + "/" + RESUME_FILENAME
    if (env.config.language or "en") != "en":
        meta["language"] = env.config.language  # the words' language; dates stay ISO
    resume["meta"] = meta
    return {key: value for key, value in resume.items() if value}


def write_resume(env: BuildEnvironment, outdir: Path) -> Path:
    """Write ``resume.json`` into ``outdir``; the same input gives the same bytes."""
    path = Path(outdir) / RESUME_FILENAME
    text = json.dumps(build_resume(env), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


class JSONResumeBuilder(Builder):
    """``-b jsonresume``: reads the CV and writes ``resume.json``, nothing else."""

    name = "jsonresume"
    format = "json"
    epilog = "The JSON Resume is in %(outdir)s/" + RESUME_FILENAME + "."
    allow_parallel = True

    def init(self) -> None:
        pass

    def get_outdated_docs(self) -> Iterator[str]:
        # Nothing is written per document: resume.json is written in finish().
        yield from ()

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        write_resume(self.env, self.outdir)


def write_beside_site(app: Sphinx, exception: Exception | None) -> None:
    """HTML builds: ``resume.json`` beside the pages."""
    if exception is None and app.builder.name in WEBSITE_BUILDERS:
        write_resume(app.env, app.outdir)


def offer_download(app: Sphinx) -> tuple[str, str, str] | None:
    """HTML builds: the home page's download line offers ``resume.json``."""
    if app.builder.name not in WEBSITE_BUILDERS:
        return None
    return "JSON Resume", RESUME_FILENAME, "resume"


def setup(app: Sphinx) -> None:
    """Register the builder and the HTML hooks (called from the package's setup)."""
    app.add_builder(JSONResumeBuilder)
    app.connect("cv-download", offer_download)
    app.connect("build-finished", write_beside_site)
