"""The words and forms of the publication list in the CV's language.

Every fixed word the style writes is a msgid of the ``sphinx_cv`` catalog
(:mod:`sphinx_cv.i18n`), translated where it is shown; a form with parts is a
template with ``{placeholders}`` (:func:`filled`), so that each language puts
the parts in its own order ("In {book}", „{title}“, "{number}. Aufl.").
"""

from __future__ import annotations

import re

from pybtex.richtext import Text

from ...i18n import _


def filled(template: str, **parts: Text | str) -> Text:
    """A translated ``template`` with rich text in its ``{placeholders}``: "In {book}"."""
    pieces = re.split(r"\{(\w+)\}", template)
    # re.split puts the placeholders' names at the odd places.
    return Text(*(parts[piece] if i % 2 else piece for i, piece in enumerate(pieces) if piece))


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def equal_legend() -> str:
    """The legend before a list with equal contributions, in the build's language."""
    return _("(* denotes equal contribution)")
