"""schema.org ``Person`` JSON-LD in the home page's ``<head>``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO_DIR, require_tool

LD_JSON = 'script[type="application/ld+json"]'


def head_scripts(page: Path) -> list:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return soup.head.select(LD_JSON)


@pytest.fixture
def seed_site(make_app, seed_project: Path) -> Path:
    app = make_app("html", srcdir=seed_project)
    app.build()
    return app.outdir


def test_person_keys_and_types(seed_site: Path) -> None:
    (script,) = head_scripts(seed_site / "index.html")
    person = json.loads(script.string)
    assert person["@context"] == "https://schema.org"
    assert person["@type"] == "Person"
    assert person["name"] == "Minhak Song"
    assert person["email"] == "minhaksong@kaist.ac.kr"
    assert person["url"] == "http://songminhak.github.io"
    # Organizations are typed objects with a name (and a url where the entry has one).
    for key in ("affiliation", "alumniOf"):
        assert isinstance(person[key], list)
        for org in person[key]:
            assert org["@type"] in ("Organization", "EducationalOrganization")
            assert isinstance(org["name"], str)
            assert isinstance(org.get("url", ""), str)
    # Open entries are affiliations; ended education makes an alumnus.
    assert [(o["@type"], o["name"]) for o in person["affiliation"]] == [
        ("EducationalOrganization", "Korea Advanced Institute of Science and Technology"),
        ("Organization", "KAIST Optimization & Machine Learning Laboratory"),
    ]
    assert [o["name"] for o in person["alumniOf"]] == [
        "University of California, Berkeley",
        "Korea Science Academy of KAIST",
    ]
    assert len(person["award"]) == 11
    assert all(isinstance(award, str) for award in person["award"])
    assert person["award"][2] == "Korea Presidential Science Scholarship"
    assert set(person) == {
        "@context",
        "@type",
        "name",
        "email",
        "url",
        "affiliation",
        "alumniOf",
        "award",
    }


def test_only_on_the_home_page(seed_site: Path) -> None:
    assert head_scripts(seed_site / "education.html") == []
    assert head_scripts(seed_site / "awards.html") == []


@pytest.mark.sphinx("html", testroot="jsonresume")
def test_profiles_and_markup_in_values(app) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    # A value holding "</script><!--" cannot end the script or open a comment.
    script_text = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script_text
    person = json.loads(script_text)
    # The award's name as the page shows it: "Best `</script><!--` & Award" in Markdown.
    assert "Best </script><!-- & Award" in person["award"]
    assert person["telephone"] == "+44 20 7946 0000"
    assert person["sameAs"][0] == "https://github.com/ada"
    assert len(person["sameAs"]) == 4


@pytest.mark.browser
def test_browser_reads_jsonld_and_follows_link(seed_site: Path) -> None:
    """Chromium parses the JSON-LD and the home page's link opens resume.json."""
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        try:
            page = browser.new_page()
            page.goto((seed_site / "index.html").as_uri())
            person_type = page.evaluate(
                f"JSON.parse(document.head.querySelector('{LD_JSON}').textContent)['@type']"
            )
            assert person_type == "Person"
            page.get_by_role("link", name="JSON Resume").click()
            page.wait_for_url("**/resume.json")
            resume = json.loads(page.inner_text("body"))
        finally:
            browser.close()
    assert resume["basics"]["name"] == "Minhak Song"
    assert len(resume["awards"]) == 11


def sphinx_build(srcdir: Path, outdir: Path) -> str:
    """An incremental ``sphinx-build -b html`` in its own process, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}
    command = [sys.executable, "-m", "sphinx", "-b", "html", str(srcdir), str(outdir)]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def test_incremental_build_updates_the_home_page(seed_project: Path, tmp_path: Path) -> None:
    """An award on a page outside the toctree still reaches the home page's JSON-LD."""
    outdir = tmp_path / "html"
    sphinx_build(seed_project, outdir)
    (seed_project / "extra.md").write_text(
        "---\norphan: true\n---\n\n# Extra\n\n:::{award} Orphan Prize\n:date: 2025\n:::\n",
        encoding="utf-8",
    )
    log = sphinx_build(seed_project, outdir)
    # Changed: the one-page CV (docs/cv.md), which is read again when any page changes.
    assert "1 added, 1 changed, 0 removed" in log
    (script,) = head_scripts(outdir / "index.html")
    assert "Orphan Prize" in json.loads(script.string)["award"]

    # Nothing changed: nothing, the home page included, is written again.
    assert "no targets are out of date" in sphinx_build(seed_project, outdir)
