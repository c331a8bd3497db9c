"""The ``timeline``, ``award`` and ``profile`` directives.

Each directive validates its argument and options into a record
(:mod:`sphinx_cv.source.records`) and returns one :class:`~sphinx_cv.source.nodes.cv_entry`.
Bad input is a warning at the directive's file and line that says what is
accepted; the entry is still built from what could be read.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urlsplit

import imagesize
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import nodes as cv
from . import records as rec
from .config import is_set_by_user
from .dates import DateError, Span, parse_dates

logger = logging.getLogger(__name__)

#: URL schemes a ``:url:`` may use.
URL_SCHEMES = ("http", "https", "mailto")


class CVDirective(SphinxDirective):
    """Warnings at the directive's location, and the URL check all directives share."""

    def warn(self, message: str, subtype: str) -> None:
        logger.warning(message, location=self.get_location(), type="cv", subtype=subtype)

    def validate_url(self, url: str, option: str = "url") -> str:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        # A web URL needs its host: "https:/x" or "http://" would link nowhere.
        if url and (scheme not in URL_SCHEMES or (scheme != "mailto" and not parts.netloc)):
            self.warn(
                f"{self.name}: ':{option}:' {url!r} is ignored; accepted are absolute "
                "http://, https:// or mailto: URLs",
                "url",
            )
            return ""
        return url


class CVEntryDirective(CVDirective):
    """What both directives share: a title, ``:date:``, ``:url:`` and a body.

    Subclasses name their entry type, their extra text fields (shown on the
    entry's second line, in order) and build their record.
    """

    entry_type: ClassVar[str]
    meta_fields: ClassVar[tuple[str, ...]]

    has_content = True
    # The title is checked in run(), so that a missing one is our warning
    # (with what is accepted) and not the parser's.
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict] = {
        "date": directives.unchanged,
        "url": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        title = self.arguments[0].strip() if self.arguments else ""
        if not title:
            self.warn(
                f"{self.name}: the title is missing; write it after the directive name, "
                f"e.g. ':::{{{self.name}}} Title'",
                "argument",
            )
        date_text = self.options.get("date", "").strip()
        spans = self.validate_dates(date_text)
        url = self.validate_url(self.options.get("url", "").strip())

        entry = cv.cv_entry(
            "", classes=["cv-entry", f"cv-{self.entry_type}", *self.options.get("class", [])]
        )
        self.set_source_info(entry)
        entry["entry_type"] = self.entry_type
        entry += self.make_header(title, url, date_text, spans)
        fields = {name: self.field_value(name) for name in self.meta_fields}
        meta = self.make_meta(fields)
        if meta is not None:
            entry += meta
        body = cv.cv_entry_body("", *self.parse_content_to_nodes(), classes=["cv-entry-body"])
        if len(body):
            entry += body

        docname, lineno = self.env.docname, self.lineno
        entry["record"] = self.make_record(
            docname=docname,
            lineno=lineno,
            title=title,
            date_text=date_text,
            spans=spans,
            url=url,
            body=body.astext(),
            **fields,
        )
        return [entry]

    def make_record(self, **values) -> rec.Record:
        raise NotImplementedError

    def field_value(self, name: str) -> str:
        return self.options.get(name, "").strip()

    def validate_dates(self, text: str) -> tuple[Span, ...]:
        if not text:
            problem = "is empty" if "date" in self.options else "is missing"
            self.warn(
                f"{self.name}: the ':date:' option {problem}; write e.g. "
                "':date: 2020-03 -- present'",
                "date",
            )
            return ()
        try:
            return parse_dates(text)
        except DateError as error:
            self.warn(f"{self.name}: invalid ':date:' {text!r}: {error}", "date")
            return ()

    def make_header(
        self, title: str, url: str, date_text: str, spans: tuple[Span, ...]
    ) -> cv.cv_entry_header:
        inline, messages = self.parse_inline(title, lineno=self.lineno)
        heading = cv.cv_entry_title("", classes=["cv-entry-title"])
        if url:
            heading += nodes.reference("", "", *inline, refuri=url, internal=False)
        else:
            heading += inline
        heading += messages
        config = self.config
        dates = cv.cv_entry_dates(
            date_text,
            date_text,
            spans=spans,
            present_label=config.cv_present_label,
            month_format=config.cv_date_format,
            classes=["cv-entry-dates"],
        )
        return cv.cv_entry_header("", heading, dates, classes=["cv-entry-header"])

    def make_meta(self, fields: dict[str, str]) -> cv.cv_entry_meta | None:
        meta = cv.cv_entry_meta("", classes=["cv-entry-meta"])
        for name, value in fields.items():
            if value:
                inline, messages = self.parse_inline(value, lineno=self.lineno)
                meta += cv.cv_entry_field(
                    "", *inline, *messages, field=name, classes=[f"cv-entry-{name}"]
                )
        return meta if len(meta) else None


class TimelineDirective(CVEntryDirective):
    """``timeline``: one dated entry (education, position, activity, talk)."""

    entry_type = "timeline"
    meta_fields = ("role", "location")
    option_spec: ClassVar[dict] = {
        **CVEntryDirective.option_spec,
        "role": directives.unchanged,
        "location": directives.unchanged,
        "kind": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        result = super().run()
        result[0]["classes"].append(f"cv-kind-{result[0]['record'].kind}")
        return result

    def make_record(self, **values) -> rec.TimelineRecord:
        return rec.TimelineRecord(kind=self.validate_kind(), **values)

    def validate_kind(self) -> str:
        kind = self.options.get("kind", rec.DEFAULT_KIND).strip().lower()
        if kind not in rec.TIMELINE_KINDS:
            accepted = ", ".join(rec.TIMELINE_KINDS)
            self.warn(
                f"timeline: unknown ':kind:' {kind!r}; accepted are {accepted} "
                f"(default {rec.DEFAULT_KIND})",
                "option",
            )
            return rec.DEFAULT_KIND
        return kind


class AwardDirective(CVEntryDirective):
    """``award``: one honour, prize, scholarship or grant."""

    entry_type = "award"
    meta_fields = ("issuer",)
    option_spec: ClassVar[dict] = {
        **CVEntryDirective.option_spec,
        "issuer": directives.unchanged,
    }

    def make_record(self, **values) -> rec.AwardRecord:
        return rec.AwardRecord(**values)


class ProfileDirective(CVDirective):
    """``profile``: the owner's name (the argument) and contact details.

    Written once, on the home page; the website shows the contact line, the PDF
    puts name and contacts on top, and exporters read the record.
    """

    has_content = False
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict] = {
        **dict.fromkeys(rec.PROFILE_FIELDS, directives.unchanged),
        "photo": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0].strip() if self.arguments else ""
        if not name:
            self.warn(
                "profile: the name is missing; write it after the directive name, "
                "e.g. ':::{profile} Ada Lovelace'",
                "argument",
            )
        self.check_owner(name)
        values = {field: self.options.get(field, "").strip() for field in rec.PROFILE_FIELDS}
        values["email"] = self.validate_email(values["email"])
        for field in rec.PROFILE_URL_FIELDS:
            values[field] = self.validate_url(values[field], field)

        photo = self.make_photo(self.options.get("photo", "").strip(), name)
        profile = cv.cv_profile("", classes=["cv-profile"])
        self.set_source_info(profile)
        profile["record"] = rec.ProfileRecord(
            docname=self.env.docname,
            lineno=self.lineno,
            name=name,
            photo=photo["uri"] if photo else "",
            **values,
        )
        for field, label in rec.PROFILE_FIELDS.items():
            if values[field]:
                item = cv.cv_profile_item(
                    "", field=field, label=label, classes=[f"cv-profile-{field}"]
                )
                item += self.make_value(field, values[field])
                profile += item
        return [photo, profile] if photo else [profile]

    def make_photo(self, path: str, name: str) -> cv.cv_photo | None:
        """The ``:photo:`` as an image node sized from its file, or None with a warning."""
        if not path:
            return None
        _relative, full = self.env.relfn2path(path, self.env.docname)
        try:
            width, height = imagesize.get(full)
        except OSError:
            width = height = -1
        if width <= 0 or height <= 0:
            self.warn(
                f"profile: ':photo:' {path!r} is ignored: it is not a PNG, JPEG, GIF or "
                "WebP image file; accepted is an image's path relative to this page, "
                "e.g. 'photo.jpg'",
                "photo",
            )
            return None
        photo = cv.cv_photo("", uri=path, alt=name, pixel_width=width, pixel_height=height)
        photo["classes"] = ["cv-photo"]
        self.set_source_info(photo)
        return photo

    def check_owner(self, name: str) -> None:
        """Warn when conf.py's ``author`` (page titles, the PDF's name) is someone else."""
        author = self.config.author
        if not name or not is_set_by_user(self.config, "author"):
            return
        same = name.casefold().split() == author.casefold().split()  # "A B" has no long words
        if not same and not name_words(name) & name_words(author):
            self.warn(
                f"profile: the name {name!r} is not conf.py's author {author!r}, which "
                f"titles the pages and names the PDF; accepted is the same person, e.g. "
                f"author = {name!r} in conf.py",
                "owner",
            )

    def validate_email(self, email: str) -> str:
        if email.lower().startswith("mailto:"):
            email = email[len("mailto:") :]
        if email and (email.count("@") != 1 or " " in email):
            self.warn(
                f"profile: ':email:' {email!r} is ignored; accepted is an address "
                "such as 'name@example.org'",
                "option",
            )
            return ""
        return email

    @staticmethod
    def make_value(field: str, value: str) -> nodes.Node:
        if field == "email":
            return nodes.reference(value, value, refuri=f"mailto:{value}", internal=False)
        if field == "phone":
            return nodes.reference(
                value, value, refuri="tel:" + value.replace(" ", ""), internal=False
            )
        if field == "location":
            return nodes.Text(value)
        shown = value if field == "website" else value.split("://", 1)[-1].rstrip("/")
        return nodes.reference(shown, shown, refuri=value, internal=False)


def name_words(name: str) -> set[str]:
    """The words of a name of two letters or more, case-folded: "Song, Minhak" → {song, minhak}."""
    return set(re.findall(r"\w{2,}", name.casefold()))
