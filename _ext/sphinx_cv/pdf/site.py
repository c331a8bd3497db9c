"""The website offers the PDFs: written from the HTML build's own pages, linked from the home page.

With ``cv_pdf_link = True`` (the default) an HTML build (html, dirhtml,
singlehtml) also writes every version's PDF with the engine ``cv_pdf_engine``
names (:mod:`.typst` by default, :mod:`.latex` on request), from the doctrees
it has just read (the engine's builder on the same environment: nothing is
read twice), as soon as the pages are read; the compile then runs in the
background while the HTML is written, and each PDF is copied into the site when
both are done. They are linked from the download line under the profile on the
home page.

Nothing is redone that has not changed: when no page was read again and no
setting changed, nothing is written; when the written source is the one last
compiled, the PDF is not compiled. Both reuse the PDF kept beside the doctrees
(``sphinx_cv_pdf/``).

When the engine is missing or the compile fails, the website is still built
without that PDF (an older copy is removed from the site), and a warning (type
``cv.pdf``) says why. ``sphinx-build -b typst`` and ``-M latexpdf`` are not affected.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging as std_logging
import os
import re
import shutil
import subprocess
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util._serialise import stable_hash
from sphinx.util.logging import WarningLogRecordTranslator
from sphinx.util.tags import Tags

from ..i18n import _, ngettext
from ..source.config import warn_at
from ..source.versions import configured_version, versions, writing_version
from .names import version_filename

logger = logging.getLogger(__name__)

#: How long the website waits for a PDF, in seconds.
TIMEOUT = 600
#: What the last successful compile was made from (beside the doctrees).
STAMP = "compiled.json"


def warn(message: str, *args: object) -> None:
    logger.warning(message, *args, type="cv", subtype="pdf")


class PdfFailed(Exception):
    """A compile that gave no PDF; the message says why and where to look."""


class Run(Protocol):
    """A compile started in the background."""

    def wait(self, timeout: float) -> Path:
        """The PDF, once written; raises :class:`PdfFailed`."""

    def stop(self) -> None:
        """Give up (the build it serves failed)."""


class Engine(Protocol):
    """What the website needs of a PDF engine (:mod:`.typst`, :mod:`.latex`)."""

    #: The builder that writes the source (``typst``, ``latex``) and its folder's name.
    builder: str

    def missing(self, app: Sphinx) -> str | None:
        """Why this machine cannot build the PDF (a warning's words), or None."""

    def pdf_name(self, app: Sphinx) -> str:
        """The first version's PDF file name."""

    def configure(self, app: Sphinx, version: VersionPdf) -> dict[str, Any]:
        """Config values to set while ``version`` is written (its file name, its paper)."""

    def write(self, app: Sphinx, builder: Builder, outdir: Path) -> Path:
        """Write the source with ``builder`` (initialised, on this build's environment)."""

    def is_input(self, path: Path) -> bool:
        """Whether the compile reads this file of the output folder."""

    def options(self, app: Sphinx) -> str:
        """What else the compile depends on (its settings), as text."""

    def start(self, app: Sphinx, source: Path) -> Run:
        """Start compiling ``source`` in the background."""


#: The engines by ``cv_pdf_engine`` value, registered by their packages' setup().
ENGINES: dict[str, Engine] = {}
DEFAULT_ENGINE = "typst"


def engine_of(app: Sphinx) -> Engine:
    """The engine ``cv_pdf_engine`` names (checked at config-inited)."""
    return ENGINES.get(app.config.cv_pdf_engine) or ENGINES[DEFAULT_ENGINE]


def check_engine(app: Sphinx, config: Any) -> None:
    """A located warning, and the default, for an engine that does not exist."""
    if config.cv_pdf_engine not in ENGINES:
        warn_at(
            app,
            "cv_pdf_engine",
            f"cv_pdf_engine = {config.cv_pdf_engine!r} is not a PDF engine; accepted are "
            f"{' and '.join(map(repr, ENGINES))}; using {DEFAULT_ENGINE!r}",
        )
        config.cv_pdf_engine = DEFAULT_ENGINE


def workdir(app: Sphinx) -> Path:
    """Where the PDFs are built: beside the doctrees, reused by the next build."""
    return Path(app.doctreedir) / "sphinx_cv_pdf"


class VersionPdf:
    """The PDF of one version (``cv_versions``): its files, its running compile."""

    def __init__(self, app: Sphinx, name: str, main: bool, pdf_name: str) -> None:
        declared = versions(app.config)
        self.name, self.main = name, main
        self.settings = declared[name]
        self.label = self.settings.get("title") or ("CV" if main else name.capitalize())
        first = next(iter(declared))
        self.pdf_name = version_filename(pdf_name, name, first)
        # The build's own version where it always was; the others beside it.
        self.work = workdir(app) if main else workdir(app) / name
        self.run: Run | None = None
        self.pdf: Path | None = None
        self.pages: int | None = None
        self.key = self.inputs = ""  # of the running compile, for the stamp


class SitePdf:
    """The PDFs of one HTML build (one per version): whether the pages changed."""

    def __init__(self, app: Sphinx, engine: Engine, messages: _Messages) -> None:
        self.engine = engine
        self.messages = messages
        self.pages_changed = False
        self.started = False
        self.waited = False
        main = configured_version(app.config)
        name = engine.pdf_name(app)
        self.pdfs = [VersionPdf(app, v, v == main, name) for v in versions(app.config)]
        unique_names(app, self.pdfs)


def unique_names(app: Sphinx, pdfs: list[VersionPdf]) -> None:
    """Give each version's PDF a name of its own: not another version's, not a file of
    ``html_extra_path`` (the site would hold one of the two); a located warning says so."""
    taken: dict[str, tuple[str, str]] = {}  # name → (what has it, the setting to warn at)
    for folder in app.config.html_extra_path:
        path = Path(app.confdir, folder)
        for name in sorted(os.listdir(path)) if path.is_dir() else []:
            taken[name.casefold()] = (f"html_extra_path's {path / name}", "html_extra_path")
    for version in pdfs:
        wanted = name = version.pdf_name
        number = 1
        while name.casefold() in taken:
            number += 1
            name = f"{Path(wanted).stem}-{number}.pdf"
        if name != wanted:
            what, setting = taken[wanted.casefold()]
            warn_at(
                app,
                setting,
                f"the PDF of the version {version.name!r} would be named {wanted}, as {what} "
                f"is; it is named {name} instead (rename a version, or set cv_pdf_filename)",
            )
            version.pdf_name = name
        taken[name.casefold()] = (f"the PDF of the version {version.name!r}", "cv_versions")


#: The PDFs of each Sphinx application that builds them.
_builds: weakref.WeakKeyDictionary[Sphinx, SitePdf] = weakref.WeakKeyDictionary()


def plan_pdf(app: Sphinx) -> None:
    """On an HTML build, check the engine: the PDFs are built unless it is missing."""
    if app.builder.format != "html":
        return
    if not app.config.cv_pdf_link:
        # A PDF an earlier build put in the site is not this site's (html_extra_path's own
        # file of that name is copied again later).
        for name in pdf_names(app):
            (Path(app.outdir) / name).unlink(missing_ok=True)
        return
    engine = engine_of(app)
    missing = engine.missing(app)
    if missing:
        warn(
            "the website is built without its PDF: %s; or set cv_pdf_link = False in conf.py "
            "to build the website alone",
            missing,
        )
        return
    _builds[app] = SitePdf(app, engine, _Messages(app))


def pdf_names(app: Sphinx) -> list[str]:
    """The names every version's PDF has in the site, by the configured engine."""
    engine = engine_of(app)
    first = next(iter(versions(app.config)))
    name = engine.pdf_name(app)
    return [version_filename(name, version, first) for version in versions(app.config)]


def note_removed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """A page removed changes the PDF (pages read again are seen later)."""
    if removed and app in _builds:
        _builds[app].pages_changed = True
    return []


def start_after_reading(app: Sphinx, env: BuildEnvironment) -> None:
    """Pages were read: write each PDF's source and start its compile before the HTML is
    written."""
    site = _builds.get(app)
    if site is not None and not site.started:
        site.pages_changed = True
        start(app, site)


def settings_key(app: Sphinx, engine: Engine) -> str:
    """A hash of what reaches the PDF besides the pages: settings, tags, the engine's files."""
    settings = {item.name: item.value for item in app.config if item.rebuild != "html"}
    tags = sorted(set(app.tags) - _builder_tags(app.builder))
    from . import package_files

    files = [path.read_bytes() for path in package_files(engine.builder)]
    return stable_hash([stable_hash(settings), tags, hashlib.sha256(b"".join(files)).hexdigest()])


def start(app: Sphinx, site: SitePdf) -> None:
    """Write each version's source (unless nothing changed) and compile it (unless
    compiled already): at most one compile per version, all in the background."""
    site.started = True
    key = settings_key(app, site.engine)
    for version in site.pdfs:
        start_version(app, site, version, key)


def start_version(app: Sphinx, site: SitePdf, version: VersionPdf, key: str) -> None:
    engine = site.engine
    outdir = version.work / engine.builder
    pdf = outdir / version.pdf_name
    stamp = _read_stamp(version.work)
    if not site.pages_changed and stamp.get("settings") == key and pdf.is_file():
        version.pdf = pdf
        return
    try:
        source = write_source(app, engine, outdir, version)
    except Exception as error:  # a writer failing must not cost the website
        warn("the PDF for the website (%s) could not be written: %s", version.name, error)
        return
    inputs = inputs_hash(engine, outdir, engine.options(app))
    if stamp.get("inputs") == inputs and pdf.is_file():
        _write_stamp(version.work, key, inputs)
        version.pdf = pdf
        return
    (version.work / STAMP).unlink(missing_ok=True)  # until this compile succeeds
    pdf.unlink(missing_ok=True)  # never offer the last compile's PDF for this one
    version.inputs, version.key = inputs, key
    version.run = engine.start(app, source)


def inputs_hash(engine: Engine, outdir: Path, options: str = "") -> str:
    """A hash of the files the compile reads that the engine's builder writes, and of its
    ``options``."""
    digest = hashlib.sha256(options.encode())
    for path in sorted(outdir.iterdir()):
        if path.is_file() and engine.is_input(path):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read_stamp(work: Path) -> dict[str, str]:
    try:
        return json.loads((work / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_stamp(work: Path, key: str, inputs: str) -> None:
    stamp = json.dumps({"settings": key, "inputs": inputs})
    (work / STAMP).write_text(stamp, encoding="utf-8")


@contextmanager
def _holding(app: Sphinx) -> Iterator[None]:
    """Hold the messages logged meanwhile (see :class:`_Messages`)."""
    site = _builds.get(app)
    if site is None:
        yield
        return
    site.messages.holding = True
    try:
        yield
    finally:
        site.messages.holding = False


def write_source(app: Sphinx, engine: Engine, outdir: Path, version: VersionPdf) -> Path:
    """Write ``version``'s PDF source into ``outdir`` with the engine's builder on this
    build's environment; return the source file.

    The engine's builder stands in for the HTML one while it writes (the builder and
    its tags, so that post-transforms, ``only`` and the event listeners see a
    PDF build), working on fresh copies of the pickled doctrees; the version's
    settings (file name, paper) are set meanwhile; its progress messages are kept
    out of the HTML build's.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    html_builder, env, config = app.builder, app.env, app.config
    dropped = _builder_tags(html_builder) | {configured_version(config)}
    kept = [tag for tag in app.tags if tag not in dropped]  # -t tags stay
    kept.append(version.name)  # ``{only} resume`` in that version's PDF
    saved = {}
    for name, value in engine.configure(app, version).items():
        saved[name] = config[name]
        config[name] = value
    html_tags = app.tags
    # A new Tags, not the HTML build's with tags removed: Tags remembers what each
    # ``only`` condition gave, and would give the HTML build's answer again.
    app.tags = Tags(kept)
    try:
        builder = app.registry.create_builder(app, engine.builder, env)
        builder.outdir = outdir
        app.builder, env._builder_cls = builder, type(builder)
        with _holding(app), writing_version(env, version.name):
            builder.init()
            return engine.write(app, builder, outdir)
    finally:
        app.builder, env._builder_cls = html_builder, type(html_builder)
        for name, value in saved.items():
            config[name] = value
        app.tags = html_tags


def _builder_tags(builder: object) -> set[str]:
    name, fmt = builder.name, builder.format  # type: ignore[attr-defined]
    return {name, fmt, f"format_{fmt}", f"builder_{name}"}


_WARNING_TYPE = re.compile(r"( \[[\w.-]+\])+$")


class _Messages:
    """The PDF writes' messages: progress lines dropped, warnings held until the
    HTML is written, then shown unless the HTML build showed the same warning at
    the same place (a missing citation key is reported by both writers)."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.holding = False
        self.held: list[std_logging.LogRecord] = []
        self.seen: set[tuple[str, str | None]] = set()
        self.handlers = std_logging.getLogger("sphinx").handlers[:]
        for handler in self.handlers:
            # First: before Sphinx counts or shows a warning; last: as it is shown.
            handler.filters.insert(0, _Filter(self.hold))
            handler.addFilter(_Filter(self.note))

    def hold(self, record: std_logging.LogRecord) -> bool:
        if not self.holding:
            return True
        if record.levelno >= std_logging.WARNING and record not in self.held:
            self.held.append(record)
        return False

    def note(self, record: std_logging.LogRecord) -> bool:
        if record.levelno >= std_logging.WARNING:
            self.seen.add(self.signature(record))
        return True

    def signature(self, record: std_logging.LogRecord) -> tuple[str, str | None]:
        shown = copy.copy(record)
        WarningLogRecordTranslator(self.app).filter(shown)  # the location as shown
        # Without the " [type.subtype]" that showing the warning appends to it.
        return _WARNING_TYPE.sub("", shown.getMessage()), getattr(shown, "location", None)

    def release(self) -> None:
        """Show the held warnings the HTML build did not show; stop filtering."""
        for handler in self.handlers:
            handler.filters[:] = [f for f in handler.filters if not isinstance(f, _Filter)]
        for record in self.held:
            if self.signature(record) not in self.seen:
                std_logging.getLogger(record.name).handle(record)


class _Filter(std_logging.Filter):
    def __init__(self, function: Callable[[std_logging.LogRecord], bool]) -> None:
        super().__init__()
        self.function = function

    def filter(self, record: std_logging.LogRecord) -> bool:
        return self.function(record)


def offer_download(app: Sphinx) -> list[tuple[str, str, str]] | None:
    """The home page's download line offers each version's PDF, with its pages:
    "CV (PDF, 3 pages) · Résumé (PDF, 1 page)".

    The page counts are known once the PDFs are: the home page waits for the
    compiles (the other pages are written meanwhile).
    """
    site = _builds.get(app)
    if site is None or app.builder.format != "html":
        return None
    wait_for_pdfs(app, site)
    offers = []
    for version in site.pdfs:
        if version.pdf is None or not version.pdf.is_file():
            continue
        offers.append((download_label(version), version.pdf_name, "pdf"))
    return offers


def download_label(version: VersionPdf) -> str:
    """ "CV (PDF, 3 pages)" in the build's language (a version's ``title`` as written)."""
    name = version.settings.get("title") or (_("CV") if version.main else version.label)
    if not version.pages:
        return _("{version} (PDF)").format(version=name)
    return ngettext(
        "{version} (PDF, {count} page)", "{version} (PDF, {count} pages)", version.pages
    ).format(version=name, count=version.pages)


def wait_for_pdfs(app: Sphinx, site: SitePdf) -> None:
    """Wait for every version's compile; count its pages and check them against its limit."""
    if site.waited:
        return
    site.waited = True
    if not site.started:  # no page read again: only a setting may have changed
        start(app, site)
    for version in site.pdfs:
        if version.run is not None:
            try:
                version.pdf = version.run.wait(timeout=TIMEOUT)
            except PdfFailed as error:
                warn(
                    "the PDF for the website (%s, %s) could not be built, and the website "
                    "is built without it: %s",
                    version.name,
                    version.pdf_name,
                    error,
                )
                version.pdf = None
                continue
            finally:
                version.run = None
            _write_stamp(version.work, version.key, version.inputs)
        if version.pdf is not None and version.pdf.is_file():
            version.pages = page_count(version.pdf)
            check_pages(app, version)


def page_count(pdf: Path) -> int | None:
    """The PDF's number of pages: its page tree's ``/Count`` where it is in plain sight (as
    Typst writes it), else ``pdfinfo``'s (xdvipdfmx compresses it; TeX comes with poppler)."""
    data = pdf.read_bytes()
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    if counts:
        return max(counts)
    if shutil.which("pdfinfo"):
        result = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=False)
        found = re.search(r"^Pages:\s+(\d+)", result.stdout, re.MULTILINE)
        if found:
            return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) or None


def check_pages(app: Sphinx, version: VersionPdf) -> None:
    """A warning when a version's PDF has more pages than its ``pages`` limit."""
    limit = version.settings.get("pages")
    if limit is None or version.pages is None or version.pages <= limit:
        return
    warn_at(
        app,
        "cv_versions",
        f"the {version.label} PDF ({version.pdf_name}) has {version.pages} pages, over its "
        f"limit of {limit} (cv_versions[{version.name!r}]['pages']); leave out more of it "
        "(tags, 'sections', 'max_publications') or raise the limit",
    )


def finish_pdf_build(app: Sphinx, exception: Exception | None) -> None:
    """Wait for the compiles (if the home page did not) and copy the PDFs into the website."""
    site = _builds.pop(app, None)
    if site is None:
        return
    site.messages.release()
    if exception is not None:
        for version in site.pdfs:
            if version.run is not None:
                version.run.stop()
        return
    wait_for_pdfs(app, site)
    for version in site.pdfs:
        target = Path(app.outdir) / version.pdf_name
        if version.pdf is None or not version.pdf.is_file():
            target.unlink(missing_ok=True)  # a PDF of an earlier build is not this CV
            continue
        try:
            copy_atomically(version.pdf, target)
        except OSError as error:
            warn("the PDF %s could not be copied into the website: %s", version.pdf_name, error)
            continue
        logger.info("sphinx-cv: the website offers the PDF as %s", version.pdf_name)


def copy_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` whole or not at all (a full disk leaves no half PDF)."""
    partial = target.with_name(f".{target.name}.part")
    try:
        partial.write_bytes(source.read_bytes())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    """Register ``cv_pdf_link``, ``cv_pdf_engine`` and the build steps."""
    app.add_config_value("cv_pdf_link", True, "html", types=(bool,))
    app.add_config_value("cv_pdf_engine", DEFAULT_ENGINE, "env", types=(str,))
    app.connect("config-inited", check_engine)
    app.connect("builder-inited", plan_pdf)
    app.connect("env-get-outdated", note_removed)
    # After the environment is pickled and checked: the pages are final.
    app.connect("env-check-consistency", start_after_reading, priority=900)
    app.connect("cv-download", offer_download)
    # Last: the other build-finished work runs while the compiles do.
    app.connect("build-finished", finish_pdf_build, priority=900)
