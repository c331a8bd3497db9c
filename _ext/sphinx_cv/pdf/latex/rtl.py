"""Right-to-left phrases in the PDF: Arabic, Hebrew, Persian, Syriac, … read right to left.

XeTeX shapes each word of such a script right to left, but sets the words of a
phrase left to right, as it does everything: "مرحبا بالعالم" came out in the
wrong word order. Before a LaTeX write, each run of right-to-left words in the
text (with the spaces between them) becomes a :class:`~..source.nodes.cv_rtl`
node, which the LaTeX writer wraps in ``\\cvrtl{…}``: XeTeX's TeX--XeT
(``\\beginR … \\endR``, ``texinputs/sphinxcv.sty``) sets it right to left.
Digits stay outside a run (TeX--XeT would reverse them), and the page keeps
its left-to-right layout. Browsers apply the Unicode bidirectional algorithm
themselves, so the website is left as it is.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...publications.nodes import cv_math
from ...source.nodes import cv_rtl

#: Letters (and marks) of right-to-left scripts: Hebrew, Arabic (not its digits), Syriac,
#: Thaana, N'Ko, Samaritan, Mandaic, their presentation forms; ZWNJ/ZWJ join inside words.
_RTL = "\u0590-\u05ff\u0600-\u065f\u066a-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200c\u200d"
#: A phrase: right-to-left words with the spaces between them.
RTL_RUN = re.compile(f"[{_RTL}]+(?:[ \u00a0]+[{_RTL}]+)*")
#: Where the LaTeX is verbatim or not text: code blocks, raw LaTeX, math.
_VERBATIM = (nodes.FixedTextElement, nodes.raw, nodes.math, cv_math)


def rtl_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into its right-to-left runs and the rest, in order: ``(part, is_rtl)``."""
    parts, start = [], 0
    for run in RTL_RUN.finditer(text):
        if run.start() > start:
            parts.append((text[start : run.start()], False))
        parts.append((run.group(), True))
        start = run.end()
    if start < len(text):
        parts.append((text[start:], False))
    return parts


class RightToLeftRuns(SphinxPostTransform):
    """Before a LaTeX write: each right-to-left run of text into a ``cv_rtl`` node."""

    default_priority = 300
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        parents = []
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or not RTL_RUN.search(text):
                continue
            if any(isinstance(node, _VERBATIM) for node in _ancestors(parent)):
                continue
            parent.replace(
                text,
                [
                    cv_rtl(part, part) if is_rtl else nodes.Text(part)
                    for part, is_rtl in rtl_parts(str(text))
                ],
            )
            parents.append(parent)
        for parent in dict.fromkeys(parents):
            join_phrase(parent)


def _is_rtl_piece(node: nodes.Node) -> bool:
    """A run, or an inline element (a bold word, a bib field's braces) holding nothing but
    right-to-left words: part of the phrase around it."""
    if isinstance(node, cv_rtl):
        return True
    if isinstance(node, nodes.Inline) and isinstance(node, nodes.Element):
        text = node.astext().strip()
        return bool(text) and RTL_RUN.fullmatch(text) is not None
    return False


def join_phrase(parent: nodes.Element) -> None:
    """Runs of one phrase that inline markup split (``قال **مهم** جدا``) become one
    ``cv_rtl``, so that the words read in order across the markup."""
    children = list(parent.children)
    groups, start = [], 0
    while start < len(children):
        if not _is_rtl_piece(children[start]):
            start += 1
            continue
        end = start
        while True:
            if end + 1 < len(children) and _is_rtl_piece(children[end + 1]):
                end += 1
            elif (
                end + 2 < len(children)
                and isinstance(children[end + 1], nodes.Text)
                and not children[end + 1].strip()
                and _is_rtl_piece(children[end + 2])
            ):
                end += 2
            else:
                break
        groups.append(children[start : end + 1])
        start = end + 1
    for pieces in groups:
        if len(pieces) == 1:
            continue
        phrase = cv_rtl()
        position = parent.index(pieces[0])
        for piece in pieces:
            parent.remove(piece)
            if isinstance(piece, cv_rtl):
                phrase.extend(list(piece.children))
                continue
            for inner in list(piece.findall(cv_rtl)):
                inner.replace_self(list(inner.children))  # one direction, set once
            phrase += piece
        parent.insert(position, phrase)


def _ancestors(node: nodes.Node):
    while node is not None:
        yield node
        node = node.parent


def setup(app: Sphinx) -> None:
    app.add_post_transform(RightToLeftRuns)
