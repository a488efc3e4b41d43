"""Lists that grow with the site, continued over as many pages as it takes."""

from __future__ import annotations

from typing import Callable

from .locales import LABELS
from .urls import cross_link


MORE = "more"  # the folder of continuation pages and glossary mentions (not_in_nav in mkdocs.yml)


LIST_BUDGET = 32_000  # bytes of list items on one page (the theme adds about 15 KB around them)


# What the site's search makes of a page (front matter ``search:``): lists that repeat what the
# article pages say (their titles, their state) are left out; the others are indexed block by block
# (paragraphs and headings with anchors), article results ranked before notes and glossary entries.
NOT_SEARCHED = {"search": {"exclude": True}}
SEARCHED_ARTICLE = {"search": {"kind": "article"}}
SEARCHED_NOTES = {"search": {"kind": "notes"}}
SEARCHED_GLOSSARY = {"search": {"kind": "glossary"}}


def byte_size(text: str) -> int:
    return len(text.encode("utf-8"))


def heading_size(title: str) -> int:
    """About what a heading adds to a page: itself, its permalink and its table of contents entry."""
    return 3 * byte_size(title) + 300


class ListItems:
    """The items of a long list, rendered once for its continuation pages (all under more/, so
    their relative links are the same) and again only for a page elsewhere (the list's first)."""

    def __init__(self, count: int, render_item: Callable[[int, str], str], more_doc: str) -> None:
        self.render_item, self.folder = render_item, more_doc.rpartition("/")[0]
        self.rendered = [render_item(index, more_doc) for index in range(count)]
        self.sizes = [byte_size(text) for text in self.rendered]

    def get(self, index: int, doc: str) -> str:
        if doc.rpartition("/")[0] == self.folder:
            return self.rendered[index]
        return self.render_item(index, doc)


def paginate(sizes: list[int], budget: int = LIST_BUDGET) -> list[range]:
    """Consecutive items in pages of at most ``budget`` bytes (one item at least a page)."""
    pages: list[range] = []
    start, filled = 0, 0
    for index, item_size in enumerate(sizes):
        if index > start and filled + item_size > budget:
            pages.append(range(start, index))
            start, filled = index, 0
        filled += item_size
    pages.append(range(start, len(sizes)))
    return pages


def list_docs(stem: str, sizes: list[int], more_stem: str | None = None,
              budget: int = LIST_BUDGET) -> list[tuple[str, range]]:
    """The pages of a list: ``<stem>.md`` first, then ``more/<more_stem>_2.md`` and on (glossary
    ids and article slugs have no underscore, so these names never meet theirs)."""
    chunks = paginate(sizes, budget)
    more_stem = more_stem or stem.replace("/", "-")
    return [(f"{stem}.md" if number == 1 else f"{MORE}/{more_stem}_{number}.md", chunk)
            for number, chunk in enumerate(chunks, start=1)]


def page_title(lang: str, title: str, index: int, total: int) -> str:
    return f"{title} — {LABELS[lang]['page_of'].format(number=index + 1, total=total)}"


def pager(lang: str, docs: list[str], index: int) -> str:
    """Links to the previous and next pages of a list ('' for a list of one page)."""
    if len(docs) < 2:
        return ""
    labels, doc = LABELS[lang], docs[index]
    parts = []
    if index > 0:
        parts.append(f'<a href="{cross_link(lang, doc, lang, docs[index - 1])}" rel="prev">{labels["previous"]}</a>')
    parts.append(f"<span>{labels['page_of'].format(number=index + 1, total=len(docs))}</span>")
    if index < len(docs) - 1:
        parts.append(f'<a href="{cross_link(lang, doc, lang, docs[index + 1])}" rel="next">{labels["next"]}</a>')
    return f'<nav class="ex-pager" aria-label="{labels["pages"]}">' + " · ".join(parts) + "</nav>"
