"""What the website adds to a publication: preview, abstract, BibTeX, badges, buttons, groups.

The PDF and the text output keep the plain list: an abstract or a BibTeX
record has no place on paper, and a toggle none in text. On the website
(``format == "html"``) each entry gets

- the bib's ``preview`` image (a path relative to the ``.bib`` file), sized and lazy;
- its ``abstract`` and its BibTeX (:mod:`.bibtex`) in ``<details>`` toggles;
- its venue abbreviation as a badge and its links as buttons: the "(ICLR)" and
  "[arXiv:…]" of the text lose their brackets and gain a class for the CSS;
- a button for each file of the site an al-folio entry names (``pdf = {paper.pdf}``,
  ``slides``, ``poster``, ``supp``, ``html``), copied with the page (:func:`site_file`);

and a list with ``:group:`` is split under headings.
"""

from __future__ import annotations

import os
from pathlib import Path

import imagesize
from docutils import nodes
from pybtex.database import Entry
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..i18n import N_, _
from ..source import files
from . import nodes as pubnodes
from .bibtex import entry_bibtex
from .style import FILE_FIELDS, LINK_FIELDS, is_file, plain_text, rich, shown_link, year_of
from .style.fields import entry_type
from .style.links import link_label

logger = logging.getLogger(__name__)

#: The words the website adds: msgids of the ``sphinx_cv`` catalog, translated where
#: used ("BibTeX" is a name, the same in every language).
LABELS = {"abstract": N_("Abstract"), "copy": N_("Copy"), "copied": N_("Copied")}
BIBTEX = "BibTeX"
#: Headings of ``:group: type``, by entry type; other types are "Other".
TYPE_HEADINGS = {
    "article": N_("Journal articles"),
    "inproceedings": N_("Conference papers"),
    "conference": N_("Conference papers"),
    "incollection": N_("Book chapters"),
    "inbook": N_("Book chapters"),
    "book": N_("Books"),
    "collection": N_("Books"),
    "proceedings": N_("Books"),
    "phdthesis": N_("Theses"),
    "mastersthesis": N_("Theses"),
    "thesis": N_("Theses"),
    "techreport": N_("Reports"),
    "report": N_("Reports"),
    "unpublished": N_("Preprints and manuscripts"),
    "misc": N_("Other"),
}
OTHER_HEADING = N_("Other")


def preview_path(env: BuildEnvironment, bibfile: Path, entry: Entry) -> str:
    """The ``preview`` image's path relative to the source directory ("" if none)."""
    value = entry.fields.get("preview", "").strip()
    if not value:
        return ""
    full = (bibfile.parent / value).resolve()
    return Path(os.path.relpath(full, env.srcdir)).as_posix()


def site_file(env: BuildEnvironment, bibfile: Path, entry: Entry, name: str) -> str:
    """A file of the site an entry names (al-folio's ``pdf = {paper.pdf}``), relative to
    the source directory: beside the ``.bib`` file, or in al-folio's ``assets/pdf/`` there
    or one folder up; "" when there is none."""
    value = entry.fields.get(name, "").strip()
    for folder in (
        bibfile.parent,
        bibfile.parent / "assets" / "pdf",
        bibfile.parent.parent / "assets" / "pdf",
    ):
        full = (folder / value).resolve()
        if full.is_file():
            return Path(os.path.relpath(full, env.srcdir)).as_posix()
    return ""


def file_buttons(paragraph: nodes.Element, entry: Entry, bibfile: Path, env, docname: str) -> None:
    """A download button for each file of the site the entry names."""
    for name in FILE_FIELDS:
        path = site_file(env, bibfile, entry, name) if is_file(entry, name) else ""
        if not path or not files.is_project_file(env, Path(env.srcdir) / path):
            continue  # a missing file was warned about when the entries were checked
        # Registered with the page when the entries were checked: this gives its name.
        destination = str(env.dlfiles.add_file(docname, path))
        label = link_label(name)
        button = addnodes.download_reference(
            "", "", nodes.Text(label), reftarget=path, filename=destination,
            classes=["cv-publication-link"],
        )  # fmt: skip
        paragraph += [nodes.Text(" "), button]


def enrich(item: nodes.Element, entry: Entry, bibfile: Path | None, env, backend) -> None:
    """Add the website's extras to one publication (a ``cv_publication``)."""
    paragraph = item.next_node(nodes.paragraph)
    badges_and_buttons(paragraph, plain_text(entry.fields.get("abbr", "")).strip())
    if bibfile is not None:
        file_buttons(paragraph, entry, bibfile, env, item["docname"])
    if bibfile is not None:
        preview = preview_node(env, bibfile, entry)
        if preview is not None:
            item.insert(0, preview)
    more = nodes.container("", classes=["cv-publication-more"])
    if entry.fields.get("abstract", "").strip():
        text = rich(entry, "abstract").render(backend)
        abstract = nodes.paragraph("", "", *text)
        more += pubnodes.cv_details(
            "", abstract, summary=_(LABELS["abstract"]), classes=["cv-abstract"]
        )
    refused = frozenset(
        field
        for field in LINK_FIELDS
        if entry.fields.get(field)
        and not shown_link(entry, field)
        and not is_file(entry, field)
        # an eprint of an archive without a link (ascl's, a PubMed id) is no refused link
        and field not in ("eprint",)
    )
    source = entry_bibtex(bibfile, entry.key, refused) if bibfile is not None else ""
    if source:
        code = pubnodes.cv_bibtex(
            source, source, copy_label=_(LABELS["copy"]), copied_label=_(LABELS["copied"])
        )
        more += pubnodes.cv_details("", code, summary=BIBTEX, classes=["cv-bibtex"])
    if len(more):
        item += more


def preview_node(env: BuildEnvironment, bibfile: Path, entry: Entry) -> nodes.Element | None:
    path = preview_path(env, bibfile, entry)
    if not path or not files.is_project_file(env, Path(env.srcdir) / path):
        return None  # warned about when the entries were checked
    try:
        width, height = imagesize.get(str(Path(env.srcdir) / path))
    except OSError:
        width = height = -1
    if width <= 0 or height <= 0:
        return None  # warned about when the entries were checked
    return pubnodes.cv_preview(
        "", uri=path, candidates={"*": path}, alt="", pixel_width=width, pixel_height=height
    )


def badges_and_buttons(paragraph: nodes.Element, abbr: str) -> None:
    """The venue's "(**ICLR**)" becomes a badge, "[arXiv:…]" a button: brackets out, a
    class on (other bold text in parentheses, as in an addendum, stays as it is)."""
    for strong in list(paragraph.findall(nodes.strong)):
        if abbr and strong.astext() == abbr and _strip_around(strong, "(", ")"):
            # The parentheses stay in the text (copied, read aloud), hidden by the CSS.
            strong.insert(0, nodes.inline("", "(", classes=["cv-paren"]))
            strong += nodes.inline("", ")", classes=["cv-paren"])
            strong["classes"].append("cv-venue-badge")
    for reference in list(paragraph.findall(nodes.reference)):
        if _strip_around(reference, "[", "]"):
            reference["classes"].append("cv-publication-link")


def _strip_around(node: nodes.Element, before: str, after: str) -> bool:
    """Remove ``before`` at the end of the preceding text and ``after`` at the start of the
    following one; False (and nothing changed) unless both are there."""
    parent = node.parent
    index = parent.index(node)
    if index == 0 or index + 1 >= len(parent):
        return False
    previous, following = parent[index - 1], parent[index + 1]
    if not (isinstance(previous, nodes.Text) and isinstance(following, nodes.Text)):
        return False
    if not (previous.endswith(before) and following.startswith(after)):
        return False
    parent.replace(previous, nodes.Text(str(previous)[: -len(before)]))
    parent.replace(following, nodes.Text(str(following)[len(after) :]))
    return True


def group_heading(entry: Entry, group: str) -> str:
    """The heading of the group an entry belongs to: its year, or its type's heading."""
    if group == "year":
        year = year_of(entry)
        return str(year) if year else _(OTHER_HEADING)
    written = entry.type.lower()
    heading = TYPE_HEADINGS.get(written) or TYPE_HEADINGS.get(entry_type(entry), OTHER_HEADING)
    return _(heading)


def grouped(
    publications: nodes.Element, entries: list[Entry], group: str, level: int
) -> list[nodes.Element]:
    """The list split in groups, each after a heading of ``level``: the groups in the
    order of their first entry, the entries (and their numbers) in the list's order."""
    pairs = [
        (group_heading(entry, group), item)
        for item, entry in zip(list(publications.children), entries, strict=True)
    ]
    first = {}
    for position, (heading, _item) in enumerate(pairs):
        first.setdefault(heading, position)
    pairs.sort(key=lambda pair: first[pair[0]])  # stable: each group keeps the list's order
    result: list[nodes.Element] = []
    current = None
    for heading, item in pairs:
        if current is None or current["cv_heading"] != heading:
            rubric = nodes.rubric(heading, heading, classes=["cv-publications-group"])
            rubric["heading-level"] = level
            current = publications.copy()
            current["cv_heading"] = heading
            current["classes"].append("cv-publications-grouped")
            result += [rubric, current]
        current += item
    return result
