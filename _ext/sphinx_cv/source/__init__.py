"""The CV's source: MyST Markdown read into typed records.

- ``dates``: the one date grammar (parse, validate, format);
- ``records``: the typed records every output reads;
- ``nodes``: the docutils nodes that carry them to the writers;
- ``directives``: ``timeline``, ``award``, ``profile``; ``keywords``: ``skills``, ``interests``;
- ``spoken``: which ``skills`` group lists spoken languages (and their fluency);
- ``names``: the owner's name on the home page, and in ASCII for file names;
- ``grouping``: consecutive entries become one list;
- ``domain``: the ``cv`` domain, every record per document;
- ``translation``: a translated CV's text into its records;
- ``versions``: tags and the versions of ``conf.py`` (full CV, résumé), the filter;
- ``tagged``: the ``tagged`` directive, a bullet or a keyword group for some versions;
- ``config``: checks of the ``cv_*`` values in ``conf.py``;
- ``reading``: control characters out of a source's text, with a warning;
- ``urls``: the one policy for links, e-mail addresses and phone numbers;
- ``files``: the one rule for the files a CV publishes: inside the project.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from . import files, versions
from .config import check_config, check_home_page
from .directives import AwardDirective, ProfileDirective, TimelineDirective
from .domain import CVDomain, OneProfile
from .grouping import GroupEntries
from .keywords import InterestsDirective, SkillsDirective
from .names import ProfileHeading
from .reading import replace_control_characters
from .tagged import TaggedDirective
from .translation import TranslatedRecords


def enable_myst_syntax(app: Sphinx, config: Config) -> None:
    """Turn on MyST's ``:::`` fences, the form the directives are written in."""
    extensions = getattr(config, "myst_enable_extensions", None)
    if extensions is not None and "colon_fence" not in extensions:
        # A new value: the default may be an object shared between projects.
        config.myst_enable_extensions = [*extensions, "colon_fence"]


def setup(app: Sphinx) -> None:
    """Register the date settings, the directives, the domain and the grouping."""
    # None is "the language's": a distinct value, so that removing a setting from conf.py
    # (or adding one equal to a default) changes what Sphinx compares and the pages follow.
    app.add_config_value("cv_present_label", None, "env", types=(str, dict, type(None)))
    app.add_config_value("cv_date_format", None, "env", types=(str, type(None)))
    # How a semester is shown: "WS 2013/14" / "Winter 2013/14", or "Fall 2013" ("season").
    app.add_config_value("cv_semesters", "semester", "env", types=(str,))
    # The page with the download line, the section cards and the JSON-LD: None is root_doc,
    # "" none (a site that shows CV examples, such as sphinx-cv's guide).
    app.add_config_value("cv_home_page", None, "env", types=(str, type(None)))
    app.add_directive("timeline", TimelineDirective)
    app.add_directive("award", AwardDirective)
    app.add_directive("profile", ProfileDirective)
    app.add_directive("skills", SkillsDirective)
    app.add_directive("interests", InterestsDirective)
    app.add_directive("tagged", TaggedDirective)
    app.add_domain(CVDomain)
    app.add_transform(GroupEntries)
    app.add_transform(TranslatedRecords)
    app.add_transform(ProfileHeading)
    app.add_post_transform(OneProfile)
    app.connect("config-inited", enable_myst_syntax)
    app.connect("config-inited", check_config)
    app.connect("env-check-consistency", check_home_page)
    app.connect("source-read", replace_control_characters)
    versions.setup(app)
    files.setup(app)
