"""Lighthouse benchmark of the built website: ``nox -s audit`` runs it.

Serves the HTML build gzip-compressed on 127.0.0.1 (as Read the Docs serves
it), runs Lighthouse (mobile, its default throttling) on each page with
Debian's Chromium and prints the four category scores, the bytes transferred
and the paint timings, and whether the page keeps the budget (issue 16): performance
at least 0.98, accessibility, best practices and SEO 1.0, at most 150 KiB
transferred. A benchmark to read, not a test: it never fails on a slow
machine. ``bench.py`` counts the same bytes without a browser (its budget,
issue 17: 40 KiB per page before a photo).

    python benchmarks/audit.py docs/_build/html --lighthouse PATH [--page index ...]

The pages are the home page, the publications page and the one-page CV
(``cv``) unless ``--page`` names others.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: The lowest score each category may have, and the most KiB a page may transfer.
BUDGET = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
BUDGET_KIB = 150
DEFAULT_PAGES = ("index", "publications", "cv")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it, as on a CDN."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSIBLE and accepts_gzip):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=1200")
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Body:
    """What ``send_head`` returns: a file-like object ``copyfile`` reads."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    """Start the gzip server for ``root`` on a free port of 127.0.0.1."""
    handler = functools.partial(GzipHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(binary: str, url: str, chromium: str) -> dict:
    """Run Lighthouse on one URL and return its JSON report."""
    command = [
        binary,
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": chromium}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(result.stdout)


def summary(page: str, report: dict) -> list[str]:
    """The lines printed for one page: scores, weight, timings, what fell short."""
    audits = report["audits"]
    scores = "  ".join(f"{name} {report['categories'][name]['score']:.2f}" for name in CATEGORIES)
    requests = audits["network-requests"]["details"]["items"]
    lines = [
        f"{page}: {scores}",
        f"  transferred {audits['total-byte-weight']['numericValue'] / 1024:.0f} KiB"
        f" in {len(requests)} requests;"
        f" FCP {audits['first-contentful-paint']['displayValue']},"
        f" LCP {audits['largest-contentful-paint']['displayValue']},"
        f" TBT {audits['total-blocking-time']['displayValue']},"
        f" CLS {audits['cumulative-layout-shift']['displayValue']}",
    ]
    kib = audits["total-byte-weight"]["numericValue"] / 1024
    kept = kib <= BUDGET_KIB and all(
        report["categories"][name]["score"] >= BUDGET[name] for name in CATEGORIES
    )
    lines.append(f"  budget (issue 16): {'kept' if kept else 'NOT kept'}")
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lines.append(f"  {name}: {audit['id']} {audit['score']:.2f} {audit['title']}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the HTML build directory")
    parser.add_argument("--lighthouse", required=True, help="the lighthouse executable")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument(
        "--page", action="append", help="page name (default: index, publications, cv)"
    )
    parser.add_argument("--json", type=Path, help="directory to keep the full reports in")
    args = parser.parse_args()

    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        default = [page for page in DEFAULT_PAGES if (args.site / f"{page}.html").is_file()]
        for page in args.page or default:
            report = lighthouse(args.lighthouse, f"{base}{page}.html", args.chromium)
            if args.json:
                args.json.mkdir(parents=True, exist_ok=True)
                (args.json / f"{page}.json").write_text(json.dumps(report), encoding="utf-8")
            print("\n".join(summary(page, report)), flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
