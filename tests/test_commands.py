"""The commands the README and the guide show run as written.

Every command of the README and of the guide's pages (their ``sh`` blocks and
their inline ``./cv …``, ``nox -s …``, ``sphinx-build …``, ``sphinx-cv …``,
``pipx …`` and ``sphinx-intl …``) is either run here or listed in
:data:`NOT_RUN` or :data:`NAMED` with the reason, so a page cannot show a
command that does not work. A ``./cv`` command goes through the real ``./cv``
script (with a stand-in for nox that records what it is given), then through
nox's rule for a session's arguments, then through the session of
``noxfile.py`` (with a stand-in ``session`` that runs its commands with this
environment's Python instead of installing one): what ``./cv html -D
language=ko`` builds is what a user gets, without the network. Every
``sphinx-cv new`` command is run too, with the file it names taken from
``tests/data`` (:data:`INPUTS`).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import REPO_DIR, TESTS_DIR, require_tool

#: The pages whose commands are checked: the README and the guide's.
PAGES = [
    REPO_DIR / "README.md",
    *sorted(path for path in (REPO_DIR / "guide").rglob("*.md") if "_build" not in path.parts),
]

#: Commands the tests do not run (and each one that starts with them), and why.
NOT_RUN = {
    "sudo apt install": "installs the system's packages",
    "pipx install": "installs from the network (tests/cli/test_package.py installs the folder)",
    "pipx ensurepath": "changes the user's shell settings",
    "python -m pip install": "installs from the package index",
    "./cv tests": "runs this test suite",
    "./cv mutants": "runs this test suite's tests again and again, a mutant at a time",
    "./cv live": "a server that runs until it is stopped",
    "./cv bench": "minutes of builds (benchmarks/bench.py --quick is its short form)",
    "./cv audit": "needs npm and Lighthouse from the network",
    "./cv --list": "prints the sessions (test_cv_gives_nox_the_sessions_arguments: nox --list)",
    "./cv guide": "run by tests/test_guide.py (through this file's run_session), whose checks "
    "read the guide it builds",
    "sphinx-intl": "not a dependency; the guide says to install it",
    "curl": "downloads from ORCID (the ORCID import is run on ORCID's sample record)",
    "git remote add": "needs a GitHub repository",
    "git push": "needs a GitHub repository (tests/cli/test_workflow.py checks what it runs)",
    "cd my-cv": "the folder the next command runs in",
    "py cv html": "the Windows form of ./cv html",
}
#: Names in the text rather than commands: a program, a placeholder, a command's start.
NAMED = {
    "./cv": "the script",
    "./cv SESSION": "a placeholder",
    "py cv SESSION": "a placeholder (Windows)",
    "sphinx-build": "the program",
    "sphinx-build -W": "an option, named",
    "sphinx-build -M latexpdf": "./cv pdf -- latex runs it with its arguments",
    "sphinx-build -b typst docs OUT": "a placeholder (./cv pdf runs it)",
    "sphinx-cv": "the command",
    "python -m sphinx_cv": "the command, run as a module",
    "sphinx-cv new": "the command; its written-out forms are run",
    "sphinx-cv new --language": "an option, named",
    "sphinx-cv new --language LANG": "a placeholder",
    "sphinx-cv @ git+https://…@COMMIT": "a line of requirements.txt, not a command",
    "sphinx-cv @ git+https://github.com/songminhak/sphinx-cv@main": "a line of requirements.txt",
}
#: Build commands that compile a PDF with LaTeX (TeX needed).
WITH_LATEX = ("./cv pdf -- latex",)


def page_commands() -> dict[str, Path]:
    """The pages' commands, in order, once each, with the page that shows each first."""
    found: dict[str, Path] = {}
    prefixes = r"\./cv|py cv|nox -s|sphinx-build|sphinx-cv|python -m sphinx_cv|sphinx-intl|pipx"
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        commands = []
        for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
            commands += [line.split("  #")[0] for line in block.splitlines()]
        commands += re.findall(rf"`((?:{prefixes})(?: [^`]*)?)`", text)
        for command in commands:
            command = " ".join(command.split())  # an inline command may wrap
            if command:
                found.setdefault(command, page)
    return found


def not_run(command: str) -> str | None:
    """Why the tests do not run ``command``, or None."""
    if command in NAMED:
        return NAMED[command]
    for prefix, reason in NOT_RUN.items():
        if command == prefix or command.startswith(prefix + " "):
            return reason
    return None


PAGE_OF = page_commands()
COMMANDS = list(PAGE_OF)
RUN = [command for command in COMMANDS if not_run(command) is None]
#: The tutorial's first command in its own project (then ./cv html there).
QUICK_START = (
    'sphinx-cv new my-cv --name "Ada Lovelace" --email ada@example.org '
    "--website https://ada.example.org"
)
#: The tutorial's commands that put the new project under Git (the push is not run).
GIT_COMMANDS = ("git init -b main", "git add .", 'git commit -m "My CV"')


def test_the_pages_show_commands():
    assert "./cv html" in RUN
    assert "./cv html -D language=ko" in RUN
    assert "./cv tests" in COMMANDS
    assert "./cv tests" not in RUN
    assert PAGE_OF[QUICK_START].name == "README.md"
    assert QUICK_START in (REPO_DIR / "guide" / "tutorial.md").read_text(encoding="utf-8")


#: The files ``sphinx-cv new`` commands of the pages read, and the test file each one is.
INPUTS = {
    "resume.json": TESTS_DIR / "data" / "jsonresume-sample.json",
    "cv.yaml": TESTS_DIR / "data" / "rendercv-example.yaml",
    "record.json": TESTS_DIR / "data" / "orcid" / "record-full-3.0.json",
    "pubmed.nbib": TESTS_DIR / "data" / "pubmed" / "clinician.nbib",
    "endnote.ris": TESTS_DIR / "data" / "pubmed" / "clinician.ris",
    "papers.bib": REPO_DIR / "references.bib",
    "export-bibtex.bib": TESTS_DIR / "data" / "bib" / "ads-export-service.bib",
    "references.bib": TESTS_DIR / "roots" / "test-humanist" / "references.bib",
}
NEW_COMMANDS = [
    command
    for command in RUN
    if command.startswith("sphinx-cv new ") and command != QUICK_START and "--help" not in command
]


def test_every_command_is_run_or_said_why_not():
    """A command added to a page needs a way to run here, or a reason in NOT_RUN."""
    builds = [
        command for command in RUN if command.startswith(("./cv ", "nox -s ", "sphinx-build "))
    ]
    unknown = sorted(set(builds) - {*BUILT, *SAME_AS})
    assert unknown == [], [f"{command} ({PAGE_OF[command]})" for command in unknown]
    assert sorted(builds) == sorted([*BUILT, *SAME_AS])
    assert set(RUN_WITHIN) | set(LIKE) <= set(BUILT)
    others = set(RUN) - set(builds) - set(NEW_COMMANDS) - set(GIT_COMMANDS)
    assert others == {QUICK_START, "sphinx-cv new --help"}, [
        f"{command} ({PAGE_OF[command]})" for command in sorted(others)
    ]


# -- ./cv and nox -------------------------------------------------------------------

FAKE_NOX = """#!{python}
import json, sys
with open({record!r}, "w") as out:
    json.dump(sys.argv[1:], out)
"""


def nox_argv(cv_script: Path, args: list[str], tmp_path: Path) -> list[str]:
    """What ``./cv ARGS`` gives nox: the real script beside a recording stand-in for nox."""
    home = tmp_path / "cv-home"
    (home / ".venv" / "bin").mkdir(parents=True, exist_ok=True)
    shutil.copy(cv_script, home / "cv")
    record = tmp_path / "nox-argv.json"
    nox = home / ".venv" / "bin" / "nox"
    nox.write_text(FAKE_NOX.format(python=sys.executable, record=str(record)), encoding="utf-8")
    nox.chmod(0o755)
    subprocess.run([sys.executable, home / "cv", *args], check=True, capture_output=True)
    return json.loads(record.read_text(encoding="utf-8"))


def session_and_posargs(argv: list[str]) -> tuple[str, list[str]]:
    """nox's rule: ``-s NAME``, and everything after the first ``--`` is the session's."""
    session = argv[argv.index("-s") + 1]
    return session, argv[argv.index("--") + 1 :] if "--" in argv else []


@pytest.mark.parametrize(
    ("args", "argv"),
    [
        (["html"], ["-s", "html"]),
        (["html", "-D", "language=ko"], ["-s", "html", "--", "-D", "language=ko"]),
        # The form nox itself takes: still one "--" (it was two, and "-D" a file name).
        (["html", "--", "-D", "language=ko"], ["-s", "html", "--", "-D", "language=ko"]),
        (["tests", "-k", "pdf"], ["-s", "tests", "--", "-k", "pdf"]),
        (["--list"], ["--list"]),
    ],
)
def test_cv_gives_nox_the_sessions_arguments_after_one_double_dash(args, argv, tmp_path):
    assert nox_argv(REPO_DIR / "cv", args, tmp_path) == argv


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith(("./cv ", "nox -s "))])
def test_every_session_the_pages_name_is_in_the_noxfile(command):
    sessions = noxfile_sessions(REPO_DIR / "noxfile.py")
    name = shlex.split(command)[1 if command.startswith("./cv") else 2]
    if name not in ("SESSION", "--list"):
        assert name in sessions, command


# -- running the sessions --------------------------------------------------------------


def noxfile_sessions(path: Path) -> dict[str, types.FunctionType]:
    """The sessions of a noxfile by name, read with a stand-in ``nox`` module."""
    found: dict[str, types.FunctionType] = {}
    fake = types.ModuleType("nox")
    fake.options = types.SimpleNamespace()
    fake.Session = object

    def session(function=None, *, name=None, **_):
        def register(function):
            found[name or function.__name__] = function
            return function

        return register(function) if function is not None else register

    fake.session = session
    saved = sys.modules.get("nox")
    sys.modules["nox"] = fake
    try:
        runpy.run_path(str(path))
    finally:
        if saved is None:
            del sys.modules["nox"]
        else:
            sys.modules["nox"] = saved
    return found


class Session:
    """What a session uses of ``nox.Session``: its commands run here, with this Python."""

    def __init__(self, posargs: list[str], cache: Path, dry: bool = False) -> None:
        self.posargs, self.dry = posargs, dry
        self.virtualenv = types.SimpleNamespace(location=str(cache))
        self.cache_dir = cache
        self.ran: list[list[str]] = []

    def install(self, *args: str) -> None:
        """Nothing: this environment has every dependency (and no network)."""

    def log(self, *args: object) -> None:
        pass

    def error(self, message: str) -> None:
        pytest.fail(message)

    def run(self, program: str, *args: str, **_: object) -> None:
        command = [*executable(program), *map(str, args)]
        self.ran.append([program, *map(str, args)])
        if self.dry:
            return
        env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}{result.stderr}"


def executable(program: str) -> list[str]:
    """The program as this environment runs it."""
    if program == "sphinx-build":
        return [sys.executable, "-m", "sphinx"]
    if program == "python":
        return [sys.executable]
    if program == "check-jsonschema":
        return [sys.executable, "-m", "check_jsonschema"]
    here = str(Path(sys.executable).parent)
    return [shutil.which(program, path=here) or shutil.which(program) or program]


def run_cv(project: Path, args: list[str], tmp_path: Path, dry: bool = False) -> Session:
    """``./cv ARGS`` in ``project``: its own ./cv, then nox's rule, then its noxfile
    (``dry``: the session's commands are recorded, not run)."""
    session_name, posargs = session_and_posargs(nox_argv(project / "cv", args, tmp_path))
    return run_session(project, session_name, posargs, tmp_path, dry)


def run_session(
    project: Path, name: str, posargs: list[str], tmp_path: Path, dry: bool = False
) -> Session:
    sessions = noxfile_sessions(project / "noxfile.py")
    session = Session(posargs, tmp_path / "session-cache", dry)
    session.cache_dir.mkdir(exist_ok=True)
    cwd = Path.cwd()
    os.chdir(project)  # nox runs a session in the noxfile's folder
    try:
        sessions[name](session)
    finally:
        os.chdir(cwd)
    return session


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A copy of this repository, as a clone has it."""
    copy = tmp_path / "repository"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", ".nox", "_build", "_readthedocs", "*.pyc", "__pycache__"
    )
    shutil.copytree(REPO_DIR, copy, ignore=ignore)
    return copy


def html_lang(page: Path) -> str:
    return re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8"))[1]


#: What each build command leaves, for the test to look at: (path, check).
BUILT = {
    "./cv html": ("docs/_build/html/index.html", "en"),
    "./cv html -D language=ko": ("docs/_build/html/index.html", "ko"),
    "./cv html-ko": ("docs/_build/html-ko/index.html", "ko"),
    "nox -s html -- -W --keep-going": ("docs/_build/html/index.html", "en"),
    "./cv resume": ("docs/_build/jsonresume/resume.json", None),
    "sphinx-build -b jsonresume docs docs/_build/jsonresume": (
        "docs/_build/jsonresume/resume.json",
        None,
    ),
    "./cv gettext": ("docs/_build/gettext/education.pot", None),
    "./cv pdf": ("docs/_build/resume/typst/minhak-song-resume.pdf", None),
    "./cv pdf -- resume": ("docs/_build/resume/typst/minhak-song-resume.pdf", None),
    "./cv pdf -- latex": ("docs/_build/resume/latex/minhak-song-resume.pdf", None),
    "./cv html -D cv_version=resume": ("docs/_build/html/index.html", "en"),
    "./cv html -D language=de": ("docs/_build/html/index.html", "de"),
    "./cv rtd": ("_readthedocs/html/index.html", "en"),
    "./cv lint": (".readthedocs.yaml", None),
}


#: Commands that give nox the same arguments as another one: that one is run.
SAME_AS = {
    "./cv html -- -D language=ko": "./cv html -D language=ko",
    "nox -s html": "./cv html",
}
#: Commands run as part of a stricter one: the same session, warnings as errors.
RUN_WITHIN = {"./cv html": "nox -s html -- -W --keep-going"}
#: Commands whose session runs what another one runs, with one word changed (a
#: folder, a setting's value): the other one is run, this one's commands are compared
#: with it (seconds saved).
LIKE = {
    "./cv html-ko": ("./cv html -D language=ko", "docs/_build/html-ko", "docs/_build/html"),
    "./cv html -D language=de": ("./cv html -D language=ko", "language=de", "language=ko"),
    "./cv html -D cv_version=resume": (
        "./cv html -D language=ko",
        "cv_version=resume",
        "language=ko",
    ),
}


def given_to_nox(command: str, tmp_path: Path) -> list[str]:
    words = shlex.split(command)
    return nox_argv(REPO_DIR / "cv", words[1:], tmp_path) if words[0] == "./cv" else words[1:]


def test_the_same_commands_give_nox_the_same(tmp_path):
    for command, same in SAME_AS.items():
        assert command in COMMANDS
        assert given_to_nox(command, tmp_path) == given_to_nox(same, tmp_path)
    for command, (like, word, its_word) in LIKE.items():
        ran = run_cv(REPO_DIR, shlex.split(command)[1:], tmp_path, dry=True).ran
        other = run_cv(REPO_DIR, shlex.split(like)[1:], tmp_path, dry=True).ran
        # The same words, in another order and with the other word.
        moved = [sorted(its_word if w == word else w for w in c) for c in ran]
        assert moved == [sorted(c) for c in other]
    for command, stricter in RUN_WITHIN.items():
        session, posargs = session_and_posargs(given_to_nox(stricter, tmp_path))
        assert given_to_nox(command, tmp_path) == ["-s", session]
        assert posargs == ["-W", "--keep-going"]


def marks(command: str) -> list[pytest.MarkDecorator]:
    found = [pytest.mark.slow]
    if command.startswith(WITH_LATEX):
        found.append(pytest.mark.latex)
    return found


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(command, marks=marks(command))
        for command in RUN
        if command in BUILT and command not in {*SAME_AS, *RUN_WITHIN, *LIKE}
    ],
)
def test_a_build_command_of_the_pages_runs_as_written(command, repository, tmp_path):
    if command.startswith(WITH_LATEX):
        require_tool("latexmk", "xelatex")
    words = shlex.split(command)
    if words[0] == "./cv":
        run_cv(repository, words[1:], tmp_path)
    elif words[0] == "nox":
        name, posargs = session_and_posargs(words[1:])
        run_session(repository, name, posargs, tmp_path)
    else:  # sphinx-build, run as a session runs it
        session = Session([], tmp_path)
        cwd = Path.cwd()
        os.chdir(repository)
        try:
            session.run(*words)
        finally:
            os.chdir(cwd)
    path, language = BUILT[command]
    assert (repository / path).exists(), path
    if language is not None:
        assert html_lang(repository / path) == language
    if command.startswith(("./cv html", "nox -s html", "./cv rtd")):
        site = (repository / path).parent
        assert sorted(pdf.name for pdf in site.glob("*.pdf")) == [
            "minhak-song-cv.pdf",
            "minhak-song-resume.pdf",
        ]


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    identity = {"GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.org"}
    env = {**os.environ, **identity}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_the_quick_start_runs_as_written(tmp_path):
    """The tutorial's steps 2, 3 and 5: ``sphinx-cv new my-cv --name …``, ``cd my-cv``,
    ``./cv html``; then ``git init``, ``git add .`` and ``git commit`` put the project, and
    nothing the build made, under Git."""
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}
    args = shlex.split(QUICK_START)[1:]
    subprocess.run([sys.executable, "-m", "sphinx_cv", *args], cwd=tmp_path, env=env, check=True)
    project = tmp_path / "my-cv"
    assert "./cv html" in COMMANDS
    run_cv(project, ["html"], tmp_path)
    site = project / "docs" / "_build" / "html"
    assert "Ada Lovelace" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "ada-lovelace-cv.pdf").is_file()
    for command in GIT_COMMANDS:
        assert command in COMMANDS
        result = git(*shlex.split(command)[1:], cwd=project)
        assert result.returncode == 0, command + result.stderr
    tracked = git("ls-files", cwd=project).stdout.splitlines()
    assert "docs/index.md" in tracked
    assert ".github/workflows/pages.yml" in tracked
    assert not [name for name in tracked if name.startswith((".nox/", ".venv/", "docs/_build/"))]


def test_the_command_prints_its_help():
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}
    args = shlex.split("sphinx-cv new --help")[1:]
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_cv", *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "--from FILE" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("command", NEW_COMMANDS)
def test_the_import_commands_run_as_written(command, tmp_path):
    words = shlex.split(command)
    for option, word in itertools.pairwise(words):
        if option in ("--from", "--bib"):
            assert word in INPUTS, f"{command} ({PAGE_OF[command]}): add {word} to INPUTS"
            shutil.copy(INPUTS[word], tmp_path / word)
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext")}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_cv", *words[1:]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    folder = words[2]
    assert (tmp_path / folder / "docs" / "index.md").is_file()
