"""``{cv-dates}``: each line of its content is a date as an author writes it, and the table
shows it as the date grammar reads and shows it, in English and in German.

The shown forms are computed by ``sphinx_cv.source.dates`` at build time, with
the extension's own catalogs; a line the grammar refuses is a warning.
"""

from __future__ import annotations

from contextlib import contextmanager

from docutils import nodes
from sphinx import locale
from sphinx.util.docutils import SphinxDirective

from sphinx_cv.i18n import CATALOG, LOCALE_DIR, _
from sphinx_cv.source.dates import DateError, format_dates, parse_dates

from . import registry
from .tables import literal, table

LANGUAGES = {"en": "English", "de": "German"}


@contextmanager
def speaking(language: str):
    """The extension's catalog in ``language`` for a while, then the build's again."""
    key = ("general", CATALOG)
    saved = locale.translators.pop(key, None)
    try:
        locale.init([str(LOCALE_DIR)], language, CATALOG)
        yield
    finally:
        locale.translators.pop(key, None)
        if saved is not None:
            locale.translators[key] = saved


def shown(text: str, language: str) -> str:
    with speaking(language):
        return format_dates(parse_dates(text), present_label=_("Present"), language=language)


class CVDates(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        rows = []
        for offset, line in enumerate(self.content):
            text = line.strip()
            if not text:
                continue
            try:
                cells = [shown(text, language) for language in LANGUAGES]
            except DateError as error:
                registry.warn(
                    f"cv-dates: {text!r} is refused: {error}",
                    (self.env.docname, self.content_offset + offset + 1),
                )
                continue
            spans = parse_dates(text)
            iso = " ".join(
                point.iso
                for span in spans
                for point in (span.start, span.end)
                if point is not None and not isinstance(point, str)
            )
            rows.append([literal(text), *cells, literal(iso)])
        header = ["you write", *(f"shown ({name})" for name in LANGUAGES.values()), "datetime"]
        return [table(header, rows)]


def setup(app) -> None:
    app.add_directive("cv-dates", CVDates)
