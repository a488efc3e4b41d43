"""Render the paired Markdown pages of each language from an article and its translations (the
pages that list every article are :mod:`explainer.list_pages`).

Pure functions from the article model (Arabic source) and catalog translations to page text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import bidi, prerender, yamlio
from .bidi import isolate_runs
from .header import header
from .article import HEADING, TRANSLATED_META, Article
from .catalog import Translation
from .locales import LABELS, SOURCE_LANG, facts, long_date, provenance
from .paging import SEARCHED_ARTICLE
from .urls import cross_link
from .writing import CJK, has_arabic


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


def html(text: Text) -> str:
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


def span(page_lang: str, text: Text) -> str:
    """Markdown of a text in a heading."""
    return _in_lang(page_lang, text, text.markdown)


def span_html(page_lang: str, text: Text) -> str:
    return _in_lang(page_lang, text, html(text))


def untranslated(texts: dict[str, Text], lang: str) -> int:
    """How many of a page's segments are shown in the source language, untranslated."""
    return sum(1 for text in texts.values() if text.lang != lang)


def _source_text(markdown: str) -> Text:
    """Untranslated front-matter text (a publisher's name), in the language its script tells."""
    return Text(markdown, SOURCE_LANG if has_arabic(markdown) else "en")


_FOREIGN_RUNS = (
    ("ar", bidi.RUNS["ar"]),
    ("zh", re.compile(f"[{CJK}]+")),
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


def notes(lang: str, text: Text) -> str:
    """A translator's note under its segment, closed until the reader opens it (as
    pymdownx.details renders ``??? note``), so that notes do not break the flow of the text."""
    if not text.notes:
        return ""
    body = note_html(text.notes, lang)
    return (f'<details class="note ex-note">\n<summary>{LABELS[lang]["translator_note"]}</summary>\n'
            f"<p>{body}</p>\n</details>")


def _div(attrs: str, *paragraphs: str) -> str:
    return f"<div{attrs}>\n" + "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n</div>"


class Page:
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
    page = Page(front_matter(sources, {"title": plain(title.markdown), **SEARCHED_ARTICLE}))
    page.markdown(f"\n# {span(lang, title)}\n")
    byline = []
    for key, ctx in (("author", "byline.author"), ("editor", "byline.editor")):
        if ctx in texts:
            byline.append(f"<strong>{labels[key]}:</strong> {span_html(lang, texts[ctx])}")
    if article.meta.get("publisher"):
        byline.append(f"<strong>{labels['publisher']}:</strong> {span_html(lang, _source_text(article.meta['publisher']))}")
    for label, iso in (("published", article.meta.get("date")), ("translated_on", translated_on)):
        if iso:
            byline.append(f'<strong>{labels[label]}:</strong> <time datetime="{iso}">{long_date(iso, lang)}</time>')
    if byline:
        page.html(_div(' class="ex-byline" id="byline"', " · ".join(byline)))
    for ctx in ("title", "byline.author", "byline.editor"):
        if ctx in texts:
            page.html(notes(lang, texts[ctx]))
    pending = untranslated(texts, lang)
    if pending:
        page.html(_div(' class="ex-status-note" role="note"', f"<strong>{labels['not_translated']}:</strong> "
                       + labels["not_translated_detail"].format(count=pending, total=len(texts))))
    history = provenance(lang, article.meta.get("original_language"), article.meta.get("arabic_source"))
    if history:
        page.html(_div(' class="ex-translated-from"', history))
    parallel = cross_link(lang, doc, lang, f"parallel/{article.slug}.md")
    page.html(_div(' class="ex-parallel-link"', f'<a href="{parallel}">{labels["read_parallel"]}</a>'))
    for block in article.blocks:
        text = texts[block.id]
        if block.kind == HEADING:
            page.html(f'<div class="ex-anchor" id="{block.id}"></div>')
            page.markdown(f"\n{'#' * block.level} {span(lang, text)}\n")
            if text.fuzzy:
                page.html(f"<p>{_fuzzy_marker(lang, text)}</p>")
        else:
            page.html(f"<p{_p_attrs(lang, text, block.id, labels['fuzzy'])}>{html(text)}</p>")
        page.html(notes(lang, text))
    page.html(_div(' class="ex-parallel-link"', f'<a href="{parallel}">{labels["read_parallel"]}</a>'))
    if figures_md:
        page.markdown(figures_md)
    about = []
    if article.meta.get("publisher") or "notice.source" in texts:
        notice = span_html(lang, texts["notice.source"]) if "notice.source" in texts else ""
        if notice and article.meta.get("url"):  # "view the original", linked to it when its address is known
            notice = f'<a href="{prerender.attribute(article.meta["url"])}" rel="noopener">{notice}</a>'
        notice = f" — {notice}" if notice else ""
        about.append(f"<strong>{labels['source']}:</strong> "
                     f"{span_html(lang, _source_text(article.meta.get('publisher', '')))}{notice}")
    if article.meta.get("url"):
        url = prerender.attribute(article.meta["url"])
        about.append(f'<strong>{labels["original_page"]}:</strong> <a href="{url}" rel="noopener" '
                     f'dir="ltr">{url}</a>')
    if "caption.image_credit" in texts:
        about.append(f"<strong>{labels['image_credit']}:</strong> {span_html(lang, texts['caption.image_credit'])}")
    if about:
        page.markdown(f"\n## {labels['about_article']}\n")
        page.html(_div(' class="ex-source" id="source"', *about))
        for ctx in ("notice.source", "caption.image_credit"):
            if ctx in texts:
                page.html(notes(lang, texts[ctx]))
    if article.meta.get("disclaimer"):
        dis_lang = "en"
        attrs = "" if dis_lang == lang else f' lang="{dis_lang}" dir="{facts(dis_lang).direction}"'
        page.html(_div(f' class="ex-disclaimer"{attrs}', f"<strong>{LABELS[dis_lang]['disclaimer']}:</strong> "
                       f"{prerender.inline(article.meta['disclaimer'])}"))
    return page.text()


def _fuzzy_marker(lang: str, text: Text) -> str:
    title = prerender.attribute(f"{LABELS[lang]['fuzzy']}: {plain(text.previous)}")
    return f'<span class="ex-fuzzy-mark" title="{title}">{LABELS[lang]["fuzzy"]}</span>'


# --- segment labels -----------------------------------------------------------------------------


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
