"""``{cv-layout}``: the extension's folders and modules, each with the first line of its docstring.

The tree is read from ``_ext/sphinx_cv/`` when the guide is built, so a module
added or renamed shows here as it is; a module without a docstring is a warning.
"""

from __future__ import annotations

import ast
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import sphinx_cv

from . import registry

PACKAGE = Path(sphinx_cv.__file__).parent
#: Folders of data, not code, and what they hold.
DATA_FOLDERS = {
    "locale": "the message catalogs: sphinx_cv.pot and one .po/.mo per language",
    "static": "sphinx_cv.css, sphinx_cv.js",
    "templates": "files the code fills in",
    "texinputs": "sphinxcv.sty, sphinxcvpubs.sty: the LaTeX PDF's look",
    "template": "sphinxcv.typ: the Typst PDF's look",
    "fonts": "TeX Gyre Pagella and its licence",
}


def summary(path: Path) -> str | None:
    """The first line of a module's docstring, without RST's double backquotes."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    if not docstring:
        return None
    return docstring.strip().splitlines()[0].replace("``", "")


class CVLayout(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        lines = ["sphinx_cv/"]
        self.walk(PACKAGE, "", lines)
        text = "\n".join(lines)
        return [nodes.literal_block(text, text, language="text")]

    def walk(self, folder: Path, indent: str, lines: list[str]) -> None:
        children = sorted(
            child
            for child in folder.iterdir()
            if child.name != "__pycache__"
            and (child.suffix == ".py" or (child.is_dir() and not child.name.startswith(".")))
        )
        width = 24 - len(indent)
        for index, child in enumerate(children):
            last = index == len(children) - 1
            branch, further = ("└── ", "    ") if last else ("├── ", "│   ")
            if child.is_dir() and (child / "__init__.py").is_file():
                about = summary(child / "__init__.py") or self.missing(child)
                lines.append(f"{indent}{branch}{child.name + '/':<{width}}{about}")
                self.walk(child, indent + further, lines)
            elif child.is_dir():
                about = DATA_FOLDERS.get(child.name, "data")
                lines.append(f"{indent}{branch}{child.name + '/':<{width}}{about}")
            elif child.name != "__init__.py":
                about = summary(child) or self.missing(child)
                lines.append(f"{indent}{branch}{child.name:<{width}}{about}")

    def missing(self, path: Path) -> str:
        registry.warn(
            f"cv-layout: {path.relative_to(PACKAGE.parent)} has no docstring",
            self.get_location(),
        )
        return ""


def setup(app) -> None:
    app.add_directive("cv-layout", CVLayout)
