"""The guide's reference, drawn from the running sphinx_cv so that it cannot drift.

Each module documents one kind of thing, reading it from the extension the
guide's build has loaded (this checkout's ``_ext/sphinx_cv``):

- ``markup``: ``{cv-directive}`` and ``{cv-option}``, the directives and their options;
- ``settings``: ``{cv-setting}``, a ``cv_*`` setting with its type and default;
- ``builders``: ``{cv-builder}``, the builders it adds;
- ``warning_types``: ``{cv-warnings}``, every ``cv.*`` warning type;
- ``cli``: ``{cv-cli}``, the ``sphinx-cv`` command from its argparse parser;
- ``bibliography``: the entry types, fields, links and databases' tables of the style;
- ``dates``: ``{cv-dates}``, dates as the grammar reads and shows them;
- ``examples``: ``{cv-example}``, a test root's lines shown as written and as built;
- ``layout``: ``{cv-layout}``, the extension's modules, each with its docstring's first line;
- ``registry``: what the extension registers; at the end of reading, each directive,
  setting or builder the guide does not describe is a warning (``-W``: an error).
"""

from __future__ import annotations

from . import (
    bibliography,
    builders,
    cli,
    dates,
    examples,
    layout,
    markup,
    registry,
    settings,
    warning_types,
)


def setup(app):
    for module in (
        markup,
        settings,
        builders,
        warning_types,
        cli,
        bibliography,
        dates,
        examples,
        layout,
    ):
        module.setup(app)
    registry.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
