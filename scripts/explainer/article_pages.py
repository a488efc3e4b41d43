"""One article's pages: read, linked to the glossary, rendered in both languages, summarised."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import cache
from . import catalog as catalog_mod
from . import figures as figures_mod
from . import termlinks
from . import parallel, render
from . import list_pages
from . import urls
from .errors import Problem
from .header import with_digest
from .locales import LANGUAGES, SOURCE_LANG, TARGET_LANG
from .sources import _po_line, _read, load_arabic_notes, load_article, load_figures


def plan_article(context, slug: str) -> tuple[cache.Summary, dict[Path, str], bytes | None]:
    """One article read and rendered: its summary, its four pages, its updated catalog (or None)."""
    paths, glossary, matchers = context.paths, context.glossary, context.matchers
    glossary_rel = paths.rel(paths.glossary)
    glossary_url = urls.cross_link(SOURCE_LANG, "articles/x.md", SOURCE_LANG, "glossary.md")
    folder = paths.article_dir(slug)
    article, catalog, changed = load_article(paths, slug)
    figures = load_figures(paths, article)
    arabic_notes = load_arabic_notes(paths, article)
    summary = cache.Summary(slug)
    pages: dict[Path, str] = {}
    warnings = summary.warnings
    ar_rel, po_rel = paths.rel(folder / "ar.md"), paths.rel(folder / "en.po")
    for line in article.derived_ids:
        warnings.append(Problem(ar_rel, line, "block has no anchor id line such as '{: #p-… }'; "
                                "an id derived from its text is used until one is added"))
    for block in article.blocks:
        for word in termlinks.unresolved_latin(block.text, matchers["ar"], glossary):
            warnings.append(Problem(ar_rel, block.line, f"Latin-script word '{word}' is neither "
                                    f"a glossary entry nor in the allow_latin list of {glossary_rel}"))
    po_path = folder / "en.po"
    catalog_bytes = catalog_mod.dump(catalog, _read(po_path)) if changed else None
    po_bytes = catalog_bytes if changed else po_path.read_bytes()
    stats = summary.stats = catalog_mod.stats(catalog)
    pending = []
    for message in catalog:
        if message.id and (not message.string or message.fuzzy):
            state = "fuzzy" if message.string else "untranslated"
            pending.append((message.context, state))
            warnings.append(Problem(po_rel, _po_line(po_bytes, message.context), f"{state} entry '{message.context}'"))
    translations = catalog_mod.translations(catalog)
    for ctx, translation in list(translations.items()):
        reason = render.translation_problem(translation.text) if translation.text else None
        if reason:
            warnings.append(Problem(po_rel, _po_line(po_bytes, ctx), f"entry '{ctx}': the translation "
                                    f"{reason}; the Arabic source is shown instead"))
            translations[ctx] = replace(translation, text="", fuzzy=False)
    numbers = {b.id: n for n, b in enumerate((b for b in article.blocks if b.kind == "paragraph"), 1)}
    extra_sources = [glossary_rel] if glossary.entries else []
    if figures.figures or figures.timeline:
        extra_sources.append(paths.rel(folder / "figures.yml"))
    texts_by_lang: dict[str, dict[str, render.Text]] = {}
    for lang in LANGUAGES:
        lang_sources = [ar_rel] + ([po_rel] if lang == TARGET_LANG else []) + extra_sources
        texts = render.localise(article, lang, translations)
        if lang == SOURCE_LANG:  # the Arabic reader's own notes
            texts = {ctx: replace(text, notes=(arabic_notes[ctx],) if ctx in arabic_notes else ())
                     for ctx, text in texts.items()}
        texts_by_lang[lang] = texts  # with the glossary links made below, for the side-by-side page too
        found_here = summary.occurrences[lang] = []
        linked_here = [b for b in article.blocks if b.kind == "paragraph" and texts[b.id].lang == lang]
        scope = termlinks.scope_of(matchers[lang], slug, [texts[b.id].markdown for b in linked_here])
        for block in linked_here:
            text = texts[block.id]
            linked, found = termlinks.link_terms_html(text.markdown, matchers[lang], glossary_url,
                                                         scope=scope)
            texts[block.id] = replace(text, html=linked)
            found_here += [(entry.id, block.id, numbers[block.id]) for entry in found]
        revised = catalog.revision_date if lang == TARGET_LANG and stats.translated else None
        page = render.article_page(article, lang, texts, lang_sources, figures_mod.section(figures, lang, numbers),
                                   revised.date().isoformat() if revised else "")
        pages[paths.docs / lang / "articles" / f"{slug}.md"] = with_digest(page)
        summary.entries[lang] = list_pages.ArticleEntry(slug, texts["title"], texts.get("byline.author"), len(numbers),
                                                    render.untranslated(texts, lang))
    noted = {TARGET_LANG: {ctx: render.note_html(translation.notes) for ctx, translation in translations.items()
                           if translation.notes and translation.text},
             SOURCE_LANG: {ctx: render.note_html((note,), SOURCE_LANG) for ctx, note in arabic_notes.items()}}
    for lang in LANGUAGES:
        page = parallel.parallel_page(article, lang, texts_by_lang, [ar_rel, po_rel])
        pages[paths.docs / lang / "parallel" / f"{slug}.md"] = with_digest(page)
        summary.notes[lang] = [
            list_pages.NotedSegment(slug, texts_by_lang[lang]["title"], ctx, render.segment_label(article, ctx, lang),
                                html)
            for ctx, html in noted[lang].items()]
        summary.status[lang] = list_pages.StatusRow(
            slug, texts_by_lang[lang]["title"], stats.total, stats.translated, stats.fuzzy, stats.untranslated,
            tuple((ctx, state, render.segment_label(article, ctx, lang)) for ctx, state in pending))
    summary.digest  # encoded and digested here, in the process that read the article
    return summary, pages, catalog_bytes
