"""The one rule for the files a CV publishes: they stay inside the project.

The website copies every image and download a page names (``_images/``,
``_downloads/``), and the PDF embeds them: a path such as ``../../.ssh/id_rsa``
or ``/proc/self/environ`` would publish a file that is not the CV's. A file is
the project's when it lies, symbolic links resolved, in the source folder, in
the folder of a ``.bib`` file (``bibtex_bibfiles``: the papers' previews and
files are beside it), or in a folder ``cv_file_folders`` names (relative to the
source folder, as ``bibtex_bibfiles`` are). Anything else is a warning at the
line that names it, and is left out: the image shows its alternative text, the
download its text.

SVG images are the pages' own: Sphinx serves them as files, which a browser
shows without running their scripts in an ``<img>``; a photo, which is shown on
every page of some sites and embedded in the PDF, must be PNG, JPEG, GIF or WebP.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)


def project_folders(env: BuildEnvironment) -> list[Path]:
    """The folders whose files the CV may publish (resolved)."""
    config = env.config
    folders = [Path(env.srcdir)]
    folders += [(Path(env.srcdir) / bib).parent for bib in getattr(config, "bibtex_bibfiles", [])]
    folders += [Path(env.srcdir) / folder for folder in config.cv_file_folders]
    return [folder.resolve() for folder in folders]


def is_project_file(env: BuildEnvironment, path: str | Path) -> bool:
    """Whether ``path`` (absolute) lies inside one of :func:`project_folders`."""
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(folder) for folder in project_folders(env))


def outside_message(env: BuildEnvironment, written: str) -> str:
    """The words of the warning about a file outside the project."""
    folders = ", ".join(str(folder) for folder in project_folders(env))
    return (
        f"{written!r} is outside the project and is left out; accepted is a file in {folders} "
        "(or in a folder that cv_file_folders names in conf.py)"
    )


def leave_out_outside_files(app: Sphinx, doctree: nodes.document) -> None:
    """Before Sphinx collects a page's images and downloads: each one outside the project
    becomes its text, with a warning at its line."""
    env = app.env
    docname = env.docname
    for node in list(doctree.findall(nodes.image)):
        uri = node.get("uri", "")
        if "://" in uri or uri.startswith("data:"):
            continue  # remote: Sphinx links it, copies nothing
        if not is_project_file(env, env.relfn2path(uri, docname)[1]):
            logger.warning(
                f"image: {outside_message(env, uri)}",
                location=node,
                type="cv",
                subtype="file",
            )
            alt = node.get("alt", "")
            node.replace_self(nodes.Text(alt) if alt else [])
    for node in list(doctree.findall(addnodes.download_reference)):
        target = node.get("reftarget", "")
        if "://" in target:
            continue
        if not is_project_file(env, env.relfn2path(target, docname)[1]):
            logger.warning(
                f"download: {outside_message(env, target)}",
                location=node,
                type="cv",
                subtype="file",
            )
            node.replace_self(nodes.Text(node.astext()))


def setup(app: Sphinx) -> None:
    """Register ``cv_file_folders`` and the check; called by ``source.setup``."""
    app.add_config_value("cv_file_folders", [], "env", types=(list, tuple))
    # Before Sphinx's image and download collectors (priority 500) copy them.
    app.connect("doctree-read", leave_out_outside_files, priority=400)
