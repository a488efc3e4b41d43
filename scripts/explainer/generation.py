"""``explainer generate``: every page written from the sources, only what changed, in parallel
where there is much to read; an article whose inputs and pages are as they were comes from the
cache (:mod:`explainer.cache`)."""

from __future__ import annotations

import json
import os
import time

from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from . import catalog as catalog_mod
from . import glossary as glossary_mod
from . import glossary_pages
from .termlinks import Matcher, tooltip
from . import render
from . import list_pages
from .article_pages import plan_article
from .errors import ConflictError, ContentError, ExplainerError, InputError, Problem, combine
from .fsio import files_under, is_temporary, read_if_there, write_if_changed
from .header import hand_edited, is_generated, with_digest
from .locales import LANGUAGES
from .paths import Paths, article_outputs, article_slugs
from .sink import PageSink
from .sources import INPUTS, _read, load_glossary

FONT_PACKAGE = Path("node_modules/@fontsource/noto-sans-arabic/files")
FONT_FILES = tuple(f"noto-sans-arabic-{subset}-{weight}-normal.woff2"
                   for subset in ("arabic", "latin") for weight in (400, 700))


@dataclass
class GenerateResult:
    articles: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    stats: dict[str, catalog_mod.Stats] = field(default_factory=dict)


@dataclass
class Plan:
    """Everything generation would write, and what it keeps."""

    pages: set[Path] = field(default_factory=set)  # every page made (its text went to the sink)
    catalogs: dict[Path, bytes] = field(default_factory=dict)
    result: GenerateResult = field(default_factory=GenerateResult)
    kept: set[Path] = field(default_factory=set)  # pages known from the cache to be as they should
    lists: tuple[str, list[Path]] | None = None  # key and pages of the lists, to record


def plan(paths: Paths, sink: PageSink, progress=None, jobs: int = 1) -> Plan:
    """Everything generation would write: pages (each handed to ``sink`` as it is made), updated
    catalogs, and the warnings found.

    An article whose inputs and pages are as they were last time comes from the cache
    (:mod:`explainer.cache`) instead of being read again; the others are read by ``jobs``
    processes at once."""
    out = Plan()

    def take(made: _Made) -> None:
        out.pages.update(made.pages)
        sink.take(made.staged, made.conflicts)

    result = out.result
    errors: list[ExplainerError] = []
    try:
        glossary = load_glossary(paths)
    except ExplainerError as exc:
        errors.append(exc)
        glossary = glossary_mod.Glossary()
    glossary_bytes = _read(paths.glossary)
    context = _Context(paths, glossary, {lang: Matcher(glossary, lang) for lang in LANGUAGES},
                       glossary_for_articles(glossary))
    summaries: list[cache.Summary | cache.Cached] = []
    keys: list[bytes] = []
    found = []  # (slug, its cache key, its cached summary or None)
    for slug in article_slugs(paths):
        article_key = _article_key(context, slug)
        found.append((slug, article_key, cache.load(paths.root, slug, article_key)))
    made = _plan_articles(context, [(slug, article_key) for slug, article_key, cached in found if cached is None],
                          jobs)
    for number, (slug, _, summary) in enumerate(found, start=1):
        if progress is not None and (number % 50 == 0 or number == len(found)):
            progress(number, len(found))
        if summary is not None:
            out.kept.update(article_outputs(paths, slug))
        else:
            ok, value = next(made)
            if not ok:
                errors.append(value)
                continue
            take(value)
            summary = value.summary
            if value.catalog is not None:
                out.catalogs[paths.article_dir(slug) / "en.po"] = value.catalog
        summaries.append(summary)
        keys.append(summary.digest.encode())
        result.articles.append(slug)
        result.warnings += summary.warnings
        result.stats[slug] = summary.stats
    made.close()  # every article is in: the processes that read them can go
    if errors:
        raise combine(errors)
    lists_key = cache.key(glossary_bytes, *keys)
    unchanged = cache.load_lists(paths.root, lists_key)
    if unchanged is not None:
        out.kept.update(unchanged)
        return out
    for index, summary in enumerate(summaries):
        if isinstance(summary, cache.Cached):
            try:
                summaries[index] = summary.summary()
            except (OSError, ValueError, KeyError, TypeError):  # an unusable record: read the article
                ok, value = _plan_one((summary.slug, _article_key(context, summary.slug)), context)
                if not ok:
                    raise value
                take(value)
                summaries[index] = value.summary
    lists_pages: list[Path] = []
    for value in _plan_lists(context, summaries, jobs):
        take(value)
        lists_pages += value.pages
    out.lists = (lists_key, lists_pages)
    return out


PARALLEL_MIN = 32  # articles to read before more processes pay for starting them


_WORKER_CONTEXT: "_Context | None" = None  # what forked workers inherit from their parent


@dataclass
class _Context:
    paths: Paths
    glossary: glossary_mod.Glossary
    matchers: dict[str, Matcher]
    glossary_key: bytes | None = None  # what the articles' pages take from the glossary


@dataclass
class _Made:
    """Pages made (and staged) by one task, in whichever process ran it."""

    pages: list[Path]
    staged: list[tuple[Path, str]]
    conflicts: list[Problem]
    summary: cache.Summary | None = None
    catalog: bytes | None = None  # the article's updated catalog, to write


def _plan_articles(context: "_Context", tasks: list[tuple[str, str]], jobs: int):
    """``(True, _Made)`` or ``(False, error)`` per (slug, cache key) task, in order; by ``jobs``
    forked processes when there are many (they inherit ``context``; their results come back to
    this one)."""
    import multiprocessing

    if jobs < 2 or len(tasks) < PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        for task in tasks:
            yield _plan_one(task, context)
        return
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = context
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap(_plan_one, tasks, chunksize=4)
    finally:
        _WORKER_CONTEXT = None


def glossary_for_articles(glossary: glossary_mod.Glossary) -> bytes:
    """What an article's pages take from the glossary, for its cache key: each entry's id, kind,
    names, forms and the articles it is limited to (which words are linked, and the warnings of
    Latin-script words), the first sentence of each definition (the links' tooltips) and the
    allowed Latin-script words. The rest of a definition, the notes and the entries' lines are only
    on the glossary page: an edit there reads no article again."""
    entries = [[e.id, e.kind, e.ar, e.en, list(e.ar_variants), list(e.en_variants), list(e.ar_ambiguous),
                list(e.articles), tooltip(e.definition("ar")), tooltip(e.definition("en"))] for e in glossary.entries]
    return json.dumps([entries, [item.text for item in glossary.allow_latin]], ensure_ascii=False).encode("utf-8")


def _article_key(context: "_Context", slug: str, catalog: bytes | None = None) -> str:
    """The cache key of an article's sources as they are now (with ``catalog`` for its en.po, when
    generation updates it)."""
    folder = os.path.join(context.paths.articles, slug)
    inputs = [read_if_there(os.path.join(folder, name)) for name in INPUTS]
    if catalog is not None:
        inputs[1] = catalog
    return cache.key(context.glossary_key, *inputs)


def _plan_one(task: tuple[str, str], context: "_Context | None" = None):
    """One article read, rendered, its pages staged and its cache record written under the key
    of its sources as the task found them (the record is good only once the staged pages are put
    in place: it names their temporary files' size and time)."""
    slug, article_key = task
    context = context or _WORKER_CONTEXT
    try:
        summary, pages, catalog = plan_article(context, slug)
    except ExplainerError as exc:
        return False, exc
    sink = PageSink(context.paths)
    for path, text in pages.items():
        sink(path, text)
    if not sink.conflicts:
        if catalog is not None:
            article_key = _article_key(context, slug, catalog)
        cache.save(context.paths.root, summary, article_key, {path: sink.temporary.get(path, path) for path in pages})
    return True, _Made(list(pages), sink.staging.staged, sink.conflicts, summary, catalog)


_WORKER_SUMMARIES: "list[cache.Summary] | None" = None  # what forked list makers inherit


def _plan_lists(context: "_Context", summaries: list[cache.Summary], jobs: int) -> list[_Made]:
    """The lists of every language (:func:`_lists_of`), one language per forked process when
    ``jobs`` allow (they inherit the summaries; the pages they staged come back to this one)."""
    import multiprocessing

    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_lists_of(context, summaries, lang) for lang in LANGUAGES]
    global _WORKER_CONTEXT, _WORKER_SUMMARIES
    _WORKER_CONTEXT, _WORKER_SUMMARIES = context, summaries
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(LANGUAGES))) as pool:
            return pool.map(_lists_in_worker, LANGUAGES, chunksize=1)
    finally:
        _WORKER_CONTEXT, _WORKER_SUMMARIES = None, None


def _lists_in_worker(lang: str) -> _Made:
    return _lists_of(_WORKER_CONTEXT, _WORKER_SUMMARIES, lang)


def _lists_of(context: "_Context", summaries: list[cache.Summary], lang: str) -> _Made:
    """The pages listing every article (home, glossary, notes, status) in ``lang``, staged."""
    paths, glossary = context.paths, context.glossary
    all_sources = ["content/articles/*/ar.md", "content/articles/*/en.po"]
    glossary_rel = paths.rel(paths.glossary)
    occurrences: dict[str, list[glossary_pages.Occurrence]] = {}
    for summary in summaries:
        title = render.plain(summary.entries[lang].title.markdown)
        for entry_id, block_id, number in summary.occurrences[lang]:
            occurrences.setdefault(entry_id, []).append(
                glossary_pages.Occurrence(summary.slug, block_id, number, title))
    lists = list_pages.home_page(lang, [s.entries[lang] for s in summaries], ["content/articles/*/ar.md"])
    lists.update(glossary_pages.glossary_page(glossary, lang, occurrences, [glossary_rel, *all_sources],
                                            render.mark_foreign))
    lists.update(list_pages.notes_page(lang, [n for s in summaries for n in s.notes[lang]], all_sources))
    lists.update(list_pages.status_page(lang, [s.status[lang] for s in summaries], all_sources))
    sink = PageSink(paths)
    for doc, page in lists.items():
        sink(paths.docs / lang / doc, with_digest(page))
    return _Made([paths.docs / lang / doc for doc in lists], sink.staging.staged, sink.conflicts)


def generate(paths: Paths, strict: bool = False, progress=None, jobs: int = 1) -> GenerateResult:
    """Write the pages and catalogs that changed; never overwrite a page edited by hand.

    ``progress(done, total)`` is called as articles are read, for long runs on a terminal;
    ``jobs`` processes read the articles (see :func:`plan`)."""
    started = time.time()
    sink = PageSink(paths)
    staging, conflicts = sink.staging, sink.conflicts
    try:
        planned = plan(paths, sink, progress, jobs)
        if conflicts:
            raise ConflictError(conflicts)
        if strict and planned.result.warnings:
            raise ContentError(planned.result.warnings + drafts(paths, planned.result))
    except BaseException:
        staging.abort()
        raise
    pages, result = planned.pages, planned.result
    for path, data in planned.catalogs.items():
        if write_if_changed(path, data):
            result.written.append(paths.rel(path))
    result.written += [paths.rel(path) for path in staging.commit()]
    made = {str(path) for path in (*pages, *planned.kept)}
    for lang in LANGUAGES:  # generated pages that no longer have a source (a shorter list, say)
        for name in files_under(paths.docs / lang, lambda file: file.endswith(".md")):
            if name in made:
                continue
            stale = Path(name)
            text = stale.read_text(encoding="utf-8")
            if is_generated(text):
                if hand_edited(text):
                    conflicts.append(Problem(paths.rel(stale), 1, "stale generated page was edited by "
                                             "hand; it was left in place"))
                    continue
                stale.unlink()
                result.removed.append(paths.rel(stale))
    if planned.lists is not None:
        cache.save_lists(paths.root, *planned.lists)
    cache.forget_others(paths.root, result.articles)
    result.written += copy_fonts(paths)
    for folder in (staging.folder, *(paths.docs / lang for lang in LANGUAGES)):
        _remove_interrupted(folder, started)
    if conflicts:
        raise ConflictError(conflicts)
    return result


def _remove_interrupted(folder: Path | None, started: float) -> None:
    """Temporary files of an earlier run that was interrupted (older than this run: a run under
    way beside this one, such as the live preview's, keeps its own)."""
    for stale in files_under(folder, is_temporary) if folder is not None else ():
        try:
            if os.stat(stale).st_mtime < started:
                os.unlink(stale)
        except FileNotFoundError:
            pass


def drafts(paths: Paths, result: GenerateResult) -> list[Problem]:
    """One line per article that is not ready to publish, to close a strict build's messages."""
    out = []
    for slug, stats in result.stats.items():
        pending = stats.untranslated + stats.fuzzy
        if pending:
            fuzzy = f" ({stats.fuzzy} fuzzy)" if stats.fuzzy else ""
            out.append(Problem(paths.rel(paths.article_dir(slug) / "en.po"), None,
                               f"{pending} of {stats.total} entries untranslated{fuzzy} in {slug}; "
                               "`make preview` builds drafts"))
    return out


def copy_fonts(paths: Paths) -> list[str]:
    """Copy the Arabic web font from its npm package into the site's assets."""
    source = paths.root / FONT_PACKAGE
    missing = [name for name in FONT_FILES if not (source / name).is_file()]
    if missing:
        raise InputError(Problem(paths.rel(source), None, "font files missing (run `npm ci`, which "
                                 f"`make site` does): {', '.join(missing)}"))
    written = []
    target = paths.docs / "assets" / "fonts"
    for name in FONT_FILES:
        if write_if_changed(target / name, (source / name).read_bytes()):
            written.append(paths.rel(target / name))
    licence = source.parent / "LICENSE"
    if licence.is_file() and write_if_changed(target / "LICENSE-noto-sans-arabic.txt", licence.read_bytes()):
        written.append(paths.rel(target / "LICENSE-noto-sans-arabic.txt"))
    return written
