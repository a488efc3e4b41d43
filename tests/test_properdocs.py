"""The site built with ProperDocs (the maintained fork of MkDocs 1.x) in place of MkDocs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

GENERATOR_RE = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(engine: str, project: Path, site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SOURCE_DATE_EPOCH="1700000000")
    result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-q", "-d", str(site)], cwd=project,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{engine} build failed:\n{result.stdout}\n{result.stderr}"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_site(built_site, tmp_path):
    """Same pages, same bytes, but for the generator's name in each page's head."""
    project = built_site.parent  # its pages are generated
    _build("mkdocs", project, tmp_path / "mkdocs")
    _build("properdocs", project, tmp_path / "properdocs")
    mkdocs, properdocs = _files(tmp_path / "mkdocs"), _files(tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    differing = [name for name in mkdocs if GENERATOR_RE.sub(b"", mkdocs[name]) != GENERATOR_RE.sub(b"", properdocs[name])]
    assert differing == []
    assert b"ProperDocs" in properdocs["index.html"] and b"mkdocs-1.6" in mkdocs["index.html"]
