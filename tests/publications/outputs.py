"""Build a CV once per output and read its publications as a reader sees them.

Shared by the tests of the field roots (the astronomer's, the humanist's, the
clinician's) and of the files collected from the wild: the HTML list items, the
PDF's text (``pdftotext``), the text builder's page and ``resume.json``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_app, compile_pdf, require_tool
from sphinx.testing.util import SphinxTestApp

#: What must not be left in a publication as shown: a TeX command, a math delimiter.
LEFT_TEX = re.compile(r"\\[A-Za-z]+|\$(?!\d)")
#: An author list's "and others" or "and et al." printed as written.
AND_OTHERS = re.compile(r"\band (?:others|et al\.?)(?=[,.;]|$)", re.MULTILINE)


def build(root: Path, builder: str, tmp: Path, **confoverrides) -> SphinxTestApp:
    """Build a copy of ``root`` with ``builder`` (the website without its PDF)."""
    srcdir = tmp / "src"
    if not srcdir.exists():
        shutil.copytree(root, srcdir)
    return build_app(builder, srcdir, **{"cv_pdf_link": False, **confoverrides})


def folded(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Item:
    """One publication on the website: its number, text, bold parts and links."""

    label: str
    text: str
    bold: list[str]
    hrefs: list[str]


def website_items(app: SphinxTestApp, page: str) -> list[Item]:
    """The publications of a page as a visitor reads them (without the toggles)."""
    html = (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")
    items = []
    for li in BeautifulSoup(html, "html.parser").select("li.cv-publication"):
        for toggle in li.select("details"):
            toggle.decompose()  # the BibTeX to copy is the .bib as written, on purpose
        label = li.select_one(".cv-publication-label").get_text()
        bold = [folded("".join(_shown_strings(b))) for b in li.find_all("strong")]
        hrefs = [a["href"] for a in li.find_all("a", href=True)]
        text = f"{label} {folded(li.find('p').get_text())}"
        items.append(Item(label, text, bold, hrefs))
    return items


def website_fixtures(root: Path, page: str):
    """Module fixtures ``html`` (the website built once) and ``items`` (``page``'s
    publications): ``html, items = website_fixtures(ROOT, "publications")``."""

    @pytest.fixture(scope="module")
    def html(tmp_path_factory):
        return build(root, "html", tmp_path_factory.mktemp("html"))

    @pytest.fixture(scope="module")
    def items(html):
        return website_items(html, page)

    return html, items


def _shown_strings(element) -> list[str]:
    """The strings of an element a reader sees (a badge's parentheses are hidden)."""
    return [t for t in element.find_all(string=True) if "cv-paren" not in t.parent.get("class", [])]


def pdf_of(root: Path, tmp: Path, **confoverrides) -> tuple[str, str, SphinxTestApp]:
    """The PDF's text (``pdftotext -layout``), the LaTeX source, and the LaTeX build."""
    require_tool("pdftotext")
    app = build(root, "latex", tmp, **confoverrides)
    tex = Path(app.outdir) / app.config.latex_documents[0][1]
    pdf = compile_pdf(tex)
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return text, tex.read_text(encoding="utf-8"), app


def pdf_entries(text: str) -> list[str]:
    """The PDF's publications, one string each, from its ``[N]`` labels on (without the
    page numbers, alone on their lines)."""
    flat = folded(re.sub(r"^\s*[0-9]+\s*$", "", text, flags=re.MULTILINE))
    parts = re.split(r"(?:^| )(\[\d+\]) ", flat)
    return [f"{parts[i]} {parts[i + 1]}" for i in range(1, len(parts) - 1, 2)]


def resume_publications(root: Path, tmp: Path, **confoverrides) -> list[dict]:
    app = build(root, "jsonresume", tmp, **confoverrides)
    resume = json.loads((Path(app.outdir) / "resume.json").read_text(encoding="utf-8"))
    return resume.get("publications", [])


def strings(value) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []
