"""The home page's download line: "Download: PDF · JSON Resume".

Each file an HTML build writes beside the site (the PDF, ``resume.json``) adds
its link with :func:`add_download`, so the home page offers them in one place:
under the profile, or under the page title when there is no profile.
"""

from __future__ import annotations

from docutils import nodes

from .nodes import cv_profile

LINE_CLASS = "cv-downloads"


def add_download(doctree: nodes.document, label: str, uri: str, kind: str) -> None:
    """Append a link (class ``cv-download-KIND``) to the page's download line."""
    line = next((p for p in doctree.findall(nodes.paragraph) if LINE_CLASS in p["classes"]), None)
    if line is None:
        line = nodes.paragraph("", "", nodes.Text("Download: "), classes=[LINE_CLASS])
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
