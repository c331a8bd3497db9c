"""A ``.typ`` file compiled to a tagged PDF/UA-1 in this process, with the ``typst`` package.

Typst checks PDF/UA-1 as it writes (``pdf_standards=["ua-1"]``); what breaks it
is an error that names it. A character no font has is the usual one: then
every such character of the document is found (one small probe compile per
run of such characters), each becomes a warning at the place the CV writes it, and the PDF
is written all the same, tagged, without its PDF/UA-1 declaration. Any other
violation is a warning too, and never costs the PDF. Typst's own warnings
become Sphinx warnings.

:class:`TypstRun` compiles in a thread (Typst releases Python's lock while it
works), so that the website's HTML is written meanwhile; the versions' PDFs are
compiled one after the other there by one compiler, which memoizes what they share.
"""

from __future__ import annotations

import datetime
import os
import re
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .fonts import typst_fonts
from .markup import string_literal

#: The standard every PDF declares and Typst checks.
STANDARD = "ua-1"
#: Unicode categories that need no glyph: spaces, line and paragraph separators, controls.
IGNORED = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs"})
#: Typst's words for a character no font has (PDF/UA-1 forbids a missing glyph).
MISSING_GLYPH = re.compile(
    r'the text `"(?P<text>(?:[^"\\]|\\.)*)"` could not be displayed with font'
)


@dataclass
class Problem:
    """Something the compile reports: its words, and where in the CV it is (or None)."""

    message: str
    character: str = ""
    location: str | None = None


@dataclass
class Result:
    """A compile's outcome: the PDF (or None), and what to warn about."""

    pdf: Path | None
    problems: list[Problem] = field(default_factory=list)
    error: str = ""


def timestamp() -> datetime.datetime:
    """The PDF's date: ``SOURCE_DATE_EPOCH`` where set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)


def compile_typst(
    source: Path, pdf: Path, system_fonts: bool = True, shipped_first: bool = True
) -> Result:
    """Compile ``source`` (its folder is Typst's root: nothing outside it is read) to ``pdf``.

    With ``shipped_first``, the shipped fonts and Typst's own are tried alone first (the
    same PDF on every machine, and no search of the system's fonts); the system's are
    added when those lack a character, unless ``system_fonts`` is False.
    """
    import typst

    problems: list[Problem] = []
    standards: list[str] = [STANDARD]
    compiler = _compiler(system_fonts and not shipped_first)
    try:
        data, warnings = _compile(compiler, source, standards)
    except typst.TypstError as error:
        if not _is_standard_error(error):
            return Result(None, problems, _describe(error, source))
        if system_fonts and shipped_first and MISSING_GLYPH.search(_message(error)):
            return compile_typst(source, pdf, system_fonts, shipped_first=False)
        problems.extend(_standard_problems(compiler, source, error))
        standards = []
        try:
            data, warnings = _compile(compiler, source, standards)
        except typst.TypstError as again:
            return Result(None, problems, _describe(again, source))
    problems.extend(Problem(f"Typst: {_describe(w, source)}") for w in warnings)
    partial = pdf.with_name(f".{pdf.name}.part")
    partial.write_bytes(data)
    os.replace(partial, pdf)
    return Result(pdf, problems)


@cache
def _compiler(system_fonts: bool) -> Any:
    """One compiler a process for each set of fonts: a second version's PDF reuses what the
    first one's compile laid out and loaded (Typst memoizes)."""
    import typst

    return typst.Compiler(font_paths=typst_fonts(system_fonts))


#: Compiles run one at a time (a compiler is not shared between threads).
_LOCK = threading.Lock()
#: The thread the website's compiles run in, one after the other, while the HTML is written.
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sphinx-cv-typst")


def _compile(compiler, source: Path, standards: list[str]):
    with _LOCK:
        return compiler.compile_with_warnings(
            input=str(source),
            root=str(source.parent),
            format="pdf",
            pdf_standards=standards,
            timestamp=timestamp(),
        )


def _message(error: object) -> str:
    return str(getattr(error, "message", "") or error)


def _is_standard_error(error: Exception) -> bool:
    return "PDF/UA-1" in _message(error)


def _describe(error: object, source: Path) -> str:
    """Typst's message with its hints (and where in the ``.typ`` it is)."""
    message = str(getattr(error, "message", "") or error).strip()
    hints = [str(hint) for hint in getattr(error, "hints", None) or []]
    where = str(getattr(error, "diagnostic", "") or "").strip().splitlines()
    located = next((line.strip() for line in where if source.name in line), "")
    return "; ".join([message, *hints]) + (f" ({located})" if located else "")


def _standard_problems(compiler, source: Path, error: Exception) -> list[Problem]:
    """What breaks PDF/UA-1: every character no font has, or the violation Typst names."""
    if not MISSING_GLYPH.search(_message(error)):
        return [
            Problem(
                f"the PDF is written without its PDF/UA-1 declaration: {_describe(error, source)}"
            )
        ]
    text = source.read_text(encoding="utf-8")
    missing = missing_characters(compiler, sorted(set(text)), _preamble(text), source.parent)
    if not missing:  # not found again: Typst's own words, then
        return [
            Problem(
                f"the PDF is written without its PDF/UA-1 declaration: {_describe(error, source)}"
            )
        ]
    return [Problem("", character=char) for char in missing]


def _preamble(text: str) -> str:
    """The lines of a writer's ``.typ`` up to its body: the import and the document's settings."""
    head, _, _ = text.partition("\n// body\n")
    return head


def missing_characters(compiler, characters: list[str], preamble: str, root: Path) -> list[str]:
    """The characters no font has. A probe prints them all, in code point order and
    without spaces, so that Typst names a whole run of missing ones (a script no font
    covers) at once; it is compiled again without them until it passes."""
    import typst

    # Not white space, controls or format characters (joiners, marks of direction): they
    # need no glyph.
    left = sorted(char for char in characters if unicodedata.category(char) not in IGNORED)
    missing: list[str] = []
    while left:
        probe = f"{preamble}\n#{string_literal(''.join(left))}\n"
        try:
            with _LOCK:
                compiler.compile(
                    input=probe.encode(), root=str(root), format="pdf", pdf_standards=[STANDARD]
                )
        except typst.TypstError as error:
            found = MISSING_GLYPH.search(_message(error))
            gone = set(_unescape(found.group("text"))) & set(left) if found else set()
            if not gone:
                break  # something else: the characters found so far are the answer
            missing.extend(sorted(gone))
            left = [char for char in left if char not in gone]
            continue
        break
    return missing


def _unescape(shown: str) -> str:
    """The text of Typst's message as written (it escapes quotes, backslashes, marks)."""
    return re.sub(
        r"\\u\{([0-9a-fA-F]+)\}|\\(.)",
        lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2),
        shown,
    )


class TypstRun:
    """:func:`compile_typst` in the compiles' thread; :meth:`wait` gives the :class:`Result`."""

    def __init__(
        self,
        source: Path,
        pdf: Path,
        locate: Callable[[str], str | None],
        system_fonts: bool = True,
        shipped_first: bool = True,
    ) -> None:
        self.locate = locate
        self.future = _WORKER.submit(_run, source, pdf, system_fonts, shipped_first)

    def wait(self, timeout: float | None = None) -> Result:
        try:
            result = self.future.result(timeout)
        except TimeoutError:
            return Result(None, error=f"it took over {timeout:.0f} s")
        for problem in result.problems:
            if problem.character:
                problem.location = self.locate(problem.character)
        return result

    def stop(self) -> None:
        self.future.cancel()  # not started yet: never; a running compile is short


def _run(source: Path, pdf: Path, system_fonts: bool, shipped_first: bool) -> Result:
    try:
        return compile_typst(source, pdf, system_fonts, shipped_first)
    except Exception as error:  # reported by wait(), never a traceback
        return Result(None, error=f"{type(error).__name__}: {error}")
