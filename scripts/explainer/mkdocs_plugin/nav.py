"""The navigation kept small whatever the number of articles: articles in nested sections."""

from __future__ import annotations


def sections(children: list, parent, size: int) -> list:
    """``children`` grouped in sections of ``size`` ("1–10", "11–20"...), and those again, as
    often as needed, so that no level of the navigation holds more than ``size`` items."""
    from mkdocs.structure.nav import Section

    span = size
    while len(children) > size:
        grouped = []
        for start in range(0, len(children), size):
            chunk = children[start:start + size]
            first = start * span // size + 1
            last = min(first + span - 1, first - 1 + sum(_count(c) for c in chunk))
            section = Section(f"{first}–{last}", chunk)
            for child in chunk:
                child.parent = section
            grouped.append(section)
        children = grouped
        span *= size
    for child in children:
        child.parent = parent
    return children


def _count(item) -> int:
    return sum(_count(c) for c in item.children) if getattr(item, "children", None) else 1


def group_articles(nav, size: int):
    """Every top-level section of article pages grouped by :func:`sections`."""
    for item in nav.items:
        children = getattr(item, "children", None) or []
        pages = [c for c in children if getattr(c, "file", None) is not None]
        if pages and all("/articles/" in f"/{c.file.src_uri}" for c in pages):
            item.children = sections(children, item, size)
    return nav
