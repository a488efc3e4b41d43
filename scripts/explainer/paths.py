"""Where a project's sources and outputs live, and where it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, Problem
from .locales import LANGUAGES

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# the folders of docs/<lang>/ that hold generated pages only (articles, side-by-side pages, and
# the continuations of long lists)
GENERATED_FOLDERS = ("articles", "parallel", "more")


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "content" / "articles"

    @property
    def glossary(self) -> Path:
        return self.root / "content" / "glossary.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def article_dir(self, slug: str) -> Path:
        return self.articles / slug

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``mkdocs.yml`` and ``content/``."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir():
            return folder
    raise InputError(Problem(str(start), None, "not inside an explainer project "
                             "(no mkdocs.yml with a content/ folder here or above)"))


def article_slugs(paths: Paths) -> list[str]:
    if not paths.articles.is_dir():
        return []
    return sorted(p.name for p in paths.articles.iterdir() if (p / "ar.md").is_file())


def article_outputs(paths: Paths, slug: str) -> list[Path]:
    return [paths.docs / lang / folder / f"{slug}.md" for lang in LANGUAGES for folder in ("articles", "parallel")]


def source_date_epoch(paths: Paths) -> str:
    """SOURCE_DATE_EPOCH for a reproducible build: as set, else the last commit's time, else the
    newest content file's modification time."""
    import os
    import subprocess

    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=paths.root, capture_output=True,
                             text=True, check=True, timeout=10).stdout.strip()
        if out.isdigit():
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    content = paths.root / "content"
    times = [int(p.stat().st_mtime) for p in content.rglob("*") if p.is_file()] if content.is_dir() else []
    return str(max(times, default=0))
