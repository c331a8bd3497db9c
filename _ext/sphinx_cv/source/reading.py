"""What is done to a source's text before it is parsed: control characters out.

A control character (U+0000-U+001F but tab and newline, U+007F-U+009F, and the
line and paragraph separators U+2028, U+2029) is invisible in an editor but
not to the tools: docutils ends a line at U+000B, U+000C, U+001C-U+001E,
U+0085, U+2028 and U+2029 where markdown-it does not (the options after one
would silently become the entry's body), and LaTeX stops at the others
("Text line contains an invalid character"). Each is replaced by a space,
with a warning at its line, in Markdown pages and in ``.bib`` files alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
WARNING = "the invisible character U+{:04X} is read as a space (delete it)"


def control_characters(text: str) -> Iterator[tuple[int, str]]:
    """``(line, character)`` of each control character in the text."""
    for match in CONTROL_CHARACTERS.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match.group()


def without_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub(" ", text)


def replace_control_characters(app: Sphinx, docname: str, source: list[str]) -> None:
    """Replace control characters in a Markdown page by spaces, warning at each line."""
    if not str(app.env.doc2path(docname)).endswith(".md"):
        return
    for line, char in control_characters(source[0]):
        logger.warning(
            WARNING.format(ord(char)), location=(docname, line), type="cv", subtype="text"
        )
    source[0] = without_control_characters(source[0])
