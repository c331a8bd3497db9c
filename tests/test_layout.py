"""The package's layout is its architecture: outputs do not import each other."""

from __future__ import annotations

import ast

import pytest
from conftest import REPO_DIR

PACKAGE = REPO_DIR / "_ext" / "sphinx_cv"
OUTPUTS = ("website", "pdf", "text", "manual", "exports")


def imported_packages(path, package=PACKAGE) -> set[str]:
    """The ``sphinx_cv`` subpackages a module imports (relative or absolute)."""
    found = set()
    depth = len(path.relative_to(package).parts) - 1  # 0: a top module, 1: in a subpackage
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                parts = (node.module or "").split(".")
                if parts[0] == "sphinx_cv" and len(parts) > 1:
                    found.add(parts[1])
            elif node.level > depth:  # climbs to sphinx_cv: "from ..pdf import x"
                module = (node.module or "").split(".")[0]
                names = [alias.name for alias in node.names]
                found.update([module] if module else names)
            elif depth == 1:  # "from .writers import x": its own package
                found.add(path.relative_to(package).parts[0])
    return found


@pytest.mark.parametrize("output", OUTPUTS)
def test_an_output_imports_no_other_output(output):
    for path in sorted((PACKAGE / output).glob("*.py")):
        others = imported_packages(path) & (set(OUTPUTS) - {output})
        assert not others, f"{path.relative_to(REPO_DIR)} imports {sorted(others)}"


def test_the_source_and_publications_import_no_output():
    for package in ("source", "publications"):
        for path in sorted((PACKAGE / package).glob("*.py")):
            outputs = imported_packages(path) & set(OUTPUTS)
            assert not outputs, f"{path.relative_to(REPO_DIR)} imports {sorted(outputs)}"


def test_the_command_line_imports_no_output():
    """``cli`` (sphinx-cv new, the importers) is an input: it writes Markdown, as an author does."""
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        outputs = imported_packages(path) & set(OUTPUTS)
        assert not outputs, f"{path.relative_to(REPO_DIR)} imports {sorted(outputs)}"


def test_the_check_sees_cross_imports(tmp_path):
    """The checker itself: an output importing another is found."""
    fake = tmp_path / "sphinx_cv"
    (fake / "pdf").mkdir(parents=True)
    module = fake / "pdf" / "bad.py"
    module.write_text("from ..website.downloads import add_download\nfrom .. import exports\n")
    assert imported_packages(module, fake) == {"website", "exports"}


@pytest.mark.sphinx("html", testroot="entries")
def test_every_node_has_a_writer_for_every_output_format(app):
    from sphinx_cv.publications.nodes import PUBLICATION_NODES
    from sphinx_cv.source.nodes import ALL_NODES

    handlers = app.registry.translation_handlers
    for node in (*ALL_NODES, *PUBLICATION_NODES):
        for output_format in ("html", "latex", "text", "man", "texinfo"):
            assert node.__name__ in handlers[output_format], (node.__name__, output_format)
