"""The ``tagged`` directive: a bullet, a paragraph or a keyword group for some versions only.

``:tags:`` tags a whole entry; a part of one is tagged by putting it in a block::

    ::::{timeline} Upstage AI
    - Trained the document-parsing model

    :::{tagged} academic
    - Organised the lab's reading group
    :::
    ::::

A version that leaves out ``academic`` leaves out the bullet, in every output
(the body text that ``resume.json`` reads too). In a ``skills`` or
``interests`` directive the block's groups carry its tags. The block is
unwrapped where it is kept, and a list it split is one list again
(:func:`unwrap_tagged_blocks`, from the versions' filter).
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from .directives import CVDirective
from .nodes import cv_entry
from .records import TaggedBlock
from .versions import parse_tags

#: The class of a ``tagged`` block's container, until the filter unwraps it.
TAGGED_CLASS = "cv-tagged"


class TaggedDirective(CVDirective):
    """``{tagged} academic``: its content is shown by the versions that keep these tags."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict] = {}

    def run(self) -> list[nodes.Node]:
        tags, problems = parse_tags(self.arguments[0])
        for problem in problems:
            self.warn(
                f"tagged: {problem}; accepted are names of letters, digits, - and _, "
                "separated by commas or spaces, e.g. '{tagged} academic, service'",
                "tags",
            )
        block = nodes.container("", classes=[TAGGED_CLASS])
        self.set_source_info(block)
        block += self.parse_content_to_nodes()
        if next(block.findall(cv_entry), None) is not None:
            self.warn(
                "tagged: an entry inside a tagged block keeps its own tags; "
                "give it ':tags:' instead, e.g. ':tags: academic'",
                "tags",
            )
        if not tags:
            return list(block.children)  # nothing to tag: the content as written
        block["record"] = TaggedBlock(docname=self.env.docname, lineno=self.lineno, tags=tags)
        return [block]


def is_tagged_block(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and TAGGED_CLASS in node["classes"]


def unwrap_tagged_blocks(document: nodes.Node) -> None:
    """Each tagged block left in ``document`` becomes its content; a bullet list it split
    (the bullets before it, its own, those after it) becomes one list again."""
    for block in list(document.findall(is_tagged_block)):
        parent, index = block.parent, block.parent.index(block)
        children = list(block.children)
        block.replace_self(children or nodes.comment())
        for position in range(index + len(children) - 1, index - 1, -1):
            _join_with_next(parent, position)
        _join_with_next(parent, index - 1)


def _join_with_next(parent: nodes.Element, position: int) -> None:
    """The bullet list at ``position`` takes the items of a bullet list right after it."""
    if not 0 <= position < len(parent) - 1:
        return
    first, second = parent[position], parent[position + 1]
    if isinstance(first, nodes.bullet_list) and isinstance(second, nodes.bullet_list):
        items = list(second.children)
        second.children = []
        first.extend(items)
        parent.remove(second)
