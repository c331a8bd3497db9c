"""A translated CV: entries read Sphinx's translations of their own text.

An entry's title and its ``:role:``, ``:location:``, ``:issuer:`` are nodes
that Sphinx's gettext builder extracts and its ``Locale`` transform translates
(the body is ordinary paragraphs and lists, which it handles anyway, and so
are the bullets of ``skills`` and ``interests``). The records the directives
built from the English source are brought in line here, so that
``resume.json``, the JSON-LD and the page descriptions are in the
translation's language too. A keyword group keeps its section: "언어" is
still the languages group its English label named.
"""

from __future__ import annotations

import dataclasses

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .directives import plain_text_problems
from .keywords import label_and_items
from .nodes import cv_entry, cv_entry_body, cv_entry_field, cv_entry_title
from .records import KeywordGroup
from .versions import shown_text

logger = logging.getLogger(__name__)


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
                    self.check_plain_text(title, record.entry_type)
                    changes["title"] = title.astext()
                    _link_again(title, record.url)
            for field in entry.findall(cv_entry_field):
                if field.get("translated"):
                    self.check_plain_text(field, record.entry_type)
                    changes[field["field"]] = field.astext()
            for body in entry.findall(cv_entry_body):
                if _translated(body):
                    changes["body"] = shown_text(body, self.env)
            if changes:
                entry["record"] = dataclasses.replace(record, **changes)
        for holder in self.document.findall(_keyword_holder):
            paragraph = next(iter(holder.findall(nodes.paragraph)), None)
            if paragraph is None or not _translated(holder):
                continue
            label, items = label_and_items(paragraph)
            if items:
                holder["record"] = dataclasses.replace(holder["record"], label=label, items=items)

    def check_plain_text(self, field: nodes.Element, directive: str) -> None:
        """A translated title or field obeys the source's rules: no HTML, no refused link."""
        for message, subtype in plain_text_problems(field, field.astext(), directive):
            logger.warning(
                f"the translation of {message}", location=field, type="cv", subtype=subtype
            )


def _translated(node: nodes.Element) -> bool:
    return any(child.get("translated") for child in node.findall(nodes.Element))


def _keyword_holder(node: nodes.Node) -> bool:
    """A bullet or paragraph of ``skills``/``interests`` that holds a keyword group."""
    return isinstance(node, nodes.Element) and isinstance(node.get("record"), KeywordGroup)


def _link_again(title: nodes.Element, url: str) -> None:
    """The translation replaced the title's link with its text: link it again."""
    if url and not any(isinstance(child, nodes.reference) for child in title.children):
        link = nodes.reference("", "", *title.children, refuri=url, internal=False)
        title.children = []
        title += link
