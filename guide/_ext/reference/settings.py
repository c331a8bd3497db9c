"""``{cv-setting} NAME``: one ``cv_*`` setting, its type and default read from the extension.

Sphinx's own ``confval`` description (an index entry, and ``{confval}`` links
from any page), with ``:type:`` and ``:default:`` filled in from the option
``sphinx_cv`` registered; the guide writes what it means. A name the extension
does not register is a warning; so is a registered one the guide lacks, at the
end of reading (:mod:`.registry`).
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import ConfigurationValue

from . import registry

#: Python's types as the guide names them.
TYPE_NAMES = {
    str: "string",
    bool: "True or False",
    int: "whole number",
    dict: "dict",
    list: "list",
    tuple: "tuple",
    type(None): "None",
}
#: Order in which a setting's types are named.
TYPE_ORDER = (str, bool, int, list, tuple, dict, type(None))
#: What changing a setting rebuilds (Sphinx's ``rebuild``), in words.
REBUILDS = {
    "env": "every page is read again",
    "html": "the website is written again",
    "": "nothing is rebuilt (read when used)",
}


def type_text(valid_types) -> str:
    names = [TYPE_NAMES[kind] for kind in TYPE_ORDER if kind in set(valid_types)]
    return " or ".join(dict.fromkeys(names)) or "any"


#: The default of a setting whose default is computed from others (``[author]``).
COMPUTED = "from other settings (see below)"


def default_text(default) -> str:
    return COMPUTED if callable(default) else repr(default)


class CVSetting(ConfigurationValue):
    """Sphinx's ``confval``, with the type and default of the running extension."""

    option_spec: ClassVar[dict] = {}

    def run(self) -> list[nodes.Node]:
        _name, option = registry.documenting(self, "setting")
        if option is None:
            return []
        self.name = "std:confval"  # Sphinx's object type, its index and links
        self.options = {
            "type": type_text(option.valid_types),
            "default": default_text(option.default),
        }
        result = super().run()
        rebuild = REBUILDS.get(str(option.rebuild), str(option.rebuild))
        for content in self._contents(result):
            content += nodes.paragraph("", f"When it changes, {rebuild}.")
        return result

    @staticmethod
    def _contents(result):
        for node in result:
            yield from node.findall(addnodes.desc_content)

    def format_type(self, type_: str):
        field, _messages = super().format_type(type_)
        return _with_body(field, nodes.Text(type_)), []

    def format_default(self, default: str):
        field, _messages = super().format_default(default)
        value = nodes.Text(default) if default == COMPUTED else nodes.literal(default, default)
        return _with_body(field, value), []


def _with_body(field: nodes.field, value: nodes.Node) -> nodes.field:
    """The field with ``value`` as its body, not parsed: it is Python's, not Markdown."""
    body = field.children[1]
    body.clear()
    body += nodes.paragraph("", "", value)
    return field


def setup(app) -> None:
    app.add_directive("cv-setting", CVSetting)
