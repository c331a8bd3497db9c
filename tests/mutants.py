"""Mutation testing by hand: would the tests notice these bugs? (``./cv mutants``)

Each mutant is one small, realistic bug: a snippet of the extension's code and
what replaces it (an escape dropped, a field read from the wrong key, a line
number lost), with the test files (or test ids) that ought to fail. The
runner copies the checkout (``_ext``, ``tests`` and what the tests read) into a
temporary folder, checks that the copy is what Python imports there, runs
those tests once unmutated (they must pass), then applies each mutant to the
copy alone, one at a time, and runs its tests (``-x``). The real tree is never
edited. A mutant is *killed* when a test fails, *survived* when they all pass.

    python tests/mutants.py              # every mutant, as many at once as cores
    python tests/mutants.py -j 1 alt     # the mutants whose name holds "alt"
    python tests/mutants.py --list

It prints each mutant's fate and "N of M mutants killed"; the exit status is 1
when a mutant survives that is not marked ``equivalent`` (a bug that cannot
happen, and why), or when a snippet is no longer in its file (the code moved:
the mutant must follow it).
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "_ext/sphinx_cv"
#: What the copy leaves out: version control, environments, build output, caches.
IGNORED = shutil.ignore_patterns(
    ".git", ".nox", ".venv", "_build", "_readthedocs", "__pycache__", ".hypothesis",
    ".pytest_cache", ".ruff_cache", "node_modules", "*.pyc",
)  # fmt: skip
#: A mutant whose tests take longer than this is counted killed (it hangs: a user notices).
TIMEOUT = 600


@dataclass(frozen=True)
class Mutant:
    """One bug: in ``file`` (under ``_ext/sphinx_cv``), ``original`` becomes ``replacement``."""

    name: str
    file: str
    original: str
    replacement: str
    #: pytest arguments: test files or test ids (``tests/x.py::test_y``).
    tests: tuple[str, ...]
    #: Why no test can kill it (the bug it makes cannot happen), if so.
    equivalent: str = ""


URLS = "urls.py"
HTML = "website/writers.py"
LATEX = "pdf/latex/writers.py"
TYPST = "pdf/typst/writers.py"
TEXT = "text/writers.py"
MANUAL = "manual/writers.py"
JSONRESUME = "cli/importers/jsonresume.py"
RENDERCV = "cli/importers/rendercv.py"
IMPORT_DATES = "cli/importers/dates.py"
IMPORT_BIB = "cli/importers/bibtex.py"
BIBFILES = "publications/bibfiles.py"

URL_TESTS = ("tests/source/test_urls.py",)
HOSTILE_PROFILE = "tests/website/test_hostile_profile.py"
HOSTILE_INPUT = "tests/test_hostile_input.py"
IMPORTERS = "tests/cli/test_importers.py"
IMPORTER_FIELDS = "tests/cli/test_importer_fields.py"
#: The JSON Resume importer's own tests, then a whole CV through it (a round trip).
JSONRESUME_TESTS = (IMPORTER_FIELDS, f"{IMPORTERS}::test_an_exported_resume_comes_back_the_same")
RENDERCV_TESTS = (
    IMPORTER_FIELDS,
    f"{IMPORTERS}::test_a_rendercv_file_builds_and_keeps_every_entry",
)
IMPORT_DATES_TESTS = ("tests/cli/test_import_dates.py", IMPORTER_FIELDS)

MUTANTS = [
    # -- the URL policy (source/urls.py) ------------------------------------------------
    Mutant(
        "url: javascript: is a web scheme",
        f"source/{URLS}",
        'WEB_SCHEMES = ("http", "https")',
        'WEB_SCHEMES = ("http", "https", "javascript")',
        URL_TESTS,
    ),
    Mutant(
        "url: the scheme compared as written (JaVaScRiPt:)",
        f"source/{URLS}",
        "scheme = parts.scheme.lower()",
        "scheme = parts.scheme",
        URL_TESTS,
        equivalent="urlsplit lowercases the scheme itself (JaVaScRiPt: gives 'javascript')",
    ),
    Mutant(
        "url: control characters looked for at the start only",
        f"source/{URLS}",
        "if _UNSAFE.search(url):",
        "if _UNSAFE.match(url):",
        URL_TESTS,
    ),
    Mutant(
        "url: a URL without a host accepted",
        f"source/{URLS}",
        "    if not host:\n",
        "    if False:\n",
        URL_TESTS,
    ),
    Mutant(
        "url: a mailto: link's address not checked",
        f"source/{URLS}",
        '        email_address(url[len("mailto:") :])\n',
        "",
        URL_TESTS,
    ),
    Mutant(
        "url: an e-mail address may hold quotes and angle brackets",
        f"source/{URLS}",
        r'r"[^\s\x00-\x1f\x7f-\x9f\"<>()\[\]\\,;:@]+@',
        r'r"[^\s\x00-\x1f\x7f-\x9f()\[\]\\,;:@]+@',
        URL_TESTS,
    ),
    Mutant(
        "url: a phone number of no digits accepted",
        f"source/{URLS}",
        'len(re.sub(r"[^0-9]", "", match["number"])) < 3',
        'len(re.sub(r"[^0-9]", "", match["number"])) < 0',
        URL_TESTS,
    ),
    Mutant(
        "url: a tel: link keeps the separators",
        f"source/{URLS}",
        '("+" if number.startswith("+") else "") + re.sub(r"[^0-9]", "", number)',
        "number",
        URL_TESTS,
    ),
    # -- the website's writers (website/writers.py) --------------------------------------
    Mutant(
        "html: the photo's alt not escaped",
        HTML,
        'alt="{self.attval(node["alt"])}"',
        'alt="{node["alt"]}"',
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "html: an image's src not escaped",
        HTML,
        'src="{self.attval(uri)}"',
        'src="{uri}"',
        (HOSTILE_PROFILE,),
        equivalent=(
            "a photo or preview is made only of a file in the project, so its uri is always "
            "among the builder's images: src is _images/ and quote(name), which escapes every "
            "character attval would"
        ),
    ),
    Mutant(
        "html: a network link's aria-label not escaped",
        HTML,
        'aria-label="{self.attval(name)}"',
        'aria-label="{name}"',
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "html: a network link's href not escaped",
        HTML,
        'href="{self.attval(url)}"',
        'href="{url}"',
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "html: a network link's text not escaped",
        HTML,
        "{self.encode(shown)}</a></li>",
        "{shown}</a></li>",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "html: a profile label not escaped",
        HTML,
        'label = self.encode(node["label"])',
        'label = node["label"]',
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "html: the copyable BibTeX not escaped",
        HTML,
        "{self.encode(node.astext())}</pre>",
        "{node.astext()}</pre>",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "html: a Copy button's label not escaped",
        HTML,
        'label, done = self.attval(node["copy_label"]), self.attval(node["copied_label"])',
        'label, done = node["copy_label"], node["copied_label"]',
        (HOSTILE_PROFILE,),
    ),
    # -- the PDFs' writers ----------------------------------------------------------------
    Mutant(
        "latex: the profile name not escaped",
        LATEX,
        "else self.encode(part)\n",
        "else part\n",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "latex: a profile label not escaped",
        LATEX,
        "\\\\cvprofileitem{{{self.encode(node['label'])}}}{{",
        "\\\\cvprofileitem{{{node['label']}}}{{",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "latex: a network link's text not escaped",
        LATEX,
        "{{{self.encode(shown)}}}}}}}",
        "{{{shown}}}}}}}",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "typst: the profile name not escaped",
        TYPST,
        'name = text(node["record"].name)',
        'name = node["record"].name',
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "typst: a network link's URL not a string literal",
        TYPST,
        "link({string_literal(url)})",
        r"link(\"{url}\")",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "typst: a network link's text not escaped",
        TYPST,
        "[{text(shown)}]), ",
        "[{shown}]), ",
        (HOSTILE_PROFILE,),
    ),
    # -- text, man and Texinfo -----------------------------------------------------------
    Mutant(
        "text: profile labels dropped",
        TEXT,
        "    self.add_text(f\"{node['label']}: \")\n",
        "",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "text: publication labels [n] dropped",
        TEXT,
        'self.end_state(first=bracketed(node) + " ")',
        "self.end_state()",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "text: an entry's dates dropped",
        TEXT,
        'self.add_text(" | " + dates_text(node))',
        'self.add_text(" | ")',
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "man/texinfo: publication labels [n] dropped",
        MANUAL,
        '    text(self, bracketed(node) + " ")\n',
        "",
        (HOSTILE_PROFILE,),
    ),
    Mutant(
        "man/texinfo: profile labels dropped",
        MANUAL,
        '    if "label" in node:\n',
        "    if False:\n",
        (HOSTILE_PROFILE,),
    ),
    # -- the importers' mappings ---------------------------------------------------------
    Mutant(
        "jsonresume: a certificate's issuer read from the wrong field",
        JSONRESUME,
        'options = {"issuer": item.get("issuer", ""), "url": url}',
        'options = {"issuer": item.get("awarder", ""), "url": url}',
        JSONRESUME_TESTS,
    ),
    Mutant(
        "jsonresume: an award's awarder read from the wrong field",
        JSONRESUME,
        'options = {"issuer": item.get("awarder", ""), "url": url}',
        'options = {"issuer": item.get("issuer", ""), "url": url}',
        JSONRESUME_TESTS,
    ),
    Mutant(
        'jsonresume: a single date written as "X -- X"',
        JSONRESUME,
        'return start if start == end else f"{start} -- {end}"',
        'return f"{start} -- {end}"',
        JSONRESUME_TESTS,
    ),
    Mutant(
        "jsonresume: a start without an end is not ongoing",
        JSONRESUME,
        '        return f"{start} -- present"\n    return end',
        "        return start\n    return end",
        JSONRESUME_TESTS,
    ),
    Mutant(
        "rendercv: a start without an end is not ongoing",
        RENDERCV,
        "{text(end) if end not in (None, '') else 'present'}",
        "{text(end) if end not in (None, '') else text(start)}",
        RENDERCV_TESTS,
    ),
    Mutant(
        "rendercv: an experience's role read from the wrong field",
        RENDERCV,
        'options = {"role": str(entry.get("position") or ""),',
        'options = {"role": str(entry.get("company") or ""),',
        RENDERCV_TESTS,
    ),
    Mutant(
        "rendercv: degree and area swapped",
        RENDERCV,
        'role = f"{degree} in {area}" if degree and area else degree or area',
        'role = f"{area} in {degree}" if degree and area else degree or area',
        RENDERCV_TESTS,
    ),
    Mutant(
        "rendercv: a publication's authors joined with commas",
        RENDERCV,
        '"author": " and ".join(authors)',
        '"author": ", ".join(authors)',
        RENDERCV_TESTS,
    ),
    Mutant(
        "rendercv: a OneLineEntry's label read from RenderCV 1's field only",
        RENDERCV,
        'label = entry.get("label", entry.get("name", ""))',
        'label = entry.get("name", "")',
        RENDERCV_TESTS,
    ),
    Mutant(
        "import dates: 05/2019 read as month 2019 of year 05",
        IMPORT_DATES,
        "return _join(numeric[2], numeric[1])",
        "return _join(numeric[1], numeric[2])",
        IMPORT_DATES_TESTS,
    ),
    Mutant(
        "import dates: a span of the same two dates kept as a span",
        IMPORT_DATES,
        'return " -- ".join(points)  # type: ignore[arg-type]',
        'return " -- ".join(points * 2 if len(points) == 1 else points)',
        IMPORT_DATES_TESTS,
    ),
    # -- the .bib refusals' line numbers -------------------------------------------------
    Mutant(
        "import bib: the refusal of a bad .bib loses its line number",
        IMPORT_BIB,
        'raise InputError(f"{path}:{error.lineno}: not BibTeX: {problem}")',
        'raise InputError(f"{path}: not BibTeX: {problem}")',
        (
            IMPORTER_FIELDS,
            f"{IMPORTERS}::test_a_bib_file_that_is_not_bibtex_is_refused_with_its_line",
        ),
    ),
    Mutant(
        "import bib: a repeated key's report names the wrong first line",
        IMPORT_BIB,
        "            seen[key] = line\n",
        "            seen[key] = 1\n",
        (IMPORTER_FIELDS, f"{IMPORTERS}::test_bib_is_copied_and_listed"),
    ),
    Mutant(
        "bib files: a syntax error's line counted from its entry, not the file",
        BIBFILES,
        'line = (error.lineno or 1) + text.count("\\n", 0, start)',
        "line = error.lineno or 1",
        (
            f"{HOSTILE_INPUT}::test_a_bib_syntax_error_after_the_first_entry_warns_at_its_line",
            f"{HOSTILE_INPUT}::test_case_warns_once_at_its_line",
        ),
    ),
]


def copy_checkout(dest: Path) -> Path:
    """The checkout's files the tests read, copied into ``dest``; return the copy."""
    shutil.copytree(REPO, dest, ignore=IGNORED, symlinks=True)
    return dest


def environment(copy: Path) -> dict[str, str]:
    """The copy's package first (PYTHONPATH); no bytecode, so an edit is always read."""
    return {
        **os.environ,
        "PYTHONPATH": str(copy / "_ext"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def imported_from(copy: Path, module: str) -> Path:
    """The file Python imports ``module`` from in the copy's environment."""
    result = subprocess.run(
        [sys.executable, "-c", f"import {module} as m; print(m.__file__)"],
        cwd=copy,
        env=environment(copy),
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(result.stdout.strip()).resolve()


def module_name(file: str) -> str:
    return "sphinx_cv." + file.removesuffix(".py").replace("/", ".")


def pytest_command(tests: tuple[str, ...] | list[str], *extra: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra, *tests]


def check_snippets(mutants: list[Mutant]) -> list[str]:
    """Each snippet once in its file, and the mutated file still Python: else a problem."""
    problems = []
    for mutant in mutants:
        path = REPO / PACKAGE / mutant.file
        source = path.read_text(encoding="utf-8")
        count = source.count(mutant.original)
        if count != 1:
            problems.append(f"{mutant.name}: the snippet is {count} times in {mutant.file}")
            continue
        try:
            compile(source.replace(mutant.original, mutant.replacement), str(path), "exec")
        except SyntaxError as error:
            problems.append(f"{mutant.name}: the mutated file is not Python ({error})")
    return problems


def run_mutant(mutant: Mutant, copy: Path) -> tuple[str, float, str]:
    """Apply the mutant to the copy, run its tests, undo it: (fate, seconds, pytest's tail)."""
    path = copy / PACKAGE / mutant.file
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(mutant.original, mutant.replacement), encoding="utf-8")
    start = time.monotonic()
    try:
        if imported_from(copy, module_name(mutant.file)) != path.resolve():
            return "error: the copy is not what Python imports", 0.0, ""
        try:
            result = subprocess.run(
                pytest_command(mutant.tests, "-x"),
                cwd=copy,
                env=environment(copy),
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            return "killed (timeout)", time.monotonic() - start, ""
    finally:
        path.write_text(original, encoding="utf-8")
    elapsed = time.monotonic() - start
    tail = "\n".join(result.stdout.strip().splitlines()[-3:])
    if result.returncode == 0:
        return "survived", elapsed, tail
    if result.returncode == 1:  # tests failed (2 and up: pytest itself could not run them)
        failed = re.findall(r"^FAILED (\S+)", result.stdout, re.MULTILINE)
        return f"killed by {failed[0] if failed else 'a failing test'}", elapsed, tail
    return f"error: pytest exited {result.returncode}", elapsed, tail


def baseline(copy: Path, mutants: list[Mutant], jobs: int) -> None:
    """The unmutated copy: every test the mutants use must pass; skipped ones are named."""
    tests = sorted({test for mutant in mutants for test in mutant.tests})
    parallel = ["-n", str(jobs), "--dist", "loadfile"] if jobs > 1 else []
    print(f"baseline: {len(tests)} test files or ids on the unmutated copy", flush=True)
    result = subprocess.run(
        pytest_command(tests, "-rs", *parallel),
        cwd=copy,
        env=environment(copy),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(
            f"{result.stdout[-4000:]}\nmutants: the tests fail without a mutant; fix them first"
        )
    skipped = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    summary = result.stdout.strip().splitlines()[-1]
    print(f"baseline: {summary}")
    for line in skipped:
        print(f"  {line}  (a mutant only this test would kill survives here)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="run the mutants whose name holds one of these")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated run")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if not args.names or any(n in m.name for n in args.names)]
    if args.list:
        for mutant in chosen:
            print(f"{mutant.name}  ({mutant.file}; {' '.join(mutant.tests)})")
        return 0
    problems = check_snippets(chosen)
    if problems:
        print("\n".join(problems))
        return 1
    jobs = max(1, min(args.jobs, len(chosen)))
    with tempfile.TemporaryDirectory(prefix="sphinx-cv-mutants-") as tmp:
        copies: queue.Queue[Path] = queue.Queue()
        made = [copy_checkout(Path(tmp) / f"copy{number}") for number in range(jobs)]
        for copy in made:
            found = imported_from(copy, "sphinx_cv")
            if not found.is_relative_to(copy.resolve()):
                sys.exit(f"mutants: Python imports sphinx_cv from {found}, not from the copy")
            copies.put(copy)
        print(f"mutants: {len(chosen)}, in {jobs} copies of the checkout under {tmp}")
        if not args.no_baseline:
            baseline(made[0], chosen, jobs)

        def run(mutant: Mutant) -> tuple[Mutant, str, float, str]:
            copy = copies.get()
            try:
                return (mutant, *run_mutant(mutant, copy))
            finally:
                copies.put(copy)

        killed, survived, errors = 0, [], []
        with ThreadPoolExecutor(jobs) as pool:
            for mutant, fate, seconds, tail in pool.map(run, chosen):
                print(f"{fate.split(' ')[0]:8} {mutant.name}  [{seconds:.0f} s] {fate}", flush=True)
                if fate.startswith("killed"):
                    killed += 1
                elif fate == "survived":
                    survived.append(mutant)
                else:
                    errors.append(mutant)
                    print(f"         {tail}")
    print(f"{killed} of {len(chosen)} mutants killed")
    for mutant in survived:
        why = f": equivalent, {mutant.equivalent}" if mutant.equivalent else ""
        print(f"survived: {mutant.name} ({mutant.file}){why}")
    for mutant in errors:
        print(f"error: {mutant.name} ({mutant.file})")
    return 0 if not errors and all(mutant.equivalent for mutant in survived) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
