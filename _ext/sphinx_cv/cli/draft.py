"""What ``sphinx-cv new`` writes, before it is written: the CV as pages of blocks.

An importer fills a :class:`Draft`; :mod:`sphinx_cv.cli.new` writes it as a
project. Text is kept as the source gave it, with ``plain`` saying whether it
is plain text (JSON Resume: escaped when written) or Markdown (RenderCV: kept).
Whatever an importer cannot place goes into :attr:`Draft.report`, so that
nothing is dropped without a line saying what and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..source.dates import DateError, parse_dates
from ..source.names import in_ascii


@dataclass
class Entry:
    """A ``timeline`` or ``award`` entry: title, date, options, body."""

    directive: str
    title: str
    date: str = ""
    options: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


@dataclass
class Keywords:
    """A ``skills`` or ``interests`` block: labelled groups, then unlabelled items."""

    directive: str
    groups: list[tuple[str, list[str]]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass
class Text:
    """Ordinary Markdown content: paragraphs and a bullet or numbered list."""

    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    numbered: bool = False
    #: Already Markdown, whatever the draft's ``plain`` says.
    markdown: bool = False


@dataclass
class Bibliography:
    """A ``{bibliography}`` list: every entry, or those of ``keys``."""

    keys: list[str] | None = None


Block = Entry | Keywords | Text | Bibliography


@dataclass
class Page:
    """One section page: ``docs/<slug>.md`` headed by ``# title``."""

    slug: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    #: Commented example lines, written when the page has no blocks.
    example: list[str] = field(default_factory=list)


#: The longest report line: a value quoted in one is cut short, whatever its size.
NOTE_LENGTH = 400

#: Page names a section cannot have: the home page, and the pages Sphinx writes itself
#: (a section named "Search" would be replaced by the search page).
RESERVED_SLUGS = {"index", "search", "genindex", "modindex", "py-modindex"}


@dataclass
class Draft:
    """A whole CV project: owner, home page, section pages, bib file, report."""

    name: str
    profile: dict[str, str] = field(default_factory=dict)
    intro: Text = field(default_factory=Text)
    pages: list[Page] = field(default_factory=list)
    bib: str = ""
    plain: bool = True
    html_baseurl: str = ""
    #: How an open span ends (``cv_present_label``); "" is the language's word.
    present_label: str = ""
    #: The CV's ``language`` ("de"): ``--language``, or what an import says ("" if nothing).
    language: str = ""
    report: list[str] = field(default_factory=list)
    source: str = ""
    #: The line of ``requirements.txt`` that installs sphinx-cv (empty: this install's).
    requirement: str = ""
    #: Settings for ``conf.py`` read from the imported file (``language``, ``cv_date_format``).
    conf: dict[str, str] = field(default_factory=dict)
    #: Files copied into the project (a photo), by their path in it.
    files: dict[str, bytes] = field(default_factory=dict)

    def note(self, line: str) -> None:
        """Add a line to the report the command prints (cut at :data:`NOTE_LENGTH`)."""
        if len(line) > NOTE_LENGTH:
            line = line[: NOTE_LENGTH - 1] + "…"
        self.report.append(line)

    def page(self, title: str, fallback: str = "") -> Page:
        """The page titled ``title``, made (with a unique slug) if it is new; ``fallback``
        names its file when the title has no Latin letters (학력 → education.md)."""
        for page in self.pages:
            if page.title == title:
                return page
        slug = slugify(title, self.language) or slugify(fallback) or "section"
        taken = {page.slug for page in self.pages} | RESERVED_SLUGS
        base, number = slug, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        page = Page(slug, title)
        self.pages.append(page)
        return page

    def count(self) -> dict[str, int]:
        """How many entries, skill and interest groups and bib entries the project holds."""
        counts = {"timeline": 0, "award": 0, "keywords": 0}
        for page in self.pages:
            for block in page.blocks:
                if isinstance(block, Entry):
                    counts[block.directive] += 1
                elif isinstance(block, Keywords):
                    counts["keywords"] += len(block.groups) + len(block.items)
        counts["bib"] = len(re.findall(r"^@\w+\s*\{", self.bib, flags=re.MULTILINE))
        return counts


def slugify(title: str, language: str = "") -> str:
    """A file name from a section title: ``Research & Work`` → ``research-work``, in ASCII
    as the CV's language writes it (``Vorträge`` → ``vortraege`` in German)."""
    return re.sub(r"[^a-z0-9]+", "-", in_ascii(title, language or None).lower()).strip("-")


def check_date(draft: Draft, where: str, text: str) -> str:
    """Keep a date as written; report the ones the build will warn about."""
    if not text:
        draft.note(f"{where}: no date; the build warns until you add ':date:'")
        return text
    try:
        parse_dates(text)
    except DateError as error:
        draft.note(f"{where}: date {text!r} kept as written; the build warns: {error.problem}")
    return text
