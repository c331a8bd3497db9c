"""The ``skills`` and ``interests`` directives: keyword lists that exporters can read.

Their content is ordinary Markdown and renders as written; the directive
only reads it into :class:`KeywordGroup` records::

    :::{skills}
    - **Languages:** Korean (mother tongue), English (fluent)
    - **Computer Languages & Software:** Python, LaTeX, MATLAB
    :::

    :::{interests}
    Theoretical Foundations of Modern Machine Learning; Optimization; Sampling
    :::

A bullet of ``skills`` is a bold label followed by its items; a group of
spoken languages, each ``Name (fluency)``, is told apart by
:func:`~sphinx_cv.source.spoken.spoken_languages` (its entries are language
names, or its label is the word for languages, or ``:languages:`` names it).
``interests`` takes paragraphs or bullets,
labelled or not. Items are separated by ``;`` when the text has one, else by
``,``; separators inside parentheses do not count.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from .directives import CVDirective
from .records import KeywordGroup
from .spoken import spoken_languages
from .tagged import is_tagged_block
from .versions import tags_option


def split_items(text: str) -> tuple[str, ...]:
    """Split on ``;`` if the text has one (outside parentheses), else on ``,``."""
    separator = ";" if _split(text, ";") != [text] else ","
    return tuple(item for item in (part.strip() for part in _split(text, separator)) if item)


def _split(text: str, separator: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == separator and depth <= 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _label_and_text(paragraph: nodes.paragraph) -> tuple[str, str]:
    """A leading bold label (its colon inside or after it) and the text after it."""
    # MyST may leave an empty Text before the first inline node.
    children = [child for child in paragraph.children if child.astext().strip()]
    if not children or not isinstance(children[0], nodes.strong):
        return "", paragraph.astext().strip()
    label = children[0].astext().strip()
    rest = "".join(child.astext() for child in children[1:]).strip()
    if label.endswith(":"):
        label = label[:-1].strip()
    elif rest.startswith(":"):
        rest = rest[1:].strip()
    return label, rest


def label_and_items(paragraph: nodes.paragraph | None) -> tuple[str, tuple[str, ...]]:
    """A group's bold label ("" if none) and its items, read from its paragraph."""
    label, text = _label_and_text(paragraph) if paragraph is not None else ("", "")
    return label, split_items(text)


def _groups(scope: nodes.Element) -> list[nodes.Element]:
    """The bullets of the lists right in ``scope``, and its paragraphs: one group each."""
    items = [
        item
        for bullets in scope.children
        if isinstance(bullets, nodes.bullet_list)
        for item in bullets.children
    ]
    return items + [child for child in scope.children if isinstance(child, nodes.paragraph)]


class KeywordsDirective(CVDirective):
    """What ``skills`` and ``interests`` share: parse the content, read its groups."""

    section: ClassVar[str]
    #: Whether every group needs a bold label.
    needs_label: ClassVar[bool]
    example: ClassVar[str]

    has_content = True
    option_spec: ClassVar[dict] = {
        "class": directives.class_option,
        "tags": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        box = nodes.container("", classes=[f"cv-{self.name}", *self.options.get("class", [])])
        self.set_source_info(box)
        box += self.parse_content_to_nodes()
        tags = tags_option(self)
        # The groups: the box's own, and those of a ``tagged`` block in it, with its tags.
        scopes = [(box, tags)] + [
            (block, tuple(dict.fromkeys((*tags, *block["record"].tags))))
            for block in box.children
            if is_tagged_block(block) and "record" in block
        ]
        holders = [
            (holder, scope_tags) for scope, scope_tags in scopes for holder in _groups(scope)
        ]
        if not holders:
            self.warn(f"{self.name}: nothing to read; write it as {self.example}", "content")
        for holder, holder_tags in holders:
            # Labels and items are plain text (exporters read them): no HTML.
            self.keep_plain_text(holder, holder.astext()[:40], holder.line or self.lineno)
            self.read_group(holder, holder_tags)
        self.keep_plain_text(box, box.astext()[:40])  # HTML outside the bullets, too
        return [box]

    def read_group(self, holder: nodes.Element, tags: tuple[str, ...] = ()) -> None:
        paragraph = next(iter(holder.findall(nodes.paragraph)), None)
        label, items = label_and_items(paragraph)
        lineno = holder.line or (paragraph.line if paragraph is not None else None)
        lineno = lineno or self.lineno
        if (self.needs_label and not label) or not items:
            self.warn(
                f"{self.name}: {holder.astext()[:40]!r} is shown but not exported; "
                f"write it as {self.example}",
                "content",
                lineno,
            )
            return
        holder["record"] = KeywordGroup(
            docname=self.env.docname,
            lineno=lineno,
            section=self.section_of(label, items),
            label=label,
            items=items,
            tags=tags,
        )

    def section_of(self, label: str, items: tuple[str, ...]) -> str:
        return self.section


class SkillsDirective(KeywordsDirective):
    """``skills``: bullets ``**Label:** item, item``; the languages group is special."""

    section = "skills"
    needs_label = True
    example = "'- **Label:** item, item' bullets, e.g. '- **Languages:** Korean (native)'"
    option_spec: ClassVar[dict] = {
        **KeywordsDirective.option_spec,
        "languages": directives.unchanged,
    }

    def section_of(self, label: str, items: tuple[str, ...]) -> str:
        chosen = self.options.get("languages", "").strip() or None
        spoken = spoken_languages(label, items, self.config.language, chosen)
        return "languages" if spoken else "skills"


class InterestsDirective(KeywordsDirective):
    """``interests``: items separated by ``;``, optionally under a bold label."""

    section = "interests"
    needs_label = False
    example = "items separated by ';', e.g. 'Optimization; Sampling; Statistics'"
