"""The home page's download line: "CV (PDF, 2 pages) · Résumé (PDF, 1 page) · JSON Resume".

The files an HTML build writes beside the site (the PDF, ``resume.json``) are
offered in one place: under the profile, or under the page title when there is
no profile. The packages that write them do not know the website: each
connects to the ``cv-download`` event and returns ``(label, file name, kind)``
for the home page, a list of them, or ``None``; the line links them in their listeners' order.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..i18n import _
from ..source.config import home_page
from ..source.nodes import cv_profile

LINE_CLASS = "cv-downloads"
#: The event whose listeners offer a file for the download line.
EVENT = "cv-download"


def add_download_line(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Link, on the home page, every file that a ``cv-download`` listener offers."""
    if docname != home_page(app.config):
        return
    for offers in app.emit(EVENT):
        # A listener offers one file, several (a list), or none.
        for label, filename, kind in [offers] if isinstance(offers, tuple) else offers or ():
            add_download(
                doctree, label, relative_uri(app.builder.get_target_uri(docname), filename), kind
            )


def add_download(doctree: nodes.document, label: str, uri: str, kind: str) -> None:
    """Append a link (class ``cv-download-KIND``) to the page's download line."""
    line = next((p for p in doctree.findall(nodes.paragraph) if LINE_CLASS in p["classes"]), None)
    if line is None:
        line = nodes.paragraph("", "", nodes.Text(_("Download:") + " "), classes=[LINE_CLASS])
        _insert_after_header(doctree, line)
    else:
        line += nodes.Text(" \u00b7 ")
    line += nodes.reference("", label, refuri=uri, internal=False, classes=[f"cv-download-{kind}"])


def _insert_after_header(doctree: nodes.document, line: nodes.paragraph) -> None:
    anchor = next(iter(doctree.findall(cv_profile)), None)
    if anchor is None:
        anchor = next(iter(doctree.findall(nodes.title)), None)
    if anchor is None:
        doctree.insert(0, line)
    else:
        anchor.parent.insert(anchor.parent.index(anchor) + 1, line)


def setup(app: Sphinx) -> None:
    """Declare the event (before the outputs that offer files connect to it)."""
    app.add_event(EVENT)
    app.connect("doctree-resolved", add_download_line)
