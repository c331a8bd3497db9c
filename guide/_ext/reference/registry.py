"""What the running extension registers, and what the guide says it documents.

:func:`registered` reads a Sphinx application that has loaded ``sphinx_cv``:
its directives (by the module of their class), its ``cv_*`` settings and its
builders. The reference's directives note what they document in the
environment (:func:`note`); at the end of reading, :func:`check` warns about
each thing registered and documented nowhere, so that ``sphinx-build -W`` fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docutils.parsers.rst import directives as docutils_directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE = "sphinx_cv"
SETTING_PREFIX = "cv_"


@dataclass
class Registered:
    """The extension's directives (name → class), settings (name → Sphinx's option) and
    builders (name → class)."""

    directives: dict[str, type] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    builders: dict[str, type] = field(default_factory=dict)


def is_ours(cls: object) -> bool:
    return isinstance(cls, type) and cls.__module__.split(".")[0] == PACKAGE


def registered(app: Sphinx) -> Registered:
    """What ``sphinx_cv`` added to ``app``."""
    found = Registered()
    for name, cls in sorted(docutils_directives._directives.items()):
        if is_ours(cls):
            found.directives[name] = cls
    for name, option in sorted(app.config._options.items()):
        if name.startswith(SETTING_PREFIX):
            found.settings[name] = option
    for name, cls in sorted(app.registry.builders.items()):
        if is_ours(cls):
            found.builders[name] = cls
    return found


def warn(message: str, location=None, subtype: str = "reference") -> None:
    """A warning of the guide's own (``guide.reference``): ``-W`` makes it an error."""
    logger.warning(message, location=location, type="guide", subtype=subtype)


def documenting(directive, kind: str) -> tuple[str, Any]:
    """The ``kind`` (directive, setting, builder) the directive's argument names, and what
    the extension registers under that name, noted as documented by the page; ``None``
    (and a warning) when the extension registers no such thing."""
    name = directive.arguments[0].strip()
    found = getattr(registered(directive.env.app), f"{kind}s").get(name)
    if found is None:
        warn(f"cv-{kind}: sphinx_cv registers no {kind} {name!r}", directive.get_location())
    else:
        note(directive.env, kind, name)
    return name, found


def note(env: BuildEnvironment, kind: str, name: str) -> None:
    """Record that the page being read documents ``kind`` ``name``."""
    documented = env.__dict__.setdefault("guide_documented", {})
    documented.setdefault(env.docname, set()).add((kind, name))


def documented(env: BuildEnvironment, kind: str) -> set[str]:
    pages = getattr(env, "guide_documented", {})
    return {name for items in pages.values() for what, name in items if what == kind}


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "guide_documented", {}).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment):
    mine = env.__dict__.setdefault("guide_documented", {})
    for docname in docnames:
        if docname in getattr(other, "guide_documented", {}):
            mine[docname] = other.guide_documented[docname]


def check(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about each directive, setting and builder of the extension the guide lacks."""
    found = registered(app)
    for kind, names in (
        ("directive", found.directives),
        ("setting", found.settings),
        ("builder", found.builders),
    ):
        for name in sorted(set(names) - documented(env, kind)):
            warn(
                f"the reference does not document the {kind} {name!r} of sphinx_cv; "
                f"describe it with {{cv-{kind}}} {name}"
            )


def setup(app: Sphinx) -> None:
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-check-consistency", check)
