"""The gzip server of ``benchmarks/audit.py`` (what ``nox -s audit`` measures against)."""

import gzip
import importlib.util
import urllib.request

import pytest
from conftest import REPO_DIR


@pytest.fixture(scope="module")
def audit():
    spec = importlib.util.spec_from_file_location("audit", REPO_DIR / "benchmarks" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fetch(url: str, encoding: str = "") -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()


def test_text_is_served_compressed_as_a_cdn_does(audit, tmp_path):
    page = "<!DOCTYPE html><title>CV</title>" + "<p>Mar 2020 – Current</p>" * 200
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "cv.pdf").write_bytes(b"%PDF-1.7 not compressed again")
    server = audit.serve(tmp_path)
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        headers, body = fetch(base + "index.html", "gzip, deflate")
        assert headers["Content-Encoding"] == "gzip"
        assert int(headers["Content-Length"]) == len(body) < len(page.encode()) / 10
        assert gzip.decompress(body).decode("utf-8") == page

        headers, body = fetch(base, "")  # a directory, by a client without gzip
        assert "Content-Encoding" not in headers
        assert body.decode("utf-8") == page

        headers, body = fetch(base + "cv.pdf", "gzip")
        assert "Content-Encoding" not in headers
        assert body.startswith(b"%PDF")
    finally:
        server.shutdown()
        server.server_close()
