"""Checks of the ``cv_*`` values a user sets in ``conf.py`` (and of ``project``, ``author``).

A value of the wrong type (or one that cannot work, such as a month format
without a ``%`` code) is a warning at its line in ``conf.py`` that says what is
accepted; the build goes on with the default. This runs before Sphinx's own
type check, so each mistake is reported once, with its place.
"""

from __future__ import annotations

import ast
import datetime
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .dates import SEMESTER_STYLES, default_present_label

logger = logging.getLogger(__name__)

#: What each value accepts, in words, for the warning.
ACCEPTED = {
    "cv_present_label": "a string such as 'Present' or 'Current'",
    "cv_date_format": "a strftime format such as '%b %Y' (Mar 2020) or '%B %Y' (March 2020)",
    "cv_highlight_authors": "a list of names such as ['Song, Minhak', 'M. Song']",
    "cv_max_authors": "a whole number of names, 1 or more, such as 10 (or None: 10, or 6 "
    "in the Vancouver form)",
    "cv_publication_style": "'cv' or 'vancouver'",
    "cv_semesters": "'semester' (WS 2013/14, Winter 2013/14) or 'season' (Fall 2013)",
}


def _month_format_problem(value: str | None) -> str | None:
    if value is None:
        return None  # the language's
    if "%" not in value.replace("%%", ""):
        return "has no % code, so every month would look the same"
    try:
        # A code strftime does not know comes out as written (or fails, on some systems).
        shown = datetime.date(2020, 3, 1).strftime(value.replace("%%", ""))
        months = {datetime.date(2020, month, 1).strftime(value) for month in range(1, 13)}
    except ValueError as error:
        return f"is not a strftime format ({error})"
    if "%" in shown:
        return "has a % code that strftime does not know"
    if len(months) < 12:
        return "shows two months the same (it needs a month code: %b, %B or %m)"
    return None


#: How a default of None ("the language's") is named in a warning.
LANGUAGE_DEFAULTS = {
    "cv_present_label": "'Present' (in English; the language's word)",
    "cv_date_format": "'%b %Y' (in English; the language's form)",
}


def _count_problem(value: Any) -> str | None:
    if isinstance(value, bool) or (isinstance(value, int) and value < 1):
        return "is not a number of names"
    return None


def _publication_style_problem(value: str) -> str | None:
    return None if value in ("cv", "vancouver") else "is not a publication style"


#: Checks beyond the type: each returns what is wrong, or None.
EXTRA_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "cv_date_format": _month_format_problem,
    "cv_max_authors": _count_problem,
    "cv_publication_style": _publication_style_problem,
    "cv_semesters": lambda value: None if value in SEMESTER_STYLES else "is no style of semesters",
}


#: Sphinx's own settings that the CV reads as text (Sphinx itself fails on
#: ``author = 3`` while it checks the configuration).
TEXT_SETTINGS = ("project", "author")


def is_set_by_user(config: Config, name: str) -> bool:
    """Whether conf.py or the command line gave ``name`` a value.

    Not for deciding what a ``cv_*`` value means: Sphinx sees a setting removed
    only when the value changes, so "left out" must be a value of its own (None).
    """
    # Sphinx has no public "was this set?"; conf.py's namespace is _raw_config.
    return name in config.overrides or name in config._raw_config


def date_settings(config: Config) -> dict[str, Any]:
    """How dates are shown: ``cv_present_label``/``cv_date_format`` if set, else ``language``'s."""
    label = config.cv_present_label
    if isinstance(label, dict):  # {"en": "Current"}: other languages say it their way
        label = label.get(config.language)
    return {
        "present_label": str(label) if label else default_present_label(),
        "month_format": config.cv_date_format or None,
        "language": config.language,
        "semesters": config.cv_semesters,
    }


def check_config(app: Sphinx, config: Config) -> None:
    """Warn about each bad ``cv_*`` value at its line in conf.py and use its default."""
    for name in TEXT_SETTINGS:
        value = getattr(config, name, "")
        if not isinstance(value, str):
            logger.warning(
                f"{name} = {value!r} is of type {type(value).__name__}; accepted is a "
                f"string such as 'Ada Lovelace'; using {str(value)!r}",
                location=conf_py_location(app, name),
                type="cv",
                subtype="config",
            )
            setattr(config, name, str(value))
    for name, option in config.values.items():
        if not name.startswith("cv_"):
            continue
        default = option.default(config) if callable(option.default) else option.default
        value = getattr(config, name)
        problem = _problem(value, default, option.valid_types)
        if problem is None and name in EXTRA_CHECKS:
            problem = EXTRA_CHECKS[name](value)
        if problem is None:
            continue
        shown = LANGUAGE_DEFAULTS.get(name, repr(default))
        accepted = ACCEPTED.get(name, f"a value like the default {shown}")
        logger.warning(
            f"{name} = {value!r} {problem}; accepted is {accepted}; using the default {shown}",
            location=conf_py_location(app, name),
            type="cv",
            subtype="config",
        )
        setattr(config, name, default)


def home_page(config: Config) -> str:
    """The CV's home page: ``cv_home_page``, else ``root_doc`` ("" for none)."""
    return config.root_doc if config.cv_home_page is None else config.cv_home_page


def check_home_page(app: Sphinx, env: Any) -> None:
    """Warn when ``cv_home_page`` names no page of the project."""
    page = app.config.cv_home_page
    if page and page not in env.found_docs:
        warn_at(
            app,
            "cv_home_page",
            f"cv_home_page = {page!r} is no page of the project; accepted is a page's name "
            "without its suffix, e.g. 'cv/index', or '' for no home page",
        )


def warn_at(app: Sphinx, name: str, message: str) -> None:
    """A warning about the value ``name`` at its line in conf.py (or naming conf.py, when
    the value was given with ``-D`` or is set nowhere in it)."""
    location = conf_py_location(app, name)
    if location is None:
        message = f"{_conf_py(app)}: {message}"
    logger.warning(message, location=location, type="cv", subtype="config")


def _problem(value: Any, default: Any, valid_types: Any) -> str | None:
    types = tuple(valid_types) if isinstance(valid_types, frozenset) else ()
    if Any in types:
        return None
    types = types or (type(default),)
    if not isinstance(value, types):
        return f"is of type {type(value).__name__}"
    # A list of names must hold names only.
    if isinstance(value, list | tuple) and isinstance(default, list | tuple):
        wrong = [item for item in value if not isinstance(item, str)]
        if wrong:
            return f"holds {wrong[0]!r}, which is not a string"
    return None


def _conf_py(app: Sphinx) -> Path:
    return Path(app.confdir, "conf.py")


def conf_py_location(app: Sphinx, name: str) -> str | None:
    """``/path/conf.py:LINE`` of the setting ``name``.

    None when it was given with ``-D`` or is set nowhere in conf.py. Always a
    ``path:line`` string: Sphinx reads a location without a colon as a page name.
    """
    if name in app.config.overrides:
        return None  # given with -D on the command line: there is no line to show
    line = assignment_lines(_conf_py(app)).get(name)
    return f"{_conf_py(app)}:{line}" if line else None


def assignment_lines(conf_py: Path) -> dict[str, int]:
    """The line of the last assignment to each name in conf.py.

    Anywhere at module level: inside ``if``/``try``/``for`` blocks and in
    tuple targets too (``a, b = 1, 2``), not in functions or classes.
    """
    try:
        tree = _parse(conf_py, conf_py.stat().st_mtime_ns)
    except (OSError, SyntaxError, ValueError):
        return {}
    lines: dict[str, int] = {}
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue  # their names are not settings
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            lines[node.id] = max(lines.get(node.id, 0), node.lineno)
        stack.extend(ast.iter_child_nodes(node))
    return lines


@functools.cache
def _parse(conf_py: Path, _mtime: int) -> ast.Module:
    return ast.parse(conf_py.read_bytes(), filename=str(conf_py))
