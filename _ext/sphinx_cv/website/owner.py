"""The owner's name and the site's address, written once in conf.py, reach every page.

A fork changes ``project``/``author`` and ``html_baseurl`` and nothing of the
previous owner stays:

- ``html_title`` (the sidebar, every page's ``<title>``) is ``project`` unless
  conf.py sets it (Sphinx's default would be "PROJECT documentation");
- ``html_baseurl`` (canonical links, the sitemap, ``resume.json``'s
  ``meta.canonical``), when empty, is the address Read the Docs builds for
  (``READTHEDOCS_CANONICAL_URL``); one that is no http(s) address is a warning
  and left out (it would reach every page's canonical link);
- ``ogp_site_url`` (OpenGraph's ``og:url``) is ``html_baseurl`` unless set.

On Read the Docs, an ``html_baseurl`` on another host than the one being built
is a warning: a fork that kept its previous owner's address would otherwise
publish canonical links to the other site.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ..source import urls
from ..source.config import assignment_lines, is_set_by_user, warn_at

logger = logging.getLogger(__name__)

#: Set by Read the Docs: the address of the version being built.
RTD_CANONICAL = "READTHEDOCS_CANONICAL_URL"


def derive(app: Sphinx, config: Config) -> None:
    """Fill the title and addresses conf.py left unset from its one block."""
    if not is_set_by_user(config, "html_title"):
        config.html_title = config.project
    if config.html_baseurl:
        try:
            urls.web_url(config.html_baseurl)
        except urls.RefusedError as error:
            warn_at(
                app,
                "html_baseurl",
                f"html_baseurl {config.html_baseurl!r} is left out: it {error}; accepted is "
                "the site's http:// or https:// address, e.g. 'https://ada.github.io/cv/'",
            )
            config.html_baseurl = ""
    rtd_url = os.environ.get(RTD_CANONICAL, "")
    if not config.html_baseurl and rtd_url:
        config.html_baseurl = rtd_url
    elif rtd_url and os.environ.get("READTHEDOCS_VERSION_TYPE") != "external":
        check_host(app, config.html_baseurl, rtd_url)
    if "ogp_site_url" in config and not is_set_by_user(config, "ogp_site_url"):
        config.ogp_site_url = config.html_baseurl


def check_host(app: Sphinx, baseurl: str, rtd_url: str) -> None:
    """Warn when ``html_baseurl`` names another site than the one Read the Docs builds."""
    if urlsplit(baseurl).netloc == urlsplit(rtd_url).netloc:
        return
    conf_py = Path(app.confdir, "conf.py")
    line = assignment_lines(conf_py).get("html_baseurl")
    logger.warning(
        "html_baseurl %r is not this site's address (%s): canonical links, OpenGraph, "
        "the sitemap and resume.json would point there; set html_baseurl to your site's "
        "address, or remove it to use %s",
        baseurl,
        rtd_url,
        rtd_url,
        location=f"{conf_py}:{line}" if line else str(conf_py),
        type="cv",
        subtype="config",
    )


def setup(app: Sphinx) -> None:
    """Derive the title and addresses once conf.py is read; called by ``website.setup``."""
    # After the extensions' own config-inited handlers (priority 500).
    app.connect("config-inited", derive, priority=800)
