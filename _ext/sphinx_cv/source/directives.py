"""The ``timeline``, ``award`` and ``profile`` directives.

Each directive validates its argument and options into a record
(:mod:`sphinx_cv.source.records`) and returns one :class:`~sphinx_cv.source.nodes.cv_entry`.
Bad input is a warning at the directive's file and line that says what is
accepted; the entry is still built from what could be read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import ClassVar

import imagesize
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import files, urls
from . import nodes as cv
from . import records as rec
from .config import date_settings, is_set_by_user
from .dates import DateError, Span, parse_dates
from .names import name_words
from .versions import shown_text, tags_option

logger = logging.getLogger(__name__)

# An option line of a directive's block: ":name: value" (MyST's own syntax).
_OPTION_LINE = re.compile(r"^:(?P<name>[A-Za-z][\w-]*):(?:\s(?P<value>.*))?$")


class CVDirective(SphinxDirective):
    """Warnings at the directive's location, and the checks all directives share.

    In ``run()``, :meth:`read_options` warns about an option given twice and
    reads again, as written, the options MyST dropped (a value such as
    ``"Lead" engineer`` stops its option parser; ``>`` reads as empty).
    """

    def warn(self, message: str, subtype: str, lineno: int | None = None) -> None:
        """Warn at the directive, or at one of its lines."""
        location = self.get_location() if lineno is None else (self.env.docname, lineno)
        logger.warning(message, location=location, type="cv", subtype=subtype)

    def option_lines(self) -> list[tuple[str, str, int]]:
        """``(name, value, line)`` of each ``:name: value`` line, as written."""
        lines = self.block_text.split("\n")[1:]  # as markdown-it splits lines
        found = []
        for offset, line in enumerate(lines, start=1):
            match = _OPTION_LINE.match(line.strip())
            if match is None:
                break
            found.append((match["name"], (match["value"] or "").strip(), self.lineno + offset))
        return found

    def read_options(self) -> None:
        written = self.option_lines()
        seen: dict[str, int] = {}
        for name, _value, lineno in written:
            if name in seen:
                self.warn(
                    f"{self.name}: ':{name}:' is given twice (lines {seen[name]} and "
                    f"{lineno}); the one at line {lineno} is used: remove the other",
                    "option",
                    lineno,
                )
            seen[name] = lineno
        # MyST reads option values as YAML: '"Lead" engineer' stops its parser (every
        # option is dropped), '>' or '|' is an empty block. Read those as written.
        last = {name: (value, lineno) for name, value, lineno in written}
        lost = [
            (name, value, lineno)
            for name, (value, lineno) in last.items()
            if name in self.option_spec and value and not self.options.get(name)
        ]
        if not lost:
            return
        for name, value, lineno in lost:
            try:
                self.options[name] = self.option_spec[name](value)
            except (ValueError, TypeError) as error:
                self.warn(
                    f"{self.name}: ':{name}:' {value!r} is ignored ({error})", "option", lineno
                )
        names = ", ".join(f"':{name}:'" for name, _value, _line in lost)
        self.warn(
            f"{self.name}: MyST did not read {names} as written (it reads a value that "
            "starts with a quote, '>' or '|' as YAML); read as written, each to the end "
            "of its line; to be safe, quote such a value as a whole "
            '(:role: \'"Lead" engineer\', not :role: "Lead" engineer)',
            "option",
        )

    def validate_url(self, url: str, option: str = "url") -> str:
        if not url:
            return ""
        try:
            return urls.web_url(url)
        except urls.RefusedError as error:
            self.warn(
                f"{self.name}: ':{option}:' {url!r} is ignored: it {error}; {urls.ACCEPTED_URLS}",
                "url",
            )
            return ""

    def parse_plain_inline(self, text: str) -> list[nodes.Node]:
        """An option value as inline Markdown; raw HTML in it is dropped, with a warning.

        Option values are plain-text fields (titles, roles, places): ``*emphasis*``
        and links are Markdown, but an HTML tag would reach the page as HTML.
        """
        inline, messages = self.parse_inline(text, lineno=self.lineno)
        holder = nodes.inline("", "", *inline)
        self.keep_plain_text(holder, text)
        return [*holder.children, *messages]

    def keep_plain_text(self, holder: nodes.Element, text: str, lineno: int | None = None) -> None:
        """Remove raw HTML, and links the URL policy refuses, with a warning that names them."""
        for message, subtype in plain_text_problems(holder, text, self.name):
            self.warn(message, subtype, lineno)


def plain_text_problems(holder: nodes.Element, text: str, name: str) -> list[tuple[str, str]]:
    """Remove from a plain-text field (a title, a role, a place) its raw HTML and the links
    the URL policy refuses; return what to warn about: ``(message, subtype)``. The
    directives check the source, the translation of a CV its ``.po`` text."""
    problems = []
    raw = list(holder.findall(nodes.raw))
    if raw:
        tags = " ".join(node.astext() for node in raw)
        problems.append(
            (
                f"{name}: HTML is not allowed in {text!r}; {tags!r} is left out "
                "(write *emphasis* or **bold** in Markdown)",
                "html",
            )
        )
        for node in raw:
            node.parent.remove(node)
    for link in list(holder.findall(nodes.reference)):
        url = link.get("refuri", "")
        try:
            if urls.SCHEME.match(url):  # not a link within the site
                urls.web_url(url, mailto=True)
        except urls.RefusedError as error:
            problems.append(
                (
                    f"{name}: the link {url!r} in {text!r} is shown as text: it {error}; "
                    f"{urls.ACCEPTED_URLS}",
                    "url",
                )
            )
            link.replace_self(link.children)
    return problems


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
        "tags": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        self.read_options()
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
        header = self.make_header(title, url, date_text, spans)
        entry += header
        fields = {name: self.field_value(name) for name in self.meta_fields}
        meta = self.make_meta(fields)
        if meta is not None:
            entry += meta
        # The record keeps the text as shown ("A * B"), not its Markdown ("A \\* B"):
        # the exports and the warnings quote it.
        shown = {node["field"]: node.astext() for node in entry.findall(cv.cv_entry_field)}
        body = cv.cv_entry_body("", *self.parse_content_to_nodes(), classes=["cv-entry-body"])
        nested = self.lift_nested_entries(body)
        if len(body):
            entry += body

        docname, lineno = self.env.docname, self.lineno
        entry["record"] = self.make_record(
            docname=docname,
            lineno=lineno,
            title=header.next_node(cv.cv_entry_title).astext() if title else "",
            date_text=date_text,
            spans=spans,
            url=url,
            body=shown_text(body, self.env),
            tags=tags_option(self),
            **{name: shown.get(name, "") for name in fields},
        )
        return [entry, *nested]

    def lift_nested_entries(self, body: cv.cv_entry_body) -> list[cv.cv_entry]:
        """Entries written inside this one, taken out of it to follow it, with a warning.

        An entry in an entry is a forgotten closing ``:::``: the next entries
        would be bullets of this one on the site and in the PDF.
        """
        nested = list(body.findall(cv.cv_entry))
        for inner in nested:
            record = inner["record"]
            self.warn(
                f"{self.name}: the {record.entry_type} {record.title!r} (line {record.lineno}) "
                f"is inside this {self.name} (line {self.lineno}); is its closing ':::' "
                "missing? It is shown after this entry",
                "nested",
            )
            inner.parent.remove(inner)
        return nested

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
        inline = self.parse_plain_inline(title)
        heading = self.translatable(cv.cv_entry_title(title, classes=["cv-entry-title"]))
        if url:
            heading += nodes.reference("", "", *inline, refuri=url, internal=False)
        else:
            heading += inline
        config = self.config
        dates = cv.cv_entry_dates(
            date_text,
            date_text,
            spans=spans,
            **date_settings(config),
            classes=["cv-entry-dates"],
        )
        return cv.cv_entry_header("", heading, dates, classes=["cv-entry-header"])

    def translatable(self, node: nodes.TextElement) -> nodes.TextElement:
        """Let Sphinx's gettext extract ``node`` and translate it (msgid: its text as written)."""
        node["translatable"] = True  # an Inline node is skipped without it
        self.set_source_info(node)
        return node

    def make_meta(self, fields: dict[str, str]) -> cv.cv_entry_meta | None:
        meta = cv.cv_entry_meta("", classes=["cv-entry-meta"])
        for name, value in fields.items():
            if value:
                # "" is the text: a node given as the text would be shown as its repr;
                # the value as written is the raw source, gettext's msgid.
                field = cv.cv_entry_field(
                    value,
                    "",
                    *self.parse_plain_inline(value),
                    field=name,
                    classes=[f"cv-entry-{name}"],
                )
                meta += self.translatable(field)
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

    has_content = True  # so that content is our warning, and the profile is still built
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict] = {
        **dict.fromkeys(rec.PROFILE_FIELDS, directives.unchanged),
        "photo": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        self.read_options()
        name = self.arguments[0].strip() if self.arguments else ""
        if not name:
            self.warn(
                "profile: the name is missing; write it after the directive name, "
                "e.g. ':::{profile} Ada Lovelace'",
                "argument",
            )
        if self.content:
            self.warn(
                "profile: its content is ignored; a profile takes only the name and "
                f"the options {', '.join(f':{field}:' for field in rec.PROFILE_FIELDS)}",
                "content",
            )
        self.check_owner(name)
        values = {field: self.options.get(field, "").strip() for field in rec.PROFILE_FIELDS}
        values["email"] = self.validate_contact("email", values["email"])
        values["phone"] = self.validate_contact("phone", values["phone"])
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
        for field in rec.PROFILE_FIELDS:
            if values[field]:
                item = cv.cv_profile_item(
                    "",
                    field=field,
                    label=rec.profile_label(field),
                    classes=[f"cv-profile-{field}"],
                )
                item += self.make_value(field, values[field])
                profile += item
        return [photo, profile] if photo else [profile]

    def make_photo(self, path: str, name: str) -> cv.cv_photo | None:
        """The ``:photo:`` as an image node sized from its file, or None with a warning:
        a PNG, JPEG, GIF or WebP file inside the project (:mod:`.files`)."""
        if not path:
            return None
        uri, full = self.photo_path(path)
        accepted = "accepted is an image's path relative to this page, e.g. 'photo.jpg'"
        problem = ""
        if not Path(full).is_file():
            problem = f"there is no file {full}"
        elif not files.is_project_file(self.env, full):
            problem = files.outside_message(self.env, path)
        elif Path(full).suffix.lower() in (".svg", ".svgz"):
            problem = "an SVG image can hold scripts; save the photo as PNG or JPEG"
        else:
            try:
                width, height = imagesize.get(full)
            except OSError:
                width = height = -1
            if width <= 0 or height <= 0:
                problem = "it is not a PNG, JPEG, GIF or WebP image file"
        if problem:
            self.warn(f"profile: ':photo:' {path!r} is ignored: {problem}; {accepted}", "photo")
            return None
        photo = cv.cv_photo("", uri=uri, alt=name, pixel_width=width, pixel_height=height)
        photo["classes"] = ["cv-photo"]
        self.set_source_info(photo)
        return photo

    def photo_path(self, path: str) -> tuple[str, str]:
        """The photo's path as Sphinx reads an image's (relative to the page; "/" the source
        folder) and its file; a file's absolute path, written as such, is read as one."""
        _relative, full = self.env.relfn2path(path, self.env.docname)
        if os.path.isabs(path) and not Path(full).is_file() and Path(path).is_file():
            page_folder = Path(self.env.doc2path(self.env.docname)).parent
            return Path(os.path.relpath(path, page_folder)).as_posix(), path
        return path, full

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

    def validate_contact(self, field: str, value: str) -> str:
        """An e-mail address or phone number the policy accepts, else "" and a warning."""
        if not value:
            return ""
        check, accepted = {
            "email": (urls.email_address, urls.ACCEPTED_EMAIL),
            "phone": (urls.phone_number, urls.ACCEPTED_PHONE),
        }[field]
        try:
            return check(value)
        except urls.RefusedError as error:
            self.warn(
                f"profile: ':{field}:' {value!r} is ignored: it {error}; {accepted}", "option"
            )
            return ""

    @staticmethod
    def make_value(field: str, value: str) -> nodes.Node:
        if field == "location":
            return nodes.Text(value)
        shown, uri = value, value
        if field == "email":
            uri = f"mailto:{value}"
        elif field == "phone":
            uri = urls.tel_uri(value)
        elif field != "website":  # a network: its address, shorter
            shown = value.split("://", 1)[-1].rstrip("/")
        # An address is shown as written: smart quotes would make y="2" y=”2”.
        return nodes.reference(shown, shown, refuri=uri, internal=False, support_smartquotes=False)
