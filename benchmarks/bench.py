"""Benchmark: how long the CV takes to build, against plain Sphinx on the same content.

Run ``nox -s bench`` or ``python benchmarks/bench.py [--runs N] [--profile]``.
Every build is ``sphinx-build`` in its own process, as a user runs it; the
times are medians of wall-clock seconds over ``--runs`` runs. It prints:

- the seed CV: a cold HTML build, a no-change rebuild, and the PDF
  (``-M latexpdf``), each beside its plain twin (see ``synthetic.py``);
- a synthetic CV (500 papers, 150 timeline entries, 150 awards) and one
  twice that size, with the extension and as a plain twin;
- the seed CV's default HTML build, which also builds the PDF beside the site
  (``cv_pdf_link``); the other HTML builds leave the PDF out;
- the ratios against the targets of issue 8, and the load of the machine.

``--profile`` also runs the larger synthetic build under cProfile, in this
process, and prints where the time goes in the extension's own code.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import plain_twin, synthetic_cv

REPO_DIR = Path(__file__).resolve().parent.parent
SIZES = {"synthetic": (500, 150, 150), "synthetic x2": (1000, 300, 300)}
SIZES_AND_SEED = ("seed", *SIZES)
#: (label, row over, row under, the target the ratio must not exceed)
RATIOS = [
    *(
        (
            f"{name}: extension / plain twin, cold HTML",
            f"{name}: cold HTML",
            f"{name} (plain): cold HTML",
            1.15,
        )
        for name in SIZES_AND_SEED
    ),
    ("synthetic x2 / synthetic, cold HTML", "synthetic x2: cold HTML", "synthetic: cold HTML", 2.2),
    (
        "synthetic x2 / synthetic, plain twins",
        "synthetic x2 (plain): cold HTML",
        "synthetic (plain): cold HTML",
        2.2,
    ),
    ("seed: extension / plain twin, PDF", "seed: PDF", "seed (plain): PDF", 1.5),
]


def sphinx(*args: str | Path) -> float:
    """Seconds for one sphinx-build run (quiet); a failed build stops the benchmark."""
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR / "_ext"), "SOURCE_DATE_EPOCH": "1700000000"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *map(str, args), "-q"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed: {' '.join(map(str, args))}\n{result.stderr}")
    return elapsed


def round_robin(builds: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Median seconds of each build; the builds take turns, so that a change in the
    machine's load (it is shared) falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in builds}
    for _ in range(runs):
        for name, build in builds.items():
            times[name].append(build())
    return {name: statistics.median(values) for name, values in times.items()}


#: HTML builds with the extension leave out the PDF that ``cv_pdf_link`` builds
#: beside the site, so that they compare with the plain twin's HTML alone; the
#: PDF is measured on its own, and "seed: cold HTML + PDF" shows the two together.
HTML_ONLY = ("-D", "cv_pdf_link=0")


def html_options(name: str) -> tuple[str, ...]:
    return () if name.endswith("(plain)") else HTML_ONLY


def cold_html(project: Path, *options: str) -> Callable[[], float]:
    def build() -> float:
        shutil.rmtree(project / "_build", ignore_errors=True)
        return sphinx("-b", "html", project / "docs", project / "_build" / "html", *options)

    return build


def no_change_html(project: Path, *options: str) -> Callable[[], float]:
    out = project / "_build" / "html"
    sphinx("-b", "html", project / "docs", out, *options)
    return lambda: sphinx("-b", "html", project / "docs", out, *options)


def pdf(project: Path) -> Callable[[], float]:
    def build() -> float:
        shutil.rmtree(project / "_build", ignore_errors=True)
        return sphinx("-M", "latexpdf", project / "docs", project / "_build")

    return build


def profile(project: Path, top: int = 25) -> None:
    """cProfile one cold in-process build; print the extension's own functions by time."""
    from sphinx.cmd.build import build_main

    sys.path.insert(0, str(REPO_DIR / "_ext"))
    shutil.rmtree(project / "_build", ignore_errors=True)
    profiler = cProfile.Profile()
    profiler.enable()
    build_main(["-b", "html", "-q", str(project / "docs"), str(project / "_build" / "html")])
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    print(f"\nprofile of a cold build of {project.name} (in process): {total:.2f} s in all")
    print("the extension's own functions, by cumulative time:")
    stats.sort_stats("cumulative").print_stats("sphinx_cv", top)
    print("everything, by own time:")
    stats.sort_stats("tottime").print_stats(top)


def report(medians: dict[str, float], what: str) -> dict[str, float]:
    rows = {f"{name}: {what}": seconds for name, seconds in medians.items()}
    for row, seconds in rows.items():
        print(f"{row:40} {seconds:7.2f} s", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF builds")
    parser.add_argument("--profile", action="store_true", help="cProfile the larger build")
    args = parser.parse_args()

    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"load at start: {load}")
    print(f"python {sys.version.split()[0]}, {args.runs} runs per median, {os.cpu_count()} cores\n")

    with tempfile.TemporaryDirectory(prefix="sphinx-cv-bench-") as tmp:
        root = Path(tmp)
        seed = root / "seed"
        shutil.copytree(REPO_DIR / "docs", seed / "docs", ignore=shutil.ignore_patterns("_build"))
        shutil.copy(REPO_DIR / "references.bib", seed / "references.bib")
        projects = {"seed": seed}
        for name, (papers, entries, awards) in SIZES.items():
            projects[name] = root / name.replace(" ", "-")
            synthetic_cv(seed, projects[name], papers, entries, awards)
        for name in list(projects):
            projects[f"{name} (plain)"] = root / f"{name.replace(' ', '-')}-plain"
            plain_twin(projects[name], projects[f"{name} (plain)"])

        rows: dict[str, float] = {}
        for name in SIZES_AND_SEED:
            builds = {name: cold_html(projects[name], *HTML_ONLY)}
            builds[f"{name} (plain)"] = cold_html(projects[f"{name} (plain)"])
            rows.update(report(round_robin(builds, args.runs), "cold HTML"))
        builds = {
            name: no_change_html(projects[name], *html_options(name))
            for name in ("seed", "seed (plain)")
        }
        rows.update(report(round_robin(builds, args.runs), "no-change HTML"))
        if not args.no_pdf:
            builds = {name: pdf(projects[name]) for name in ("seed", "seed (plain)")}
            rows.update(report(round_robin(builds, args.runs), "PDF"))
            with_pdf = {"seed": cold_html(projects["seed"])}
            rows.update(report(round_robin(with_pdf, args.runs), "cold HTML + PDF"))

        print("\nratios (target, from issue 8):")
        for label, over, under, target in RATIOS:
            if over in rows and under in rows:
                ratio = rows[over] / rows[under]
                verdict = "met" if ratio <= target else "NOT met"
                print(f"  {label:52} {ratio:5.2f}  (<= {target}: {verdict})")
        load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
        print(f"\nload at end: {load}")

        if args.profile:
            profile(projects["synthetic x2"])


if __name__ == "__main__":
    main()
