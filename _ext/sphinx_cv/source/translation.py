"""A translated CV: entries read Sphinx's translations of their own text.

An entry's title and its ``:role:``, ``:location:``, ``:issuer:`` are nodes
that Sphinx's gettext builder extracts and its ``Locale`` transform translates
(the body is ordinary paragraphs and lists, which it handles anyway). The
records the directive built from the English source are brought in line here,
so that ``resume.json``, the JSON-LD and the page descriptions are in the
translation's language too.
"""

from __future__ import annotations

import dataclasses

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .nodes import cv_entry, cv_entry_body, cv_entry_field, cv_entry_title


class TranslatedRecords(SphinxTransform):
    """After Sphinx's ``Locale`` (priority 20): translated text into the records."""

    default_priority = 25

    def apply(self, **kwargs) -> None:
        for entry in self.document.findall(cv_entry):
            record = entry.get("record")
            if record is None:
                continue
            changes = {}
            for title in entry.findall(cv_entry_title):
                if title.get("translated"):
                    changes["title"] = title.astext()
                    _link_again(title, record.url)
            for field in entry.findall(cv_entry_field):
                if field.get("translated"):
                    changes[field["field"]] = field.astext()
            for body in entry.findall(cv_entry_body):
                if any(node.get("translated") for node in body.findall(nodes.Element)):
                    changes["body"] = body.astext()
            if changes:
                entry["record"] = dataclasses.replace(record, **changes)


def _link_again(title: nodes.Element, url: str) -> None:
    """The translation replaced the title's link with its text: link it again."""
    if url and not any(isinstance(child, nodes.reference) for child in title.children):
        link = nodes.reference("", "", *title.children, refuri=url, internal=False)
        title.children = []
        title += link
