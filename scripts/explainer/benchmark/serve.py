"""The writer's loop under `explainer serve`: seconds from saving an en.po entry to the change being
served, and to the whole site built again behind it (search index included) being published."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..errors import InputError, Problem
from .corpus import edit_entry

MARK = "Newly-edited"  # put in front of a translation: the served page shows it once rebuilt


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure_serve(project: Path, slug: str, saves: int = 2, timeout: float = 600.0) -> dict:
    """The writer loop: seconds from saving an edited en.po entry of ``slug`` to the change being
    served by `explainer serve` (live preview) of ``project``, for each of ``saves`` saves in a row
    (the first build of the preview, which renders every page, is not counted): ``served``; and from
    the last save to the preview publishing the whole site built again: ``site``."""
    published = project / ".explainer-cache" / "preview" / "published"
    port = _free_port()
    url = f"http://127.0.0.1:{port}/en/articles/{slug}/"
    process = subprocess.Popen([sys.executable, "-m", "explainer", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(text: str, since: float, what: str) -> float:
        while text not in page():
            if time.monotonic() - since > timeout:
                raise InputError(Problem(str(project), None, f"{what} at {url} within {timeout:.0f} s"))
            time.sleep(0.02)
        return round(time.monotonic() - since, 3)
    try:
        wait_for("</html>", time.monotonic(), "explainer serve did not answer")
        time.sleep(1.0)  # let the watcher settle
        seconds = []
        for number in range(1, saves + 1):
            mark = f"{MARK}-{number}"
            before = _read(published)
            start = time.monotonic()
            edit_entry(project / "content" / "articles" / slug / "en.po", mark)
            seconds.append(wait_for(mark, start, "the edit was not served"))
            if number < saves:
                time.sleep(1.0)
        while _read(published) == before:
            if time.monotonic() - start > timeout:
                raise InputError(Problem(str(published), None, f"the preview published no build within {timeout:.0f} s"))
            time.sleep(0.05)
        return {"served": seconds, "site": round(time.monotonic() - start, 3)}
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and anything it started
        process.wait(timeout=10)
