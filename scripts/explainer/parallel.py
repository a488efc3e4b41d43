"""The side-by-side page of an article: Arabic and English row by row, each row linked to its paragraph on
the single-language pages."""

from __future__ import annotations

from .article import HEADING, Article
from .locales import LABELS, facts, other
from .render import Page, Text, front_matter, html, notes, plain, span
from .urls import cross_link


def parallel_page(article: Article, lang: str, texts: dict[str, dict[str, Text]], sources: list[str]) -> str:
    """Arabic and English side by side, row by row; each row links to the single-language pages."""
    labels = LABELS[lang]
    doc = f"parallel/{article.slug}.md"
    title = texts[lang]["title"]
    order = (lang, other(lang))
    page = Page(front_matter(sources, {"title": f"{plain(title.markdown)} — {labels['parallel']}",
                                        "hide": ["navigation", "toc"],
                                        "search": {"exclude": True}}))  # the article pages are indexed
    page.markdown(f"\n# {span(lang, title)}\n")
    rows = [f"<p>{labels['parallel']}</p>", '<div class="ex-parallel">']
    for block in article.blocks:
        rows.append(f'<div class="ex-row" id="r-{block.id}">')
        for cell_lang in order:
            text = texts[cell_lang][block.id]
            link = cross_link(lang, doc, cell_lang, f"articles/{article.slug}.md", block.id)
            body = f"<strong>{html(text)}</strong>" if block.kind == HEADING else html(text)
            link_label = labels[f"on_{cell_lang}_page"]
            cell_notes = notes(text.lang, text)
            rows.append(f'<div class="ex-cell" lang="{text.lang}" dir="{facts(text.lang).direction}">\n'
                        f"<p>{body}</p>\n" + (f"{cell_notes}\n" if cell_notes else "") +
                        f'<p><span class="ex-row-link" lang="{lang}" dir="{facts(lang).direction}">'
                        f'<a href="{link}">{link_label}</a></span></p>\n</div>')
        rows.append("</div>")
    rows.append("</div>")
    page.html("\n".join(rows))
    return page.text()
