"""Render the paired Markdown pages of each language from an article and its translations.

Pure functions from the article model (Arabic source) and catalog translations to page text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from . import prerender, yamlio
from .bidi import isolate_runs
from .header import header
from .article import HEADING, TRANSLATED_META, Article
from .catalog import Translation
from .locales import LABELS, SOURCE_LANG, facts, long_date, provenance



@dataclass(frozen=True)
class Text:
    """A piece of page text in some language, with its state in the translation."""

    markdown: str
    lang: str
    fuzzy: bool = False
    previous: str = ""
    notes: tuple[str, ...] = ()
    html: str = ""  # the text as HTML with its glossary links, where the generator linked them


def plain(markdown: str) -> str:
    """Markdown-escaped text back to plain text (for titles in front matter and HTML attributes)."""
    text = re.sub(r"\\(.)", r"\1", markdown)
    return text.replace("&lt;", "<").replace("&amp;", "&")


def front_matter(sources: list[str], data: dict[str, object]) -> str:
    return "---\n" + header(sources) + yamlio.dump(data) + "---\n"


_UNSAFE = (
    (re.compile(r"<[/!]?[A-Za-z]"), "contains HTML"),
    (re.compile(r"(?<!\\)!?\[[^\]]*\]\s*\("), "contains a Markdown link or image"),
    (re.compile(r"(?i)javascript\s*:"), "contains a javascript: address"),
    (re.compile(r"\n\s*\n"), "contains a blank line (it would split the paragraph)"),
    (re.compile(r"^\s*(?:#{1,6}\s|>|[-+*]\s|\d+[.)]\s|={3,}|-{3,}|`{3,}|~{3,}|\|)", re.M),
     "starts a Markdown block (heading, quote, list, rule, code or table)"),
    (re.compile(r"(?<!\\)\{:"), "contains an attribute list '{:'"),
)


def translation_problem(markdown: str) -> str | None:
    """Why a translation must not be rendered as Markdown (it would inject markup), or None.

    Sources are plain text with Markdown escapes, so a translation may use escapes and emphasis,
    nothing that changes the page's structure or brings in HTML or links."""
    for pattern, reason in _UNSAFE:
        if pattern.search(markdown):
            return reason
    return None


def localise(article: Article, lang: str, translations: dict[str, Translation]) -> dict[str, Text]:
    """Context id -> text of every segment in ``lang`` (the Arabic source where untranslated)."""
    source = {ctx: article.meta[key] for key, ctx in TRANSLATED_META if article.meta.get(key)}
    source.update({block.id: block.text for block in article.blocks})
    out: dict[str, Text] = {}
    for ctx, text in source.items():
        found = translations.get(ctx) if lang != SOURCE_LANG else None
        if lang == SOURCE_LANG:
            out[ctx] = Text(text, SOURCE_LANG)
        elif found is None or not found.text:
            out[ctx] = Text(text, SOURCE_LANG)
        else:
            out[ctx] = Text(found.text, lang, found.fuzzy, found.previous, found.notes)
    return out


def _html(text: Text) -> str:
    """The text as HTML, its glossary links in, runs of the other script isolated."""
    return isolate_runs(text.html or prerender.inline(text.markdown), text.lang)


def _p_attrs(page_lang: str, text: Text, block_id: str | None = None, label: str = "") -> str:
    """The attributes of a paragraph: its anchor, and its language or translation state."""
    attrs = [("id", block_id)] if block_id else []
    classes = []
    if text.lang != page_lang:
        classes.append("ex-untranslated")
        attrs += [("lang", text.lang), ("dir", facts(text.lang).direction)]
    if text.fuzzy:
        classes.append("ex-fuzzy")
        attrs += [("data-label", label), ("title", f"{label}: {plain(text.previous)}")]
    if classes:
        attrs.insert(1 if block_id else 0, ("class", " ".join(classes)))
    return "".join(f' {name}="{prerender.attribute(value)}"' for name, value in attrs)


def _in_lang(page_lang: str, text: Text, body: str) -> str:
    """``body`` (the text, as Markdown or HTML) in a span with its language where it is not the page's."""
    if text.lang == page_lang:
        return body
    return f'<span lang="{text.lang}" dir="{facts(text.lang).direction}">{body}</span>'


def _span(page_lang: str, text: Text) -> str:
    """Markdown of a text in a heading."""
    return _in_lang(page_lang, text, text.markdown)


def _span_html(page_lang: str, text: Text) -> str:
    return _in_lang(page_lang, text, _html(text))


def _source_text(markdown: str) -> Text:
    """Untranslated front-matter text (a publisher's name), in the language its script tells."""
    return Text(markdown, SOURCE_LANG if re.search("[\u0600-\u06ff]", markdown) else "en")


_FOREIGN_RUNS = (
    ("ar", re.compile(r"[\u0600-\u06ff](?:[\u0600-\u06ff\s]*[\u0600-\u06ff])?")),
    ("zh", re.compile(r"[\u4e00-\u9fff]+")),
)


def mark_foreign(text: str, page_lang: str) -> str:
    """Wrap runs of another script (Arabic quoted in English, Chinese) in a span with lang and dir."""
    for lang, pattern in _FOREIGN_RUNS:
        if lang != page_lang:
            direction = facts(lang).direction
            text = pattern.sub(lambda m: f'<span lang="{lang}" dir="{direction}">{m.group(0)}</span>', text)
    return text


def note_html(notes: tuple[str, ...], lang: str = "en") -> str:
    """A segment's translator's notes (written in ``lang``) as one run of HTML."""
    html = mark_foreign(prerender.inline(" ".join(note.strip() for note in notes)), lang)
    return isolate_runs(html, lang) if lang == SOURCE_LANG else html


def _notes(lang: str, text: Text) -> str:
    """A translator's note under its segment, closed until the reader opens it (as
    pymdownx.details renders ``??? note``), so that notes do not break the flow of the text."""
    if not text.notes:
        return ""
    body = note_html(text.notes, lang)
    return (f'<details class="note ex-note">\n<summary>{LABELS[lang]["translator_note"]}</summary>\n'
            f"<p>{body}</p>\n</details>")


def _div(attrs: str, *paragraphs: str) -> str:
    return f"<div{attrs}>\n" + "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n</div>"


class _Page:
    """A page of Markdown headings and pre-rendered HTML between them."""

    def __init__(self, head: str) -> None:
        self.parts = [head]
        self.run: list[str] = []

    def html(self, html_text: str) -> None:
        if html_text:
            self.run.append(html_text)

    def markdown(self, markdown_text: str) -> None:
        self._flush()
        self.parts.append(markdown_text)

    def _flush(self) -> None:
        if self.run:
            self.parts.append(prerender.block("\n".join(self.run)))
            self.run = []

    def text(self) -> str:
        self._flush()
        return "".join(self.parts)


def article_page(article: Article, lang: str, texts: dict[str, Text], sources: list[str],
                 figures_md: str = "", translated_on: str = "") -> str:
    """An article's page in ``lang``; ``translated_on`` (YYYY-MM-DD) is when its translation into
    ``lang`` was last revised."""
    labels = LABELS[lang]
    doc = f"articles/{article.slug}.md"
    title = texts["title"]
    page = _Page(front_matter(sources, {"title": plain(title.markdown), **OWN_INDEX}))
    page.markdown(f"\n# {_span(lang, title)}\n")
    byline = []
    for key, ctx in (("author", "byline.author"), ("editor", "byline.editor")):
        if ctx in texts:
            byline.append(f"<strong>{labels[key]}:</strong> {_span_html(lang, texts[ctx])}")
    if article.meta.get("publisher"):
        byline.append(f"<strong>{labels['publisher']}:</strong> {_span_html(lang, _source_text(article.meta['publisher']))}")
    if article.meta.get("date"):
        byline.append(f"<strong>{labels['published']}:</strong> <time datetime=\"{article.meta['date']}\">"
                      f"{long_date(article.meta['date'], lang)}</time>")
    if translated_on:
        byline.append(f"<strong>{labels['translated_on']}:</strong> <time datetime=\"{translated_on}\">"
                      f"{long_date(translated_on, lang)}</time>")
    if byline:
        page.html(_div(' class="ex-byline" id="byline"', " · ".join(byline)))
    for ctx in ("title", "byline.author", "byline.editor"):
        if ctx in texts:
            page.html(_notes(lang, texts[ctx]))
    pending = [text for text in texts.values() if text.lang != lang]
    if pending:
        page.html(_div(' class="ex-status-note" role="note"', f"<strong>{labels['not_translated']}:</strong> "
                       + labels["not_translated_detail"].format(count=len(pending), total=len(texts))))
    history = provenance(lang, article.meta.get("original_language"), article.meta.get("arabic_source"))
    if history:
        page.html(_div(' class="ex-translated-from"', history))
    parallel = cross_link(lang, doc, lang, f"parallel/{article.slug}.md")
    page.html(_div(' class="ex-parallel-link"', f'<a href="{parallel}">{labels["read_parallel"]}</a>'))
    for block in article.blocks:
        text = texts[block.id]
        if block.kind == HEADING:
            page.html(f'<div class="ex-anchor" id="{block.id}"></div>')
            page.markdown(f"\n{'#' * block.level} {_span(lang, text)}\n")
            if text.fuzzy:
                page.html(f"<p>{_fuzzy_marker(lang, text)}</p>")
        else:
            page.html(f"<p{_p_attrs(lang, text, block.id, labels['fuzzy'])}>{_html(text)}</p>")
        page.html(_notes(lang, text))
    page.html(_div(' class="ex-parallel-link"', f'<a href="{parallel}">{labels["read_parallel"]}</a>'))
    if figures_md:
        page.markdown(figures_md)
    about = []
    if article.meta.get("publisher") or "notice.source" in texts:
        notice = _span_html(lang, texts["notice.source"]) if "notice.source" in texts else ""
        if notice and article.meta.get("url"):  # "view the original", linked to it when its address is known
            notice = f'<a href="{prerender.attribute(article.meta["url"])}" rel="noopener">{notice}</a>'
        notice = f" — {notice}" if notice else ""
        about.append(f"<strong>{labels['source']}:</strong> "
                     f"{_span_html(lang, _source_text(article.meta.get('publisher', '')))}{notice}")
    if article.meta.get("url"):
        url = prerender.attribute(article.meta["url"])
        about.append(f'<strong>{labels["original_page"]}:</strong> <a href="{url}" rel="noopener" '
                     f'dir="ltr">{url}</a>')
    if "caption.image_credit" in texts:
        about.append(f"<strong>{labels['image_credit']}:</strong> {_span_html(lang, texts['caption.image_credit'])}")
    if about:
        page.markdown(f"\n## {labels['about_article']}\n")
        page.html(_div(' class="ex-source" id="source"', *about))
        for ctx in ("notice.source", "caption.image_credit"):
            if ctx in texts:
                page.html(_notes(lang, texts[ctx]))
    if article.meta.get("disclaimer"):
        dis_lang = "en"
        attrs = "" if dis_lang == lang else f' lang="{dis_lang}" dir="{facts(dis_lang).direction}"'
        page.html(_div(f' class="ex-disclaimer"{attrs}', f"<strong>{LABELS[dis_lang]['disclaimer']}:</strong> "
                       f"{prerender.inline(article.meta['disclaimer'])}"))
    return page.text()


def _fuzzy_marker(lang: str, text: Text) -> str:
    title = prerender.attribute(f"{LABELS[lang]['fuzzy']}: {plain(text.previous)}")
    return f'<span class="ex-fuzzy-mark" title="{title}">{LABELS[lang]["fuzzy"]}</span>'


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
               f"{_span_html(lang, entry.title)}</a>"
        if entry.author is not None:
            line += f" — {_span_html(lang, entry.author)}"
        if entry.untranslated:
            line += f' <span class="ex-status-mark">{labels["not_translated"]}</span>'
        return line + "</li>"

    items = ListItems(len(entries), lambda index, doc: item(entries[index], doc), f"{MORE}/articles_2.md")
    docs = list_docs("index", items.sizes, "articles")
    out = {}
    for number, (doc, chunk) in enumerate(docs):
        title = labels["home"] if number == 0 else _page_title(lang, labels["articles"], number, len(docs))
        page = _Page(front_matter(sources, {"title": title, **({} if number == 0 else NOT_SEARCHED)}))
        if number == 0:
            page.markdown(f"\n# {labels['home_title']}\n\n{labels['home_intro']}\n\n## {labels['articles']}\n")
        else:
            page.markdown(f"\n# {title}\n")
        page.html("<ul>\n" + "\n".join(items.get(i, doc) for i in chunk) + "\n</ul>")
        page.html(pager(lang, [d for d, _ in docs], number))
        out[doc] = page.text()
    return out


# --- long lists over several pages --------------------------------------------------------------

MORE = "more"  # the folder of continuation pages and glossary mentions (not_in_nav in mkdocs.yml)
LIST_BUDGET = 32_000  # bytes of list items on one page (the theme adds about 15 KB around them)
# Lists that repeat what the article pages say (their titles, their state) are left out of search.
NOT_SEARCHED = {"search": {"exclude": True}}
# Pages the hook indexes from their content as it is written, Material's search plugin leaving them
# out (it would parse their HTML once more): article pages (one document per paragraph) and notes.
OWN_INDEX = {"search": {"exclude": True, "by_paragraph": True}}


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


def _page_title(lang: str, title: str, index: int, total: int) -> str:
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


# --- links between the two language trees -------------------------------------------------------

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


# --- segment labels -----------------------------------------------------------------------------

def segment_anchor(context: str) -> str:
    """The shared anchor of a segment on the article pages ('' for the page top)."""
    if context.startswith(("p-", "s-")):
        return context
    if context.startswith("byline."):
        return "byline"
    if context in ("caption.image_credit", "notice.source"):
        return "source"
    return ""


def segment_label(article: Article, context: str, lang: str) -> str:
    labels = LABELS[lang]
    if context.startswith("p-"):
        number = [b.id for b in article.blocks if b.kind != HEADING].index(context) + 1
        return f"{labels['paragraph']} {number}"
    if context.startswith("s-"):
        return labels["heading"]
    if context == "title":
        return labels["title"]
    if context.startswith("byline."):
        return labels["byline"]
    return labels["source_info"]


# --- notes, status and parallel pages -----------------------------------------------------------

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
    out = {}
    for number, (doc, chunk) in enumerate(docs):
        title = labels["notes_title"] if number == 0 else _page_title(lang, labels["notes_title"], number, len(docs))
        page = _Page(front_matter(sources, {"title": title, **OWN_INDEX}))
        page.markdown(f"\n# {title}\n\n{labels['notes_intro']}\n")
        for index in chunk:
            group = groups[index]
            page.markdown(f"\n## {_span(lang, group[0].title)}\n")
            page.html(items.get(index, doc))
        page.html(pager(lang, [d for d, _ in docs], number))
        out[doc] = page.text()
    return out


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
        return (f'<tr>\n<td><a href="{link}">{_span_html(lang, row.title)}</a></td>\n<td>{row.total}</td>\n'
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
    out = {}
    for number, (doc, chunk) in enumerate(docs):
        title = labels["status_title"] if number == 0 else _page_title(lang, labels["status_title"], number, len(docs))
        page = _Page(front_matter(sources, {"title": title, **NOT_SEARCHED}))
        page.markdown(f"\n# {title}\n\n{labels['status_intro']}\n")
        page.html('<div class="ex-status">\n' + head + "\n".join(table.get(i, doc) for i in chunk)
                  + "\n</tbody>\n</table>\n</div>")
        if not any(rows[index].pending for index in chunk):
            page.html(f"<p>{labels['all_done']}</p>")
        for index in (index for index in chunk if rows[index].pending):  # what is left to do
            page.markdown(f"\n## {_span(lang, rows[index].title)}\n")
            page.html(pending.get(index, doc))
        page.html(pager(lang, [d for d, _ in docs], number))
        out[doc] = page.text()
    return out


def parallel_page(article: Article, lang: str, texts: dict[str, dict[str, Text]], sources: list[str]) -> str:
    """Arabic and English side by side, row by row; each row links to the single-language pages."""
    labels = LABELS[lang]
    doc = f"parallel/{article.slug}.md"
    title = texts[lang]["title"]
    order = (lang, "en" if lang == "ar" else "ar")
    page = _Page(front_matter(sources, {"title": f"{plain(title.markdown)} — {labels['parallel']}",
                                        "hide": ["navigation", "toc"],
                                        "search": {"exclude": True}}))  # the article pages are indexed
    page.markdown(f"\n# {_span(lang, title)}\n")
    rows = [f"<p>{labels['parallel']}</p>", '<div class="ex-parallel">']
    for block in article.blocks:
        rows.append(f'<div class="ex-row" id="r-{block.id}">')
        for cell_lang in order:
            text = texts[cell_lang][block.id]
            link = cross_link(lang, doc, cell_lang, f"articles/{article.slug}.md", block.id)
            body = f"<strong>{_html(text)}</strong>" if block.kind == HEADING else _html(text)
            link_label = LABELS[lang]["on_ar_page" if cell_lang == "ar" else "on_en_page"]
            notes = _notes(text.lang, text)
            rows.append(f'<div class="ex-cell" lang="{text.lang}" dir="{facts(text.lang).direction}">\n'
                        f"<p>{body}</p>\n" + (f"{notes}\n" if notes else "") +
                        f'<p><span class="ex-row-link" lang="{lang}" dir="{facts(lang).direction}">'
                        f'<a href="{link}">{link_label}</a></span></p>\n</div>')
        rows.append("</div>")
    rows.append("</div>")
    page.html("\n".join(rows))
    return page.text()
