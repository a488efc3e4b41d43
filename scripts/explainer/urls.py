"""Where a page lives in the site, and relative links between the two language trees."""

from __future__ import annotations

from functools import lru_cache

from .locales import SOURCE_LANG


DEFAULT_LANG = SOURCE_LANG  # built at the site root; other languages under /<lang>/


@lru_cache(maxsize=1 << 16)
def page_url(lang: str, doc: str) -> str:
    """Site URL (directory style, relative to the site root) of ``docs/<lang>/<doc>``."""
    prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
    stem = doc[:-3] if doc.endswith(".md") else doc
    if stem == "index":
        return prefix
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return f"{prefix}{stem}/"


def cross_link(from_lang: str, from_doc: str, to_lang: str, to_doc: str, fragment: str = "") -> str:
    """A relative link between two pages (of one language tree or of both: MkDocs only resolves
    links within one tree)."""
    rel = relative_url(page_url(from_lang, from_doc), page_url(to_lang, to_doc))
    return rel + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=1 << 16)
def relative_url(base: str, target: str) -> str:
    """The relative link from directory URL ``base`` to directory URL ``target`` (both relative
    to the site root, '' for the root), as ``posixpath.relpath`` gives it, with a final '/'."""
    base_parts, target_parts = base.split("/")[:-1], target.split("/")[:-1]
    common = 0
    while common < min(len(base_parts), len(target_parts)) and base_parts[common] == target_parts[common]:
        common += 1
    rel = "../" * (len(base_parts) - common) + "".join(f"{part}/" for part in target_parts[common:])
    return rel or "./"


def segment_anchor(context: str) -> str:
    """The shared anchor of a segment on the article pages ('' for the page top)."""
    if context.startswith(("p-", "s-")):
        return context
    if context.startswith("byline."):
        return "byline"
    if context in ("caption.image_credit", "notice.source"):
        return "source"
    return ""
