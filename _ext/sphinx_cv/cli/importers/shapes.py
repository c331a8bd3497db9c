"""The shapes an importer reads a value as: a text, a list of texts, a list of mappings.

A file may hold anything where a text belongs. These functions read a value
as the shape the importer expects, mend what keeps its meaning (a number is
its text, a text where a list belongs is a list of one, a list of texts where
a text belongs is paragraphs) and report the rest, left out: a mapping never
becomes its Python ``repr``, a text never a list of its letters.
"""

from __future__ import annotations

import re
from typing import Any

from ..draft import Draft
from .reading import brief

_KINDS = {dict: "a mapping", list: "a list", tuple: "a list"}


def text(draft: Draft, where: str, value: Any) -> str:
    """``value`` as a text; ``""`` (reported) for a mapping or a list of more than texts."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        if len(value) > 1:
            draft.note(f"{where}: a list where a text belongs, read as paragraphs")
        return "\n\n".join(str(item) for item in value)
    draft.note(f"{where}: {_KINDS.get(type(value), 'a value')} where a text belongs; left out: "
               f"{brief(value)}")  # fmt: skip
    return ""


def texts(draft: Draft, where: str, value: Any) -> list[str]:
    """``value`` as a list of texts; a single text is a list of one (reported)."""
    if value is None or value == "":
        return []
    if isinstance(value, str | int | float):
        draft.note(f"{where}: a text where a list belongs, read as a list of one")
        return [str(value)]
    if not isinstance(value, list):
        draft.note(f"{where}: a mapping where a list belongs; left out: {brief(value)}")
        return []
    items = [text(draft, f"{where}[{number}]", item) for number, item in enumerate(value)]
    return [item for item in items if item]


def mappings(draft: Draft, where: str, value: Any) -> list[dict[str, Any]]:
    """``value`` as a list of mappings; anything else in it is reported and left out."""
    if value is None or value == "":
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        draft.note(f"{where}: a list of mappings belongs here; left out: {brief(value)}")
        return []
    kept = []
    for number, item in enumerate(value):
        if isinstance(item, dict):
            kept.append(item)
        else:
            draft.note(f"{where}[{number}]: not a mapping; left out: {brief(item)}")
    return kept


def fields(
    draft: Draft, where: str, mapping: dict[Any, Any], lists: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """A mapping's values as texts, those of the fields in ``lists`` as lists of texts."""
    return {
        str(key): (texts if key in lists else text)(draft, f"{where}.{key}", value)
        for key, value in mapping.items()
    }


def paragraphs(value: str) -> list[str]:
    """A text's paragraphs: its parts between blank lines."""
    return [part for part in re.split(r"\n\s*\n", value) if part.strip()]
