"""Where generated pages go: compared with what is on disk, staged, and never over a hand edit."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem
from .cache import FOLDER
from .fsio import Staging
from .header import hand_edited, is_generated
from .paths import Paths


class PageSink:
    """Where generated pages go. Each page is compared with the one on disk and staged (written to
    a temporary file of the cache's staging folder, see :class:`explainer.fsio.Staging`) only when it differs; a
    generated page edited by hand, or a hand-written page where a generated one goes, is a
    conflict and is left alone. Worker processes stage their pages in sinks of their own, which
    the parent's takes over (:meth:`take`): the pages' text never travels between processes."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self.staging = Staging(paths.root / FOLDER / "staging")
        self.conflicts: list[Problem] = []
        self.temporary: dict[Path, str] = {}  # staged page -> its temporary file

    def __call__(self, path: Path, text: str) -> None:
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current == text:
            return
        if current is not None:
            if not is_generated(current):
                self.conflicts.append(Problem(self.paths.rel(path), 1, "is a hand-written page where a "
                                              "generated page goes; move it, or it would be overwritten"))
                return
            if hand_edited(current):
                self.conflicts.append(Problem(self.paths.rel(path), 1, "generated page was edited by hand; "
                                              "make the change in its sources (named in its header) and "
                                              "delete this file, or it would be overwritten"))
                return
        self.temporary[path] = self.staging.add(path, text)

    def take(self, staged: list[tuple[Path, str]], conflicts: list[Problem]) -> None:
        self.staging.staged += staged
        self.conflicts += conflicts
