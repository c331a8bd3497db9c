"""``sphinx-cv new``: write a :class:`~sphinx_cv.cli.draft.Draft` as a CV project.

The project: ``docs/`` (``conf.py``, ``index.md`` with the profile and the list
of sections, one page per section), ``references.bib``, ``requirements.txt``,
``noxfile.py``, ``.readthedocs.yaml``, ``.github/workflows/pages.yml``,
``README.md`` and ``.gitignore``. Fixed files come from ``templates/``.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from string import Template

from ..source.records import TIMELINE_KINDS
from . import markdown as md
from .draft import Bibliography, Block, Draft, Entry, Keywords, Page, Text
from .languages import (
    DATE_FORMATS,
    DEFAULT_LANGUAGE,
    example_date,
    section_titles,
    spoken_example,
    with_apt_packages,
)
from .requirement import this_install

TEMPLATES = Path(__file__).parent / "templates"

#: Template file → where it goes in the project.
FIXED_FILES = {
    "noxfile.py.txt": "noxfile.py",
    "readthedocs.yaml": ".readthedocs.yaml",
    "pages.yml": ".github/workflows/pages.yml",
    "gitignore.txt": ".gitignore",
    # The repository's own ./cv: nox in .venv/, for a Python that pip may not install into.
    "cv.txt": "cv",
}
#: Files written executable.
EXECUTABLES = ("cv",)

#: Talks are their own kind once the extension has it.
TALK_KIND = "talk" if "talk" in TIMELINE_KINDS else "activity"

BIB_HEADER = """\
% The publication list: every entry here is shown on the publications page,
% newest first. Besides the usual fields the CV style reads abbr (the venue's
% abbreviation), addendum, author+an (1=equal; 2=equal marks equal contribution),
% url, eprint + archiveprefix = {arXiv}, doi, pdf, code and slides.
"""
#: The example paper, shown on the publications page (a bib file has no comments
#: that may hold an entry: pybtex reads an "@" even after a "%").
BIB_EXAMPLE = [
    "Add your papers to references.bib, one entry each, like this one:",
    "",
    "@article{doe2024example,",
    "  title   = {An Example Paper},",
    "  author  = {Doe, Jane and Roe, Richard},",
    "  journal = {Journal of Examples},",
    "  year    = {2024},",
    "  doi     = {10.1000/example},",
    "}",
]


EXAMPLE_NOTE = "An example entry: remove the % at the start of each line to use it."


class TargetNotEmpty(Exception):
    """The target folder exists and holds files (``--force`` writes anyway)."""


def blank_draft(name: str, language: str = DEFAULT_LANGUAGE) -> Draft:
    """A new CV: the owner's profile and the usual sections, each with a commented example,
    titled in ``language`` ("Werdegang", "Publikationen", …)."""
    draft = Draft(name=name, language=language)
    examples: dict[str, list[Block]] = {
        "Education": [
            Entry(
                "timeline",
                "University of Somewhere",
                example_date(language, "Education", "2020-09 -- present"),
                {"role": "Ph.D. in Physics", "location": "Somewhere, Country", "kind": "education"},
                bullets=["Advisor: Prof. Jane Doe"],
            )
        ],
        "Experience": [
            Entry(
                "timeline",
                "Institute of Examples",
                example_date(language, "Experience", "2019-06 -- 2019-08"),
                {"role": "Research Intern", "location": "City"},
                bullets=["What you did, in one line"],
            )
        ],
        "Publications": [],
        "Grants": [
            Entry(
                "award",
                "Title of the Funded Project",
                "2023 -- 2026",
                {"issuer": "Funding Agency"},
                paragraphs=["The amount, and what it pays for"],
            )
        ],
        "Teaching": [
            Entry(
                "timeline",
                "Seminar: Title of the Course",
                example_date(language, "Teaching", "2024 Spring"),
                {"role": "University of Somewhere", "kind": "activity"},
            )
        ],
        "Talks": [
            Entry(
                "timeline",
                "Title of the Talk",
                "2024-05-14",
                {"role": "Invited talk, Some Conference", "kind": TALK_KIND},
            )
        ],
        "Awards": [
            Entry(
                "award",
                "Best Paper Award",
                "2023",
                {"issuer": "Some Conference"},
                paragraphs=["For the paper on examples"],
            )
        ],
        "Skills": [
            Keywords("skills", [spoken_example(language)]),
            Keywords("interests", items=["Optimization", "Statistics"]),
        ],
    }
    for section, title in section_titles(language):
        page = draft.page(title, fallback=section)
        blocks = examples[section]
        if blocks:
            lines = [EXAMPLE_NOTE]
            for block in blocks:
                lines += [*([""] if len(lines) > 1 else []), *block_lines(block, plain=True)]
        else:
            page.blocks.append(Bibliography())
            lines = BIB_EXAMPLE
        page.example = md.commented(lines)
    return draft


# -- Markdown -------------------------------------------------------------------


def inline(text: str, plain: bool) -> str:
    """One line of inline Markdown from imported text (:func:`~.markdown.imported`)."""
    return md.imported(text, markdown=not plain)


def block_lines(block: Block, plain: bool) -> list[str]:
    """The Markdown lines of one block."""
    if isinstance(block, Entry):
        return entry_lines(block, plain)
    if isinstance(block, Keywords):
        return keyword_lines(block, plain)
    if isinstance(block, Bibliography):
        options = [] if block.keys is None else [f":filter: key in {_set(block.keys)}"]
        return ["```{bibliography}", *(options or [":all:"]), "```"]
    return text_lines(block, plain)


def entry_lines(entry: Entry, plain: bool) -> list[str]:
    options = [("date", entry.date)]
    for name, value in entry.options.items():
        # Web addresses and kinds are values, not text to show: never escaped.
        options.append((name, value if name in ("url", "kind") else inline(value, plain)))
    body = text_lines(Text(entry.paragraphs, entry.bullets), plain)
    return md.directive(entry.directive, inline(entry.title, plain), options, body)


def keyword_lines(block: Keywords, plain: bool) -> list[str]:
    body = [
        f"- **{inline(label, plain)}:** {_join(items, plain)}"
        for label, items in block.groups
        if items
    ]
    if block.items:
        body += ([""] if body else []) + [md.block_safe(_join(block.items, plain, "; "))]
    return md.directive(block.directive, "", [], body)


def _join(items: list[str], plain: bool, separator: str = "") -> str:
    """Items as the directive splits them: by ``;`` when one has a comma, else ``,``."""
    separator = separator or ("; " if any("," in item for item in items) else ", ")
    return separator.join(inline(item, plain) for item in items if md.one_line(item))


def text_lines(text: Text, plain: bool) -> list[str]:
    """Paragraphs, then a list: imported text by :func:`~.markdown.imported`'s rule;
    Markdown the importer wrote itself (``text.markdown``) as it is, on one line each."""

    def line(value: str) -> str:
        if text.markdown:
            return md.block_safe(md.one_line(value))
        return md.paragraph(value, plain=plain)

    lines: list[str] = []
    for paragraph in text.paragraphs:
        if md.one_line(paragraph):
            lines += [*([""] if lines else []), line(paragraph)]
    if text.bullets:
        items = [f"- {line(item)}" for item in text.bullets if md.one_line(item)]
        if text.numbered:
            items = [f"1. {item[2:]}" for item in items]
        lines += [*([""] if lines else []), *items]
    return lines


def _set(keys: list[str]) -> str:
    return "{" + ", ".join(f'"{key}"' for key in keys) + "}"


def page_text(page: Page, plain: bool) -> str:
    lines = [f"# {inline(page.title, plain)}"]
    for block in page.blocks:
        if isinstance(block, Keywords) and not (block.items or any(i for _, i in block.groups)):
            continue  # an empty skills block would only warn
        lines += ["", *block_lines(block, plain)]
    if page.example:
        lines += ["", *page.example]
    return "\n".join(lines) + "\n"


def index_text(draft: Draft) -> str:
    profile = [(field, value) for field, value in draft.profile.items() if value]
    lines = [f"# {inline(draft.name, draft.plain)}", ""]
    lines += md.directive("profile", inline(draft.name, draft.plain), profile, [])
    intro = text_lines(draft.intro, draft.plain)
    if intro:
        lines += ["", *intro]
    lines += ["", "```{toctree}", ":maxdepth: 1", "", *(page.slug for page in draft.pages), "```"]
    return "\n".join(lines) + "\n"


# -- the project ----------------------------------------------------------------


def project_files(draft: Draft) -> dict[str, str]:
    """Every file of the project, by its path relative to the project's folder."""
    year = datetime.date.today().year
    values = {
        "heading": md.paragraph(f"{draft.name}'s CV"),
        "project": repr(md.one_line(draft.name)),
        "copyright": repr(f"{year}, {md.one_line(draft.name)}"),
        "html_baseurl": repr(draft.html_baseurl),
        "language": repr(draft.language or DEFAULT_LANGUAGE),
        "settings": "\n".join(language_settings(draft)),
        "requirement": draft.requirement or this_install().spec,
    }
    files = {
        "docs/conf.py": _template("conf.py.txt", values) + imported_settings(draft),
        "docs/index.md": index_text(draft),
        "references.bib": BIB_HEADER + ("\n" + draft.bib if draft.bib else ""),
        "requirements.txt": _template("requirements.txt.txt", values),
        "README.md": _template("README.md.txt", values),
    }
    for page in draft.pages:
        files[f"docs/{page.slug}.md"] = page_text(page, draft.plain)
    for template, target in FIXED_FILES.items():
        files[target] = (TEMPLATES / template).read_text(encoding="utf-8")
    pages, readthedocs = ".github/workflows/pages.yml", ".readthedocs.yaml"
    files[pages], files[readthedocs] = with_apt_packages(
        files[pages], files[readthedocs], draft.language
    )
    return files


def imported_settings(draft: Draft) -> str:
    """conf.py's last lines: the settings the imported file gave (values written by repr)."""
    # The date format is written with the language's settings (language_settings).
    settings = {name: value for name, value in draft.conf.items() if name != "cv_date_format"}
    if not settings:
        return ""
    lines = [f"{name} = {value!r}" for name, value in settings.items()]
    return (
        f"\n# -- Read from {md.one_line(draft.source)!r} ------------\n" + "\n".join(lines) + "\n"
    )


def language_settings(draft: Draft) -> list[str]:
    """conf.py's date settings: set where the import or the language says, else shown
    commented, for the language's own words and forms ("heute", "März 2020")."""
    label = draft.present_label
    month = draft.conf.get("cv_date_format") or DATE_FORMATS.get(draft.language)
    return [
        f"cv_present_label = {label!r}  # how an open span ends"
        if label
        else '# cv_present_label = "Current"  # how an open span ends; unset: the language\'s word',
        f"cv_date_format = {month!r}  # how a month is shown, as the language's CVs do"
        if month
        else '# cv_date_format = "%B %Y"  # how a month is shown; unset: the language\'s form',
    ]


def _template(name: str, values: dict[str, str]) -> str:
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)


def write_project(draft: Draft, target: Path, force: bool = False) -> list[Path]:
    """Write the project into ``target``; refuse a non-empty folder unless ``force``.

    Nothing is written through a link: a file that is a link is replaced by
    the file (the link's target is left alone), and a folder that is a link,
    or a file where a folder belongs, stops the command before anything is
    written. Each file ``force`` replaces is named in the report.
    """
    target = Path(target)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise TargetNotEmpty(f"{target} is {_what(target)}; name a folder (new or empty)")
    if target.exists() and any(target.iterdir()) and not force:
        raise TargetNotEmpty(f"{target} exists and is not empty; use --force to write into it")
    files = {relative: text.encode("utf-8") for relative, text in project_files(draft).items()}
    files.update(draft.files)
    for relative in files:
        for parent in list(Path(relative).parents)[:-1]:
            folder = target / parent
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                raise TargetNotEmpty(
                    f"{folder} is {_what(folder)}; sphinx-cv new writes {relative} only into "
                    "a folder of the project: move it away, or name another folder"
                )
    written, replaced = [], []
    for relative, data in files.items():
        path = target / relative
        if path.is_symlink():
            replaced.append(f"{relative} (a link to {os.readlink(path)}, which is left alone)")
            path.unlink()
        elif path.is_dir():
            raise TargetNotEmpty(f"{path} is a folder where sphinx-cv new writes a file")
        elif path.exists() and path.read_bytes() != data:
            replaced.append(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if relative in EXECUTABLES:
            path.chmod(0o755)
        written.append(path)
    if replaced:
        draft.note(f"--force: replaced what was there: {', '.join(replaced)}")
    return written


def _what(path: Path) -> str:
    """What is at ``path`` where a folder belongs: a link, or a file."""
    return f"a link (to {os.readlink(path)})" if path.is_symlink() else "a file"
