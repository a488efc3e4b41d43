"""The explainer's MkDocs plugin: what the site needs of MkDocs, Material and mkdocs-static-i18n.

- ``mkdocs serve``: the pages are generated again from content/ after every save
  (:mod:`.serving`), and MkDocs rebuilds what changed, so an edit of ar.md or en.po shows up live.
  (``explainer serve`` runs its own preview, :mod:`.preview`, for which the plugin records where
  each page's pre-rendered blocks are in its output: the ``splice`` setting.)
- Pre-rendered HTML (:mod:`.skeleton`): the blocks the generator rendered itself are taken out of
  a page before it is converted and put back when the page is written, unchanged; what is left of
  a generated page (its headings and intro) is converted as Python-Markdown would, without a
  converter for every page. The templates' indentation is stripped from every page, and a written
  page's Markdown and HTML are let go (MkDocs would hold every page's until the build ends).
- The 404 page: mkdocs-static-i18n renders ``404.html`` once per language into the same file, so
  the last language built wins. Here each language keeps its own (the default language's at the
  site root, the others under their folder), whose switcher points at the language home pages.
- Search (:mod:`explainer.search_index`): every page not left out of search (front matter
  ``search: {exclude: true}``) becomes one record of its language's Pagefind bundle, made from its
  content as it is written; the bundles are written when the outermost build ends.
- Parallel builds (:mod:`.build`): ``explainer build`` runs one MkDocs process per language at
  once, each naming its language in ``languages``; the other languages' pages are left out of that
  process's builds (mkdocs-static-i18n still knows them, so switchers and hreflang links are
  whole), and the outputs are merged.
- The navigation: articles in nested sections of ``articles_per_section`` (:mod:`.nav`).

mkdocs-static-i18n builds the other languages from inside the default language's
``on_post_build``; the work that needs every language done runs when the outermost build ends.
Event priorities place each handler against its neighbours': mkdocs-static-i18n's (-100 for
files and navigation, 50 for page Markdown).
"""

from __future__ import annotations

import logging
import sys
from copy import deepcopy
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from ..fsio import write_if_changed
from . import build as sitebuild
from . import compat, nav, page_keys, reuse, serving, skeleton, splice
from .config import ExplainerConfig

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self) -> None:
        self.depth = 0  # builds under way: mkdocs-static-i18n nests the other languages' builds
        self.pages_404: dict[str, str] = {}  # language -> its 404 page
        self.pre_rendered: dict[str, tuple[str, int]] = {}  # page -> key and number of its blocks
        self.placing: dict[str, tuple[str, list[str]]] = {}  # page -> its skeleton's digest and blocks (splice)
        self.search_records: list = []  # explainer.search_index.Indexed of every page searched
        self.headings: skeleton.Headings | None = None
        self.rendered: dict[str, int] = {}  # pages rendered per language, for the progress line
        self.dirty = False
        self.previewing = False
        self.ledger: reuse.Ledger | None = None  # a live preview's, from one rebuild to the next
        self.reuse: reuse.Reuse | None = None  # in a dirty build: the pages left as they were
        self.nav = None
        self.watcher: serving.ContentWatcher | None = None  # under mkdocs serve: content/ watched

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.previewing, self.dirty = command == "serve", dirty

    # --- the build -----------------------------------------------------------------------------

    def on_pre_build(self, *, config) -> None:
        from ..locales import permalink_title

        self.depth += 1
        if self.depth == 1 and not sitebuild.wait_for_start():
            raise SystemExit(0)  # started before its pages were made, which failed: nothing to build
        # the headings' permalinks titled in the language being built (theme.language, which
        # mkdocs-static-i18n sets for each language's build)
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = permalink_title(config.theme["language"])
        self.headings = skeleton.headings_of(config.markdown_extensions, config.mdx_configs)
        i18n = compat.i18n(config)
        only = set(self.config.languages)
        if only and i18n is not None and i18n.is_default_language_build \
                and not (set(i18n.build_languages) - {i18n.current_language}) & only:
            i18n.skip_other_languages()  # a one-language process of the default language
        if self.depth == 1 and self.watcher is not None:
            self.watcher.wait()  # a rebuild reads the pages of a finished generation
        if self.depth == 1 and self.dirty and self.config.reuse:
            self.reuse = reuse.Reuse(Path(self.config.reuse), page_keys.environment_key(
                Path(config.config_file_path), list(config.theme.dirs)), self.ledger)
            compat.quiet_dirty_warning()

    def on_serve(self, server, *, config, builder):
        """The pages generated again whenever content/ changes (MkDocs rebuilds when they do)."""
        from ..cache import FOLDER

        if self.config.generate_on_serve and self.watcher is None:
            root = Path(config.config_file_path).resolve().parent
            self.watcher = serving.ContentWatcher(root, root / "content", root / FOLDER / "generated")
            self.watcher.start()
            server.unwatch(config.docs_dir)  # its generated pages: the watcher's stamp tells of them
            for path, recursive in serving.watched_docs(Path(config.docs_dir)):
                server.watch(str(path), recursive=recursive)
            server.watch(str(self.watcher.stamp), recursive=False)
        return server

    @event_priority(-50)  # before mkdocs-static-i18n (-100) makes the language's file list
    def on_files(self, files, *, config):
        """In a one-language process, leave the other languages' pages out of their builds, before
        mkdocs-static-i18n goes through every file for a build whose pages are not written here
        (which it finds without a home page: a warning of no consequence here, left unsaid)."""
        i18n = compat.i18n(config)
        if not self.config.languages or i18n is None or i18n.current_language in self.config.languages:
            return files
        compat.quiet_missing_home(i18n.current_language)
        return Files([f for f in files if not f.is_documentation_page()])

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has made the language's navigation
    def on_nav(self, nav_, *, config, files):
        """Articles in nested sections, which Material's navigation.prune renders only along the
        open path (side-by-side and continuation pages are left out by ``not_in_nav``)."""
        self.nav = nav.group_articles(nav_, self.config.articles_per_section)
        if self.reuse is not None:  # pages read again only when their source changed
            self.reuse.leave_unread(config, files)
        return self.nav

    # --- pages -----------------------------------------------------------------------------------

    @event_priority(100)  # before mkdocs-static-i18n (50), which would read every line of the blocks
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        """Pre-rendered blocks out of the page: only their key and number are kept; the blocks are
        read again when the page is written, so that the converted pages stay small until then."""
        text, chunks, key = skeleton.split(markdown)
        if chunks:
            self.pre_rendered[page.file.src_uri] = (key, len(chunks))
            ids = skeleton.anchor_ids(chunks)  # for MkDocs' validation of links to anchors
            compat.render_with(page, lambda config, files: self._render_skeleton(page, config, files, ids))
        return text

    def _render_skeleton(self, page, config, files, block_ids: frozenset[str] = frozenset()) -> None:
        """A generated page's headings and placeholders converted by :mod:`.skeleton` (a page
        with more in it is rendered by MkDocs); the anchors of its pre-rendered blocks are the
        page's too."""
        converted = skeleton.convert_skeleton(page.markdown, self.headings) if self.headings else None
        if converted is None:
            compat.render_as_mkdocs(page, config, files)
            compat.add_anchors(page, block_ids)
            return
        compat.set_converted(page, converted.html, converted.toc_tokens, converted.title, converted.ids, block_ids)

    def on_page_context(self, context, *, page, config, nav):
        """The pre-rendered blocks back in the page; the page's search record taken."""
        stashed = self.pre_rendered.pop(page.file.src_uri, None)
        if stashed is not None:
            key, count = stashed
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            _, chunks, _ = skeleton.split(source)
            if self.config.splice and self.reuse is not None:  # where they land, for the live preview
                self.placing[page.file.src_uri] = (splice.source_digest(source)[0], chunks)
            try:
                if len(chunks) != count:
                    raise skeleton.MissingBlock(f"the page has {len(chunks)} pre-rendered blocks now, {count} "
                                                "when it was converted (it changed during the build)")
                page.content = skeleton.join(page.content, chunks, key)
            except skeleton.MissingBlock as exc:
                raise PluginError(f"{page.file.src_uri}: {exc}") from None
        searched = page.meta.get("search") or {}
        record = None
        if self.config.search and not searched.get("exclude"):
            record = self._search_record(page, config, searched.get("kind", "page"))
            self.search_records.append(record)
        if self.reuse is not None:
            self.reuse.rendered(page, record)
        return context

    def _search_record(self, page, config, kind: str):
        from ..search_index import Indexed, Record, blocks_of

        i18n = compat.i18n(config)
        lang = i18n.current_language if i18n else config.theme["language"]
        url = page.url
        if i18n is not None and lang != i18n.default_language:
            url = url[len(lang) + 1:] if url.startswith(f"{lang}/") else url
        blocks = tuple(blocks_of(page.content, items=kind == "notes"))
        return Indexed.of(Record(url, lang, page.title or "", kind, blocks))

    def on_env(self, env, *, config, files):
        """Before the templates render: a language's direction, the folder of the language being
        built (for main.html's search index); for the static templates (404.html), switcher links
        to the language homes."""
        from ..locales import facts

        i18n = compat.i18n(config)
        env.globals["explainer_direction"] = lambda code: facts(code.split("-")[0]).direction  # Babel's
        env.globals["explainer_language_prefix"] = \
            "" if i18n is None or i18n.is_default_language_build else f"{i18n.current_language}/"
        if i18n is not None and i18n.extra_alternate:
            # set as an attribute, the way mkdocs-static-i18n sets it for every page
            config.extra.alternate = deepcopy(i18n.extra_alternate)
        if self.reuse is not None:  # every page is read: which are rendered again
            self.reuse.decide(config, files, self.nav, compat.page_alternates, i18n.extra_alternate if i18n else [])
        return env

    def on_post_page(self, output: str, *, page, config) -> str:
        """Pages without the templates' indentation; the page's Markdown and HTML let go (nothing
        reads them again; MkDocs would keep them until the build ends)."""
        output = skeleton.strip_indentation(output)
        page.markdown, page.content = "", ""
        if self.reuse is not None:
            reuse.unlink(page.file.abs_dest_path)  # written as a new file
            placing = self.placing.pop(page.file.src_uri, None)
            if placing is not None:
                places = splice.locate(output, placing[1])
                self.reuse.placed(page, {"skeleton": placing[0], "places": places, "dest": page.file.dest_uri}
                                  if places else None)
        if self.config.progress:
            i18n = compat.i18n(config)
            lang = i18n.current_language if i18n else ""
            done = self.rendered[lang] = self.rendered.get(lang, 0) + 1
            if done % 50 == 0:
                sys.stderr.write(f"\r  [{lang}] {done} pages rendered")
                sys.stderr.flush()
        return output

    def on_post_template(self, output: str, *, template_name: str, config) -> str:
        if template_name.endswith(".html"):
            output = skeleton.strip_indentation(output)
        if template_name == "404.html":
            i18n = compat.i18n(config)
            self.pages_404[i18n.current_language if i18n else ""] = output
        if self.reuse is not None:
            for name in (template_name, f"{template_name}.gz"):
                reuse.unlink(Path(config.site_dir) / name)  # written as new files
        return output

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
    def on_post_build(self, *, config) -> None:
        self.depth -= 1
        if self.depth > 0:
            return
        i18n = compat.i18n(config)
        if i18n is None:
            return
        site = Path(config.site_dir)
        default = i18n.default_language
        written = []
        for lang, output in sorted(self.pages_404.items()):
            target = site / "404.html" if lang == default else site / lang / "404.html"
            write_if_changed(target, output, durable=False)  # a new file, renamed: site/ may link the old
            written.append(target)
        self.pages_404.clear()
        bundles = self._write_search(config, site, default)
        if self.reuse is not None:
            self.reuse.finish(site, written, bundles, write=not self.previewing)
            self.ledger = self.reuse.ledger if self.previewing else None
            counts = self.reuse.ledger.counts
            log.info("explainer: %d page(s) reused from the previous build, %d rendered, %d stale file(s) removed",
                     counts["reused"], counts["rendered"], counts["removed"])
            self.reuse = None

    def _write_search(self, config, site: Path, default: str) -> tuple[Path, ...]:
        """One Pagefind bundle per language built by this process (left as it is when its records
        are those it was made from); returns their folders."""
        from ..errors import ExplainerError
        from ..paths import Paths
        from ..search_index import BUNDLE, bundle_digest, write_bundle
        from ..sources import load_glossary

        records, self.search_records = self.search_records, []
        if self.reuse is not None:
            records += self.reuse.search_records()
        folders = []
        try:
            paths = Paths(Path(config.config_file_path).resolve().parent)
            glossary = load_glossary(paths)
            for lang in sorted({record.lang for record in records}):
                folder = site / BUNDLE if lang == default else site / lang / BUNDLE
                folders.append(folder)
                mine = [r for r in records if r.lang == lang]
                if self.reuse is not None:
                    digest = self.reuse.ledger.next_bundles[lang] = bundle_digest(mine, paths.glossary)
                    if self.reuse.ledger.bundles.get(lang) == digest and (folder / "pagefind-entry.json").is_file():
                        continue
                kept = (self.reuse.index_pages(lang), self.reuse.index_output(lang)) if self.reuse is not None \
                    else (None, None)
                write_bundle(mine, folder, glossary, lang, *kept)
        except ExplainerError as exc:
            raise PluginError(str(exc)) from None
        return tuple(folders)
