"""Tasks: ``nox -s html``, ``nox -s pdf``, ``nox -s tests``, ``nox -s lint``, ``nox -s bench``."""

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.default_venv_backend = "venv"

DOCS = "docs"
BUILD = "docs/_build"


@nox.session
def html(session: nox.Session) -> None:
    """Build the website into docs/_build/html."""
    session.install("-e", ".")
    session.run("sphinx-build", "-b", "html", DOCS, f"{BUILD}/html", *session.posargs)


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF into docs/_build/latex (needs TeX Live with xelatex and latexmk)."""
    session.install("-e", ".")
    session.run("sphinx-build", "-M", "latexpdf", DOCS, BUILD, *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (pytest); extra arguments go to pytest."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff: lint and formatting."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def bench(session: nox.Session) -> None:
    """Time the builds against plain Sphinx (medians; see benchmarks/bench.py for options)."""
    session.install("-e", ".")
    session.run("python", "benchmarks/bench.py", *session.posargs)
