"""CVs for the benchmark: a synthetic CV of any size, and the plain twin of a CV.

The *plain twin* has the same content written without the extension: each
``timeline``/``award``/``profile`` directive becomes ordinary Markdown (a bold
title with its dates, a line of details, the body), and conf.py loads only
myst_parser and sphinxcontrib.bibtex, so the bibliography uses that
extension's default style. Building both measures what the extension costs.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

#: A directive block: its name, argument, option lines and body.
_BLOCK = re.compile(
    r"^:::\{(?P<name>timeline|award|profile)\}[ \t]*(?P<title>[^\n]*)\n"
    r"(?P<options>(?::[a-z]+:[^\n]*\n)*)"
    r"(?P<body>.*?)^:::[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_OPTION = re.compile(r"^:(?P<key>[a-z]+):[ \t]*(?P<value>[^\n]*)$", re.MULTILINE)

VENUES = [
    ("International Conference on Learning Representations", "ICLR"),
    ("Neural Information Processing Systems", "NeurIPS"),
    ("International Conference on Machine Learning", "ICML"),
    ("Conference on Learning Theory", "COLT"),
]
WORDS = [
    "gradient",
    "descent",
    "stability",
    "edge",
    "sharpness",
    "attention",
    "transformer",
    "optimization",
    "bifurcation",
    "theory",
    "dynamics",
    "implicit",
    "bias",
    "subspace",
    "curvature",
    "learning",
    "rate",
    "convergence",
    "landscape",
    "scaling",
    "generalization",
]
PLACES = ["Daejeon, South Korea", "Berkeley, United States", "Zürich, Switzerland"]


def plain_markdown(text: str) -> str:
    """The page with every extension directive written as ordinary Markdown."""

    def replace(match: re.Match) -> str:
        options = {m["key"]: m["value"].strip() for m in _OPTION.finditer(match["options"])}
        title = match["title"].strip()
        if match["name"] == "profile":
            return " · ".join([f"**{title}**", *options.values()]) + "\n"
        if options.get("url"):
            title = f"[{title}]({options['url']})"
        details = [options[k] for k in ("role", "location", "issuer") if options.get(k)]
        lines = [f"**{title}** ({options.get('date', '')})"]
        if details:
            lines.append(", ".join(details))
        return "  \n".join(lines) + "\n\n" + match["body"].strip() + "\n"

    return _BLOCK.sub(replace, text)


def plain_twin(project: Path, twin: Path) -> None:
    """Copy ``project`` (docs/ and references.bib) to ``twin``, written without the extension."""
    shutil.copytree(project, twin, ignore=shutil.ignore_patterns("_build"))
    for page in (twin / "docs").glob("*.md"):
        page.write_text(plain_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
    conf = twin / "docs" / "conf.py"
    text = conf.read_text(encoding="utf-8")
    text, count = re.subn(
        r"^extensions = .*$",
        'extensions = ["myst_parser", "sphinxcontrib.bibtex"]',
        text,
        flags=re.MULTILINE,
    )
    assert count == 1, "conf.py has no one-line 'extensions = [...]'"
    conf.write_text(text, encoding="utf-8")


def _title(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _date(rng: random.Random) -> str:
    year = rng.randint(1990, 2024)
    start = f"{year}-{rng.randint(1, 12):02d}"
    end = rng.choice(["present", str(year + rng.randint(1, 4)), ""])
    return f"{start} -- {end}" if end else start


def synthetic_cv(seed_project: Path, target: Path, papers: int, entries: int, awards: int) -> None:
    """A CV like the seed (its conf.py) with ``papers`` publications, ``entries``
    timeline entries over three pages and ``awards`` awards, all made up but fixed."""
    rng = random.Random(f"{papers}-{entries}-{awards}")
    docs = target / "docs"
    docs.mkdir(parents=True)
    shutil.copy(seed_project / "docs" / "conf.py", docs / "conf.py")

    bib = []
    for number in range(papers):
        venue, abbr = rng.choice(VENUES)
        authors = " and ".join(
            rng.choice(["Song, Minhak", "Yun, Chulhee", "Ahn, Kwangjun", "Kowalski, Łukasz"])
            for _ in range(rng.randint(1, 5))
        )
        bib.append(
            f"@inproceedings{{paper{number},\n  title = {{{_title(rng, 8)}}},\n"
            f"  author = {{{authors}}},\n  booktitle = {{{venue}}},\n  abbr = {{{abbr}}},\n"
            f"  year = {{{rng.randint(2015, 2025)}}},\n  eprint = {{2310.{number:05d}}},\n"
            f"  archiveprefix = {{arXiv}},\n}}\n"
        )
    (target / "references.bib").write_text("\n".join(bib), encoding="utf-8")

    pages = {"education": "Education", "experience": "Experience", "activities": "Activities"}
    for index, (page, heading) in enumerate(pages.items()):
        blocks = [f"# {heading}\n"]
        for _ in range(index, entries, len(pages)):
            blocks.append(
                f":::{{timeline}} {_title(rng, 4)}\n:date: {_date(rng)}\n"
                f":role: {_title(rng, 3)}\n:location: {rng.choice(PLACES)}\n"
                f":url: https://example.org/{rng.randint(1, 10**6)}\n\n"
                f"- {_title(rng, 10)}\n- {_title(rng, 6)}\n:::\n"
            )
        (docs / f"{page}.md").write_text("\n".join(blocks), encoding="utf-8")
    blocks = ["# Awards\n"]
    for _ in range(awards):
        blocks.append(
            f":::{{award}} {_title(rng, 4)}\n:date: {rng.randint(2000, 2025)}\n"
            f":issuer: {_title(rng, 2)}\n\n{_title(rng, 9)}\n:::\n"
        )
    (docs / "awards.md").write_text("\n".join(blocks), encoding="utf-8")
    (docs / "publications.md").write_text(
        "# Publications\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8"
    )
    toctree = "\n".join([*pages, "awards", "publications"])
    (docs / "index.md").write_text(
        f"# A. Synthetic\n\n:::{{profile}} A. Synthetic\n:email: a@example.org\n:::\n\n"
        f"```{{toctree}}\n{toctree}\n```\n",
        encoding="utf-8",
    )
