"""The pages that list every article of a language: home, translator's notes, translation status."""

from __future__ import annotations

from dataclasses import dataclass

from .locales import LABELS
from .paging import MORE, NOT_SEARCHED, SEARCHED_NOTES, ListItems, heading_size, list_docs, page_title, pager
from .render import Page, Text, front_matter, span, span_html
from .urls import cross_link, segment_anchor


def paged_list(lang: str, docs: list, sources: list[str], title_of, front, write) -> dict[str, str]:
    """The pages of a list continued over ``docs`` ((doc, chunk of item indexes) pairs): each with
    its front matter (its title, ``title_of(number, total)``, and ``front(number)``), what
    ``write(page, number, doc, chunk, title)`` adds, and the previous/next links."""
    out = {}
    for number, (doc, chunk) in enumerate(docs):
        title = title_of(number, len(docs))
        page = Page(front_matter(sources, {"title": title, **front(number)}))
        write(page, number, doc, chunk, title)
        page.html(pager(lang, [d for d, _ in docs], number))
        out[doc] = page.text()
    return out


def numbered(lang: str, first: str, name: str):
    """Titles of a list's pages: ``first`` for the first page, the others numbered by the list's ``name``."""
    return lambda number, total: first if number == 0 else page_title(lang, name, number, total)


@dataclass(frozen=True)
class ArticleEntry:
    slug: str
    title: Text
    author: Text | None
    paragraphs: int
    untranslated: int = 0  # segments shown in the source language on this language's page


def home_page(lang: str, entries: list[ArticleEntry], sources: list[str]) -> dict[str, str]:
    """The home page, listing every article (continued on further pages when long)."""
    labels = LABELS[lang]

    def item(entry: ArticleEntry, doc: str) -> str:
        line = f'<li><a href="{cross_link(lang, doc, lang, f"articles/{entry.slug}.md")}">' \
               f"{span_html(lang, entry.title)}</a>"
        if entry.author is not None:
            line += f" — {span_html(lang, entry.author)}"
        if entry.untranslated:
            line += f' <span class="ex-status-mark">{labels["not_translated"]}</span>'
        return line + "</li>"

    items = ListItems(len(entries), lambda index, doc: item(entries[index], doc), f"{MORE}/articles_2.md")
    docs = list_docs("index", items.sizes, "articles")

    def write(page: Page, number: int, doc: str, chunk: list[int], title: str) -> None:
        if number == 0:
            page.markdown(f"\n# {labels['home_title']}\n\n{labels['home_intro']}\n\n## {labels['articles']}\n")
        else:
            page.markdown(f"\n# {title}\n")
        page.html("<ul>\n" + "\n".join(items.get(i, doc) for i in chunk) + "\n</ul>")
    return paged_list(lang, docs, sources, numbered(lang, labels["home"], labels["articles"]),
                       lambda number: NOT_SEARCHED, write)


@dataclass(frozen=True)
class NotedSegment:
    """A segment with translator's notes, as the notes page lists it."""

    slug: str
    title: Text
    context: str
    label: str  # segment_label() in the page's language
    html: str  # the segment's notes, as note_html() renders them where the article is read


def notes_page(lang: str, noted: list[NotedSegment], sources: list[str]) -> dict[str, str]:
    """The translator's notes of every article, each linking to its paragraph in both languages."""
    labels = LABELS[lang]
    groups: list[list[NotedSegment]] = []
    for item in noted:
        if not groups or groups[-1][0].slug != item.slug:
            groups.append([])
        groups[-1].append(item)

    def group_html(group: list[NotedSegment], doc: str) -> str:
        items = []
        for item in group:
            anchor = segment_anchor(item.context)
            page = f"articles/{item.slug}.md"
            note = item.html
            items.append(f"<li><strong>{item.label}:</strong> {note} "
                         f'(<a href="{cross_link(lang, doc, "ar", page, anchor)}">{labels["on_ar_page"]}</a> · '
                         f'<a href="{cross_link(lang, doc, "en", page, anchor)}">{labels["on_en_page"]}</a>)</li>')
        return "<ul>\n" + "\n".join(items) + "\n</ul>"

    items = ListItems(len(groups), lambda index, doc: group_html(groups[index], doc), f"{MORE}/notes_2.md")
    docs = list_docs("notes", [heading_size(g[0].title.markdown) + size for g, size in zip(groups, items.sizes)])

    def write(page: Page, number: int, doc: str, chunk: list[int], title: str) -> None:
        page.markdown(f"\n# {title}\n\n{labels['notes_intro']}\n")
        for index in chunk:
            page.markdown(f"\n## {span(lang, groups[index][0].title)}\n")
            page.html(items.get(index, doc))
    return paged_list(lang, docs, sources, numbered(lang, labels["notes_title"], labels["notes_title"]),
                      lambda number: SEARCHED_NOTES, write)


@dataclass(frozen=True)
class StatusRow:
    slug: str
    title: Text
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    pending: tuple[tuple[str, str, str], ...]  # (context, "fuzzy" | "untranslated", segment label)


def status_page(lang: str, rows: list[StatusRow], sources: list[str]) -> dict[str, str]:
    """Every article's translation progress: a table, then what is left to do in each."""
    labels = LABELS[lang]
    head = (f"<table>\n<thead>\n<tr>\n<th>{labels['article']}</th>\n<th>{labels['segments']}</th>\n"
            f"<th>{labels['translated']}</th>\n<th>{labels['fuzzy_count']}</th>\n"
            f"<th>{labels['untranslated_count']}</th>\n</tr>\n</thead>\n<tbody>\n")

    def row_html(row: StatusRow, doc: str) -> str:
        link = cross_link(lang, doc, lang, f"articles/{row.slug}.md")
        return (f'<tr>\n<td><a href="{link}">{span_html(lang, row.title)}</a></td>\n<td>{row.total}</td>\n'
                f"<td>{row.translated}</td>\n<td>{row.fuzzy}</td>\n<td>{row.untranslated}</td>\n</tr>")

    def pending_html(row: StatusRow, doc: str) -> str:
        items = []
        for context, state, label in row.pending:
            link = cross_link(lang, doc, "en", f"articles/{row.slug}.md", segment_anchor(context))
            items.append(f'<li><a href="{link}">{label}</a>: '
                         f"{labels['state_' + state]}</li>")
        return "<ul>\n" + "\n".join(items) + "\n</ul>"

    more = f"{MORE}/status_2.md"
    table = ListItems(len(rows), lambda index, doc: row_html(rows[index], doc), more)
    pending = ListItems(len(rows), lambda index, doc: pending_html(rows[index], doc), more)
    docs = list_docs("status", [size + (heading_size(row.title.markdown) + pending.sizes[index] if row.pending else 0)
                                for index, (row, size) in enumerate(zip(rows, table.sizes))])

    def write(page: Page, number: int, doc: str, chunk: list[int], title: str) -> None:
        page.markdown(f"\n# {title}\n\n{labels['status_intro']}\n")
        page.html('<div class="ex-status">\n' + head + "\n".join(table.get(i, doc) for i in chunk)
                  + "\n</tbody>\n</table>\n</div>")
        if not any(rows[index].pending for index in chunk):
            page.html(f"<p>{labels['all_done']}</p>")
        for index in (index for index in chunk if rows[index].pending):  # what is left to do
            page.markdown(f"\n## {span(lang, rows[index].title)}\n")
            page.html(pending.get(index, doc))
    return paged_list(lang, docs, sources, numbered(lang, labels["status_title"], labels["status_title"]),
                      lambda number: NOT_SEARCHED, write)
