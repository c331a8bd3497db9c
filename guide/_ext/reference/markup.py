"""``{cv-directive}`` and ``{cv-option}``: a directive of sphinx_cv and each of its options.

::

    ::::{cv-directive} timeline
    One dated entry ...

    :::{cv-option} date
    Required. The entry's dates ...
    :::
    ::::

The guide writes what each option means; the code gives the rest: whether the
directive takes an argument and a body, which module defines it, and its options
with what each converter accepts. An option of the code the guide does not
describe, or one it describes that the code lacks, is a warning (so is a
directive the guide lacks, at the end of reading: :mod:`.registry`). Options a
directive inherits from another extension (sphinxcontrib-bibtex's) are listed
by name unless the guide describes them.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from . import registry
from .tables import definition_list, joined, literal

#: What an option's converter accepts, in words.
CONVERTERS = {
    directives.flag: "no value (a flag)",
    directives.class_option: "class names, separated by spaces",
    directives.unchanged: "a value",
    directives.unchanged_required: "a value",
}


def accepts(converter) -> str:
    return CONVERTERS.get(converter, "a value (checked)")


class CVOption(SphinxDirective):
    """One option's meaning; read by the ``{cv-directive}`` around it."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        holder = nodes.container(guide_option=self.arguments[0])
        self.set_source_info(holder)
        holder.extend(self.parse_content_to_nodes())
        return [holder]


class CVDirectiveDoc(SphinxDirective):
    """A directive of sphinx_cv: its prose, its shape from the code, its options."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict] = {}

    def run(self) -> list[nodes.Node]:
        name, cls = registry.documenting(self, "directive")
        if cls is None:
            return []
        parsed = self.parse_content_to_nodes()
        options = {node["guide_option"]: node for node in parsed if _is_option(node)}
        prose = [node for node in parsed if not _is_option(node)]
        return [self.shape(name, cls), *prose, *self.options_list(name, cls, options)]

    def shape(self, name: str, cls: type) -> nodes.Node:
        """ "Argument: required · Body: Markdown · Defined in sphinx_cv.source.directives"."""
        if cls.required_arguments:
            argument = "required"
        elif cls.optional_arguments:
            argument = "optional"
        else:
            argument = "none"
        parts = [
            nodes.Text(f"Argument: {argument} · Body: {'yes' if cls.has_content else 'none'}"),
            nodes.Text(" · Defined in "),
            literal(cls.__module__),
        ]
        return nodes.paragraph("", "", *parts, classes=["guide-shape"])

    def options_list(self, name: str, cls: type, described: dict) -> list[nodes.Node]:
        spec = cls.option_spec or {}
        inherited = _inherited_options(cls)
        items, others = [], []
        for option, holder in described.items():  # in the guide's order
            if option not in spec:
                self.complain(f"{name}: ':{option}:' is described, but {name} has no such option")
                continue
            term = [literal(f":{option}:"), nodes.Text(f" — {accepts(spec[option])}")]
            items.append((term, list(holder.children)))
        for option in spec:
            if option in described:
                continue
            if option in inherited:
                others.append(option)
            else:
                self.complain(f"{name}: the option ':{option}:' is not described")
        result: list[nodes.Node] = []
        if items:
            result.append(definition_list(items))
        elif not others:
            result.append(nodes.paragraph("", "It takes no options."))
        if others:
            owner = inherited[others[0]]
            result.append(
                nodes.paragraph(
                    "",
                    "",
                    nodes.Text(f"And {owner}'s own options: "),
                    *joined(literal(f":{option}:") for option in others),
                    nodes.Text("."),
                )
            )
        return result

    def complain(self, message: str) -> None:
        registry.warn(
            f"cv-directive {message}",
            self.get_location(),
        )


def _is_option(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and "guide_option" in node


def _inherited_options(cls: type) -> dict[str, str]:
    """Options a directive takes from a base class of another package: name → package."""
    found = {}
    for base in cls.__mro__[1:]:
        package = base.__module__.split(".")[0]
        if package not in (registry.PACKAGE, "docutils", "sphinx"):
            for option in getattr(base, "option_spec", None) or {}:
                found.setdefault(option, base.__module__.rsplit(".", 1)[0])
    return found


def check_stray_options(app, doctree: nodes.document) -> None:
    """A ``{cv-option}`` outside a ``{cv-directive}`` is a warning, and is dropped."""
    for node in list(doctree.findall(nodes.container)):
        if "guide_option" in node:
            registry.warn(
                f"cv-option {node['guide_option']!r} is outside a cv-directive",
                node,
            )
            node.parent.remove(node)


def setup(app) -> None:
    app.add_directive("cv-directive", CVDirectiveDoc)
    app.add_directive("cv-option", CVOption)
    app.connect("doctree-read", check_stray_options)
