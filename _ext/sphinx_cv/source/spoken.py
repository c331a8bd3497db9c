"""Spoken languages: which ``skills`` group lists them, and so which one exports as them.

One rule, asked by the ``skills`` directive (and so by ``resume.json``'s
``languages``, the page descriptions and anything else that reads a group's
section):

- a group whose entries are all language names is spoken languages, whatever
  its label ("Fremdsprachen: Englisch (C1), Französisch (B2)");
- a group labelled with the word for languages ("Languages", and the CV's
  language's: "Sprachen", "Langues", "언어", …) is spoken languages when one of
  its entries is a language name; "Languages: Python, C++, CUDA" is not;
- a group labelled with a language's name, its entries no language names, is
  that language and its level ("English: C1 Advanced", as RenderCV writes a
  languages section);
- ``:languages: LABEL`` on the directive names the group itself.

Language names are Babel's (CLDR), in the CV's language and in English:
"Deutsch", "Englisch" and "German", "English" in a German CV. An entry's
level in parentheses ("English (C1)") is its fluency, for spoken languages
only: in any other group "JavaScript (ES6+)" stays one keyword.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..i18n import N_, _
from .dates import babel_locale

#: The usual label of the group, translated in each catalog ("Sprachen", "언어").
LANGUAGES_LABEL = N_("Languages")


def split_language(item: str) -> tuple[str, str]:
    """``Korean (mother tongue)`` → ``("Korean", "mother tongue")``."""
    name, paren, rest = item.strip().partition("(")
    if paren and rest.endswith(")"):
        return name.strip(), rest[:-1].strip()
    return item.strip(), ""


@functools.cache
def language_names(language: str | None) -> frozenset[str]:
    """Every language's name in ``language`` and in English, case-folded."""
    names: set[str] = set()
    for locale in {babel_locale(language), babel_locale("en")}:
        names.update(name.casefold() for name in locale.languages.values())
    return frozenset(names)


def is_language_name(name: str, language: str | None) -> bool:
    """Whether ``name`` ("Englisch", "English", "한국어") names a spoken language."""
    return " ".join(name.split()).casefold() in language_names(language)


def spoken_languages(
    label: str, items: Iterable[str], language: str | None, chosen: str | None = None
) -> bool:
    """Whether the group ``label: items`` lists spoken languages (see the module's rule).

    ``chosen`` is the directive's ``:languages:`` label, if given; ``language``
    is the CV's. Call it while the build's catalog is loaded (it translates
    "Languages").
    """
    names = [split_language(item)[0] for item in items]
    known = [name for name in names if is_language_name(name, language)]
    words = {chosen} if chosen else {LANGUAGES_LABEL, _(LANGUAGES_LABEL)}
    if label.casefold() in {word.casefold() for word in words}:
        return bool(chosen) or bool(known)
    if names and not known and is_language_name(label, language):
        return True  # "English: C1 Advanced"
    return bool(names) and len(known) == len(names)


def spoken_entries(label: str, items: Iterable[str], language: str | None) -> list[tuple[str, str]]:
    """Each language of a group of spoken languages, with its fluency: "English (C1)" →
    ("English", "C1"); a group labelled with a language's name is that one language,
    its entries the level ("English: C1 Advanced" → ("English", "C1 Advanced"))."""
    items = list(items)
    named = [split_language(item)[0] for item in items]
    if is_language_name(label, language) and not any(
        is_language_name(name, language) for name in named
    ):
        return [(label, ", ".join(items))]
    return [split_language(item) for item in items]
