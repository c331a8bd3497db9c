"""A check of ``{bibliography}`` filters: a name that no entry has is a warning.

sphinxcontrib-bibtex reads an unknown name in ``:filter:`` as an empty field,
so a typo (``:filter: yaer == "2024"``) silently empties the list. This says
so at the directive's line, with the names that are accepted.

A filter that fails on an entry (``year > 2020`` compares text with a number)
would stop the build in sphinxcontrib-bibtex: it is a warning at the
directive's line, and the list falls back to the cited entries, as for a
syntax error.
"""

from __future__ import annotations

import ast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Names sphinxcontrib-bibtex's filters know besides the entries' fields.
FILTER_NAMES = ("type", "key", "cited", "docname", "docnames", "author", "editor")


def check_filters(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about names in this document's ``:filter:`` options that match nothing."""
    try:
        domain = app.env.get_domain("cite")
    except ExtensionError:
        return  # sphinxcontrib.bibtex is not enabled
    docname = app.env.docname
    known: set[str] | None = None
    for key, bibliography in list(domain.bibliographies.items()):
        if key.docname != docname:
            continue
        problem = _evaluation_problem(domain, bibliography.filter_)
        if problem:
            logger.warning(
                f"bibliography: ':filter:' cannot be applied ({problem}); the list shows "
                "the cited entries instead; compare fields with text, e.g. "
                'year == "2024" or type == "article"',
                location=(docname, bibliography.line),
                type="cv",
                subtype="bibliography",
            )
            domain.bibliographies[key] = bibliography._replace(filter_=ast.parse("cited"))
            continue
        names = sorted(
            {node.id for node in ast.walk(bibliography.filter_) if isinstance(node, ast.Name)}
        )
        if known is None:
            known = _known_names(domain)
        for name in names:
            if name.lower() not in known:
                fields = ", ".join(sorted(known - set(FILTER_NAMES)))
                logger.warning(
                    f"bibliography: ':filter:' names {name!r}, which no entry has (it reads "
                    f"as empty); accepted are {', '.join(FILTER_NAMES)} and the "
                    f"fields of the entries ({fields})",
                    location=(docname, bibliography.line),
                    type="cv",
                    subtype="bibliography",
                )


def _evaluation_problem(domain, filter_: ast.AST) -> str | None:
    """What goes wrong when the filter is applied to the entries, or None."""
    try:
        from sphinxcontrib.bibtex.domain import _FilterVisitor
    except ImportError:  # a later sphinxcontrib-bibtex: it is its own to run
        return None
    for entry in domain.bibdata.data.entries.values():
        try:
            _FilterVisitor(entry=entry, docname="", cited_docnames=set()).visit(filter_)
        except ValueError:
            return None  # sphinxcontrib-bibtex reports these itself, at the same line
        except Exception as error:
            return f"{type(error).__name__}: {error}"
    return None


def _known_names(domain) -> set[str]:
    names = set(FILTER_NAMES)
    for entry in domain.bibdata.data.entries.values():
        names.update(field.lower() for field in entry.fields)
        names.update(role.lower() for role in entry.persons)
    return names
