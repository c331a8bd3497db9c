"""Hostile input to ``sphinx-cv new`` (issue 26): generated files are data, imported text is text.

The cases of the issue, each as a user would meet it: a name that would run
code in ``conf.py``, roles that would publish a file, HTML that would reach
the page, files that would exhaust memory or crash the reader, ``--force``
writing through a link. Two projects, one RenderCV file and one JSON Resume
holding every case, are imported and built once; the tests read those builds.
The property tests at the end feed generated shapes and text through both
importers.
"""

from __future__ import annotations

import ast
import json
import os
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import build_app, warning_lines
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from sphinx_cv.cli import main

#: A name that closed conf.py's docstring and ran a command, before.
EVIL_NAME = 'Eve"""; __import__(\'os\').system(\'touch PWNED\'); """ \\N ${{ secrets.X }}'
ROLE = "{download}`../../secret.txt`"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"

RENDERCV = {
    "cv": {
        "name": 'Ann "A" & Co_1 #2 % {download}`x`',
        "headline": f"Headline {SCRIPT}",
        "location": IMG,
        "social_networks": [{"network": "Mastodon", "username": f"{ROLE}@evil.example"}],
        "custom_connections": [
            {"placeholder": "Site", "url": f'https://example.org/a>"{SCRIPT}'},
            {"placeholder": "Bad", "url": "javascript:alert(3)"},
        ],
        "sections": {
            "summary": [f"First paragraph {IMG}.\n\nSecond paragraph.", "<!-- hide"],
            "search": ["A section named search."],
            "genindex": ["A section named genindex."],
            "experience": [
                {
                    "company": f"Company {ROLE}",
                    "position": f"Position {SCRIPT}",
                    "start_date": "2020-01",
                    "highlights": f"One highlight, not a list {ROLE}",
                    "summary": {"a": "mapping where a text belongs"},
                },
                {"company": "Later Company", "position": "After the comment", "date": "2020-02-30"},
            ],
            "skills": [{"label": "Tools", "details": f"{ROLE}, [link](file.txt), **bold**"}],
            "publications": [
                {"title": "Paper", "authors": "Alice Example", "date": "2021", "journal": "J"}
            ],
        },
    }
}

JSON_RESUME = {
    "basics": {
        "name": EVIL_NAME,
        "summary": f"About {ROLE} {IMG}",
        "profiles": [
            {"network": "Mastodon", "username": "m", "url": f'https://m.example/@m>"{SCRIPT}'}
        ],
    },
    "work": [{"name": "Work", "position": IMG, "startDate": "2019", "highlights": ["<!-- x"]}],
    "presentations": [{"name": {"a": 1}, "event": "Event", "date": "2020"}],
    "certificates": [{"name": "Certificate", "issuer": "The Issuer", "date": "2020"}],
    "meta": {"canonical": "javascript://%0aalert(1)//resume.json"},
}


def run(*args: str | Path) -> tuple[int, str, str]:
    """``sphinx-cv ARGS`` in this process: exit status, stdout, stderr."""
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main([str(arg) for arg in args])
    return status, out.getvalue(), err.getvalue()


def imported(tmp: Path, name: str, document: dict, *options: str) -> tuple[Path, str]:
    """Write ``document`` as ``name``, import it into ``tmp/cv``; the project and report."""
    source = tmp / name
    if name.endswith(".json"):
        source.write_text(json.dumps(document), encoding="utf-8")
    else:
        source.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    status, out, err = run("new", tmp / "cv", "--from", source, "--language", "en", *options)
    assert status == 0, err
    return tmp / "cv", out


@pytest.fixture(scope="module")
def rendercv_build(tmp_path_factory):
    """The hostile RenderCV file imported and built (website with its PDF): project,
    report, output folder, warnings."""
    project, report = imported(tmp_path_factory.mktemp("rendercv"), "cv.yaml", RENDERCV)
    app = build_app("html", project / "docs")
    return project, report, Path(app.outdir), warning_lines(app)


@pytest.fixture(scope="module")
def jsonresume_build(tmp_path_factory):
    project, report = imported(tmp_path_factory.mktemp("jsonresume"), "r.json", JSON_RESUME)
    app = build_app("html", project / "docs", cv_pdf_link=False)
    return project, report, Path(app.outdir), warning_lines(app)


# -- Markdown: what a page may hold -------------------------------------------------------

_MYST = create_md_parser(MdParserConfig(enable_extensions={"colon_fence"}), RendererHTML)
#: The directives sphinx-cv new writes; any other would be imported text read as one.
OUR_DIRECTIVES = {"profile", "timeline", "award", "skills", "interests", "bibliography", "toctree"}


def unsafe_markdown(text: str) -> list[str]:
    """What in a page an imported value could have made: roles, HTML, other directives,
    targets, links to anything but the web and e-mail. Directive bodies are read too."""
    found = []
    for token in _MYST.parse(text):
        if token.type in ("html_block", "myst_target", "myst_block_break"):
            found.append(f"{token.type}: {token.content!r}")
        if token.type in ("fence", "colon_fence"):
            name = token.info.strip().partition("}")[0].lstrip("{")
            if name not in OUR_DIRECTIVES:
                found.append(f"directive {token.info!r}")
            body = [line for line in token.content.splitlines() if not line.startswith(":")]
            found += unsafe_markdown("\n".join(body)) if name != "toctree" else []
        for child in token.children or []:
            if child.type in ("myst_role", "html_inline", "math_inline"):
                found.append(f"{child.type}: {child.content!r}")
            href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
            web = href.startswith(("https://", "http://", "mailto:"))
            if child.type == "link_open" and not web:
                found.append(f"link to {href!r}")
    return found


def pages(project: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in (project / "docs").glob("*.md")}


def test_unsafe_markdown_sees_each_way_in():
    """The checker itself: each thing it must find, found."""
    text = f"{ROLE}\n\n{SCRIPT}\n\n(t)=\n\n[f](file.txt)\n\n:::{{note}}\nx\n:::\n\n<!-- c\n"
    assert len(unsafe_markdown(text)) == 6


# -- 1. generated files are data ----------------------------------------------------------


def conf_values(project: Path) -> dict[str, object]:
    """conf.py's assignments, read without running it; it must be plain data and one ``if``."""
    tree = ast.parse((project / "docs/conf.py").read_text(encoding="utf-8"))
    values = {}
    for node in tree.body:
        assert isinstance(node, ast.Assign | ast.If | ast.Expr), ast.dump(node)
        if isinstance(node, ast.Expr):
            assert isinstance(node.value, ast.Constant), ast.dump(node)  # the docstring only
        if isinstance(node, ast.Assign):
            values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


@pytest.mark.parametrize("name", [EVIL_NAME, "A\nB", "C:\\Users\\N", '"""', "'''", "\\"])
def test_a_name_is_data_in_conf_py_and_readme(tmp_path, name):
    status, _, err = run("new", tmp_path / "cv", "--name", name, "--language", "en")
    assert status == 0, err
    expected = " ".join(name.split())
    assert conf_values(tmp_path / "cv")["project"] == expected
    assert conf_values(tmp_path / "cv")["html_title"] == expected
    heading = (tmp_path / "cv/README.md").read_text(encoding="utf-8").splitlines()[0]
    assert unsafe_markdown(heading) == []
    assert heading.startswith("# ")
    assert not (tmp_path / "PWNED").exists()
    assert not Path("PWNED").exists()


def test_a_name_from_each_importer_is_data(rendercv_build, jsonresume_build):
    assert conf_values(jsonresume_build[0])["project"] == " ".join(EVIL_NAME.split())
    assert conf_values(rendercv_build[0])["project"] == RENDERCV["cv"]["name"]
    workflow = (jsonresume_build[0] / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "secrets.X" not in workflow


# -- 2, 4, 5, 15: imported text is text ------------------------------------------------------


def test_imported_pages_hold_no_role_html_or_directive(rendercv_build, jsonresume_build):
    for project in (rendercv_build[0], jsonresume_build[0]):
        for name, text in pages(project).items():
            assert unsafe_markdown(text) == [], name


def test_no_file_is_published_and_no_html_reaches_the_page(rendercv_build):
    _, _, out, warnings = rendercv_build
    assert not (out / "_downloads").exists()
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page.name
        assert "<img src=x" not in html, page.name
        assert "javascript:" not in html, page.name
    assert [line for line in warnings if "secret" in line or "download" in line] == []


def test_the_texts_show_as_written(rendercv_build):
    out = rendercv_build[2]
    experience = BeautifulSoup((out / "experience.html").read_text(encoding="utf-8"), "html.parser")
    titles = [" ".join(n.get_text().split()) for n in experience.select(".cv-entry-title")]
    assert titles == [f"Company {ROLE}", "Later Company"]
    roles = [n.get_text() for n in experience.select(".cv-entry-role")]
    assert roles == [f"Position {SCRIPT}", "After the comment"]
    assert [li.get_text() for li in experience.select(".cv-entry-body li")] == [
        f"One highlight, not a list {ROLE}"
    ]
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"Headline {SCRIPT}" in index.get_text()
    links = {a.get_text(): a["href"] for a in index.select("article a[href^='https://']")}
    assert links["Site"] == "https://example.org/a%3E%22%3Cscript%3Ealert(1)%3C/script%3E"
    skills = BeautifulSoup((out / "skills.html").read_text(encoding="utf-8"), "html.parser")
    assert f"{ROLE}, [link](file.txt)" in skills.get_text()
    assert [b.get_text() for b in skills.select("article strong")][-1] == "bold"


def test_a_comment_start_hides_nothing(rendercv_build):
    """``<!--`` in a text entry once hid every later entry on its page and in resume.json."""
    out = rendercv_build[2]
    summary = BeautifulSoup((out / "summary.html").read_text(encoding="utf-8"), "html.parser")
    paragraphs = [p.get_text() for p in summary.select("article p")]
    # Sphinx's smart quotes make "--" an en dash, in this text as in any.
    assert paragraphs[-3:] == [f"First paragraph {IMG}.", "Second paragraph.", "<!\u2013 hide"]
    resume = json.loads((out / "resume.json").read_text(encoding="utf-8"))
    assert [job["name"] for job in resume["work"]] == [f"Company {ROLE}", "Later Company"]


def test_sections_named_as_sphinx_pages_keep_their_own(rendercv_build):
    project, _, out, _ = rendercv_build
    assert {"search-2.md", "genindex-2.md"} <= set(pages(project))
    assert "A section named search." in (out / "search-2.html").read_text(encoding="utf-8")
    assert "A section named genindex." in (out / "genindex-2.html").read_text(encoding="utf-8")


def test_wrong_shapes_are_read_or_reported(rendercv_build):
    project, report, out, _ = rendercv_build
    assert (
        "cv.sections.experience[0].highlights: a text where a list belongs, read as a list of one"
        in report
    )
    assert (
        "cv.sections.experience[0].summary: a mapping where a text belongs; left out: "
        "{'a': 'mapping where a text belongs'}" in report
    )
    bib = (project / "references.bib").read_text(encoding="utf-8")
    assert "author = {Alice Example}" in bib
    assert "cv.sections.experience[1]: date '2020-02-30' kept as written; the build warns" in report
    assert "mapping where a text belongs" not in (out / "experience.html").read_text("utf-8")


def test_a_build_of_the_hostile_import_warns_only_of_the_bad_date(rendercv_build):
    warnings = rendercv_build[3]
    assert len(warnings) == 1, warnings
    assert "experience.md:" in warnings[0]
    assert "'2020-02-30' is not a day of the calendar" in warnings[0]


def test_json_resume_cases(jsonresume_build):
    project, report, out, warnings = jsonresume_build
    # The talk's name was a mapping: left out, and the build says the title is missing.
    assert [line.split("docs/", 1)[1] for line in warnings] == [
        "talks.md:3: WARNING: timeline: the title is missing; write it after the directive "
        "name, e.g. ':::{timeline} Title' [cv.argument]"
    ]
    assert "meta.canonical: 'javascript://%0aalert(1)//resume.json' is not a web address" in report
    assert conf_values(project)["html_baseurl"] == ""
    assert "presentations[0].name: a mapping where a text belongs; left out: {'a': 1}" in report
    assert "{'a': 1}" not in (out / "talks.html").read_text(encoding="utf-8")
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"About {ROLE} {IMG}" in index.get_text()
    hrefs = [a["href"] for a in index.select("article a") if "m.example" in a["href"]]
    assert hrefs == ["https://m.example/@m%3E%22%3Cscript%3Ealert(1)%3C/script%3E"]
    certificates = (out / "certificates.html").read_text(encoding="utf-8")
    assert "The Issuer" in certificates


# -- 9, 10: bounded reading, a message at a line -------------------------------------------


def refusal(tmp_path: Path, name: str, data: bytes) -> str:
    source = tmp_path / name
    source.write_bytes(data)
    status, _, err = run("new", tmp_path / "cv", "--from", source, "--language", "en")
    assert status == 1
    assert "Traceback" not in err
    assert not (tmp_path / "cv").exists()
    return err.strip()


def test_a_billion_laughs_is_refused(tmp_path):
    lines = ["cv:", "  name: x", "  a0: &a0 [" + ",".join(['"lol"'] * 9) + "]"]
    for level in range(1, 9):
        lines.append(f"  a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    lines.append("  sections: {s: *a8}")
    err = refusal(tmp_path, "cv.yaml", "\n".join(lines).encode())
    assert err == (
        f"sphinx-cv: error: {tmp_path / 'cv.yaml'}: more than 500,000 values (YAML's aliases "
        "followed); a CV holds far fewer: is it the file you meant?"
    )


def test_many_aliases_are_refused_at_their_line(tmp_path):
    text = "cv:\n  name: &n x\n  sections:\n    s:\n" + "".join("      - *n\n" for _ in range(101))
    err = refusal(tmp_path, "cv.yaml", text.encode())
    assert f"{tmp_path / 'cv.yaml'}:105:9: more than 100 aliases (*name)" in err


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, ": nested deeper than 64 lists or objects"),
        ("deep.yaml", b"cv: " + b"[" * 100_000, ":1:68: nested deeper than 64"),
        ("latin1.json", '{"basics": {"name": "J\xe9"}}'.encode("latin-1"), ":1:23: not UTF-8"),
        ("latin1.yaml", "cv:\n  name: J\xe9\n".encode("latin-1"), ":2:10: not UTF-8 (byte 0xe9)"),
        ("folder.yaml", None, ": is a folder, not a file"),
    ],
)
def test_unreadable_files_are_refused_with_where_and_why(tmp_path, name, data, said):
    if data is None:
        (tmp_path / name).mkdir()
        status, _, err = run("new", tmp_path / "cv", "--from", tmp_path / name)
        assert status == 1
        assert err.strip() == f"sphinx-cv: error: {tmp_path / name}{said}"
        return
    assert refusal(tmp_path, name, data).startswith(f"sphinx-cv: error: {tmp_path / name}{said}")


def test_a_byte_order_mark_is_read_in_json_as_in_yaml(tmp_path):
    for name, text in [("a.json", '{"basics": {"name": "Bom"}}'), ("a.yaml", "cv:\n  name: Bom\n")]:
        (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.encode())
        status, out, err = run("new", tmp_path / name.replace(".", "-"), "--from", tmp_path / name)
        assert status == 0, err
        assert "for Bom, imported" in out


def test_contacts_of_the_wrong_type_are_reported(tmp_path):
    document = {"cv": {"name": "X", "social_networks": "GitHub", "custom_connections": 5}}
    _, report = imported(tmp_path, "cv.yaml", document)
    assert "cv.social_networks: a list of mappings belongs here; left out: 'GitHub'" in report
    assert "cv.custom_connections: a list of mappings belongs here; left out: 5" in report


def test_a_long_value_makes_a_short_report_line(tmp_path):
    document = {"cv": {"name": "X", "sections": {"s": [["x" * 100_000]]}}}
    _, report = imported(tmp_path, "cv.yaml", document)
    line = next(line for line in report.splitlines() if "cv.sections.s[0]" in line)
    assert line.startswith("  - cv.sections.s[0]: matches no RenderCV entry type; left out: [")
    assert len(line) < 200


# -- 12: --force writes no file through a link, and says what it replaced ------------------


def test_a_file_as_the_target_is_refused(tmp_path):
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    status, _, err = run("new", tmp_path / "file", "--name", "X", "--force", "--language", "en")
    assert status == 1
    said = f"sphinx-cv: error: {tmp_path / 'file'} is a file; name a folder (new or empty)"
    assert err.strip() == said
    assert (tmp_path / "file").read_text(encoding="utf-8") == "mine"


def test_force_replaces_a_link_not_its_target(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    project = tmp_path / "cv"
    (project / "docs").mkdir(parents=True)
    (project / "docs/conf.py").symlink_to(outside)
    (project / "README.md").write_text("my notes", encoding="utf-8")
    status, out, _ = run("new", project, "--name", "X", "--force", "--language", "en")
    assert status == 0
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (project / "docs/conf.py").is_symlink()
    assert (
        f"--force: replaced what was there: docs/conf.py (a link to {outside}, which is left "
        "alone), README.md" in out
    )


def test_force_writes_nothing_through_a_linked_folder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    project = tmp_path / "cv"
    project.mkdir()
    os.symlink(elsewhere, project / "docs")
    status, _, err = run("new", project, "--name", "X", "--force", "--language", "en")
    assert status == 1
    assert f"{project / 'docs'} is a link (to {elsewhere}); sphinx-cv new writes" in err
    assert list(elsewhere.iterdir()) == []
    assert list(project.iterdir()) == [project / "docs"]


# -- property tests: any shape, any text --------------------------------------------------

#: Text with what Markdown, MyST, HTML, YAML and Python read: roles, tags, quotes, paths.
HOSTILE = st.one_of(
    st.sampled_from(
        [ROLE, SCRIPT, IMG, "<!--", '"""', "\\N", "${{ x }}", ":::{note}", "(t)=", "% c",
         "[f](../../etc/passwd)", "[w](javascript:alert(1))", "{{ x }}", "$x$", "\n\n", "&amp;"]
    ),
    st.text(max_size=12),
)  # fmt: skip
TEXTS = st.lists(HOSTILE, min_size=1, max_size=4).map("".join)
#: Any JSON value: what a file may hold where a text, a list or a mapping belongs.
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXTS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXTS, children, max_size=3),
    max_leaves=8,
)


def entry(fields: list[str]):
    return st.fixed_dictionaries({}, optional=dict.fromkeys(fields, VALUES | TEXTS))


RENDERCV_ENTRY = st.one_of(
    TEXTS,
    entry(["company", "position", "start_date", "end_date", "highlights", "summary", "url"]),
    entry(["institution", "area", "degree", "date", "location"]),
    entry(["name", "date", "summary", "highlights"]),
    entry(["title", "authors", "doi", "journal", "date"]),
    entry(["label", "details"]),
    entry(["bullet"]),
    VALUES,
)
RENDERCV_FILE = st.fixed_dictionaries(
    {"cv": st.fixed_dictionaries(
        {"name": VALUES | TEXTS},
        optional={
            "headline": VALUES | TEXTS, "email": VALUES, "website": VALUES, "photo": VALUES,
            "location": VALUES | TEXTS,
            "social_networks": st.lists(entry(["network", "username"])) | VALUES,
            "custom_connections": st.lists(entry(["placeholder", "url"])) | VALUES,
            "sections": st.dictionaries(TEXTS, st.lists(RENDERCV_ENTRY, max_size=3) | VALUES),
        },
    )}
)  # fmt: skip
JSON_RESUME_FILE = st.fixed_dictionaries(
    {},
    optional={
        "basics": entry(["name", "label", "summary", "url", "email"]),
        "work": st.lists(entry(["name", "position", "startDate", "summary", "highlights", "url"])),
        "awards": st.lists(entry(["title", "date", "awarder", "summary"])),
        "publications": st.lists(entry(["name", "publisher", "releaseDate", "summary"])),
        "presentations": st.lists(entry(["name", "event", "date", "description"])),
        "skills": st.lists(entry(["name", "level", "keywords"])),
        "meta": entry(["canonical"]),
    },
)

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_import(tmp: Path, name: str, text: str) -> None:
    """Import ``text``: a project of safe pages or a located refusal, never a traceback, and
    no file read from outside the source's folder."""
    source = tmp / name
    source.write_text(text, encoding="utf-8")
    status, out, err = run("new", tmp / "cv", "--from", source, "--language", "en", "--force")
    assert status in (0, 1)
    assert "Traceback" not in err
    if status == 1:
        assert err.startswith(f"sphinx-cv: error: {source}"), err
        return
    for page, markdown in pages(tmp / "cv").items():
        assert unsafe_markdown(markdown) == [], (page, markdown)
    conf_values(tmp / "cv")
    heading = (tmp / "cv/README.md").read_text(encoding="utf-8").splitlines()[0]
    assert unsafe_markdown(heading) == []
    copied = [p for p in (tmp / "cv/docs").iterdir() if p.suffix not in (".md", ".py")]
    assert copied == [], copied
    assert max(map(len, out.splitlines())) < 500


@PROPERTY
@given(document=RENDERCV_FILE)
def test_any_rendercv_file_imports_safely(tmp_path_factory, document):
    check_import(tmp_path_factory.mktemp("rcv"), "cv.yaml", yaml.safe_dump(document))


@PROPERTY
@given(document=JSON_RESUME_FILE)
def test_any_json_resume_imports_safely(tmp_path_factory, document):
    check_import(tmp_path_factory.mktemp("jr"), "r.json", json.dumps(document))
