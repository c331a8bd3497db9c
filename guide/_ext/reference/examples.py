"""``{cv-example} PATH``: a file's lines shown as written, then as sphinx-cv builds them.

::

    ```{cv-example} /../tests/roots/test-landing/index.md
    :start-at: :::{profile}
    :end-at: :::
    ```

The path is relative to the page (``/`` is the guide's folder), so the guide's
examples are the test roots' own files. ``:start-at:`` and ``:end-at:`` (or
``:end-before:``) pick lines by how they begin: from the first line that begins
with ``:start-at:`` to the first line after it that begins with ``:end-at:``;
``:source-only:`` shows the lines without building them (a ``.bib`` file,
``conf.py``). Markdown is built in this page, with the guide's sphinx-cv: the
example is what a CV shows.

``{cv-new-file} PATH`` shows a file of the project ``sphinx-cv new`` writes, as
its code writes it (``sphinx_cv.cli.new``, nothing written to disk), for
``:name:`` and ``:language:``; ``:uncommented:`` also builds the page's example
entry with its ``%`` removed, as the tutorial tells a new user to do.
``{cv-new-files}`` lists the files ``sphinx-cv new`` writes, each with the words of the
content line whose pattern matches it (``docs/*.md  one page per section``); a file no
line describes, or a line that describes no file, is a warning.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_cv.cli.new import EXAMPLE_NOTE, blank_draft, project_files

from . import registry
from .tables import literal, table

LANGUAGES = {".md": "md", ".bib": "bibtex", ".py": "python", ".yaml": "yaml", ".json": "json"}


def pick(lines: list[str], start_at: str | None, end_at: str | None, end_before: str | None):
    """The lines from the first that begins with ``start_at`` to the first after it that
    begins with ``end_at`` (included) or ``end_before`` (left out), without blank lines at
    the end; None where one is not found."""
    start = 0
    if start_at is not None:
        start = next((i for i, line in enumerate(lines) if line.startswith(start_at)), None)
        if start is None:
            return None
    end = len(lines)
    marker = end_at if end_at is not None else end_before
    if marker is not None:
        found = next((i for i in range(start + 1, len(lines)) if lines[i].startswith(marker)), None)
        if found is None:
            return None
        end = found + 1 if end_at is not None else found
    picked = lines[start:end]
    while picked and not picked[-1].strip():
        picked.pop()
    return picked


def source_block(text: str, language: str, caption: str) -> nodes.container:
    """A literal block under a caption, as Sphinx's ``code-block`` with ``:caption:``."""
    block = nodes.literal_block(text, text, language=language)
    figure = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
    figure += nodes.caption(caption, "", nodes.literal(caption, caption))
    figure += block
    return figure


def built(directive: SphinxDirective, text: str) -> nodes.container:
    """The Markdown ``text`` built in the page, under "What it builds"."""
    result = nodes.container(classes=["guide-example-built"])
    result += nodes.rubric("", "What it builds:")
    result.extend(directive.parse_text_to_nodes(text))
    return result


class CVExample(SphinxDirective):
    required_arguments = 1
    option_spec: ClassVar[dict] = {
        "start-at": directives.unchanged_required,
        "end-at": directives.unchanged_required,
        "end-before": directives.unchanged_required,
        "source-only": directives.flag,
        "caption": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        _relative, path = self.env.relfn2path(self.arguments[0])
        path = Path(path)
        if not path.is_file():
            return self.fail(f"no such file: {path}")
        self.env.note_dependency(str(path))
        lines = pick(
            path.read_text(encoding="utf-8").splitlines(),
            self.options.get("start-at"),
            self.options.get("end-at"),
            self.options.get("end-before"),
        )
        if not lines:
            return self.fail(f"the lines asked for are not in {path.name}")
        text = "\n".join(lines)
        shown_path = Path(self.arguments[0].lstrip("/")).as_posix().removeprefix("../")
        caption = self.options.get("caption") or shown_path
        result: list[nodes.Node] = [source_block(text, LANGUAGES.get(path.suffix, "text"), caption)]
        if "source-only" not in self.options and path.suffix == ".md":
            result.append(built(self, text))
        return result

    def fail(self, message: str) -> list[nodes.Node]:
        registry.warn(f"cv-example: {message}", self.get_location(), subtype="example")
        return []


class CVNewFile(SphinxDirective):
    """A file of a new project, as ``sphinx-cv new`` writes it."""

    required_arguments = 1
    option_spec: ClassVar[dict] = {
        "name": directives.unchanged,
        "language": directives.unchanged,
        "uncommented": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        draft = blank_draft(
            self.options.get("name", "Ada Lovelace"), self.options.get("language", "en")
        )
        draft.requirement = "sphinx-cv"  # not this machine's install
        files = project_files(draft)
        path = self.arguments[0]
        if path not in files:
            registry.warn(f"cv-new-file: sphinx-cv new writes no {path}", self.get_location())
            return []
        text = files[path].rstrip("\n")
        suffix = Path(path).suffix
        result: list[nodes.Node] = [
            source_block(
                text, LANGUAGES.get(suffix, "text"), f"{path} (as sphinx-cv new writes it)"
            )
        ]
        if "uncommented" in self.options:
            example = [
                re.sub(r"^% ?", "", line) for line in text.splitlines() if line.startswith("%")
            ]
            entry = [line for line in example if line != EXAMPLE_NOTE]
            result += [
                nodes.paragraph("", "With the % removed:"),
                source_block("\n".join(entry), "md", f"{path} (your first entry)"),
                built(self, "\n".join(entry)),
            ]
        return result


class CVNewFiles(SphinxDirective):
    """The files of a new project (``sphinx-cv new``), described by the content's lines."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        draft = blank_draft("Ada Lovelace")
        draft.requirement = "sphinx-cv"
        written = sorted(project_files(draft))
        described = [line.split(None, 1) for line in self.content if line.strip()]
        rows, matched = [], set()
        for pattern, words in described:
            # A path an earlier (more precise) line described is not counted again.
            paths = [p for p in written if fnmatch.fnmatch(p, pattern) and p not in matched]
            if not paths:
                registry.warn(
                    f"cv-new-files: sphinx-cv new writes no {pattern}", self.get_location()
                )
            matched.update(paths)
            shown = paths[0] if len(paths) == 1 else f"{pattern} ({len(paths)} files)"
            parsed, messages = self.parse_inline(words, lineno=self.lineno)
            rows.append([literal(shown), [*parsed, *messages]])
        for path in sorted(set(written) - matched):
            registry.warn(f"cv-new-files: {path} is not described", self.get_location())
        return [table(["file", "what it is"], rows)]


def setup(app) -> None:
    app.add_directive("cv-example", CVExample)
    app.add_directive("cv-new-files", CVNewFiles)
    app.add_directive("cv-new-file", CVNewFile)
