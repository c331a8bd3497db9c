"""Benchmark: the CV's builds against plain Sphinx on the same content, and the page weight.

Run ``nox -s bench`` or ``python benchmarks/bench.py [--runs N] [--quick] [--seed]
[--versions] [--profile]``.
Every build is ``sphinx-build -b html`` in its own process, as a user runs it,
measured from a small wrapper process: wall-clock seconds, CPU seconds of the
whole process tree (``getrusage(RUSAGE_CHILDREN)``: Sphinx, and latexmk and
xelatex for the PDF) and the peak memory of its largest process (``ru_maxrss``).

Three CVs: the seed, and synthetic ones with 1000 and 2000 papers (see
``synthetic.py``), each built four ways side by side:

- ``cv + PDF``: the default build, which also makes every version's PDF with
  Typst (``cv_pdf_link``, ``cv_pdf_engine = "typst"``);
- ``cv + TeX``: the same with the LaTeX engine (``-D cv_pdf_engine=latex``);
- ``cv``: the website alone (``-D cv_pdf_link=0``);
- ``plain``: the plain twin, the same content without the extension.

Each is built cold, then again with nothing changed, after one word of a page
changed, and after one field of a ``.bib`` entry changed. The builds take turns,
so that a change in the machine's load (it is shared) falls on all alike; the
figures are medians over ``--runs`` runs (``--large-runs`` for the synthetic
CVs). Ratios are against the plain twin's same build in the same run. Then the
bytes a browser transfers for each page (gzip): the HTML and every local file
it loads.

Last, what the seed's second version (its one-page résumé) costs, with each
engine: the seed is built cold with its two versions and with the full CV
alone, through small ``latexmk`` and ``xelatex`` wrappers that count how often
each program runs. The goal (issue 14): each version past the first adds at
most one PDF compile (for LaTeX one latexmk run, of no more xelatex passes than
the first version's) and no second read of the pages (the build is one process:
the versions' PDFs are written from the website's own environment). Its CPU
seconds are shown beside.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import plain_twin, synthetic_cv

REPO_DIR = Path(__file__).resolve().parent.parent
#: Synthetic CVs: (papers, timeline entries, awards).
SIZES = {"1000 papers": (1000, 300, 300), "2000 papers": (2000, 600, 600)}
VARIANTS = {
    "cv + PDF": (),
    "cv + TeX": ("-D", "cv_pdf_engine=latex"),
    "cv": ("-D", "cv_pdf_link=0"),
    "plain": (),
}
STEPS = ("cold", "no change", "one word", "one bib field")

#: (goal, CV, step, variant, measure, target): variant / plain must not exceed target
#: (issue 22: the default build is Typst's; the LaTeX engine's row is shown beside).
GOALS = [
    ("default build with its PDFs, cold", "seed", "cold", "cv + PDF", "wall", 1.3),
    ("rebuild, one word changed", "seed", "one word", "cv + PDF", "wall", 1.3),
    ("rebuild, nothing changed", "seed", "no change", "cv + PDF", "wall", 1.1),
    ("HTML alone, cold", "seed", "cold", "cv", "wall", 1.15),
    ("default build with its PDFs, cold", "2000 papers", "cold", "cv + PDF", "wall", 1.5),
    ("peak memory, default build, cold", "2000 papers", "cold", "cv + PDF", "rss", 2.0),
]
PAGE_BUDGET = 40 * 1024
#: The seed's ``conf.py`` reduced to its first version, for the versions row.
ONE_VERSION = '\ncv_versions = {"cv": {"title": "CV"}}\n'
#: Counts a run of a TeX program, then runs the real one: ``{name}``, ``{real}`` filled in.
COUNTING_WRAPPER = """#!/bin/sh
echo {name} >> "$SPHINX_CV_BENCH_COUNTS"
exec {real} "$@"
"""

#: The variable that stops Python from caching compiled modules.
BYTECODE_OFF = "PYTHONDONTWRITEBYTECODE"
#: Runs one build and prints its wall time, CPU time and peak memory as JSON.
WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss": usage.ru_maxrss / 1024, "code": result.returncode,
                  "stderr": result.stderr[-3000:]}))
"""


def build(
    project: Path, options: tuple[str, ...], env: dict[str, str] | None = None
) -> dict[str, float]:
    """One ``sphinx-build -b html`` of ``project``: wall and CPU seconds, peak MiB.

    Python caches compiled modules, as on a user's machine (pip compiles an installed
    package's, Sphinx's and sphinx-cv's alike): where the environment forbids it
    (``PYTHONDONTWRITEBYTECODE``, as some sandboxes set), every build would compile
    this checkout's modules again, and only the extension's.
    """
    env = {
        **{name: value for name, value in os.environ.items() if name != BYTECODE_OFF},
        **(env or {}),
        "PYTHONPATH": str(REPO_DIR / "_ext"),
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", *options]
    command += [str(project / "docs"), str(project / "_build" / "html")]
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, env=env
    )
    result = json.loads(out.stdout)
    if result["code"] != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{result['stderr']}")
    return result


def toggle(path: Path, pattern: str, suffix: str) -> None:
    """Change the first match of ``pattern`` by adding ``suffix``, or remove it again."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match, (path, pattern)
    value = match[1]
    new = value[: -len(suffix)] if value.endswith(suffix) else value + suffix
    path.write_text(text[: match.start(1)] + new + text[match.end(1) :], encoding="utf-8")


def edit(project: Path, step: str) -> None:
    """Make the change a step measures (nothing for a cold or no-change build)."""
    if step == "cold":
        shutil.rmtree(project / "_build", ignore_errors=True)
    elif step == "one word":
        toggle(project / "docs" / "education.md", r"^- (.*\S)[ \t]*$", " revised")
    elif step == "one bib field":
        toggle(project / "references.bib", r"^\s*title\s*=\s*\{(.*)\},?\s*$", " Revised")


def measure(projects: dict[str, dict[str, Path]], runs: int) -> dict[tuple, dict]:
    """Every step of every variant of one CV, in turns; medians (peak memory: maximum)."""
    samples: dict[tuple, list[dict]] = {}
    for _ in range(runs):
        for step in STEPS:
            for variant, project in projects.items():
                edit(project, step)
                samples.setdefault((step, variant), []).append(build(project, VARIANTS[variant]))
    return {
        key: {
            "wall": statistics.median(s["wall"] for s in values),
            "cpu": statistics.median(s["cpu"] for s in values),
            "rss": max(s["rss"] for s in values),
        }
        for key, values in samples.items()
    }


def page_weights(site: Path) -> dict[str, int]:
    """Bytes (gzip -6, as a web server sends them) of each page and the local files it loads."""
    asset = re.compile(r'<(?:link|script)\b[^>]*?(?:href|src)="([^"#]+)"')
    weights = {}
    for page in sorted(site.glob("*.html")):
        if page.stem in ("search", "genindex"):
            continue  # Sphinx's pages, not the CV's
        html = page.read_text(encoding="utf-8")
        files = {page}
        for url in asset.findall(html):
            path = (page.parent / url.split("?")[0]).resolve()
            if "://" not in url and path.is_file() and path.suffix in (".css", ".js", ".svg"):
                files.add(path)
        weights[page.stem] = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return weights


def projects_for(root: Path, name: str, source: Path) -> dict[str, Path]:
    """The three variants' copies of a CV."""
    copies = {}
    for variant in VARIANTS:
        copies[variant] = root / f"{name}-{variant}".replace(" ", "-").replace("+", "")
        if variant == "plain":
            plain_twin(source, copies[variant])
        else:
            shutil.copytree(source, copies[variant])
    return copies


def print_table(name: str, results: dict[tuple, dict]) -> None:
    print(f"\n{name}")
    print(f"  {'build':15} {'variant':9} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9}  vs plain")
    for step in STEPS:
        plain = results[(step, "plain")]
        for variant in VARIANTS:
            r = results[(step, variant)]
            ratio = "" if variant == "plain" else f"{r['wall'] / plain['wall']:.2f}x wall"
            if variant != "plain":
                ratio += f", {r['cpu'] / plain['cpu']:.2f}x CPU, {r['rss'] / plain['rss']:.2f}x mem"
            print(
                f"  {step:15} {variant:9} {r['wall']:7.2f} {r['cpu']:7.2f} {r['rss']:9.0f}  {ratio}"
            )


TEX_PROGRAMS = ("latexmk", "xelatex")


def counting_wrappers(folder: Path) -> Path:
    """Wrappers for ``latexmk`` and ``xelatex`` in ``folder``: each counts its runs."""
    folder.mkdir()
    for name in TEX_PROGRAMS:
        real = shutil.which(name)
        if real is None:
            sys.exit(f"the versions benchmark needs {name}")
        (folder / name).write_text(COUNTING_WRAPPER.format(name=name, real=real))
        (folder / name).chmod(0o755)
    return folder


def counted_build(project: Path, options: tuple[str, ...], wrappers: Path) -> dict[str, float]:
    """A cold build of ``project``, with its PDFs and the runs of each TeX program counted."""
    counts = wrappers / "counts.txt"
    counts.write_text("")
    shutil.rmtree(project / "_build", ignore_errors=True)
    env = {"PATH": f"{wrappers}:{os.environ['PATH']}", "SPHINX_CV_BENCH_COUNTS": str(counts)}
    result = build(project, options, env)
    programs = counts.read_text().split()
    result.update({name: programs.count(name) for name in TEX_PROGRAMS})
    result["pdfs"] = len(list((project / "_build" / "html").glob("*.pdf")))
    return result


def measure_versions(root: Path, seed: Path, runs: int) -> dict[str, dict]:
    """The seed built cold: with its versions, with its first alone (by each engine), and
    without a PDF (medians)."""
    wrappers = counting_wrappers(root / "counting-wrappers")
    latex = VARIANTS["cv + TeX"]
    builds = {
        "all versions": (root / "versions-all", ()),
        "first version": (root / "versions-first", ()),
        "all, LaTeX": (root / "versions-all-tex", latex),
        "first, LaTeX": (root / "versions-first-tex", latex),
        "HTML alone": (root / "versions-html", VARIANTS["cv"]),
    }
    for project, _ in builds.values():
        shutil.copytree(seed, project)
    for name in ("first version", "first, LaTeX"):
        conf = builds[name][0] / "docs" / "conf.py"
        conf.write_text(conf.read_text(encoding="utf-8") + ONE_VERSION, encoding="utf-8")
    samples: dict[str, list[dict]] = {name: [] for name in builds}
    for _ in range(runs):
        for name, (project, options) in builds.items():
            samples[name].append(counted_build(project, options, wrappers))
    keys = ("wall", "cpu", "pdfs", *TEX_PROGRAMS)
    return {
        name: {key: statistics.median(s[key] for s in values) for key in keys}
        for name, values in samples.items()
    }


def print_versions(results: dict[str, dict]) -> bool:
    """The versions table and its goal; whether the goal is met."""
    print("\nversions: the seed built cold, default build (medians)")
    print(f"  {'build':15} {'PDFs':>4} {'latexmk':>7} {'xelatex':>7} {'wall s':>7} {'CPU s':>7}")
    for name, r in results.items():
        print(
            f"  {name:15} {r['pdfs']:4.0f} {r['latexmk']:7.0f} {r['xelatex']:7.0f}"
            f" {r['wall']:7.2f} {r['cpu']:7.2f}"
        )
    html = results["HTML alone"]
    met = True
    for engine, (all_name, first_name) in {
        "Typst": ("all versions", "first version"),
        "LaTeX": ("all, LaTeX", "first, LaTeX"),
    }.items():
        every, first = results[all_name], results[first_name]
        extra_versions = every["pdfs"] - first["pdfs"]
        extra_compiles = every["latexmk"] - first["latexmk"]
        extra_passes = every["xelatex"] - first["xelatex"]
        # LaTeX: one latexmk run of no more xelatex passes than the first version's; Typst
        # runs no TeX program at all.
        met &= (
            extra_versions > 0
            and extra_compiles <= extra_versions
            and extra_passes <= first["xelatex"] * extra_versions
        )
        print(
            f"  {engine}: {extra_versions:.0f} more version(s): {extra_compiles:.0f} more latexmk"
            f" run(s), {extra_passes:.0f} more xelatex pass(es),"
            f" {every['cpu'] - first['cpu']:.2f} s more CPU (the first version's PDF costs"
            f" {first['cpu'] - html['cpu']:.2f} s)"
        )
    return met


def profile(project: Path, top: int = 25) -> None:
    """cProfile one cold in-process build (website alone); print where the time goes."""
    from sphinx.cmd.build import build_main

    sys.path.insert(0, str(REPO_DIR / "_ext"))
    shutil.rmtree(project / "_build", ignore_errors=True)
    profiler = cProfile.Profile()
    profiler.enable()
    build_main(
        ["-b", "html", "-q", "-D", "cv_pdf_link=0", str(project / "docs"), str(project / "_build")]
    )
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"\nprofile of a cold build of {project.name} (in process): {stats.total_tt:.2f} s")
    stats.sort_stats("cumulative").print_stats("sphinx_cv", top)
    stats.sort_stats("tottime").print_stats(top)


def report_speed(root: Path, seed: Path, sizes: dict, runs: int, large_runs: int) -> dict:
    """Every CV's builds against plain Sphinx, the page weights and the goals of issue 22."""
    sources = {"seed": seed}
    for name, (papers, entries, awards) in sizes.items():
        sources[name] = root / f"{name.replace(' ', '-')}-source"
        synthetic_cv(seed, sources[name], papers, entries, awards)

    results = {}
    for name, source in sources.items():
        projects = projects_for(root, name, source)
        results[name] = measure(projects, runs if name == "seed" else large_runs)
        print_table(name, results[name])
        if name == "seed":
            weights = page_weights(projects["cv + PDF"] / "_build" / "html")
            plain_weights = page_weights(projects["plain"] / "_build" / "html")

    print("\nbytes per page transferred (gzip): the HTML and the local CSS/JS it loads")
    for page, size in weights.items():
        plain = plain_weights.get(page)
        print(f"  {page:20} {size / 1024:6.1f} KiB   plain Sphinx: {plain / 1024:6.1f} KiB")

    print("\ngoals (issue 22; the LaTeX engine's ratio beside each PDF goal)")
    for label, name, step, variant, measure_name, target in GOALS:
        if name not in results:
            continue
        plain = results[name][(step, "plain")][measure_name]
        ratio = results[name][(step, variant)][measure_name] / plain
        verdict = "met" if ratio <= target else "NOT met"
        latex = ""
        if variant == "cv + PDF":
            tex = results[name][(step, "cv + TeX")][measure_name] / plain
            latex = f"; LaTeX engine: {tex:.2f}x"
        print(f"  {name}, {label} ({variant}): {ratio:.2f}x plain (<= {target}: {verdict}){latex}")
    heaviest = max(weights.values())
    verdict = "met" if heaviest <= PAGE_BUDGET else "NOT met"
    print(f"  heaviest page: {heaviest / 1024:.1f} KiB (<= 40 KiB: {verdict})")
    return sources


def report_versions(root: Path, seed: Path, runs: int) -> None:
    """What the seed's versions cost, and the goal of issue 14."""
    met = print_versions(measure_versions(root, seed, runs))
    print("\ngoal (issue 14)")
    verdict = "met" if met else "NOT met"
    print(
        "  every version past the first: at most one more PDF compile (with LaTeX a latexmk"
        f" run of no more xelatex passes than the first version's), no second read ({verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the seed (median)")
    parser.add_argument("--large-runs", type=int, default=1, help="runs of the synthetic CVs")
    parser.add_argument("--quick", action="store_true", help="the seed alone, one run")
    parser.add_argument("--seed", action="store_true", help="the seed alone, --runs runs")
    parser.add_argument("--versions", action="store_true", help="what the versions cost, alone")
    parser.add_argument("--profile", action="store_true", help="cProfile the 1000-paper build")
    args = parser.parse_args()
    sizes = {} if args.quick or args.seed else SIZES
    runs = 1 if args.quick else args.runs

    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"load at start: {load}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; seed: {runs} run(s)", end="")
    print(f", synthetic CVs: {args.large_runs} run(s)" if sizes and not args.versions else "")

    with tempfile.TemporaryDirectory(prefix="sphinx-cv-bench-") as tmp:
        root = Path(tmp)
        seed = root / "seed-source"
        shutil.copytree(REPO_DIR / "docs", seed / "docs", ignore=shutil.ignore_patterns("_build"))
        shutil.copy(REPO_DIR / "references.bib", seed / "references.bib")
        sources = {} if args.versions else report_speed(root, seed, sizes, runs, args.large_runs)
        report_versions(root, seed, runs)
        load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
        print(f"\nload at end: {load}")

        if args.profile and "1000 papers" in sources:
            profile(projects_for(root, "profiled", sources["1000 papers"])["cv"])


if __name__ == "__main__":
    main()
