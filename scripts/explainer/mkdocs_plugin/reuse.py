"""Pages reused from the previous build, when nothing they are made of changed.

MkDocs renders every page on every build. In a dirty build into the output of the previous one,
the explainer plugin tells MkDocs, page by page, which pages to render again: a page is reused when
its key is the one recorded with its output last time. The key is made from the data a page is
rendered from (the theme's templates read nothing else): its source file, title, address and
front matter; the navigation as the page shows it (Material's ``navigation.prune`` renders the
sections on the way to the page in full and every other section as its title and first page);
its twins in the other languages; and the build's environment (configuration, templates, the
versions of MkDocs, the theme, the plugins and the explainer itself), whose change drops every
record. Each page's search record is kept with its key (its digest in the ledger, the record in a
store beside it: :mod:`explainer.record_store`), so that a reused page is indexed as it was (a page
whose record is not in the store is rendered again), and so is what reading it gave (title, front
matter, anchors): a page whose source file is the one read last time is not read again unless its
key changed. Files of the output that no build of this run wrote (a deleted article's pages) are
removed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..fsio import remove_stale, write_if_changed
from ..record_store import RecordStore
from .page_keys import page_key, source_digest

class Ledger:
    """The previous build's keys and search records' digests, page by page (one JSON file per output)."""

    def __init__(self, path: Path, environment: str) -> None:
        self.path, self.environment = path, environment
        self.pages: dict[str, dict] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        self.bundles: dict[str, str] = {}  # language -> digest of the records its search bundle holds
        if data.get("environment") == environment:
            self.pages, self.bundles = data.get("pages", {}), data.get("bundles", {})
        self.next: dict[str, dict] = {}
        self.next_bundles: dict[str, str] = {}
        self.counts: dict[str, int] = {}  # pages reused and rendered by the last build (for the benchmark)

    def reusable(self, src_uri: str, key: str, output: Path) -> bool:
        """Whether the page's output is there and was made from the same key."""
        return self.pages.get(src_uri, {}).get("key") == key and output.is_file()

    def keep(self, src_uri: str, key: str, search: list | None, read: dict | None = None,
             places: dict | None = None) -> None:
        self.next[src_uri] = {"key": key, "search": search, "read": read, "splice": places}

    def places_of(self, src_uri: str) -> dict | None:
        """Where the page's pre-rendered blocks are in its output (:mod:`.splice`), if recorded."""
        return self.pages.get(src_uri, {}).get("splice")

    def search_of(self, src_uri: str) -> list | None:
        return self.pages.get(src_uri, {}).get("search")

    def last_read(self, src_uri: str) -> dict:
        """What reading the page gave last time (its source file's digest and stat included)."""
        return self.pages.get(src_uri, {}).get("read") or {}

    def read_of(self, src_uri: str, source: str) -> dict | None:
        """What reading the page gave last time, if its source file was the same (``source``)."""
        read = self.last_read(src_uri)
        return read if read.get("source") == source else None

    @property
    def unfinished(self) -> Path:
        """The pages and search bundles a build is writing, until its keys are saved: a build that
        fails or is stopped leaves it, and the next build writes them again whatever their keys."""
        return self.path.with_name(f"{self.path.stem}.unfinished.json")

    def forget_unfinished(self) -> None:
        try:
            data = json.loads(self.unfinished.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for src in data.get("pages", []):
            self.pages.pop(src, None)
        for lang in data.get("bundles", []):
            self.bundles.pop(lang, None)

    def writing(self, pages: list[str], bundles: list[str]) -> None:
        """Record what this build is about to write (see :attr:`unfinished`)."""
        self.unfinished.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(self.unfinished, json.dumps({"pages": sorted(pages), "bundles": sorted(bundles)},
                                                     ensure_ascii=False), durable=False)

    def save(self, write: bool = True) -> None:
        """The keys of this build, for the next: in memory, and unless ``write`` is False (a live
        preview, whose output does not outlast it) in the file (written whole, then renamed)."""
        if write:
            write_if_changed(self.path, json.dumps({"environment": self.environment, "pages": self.next,
                                                    "bundles": self.next_bundles, "counts": self.counts},
                                                   ensure_ascii=False, separators=(",", ":"), default=str),
                             durable=False)
        self.pages, self.next, self.bundles, self.next_bundles = self.next, {}, self.next_bundles, {}
        self.unfinished.unlink(missing_ok=True)


def unlink(path: str | Path) -> None:
    """Remove a file about to be written again, so that it is written as a new file (the published
    site holds links to the previous one, which must not change under it)."""
    Path(path).unlink(missing_ok=True)


class Reuse:
    """The plugin's part in a dirty build: pages whose source is unchanged left unread, keys
    computed once the navigation is made, pages whose key is unchanged left as they are (the others
    read if they were not), files about to be written again removed first, stale files removed at
    the end, and the keys, search records and what reading gave saved for the next build."""

    def __init__(self, ledger_path: Path, environment: str, ledger: Ledger | None = None) -> None:
        """``ledger``: the one of the previous build of this process (a live preview's), if it is
        of the same environment; else it is read from ``ledger_path``."""
        usable = ledger is not None and ledger.environment == environment and ledger.path == ledger_path
        self.ledger = ledger if usable else Ledger(ledger_path, environment)
        self.ledger.forget_unfinished()
        self.environment = environment
        self.keys: dict[str, str] = {}
        self.sources: dict[str, str] = {}  # src_uri -> digest of its source file
        self.stats: dict[str, list[int]] = {}  # src_uri -> size, modification time and inode of its source
        self.unread: set[str] = set()  # src_uri of the pages MkDocs was told not to read
        self.read: dict[str, dict] = {}  # src_uri -> what reading it gave (see compat.read_state)
        self.reused: list[str] = []  # src_uri of every page left as it was
        self.written: set[str] = set()  # every file a build of this run wrote or kept
        self.records = RecordStore(self.ledger.path.with_name(f"{self.ledger.path.stem}-records"))

    def leave_unread(self, config, files) -> None:
        """Before MkDocs reads the pages: those whose source file is the one read last time are
        given what reading it gave and left unread; every other page is read."""
        from . import compat

        for file in files.documentation_pages():
            page = compat.page_of(file, config)
            source = self.sources[file.src_uri] = self._source(file)
            state = self.ledger.read_of(file.src_uri, source)
            unread = state is not None and compat.restore_read_state(page, state, files)
            compat.set_modified(file, not unread)
            if unread:
                self.unread.add(file.src_uri)
                self.read[file.src_uri] = state

    def _source(self, file) -> str:
        """The digest of a page's source file, read again only when the file's size, modification
        time or inode (a file written by renaming a new one over it) differ from last time."""
        if not file.abs_src_path:
            return source_digest(file.page)
        st = os.stat(file.abs_src_path)
        stamp = self.stats[file.src_uri] = [st.st_size, st.st_mtime_ns, st.st_ino]
        read = self.ledger.last_read(file.src_uri)
        return read["source"] if read.get("stat") == stamp and read.get("source") else source_digest(file.page)

    def decide(self, config, files, nav, alternates_of, extra_alternate: list) -> None:
        """Which pages of this build are rendered again: those whose key changed (or whose output
        is gone); the others are marked unmodified for MkDocs."""
        from . import compat

        site = Path(config.site_dir)
        for file in files:
            self.written.add(str(Path(file.abs_dest_path)))
            if file.is_documentation_page() and file.page is not None:
                src = file.src_uri
                source = self.sources.get(src) or self._source(file)
                key = self.keys[src] = page_key(self.environment, file.page, nav, alternates_of(file.page),
                                                extra_alternate, source)
                reused = self.ledger.reusable(src, key, Path(file.abs_dest_path)) and self._record_kept(src)
                if not reused and src in self.unread:  # to be rendered: read after all
                    compat.read_now(file.page, config, files)
                    self.unread.discard(src)
                    del self.read[src]
                if src not in self.read:
                    self.read[src] = dict(compat.read_state(file.page), source=source, stat=self.stats.get(src))
                compat.set_modified(file, not reused)
                if reused:
                    self.reused.append(src)
                    self.ledger.keep(src, key, self.ledger.search_of(src), self.read[src], self.ledger.places_of(src))
            elif file.abs_src_path and os.path.isfile(file.abs_dest_path) and \
                    os.path.getmtime(file.abs_dest_path) < os.path.getmtime(file.abs_src_path):
                unlink(file.abs_dest_path)  # to be copied again: as a new file
        for name in (*config.theme.static_templates, "sitemap.xml.gz"):
            self.written.add(str(site / name))
        reused = set(self.reused)
        self.ledger.writing([src for src in self.keys if src not in reused], list(self.ledger.bundles))

    def index_pages(self, lang: str) -> Path:
        """The folder of the pages Pagefind indexes for ``lang``, kept beside the ledger."""
        return self.ledger.path.with_name(f"{self.ledger.path.stem}-search-{lang}")

    def index_output(self, lang: str) -> Path:
        """The folder of Pagefind's output for ``lang``, kept beside the ledger."""
        return self.ledger.path.with_name(f"{self.ledger.path.stem}-pagefind-{lang}")

    def rendered(self, page, search) -> None:
        """A page rendered, with its search record (an :class:`explainer.search_index.Indexed`, or None)."""
        src = page.file.src_uri
        if search is not None:
            self.records.put(search.digest, search.data())
        self.ledger.keep(src, self.keys.get(src, ""), search.ref() if search is not None else None, self.read.get(src))

    def placed(self, page, places: dict | None) -> None:
        """Where the rendered page's pre-rendered blocks are in its output."""
        entry = self.ledger.next.get(page.file.src_uri)
        if entry is not None:
            entry["splice"] = places

    def search_records(self) -> list:
        """The search records of the pages left as they were (:class:`explainer.search_index.Indexed`,
        read from the store when wanted)."""
        from ..search_index import Indexed

        refs = (self.ledger.next[src]["search"] for src in self.reused)
        return [Indexed(digest, url, lang, self.records.loader(digest)) for digest, url, lang in filter(None, refs)]

    def _record_kept(self, src: str) -> bool:
        """Whether the page's search record (if it has one) is in the store."""
        ref = self.ledger.search_of(src)
        return ref is None or self.records.has(ref[0])

    def finish(self, site: Path, extra: list[Path], kept: tuple[Path, ...], write: bool = True) -> list[str]:
        """Stale files removed (what no build of this run wrote, ``extra`` and ``kept`` aside) and
        the keys saved; returns the files removed."""
        self.written.update(str(path) for path in extra)
        removed = remove_stale(site, self.written, kept)
        self.ledger.counts = {"reused": len(self.reused), "rendered": len(self.keys) - len(self.reused),
                              "removed": len(removed)}
        if write:  # a live preview's records stay until the next build that saves its keys
            self.records.keep_only({entry["search"][0] for entry in self.ledger.next.values() if entry["search"]})
        self.ledger.save(write)
        return removed
