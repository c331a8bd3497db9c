"""The website offers the PDF: written from the HTML build's own pages, linked from the home page.

With ``cv_pdf_link = True`` (the default) an HTML build (html, dirhtml,
singlehtml) also writes the CV's LaTeX, from the doctrees it has just read
(Sphinx's LaTeX builder on the same environment: nothing is read twice), as
soon as the pages are read; latexmk then compiles it in the background while
the HTML is written, and the PDF is copied into the site when both are done. It
is linked from the download line under the profile on the home page.

Nothing is redone that has not changed: when no page was read again and no
setting changed, the LaTeX is not written; when the written LaTeX (``.tex``
and packages) is the one last compiled, the PDF is not compiled. Both reuse
the PDF kept beside the doctrees (``sphinx_cv_pdf/``).

Without TeX, or when the compile fails, the website is still built and a
warning (type ``cv.pdf``) says why. ``sphinx-build -M latexpdf`` is not affected.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging as std_logging
import re
import shutil
import subprocess
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util._serialise import stable_hash
from sphinx.util.logging import WarningLogRecordTranslator
from sphinx.util.tags import Tags

from ..i18n import _, ngettext
from ..source.config import warn_at
from ..source.versions import configured_version, versions, writing_version
from .compile import LatexRun, missing_tools
from .settings import version_filename, version_paper

logger = logging.getLogger(__name__)

#: How long the website waits for the PDF, in seconds.
TIMEOUT = 600
#: What the last successful compile was made from (beside the doctrees).
STAMP = "compiled.json"


def warn(message: str, *args: object) -> None:
    logger.warning(message, *args, type="cv", subtype="pdf")


def workdir(app: Sphinx) -> Path:
    """Where the PDF is built: beside the doctrees, reused by the next build."""
    return Path(app.doctreedir) / "sphinx_cv_pdf"


class VersionPdf:
    """The PDF of one version (``cv_versions``): its files, its running compile."""

    def __init__(self, app: Sphinx, name: str, main: bool) -> None:
        declared = versions(app.config)
        self.name, self.main = name, main
        self.settings = declared[name]
        self.label = self.settings.get("title") or ("CV" if main else name.capitalize())
        first = next(iter(declared))
        self.tex_name = version_filename(app.config.latex_documents[0][1], name, first)
        # The build's own version where it always was; the others beside it.
        self.work = workdir(app) if main else workdir(app) / name
        self.run: LatexRun | None = None
        self.pdf: Path | None = None
        self.pages: int | None = None
        self.key = self.inputs = ""  # of the running compile, for the stamp

    @property
    def pdf_name(self) -> str:
        return Path(self.tex_name).with_suffix(".pdf").name


class SitePdf:
    """The PDFs of one HTML build (one per version): whether the pages changed."""

    def __init__(self, app: Sphinx, messages: _Messages) -> None:
        self.messages = messages
        self.pages_changed = False
        self.started = False
        self.waited = False
        main = configured_version(app.config)
        self.pdfs = [VersionPdf(app, name, name == main) for name in versions(app.config)]


#: The PDF of each Sphinx application that builds one.
_builds: weakref.WeakKeyDictionary[Sphinx, SitePdf] = weakref.WeakKeyDictionary()


def plan_pdf(app: Sphinx) -> None:
    """On an HTML build, check for TeX: the PDF is built unless it is missing."""
    if app.builder.format != "html" or not app.config.cv_pdf_link:
        return
    missing = missing_tools()
    if missing:
        warn(
            "the website is built without its PDF: %s not installed. Install TeX Live "
            "(Debian: latexmk texlive-xetex texlive-latex-extra fonts-texgyre), or set "
            "cv_pdf_link = False in conf.py to build the website alone",
            " and ".join(missing),
        )
        return
    _builds[app] = SitePdf(app, _Messages(app))


def note_removed(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """A page removed changes the PDF (pages read again are seen later)."""
    if removed and app in _builds:
        _builds[app].pages_changed = True
    return []


def start_after_reading(app: Sphinx, env: BuildEnvironment) -> None:
    """Pages were read: write the LaTeX and start its compile before the HTML is written."""
    site = _builds.get(app)
    if site is not None and not site.started:
        site.pages_changed = True
        start(app, site)


def settings_key(app: Sphinx) -> str:
    """A hash of what reaches the PDF besides the pages: settings, tags, the packages."""
    settings = {item.name: item.value for item in app.config if item.rebuild != "html"}
    tags = sorted(set(app.tags) - _builder_tags(app.builder))
    packages = [path.read_bytes() for path in _sphinx_cv_packages()]
    return stable_hash(
        [stable_hash(settings), tags, hashlib.sha256(b"".join(packages)).hexdigest()]
    )


def _sphinx_cv_packages() -> list[Path]:
    from . import TEXINPUTS_DIR

    return sorted(TEXINPUTS_DIR.glob("*.sty"))


def start(app: Sphinx, site: SitePdf) -> None:
    """Write each version's LaTeX (unless nothing changed) and compile it (unless
    compiled already): at most one compile per version, all in the background."""
    site.started = True
    key = settings_key(app)
    for version in site.pdfs:
        start_version(app, site, version, key)


def start_version(app: Sphinx, site: SitePdf, version: VersionPdf, key: str) -> None:
    work = version.work
    latexdir = work / "latex"
    pdf = latexdir / version.pdf_name
    stamp = _read_stamp(work)
    if not site.pages_changed and stamp.get("settings") == key and pdf.is_file():
        version.pdf = pdf
        return
    try:
        tex = write_latex(app, latexdir, None if version.main else version)
    except Exception as error:  # a LaTeX writer failing must not cost the website
        warn("the PDF for the website (%s) could not be written: %s", version.name, error)
        return
    inputs = inputs_hash(latexdir)
    if stamp.get("inputs") == inputs and pdf.is_file():
        _write_stamp(work, key, inputs)
        version.pdf = pdf
        return
    (work / STAMP).unlink(missing_ok=True)  # until this compile succeeds
    version.inputs, version.key = inputs, key
    version.run = LatexRun(tex)


def inputs_hash(latexdir: Path) -> str:
    """A hash of the files latexmk reads that the LaTeX builder writes."""
    digest = hashlib.sha256()
    for path in sorted(latexdir.iterdir()):
        if path.suffix in {".tex", ".sty", ".cls", ".png", ".jpg", ".jpeg"}:
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


def write_latex(app: Sphinx, outdir: Path, version: VersionPdf | None = None) -> Path:
    """Write the CV's LaTeX into ``outdir`` with Sphinx's LaTeX builder on this build's
    environment; return the ``.tex`` file. With ``version``, that version's LaTeX
    (its filter, file name, paper and tag) instead of the build's own.

    The LaTeX builder stands in for the HTML one while it writes (the builder and
    its tags, so that post-transforms, ``only`` and the event listeners see a
    LaTeX build), working on fresh copies of the pickled doctrees; its progress
    messages are kept out of the HTML build's.
    """
    from . import finish_latex

    outdir.mkdir(parents=True, exist_ok=True)
    html_builder, env, tags, config = app.builder, app.env, list(app.tags), app.config
    documents, elements = config.latex_documents, config.latex_elements
    dropped = set(_builder_tags(html_builder))
    if version is not None:
        dropped.add(configured_version(config))
        start, _, *rest = documents[0]
        config.latex_documents = [(start, version.tex_name, *rest), *documents[1:]]
        if "paper" in version.settings:
            config.latex_elements = {
                **elements,
                "papersize": version_paper(version.settings["paper"]),
            }
    html_tags = app.tags
    kept = [tag for tag in tags if tag not in dropped]  # -t tags stay
    if version is not None:
        kept.append(version.name)  # ``{only} resume`` in that version's PDF
    # A new Tags, not the HTML build's with tags removed: Tags remembers what each
    # ``only`` condition gave, and would give the HTML build's answer again.
    app.tags = Tags(kept)
    try:
        builder = app.registry.create_builder(app, "latex", env)
        builder.outdir = outdir
        app.builder, env._builder_cls = builder, type(builder)
        with _holding(app), writing_version(env, version.name if version else ""):
            builder.init()
            builder.prepare_writing(set(env.found_docs))
            builder.copy_assets()
            builder.write_documents(set())
            builder.finish()
            finish_latex(app, outdir)
    finally:
        app.builder, env._builder_cls = html_builder, type(html_builder)
        config.latex_documents, config.latex_elements = documents, elements
        app.tags = html_tags
    return outdir / (version.tex_name if version else documents[0][1])


def _builder_tags(builder: object) -> set[str]:
    name, fmt = builder.name, builder.format  # type: ignore[attr-defined]
    return {name, fmt, f"format_{fmt}", f"builder_{name}"}


_WARNING_TYPE = re.compile(r"( \[[\w.-]+\])+$")


class _Messages:
    """The LaTeX write's messages: progress lines dropped, warnings held until the
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
            log = version.run.output
            try:
                version.pdf = version.run.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                warn(
                    "the PDF %s took over %d s and was stopped; see %s",
                    version.pdf_name,
                    TIMEOUT,
                    log,
                )
                version.pdf = None
                continue
            except subprocess.CalledProcessError as error:
                warn(
                    "the PDF for the website (%s) could not be built (exit %s); see %s",
                    version.name,
                    error.returncode,
                    log,
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
    """The PDF's number of pages (``pdfinfo``; else its ``/Type /Page`` objects)."""
    if shutil.which("pdfinfo"):
        result = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=False)
        found = re.search(r"^Pages:\s+(\d+)", result.stdout, re.MULTILINE)
        if found:
            return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes())) or None


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
        if version.pdf is None or not version.pdf.is_file():
            continue
        shutil.copyfile(version.pdf, Path(app.outdir) / version.pdf.name)
        logger.info("sphinx-cv: the website offers the PDF as %s", version.pdf.name)


def setup(app: Sphinx) -> None:
    """Register ``cv_pdf_link`` and the build steps; called by ``sphinx_cv.setup``."""
    app.add_config_value("cv_pdf_link", True, "html", types=(bool,))
    app.connect("builder-inited", plan_pdf)
    app.connect("env-get-outdated", note_removed)
    # After the environment is pickled and checked: the pages are final.
    app.connect("env-check-consistency", start_after_reading, priority=900)
    app.connect("cv-download", offer_download)
    # Last: the other build-finished work runs while latexmk does.
    app.connect("build-finished", finish_pdf_build, priority=900)
