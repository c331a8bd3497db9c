"""Publications: ``{bibliography}`` lists in the extension's pybtex style, in place.

sphinxcontrib-bibtex reads ``references.bib`` and formats each ``{bibliography}``
with a pybtex style. This module

- registers :class:`~sphinx_cv.publications.style.CVStyle` with pybtex as ``cv`` and
  makes it ``bibtex_default_style`` unless ``conf.py`` chose another style;
- turns ``bibtex_tooltips`` off unless ``conf.py`` sets it: tooltips serve
  ``{cite}`` references, which a CV has none of, and cost a second formatting
  of every entry;
- numbers the entries of all lists in that style as one sequence, newest the
  highest (sphinxcontrib-bibtex would number each list on its own);
- warns, once per build, about bad entries, at their line in the ``.bib`` file;
- turns each such list into a :class:`cv_publications` node before
  sphinxcontrib-bibtex would turn it into citations, so that the list stays in
  its section in the PDF (Sphinx's LaTeX writer moves citations to the end),
  and puts the legend "(* denotes equal contribution)" before the first list
  of a page that shows such a mark.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from docutils import nodes
from pybtex.database import Entry, Person
from pybtex.exceptions import PybtexError
from pybtex.plugin import find_plugin, register_plugin
from pybtex_docutils import Backend as DocutilsBackend
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.nodes import bibliography as bibliography_node
from sphinxcontrib.bibtex.transforms import node_text_transform

from ..source import files
from ..source.config import conf_py_location
from ..source.versions import keeps_publication, max_publications
from . import directive, extras
from . import nodes as pubnodes
from .bibfiles import bib_location
from .math import Formula
from .style import (
    DEFAULT_MAX_AUTHORS,
    FILE_FIELDS,
    PLUGIN_GROUP,
    STYLE_NAME,
    VANCOUVER_MAX_AUTHORS,
    CVStyle,
    check_entry,
    equal_legend,
    has_equal_contribution,
    is_file,
    newest_first,
    number_entries,
    plain_text,
)

logger = logging.getLogger(__name__)


def use_cv_style(app: Sphinx, config: Config) -> None:
    """Make ``cv`` sphinxcontrib-bibtex's default style and turn tooltips off, unless
    conf.py set them."""
    if "bibtex_default_style" not in config:  # sphinxcontrib.bibtex is not loaded
        return
    if config.bibtex_default_style == config.values["bibtex_default_style"].default:
        config.bibtex_default_style = STYLE_NAME
    if not any("bibtex_tooltips" in chosen for chosen in (config._raw_config, config.overrides)):
        config.bibtex_tooltips = False


@cache
def _is_cv_style(style_name: str) -> bool:
    try:
        return issubclass(find_plugin(PLUGIN_GROUP, style_name), CVStyle)
    except PybtexError:  # an unknown style is sphinxcontrib-bibtex's to report
        return False


def _cite_domain(env: BuildEnvironment) -> Any:
    """sphinxcontrib-bibtex's domain, or None in a CV that does not load it."""
    try:
        return env.get_domain("cite")
    except ExtensionError:
        return None


def cv_bibliographies(env: BuildEnvironment) -> list[BibliographyKey]:
    """The ``{bibliography}`` directives that use the CV style."""
    domain = _cite_domain(env)
    return [key for key, value in domain.bibliographies.items() if _is_cv_style(value.style)]


def prepare_publications(app: Sphinx, env: BuildEnvironment) -> None:
    """Before sphinxcontrib-bibtex formats the lists: number them as one, check the entries.

    Connected to ``env-updated`` ahead of sphinxcontrib-bibtex (which formats
    and labels every list there), so the style it instantiates already knows
    the shared numbers.
    """
    domain = _cite_domain(env)
    if domain is None:
        return
    in_file_order = shown_entries(env)
    pages = shown_pages(env)
    # Every shown entry is formatted (one sequence); the lists relabel in their version.
    style = CVStyle.configured(
        owner_names(app), number_entries(in_file_order), **style_settings(app.config)
    )
    register_plugin(PLUGIN_GROUP, STYLE_NAME, style, force=True)

    bibfile_of = _bibfile_of(domain)
    for entry in in_file_order:
        path = bibfile_of.get(entry.key)
        for problem in check_entry(entry):
            logger.warning(
                problem.message,
                location=bib_location(path, entry.key, problem.field),
                type="cv",
                subtype="bibtex",
            )
        if path is not None and entry.fields.get("preview", "").strip():
            _register_preview(env, path, entry, pages[entry.key])
        if path is not None:
            _register_files(env, path, entry, pages[entry.key])


def _register_preview(env: BuildEnvironment, bibfile: Path, entry: Entry, docnames) -> None:
    """Have Sphinx copy an entry's preview image with the pages that show it."""
    image = extras.preview_path(env, bibfile, entry)
    if not files.is_project_file(env, Path(env.srcdir) / image):
        logger.warning(
            f"{entry.key}: preview {files.outside_message(env, entry.fields['preview'])}",
            location=bib_location(bibfile, entry.key, "preview"),
            type="cv",
            subtype="file",
        )
        return
    if not (Path(env.srcdir) / image).is_file():
        logger.warning(
            f"{entry.key}: preview {entry.fields['preview']!r} is not shown: no such file; "
            "accepted is an image's path relative to the .bib file, e.g. 'previews/paper.png'",
            location=bib_location(bibfile, entry.key, "preview"),
            type="cv",
            subtype="bibtex",
        )
        return
    for docname in docnames:
        env.images.add_file(docname, image)


def _register_files(env: BuildEnvironment, bibfile: Path, entry: Entry, docnames) -> None:
    """Have Sphinx copy the files of the site an entry names (al-folio's ``pdf =
    {paper.pdf}``) with the pages that show it; a missing one is a warning."""
    for name in FILE_FIELDS:
        if not is_file(entry, name):
            continue
        path = extras.site_file(env, bibfile, entry, name)
        if path and not files.is_project_file(env, Path(env.srcdir) / path):
            logger.warning(
                f"{entry.key}: {name} {files.outside_message(env, entry.fields[name])}",
                location=bib_location(bibfile, entry.key, name),
                type="cv",
                subtype="file",
            )
            continue
        if not path:
            logger.warning(
                f"{entry.key}: {name} {entry.fields[name]!r} is not shown: no such file; "
                "accepted is a file's path relative to the .bib file (or in al-folio's "
                "assets/pdf/ beside it), or an https:// address",
                location=bib_location(bibfile, entry.key, name),
                type="cv",
                subtype="bibtex",
            )
            continue
        for docname in docnames:
            env.dlfiles.add_file(docname, path)


def shown_pages(env: BuildEnvironment) -> dict[str, set[str]]:
    """The pages that show each entry some CV-style list shows (all versions), by key."""
    domain = _cite_domain(env)
    pages: dict[str, set[str]] = {}
    with logging.suppress_logging():  # a bad :filter: is sphinxcontrib-bibtex's to report
        for key in cv_bibliographies(env):
            for _cite_key, entry in domain.get_filtered_entries(key):
                pages.setdefault(entry.key, set()).add(key.docname)
    return pages


def shown_entries(env: BuildEnvironment) -> list[Entry]:
    """The entries some CV-style list shows, in file order (all versions)."""
    domain = _cite_domain(env)
    shown = shown_pages(env)
    all_bibfiles = list(domain.bibdata.bibfiles)
    return [entry for entry in domain.get_entries(all_bibfiles) if entry.key in shown]


def version_numbers(env: BuildEnvironment, entries: list[Entry]) -> dict[str, int]:
    """The numbers of the entries in this build's version: its papers only, counted as
    one sequence, the newest ``max_publications`` of them."""
    kept = newest_first(entry for entry in entries if keeps_publication(env, entry))
    return number_entries(kept[: max_publications(env)])


def style_settings(config: Config) -> dict[str, Any]:
    """The style's settings from conf.py: ``cv_max_authors``, ``cv_publication_style``,
    ``language``."""
    vancouver = config.cv_publication_style == "vancouver"
    max_authors = config.cv_max_authors
    if max_authors is None:
        max_authors = VANCOUVER_MAX_AUTHORS if vancouver else DEFAULT_MAX_AUTHORS
    return {"max_authors": max_authors, "vancouver": vancouver, "language": config.language}


def configured_style(env: BuildEnvironment) -> CVStyle:
    """The style as conf.py configures it, with the owner's names (for the exports)."""
    return CVStyle(owner_names(env.app, warn=False), **style_settings(env.config))


def owner_names(app: Sphinx, warn: bool = True) -> list[str]:
    """``cv_highlight_authors`` as a list of names pybtex can read; a warning for others."""
    names = app.config.cv_highlight_authors
    if isinstance(names, str):  # a single name is fine, too
        names = [names]
    readable = []
    for name in names:
        try:
            Person(str(name))
        except PybtexError as error:
            if not warn:
                continue
            logger.warning(
                f"cv_highlight_authors: {name!r} is not a name ({error}); "
                "write e.g. 'Minhak Song' or 'Song, Minhak'",
                location=conf_py_location(app, "cv_highlight_authors"),
                type="cv",
                subtype="config",
            )
        else:
            readable.append(str(name))
    return readable


class PublicationsTransform(SphinxPostTransform):
    """Each ``{bibliography}`` in the CV style becomes a :class:`cv_publications` list.

    Runs before sphinxcontrib-bibtex's own transform (priority 5), which would
    make citations of it, and before references are resolved (priority 10).
    """

    default_priority = 4

    def run(self, **kwargs: Any) -> None:
        domain = _cite_domain(self.env)
        if domain is None:
            return
        backend = pybtex_backend()
        website = _builder_format(self.env) == "html"
        bibfile_of = _bibfile_of(domain)
        legend_shown = False
        numbers: dict[str, int] | None = None
        for bibnode in list(self.document.findall(bibliography_node)):
            key = BibliographyKey(docname=bibnode["docname"], id_=bibnode["ids"][0])
            bibliography = domain.bibliographies.get(key)
            if bibliography is None or not _is_cv_style(bibliography.style):
                continue
            if bibnode.get("cv_website_only") and not website:
                _remove_with_empty_section(bibnode)
                continue
            if numbers is None:  # the version's, also when writing another version's PDF
                numbers = version_numbers(self.env, shown_entries(self.env))
            citations = [
                c for c in domain.citations if c.bibliography_key == key and c.entry.key in numbers
            ]
            citations.sort(key=lambda citation: -numbers[citation.entry.key])
            publications = pubnodes.cv_publications("", classes=["cv-publications"])
            publications.source, publications.line = bibnode.source, bibnode.line
            for citation in citations:
                item = pubnodes.cv_publication(
                    "",
                    backend.paragraph(citation.formatted_entry),
                    ids=list(bibliography.citation_nodes[citation.key]["ids"]),
                    label=str(numbers[citation.entry.key]),
                    title=plain_text(citation.entry.fields.get("title", "")),
                    docname=key.docname,
                    classes=["cv-publication"],
                )
                node_text_transform(item)
                if website:
                    extras.enrich(
                        item, citation.entry, bibfile_of.get(citation.entry.key), self.env, backend
                    )
                publications += item
            if not legend_shown and any(has_equal_contribution(c.entry) for c in citations):
                legend = nodes.paragraph("", equal_legend(), classes=["cv-publications-legend"])
                bibnode.parent.insert(bibnode.parent.index(bibnode), legend)
                legend_shown = True
            if not citations:
                bibnode.replace_self(nodes.target())
            elif website and bibnode.get("cv_group"):
                level = sum(1 for _ in _sections_around(bibnode)) + 1
                entries = [c.entry for c in citations]
                bibnode.replace_self(
                    extras.grouped(publications, entries, bibnode["cv_group"], min(level, 6))
                )
            else:
                bibnode.replace_self(publications)


def _builder_format(env: BuildEnvironment) -> str:
    """The format of the builder writing the page ("html", "latex", "text", …)."""
    # Sphinx 8 and later keep the builder's class on the environment; 7.4 on the app.
    builder_cls = getattr(env, "_builder_cls", None)
    return builder_cls.format if builder_cls is not None else env.app.builder.format


def _bibfile_of(domain: Any) -> dict[str, Path]:
    """The .bib file of each entry key."""
    return {key: path for path, bibfile in domain.bibdata.bibfiles.items() for key in bibfile.keys}


def _sections_around(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            yield parent
        parent = parent.parent


def _remove_with_empty_section(bibnode: nodes.Element) -> None:
    """Remove a website-only list, and its section if that held nothing else."""
    section = bibnode.parent
    bibnode.parent.remove(bibnode)
    if isinstance(section, nodes.section) and all(
        isinstance(child, (nodes.title, nodes.target)) for child in section
    ):
        section.parent.remove(section)


class PublicationBackend(DocutilsBackend):
    """pybtex's docutils backend, with formulas as :class:`cv_math` nodes."""

    def format_math(self, formula: Formula) -> list[nodes.Node]:
        return [pubnodes.math_node(formula)]


@cache
def pybtex_backend() -> PublicationBackend:
    """The pybtex backend that renders rich text as docutils nodes (escaped by the writers)."""
    return PublicationBackend()


def setup(app: Sphinx) -> None:
    """Register the style, the config value and the transform."""
    # Installed packages declare the style as an entry point; registering it
    # here as well makes it work from a checkout (conf.py's sys.path) too.
    register_plugin(PLUGIN_GROUP, STYLE_NAME, CVStyle)
    app.add_config_value(
        "cv_highlight_authors", lambda config: [config.author], "env", types=(list, tuple)
    )
    # None: 10 names, or 6 in the Vancouver form.
    app.add_config_value("cv_max_authors", None, "env", types=(int, type(None)))
    app.add_config_value("cv_publication_style", "cv", "env", types=(str,))
    app.add_post_transform(PublicationsTransform)
    directive.setup(app)
    app.connect("config-inited", use_cv_style)
    # sphinxcontrib-bibtex formats the lists at env-updated (priority 500).
    app.connect("env-updated", prepare_publications, priority=400)
