"""What ``sphinx-cv new --language LANG`` writes in the CV's language.

- The section pages' titles, from the extension's catalog: "Werdegang",
  "Ausbildung", "Publikationen", … German academia's CV also has "Lehre" and
  "Drittmittel", in its own order (:data:`SECTIONS`).
- The date format the language's CVs use where it is not Babel's default
  (German CVs write months as "10/2021"); the open end ("heute") is left to the
  language, not pinned in ``conf.py``.
- The example group of spoken languages, in the language: "Sprachen: Deutsch
  (Muttersprache), Englisch (fließend)".
- The Debian packages the language's PDF needs on GitHub Pages and Read the
  Docs: a CJK font for Korean, Japanese and Chinese (:data:`APT_PACKAGES`).
"""

from __future__ import annotations

import gettext
import re

from ..i18n import CATALOG, LOCALE_DIR, N_
from ..source.dates import babel_locale
from ..source.spoken import LANGUAGES_LABEL

DEFAULT_LANGUAGE = "en"

#: The languages a new project can be in: English and each shipped catalog.
LANGUAGES = (
    DEFAULT_LANGUAGE,
    *sorted(po.parts[-3] for po in LOCALE_DIR.glob(f"*/LC_MESSAGES/{CATALOG}.po")),
)

#: The section pages of a new CV, by English title (a msgid), in order.
SECTIONS = (N_("Education"), N_("Experience"), N_("Publications"), N_("Talks"), N_("Awards"),
            N_("Skills"))  # fmt: skip
#: A language whose academic CVs have other sections, or another order: a German
#: CV starts with the positions (Werdegang) and lists teaching and grants.
LANGUAGE_SECTIONS = {
    "de": ("Experience", "Education", "Publications", N_("Grants"), N_("Teaching"), "Talks",
           "Awards", "Skills"),
}  # fmt: skip

#: ``cv_date_format`` where the language's CVs do not write months as Babel does.
DATE_FORMATS = {"de": "%m/%Y"}

#: The example entries' dates, by section, where the language's CVs write others:
#: German ones in semesters and MM/YYYY.
EXAMPLE_DATES = {
    "de": {"Education": "seit WS 2020/21", "Experience": "06/2019 -- 08/2019",
           "Teaching": "SoSe 2024"},
}  # fmt: skip

#: Debian packages a language's PDF needs beyond the template's: its script's font.
APT_PACKAGES = {
    "ja": ("fonts-noto-cjk",),
    "ko": ("fonts-noto-cjk",),
    "zh_CN": ("fonts-noto-cjk",),
}

#: The levels in the example of spoken languages.
NATIVE, FLUENT = N_("native"), N_("fluent")


def translator(language: str) -> gettext.NullTranslations:
    """The extension's catalog in ``language``, for the command (no Sphinx build runs)."""
    return gettext.translation(CATALOG, LOCALE_DIR, [language], fallback=True)


def section_titles(language: str) -> list[tuple[str, str]]:
    """Each section of a new CV: its English title and its title in ``language``."""
    words = translator(language)
    return [(title, words.gettext(title)) for title in LANGUAGE_SECTIONS.get(language, SECTIONS)]


def example_date(language: str, section: str, date: str) -> str:
    """The date of a section's example entry in ``language``'s CVs (else ``date``)."""
    return EXAMPLE_DATES.get(language, {}).get(section, date)


def spoken_example(language: str) -> tuple[str, list[str]]:
    """The example group of spoken languages: the CV's language, then English (or French)."""
    words, locale = translator(language), babel_locale(language)
    names = locale.languages
    other = "fr" if locale.language == "en" else "en"

    def name(code: str) -> str:
        shown = names.get(code, code)
        return shown[:1].upper() + shown[1:]  # "français" heads an item: "Français"

    return words.gettext(LANGUAGES_LABEL), [
        f"{name(locale.language)} ({words.gettext(NATIVE)})",
        f"{name(other)} ({words.gettext(FLUENT)})",
    ]


def with_apt_packages(workflow: str, readthedocs: str, language: str) -> tuple[str, str]:
    """The Pages workflow and ``.readthedocs.yaml`` installing what ``language``'s PDF
    needs (Noto CJK for Korean): packages the templates install already are not added."""
    for package in APT_PACKAGES.get(language, ()):
        if not re.search(rf"\b{re.escape(package)}\b", workflow):
            step = (
                f"      - name: Install what a PDF in {babel_locale(language).english_name} needs\n"
                "        run: |\n"
                "          sudo apt-get update -q\n"
                f"          sudo apt-get install -y -q --no-install-recommends {package}\n"
            )
            # Before Python is set up, as the template's own packages are.
            workflow = re.sub(
                r"^(?=      - uses: actions/setup-python@)", step, workflow, count=1, flags=re.M
            )
        if not re.search(rf"^\s*- {re.escape(package)}$", readthedocs, re.MULTILINE):
            if "  apt_packages:\n" in readthedocs:
                readthedocs = readthedocs.replace(
                    "  apt_packages:\n", f"  apt_packages:\n    - {package}\n", 1
                )
            else:
                readthedocs = re.sub(
                    r"^(  tools:\n(?:    .*\n)*)",
                    rf"\1  apt_packages:\n    - {package}\n",
                    readthedocs,
                    count=1,
                    flags=re.MULTILINE,
                )
    return workflow, readthedocs
