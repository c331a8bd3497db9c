"""Names and author lists: who wrote an entry, who of them is the CV's owner.

- ``author+an = {1=equal; 2=highlight}`` (biblatex's data annotations): a ``*``
  after an equal contributor, a highlighted author bold;
- the owner's names (``cv_highlight_authors``) are matched as written names, so
  that "Song, Minhak", "Minhak Song", "M. Song" and PubMed's "Song M" are one
  person, across name orders, with or without accents;
- "and others" and "and et al." are the list's "et al." (:func:`is_others`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from pybtex.database import Entry, Person
from pybtex.richtext import Text
from pybtex.scanner import PybtexSyntaxError

from .dialects import FAMILY_NAME_PARTICLES, normalize
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


def _words(part: str) -> list[str]:
    """A name part as plain lower-case words without accents: LaTeX and ADS's forms
    decoded, braces and dots dropped ("N{\\'{\\i}}" and "Ni" are both "ni")."""
    try:
        text = Text.from_latex(normalize(part)).render(text_backend())
    except (PybtexSyntaxError, ValueError):  # as rich_text: read it as written
        text = part
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return [word for word in re.split(r"[\s.]+", text.lower()) if word]


def _given(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Given names as words; "JH" (PubMed's and Scopus' initials) is "j", "h"."""
    words: list[str] = []
    for part in parts:
        bare = part.replace(".", "").replace("-", "")
        if 2 <= len(bare) <= 3 and bare.isalpha() and bare.isupper():
            words.extend(bare.lower())
        else:
            words.extend(_words(part))
    return tuple(words)


@functools.lru_cache(maxsize=8192)
def name_forms(key: tuple[tuple[str, ...], ...]) -> frozenset[tuple[tuple[str, ...], ...]]:
    """Every way to read a written name as (family name, given names), as plain words.

    pybtex's own reading, and each split of the name's words in the order written,
    so that a family name of several words matches across the two name orders
    ("Ní Bhriain-Okonkwo, Aoife" and "Aoife Ní Bhriain-Okonkwo"); and PubMed's
    "Ní Bhriain-Okonkwo AN", whose last word is initials. ``key`` is :func:`person_key`.
    """
    first, middle, prelast, last, _lineage = key
    forms = {
        (tuple(w for part in (*prelast, *last) for w in _words(part)), _given((*first, *middle)))
    }
    parts = (*first, *middle, *prelast, *last)
    words = [tuple(_words(part)) for part in parts]
    for split in range(1, len(parts)):
        family = tuple(w for part in words[split:] for w in part)
        forms.add((family, _given(parts[:split])))
    if len(parts) >= 2:
        initials = parts[-1].replace(".", "")
        if initials.isalpha() and initials.isupper() and len(initials) <= 3:
            forms.add((tuple(w for part in words[:-1] for w in part), tuple(initials.lower())))
    return frozenset((family, given) for family, given in forms if family)


def _given_names_agree(first: str, second: str) -> bool:
    """Two given names agree when equal or when one is the other's initial."""
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    return first == second


def same_person(person: Person, other: Person) -> bool:
    """Whether two written names are one person: same family name, agreeing given names.

    "Song, Minhak", "Minhak Song", "M. Song" and "Song M" are one person; "Xiang
    Song" and "Minhak Song" are not. Accents may be left out ("Ni" is "Ní"), and a
    family name of several words is matched in either name order. A name without
    given names matches on the family name alone.
    """
    return forms_match(name_forms(person_key(person)), name_forms(person_key(other)))


def forms_match(forms, other_forms) -> bool:
    """Whether two names' :func:`name_forms` have a reading in common."""
    for family, given in forms:
        for other_family, other_given in other_forms:
            if family == other_family and all(
                _given_names_agree(a, b) for a, b in zip(given, other_given, strict=False)
            ):
                return True
    return False


#: What a list's last "name" is when it stands for more authors: "and others", "and et al.".
OTHERS = frozenset({"others", "et al", "et al.", "al", "al.", "etal", "...", ". . .", "…"})


def is_others(person: Person) -> bool:
    """Whether a "name" of a list stands for more authors ("and others", "and et al.")."""
    written = " ".join(
        (*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names)
    )
    return " ".join(written.replace("{", "").replace("}", "").lower().split()) in OTHERS or (
        not written.strip(" .{}")
    )


def pubmed_initials(person: Person) -> str:
    """The initials of a name PubMed writes "Family AB" (no comma), or ""."""
    if person.first_names and len(person.last_names) == 1 and not person.prelast_names:
        last = person.last_names[0]
        if last.isalpha() and last.isupper() and len(last) <= 3:
            return last
    return ""


def read_person(person: Person) -> Person:
    """A name as the databases mean it: PubMed's "Kelly J" is the family name Kelly with
    the initial J; "Aoife Ní Bhriain" has the family name "Ní Bhriain"
    (:data:`~.dialects.FAMILY_NAME_PARTICLES`)."""
    initials = pubmed_initials(person)
    if initials:
        return Person(first=initials, last=" ".join((*person.first_names, *person.middle_names)))
    given = [*person.first_names, *person.middle_names]
    for index, word in enumerate(given[1:], start=1):
        if normalize(word) in FAMILY_NAME_PARTICLES:
            return Person(
                first=" ".join(given[:index]),
                prelast=" ".join((*given[index:], *person.prelast_names)),
                last=" ".join(person.last_names),
                lineage=" ".join(person.lineage_names),
            )
    return person


def shown_person(person: Person) -> Person:
    """The name with each part as :mod:`.dialects` reads it (accents in every form)."""
    return Person(
        first=" ".join(normalize(part) for part in person.first_names),
        middle=" ".join(normalize(part) for part in person.middle_names),
        prelast=" ".join(normalize(part) for part in person.prelast_names),
        last=" ".join(normalize(part) for part in person.last_names),
        lineage=" ".join(normalize(part) for part in person.lineage_names),
    )


def vancouver_initials(person: Person) -> str:
    """The given names as medicine writes them after the family name: "AN", "J-P"."""
    initials = []
    for part in (*person.first_names, *person.middle_names):
        for word in _words(part) if part.replace(".", "").islower() else [part]:
            pieces = [piece for piece in re.split(r"[.\s]+", word) if piece]
            for piece in pieces:
                if "-" in piece:
                    initials.append("-".join(p[0].upper() for p in piece.split("-") if p))
                elif piece.isupper() and len(piece) <= 3:
                    initials.append(piece)
                else:
                    initials.append(piece[0].upper())
    return "".join(initials)


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
