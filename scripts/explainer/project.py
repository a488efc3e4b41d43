"""The project on disk: where sources and outputs live, and the stages run over them.

This is the I/O edge: it reads files, calls the pure stage functions, and writes results via
:func:`explainer.fsio.write_if_changed`. Every problem is collected before anything fails.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from babel.messages.catalog import Catalog

from . import arnotes
from . import article as article_mod
from . import cache
from . import catalog as catalog_mod
from . import check as check_mod
from . import figures as figures_mod
from . import glossary as glossary_mod
from . import ingest, render
from .article import Article
from .errors import ConflictError, ContentError, ExplainerError, InputError, Problem, combine
from .fsio import Staging, write_if_changed
from .locales import LANGUAGES, SOURCE_LANG, TARGET_LANG

log = logging.getLogger("explainer.project")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FONT_PACKAGE = Path("node_modules/@fontsource/noto-sans-arabic/files")
FONT_FILES = tuple(f"noto-sans-arabic-{subset}-{weight}-normal.woff2"
                   for subset in ("arabic", "latin") for weight in (400, 700))
DIGEST_RE = re.compile(r"^# digest: (?P<digest>sha256:[0-9a-f]{64})\n", re.M)


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "content" / "articles"

    @property
    def glossary(self) -> Path:
        return self.root / "content" / "glossary.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def article_dir(self, slug: str) -> Path:
        return self.articles / slug

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``mkdocs.yml`` and ``content/``."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir():
            return folder
    raise InputError(Problem(str(start), None, "not inside an explainer project "
                             "(no mkdocs.yml with a content/ folder here or above)"))


# --- import -------------------------------------------------------------------------------

@dataclass
class AddResult:
    slug: str
    report: ingest.ImportReport | None
    written: list[str] = field(default_factory=list)
    update: catalog_mod.UpdateReport | None = None


SOURCE_NAMES = ("source.txt", "source.html")  # the imported page, byte for byte


def add(paths: Paths, seed: Path, slug: str, force: bool = False,
        overrides: dict[str, str] | None = None) -> AddResult:
    """Import ``seed`` (a text or HTML page) as article ``slug`` (its source file, ar.md, en.po);
    idempotent. ``overrides`` are the title, author, date, address or publisher the writer gave."""
    if not SLUG_RE.match(slug):
        raise InputError(Problem("--slug", None, f"expected lowercase letters, digits and single "
                                 f"hyphens (e.g. 'meta-ai-exodus'), found {slug!r}"))
    try:
        raw = seed.read_bytes()
    except OSError as exc:
        raise InputError(Problem(str(seed), None, f"cannot read the seed: {exc.strerror}")) from None
    folder = paths.article_dir(slug)
    source_path = folder / SOURCE_NAMES[ingest.webpage.is_html(raw)]
    ar_path, po_path = folder / "ar.md", folder / "en.po"
    previous: Article | None = None
    if ar_path.exists():
        ar_text = ar_path.read_text(encoding="utf-8")
        same_seed = source_path.exists() and source_path.read_bytes() == raw
        if same_seed and po_path.exists() and not overrides:
            log.info("%s: already imported from this seed; nothing to do", paths.rel(folder))
            return AddResult(slug, None)
        if article_mod.is_edited(ar_text) and not force:
            raise ConflictError(Problem(paths.rel(ar_path), None,
                                        "was edited since it was imported; re-importing would overwrite "
                                        "the edits (keep them, or pass --force to replace them)"))
        previous = article_mod.parse(ar_text, paths.rel(ar_path), slug)
    article, report = ingest.parse_seed(raw, str(seed), slug, previous, overrides)
    ar_text = article_mod.dump(article)
    parsed = article_mod.parse(ar_text, paths.rel(ar_path), slug)
    catalog, update = _synced_catalog(parsed, po_path, paths)
    result = AddResult(slug, report, update=update)
    outputs = [(source_path, raw), (ar_path, ar_text)]
    if update.changed:  # a translator's file is written only when its entries change
        outputs.append((po_path, catalog_mod.dump(catalog, _read(po_path))))
    for path, data in outputs:
        if write_if_changed(path, data):
            result.written.append(paths.rel(path))
    for other in SOURCE_NAMES:  # a page imported before in the other form
        if folder / other != source_path and (folder / other).exists():
            (folder / other).unlink()
            result.written.append(paths.rel(folder / other))
    return result


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


# --- generation ---------------------------------------------------------------------------

@dataclass
class GenerateResult:
    articles: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    stats: dict[str, catalog_mod.Stats] = field(default_factory=dict)


def article_slugs(paths: Paths) -> list[str]:
    if not paths.articles.is_dir():
        return []
    return sorted(p.name for p in paths.articles.iterdir() if (p / "ar.md").is_file())


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


def with_digest(text: str) -> str:
    """Insert a digest of the page after its generated-file header, to notice hand edits."""
    digest = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text.replace("explainer build`.\n", f"explainer build`.\n# digest: {digest}\n", 1)


def hand_edited(text: str) -> bool:
    match = DIGEST_RE.search(text)
    if match is None:
        return True
    return "sha256:" + hashlib.sha256(DIGEST_RE.sub("", text, count=1).encode("utf-8")).hexdigest() \
        != match.group("digest")




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


@dataclass
class Plan:
    """Everything generation would write, and what it keeps."""

    pages: set[Path] = field(default_factory=set)  # every page made (its text went to the sink)
    catalogs: dict[Path, bytes] = field(default_factory=dict)
    result: GenerateResult = field(default_factory=GenerateResult)
    kept: set[Path] = field(default_factory=set)  # pages known from the cache to be as they should
    lists: tuple[str, list[Path]] | None = None  # key and pages of the lists, to record


def article_outputs(paths: Paths, slug: str) -> list[Path]:
    return [paths.docs / lang / folder / f"{slug}.md" for lang in LANGUAGES for folder in ("articles", "parallel")]


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


class PageSink:
    """Where generated pages go. Each page is compared with the one on disk and staged (written to
    a temporary file next to it, see :class:`explainer.fsio.Staging`) only when it differs; a
    generated page edited by hand, or a hand-written page where a generated one goes, is a
    conflict and is left alone. Worker processes stage their pages in sinks of their own, which
    the parent's takes over (:meth:`take`): the pages' text never travels between processes."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self.staging = Staging()
        self.conflicts: list[Problem] = []
        self.temporary: dict[Path, str] = {}  # staged page -> its temporary file

    def __call__(self, path: Path, text: str) -> None:
        try:
            current = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current == text:
            return
        if current is not None:
            if not render.is_generated(current):
                self.conflicts.append(Problem(self.paths.rel(path), 1, "is a hand-written page where a "
                                              "generated page goes; move it, or it would be overwritten"))
                return
            if hand_edited(current):
                self.conflicts.append(Problem(self.paths.rel(path), 1, "generated page was edited by hand; "
                                              "make the change in its sources (named in its header) and "
                                              "delete this file, or it would be overwritten"))
                return
        self.temporary[path] = self.staging.add(path, text)

    def take(self, staged: list[tuple[Path, str]], conflicts: list[Problem]) -> None:
        self.staging.staged += staged
        self.conflicts += conflicts


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
    context = _Context(paths, glossary, {lang: glossary_mod.Matcher(glossary, lang) for lang in LANGUAGES},
                       glossary_bytes)
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
    for lang in LANGUAGES:  # in this process: forked, it would hold every summary once more
        value = _lists_of(context, summaries, lang)
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
    matchers: dict[str, glossary_mod.Matcher]
    glossary_bytes: bytes | None = None


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


INPUTS = ("ar.md", "en.po", "figures.yml", arnotes.FILE_NAME)  # an article's sources, whose bytes make its cache key


def _article_key(context: "_Context", slug: str, catalog: bytes | None = None) -> str:
    """The cache key of an article's sources as they are now (with ``catalog`` for its en.po, when
    generation updates it)."""
    inputs = [_read(context.paths.article_dir(slug) / name) for name in INPUTS]
    if catalog is not None:
        inputs[1] = catalog
    return cache.key(context.glossary_bytes, *inputs)


def _plan_one(task: tuple[str, str], context: "_Context | None" = None):
    """One article read, rendered, its pages staged and its cache record written under the key
    of its sources as the task found them (the record is good only once the staged pages are put
    in place: it names their temporary files' size and time)."""
    slug, article_key = task
    context = context or _WORKER_CONTEXT
    try:
        summary, pages, catalog = _plan_article(context, slug)
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


def _lists_of(context: "_Context", summaries: list[cache.Summary], lang: str) -> _Made:
    """The pages listing every article (home, glossary, notes, status) in ``lang``, staged."""
    paths, glossary = context.paths, context.glossary
    all_sources = ["content/articles/*/ar.md", "content/articles/*/en.po"]
    glossary_rel = paths.rel(paths.glossary)
    occurrences: dict[str, list[glossary_mod.Occurrence]] = {}
    for summary in summaries:
        title = render.plain(summary.entries[lang].title.markdown)
        for entry_id, block_id, number in summary.occurrences[lang]:
            occurrences.setdefault(entry_id, []).append(
                glossary_mod.Occurrence(summary.slug, block_id, number, title))
    lists = render.home_page(lang, [s.entries[lang] for s in summaries], ["content/articles/*/ar.md"])
    lists.update(glossary_mod.glossary_page(glossary, lang, occurrences, [glossary_rel, *all_sources],
                                            render.mark_foreign))
    lists.update(render.notes_page(lang, [n for s in summaries for n in s.notes[lang]], all_sources))
    lists.update(render.status_page(lang, [s.status[lang] for s in summaries], all_sources))
    sink = PageSink(paths)
    for doc, page in lists.items():
        sink(paths.docs / lang / doc, with_digest(page))
    return _Made([paths.docs / lang / doc for doc in lists], sink.staging.staged, sink.conflicts)


def _plan_article(context: _Context, slug: str) -> tuple[cache.Summary, dict[Path, str], bytes | None]:
    """One article read and rendered: its summary, its four pages, its updated catalog (or None)."""
    paths, glossary, matchers = context.paths, context.glossary, context.matchers
    glossary_rel = paths.rel(paths.glossary)
    glossary_url = render.cross_link(SOURCE_LANG, "articles/x.md", SOURCE_LANG, "glossary.md")
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
        for word in glossary_mod.unresolved_latin(block.text, matchers["ar"], glossary):
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
        scope = glossary_mod.scope_of(matchers[lang], slug, [texts[b.id].markdown for b in linked_here])
        for block in linked_here:
            text = texts[block.id]
            linked, found = glossary_mod.link_terms_html(text.markdown, matchers[lang], glossary_url,
                                                         scope=scope)
            texts[block.id] = replace(text, html=linked)
            found_here += [(entry.id, block.id, numbers[block.id]) for entry in found]
        revised = catalog.revision_date if lang == TARGET_LANG and stats.translated else None
        page = render.article_page(article, lang, texts, lang_sources, figures_mod.section(figures, lang, numbers),
                                   revised.date().isoformat() if revised else "")
        pages[paths.docs / lang / "articles" / f"{slug}.md"] = with_digest(page)
        summary.entries[lang] = render.ArticleEntry(slug, texts["title"], texts.get("byline.author"), len(numbers),
                                                    sum(1 for text in texts.values() if text.lang != lang))
    noted = {TARGET_LANG: {ctx: render.note_html(translation.notes) for ctx, translation in translations.items()
                           if translation.notes and translation.text},
             SOURCE_LANG: {ctx: render.note_html((note,), SOURCE_LANG) for ctx, note in arabic_notes.items()}}
    for lang in LANGUAGES:
        page = render.parallel_page(article, lang, texts_by_lang, [ar_rel, po_rel])
        pages[paths.docs / lang / "parallel" / f"{slug}.md"] = with_digest(page)
        summary.notes[lang] = [
            render.NotedSegment(slug, texts_by_lang[lang]["title"], ctx, render.segment_label(article, ctx, lang),
                                html)
            for ctx, html in noted[lang].items()]
        summary.status[lang] = render.StatusRow(
            slug, texts_by_lang[lang]["title"], stats.total, stats.translated, stats.fuzzy, stats.untranslated,
            tuple((ctx, state, render.segment_label(article, ctx, lang)) for ctx, state in pending))
    summary.digest  # encoded and digested here, in the process that read the article
    return summary, pages, catalog_bytes


def _po_line(po: bytes, context: str | None) -> int | None:
    needle = f'msgctxt "{context}"'.encode()
    index = po.find(needle)
    return po.count(b"\n", 0, index) + 1 if index >= 0 else None


def generate(paths: Paths, strict: bool = False, progress=None, jobs: int = 1) -> GenerateResult:
    """Write the pages and catalogs that changed; never overwrite a page edited by hand.

    ``progress(done, total)`` is called as articles are read, for long runs on a terminal;
    ``jobs`` processes read the articles (see :func:`plan`)."""
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
    for lang in LANGUAGES:  # generated pages that no longer have a source (a shorter list, say)
        folder = paths.docs / lang
        for stale in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
            if stale in pages or stale in planned.kept:
                continue
            text = stale.read_text(encoding="utf-8")
            if render.is_generated(text):
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
    for lang in LANGUAGES:  # temporary files of an interrupted earlier run
        folder = paths.docs / lang
        for stale in sorted(folder.rglob(".*.tmp")) if folder.is_dir() else ():
            stale.unlink()
    if conflicts:
        raise ConflictError(conflicts)
    return result


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


def stats(paths: Paths) -> dict[str, dict[str, catalog_mod.Stats]]:
    """Per article and language: total, translated, fuzzy, untranslated segments."""
    out: dict[str, dict[str, catalog_mod.Stats]] = {}
    for slug in article_slugs(paths):
        article, catalog, _ = load_article(paths, slug)
        total = len(catalog_mod.segments(article))
        out[slug] = {SOURCE_LANG: catalog_mod.Stats(total, total, 0, 0, 0),
                     TARGET_LANG: catalog_mod.stats(catalog)}
    return out


def source_date_epoch(paths: Paths) -> str:
    """SOURCE_DATE_EPOCH for a reproducible build: as set, else the last commit's time, else the
    newest content file's modification time."""
    import os
    import subprocess

    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=paths.root, capture_output=True,
                             text=True, check=True, timeout=10).stdout.strip()
        if out.isdigit():
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    content = paths.root / "content"
    times = [int(p.stat().st_mtime) for p in content.rglob("*") if p.is_file()] if content.is_dir() else []
    return str(max(times, default=0))


# --- checks -------------------------------------------------------------------------------------

def site_layout(paths: Paths) -> "check_mod.SiteLayout":
    """Languages, default language, site URL and single-language pages, from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(paths.root / "mkdocs.yml"))
    languages = [lang for lang in config.plugins["i18n"].config.languages if lang.build]
    default = next(lang.locale for lang in languages if lang.default)
    explainer_extra = (config.extra or {}).get("explainer", {}) or {}
    return check_mod.SiteLayout(tuple(lang.locale for lang in languages), default, config.site_url or "",
                                tuple(explainer_extra.get("single_language", ())))


def check(paths: Paths, site: Path) -> "check_mod.Report":
    """Every rule of `explainer check`, over the content and the built site."""
    if not (site / "index.html").is_file():
        raise InputError(Problem(paths.rel(site), None, "no built site here (run `explainer build` first)"))
    glossary = load_glossary(paths)
    findings: list[check_mod.Finding] = []
    untranslated: set[str] = set()
    for path in [paths.glossary] + sorted(paths.articles.glob("*/figures.yml")):
        if path.exists():
            findings += check_mod.scan_lines(paths.rel(path), path.read_text(encoding="utf-8"), hygiene=False)
    for slug in article_slugs(paths):
        folder = paths.article_dir(slug)
        ar_text = (folder / "ar.md").read_text(encoding="utf-8")
        article = article_mod.parse(ar_text, paths.rel(folder / "ar.md"), slug)
        findings += check_mod.check_article_source(paths.rel(folder / "ar.md"), ar_text, article, glossary)
        po_path = folder / "en.po"
        if not po_path.exists():
            continue
        po_bytes = po_path.read_bytes()
        findings += check_mod.scan_lines(paths.rel(po_path), po_bytes.decode("utf-8"), hygiene=False)
        on_disk = catalog_mod.read(po_bytes, paths.rel(po_path))
        entries = [check_mod.Entry(m.context or "", m.id, m.string or "", m.fuzzy and bool(m.string),
                                   _po_line(po_bytes, m.context) or 1)
                   for m in on_disk if m.id]
        obsolete = [(m.context or m.id, _po_line(po_bytes, m.context) or 1) for m in on_disk.obsolete.values()]
        findings += check_mod.check_translations(paths.rel(po_path), entries, obsolete, glossary)
        untranslated.update(" ".join(render.plain(m.id).split()) for m in on_disk if m.id and not m.string)
    layout = replace(site_layout(paths), untranslated=frozenset(untranslated))
    report = check_mod.check_site(site, layout, paths.rel(site) + "/")
    report.findings = findings + report.findings
    return report
