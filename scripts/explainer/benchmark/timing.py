"""Wall time and peak memory of a command and of everything it starts (Linux /proc)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from ..errors import InputError, Problem


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm", encoding="utf-8") as handle:
                pages = int(handle.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


def timed_run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run a command; (wall seconds, peak resident memory of its process tree in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=dict(os.environ, **(env or {})),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise InputError(Problem(" ".join(command[-3:]), None, f"exited {process.returncode} in {cwd}:\n"
                                 f"{process.stderr.read()[-2000:]}"))
    return elapsed, peak / 1024
