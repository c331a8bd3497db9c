"""``{cv-cli}``: the ``sphinx-cv`` command, its subcommands and options, from its argparse parser.

The parser (``sphinx_cv.cli.parser``) is the one the command runs: its usage
lines, descriptions and each option's help are shown as the code has them.
"""

from __future__ import annotations

import argparse

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cv.cli import parser

from .tables import definition_list, literal


def subcommands(top: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = {}
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def arguments(command: argparse.ArgumentParser) -> list[argparse.Action]:
    """The arguments and options a user gives (not ``--help`` or the subcommands)."""
    return [
        action
        for action in command._actions
        if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction)
    ]


def written(action: argparse.Action) -> str:
    """How an argument is written: ``DIR``, ``--language LANG``, ``--force``."""
    if not action.option_strings:
        return action.metavar or action.dest.upper()
    name = ", ".join(action.option_strings)
    if action.nargs == 0:
        return name
    return f"{name} {action.metavar or action.dest.upper()}"


def described(command: argparse.ArgumentParser) -> list[nodes.Node]:
    items = []
    for action in arguments(command):
        words = [nodes.Text(action.help or "")]
        if isinstance(action, argparse._VersionAction):
            words = [nodes.Text("print the version and exit")]
        items.append(([literal(written(action))], [nodes.paragraph("", "", *words)]))
    usage = command.format_usage().removeprefix("usage: ").strip()
    result = [nodes.literal_block(usage, usage, language="text")]
    if command.description:
        result.append(nodes.paragraph("", command.description))
    if items:
        result.append(definition_list(items))
    return result


class CVCli(SphinxDirective):
    """The command's top level, then each subcommand under a rubric of its name."""

    def run(self) -> list[nodes.Node]:
        top = parser()
        result = described(top)
        for name, command in subcommands(top).items():
            rubric = nodes.rubric("", "", literal(f"{top.prog} {name}"))
            target = nodes.target("", "", ids=[f"cli-{name}"])
            result += [target, rubric, *described(command)]
        return result


def setup(app) -> None:
    app.add_directive("cv-cli", CVCli)
