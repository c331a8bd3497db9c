"""Every warning the extension writes has a type listed in ``sphinx_cv.warning_types``.

The code is read, not run, so that a warning no test provokes counts too: every
call of a logger's ``warning`` in the package must say ``type="cv"`` and a
subtype, and the subtype is followed to the literal it comes from, through the
helpers that pass it on (``CVDirective.warn(message, subtype)``) and the loops
that read it from a list of problems (``for message, subtype in
plain_text_problems(...)``). A subtype that cannot be followed fails the test:
write it as a literal.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO_DIR

from sphinx_cv.warning_types import TYPE, WARNING_TYPES

PACKAGE = REPO_DIR / "_ext" / "sphinx_cv"


@dataclass
class Module:
    path: Path  # relative to the package's folder
    tree: ast.Module
    parents: dict[ast.AST, ast.AST]


def read_modules(package: Path = PACKAGE) -> list[Module]:
    """The package's modules but the command line's (it reports, it does not warn)."""
    modules = []
    for path in sorted(package.rglob("*.py")):
        if "cli" in path.relative_to(package).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        modules.append(Module(path.relative_to(package.parent), tree, parents))
    return modules


class Subtypes:
    """The subtypes the code passes to the logger, each with where it is written."""

    def __init__(self, modules: list[Module]) -> None:
        self.modules = modules
        self.found: dict[str, str] = {}
        self.problems: list[str] = []
        self.functions = {
            node.name: (module, node)
            for module in modules
            for node in ast.walk(module.tree)
            if isinstance(node, ast.FunctionDef)
        }
        for module in modules:
            for call in ast.walk(module.tree):
                if isinstance(call, ast.Call) and self.is_warning(call):
                    self.read_warning(module, call)

    @staticmethod
    def is_warning(call: ast.Call) -> bool:
        return isinstance(call.func, ast.Attribute) and call.func.attr == "warning"

    def place(self, module: Module, node: ast.AST) -> str:
        return f"{module.path}:{node.lineno}"

    def read_warning(self, module: Module, call: ast.Call) -> None:
        keywords = {keyword.arg: keyword.value for keyword in call.keywords}
        kind = keywords.get("type")
        if not (isinstance(kind, ast.Constant) and kind.value == TYPE):
            self.problems.append(f"{self.place(module, call)}: a warning without type={TYPE!r}")
        if "subtype" not in keywords:
            self.problems.append(f"{self.place(module, call)}: a warning without a subtype")
            return
        self.follow(module, keywords["subtype"], set())

    def follow(self, module: Module, value: ast.AST, seen: set) -> None:
        """Record the literal(s) ``value`` stands for, or a problem."""
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            self.found.setdefault(value.value, self.place(module, value))
            return
        if isinstance(value, ast.Name) and (module.path, value.id, value.lineno) not in seen:
            seen = seen | {(module.path, value.id, value.lineno)}
            function = self.enclosing_function(module, value)
            if function is not None and self.follow_parameter(module, function, value.id, seen):
                return
            if function is not None and self.follow_loop(module, function, value.id, seen):
                return
        self.problems.append(
            f"{self.place(module, value)}: cannot tell the subtype {ast.unparse(value)!r}; "
            "write it as a literal"
        )

    def enclosing_function(self, module: Module, node: ast.AST) -> ast.FunctionDef | None:
        while node in module.parents:
            node = module.parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def follow_parameter(self, module: Module, function: ast.FunctionDef, name: str, seen) -> bool:
        """``name`` is a parameter: follow what each call of the function passes for it."""
        parameters = [argument.arg for argument in function.args.args]
        if name not in parameters:
            return False
        method = parameters[:1] == ["self"]
        index = parameters.index(name) - method
        calls = [
            (other, call)
            for other in self.modules
            for call in ast.walk(other.tree)
            if isinstance(call, ast.Call) and self.calls(call, function.name, method)
        ]
        if not calls:
            return False
        for other, call in calls:
            keywords = {keyword.arg: keyword.value for keyword in call.keywords}
            if name in keywords:
                self.follow(other, keywords[name], seen)
            elif index < len(call.args):
                self.follow(other, call.args[index], seen)
            else:
                self.problems.append(f"{self.place(other, call)}: no {name} given")
        return True

    @staticmethod
    def calls(call: ast.Call, name: str, method: bool) -> bool:
        """A method is called as ``self.name(...)``, a function as ``name(...)``."""
        func = call.func
        if method:
            return (
                isinstance(func, ast.Attribute)
                and func.attr == name
                and isinstance(func.value, ast.Name)
                and func.value.id == "self"
            )
        return isinstance(func, ast.Name) and func.id == name

    def follow_loop(self, module: Module, function: ast.FunctionDef, name: str, seen) -> bool:
        """``for message, subtype in problems(...)``: the literals ``problems`` pairs."""
        for loop in ast.walk(function):
            if not (isinstance(loop, ast.For) and isinstance(loop.target, ast.Tuple)):
                continue
            names = [getattr(element, "id", None) for element in loop.target.elts]
            if name not in names or not isinstance(loop.iter, ast.Call):
                continue
            called = loop.iter.func
            called_name = getattr(called, "id", None) or getattr(called, "attr", None)
            if called_name not in self.functions:
                return False
            source_module, source = self.functions[called_name]
            index, size = names.index(name), len(names)
            pairs = [  # the tuples its body makes (not those of a type: tuple[str, str])
                node
                for statement in source.body
                for node in ast.walk(statement)
                if isinstance(node, ast.Tuple)
                and len(node.elts) == size
                and not isinstance(source_module.parents.get(node), ast.Subscript)
            ]
            for pair in pairs:
                self.follow(source_module, pair.elts[index], seen)
            return bool(pairs)
        return False


@pytest.fixture(scope="module")
def subtypes() -> Subtypes:
    return Subtypes(read_modules())


def test_every_warning_says_its_type_and_subtype(subtypes):
    assert subtypes.problems == []


def test_every_subtype_the_code_writes_is_listed(subtypes):
    missing = {name: place for name, place in subtypes.found.items() if name not in WARNING_TYPES}
    assert missing == {}, "add these to sphinx_cv/warning_types.py"


def test_every_listed_subtype_is_written_somewhere(subtypes):
    assert sorted(set(WARNING_TYPES) - set(subtypes.found)) == []


def test_each_listed_subtype_says_where_what_and_what_to_do():
    for name, kind in WARNING_TYPES.items():
        assert all((kind.where, kind.about, kind.fix)), name


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_the_reader_follows_helpers_and_loops_and_refuses_what_it_cannot_follow(tmp_path):
    """The reader itself, on a package of its own making."""
    write(
        tmp_path,
        "helpers.py",
        "def problems(text):\n"
        "    found = []\n"
        "    found.append((f'{text} is bad', 'alpha'))\n"
        "    return found\n"
        "class Directive:\n"
        "    def warn(self, message, subtype):\n"
        "        logger.warning(message, type='cv', subtype=subtype)\n"
        "    def run(self):\n"
        "        self.warn('no', 'beta')\n"
        "        for message, subtype in problems('x'):\n"
        "            self.warn(message, subtype)\n",
    )
    write(
        tmp_path,
        "other.py",
        "logger.warning('a', type='cv', subtype='gamma')\n"
        "logger.warning('b', type='sphinx', subtype='delta')\n"
        "logger.warning('c', type='cv')\n"
        "def f(kind):\n"
        "    logger.warning('d', type='cv', subtype=kind.name)\n",
    )
    found = Subtypes(read_modules(tmp_path))
    assert sorted(found.found) == ["alpha", "beta", "delta", "gamma"]
    assert [problem.split(": ", 1)[1] for problem in found.problems] == [
        "a warning without type='cv'",
        "a warning without a subtype",
        "cannot tell the subtype 'kind.name'; write it as a literal",
    ]
