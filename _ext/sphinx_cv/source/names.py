"""The owner's name: the one the home page shows, and the same name in ASCII for file names.

- The ``profile``'s name, an academic title included ("Dr. Friederike
  Müller-Şahin"), is the one ``resume.json``, the JSON-LD, the PDF and the page
  descriptions use; :class:`ProfileHeading` makes it the home page's title too
  when that heading names the same person without (or with another) title,
  so that the website, its ``<title>`` and its OpenGraph tags say it as well.
- :func:`in_ascii` writes a name in ASCII the way the CV's language does: a
  German CV writes "Müller" as "Mueller", every language writes "Søndergaard"
  as "Sondergaard".
"""

from __future__ import annotations

import re
import unicodedata

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .dates import babel_locale
from .nodes import cv_profile

#: Latin letters that Unicode does not decompose into a base letter and a mark.
TRANSLITERATION = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
        "ẞ": "SS", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L",
        "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t", "Ŧ": "T",  # noqa: RUF001
        "ŋ": "ng", "Ŋ": "Ng", "ĸ": "q", "ſ": "s",  # noqa: RUF001
    }
)  # fmt: skip

#: Where a language writes a letter in ASCII its own way, before the rule above:
#: German writes the umlaut as an "e" after the vowel (Müller → Mueller).
LANGUAGE_TRANSLITERATIONS = {
    "de": str.maketrans(
        {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
    ),
}


def in_ascii(name: str, language: str | None = None) -> str:
    """``name`` in ASCII as the CV's ``language`` writes it; letters without a Latin
    form are left out ("Müller-Şahin" → "Mueller-Sahin" in German, "Muller-Sahin" else)."""
    name = unicodedata.normalize("NFC", name)  # "u" + combining diaeresis is "ü"
    table = LANGUAGE_TRANSLITERATIONS.get(babel_locale(language).language)
    if table is not None:
        name = name.translate(table)
    name = unicodedata.normalize("NFKD", name.translate(TRANSLITERATION))
    return name.encode("ascii", "ignore").decode()


def name_words(name: str) -> set[str]:
    """The words of a name of two letters or more, case-folded: "Song, Minhak" → {song, minhak}."""
    return set(re.findall(r"\w{2,}", name.casefold()))


class ProfileHeading(SphinxTransform):
    """The page with the ``profile``: its heading shows the profile's name when both name
    the same person ("# Friederike Müller-Şahin" over ``{profile} Dr. Friederike
    Müller-Şahin``); a heading about something else ("# Welcome") stays."""

    default_priority = 26  # after Sphinx's Locale (20): a translated heading is compared

    def apply(self, **kwargs) -> None:
        profile = next(iter(self.document.findall(cv_profile)), None)
        section = next(iter(self.document.findall(nodes.section)), None)
        if profile is None or section is None or not isinstance(section[0], nodes.title):
            return
        name, title = profile["record"].name, section[0]
        heading, person = name_words(title.astext()), name_words(name)
        if title.astext() == name or not heading or not person:
            return
        if heading <= person or person <= heading:
            title.children = []
            title += nodes.Text(name)
