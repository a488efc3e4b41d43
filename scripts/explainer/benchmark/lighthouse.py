"""Lighthouse on the seed site's article pages, served with gzip from 127.0.0.1 as static hosts serve
them."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

from ..errors import InputError, Problem

LIGHTHOUSE_PAGES = (("ar", "articles/{slug}/"), ("en", "en/articles/{slug}/"))
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


def static_server(site: Path):
    """A server of ``site`` on 127.0.0.1 (a free port) that compresses text files with gzip when
    the browser accepts it, as static hosts do; call ``serve_forever`` in a thread."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            if path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, *args) -> None:
            pass

    return http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))


def lighthouse_summary(report: dict) -> dict:
    """The scores and the main metrics of one Lighthouse report (its JSON output)."""
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "first_contentful_paint_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "largest_contentful_paint_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cumulative_layout_shift": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
    }


def lighthouse(lighthouse_bin: Path, site: Path, slug: str, runs: int, chrome: str = "/usr/bin/chromium") -> dict:
    """Lighthouse (mobile defaults, simulated throttling) on the Arabic and English article pages,
    served from 127.0.0.1 by :func:`static_server`; per page the run with the median performance."""
    server = static_server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = {}
    try:
        for lang, page in LIGHTHOUSE_PAGES:
            url = f"http://127.0.0.1:{server.server_address[1]}/{page.format(slug=slug)}"
            summaries = []
            for _ in range(runs):
                result = subprocess.run(
                    [str(lighthouse_bin), url, "--quiet", "--output=json", "--output-path=stdout",
                     "--only-categories=performance,accessibility",
                     "--chrome-flags=--headless=new --no-sandbox"],
                    capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chrome), check=False)
                if result.returncode != 0:
                    raise InputError(Problem(str(lighthouse_bin), None, f"exited {result.returncode} on {url}:\n"
                                             f"{result.stderr[-2000:]}"))
                summaries.append(lighthouse_summary(json.loads(result.stdout)))
            summaries.sort(key=lambda s: s["performance"])
            out[lang] = dict(summaries[len(summaries) // 2], url=page.format(slug=slug), runs=runs)
    finally:
        server.shutdown()
    return out
