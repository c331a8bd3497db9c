"""Docutils nodes for the reference's tables and lists, built from values, not from text.

Values read from the code (a default, a help string, a journal's abbreviation)
become text nodes, so nothing in them is read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes

Cell = str | nodes.Node | Sequence[nodes.Node]


def literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def cell_nodes(cell: Cell) -> list[nodes.Node]:
    """A cell's content as a paragraph: text as text, nodes as given."""
    if isinstance(cell, str):
        return [nodes.paragraph("", cell)]
    children = [cell] if isinstance(cell, nodes.Node) else list(cell)
    if all(isinstance(child, nodes.Body) for child in children):
        return children
    return [nodes.paragraph("", "", *children)]


def table(header: Sequence[str], rows: Iterable[Sequence[Cell]], classes=()) -> nodes.table:
    """A table with a header row; each cell is text or nodes."""
    group = nodes.tgroup(cols=len(header))
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head += _row(header)
    group += head
    body = nodes.tbody()
    for row in rows:
        body += _row(row)
    group += body
    return nodes.table("", group, classes=["guide-reference", *classes])


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry.extend(cell_nodes(cell))
        row += entry
    return row


def definition_list(items: Iterable[tuple[Sequence[nodes.Node], Sequence[nodes.Node]]]):
    """``(term nodes, definition nodes)`` pairs as a definition list."""
    result = nodes.definition_list(classes=["guide-reference"])
    for term, definition in items:
        item = nodes.definition_list_item()
        item += nodes.term("", "", *term)
        item += nodes.definition("", *definition)
        result += item
    return result


def joined(parts: Iterable[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    """Nodes with ``separator`` between them."""
    result: list[nodes.Node] = []
    for part in parts:
        if result:
            result.append(nodes.Text(separator))
        result.append(part)
    return result
