"""What a page's output is made of, as one key: the build's environment (configuration, theme,
code, libraries' versions, the variables the configuration reads), the page's source and what
reading it gave, the navigation as the page shows it, its twins in the other languages (see
:mod:`.reuse`, which compares the keys from one build to the next)."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

VERSIONED = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "markdown", "jinja2",
             "pygments", "pagefind", "pagefind-bin", "babel")
ENVIRONMENT_VARIABLES = ("SITE_URL", "EXPLAINER_SEARCH", "EXPLAINER_SPLICE")


def _hash_tree(digest, folder: Path, pattern: str) -> None:
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def environment_key(config_file: Path, theme_dirs: list[str]) -> str:
    """What every page depends on: the configuration file, the theme's templates (the site's
    overrides and the theme itself), the explainer's code, the libraries' versions, the variables
    the configuration reads."""
    digest = hashlib.sha256(config_file.read_bytes())
    for folder in theme_dirs:
        digest.update(f"\0theme {folder}\0".encode())
        if Path(folder).resolve().is_relative_to(config_file.parent.resolve()):  # the site's own templates
            _hash_tree(digest, Path(folder), "*")
    _hash_tree(digest, Path(__file__).resolve().parent.parent, "*.py")
    for name in VERSIONED:
        try:
            digest.update(f"\0{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name} -".encode())
    digest.update(f"\0python {sys.version}".encode())
    for name in ENVIRONMENT_VARIABLES:
        digest.update(f"\0{name}={os.environ.get(name, '')}".encode())
    return digest.hexdigest()


def _first_url(item) -> str:
    while getattr(item, "children", None):
        item = item.children[0]
    return getattr(item, "url", "") or ""


NAV_META = ("icon", "subtitle", "status")  # what Material's navigation shows of a page's front matter


def nav_view(items, page, on_path: set[int]) -> list:
    """The navigation as ``page`` shows it: every item's title and address (and the front matter
    of :data:`NAV_META`), the sections on the way to the page with their items, every other section
    as its title and first page."""
    out = []
    for item in items:
        entry = [item.title, getattr(item, "url", None), item is page]
        meta = getattr(item, "meta", None) or {}
        if any(name in meta for name in NAV_META):
            entry.append({name: meta[name] for name in NAV_META if name in meta})
        children = getattr(item, "children", None)
        if children:
            entry.append(nav_view(children, page, on_path) if id(item) in on_path else _first_url(item))
        out.append(entry)
    return out


def source_digest(page) -> str:
    """The digest of the page's source file."""
    return hashlib.sha256(Path(page.file.abs_src_path).read_bytes() if page.file.abs_src_path else b"").hexdigest()


def page_key(environment: str, page, nav, alternates: dict[str, str], extra_alternate: list, source: str) -> str:
    """The key of a page's output: everything it is rendered from (``source``: :func:`source_digest`)."""
    on_path, parent = set(), page.parent
    while parent is not None:
        on_path.add(id(parent))
        parent = parent.parent
    data = {
        "environment": environment, "src": page.file.src_uri, "dest": page.file.dest_uri, "url": page.url,
        "title": page.title, "meta": page.meta, "nav": nav_view(nav.items, page, on_path),
        "homepage": getattr(nav.homepage, "url", None), "alternates": alternates, "extra_alternate": extra_alternate,
        "neighbours": [(p.title, p.url) if p else None for p in (page.previous_page, page.next_page)],
    }
    digest = hashlib.sha256(source.encode())
    digest.update(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode())
    return digest.hexdigest()
