"""Incremental builds keep every page's navigation current.

Sphinx writes again only the pages that changed and their toctree parents. But
the book theme shows the whole table of contents, and prev/next links, on every
page: when a page is added, removed or retitled, every page's navigation
changes. Then, and only then, every page is written again (reading stays
incremental).
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

_TITLES = "sphinx_cv_titles_before"


def note_titles(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Before reading: remember whether pages come or go, and the titles of those that change."""
    before = {name: env.titles[name].astext() for name in changed if name in env.titles}
    setattr(app, _TITLES, (bool(added or removed), before))
    return []


def pages_with_new_navigation(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """After reading: every page, if the navigation they all show has changed."""
    structure_changed, before = getattr(app, _TITLES, (False, {}))
    retitled = any(
        name in env.titles and env.titles[name].astext() != title for name, title in before.items()
    )
    return sorted(env.found_docs) if structure_changed or retitled else []
