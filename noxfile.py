"""Tasks: nox -s html, pdf, resume, live, guide, tests, mutants, lint, rtd and bench (./cv html…).

Each session's environment in ``.nox/`` is made once and reused; its packages
are installed again only when ``pyproject.toml`` changed (the extension itself
is installed editable, so an edit to its code needs no reinstall). ``nox -R``
skips the check, ``nox --reuse-venv=no`` starts afresh.
"""

import hashlib
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2024.10.9"
nox.options.sessions = ["lint", "tests"]
nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"

DOCS = "docs"
BUILD = "docs/_build"
STAMP = ".sphinx-cv-installed"


def install(session: nox.Session, *args: str) -> None:
    """``pip install`` into the session, unless done already for this ``pyproject.toml``."""
    key = hashlib.sha256(Path("pyproject.toml").read_bytes() + repr(args).encode()).hexdigest()
    stamp = Path(session.virtualenv.location) / STAMP
    if stamp.is_file() and stamp.read_text() == key:
        session.log("pyproject.toml unchanged: nothing to install")
        return
    session.install(*args)
    stamp.write_text(key)


@nox.session
def html(session: nox.Session) -> None:
    """Build the website into docs/_build/html."""
    install(session, "-e", ".")
    session.run("sphinx-build", "-b", "html", DOCS, f"{BUILD}/html", *session.posargs)


def cv_versions() -> list[str]:
    """The versions ``docs/conf.py`` declares (``cv_versions``), or the one full CV."""
    import runpy

    return list(runpy.run_path(f"{DOCS}/conf.py").get("cv_versions") or {"cv": {}})


@nox.session(name="html-ko")
def html_ko(session: nox.Session) -> None:
    """Build the Korean CV (docs/locales/ko) into docs/_build/html-ko, its PDF beside it."""
    install(session, "-e", ".")
    session.run(
        "sphinx-build", "-b", "html", "-D", "language=ko", DOCS, f"{BUILD}/html-ko",
        *session.posargs,
    )  # fmt: skip


@nox.session
def gettext(session: nox.Session) -> None:
    """Extract the pages' text into docs/_build/gettext/*.pot, to translate into .po files."""
    install(session, "-e", ".")
    session.run("sphinx-build", "-b", "gettext", DOCS, f"{BUILD}/gettext", *session.posargs)


@nox.session
def pdf(session: nox.Session) -> None:
    """Build every version's PDF, set by Typst, into docs/_build/VERSION/typst.

    ``nox -s pdf -- resume`` builds that version alone; ``-- latex`` builds through LaTeX
    into docs/_build/VERSION/latex instead (it needs xelatex and latexmk); other
    arguments go to sphinx-build.
    """
    install(session, "-e", ".")
    declared = cv_versions()
    chosen = [arg for arg in session.posargs if arg in declared] or declared
    latex = "latex" in session.posargs
    others = [arg for arg in session.posargs if arg not in declared and arg != "latex"]
    for version in chosen:
        out = f"{BUILD}/{version}"
        option = ("-D", f"cv_version={version}")
        if latex:
            session.run("sphinx-build", "-M", "latexpdf", DOCS, out, *option, *others)
        else:
            session.run("sphinx-build", "-b", "typst", DOCS, f"{out}/typst", *option, *others)
        folder = Path(out, "latex" if latex else "typst")
        session.log(f"{version}: {next(folder.glob('*.pdf'))}")


@nox.session
def live(session: nox.Session) -> None:
    """Serve the website (the full CV) at http://127.0.0.1:8000, rebuilt on every saved change.

    The PDF is left out (cv_pdf_link=0) so that a page shows its edit within
    about a second; ``nox -s html`` builds the site with it.
    """
    install(session, "-e", ".[live]")
    session.run(
        "sphinx-autobuild",
        DOCS,
        f"{BUILD}/live",
        "-D",
        "cv_pdf_link=0",
        "--watch",
        "_ext",
        "--watch",
        "references.bib",
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
        *session.posargs,
    )


@nox.session
def rtd(session: nox.Session) -> None:
    """Build as Read the Docs does, warnings as errors, into _readthedocs/html (the PDF inside).

    Read the Docs builds the HTML alone (``formats: []``): that build writes the
    PDF the site links (cv_pdf_link), so the PDF is made once.
    """
    session.install(".")  # not editable, as on Read the Docs: installed afresh each run
    out = Path("_readthedocs")
    shutil.rmtree(out, ignore_errors=True)
    doctrees = f"{BUILD}/doctrees-rtd"
    common = ["-T", "-W", "--keep-going", "-d", doctrees, "-D", "language=en"]
    session.run("python", "-m", "sphinx", *common, "-b", "html", DOCS, str(out / "html"))
    pdfs = sorted((out / "html").glob("*.pdf"))
    if not pdfs:
        session.error("the website was built without its PDF")
    session.log(f"website: {out / 'html'}, PDFs: {', '.join(map(str, pdfs))}")


@nox.session
def resume(session: nox.Session) -> None:
    """Write the JSON Resume export to docs/_build/jsonresume/resume.json."""
    install(session, "-e", ".")
    session.run("sphinx-build", "-b", "jsonresume", DOCS, f"{BUILD}/jsonresume", *session.posargs)


@nox.session
def guide(session: nox.Session) -> None:
    """Build the guide (guide/, sphinx-cv's documentation) into guide/_build/html, warnings as
    errors: its reference is drawn from this checkout's extension, and a directive, option,
    setting or builder it does not describe is a warning."""
    install(session, "-e", ".")
    session.run(
        "sphinx-build", "-W", "--keep-going", "-b", "html", "guide", "guide/_build/html",
        *session.posargs,
    )  # fmt: skip


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (pytest) but the tests marked slow, on every core, a test file to
    a core (its shared builds stay on one). Extra arguments go to pytest: ``-m slow`` runs
    the slow tests alone (minutes: the package installed as a user installs it, the guide's
    commands as written, every setting's rebuild), ``-m ""`` all; ``-n 0`` in this process."""
    install(session, "-e", ".[test]")
    # pytest takes the last -m, so the caller's replaces this one.
    session.run("pytest", "-n", "auto", "--dist", "loadfile", "-m", "not slow", *session.posargs)


@nox.session
def mutants(session: nox.Session) -> None:
    """Would the tests notice a bug? Small bugs made one at a time in a copy of the
    extension (tests/mutants.py: the URL policy, the writers' escaping, the importers'
    mappings), each against its tests; prints "N of M mutants killed" (minutes; not part
    of ``tests``). Arguments go to tests/mutants.py (``./cv mutants --list``, ``./cv mutants
    alt``: those whose name holds "alt"; ``-j 1``: one at a time)."""
    install(session, "-e", ".[test]")
    session.run("python", "tests/mutants.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff; the Read the Docs and GitHub workflow files against their schemas."""
    install(session, "-e", ".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run(
        "check-jsonschema", "--builtin-schema", "vendor.readthedocs",
        ".readthedocs.yaml", "guide/.readthedocs.yaml",
    )  # fmt: skip
    workflows = [str(path) for path in sorted(Path(".github/workflows").glob("*.yml"))]
    session.run("check-jsonschema", "--builtin-schema", "github-workflows", *workflows)
    session.run("actionlint", *workflows)


@nox.session
def bench(session: nox.Session) -> None:
    """Time the builds against plain Sphinx (medians; see benchmarks/bench.py for options)."""
    install(session, "-e", ".")
    session.run("python", "benchmarks/bench.py", *session.posargs)


LIGHTHOUSE = "lighthouse@12.8.2"


#: A CV with what the seed lacks (a photo, a bio, abstracts, previews), audited beside it.
AUDIT_EXAMPLE = "tests/roots/test-landing"


@nox.session
def audit(session: nox.Session) -> None:
    """Lighthouse (mobile) on the built site served gzip-compressed: scores, KiB (needs npm).

    The seed's home, publications and one-page CV, then the same pages of a CV
    with a photo (``tests/roots/test-landing``).
    """
    install(session, "-e", ".")
    session.run("sphinx-build", "-q", "-b", "html", DOCS, f"{BUILD}/html")
    example = f"{BUILD}/audit-example"
    session.run("sphinx-build", "-q", "-b", "html", "-D", "cv_pdf_link=0", AUDIT_EXAMPLE, example)
    prefix = session.cache_dir / "lighthouse"
    npm = ("npm", "install", "--no-audit", "--no-fund", "--prefix", str(prefix), LIGHTHOUSE)
    session.run(*npm, external=True, silent=True)
    binary = str(prefix / "node_modules" / ".bin" / "lighthouse")
    audit_args = ("--lighthouse", binary, *session.posargs)
    for site in (f"{BUILD}/html", example):
        session.log(f"audit of {site}")
        session.run("python", "benchmarks/audit.py", site, *audit_args)
