"""The ``sphinx-cv`` command: ``sphinx-cv new DIR`` writes a CV project.

::

    sphinx-cv new DIR [--name NAME] [--email EMAIL] [--website URL] [--language LANG]
                      [--from FILE] [--bib FILE]... [--requirement SPEC] [--force]

Without ``--from`` the project is a blank CV with the usual sections, each
showing a commented example entry, titled in ``--language`` (``de``:
Werdegang, Ausbildung, Publikationen, Drittmittel, Lehre, …). ``--from``
imports a JSON Resume or an ORCID record (``.json``), a RenderCV input file
(``.yaml``/``.yml``) or a publication list; ``--bib`` adds a publication list
(BibTeX, PubMed's MEDLINE ``.nbib``, RIS) to ``references.bib``.
``--requirement`` says how the project installs sphinx-cv. The command prints
what it wrote and a line for everything it could not place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from .draft import Draft
from .importers import InputError, bibtex, jsonresume, orcid, rendercv
from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .new import TargetNotEmpty, blank_draft, write_project
from .requirement import this_install

DEFAULT_NAME = "Your Name"


def parser() -> argparse.ArgumentParser:
    """The command line: ``sphinx-cv new`` and its options."""
    top = argparse.ArgumentParser(
        prog="sphinx-cv", description="Start an academic CV as a Sphinx project."
    )
    top.add_argument("--version", action="version", version=f"sphinx-cv {__version__}")
    commands = top.add_subparsers(dest="command", required=True)
    new = commands.add_parser(
        "new",
        help="write a new CV project into DIR",
        description="Write a CV project (docs/, references.bib, noxfile.py, Read the Docs "
        "and GitHub Pages configuration) that builds at once.",
    )
    new.add_argument("directory", type=Path, metavar="DIR", help="the project's folder")
    new.add_argument("--name", help=f"your name (default: asked, or {DEFAULT_NAME!r})")
    new.add_argument("--email", help="your e-mail address")
    new.add_argument("--website", help="your website's address (https://...)")
    new.add_argument(
        "--language",
        choices=LANGUAGES,
        metavar="LANG",
        help="the CV's language: its page titles, dates and words; one of "
        f"{', '.join(LANGUAGES)} (default: asked, or {DEFAULT_LANGUAGE!r})",
    )
    new.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="FILE",
        help="import a JSON Resume or ORCID record (.json), a RenderCV file (.yaml, .yml), "
        "or a publication list (BibTeX, PubMed .nbib, RIS)",
    )
    new.add_argument(
        "--bib",
        type=Path,
        action="append",
        metavar="FILE",
        help="add a publication list to references.bib: BibTeX, PubMed's MEDLINE (.nbib) "
        "or RIS (EndNote, Zotero, Mendeley, Scopus); may be given more than once",
    )
    new.add_argument(
        "--requirement",
        metavar="SPEC",
        help="how the project installs sphinx-cv, as a requirements.txt line "
        "(default: the way this sphinx-cv was installed)",
    )
    new.add_argument("--force", action="store_true", help="write into a folder that is not empty")
    return top


def ask(label: str, default: str) -> str:
    """Ask on the terminal; an empty answer keeps the default."""
    shown = f" [{default}]" if default else ""
    try:
        answer = input(f"{label}{shown}: ").strip()
    except EOFError:
        answer = ""
    return answer or default


def ask_language(default: str) -> str:
    """Ask for the CV's language until the answer is one of :data:`LANGUAGES`."""
    while True:
        answer = ask(f"Language ({', '.join(LANGUAGES)})", default)
        if answer in LANGUAGES:
            return answer
        print(f"  {answer!r} is not one of them", file=sys.stderr)


def make_draft(args: argparse.Namespace, interactive: bool) -> Draft:
    """The draft from the imported file, or a blank CV; options override what it says."""
    language = args.language
    if args.source is None:
        if language is None and interactive:
            language = ask_language(DEFAULT_LANGUAGE)
        draft = blank_draft(DEFAULT_NAME, language or DEFAULT_LANGUAGE)
    else:
        draft = read_source(args.source)
        if language is None and interactive and not draft.language:
            language = ask_language(DEFAULT_LANGUAGE)
        draft.language = language or draft.language or DEFAULT_LANGUAGE
    for path in args.bib or []:
        bibtex.add(draft, path)
    if args.requirement:
        draft.requirement = args.requirement.strip()
    else:
        found = this_install()
        draft.requirement = found.spec
        for line in found.notes:
            draft.note(line)
    for field, label in (("name", "Your name"), ("email", "E-mail"), ("website", "Website")):
        value = getattr(args, field)
        current = draft.name if field == "name" else draft.profile.get(field, "")
        if value is None and interactive and not (args.source and current):
            value = ask(label, current)
        if value is not None:
            if field == "name":
                draft.name = value.strip() or DEFAULT_NAME
            else:
                draft.profile[field] = value.strip()
    draft.name = draft.name or DEFAULT_NAME
    return draft


def read_source(path: Path) -> Draft:
    """The draft from ``--from FILE``: its format told by its suffix, then by its text."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return rendercv.read(path)
    if path.suffix.lower() == ".json":
        return orcid.read(path) if orcid.looks_like(orcid.load(path)) else jsonresume.read(path)
    draft = Draft(name="", source=str(path))
    bibtex.add(draft, path)
    draft.page("Publications").example = []
    return draft


def main(argv: list[str] | None = None) -> int:
    """Run the command; 0 on success, 1 on bad input (said on stderr)."""
    args = parser().parse_args(argv)
    try:
        draft = make_draft(args, interactive=sys.stdin.isatty())
        written = write_project(draft, args.directory, force=args.force)
    except (InputError, TargetNotEmpty) as error:
        print(f"sphinx-cv: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # a question answered with Ctrl-C: nothing written
        print("\nsphinx-cv: stopped; nothing was written", file=sys.stderr)
        return 130
    print(summary(draft, args.directory, written))
    return 0


def summary(draft: Draft, directory: Path, written: list[Path]) -> str:
    """What was written, what each page holds, and the report's lines."""
    counts = draft.count()
    lines = [
        f"Wrote {len(written)} files into {directory}/ for {draft.name}"
        + (f", imported from {draft.source}" if draft.source else "")
        + ":",
        f"  {len(draft.pages)} section pages, {counts['timeline']} timeline entries, "
        f"{counts['award']} awards, {counts['keywords']} skill and interest groups, "
        f"{counts['bib']} bib entries",
    ]
    if draft.report:
        lines += ["", "Report (what was changed or left out, and why):"]
        lines += [f"  - {line}" for line in draft.report]
    lines += [
        "",
        "Next:",
        f"  cd {directory}",
        "  ./cv html      # the website, with the PDF, in docs/_build/html/",
        "  (README.md in the project says how to edit and publish it)",
    ]
    return "\n".join(lines)
