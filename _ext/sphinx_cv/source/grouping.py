"""Read-time transforms: consecutive entries become one list."""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .nodes import cv_entry, cv_list


class GroupEntries(SphinxTransform):
    """Wrap each run of sibling entries of one type in a :class:`cv_list`.

    Authors never write a container: consecutive ``timeline`` directives in a
    section are one timeline, consecutive ``award`` directives one list.
    """

    default_priority = 200

    def apply(self, **kwargs) -> None:
        parents = {id(entry.parent): entry.parent for entry in self.document.findall(cv_entry)}
        for parent in parents.values():
            if not isinstance(parent, cv_list):
                self.group_children(parent)

    @staticmethod
    def group_children(parent: nodes.Element) -> None:
        children: list[nodes.Node] = []
        for child in parent.children:
            previous = children[-1] if children else None
            if isinstance(child, cv_entry):
                if isinstance(previous, cv_list) and previous["entry_type"] == child["entry_type"]:
                    previous += child
                    continue
                entry_type = child["entry_type"]
                group = cv_list(
                    "", entry_type=entry_type, classes=["cv-list", f"cv-{entry_type}-list"]
                )
                group.source, group.line = child.source, child.line
                group += child
                children.append(group)
            else:
                children.append(child)
        parent.children = []
        parent.extend(children)
