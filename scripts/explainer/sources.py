"""An article's sources read from disk: ar.md, en.po (brought up to date), figures, notes, and
the glossary; every problem of a file reported with its line."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from . import arnotes
from . import article as article_mod
from . import catalog as catalog_mod
from . import figures as figures_mod
from . import glossary as glossary_mod
from .article import Article
from .fsio import read_if_there
from .locales import SOURCE_LANG, TARGET_LANG
from .paths import Paths, article_slugs

INPUTS = ("ar.md", "en.po", "figures.yml", arnotes.FILE_NAME)  # an article's sources, whose bytes make its cache key


_read = read_if_there  # a source's bytes, None when there is no such file


def _read_catalog(po_path: Path, article: Article, paths: Paths) -> Catalog:
    if not po_path.exists():
        return catalog_mod.new_catalog(article)
    return catalog_mod.read(po_path.read_bytes(), paths.rel(po_path))


def _synced_catalog(article: Article, po_path: Path, paths: Paths
                    ) -> tuple[Catalog, catalog_mod.UpdateReport]:
    catalog = _read_catalog(po_path, article, paths)
    before = catalog_mod.signature(catalog) if po_path.exists() else None
    report = catalog_mod.update(catalog, catalog_mod.template(article))
    report.changed = before is None or catalog_mod.signature(catalog) != before
    return catalog, report


def load_article(paths: Paths, slug: str) -> tuple[Article, Catalog, bool]:
    """Read an article and its catalog, updated to the current ar.md; the flag tells whether the
    update changed the catalog (or it is new), so that it needs writing."""
    folder = paths.article_dir(slug)
    ar_path, po_path = folder / "ar.md", folder / "en.po"
    article = article_mod.parse(ar_path.read_text(encoding="utf-8"), paths.rel(ar_path), slug)
    catalog = _read_catalog(po_path, article, paths)
    before = catalog_mod.signature(catalog) if po_path.exists() else None
    catalog_mod.update(catalog, catalog_mod.template(article))
    return article, catalog, before is None or catalog_mod.signature(catalog) != before


def load_glossary(paths: Paths) -> glossary_mod.Glossary:
    path = paths.glossary
    if not path.exists():
        return glossary_mod.Glossary()
    return glossary_mod.parse(path.read_text(encoding="utf-8"), paths.rel(path))


def load_arabic_notes(paths: Paths, article: Article) -> dict[str, str]:
    path = paths.article_dir(article.slug) / arnotes.FILE_NAME
    if not path.exists():
        return {}
    ids = {seg.context for seg in catalog_mod.segments(article)}
    return arnotes.parse(path.read_text(encoding="utf-8"), paths.rel(path), ids)


def load_figures(paths: Paths, article: Article) -> figures_mod.Figures:
    path = paths.article_dir(article.slug) / "figures.yml"
    if not path.exists():
        return figures_mod.Figures()
    paragraphs = {b.id: b.text for b in article.blocks}
    return figures_mod.parse(path.read_text(encoding="utf-8"), paths.rel(path), paragraphs)


def _po_line(po: bytes, context: str | None) -> int | None:
    needle = f'msgctxt "{context}"'.encode()
    index = po.find(needle)
    return po.count(b"\n", 0, index) + 1 if index >= 0 else None


def stats(paths: Paths) -> dict[str, dict[str, catalog_mod.Stats]]:
    """Per article and language: total, translated, fuzzy, untranslated segments."""
    out: dict[str, dict[str, catalog_mod.Stats]] = {}
    for slug in article_slugs(paths):
        article, catalog, _ = load_article(paths, slug)
        total = len(catalog_mod.segments(article))
        out[slug] = {SOURCE_LANG: catalog_mod.Stats(total, total, 0, 0, 0),
                     TARGET_LANG: catalog_mod.stats(catalog)}
    return out
