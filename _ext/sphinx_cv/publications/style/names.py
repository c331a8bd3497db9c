"""Names and author lists: who wrote an entry, who of them is the CV's owner.

- ``author+an = {1=equal; 2=highlight}`` (biblatex's data annotations): a ``*``
  after an equal contributor, a highlighted author bold;
- the owner's names (``cv_highlight_authors``) are matched as written names, so
  that "Song, Minhak", "Minhak Song" and "M. Song" are one person.
"""

from __future__ import annotations

import functools
import re

from pybtex.database import Entry, Person
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

from .text import text_backend

#: The field that holds per-author annotations (biblatex's convention).
ANNOTATION_FIELD = "author+an"
EQUAL = "equal"
HIGHLIGHT = "highlight"
ANNOTATIONS = (EQUAL, HIGHLIGHT)
EQUAL_MARK = "*"


# -- author annotations ------------------------------------------------------------


def parse_annotations(value: str, count: int) -> tuple[dict[int, set[str]], list[str]]:
    """Read ``author+an`` (``1=equal; 3=equal,highlight``) for ``count`` authors.

    Returns ``{author index from 0: annotations}`` of what could be read and a
    message for each part that could not.
    """
    marks: dict[int, set[str]] = {}
    problems: list[str] = []
    accepted = f"write e.g. '1=equal; 2=equal' (annotations: {', '.join(ANNOTATIONS)})"
    for part in value.split(";"):
        part = part.strip()
        if not part:
            continue
        item, sep, names = part.partition("=")
        item = item.strip()
        if not sep or not re.fullmatch(r"[0-9]+", item) or int(item) < 1:
            problems.append(
                f"{ANNOTATION_FIELD}: {part!r} is not AUTHOR_NUMBER=ANNOTATION; {accepted}"
            )
            continue
        index = int(item)
        if index > count:
            problems.append(
                f"{ANNOTATION_FIELD}: {part!r} names author {index}, "
                f"but the entry has {count} author{'s' if count != 1 else ''}"
            )
            continue
        for name in names.split(","):
            name = name.strip().lower()
            if name in ANNOTATIONS:
                marks.setdefault(index - 1, set()).add(name)
            else:
                problems.append(
                    f"{ANNOTATION_FIELD}: unknown annotation {name!r} in {part!r}; "
                    f"accepted are {', '.join(ANNOTATIONS)}"
                )
    return marks, problems


def author_marks(entry: Entry) -> dict[int, set[str]]:
    """The valid annotations of the entry's authors, by index from 0."""
    count = len(entry.persons.get("author", ()))
    return parse_annotations(entry.fields.get(ANNOTATION_FIELD, ""), count)[0]


def has_equal_contribution(entry: Entry) -> bool:
    """Whether the entry shows an equal-contribution mark (so the page needs the legend)."""
    return any(EQUAL in marks for marks in author_marks(entry).values())


# -- matching the CV owner's name --------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _name_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Name parts as plain lower-case words: LaTeX decoded, braces and dots dropped.

    Cached: the same names recur in every entry, and each is compared with every
    owner name.
    """
    words: list[str] = []
    for part in parts:
        try:
            text = Text.from_latex(part).render(text_backend())
        except (PybtexSyntaxError, ValueError):  # as rich_text: read it as written
            text = part
        words.extend(word for word in re.split(r"[\s.]+", text.lower()) if word)
    return tuple(words)


def _given_names_agree(first: str, second: str) -> bool:
    """Two given names agree when equal or when one is the other's initial."""
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    return first == second


def same_person(person: Person, other: Person) -> bool:
    """Whether two written names are one person: same family name, agreeing given names.

    "Song, Minhak", "Minhak Song" and "M. Song" are one person; "Xiang Song"
    and "Minhak Song" are not. A name without given names matches on the
    family name alone.
    """
    family = _name_parts((*person.prelast_names, *person.last_names))
    if not family or family != _name_parts((*other.prelast_names, *other.last_names)):
        return False
    given = _name_parts((*person.first_names, *person.middle_names))
    other_given = _name_parts((*other.first_names, *other.middle_names))
    return all(_given_names_agree(a, b) for a, b in zip(given, other_given, strict=False))


def person_key(person: Person) -> tuple[tuple[str, ...], ...]:
    """The parts of a name, as a key of the rendered names' cache."""
    return tuple(
        tuple(names)
        for names in (
            person.first_names,
            person.middle_names,
            person.prelast_names,
            person.last_names,
            person.lineage_names,
        )
    )
