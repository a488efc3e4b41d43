"""Shared fixtures: the repository, the seed, and throw-away copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer import header

REPO = Path(__file__).resolve().parent.parent
SLUG = "meta-ai-exodus"
SEED = REPO / "content" / "articles" / SLUG / "source.txt"
SEED_NAME = "000_795cf0e16ebd70a3.txt"  # the name the seed was imported under
GOLDEN = Path(__file__).resolve().parent / "golden"
# What the seed's page cannot say of itself: its Arabic is a machine translation from Chinese
SEED_PROVENANCE = {"original_language": "zh", "arabic_source": "machine-translation"}
SEED_OPTIONS = ("--original-language", "zh", "--arabic-source", "machine-translation")


def golden(path: Path, actual: str | bytes) -> None:
    """Compare ``actual`` with a golden file; UPDATE_GOLDEN=1 rewrites it instead."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(actual, str):
            path.write_text(actual, encoding="utf-8")
        else:
            path.write_bytes(actual)
    expected = path.read_text(encoding="utf-8") if isinstance(actual, str) else path.read_bytes()
    assert actual == expected, f"output differs from {path.relative_to(REPO)} (UPDATE_GOLDEN=1 rewrites it)"


def copy_project(target: Path, with_content: bool = True) -> Path:
    """A copy of the project's sources (no generated pages, no site) in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / name)
    for src in sorted((REPO / "docs").rglob("*")):  # hand-written pages and assets, not generated ones
        rel = src.relative_to(REPO)
        if src.is_file() and "fonts" not in rel.parts and \
                not header.is_generated(src.read_bytes()[:400].decode("utf-8", "replace")):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / rel)
    (target / "content" / "articles").mkdir(parents=True, exist_ok=True)
    if with_content:
        shutil.copytree(REPO / "content", target / "content", dirs_exist_ok=True)
    (target / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    return target


def explainer(*args: str, cwd: Path, check: bool = True, env: dict | None = None
              ) -> subprocess.CompletedProcess:
    """Run the installed CLI the way a writer does."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    result = subprocess.run([sys.executable, "-m", "explainer", *args], cwd=cwd, capture_output=True,
                            text=True, env=full_env, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"explainer {' '.join(args)} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", with_content=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the seed, the way `make site` does it, in a fresh copy of the project."""
    base = tmp_path_factory.mktemp("built")
    root = copy_project(base / "project")
    folder = root / "content" / "articles" / SLUG
    (folder / "ar.md").unlink()
    (folder / "source.txt").unlink()
    seed = base / SEED_NAME
    shutil.copy2(SEED, seed)
    explainer("add", str(seed), "--slug", SLUG, *SEED_OPTIONS, cwd=root)
    explainer("build", "--strict", cwd=root)
    return root / "site"
