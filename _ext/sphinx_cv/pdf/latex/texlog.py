"""What LaTeX only writes in its log, as warnings: overfull lines and missing characters.

A line wider than the page (``Overfull \\hbox``) is cut at the margin, and a
character no font has (``Missing character: There is no …``) prints as
nothing; LaTeX says so only in its ``.log``. :func:`problems` reads a log and
its ``.tex`` and says where each one is written in the CV: the LaTeX writers put
``%cv-source: FILE:LINE`` before every entry and list (and ``%cv-source-file:``
for each ``.bib``), and a missing character is looked up in those files.

Called from :func:`sphinx_cv.pdf.latex.compile.compile_tex` (the tests, the website's
PDF), and by ``latexmk`` itself for ``sphinx-build -M latexpdf``, ``nox -s pdf``
and Read the Docs: :func:`add_to_latexmkrc` makes ``latexmkrc`` run this file
(``python texlog.py DIR``) when latexmk ends, which prints the warnings in
Sphinx's format. Only the standard library is imported at the top, so that the
file runs on its own.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Before each entry and list in the .tex: where it is written.
SOURCE_MARK = "%cv-source: "
#: Other files the text after it comes from (the .bib files of a publication list).
FILE_MARK = "%cv-source-file: "

OVERFULL = re.compile(
    r"^Overfull \\([hv])box \(([\d.]+)pt too (?:wide|high)\) "
    r"(?:in paragraph at lines (\d+)--\d+|detected at line (\d+)|in alignment at lines (\d+)--\d+)"
)
MISSING = re.compile(
    r"^Missing character: There is no (.+?) (?:\(U\+([0-9A-Fa-f]{4,6})\) )?in font ([^\s/!:]+)"
)
#: polyglossia's and babel's words for a language TeX has no hyphenation patterns of.
NO_PATTERNS = re.compile(
    r"No hyphenation patterns were (?:pre)?loaded for\s+(?:\(\w+\)\s+)?(?:the language\s+)?"
    r"[`']([^']+)'"
)
#: Debian's package of a language's patterns, by polyglossia's or babel's name.
PATTERN_PACKAGES = {
    "german": "texlive-lang-german", "ngerman": "texlive-lang-german",
    "french": "texlive-lang-french", "spanish": "texlive-lang-spanish",
    "portuguese": "texlive-lang-portuguese", "brazilian": "texlive-lang-portuguese",
    "italian": "texlive-lang-italian", "dutch": "texlive-lang-european",
    "danish": "texlive-lang-european", "swedish": "texlive-lang-european",
    "norwegian": "texlive-lang-european", "finnish": "texlive-lang-european",
    "hungarian": "texlive-lang-european", "estonian": "texlive-lang-european",
    "polish": "texlive-lang-polish", "czech": "texlive-lang-czechslovak",
    "russian": "texlive-lang-cyrillic", "greek": "texlive-lang-greek",
}  # fmt: skip
#: Font switches and boxes in the log's picture of a box: "\TU/texgyrepagella(0)/m/n/10 ", "[]".
BOX_NOISE = re.compile(r"\\[A-Za-z]+/\S+ |\[\]")
#: Skip the latexmkrc hook where the caller reports itself (compile_tex).
SKIP_ENV = "SPHINX_CV_NO_TEXLOG"
#: The first line of what :func:`add_to_latexmkrc` adds.
RC_MARK = "# sphinx-cv:"


@dataclass(frozen=True)
class Problem:
    """One thing LaTeX only logged: where it is written and what it is."""

    location: str  # "FILE:LINE" in the CV's sources, else in the .tex
    message: str


def problems(log: Path, tex: Path) -> list[Problem]:
    """The overfull boxes and missing characters of ``log``, located in the CV's sources, and
    a language TeX has no hyphenation patterns of."""
    log_lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    tex_lines = tex.read_text(encoding="utf-8", errors="replace").splitlines()
    found: list[Problem] = []
    missing: dict[str, set[str]] = {}
    for index, line in enumerate(log_lines):
        if match := OVERFULL.match(line):
            kind, points = match.group(1), float(match.group(2))
            tex_line = int(next(group for group in match.groups()[2:] if group))
            picture = log_lines[index + 1] if kind == "h" and index + 1 < len(log_lines) else ""
            found.append(_overfull(kind, points, tex, tex_lines, tex_line, picture))
        elif match := MISSING.match(line):
            char = chr(int(match.group(2), 16)) if match.group(2) else match.group(1)
            missing.setdefault(char, set()).add(match.group(3).strip("[]"))
    for char, fonts in missing.items():
        found.append(_missing(char, sorted(fonts), tex, tex_lines))
    for language in dict.fromkeys(NO_PATTERNS.findall("\n".join(log_lines))):
        package = PATTERN_PACKAGES.get(language.lower(), f"TeX Live's patterns of {language}")
        found.append(
            Problem(
                f"{tex}:1",
                f"the PDF's {language} text is set without its hyphenation patterns, which "
                f"TeX Live lacks here: long words are not hyphenated; install {package}",
            )
        )
    return found


def _overfull(
    kind: str, points: float, tex: Path, tex_lines: list[str], tex_line: int, picture: str
) -> Problem:
    text = " ".join(BOX_NOISE.sub("", picture).split())
    # The log cuts its lines at 79 characters: a full line goes on.
    cut = len(text) > 60 or len(picture) >= 79
    shown = f": '{text[:60]}{'…' if cut else ''}'" if text else ""
    what = "a line" if kind == "h" else "a column or page"
    direction = "wider than the text" if kind == "h" else "taller than the page"
    return Problem(
        _source_of(tex, tex_lines, tex_line),
        f"the PDF has {what} {points:.1f}pt {direction}, cut off at the margin{shown} "
        f"(LaTeX: Overfull \\{kind}box at {tex.name}:{tex_line}); break it with a space, "
        "or shorten the word or link",
    )


def _missing(char: str, fonts: list[str], tex: Path, tex_lines: list[str]) -> Problem:
    name = unicodedata.name(char, "unnamed character")
    where = next((n for n, line in enumerate(tex_lines, 1) if char in line), 0)
    location = _source_of(tex, tex_lines, where) if where else str(tex)
    location = _line_with(char, location, _extra_files(tex_lines, where)) or location
    return Problem(
        location,
        f"no font prints {char!r} (U+{ord(char):04X} {name}) in the PDF: it shows as a box "
        f"(LaTeX: Missing character in {', '.join(fonts)}); write it differently, or name "
        "a font that has it with \\cvfallbackfont in latex_elements['preamble'] (the "
        "guide's page The PDF says how)",
    )


def _marks_before(tex_lines: list[str], tex_line: int, mark: str) -> list[tuple[int, str]]:
    return [
        (number, line[len(mark) :].strip())
        for number, line in enumerate(tex_lines[:tex_line], 1)
        if line.startswith(mark)
    ]


def _source_of(tex: Path, tex_lines: list[str], tex_line: int) -> str:
    """``FILE:LINE`` of the entry written before ``tex_line``, else the .tex line."""
    marks = _marks_before(tex_lines, tex_line, SOURCE_MARK)
    return marks[-1][1] if marks else f"{tex}:{tex_line}"


def _extra_files(tex_lines: list[str], tex_line: int) -> list[str]:
    """The files listed with ``%cv-source-file:`` since the last ``%cv-source:`` mark."""
    sources = _marks_before(tex_lines, tex_line, SOURCE_MARK)
    after = sources[-1][0] if sources else 0
    files = _marks_before(tex_lines, tex_line, FILE_MARK)
    return [path for number, path in files if number > after]


def _line_with(char: str, location: str, extra: list[str]) -> str | None:
    """The first ``FILE:LINE`` holding ``char``: the entry's file from its line on, or ``extra``."""
    path, _, start = location.rpartition(":")
    candidates = [(path, int(start) if start.isdigit() else 1)] if path else []
    candidates += [(file, 1) for file in extra]
    for file, first in candidates:
        try:
            lines = Path(file).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines[first - 1 :], first):
            if char in line:
                return f"{file}:{number}"
    return None


def log_of(tex: Path) -> Path:
    return tex.with_suffix(".log")


def warn(tex: Path) -> None:
    """Report the problems of ``tex``'s log as Sphinx warnings (type ``cv.latex``)."""
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    if not log_of(tex).is_file():
        return
    for problem in problems(log_of(tex), tex):
        logger.warning(problem.message, location=problem.location, type="cv", subtype="latex")


def add_to_latexmkrc(app: Any, exception: Exception | None) -> None:
    """Make ``latexmkrc`` run this file when latexmk ends (``-M latexpdf``, Read the Docs)."""
    if exception is not None or app.builder.format != "latex":
        return
    rc = Path(app.outdir) / "latexmkrc"
    if not rc.is_file():
        return
    # Sphinx may keep the file of a previous build: replace the lines, never add twice.
    text = rc.read_text(encoding="utf-8").split(RC_MARK)[0].rstrip("\n")
    python, script = _perl_quote(sys.executable), _perl_quote(__file__)
    # "local $?": system() sets $?, which is latexmk's exit status in an END block; a
    # failed LaTeX run must still fail `make latexpdf`.
    rc.write_text(
        f"{text}\n{RC_MARK} overfull lines and missing characters in the log, as warnings.\n"
        f"END {{ local $?; system({python}, {script}, '.') if -x {python} && -f {script}"
        f" && !$ENV{{'{SKIP_ENV}'}}; }}\n",
        encoding="utf-8",
    )


def _perl_quote(text: str) -> str:
    return "'" + str(text).replace("\\", "\\\\").replace("'", "\\'") + "'"


def main(argv: list[str]) -> int:
    """Print the warnings of every LaTeX log in a directory (``python texlog.py DIR``)."""
    directory = Path(argv[0] if argv else ".")
    texs = sorted(directory.glob("*.tex"))
    for log in sorted(directory.glob("*.log")):
        # latexmk -jobname (Read the Docs) names the log after the job, not the .tex.
        tex = log.with_suffix(".tex")
        if not tex.is_file():
            if len(texs) != 1:
                continue
            tex = texs[0]
        for problem in problems(log, tex):
            sys.stderr.write(f"{problem.location}: WARNING: {problem.message} [cv.latex]\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
