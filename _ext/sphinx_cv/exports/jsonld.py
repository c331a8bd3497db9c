"""schema.org ``Person`` as JSON-LD in the home page's ``<head>``, for search engines.

From the ``cv`` domain's records: ``name``, ``email``, ``telephone``, ``url``
and ``sameAs`` from the profile; ``affiliation`` from the ``education`` and
``work`` entries that are still open (``-- present``); ``alumniOf`` from the
``education`` entries that have ended; ``award`` from the awards' titles.
"""

from __future__ import annotations

import json
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import model
from ..model import WEBSITE_BUILDERS
from ..source.config import home_page
from ..source.records import PROFILE_NETWORKS, TimelineRecord


def organization(record: TimelineRecord) -> dict[str, Any]:
    """The organisation of a timeline entry; schools are ``EducationalOrganization``."""
    kind = "EducationalOrganization" if record.kind == "education" else "Organization"
    org = {"@type": kind, "name": record.title}
    if record.url:
        org["url"] = record.url
    return org


def person(env: BuildEnvironment) -> dict[str, Any]:
    """The CV's owner as a schema.org ``Person``."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person"}
    owner = model.profile(env)
    if owner is not None:
        contacts = {
            "name": owner.name,
            "email": owner.email,
            "telephone": owner.phone,
            "url": owner.website,
            "image": photo if "://" in (photo := model.photo_url(env, owner)) else "",
        }
        data.update((key, value) for key, value in contacts.items() if value)
        same_as = [getattr(owner, field) for field in PROFILE_NETWORKS if getattr(owner, field)]
        if same_as:
            data["sameAs"] = same_as
    timeline = [r for r in model.timeline(env) if r.kind in ("education", "work") and r.spans]
    affiliation = [organization(r) for r in timeline if any(s.is_open for s in r.spans)]
    alumni_of = [
        organization(r)
        for r in timeline
        if r.kind == "education" and not any(s.is_open for s in r.spans)
    ]
    awards = [record.title for record in model.awards(env) if record.title]
    for key, value in (("affiliation", affiliation), ("alumniOf", alumni_of), ("award", awards)):
        if value:
            data[key] = value
    return data


def script_tag(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` that no string in the data can close.

    JSON escapes ``<``, ``>`` and ``&`` as ``\\u003c`` … so that ``</script>``
    or ``<!--`` inside a value stays text; the JSON means the same.
    """
    text = json.dumps(data, indent=1, ensure_ascii=False)
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def add_to_home_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Put the JSON-LD into the home page's ``<head>`` (via the ``metatags`` block)."""
    if app.builder.name in WEBSITE_BUILDERS and pagename == home_page(app.config):
        context["metatags"] = context.get("metatags", "") + script_tag(person(app.env))


def rewrite_home_page(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Rewrite the home page when the ``Person`` changed, whichever page changed it.

    Sphinx rewrites only the pages that changed (and their toctree parents);
    the JSON-LD depends on the records of every page, orphans included.
    """
    data = person(env)
    home = home_page(env.config)
    if getattr(env, "sphinx_cv_person", None) == data or home not in env.found_docs:
        return []
    env.sphinx_cv_person = data  # pickled with the environment
    return [home]


def setup(app: Sphinx) -> None:
    """Register the hooks (called from the package's setup)."""
    app.connect("html-page-context", add_to_home_page)
    app.connect("env-get-updated", rewrite_home_page)
