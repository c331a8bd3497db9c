"""The extension's own words in the CV's ``language``: its message catalog.

Every fixed string the extension writes ("Present", "(* denotes equal
contribution)", "Personal website", "[Paper]", "Ph.D. thesis", …) goes through
``_``, Sphinx's translator for the ``sphinx_cv`` catalog. The catalogs are
``locale/<lang>/LC_MESSAGES/sphinx_cv.po`` beside this file, shipped compiled
(``.mo``) so an install needs no compile step.

``_`` is called where the string is used, never at import: the translator
then belongs to the running build's ``language``; a table of labels built at
import marks its msgids with ``N_`` and passes them to ``_`` where they are
shown. A word with a count goes
through ``ngettext`` ("{count} entry" / "{count} entries"): each catalog's
``Plural-Forms`` header says how many forms its language has (one in Korean,
Japanese and Chinese; French uses the singular for 0 and 1).

``tests/test_languages.py`` checks that ``locale/sphinx_cv.pot`` lists every
message the code passes to ``_``, ``N_`` and ``ngettext``, and that every catalog
translates them all.

To add a language: copy ``locale/sphinx_cv.pot`` to
``locale/<lang>/LC_MESSAGES/sphinx_cv.po``, translate each ``msgstr``, and
compile with ``pybabel compile -d _ext/sphinx_cv/locale -D sphinx_cv``.

Sphinx's and the theme's own words on the website ("Link to this heading",
"Back to top", the sidebar buttons) come from Sphinx's ``sphinx`` catalog, which
lacks some of them in some languages (German has no "Link to this heading",
Korean and Portuguese none of the theme's). ``locale/<lang>/LC_MESSAGES/sphinx.po``
(listed in ``locale/sphinx.pot``; compiled with ``-D sphinx``) fills those gaps:
it is loaded after Sphinx's and the theme's catalogs, so theirs win where they
have a word.
"""

from __future__ import annotations

from pathlib import Path

from sphinx import locale
from sphinx.application import Sphinx
from sphinx.locale import get_translation, get_translator

CATALOG = "sphinx_cv"
#: Sphinx's own catalog, whose gaps ``locale/<lang>/LC_MESSAGES/sphinx.po`` fills.
SPHINX_CATALOG = "sphinx"
LOCALE_DIR = Path(__file__).parent / "locale"

_translate = get_translation(CATALOG)


def _(message: str) -> str:
    """``message`` in the build's language, as a plain ``str`` (English before any build)."""
    # Before the catalog is loaded Sphinx gives a lazy proxy, which pybtex's Text refuses.
    return str(_translate(message))


def N_(message: str) -> str:
    """Mark ``message`` as a msgid (for the catalog) where it is defined; ``_`` translates it
    where it is used (a table of labels built at import, when no language is known yet)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count`` in the build's language (not yet
    formatted: the caller fills in ``{count}``)."""
    # Sphinx's get_translation has no plural; its translator for the catalog has
    # (a NullTranslations, English rules, before the catalog is loaded).
    return get_translator(CATALOG).ngettext(singular, plural, count)


def fill_sphinx_catalog(app: Sphinx) -> None:
    """Add our translations of Sphinx's and the theme's words last, after the theme's
    catalog (loaded with the builder): they are used only where neither has one."""
    locale.init([str(LOCALE_DIR)], app.config.language, SPHINX_CATALOG)


def setup(app: Sphinx) -> None:
    """Load the catalog for ``language`` (Sphinx finds ``<lang>`` or its base language)."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.connect("builder-inited", fill_sphinx_catalog)
