"""Publications: ``references.bib`` rendered by sphinxcontrib-bibtex in the CV's style.

- ``style/``: the pybtex style ``cv`` (order, numbers, names, fields by type, links,
  the language's forms) and the checks of each entry, one module per concern;
- ``bibliography``: the style made default, one numbering across lists, the
  lists kept in place as ``nodes``, warnings at their line in the ``.bib``;
- ``bibfiles``: the ``.bib`` files read leniently, each mistake a warning at its line;
- ``filters``: a ``:filter:`` name that no entry has is a warning;
- ``nodes``: the publication list's nodes (each output writes them).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import bibfiles, bibliography
from .filters import check_filters


def setup(app: Sphinx) -> None:
    """Register the style, the numbering and the checks."""
    bibfiles.setup(app)
    bibliography.setup(app)
    app.connect("doctree-read", check_filters)
