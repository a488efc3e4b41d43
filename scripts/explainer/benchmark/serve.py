"""The writer's loop under `explainer serve`: seconds from saving an en.po entry to the change being
served."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..errors import InputError, Problem

def measure_serve(repo: Path, work: Path, timeout: float = 30.0) -> float:
    """The writer loop: seconds from saving one en.po entry to the change being served by
    `explainer serve` (live preview), on a copy of the project with its seed article."""
    project = work / "serve-project"
    shutil.copytree(repo, project, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site",
                                                                 "__pycache__", "*.egg-info"))
    if (repo / "node_modules").exists():
        (project / "node_modules").symlink_to((repo / "node_modules").resolve(), target_is_directory=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/en/articles/meta-ai-exodus/"
    process = subprocess.Popen([sys.executable, "-m", "explainer", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""
    try:
        deadline = time.monotonic() + timeout
        while "Unfortunately," not in page():
            if time.monotonic() > deadline:
                raise InputError(Problem(str(project), None, f"explainer serve did not answer at {url} within {timeout:.0f} s"))
            time.sleep(0.1)
        time.sleep(1.0)  # let the watcher settle
        po = project / "content" / "articles" / "meta-ai-exodus" / "en.po"
        text = po.read_text(encoding="utf-8")
        start = time.monotonic()
        po.write_text(text.replace("Unfortunately, Meta did not know", "Sadly, Meta did not know"), encoding="utf-8")
        while "Sadly," not in page():
            if time.monotonic() - start > timeout:
                raise InputError(Problem(str(po), None, f"the edit was not served at {url} within {timeout:.0f} s"))
            time.sleep(0.02)
        return round(time.monotonic() - start, 3)
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and anything it started
        process.wait(timeout=10)
