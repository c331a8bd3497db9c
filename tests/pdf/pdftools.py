"""Reading a PDF back as a reader, a screen reader or an ATS would: poppler and pikepdf."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run(*command: str | Path) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def text_of(pdf: Path) -> str:
    """The PDF's text in content order, whitespace collapsed to single spaces."""
    return " ".join(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").split())


def font_names(pdf: Path) -> list[str]:
    """The embedded fonts' names, without the random subset tag ("ABCDEF+") a name may start with.

    The tag is six random capitals, so it can itself read "CJK…".
    """
    rows = run("pdffonts", pdf).splitlines()[2:]
    return [row.split()[0].split("+", 1)[-1] for row in rows]


def info_of(pdf: Path) -> dict[str, str]:
    lines = run("pdfinfo", pdf).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def assert_in_order(text: str, expected: list[str]) -> None:
    """Each string occurs in ``text``, after the one before it."""
    position = 0
    for fact in expected:
        found = text.find(fact, position)
        assert found >= 0, f"{fact!r} not in order; the text after: {text[position:][:300]!r}"
        position = found + len(fact)


def structure(pdf: Path) -> list[tuple[int, str, str]]:
    """The PDF's tags in reading order: (depth, tag, alternative text) of each element."""
    import pikepdf

    found: list[tuple[int, str, str]] = []

    def walk(node, depth: int) -> None:
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return
        found.append((depth, str(node.S).lstrip("/"), str(node.get("/Alt", ""))))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid, depth + 1)

    with pikepdf.open(pdf) as document:
        kids = document.Root.StructTreeRoot.K
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid, 0)
    return found


# Every fact of the seed CV (/work/shared/seed), in the seed's order; a title
# and its dates (a role and its location) read as one line. Sphinx's smart
# quotes make apostrophes U+2019.
SEED_IN_ORDER = [
    "Minhak Song",
    "http://songminhak.github.io",
    "minhaksong@kaist.ac.kr",
    "EDUCATION",
    "Korea Advanced Institute of Science and Technology Mar 2020 – Current",
    "B.S. in Industrial & Systems Engineering and Mathematical Sciences (double major) "
    "Daejeon, South Korea",
    "Expected graduation: Aug 2026",
    "GPA: 4.19/4.3",
    "Admitted as KAIST Presidential Fellow (KPF, top 3%)",
    "2 years leave of absence for mandatory military service (Feb 2023 – Nov 2024)",
    "University of California, Berkeley Jun 2022 – Oct 2022",
    "Exchange Student Berkeley, United States",
    "$10,000 funding from KAIST Presidential Fellowship",
    "Korea Science Academy of KAIST Mar 2017 – Feb 2020",
    "Busan, South Korea",
    "RESEARCH INTERESTS",
    "Theoretical Foundations of Modern Machine Learning; Optimization; Sampling; Statistics",
    "PUBLICATIONS",
    "RESEARCH AND WORK EXPERIENCE",
    "KAIST Optimization & Machine Learning Laboratory Jan 2022 – Current",
    "Undergraduate Researcher Seoul, South Korea",
    "Advisor: Prof. Chulhee Yun",
    "Research Topics: Deep Learning Theory, Optimization",
    "Upstage AI Sep 2022 – Dec 2022",
    "AI Research Engineer Intern Seoul, South Korea",
    "Designed real-time recommendation models using contextual bandit algorithms "
    "for e-commerce service",
    "KAIST Applied Artificial Intelligence Laboratory Jun 2021 – Dec 2021",
    "Undergraduate Researcher Daejeon, South Korea",
    "Advisor: Prof. Il-Chul Moon",
    "Research Topics: Deep Generative Model, Inverse Problem",
    "SELECTED AWARDS AND SCHOLARSHIPS",
    "ICLR 2024 Travel Award 2024",
    "NeurIPS 2023 Travel Award 2023",
    "Korea Presidential Science Scholarship 2020 – Current",
    "Korean government",
    "$45,000 financial support for honorable undergraduates from Korean government",
    "KAIST Presidential Fellowship 2020 – Current",
    "Honor Society of KAIST (Advisor: Prof. Jaeyoung Byeon)",
    "$30,000 financial support and matching mentor professor",
    "28 undergraduates were selected in around 800 freshmen in KAIST",
    "KAIST Alumni Academic Scholarship 2021 – Current",
    "$15,000 financial support (20 undergraduates in KAIST were selected)",
    "Simon Marais Mathematics Competition, 7th place & Merit Prize 2021",
    "Merit Prize winner, awarded for creative and insightful work on any problem",
    "Department Valedictorian 2021 Spring, 2021 Fall, 2022 Spring",
    "Academic scholarship awarded to the top student (ranked #1) among undergraduates",
    "Dean\u2019s List 2021 Spring, 2021 Fall, 2022 Spring",
    "Top 3% of undergraduates with outstanding academic performance",
    "Talent Award of Korea 2019",
    "Recognizes those individuals who are likely to become Korea\u2019s future leaders and "
    "have performed exemplary talents or outstanding meritorious service",
    "50 high school students, 40 college students, and 10 adults are selected by Korean government",
    "Han Sung Son Jae Han Scholarship for Gifted Students 2018 – 2019",
    "$10,000 financial support for honorable high school students in South Korea",
    "Korean Young Physicists\u2019 Tournament, Grand Prize 2018",
    "TEACHING & ACADEMIC ACTIVITIES",
    "Deep Learning Theory Workshop and Summer School Aug 2022",
    "Summer Cluster: Deep Learning Theory Berkeley, United States",
    "Participant, Simons Institute for the Theory of Computing Workshop",
    "Academic Tutor, KAIST 2021",
    "Calculus I (2021 Spring), Calculus II (2021 Fall)",
    "PROFESSIONAL SERVICES",
    "Conference Reviewer: NeurIPS 2024",
    "SKILLS",
    "Languages: Korean (mother tongue), English (fluent)",
    "Computer Languages & Software: Python, LaTeX, MATLAB",
]
