"""A built site served as static hosts serve it, and Debian's headless Chromium to read it with
(for the benchmark's measurements and the browser tests)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import shutil
import tempfile
import threading
from pathlib import Path

from ..errors import InputError, Problem

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _Counting:
    """A response stream that counts the bytes written to it."""

    def __init__(self, stream) -> None:
        self.stream, self.count = stream, 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def static_server(site: Path):
    """A server of ``site`` on 127.0.0.1 (a free port) that compresses text files with gzip when
    the browser accepts it, as static hosts do; call ``serve_forever`` in a thread. Its ``sent``
    lists (path, bytes on the wire) of every response, in order, from the page and its workers."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def handle_one_request(self) -> None:
            self.wfile = counting = _Counting(getattr(self.wfile, "stream", self.wfile))
            super().handle_one_request()
            if counting.count:
                self.server.sent.append((getattr(self, "path", ""), counting.count))

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

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    server.sent = []
    return server


@contextlib.contextmanager
def serving(site: Path, sent: list | None = None):
    """:func:`static_server` of ``site`` running in a thread; yields its base URL. ``sent``, when
    given, is filled with the server's (path, bytes) of every response."""
    server = static_server(site)
    if sent is not None:
        server.sent = sent
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 900):
    """A headless Debian Chromium driven by chromedriver (no downloads, no background traffic, a
    profile of its own: nothing cached); below 600 px a phone's viewport, touch included."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        raise InputError(Problem(CHROMIUM, None, "Debian chromium and chromium-driver are needed "
                                 "(`make test` and `make bench` install them)"))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-extensions",
                 f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    # the window cannot be narrower than about 500 px: a phone's viewport is emulated
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    if width < 600:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
