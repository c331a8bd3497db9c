"""Importers: a CV kept elsewhere read into a :class:`~sphinx_cv.cli.draft.Draft`.

- ``jsonresume``: a JSON Resume document (validated against its schema);
- ``rendercv``: a RenderCV input file (``cv:`` with its sections of entries);
- ``bibtex``: a ``.bib`` file copied into ``references.bib``.

Importers read ``source`` (the date grammar, the record fields); they import
no output package.
"""

from __future__ import annotations


class InputError(Exception):
    """Input that cannot be read: the message says where (JSON pointer, line) and why."""
