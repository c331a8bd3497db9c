"""Machine-readable copies of the CV, from :mod:`sphinx_cv.model`.

- ``jsonresume``: the ``jsonresume`` builder, and ``resume.json`` beside the website;
- ``jsonld``: schema.org ``Person`` as JSON-LD in the home page's ``<head>``.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import jsonld, jsonresume


def setup(app: Sphinx) -> None:
    """Register the JSON Resume builder and the JSON-LD."""
    jsonresume.setup(app)
    jsonld.setup(app)
