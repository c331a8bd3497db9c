"""Versions of one CV: tags on what a CV lists, versions declared in ``conf.py``.

Tags mark entries (``:tags:`` of ``timeline`` and ``award``), keyword groups
(``:tags:`` of ``skills`` and ``interests``), whole pages (front matter
``cv_tags: [academic]``) and bib entries (``keywords = {selected, industry}``;
al-folio's ``selected = {true}`` is the tag ``selected``). Untagged content
belongs to every version. A version is declared once::

    cv_versions = {
        "cv": {"title": "Curriculum Vitae"},
        "resume": {"title": "Résumé", "exclude": ["academic"],
                   "publications": ["selected"], "pages": 1},
    }

and a build is for one version: ``cv_version`` (``-D cv_version=resume``), the
first one by default. Filtering happens here only: :class:`VersionFilter`
removes from every doctree (every output) what the version leaves out, and
:func:`keeps` is what the model and the publication numbering ask.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.addnodes import start_of_file
from sphinx.addnodes import toctree as toctree_node
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.nodes import process_only_nodes

logger = logging.getLogger(__name__)

#: A tag: a letter or digit (of any script: ``학술``), then letters, digits, ``-`` or ``_``.
TAG = re.compile(r"^[^\W_][\w-]*$")
#: What a version may say, with the type each key needs.
VERSION_KEYS: dict[str, type] = {
    "title": str,
    "include": list,
    "exclude": list,
    "sections": list,
    "publications": list,
    "max_publications": int,
    "pages": int,
    "paper": str,
}
_TYPE_NAMES = {str: "a string", list: "a list such as ['academic']", int: "a whole number"}
#: A version name is a file name on every system: ``resume``, ``cv-short``.
VERSION_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
#: The page metadata (MyST front matter) that tags a whole page.
PAGE_TAGS = "cv_tags"


def parse_tags(text: str) -> tuple[tuple[str, ...], list[str]]:
    """``"industry, selected"`` → the tags and what is wrong with the text.

    Tags are separated by commas and/or spaces; anything else (``;``, ``|``,
    ``/``, quotes) is a problem, and a tag with it is left out.
    """
    problems: list[str] = []
    tags: list[str] = []
    for part in re.split(r"[,\s]+", text.strip().strip("[]")):
        part = part.strip().strip("'\"")
        if not part:
            continue
        if not TAG.match(part):
            odd = sorted({char for char in part if not (char.isalnum() or char in "-_")})
            shown = " ".join(repr(char) for char in odd) or "a leading - or _"
            problems.append(f"{part!r} has {shown}")
            continue
        if part.lower() not in tags:
            tags.append(part.lower())
    return tuple(tags), problems


def tags_option(directive: Any) -> tuple[str, ...]:
    """A directive's ``:tags:``, validated (a located warning for odd separators)."""
    tags, problems = parse_tags(directive.options.get("tags", ""))
    for problem in problems:
        logger.warning(
            f"{directive.name}: ':tags:' {problem}; accepted are names of letters, "
            "digits, - and _, separated by commas or spaces, e.g. ':tags: industry, selected'",
            location=directive.get_location(),
            type="cv",
            subtype="tags",
        )
    return tags


def page_tags(env: BuildEnvironment, docname: str) -> tuple[str, ...]:
    """The tags of a whole page (front matter ``cv_tags``)."""
    value = env.metadata.get(docname, {}).get(PAGE_TAGS, "")
    if isinstance(value, list | tuple):
        value = ",".join(map(str, value))
    return parse_tags(str(value))[0]


def bib_tags(entry: Any) -> tuple[str, ...]:
    """A bib entry's tags: ``keywords`` (biblatex), and ``selected = {true}`` (al-folio)."""
    tags = parse_tags(entry.fields.get("keywords", "").replace(";", ","))[0]
    if entry.fields.get("selected", "").strip().lower() in ("true", "yes", "1"):
        tags = (*tags, "selected") if "selected" not in tags else tags
    return tags


# -- the version of this build ---------------------------------------------------

#: The version a LaTeX write of another version stands in for (see pdf/site.py).
_override: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def versions(config: Any) -> dict[str, dict[str, Any]]:
    """``cv_versions``, or the one full version ``cv`` when conf.py declares none."""
    return config.cv_versions or {"cv": {}}


def configured_version(config: Any) -> str:
    """The version ``cv_version`` names, or the first declared one."""
    declared = versions(config)
    return config.cv_version if config.cv_version in declared else next(iter(declared))


def version_name(env: BuildEnvironment) -> str:
    """The version this build (or this LaTeX write) is for."""
    return _override.get(env) or configured_version(env.config)


def version(env: BuildEnvironment) -> dict[str, Any]:
    """The settings of the version this build is for."""
    return versions(env.config).get(version_name(env), {})


class writing_version:
    """``with writing_version(env, "resume"):`` filter as that version does."""

    def __init__(self, env: BuildEnvironment, name: str) -> None:
        self.env, self.name = env, name

    def __enter__(self) -> None:
        _override[self.env] = self.name

    def __exit__(self, *exc: object) -> None:
        _override.pop(self.env, None)


def tags_kept(tags: Iterable[str], settings: dict[str, Any]) -> bool:
    """Whether content with these tags is in a version (untagged content always is)."""
    tags = set(tags)
    if not tags:
        return True
    if tags & set(settings.get("exclude", [])):
        return False
    include = settings.get("include")
    return include is None or bool(tags & set(include))


def page_kept(env: BuildEnvironment, docname: str, settings: dict[str, Any]) -> bool:
    """Whether a page is in a version: its ``sections`` and the page's tags."""
    sections = settings.get("sections")
    if sections is not None and docname != env.config.root_doc and docname not in sections:
        return False
    return tags_kept(page_tags(env, docname), settings)


def keeps(env: BuildEnvironment, record: Any) -> bool:
    """Whether a record (entry, keyword group, profile) is in this build's version."""
    settings = version(env)
    return page_kept(env, record.docname, settings) and tags_kept(
        getattr(record, "tags", ()), settings
    )


def keeps_publication(env: BuildEnvironment, entry: Any) -> bool:
    """Whether a bib entry is in this build's version (``publications`` lists its tags)."""
    settings = version(env)
    tags = bib_tags(entry)
    wanted = settings.get("publications")
    if wanted is not None and not set(tags) & set(wanted):
        return False
    return tags_kept(tags, settings)


def shown_text(node: nodes.Element, env: BuildEnvironment) -> str:
    """A node's text as this build's version shows it: its ``{only}`` blocks resolved with
    the build's tags (the version is one) and its ``tagged`` blocks kept or left out, so
    that the text a record keeps (an entry's body) follows the version too."""
    shown = node.deepcopy()
    # Sphinx 9 keeps the build's tags on the environment; 7.4 on the application.
    process_only_nodes(shown, getattr(env, "_tags", None) or env.app.tags)
    remove_left_out(shown, version(env))
    return shown.astext()


def remove_left_out(root: nodes.Element, settings: dict[str, Any]) -> None:
    """Remove from ``root`` each node whose record's tags the version leaves out (an entry,
    a keyword group, a ``tagged`` block), and a list that it leaves empty."""
    for node in list(root.findall(nodes.Element)):
        record = node.get("record")
        if record is None or not hasattr(record, "tags") or node.parent is None:
            continue
        if not tags_kept(record.tags, settings):
            parent = node.parent
            parent.remove(node)
            if not len(parent) and isinstance(parent, nodes.bullet_list | _cv_list()):
                parent.parent.remove(parent)


def max_publications(env: BuildEnvironment) -> int | None:
    """How many publications the version shows at most (the newest), or None."""
    return version(env).get("max_publications")


class VersionFilter(SphinxPostTransform):
    """Remove from the doctree what this build's version leaves out; unwrap the
    ``tagged`` blocks it keeps.

    Runs first among the post-transforms (before the publication lists are
    made, priority 4), on every builder, so HTML, LaTeX, text and the exports
    show the same version. A page left out is dropped from a LaTeX document
    (its ``start_of_file``) and emptied to its title on the website.
    """

    default_priority = 3

    def run(self, **kwargs: Any) -> None:
        from .tagged import unwrap_tagged_blocks  # here: tagged.py imports this module

        settings = version(self.env)
        if any(settings.get(key) is not None for key in _FILTERS):
            self.filter(settings)
        unwrap_tagged_blocks(self.document)

    def filter(self, settings: dict[str, Any]) -> None:
        env = self.env
        for toctree in self.document.findall(toctree_node):
            toctree["entries"] = [
                (title, ref) for title, ref in toctree["entries"] if page_kept(env, ref, settings)
            ]
            toctree["includefiles"] = [
                ref for ref in toctree["includefiles"] if page_kept(env, ref, settings)
            ]
        for page in list(self.document.findall(start_of_file)):
            if not page_kept(env, page["docname"], settings):
                page.parent.remove(page)
        docname = env.docname if env.docname else None
        if docname and not page_kept(env, docname, settings) and not self._is_assembled():
            for section in self.document.findall(nodes.section):
                section[:] = [child for child in section if isinstance(child, nodes.title)]
                break
        remove_left_out(self.document, settings)

    def _is_assembled(self) -> bool:
        return any(True for _ in self.document.findall(start_of_file))


_FILTERS = ("include", "exclude", "sections")


def _cv_list() -> type:
    from .nodes import cv_list

    return cv_list


# -- conf.py --------------------------------------------------------------------


def check_versions(
    config: Any, known_tags: set[str] | None, warn: Any, docnames: set[str] | None = None
) -> None:
    """Warn about each bad part of ``cv_versions`` (``warn(message)``) and drop it."""
    declared = config.cv_versions
    if not isinstance(declared, dict):
        warn(
            f"cv_versions = {declared!r} is not a dict; accepted is e.g. "
            "{'cv': {}, 'resume': {'exclude': ['academic'], 'pages': 1}}"
        )
        config.cv_versions = {}
        return
    for name in list(declared):
        settings = declared[name]
        if not isinstance(name, str) or not VERSION_NAME.match(name):
            warn(
                f"cv_versions: the version name {name!r} is not a valid file name; accepted "
                "are lower-case letters, digits, - and _, e.g. 'resume' or 'cv-short'"
            )
            del declared[name]
            continue
        if not isinstance(settings, dict):
            warn(f"cv_versions[{name!r}] = {settings!r} is not a dict; accepted is e.g. {{}}")
            declared[name] = {}
            continue
        for key in list(settings):
            if key not in VERSION_KEYS:
                warn(
                    f"cv_versions[{name!r}]: unknown key {key!r}; accepted are "
                    + ", ".join(VERSION_KEYS)
                )
                del settings[key]
            elif not isinstance(settings[key], VERSION_KEYS[key]) or isinstance(
                settings[key], bool
            ):
                warn(
                    f"cv_versions[{name!r}][{key!r}] = {settings[key]!r} is of type "
                    f"{type(settings[key]).__name__}; accepted is "
                    f"{_TYPE_NAMES[VERSION_KEYS[key]]}"
                )
                del settings[key]
            elif VERSION_KEYS[key] is list:
                odd = [item for item in settings[key] if not isinstance(item, str)]
                if odd:
                    warn(
                        f"cv_versions[{name!r}][{key!r}]: {', '.join(map(repr, odd))} left out; "
                        "accepted are names, e.g. ['academic', 'teaching']"
                    )
                    settings[key] = [item for item in settings[key] if isinstance(item, str)]
        paper = str(settings.get("paper", "a4")).lower().removesuffix("paper")
        if paper not in ("a4", "letter"):
            warn(f"cv_versions[{name!r}]['paper'] = {paper!r}; accepted are 'a4' and 'letter'")
            del settings["paper"]
        for key in ("include", "exclude", "publications"):
            if known_tags is None or key not in settings:
                continue
            for tag in settings[key]:
                if str(tag).lower() not in known_tags:
                    shown = ", ".join(sorted(known_tags)) or "none yet"
                    warn(
                        f"cv_versions[{name!r}][{key!r}]: no content has the tag {tag!r}; "
                        f"the tags in this CV are {shown}"
                    )
        if docnames is not None:
            for section in settings.get("sections", []):
                if section not in docnames:
                    warn(
                        f"cv_versions[{name!r}]['sections']: {section!r} is not a page; "
                        f"accepted are {', '.join(sorted(docnames))}"
                    )


def all_tags(env: BuildEnvironment) -> set[str]:
    """Every tag some content of the CV has."""
    tags: set[str] = set()
    for records in env.get_domain("cv").records_by_doc.values():
        for record in records:
            tags.update(getattr(record, "tags", ()))
    for docname in env.found_docs:
        tags.update(page_tags(env, docname))
    try:
        entries = env.get_domain("cite").bibdata.data.entries.values()
    except Exception:
        entries = []
    for entry in entries:
        tags.update(bib_tags(entry))
    return tags


def setup(app: Sphinx) -> None:
    """Register ``cv_versions``, ``cv_version``, the filter and the checks."""
    app.add_config_value("cv_versions", {}, "env", types=(dict,))
    app.add_config_value("cv_version", "", "env", types=(str,))
    app.add_post_transform(VersionFilter)
    # Before the PDF's settings (priority 500) read the version's file name and paper.
    app.connect("config-inited", _config_inited, priority=400)
    app.connect("env-check-consistency", _check_tags)


def _config_inited(app: Sphinx, config: Any) -> None:
    from .config import warn_at

    check_versions(config, None, lambda message: warn_at(app, "cv_versions", message))
    name = config.cv_version
    declared = versions(config)
    if name and name not in declared:
        warn_at(
            app,
            "cv_version",
            f"cv_version = {name!r} is not in cv_versions; accepted are "
            f"{', '.join(declared)}; building {next(iter(declared))!r}",
        )
    # The version is a Sphinx tag too, so that ``{only} resume`` works.
    app.tags.add(configured_version(config))


def _check_tags(app: Sphinx, env: BuildEnvironment) -> None:
    from .config import warn_at

    check_versions(
        env.config,
        all_tags(env),
        lambda message: warn_at(app, "cv_versions", message),
        set(env.found_docs),
    )
