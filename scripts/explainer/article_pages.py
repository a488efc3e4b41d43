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
    plan = _ArticlePlan(context, slug)
    plan.source_warnings()
    pending = plan.catalog_warnings()
    translations = plan.checked_translations()
    texts_by_lang = {lang: plan.article_page(lang, translations) for lang in LANGUAGES}
    plan.side_by_side_and_lists(texts_by_lang, translations, pending)
    plan.summary.digest  # encoded and digested here, in the process that read the article
    return plan.summary, plan.pages, plan.catalog_bytes


class _ArticlePlan:
    """The state of one article while its pages are made, step by step."""

    def __init__(self, context, slug: str) -> None:
        self.paths, self.glossary, self.matchers = context.paths, context.glossary, context.matchers
        self.slug = slug
        folder = self.paths.article_dir(slug)
        self.article, self.catalog, changed = load_article(self.paths, slug)
        self.figures = load_figures(self.paths, self.article)
        self.arabic_notes = load_arabic_notes(self.paths, self.article)
        self.summary = cache.Summary(slug)
        self.pages: dict[Path, str] = {}
        self.ar_rel, self.po_rel = self.paths.rel(folder / "ar.md"), self.paths.rel(folder / "en.po")
        self.glossary_rel = self.paths.rel(self.paths.glossary)
        po_path = folder / "en.po"
        self.catalog_bytes = catalog_mod.dump(self.catalog, _read(po_path)) if changed else None
        self.po_bytes = self.catalog_bytes if changed else po_path.read_bytes()
        self.stats = self.summary.stats = catalog_mod.stats(self.catalog)
        self.numbers = {b.id: n for n, b in enumerate((b for b in self.article.blocks if b.kind == "paragraph"), 1)}
        self.extra_sources = [self.glossary_rel] if self.glossary.entries else []
        if self.figures.figures or self.figures.timeline:
            self.extra_sources.append(self.paths.rel(folder / "figures.yml"))

    def source_warnings(self) -> None:
        warnings = self.summary.warnings
        for line in self.article.derived_ids:
            warnings.append(Problem(self.ar_rel, line, "block has no anchor id line such as '{: #p-… }'; "
                                    "an id derived from its text is used until one is added"))
        for block in self.article.blocks:
            for word in termlinks.unresolved_latin(block.text, self.matchers["ar"], self.glossary):
                warnings.append(Problem(self.ar_rel, block.line, f"Latin-script word '{word}' is neither "
                                        f"a glossary entry nor in the allow_latin list of {self.glossary_rel}"))

    def catalog_warnings(self) -> list[tuple[str, str]]:
        """The entries still to translate or review, each a warning: (anchor id, state) of each."""
        pending = []
        for message in self.catalog:
            if message.id and (not message.string or message.fuzzy):
                state = "fuzzy" if message.string else "untranslated"
                pending.append((message.context, state))
                self.summary.warnings.append(Problem(self.po_rel, _po_line(self.po_bytes, message.context),
                                                     f"{state} entry '{message.context}'"))
        return pending

    def checked_translations(self) -> dict[str, catalog_mod.Translation]:
        """The translations, each that cannot be shown replaced by the Arabic source (and reported)."""
        translations = catalog_mod.translations(self.catalog)
        for ctx, translation in list(translations.items()):
            reason = render.translation_problem(translation.text) if translation.text else None
            if reason:
                self.summary.warnings.append(Problem(self.po_rel, _po_line(self.po_bytes, ctx), f"entry '{ctx}': "
                                                     f"the translation {reason}; the Arabic source is shown instead"))
                translations[ctx] = replace(translation, text="", fuzzy=False)
        return translations

    def texts(self, lang: str, translations: dict) -> dict[str, render.Text]:
        texts = render.localise(self.article, lang, translations)
        if lang == SOURCE_LANG:  # the Arabic reader's own notes
            texts = {ctx: replace(text, notes=(self.arabic_notes[ctx],) if ctx in self.arabic_notes else ())
                     for ctx, text in texts.items()}
        return texts

    def link_terms(self, lang: str, texts: dict[str, render.Text]) -> None:
        """The glossary's terms linked in the paragraphs written in ``lang``, and their mentions kept."""
        glossary_url = urls.cross_link(SOURCE_LANG, "articles/x.md", SOURCE_LANG, "glossary.md")
        found_here = self.summary.occurrences[lang] = []
        linked_here = [b for b in self.article.blocks if b.kind == "paragraph" and texts[b.id].lang == lang]
        scope = termlinks.scope_of(self.matchers[lang], self.slug, [texts[b.id].markdown for b in linked_here])
        for block in linked_here:
            text = texts[block.id]
            linked, found = termlinks.link_terms_html(text.markdown, self.matchers[lang], glossary_url, scope=scope)
            texts[block.id] = replace(text, html=linked)
            found_here += [(entry.id, block.id, self.numbers[block.id]) for entry in found]

    def article_page(self, lang: str, translations: dict) -> dict[str, render.Text]:
        """The article's page in ``lang``; its texts, glossary links made (for the side-by-side page too)."""
        texts = self.texts(lang, translations)
        self.link_terms(lang, texts)
        lang_sources = [self.ar_rel] + ([self.po_rel] if lang == TARGET_LANG else []) + self.extra_sources
        revised = self.catalog.revision_date if lang == TARGET_LANG and self.stats.translated else None
        page = render.article_page(self.article, lang, texts, lang_sources,
                                   figures_mod.section(self.figures, lang, self.numbers),
                                   revised.date().isoformat() if revised else "")
        self.pages[self.paths.docs / lang / "articles" / f"{self.slug}.md"] = with_digest(page)
        self.summary.entries[lang] = list_pages.ArticleEntry(self.slug, texts["title"], texts.get("byline.author"),
                                                             len(self.numbers), render.untranslated(texts, lang))
        return texts

    def side_by_side_and_lists(self, texts_by_lang: dict, translations: dict, pending: list) -> None:
        """The side-by-side pages, and what the notes and status lists show of the article."""
        article, slug, stats = self.article, self.slug, self.stats
        noted = {TARGET_LANG: {ctx: render.note_html(translation.notes) for ctx, translation in translations.items()
                               if translation.notes and translation.text},
                 SOURCE_LANG: {ctx: render.note_html((note,), SOURCE_LANG) for ctx, note in self.arabic_notes.items()}}
        for lang in LANGUAGES:
            page = parallel.parallel_page(article, lang, texts_by_lang, [self.ar_rel, self.po_rel])
            self.pages[self.paths.docs / lang / "parallel" / f"{slug}.md"] = with_digest(page)
            title = texts_by_lang[lang]["title"]
            self.summary.notes[lang] = [
                list_pages.NotedSegment(slug, title, ctx, render.segment_label(article, ctx, lang), html)
                for ctx, html in noted[lang].items()]
            self.summary.status[lang] = list_pages.StatusRow(
                slug, title, stats.total, stats.translated, stats.fuzzy, stats.untranslated,
                tuple((ctx, state, render.segment_label(article, ctx, lang)) for ctx, state in pending))
