"""The glossary pages of each language: every entry with its definition, forms and mentions,
and the pages listing every paragraph of an entry that is mentioned in many articles."""

from __future__ import annotations

import html
from dataclasses import dataclass

from . import arabic, list_pages, paging, render, urls
from .locales import GLOSSARY_LABELS, KIND_LABELS, LABELS
from .bidi import isolate_runs
from .glossary import KINDS, LIST_SEPARATOR, Entry, Glossary



@dataclass(frozen=True)
class Occurrence:
    """Where an entry occurs: article slug, paragraph id, paragraph number, article title."""

    slug: str
    block_id: str
    number: int
    title: str


def sort_key(entry: Entry, lang: str) -> str:
    """Dictionary order of a language: Arabic ignores spelling variants and the article ال."""
    name = entry.name(lang)
    if lang == "ar":
        folded = arabic.normalise(name)
        return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded
    return name.casefold()


MENTIONS_INLINE = 1  # articles listed under an entry on the glossary page; all on its mentions pages


def glossary_page(glossary: Glossary, lang: str, occurrences: dict[str, list[Occurrence]],
                  sources: list[str], mark: "callable") -> dict[str, str]:
    """The glossary page of one language: entries grouped by kind, in dictionary order; an entry
    mentioned in many articles links to pages of its own listing every paragraph."""
    labels = GLOSSARY_LABELS[lang]
    other_lang = "en" if lang == "ar" else "ar"
    parts = [render.front_matter(sources, {"title": labels["title"], **paging.SEARCHED_GLOSSARY}),
             f"\n# {labels['title']}\n\n{labels['intro']}\n"]
    out: dict[str, str] = {}
    for kind in KINDS:
        entries = sorted((e for e in glossary.entries if e.kind == kind), key=lambda e: sort_key(e, lang))
        if not entries:
            continue
        parts.append(f"\n## {KIND_LABELS[lang][kind]}\n")
        for entry in entries:
            parts.append(f"\n### {entry.name(lang)} {{: #{entry.id} }}\n\n{entry.definition(lang)}\n\n")
            other = entry.name(other_lang)
            parts.append(f"- **{labels['other']}:** {mark(other, lang)}\n")
            variants = [v for v in entry.forms(lang)[1:] if v != entry.name(lang)]
            if variants:
                parts.append(f"- **{labels['variants']}:** " + "، ".join(mark(v, lang) for v in variants)
                             if lang == "ar" else f"- **{labels['variants']}:** "
                             + ", ".join(mark(v, lang) for v in variants))
                parts.append("\n")
            if lang == "ar" and entry.note_ar:
                parts.append(f"- **{labels['note']}:** {isolate_runs(mark(entry.note_ar, 'ar'), 'ar')}\n")
            elif entry.note:
                note = mark(entry.note, lang) if lang == "en" else \
                    f'<span lang="en" dir="ltr">{mark(entry.note, "en")}</span>'
                parts.append(f"- **{labels['note']}:** {note}\n")
            by_article: dict[str, list[Occurrence]] = {}
            for occurrence in occurrences.get(entry.id, []):
                by_article.setdefault(occurrence.slug, []).append(occurrence)
            for slug, found in list(by_article.items())[:MENTIONS_INLINE]:
                links = LIST_SEPARATOR[lang].join(f"[¶\u00a0{o.number}](articles/{slug}.md#{o.block_id})"
                                                   for o in found)
                parts.append(f"- **{labels['mentions']}:** [{found[0].title}](articles/{slug}.md): {links}\n")
            if len(by_article) > MENTIONS_INLINE:
                pages = mentions_pages(entry, lang, by_article, sources)
                first = next(iter(pages))
                total = sum(len(found) for found in by_article.values())
                parts.append(f"- [{LABELS[lang]['all_mentions'].format(count=total)}]"
                             f"({first})\n")
                out.update(pages)
    return {"glossary.md": "".join(parts), **out}


def mentions_pages(entry: Entry, lang: str, by_article: dict[str, list[Occurrence]],
                   sources: list[str]) -> dict[str, str]:
    """Every paragraph where an entry occurs, by article, over as many pages as it takes."""
    labels = GLOSSARY_LABELS[lang]

    def item(found: list[Occurrence], doc: str) -> str:
        article = urls.cross_link(lang, doc, lang, f"articles/{found[0].slug}.md")
        links = LIST_SEPARATOR[lang].join(f'<a href="{article}#{o.block_id}">¶\u00a0{o.number}</a>' for o in found)
        return f'<li><a href="{article}">{html.escape(found[0].title, quote=False)}</a>: {links}</li>'

    groups = list(by_article.values())
    stem = f"{paging.MORE}/mentions-{entry.id}"
    items = paging.ListItems(len(groups), lambda index, doc: item(groups[index], doc), stem + ".md")
    docs = paging.list_docs(stem, items.sizes, f"mentions-{entry.id}")
    glossary_link = urls.cross_link(lang, stem + ".md", lang, "glossary.md", entry.id)

    def title_of(number: int, total: int) -> str:
        title = f"{entry.name(lang)} — {labels['mentions']}"
        return f"{title} ({LABELS[lang]['page_of'].format(number=number + 1, total=total)})" if total > 1 else title

    def write(page, number: int, doc: str, chunk: list[int], title: str) -> None:
        page.markdown(f"\n# {html.escape(title, quote=False)}\n")
        name = html.escape(entry.name(lang), quote=False)
        page.html(f'<p><a href="{glossary_link}">{labels["title"]}: {name}</a></p>\n'
                  "<ul>\n" + "\n".join(items.get(i, doc) for i in chunk) + "\n</ul>")
    return list_pages.paged_list(lang, docs, sources, title_of, lambda number: paging.NOT_SEARCHED, write)
