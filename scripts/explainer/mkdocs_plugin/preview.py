"""The live preview (``explainer serve``): a save shown at once, the whole site brought in line behind it.

The preview serves a site built the way ``explainer build`` builds it (one MkDocs process per
language, dirty builds that render only the pages whose output changes, outputs merged), in
``.explainer-cache/preview/``. After a save under content/ the pages are generated again
(:class:`.serving.ContentWatcher`); when every page that changed changed only inside its
pre-rendered blocks (a translation, a paragraph, a definition), their new blocks are put in place
in the served pages straight away (:mod:`.splice`) and the browsers reload. Either way a build of
the whole site then runs behind, at a lower priority, and what it gives is published (the browsers
reload again): the search index, and every page a title, a new article or a hand-written page
changes. A build that a later save has overtaken is not published; the next one is. While the
preview serves spliced pages, search still finds the text of the build before.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ExplainerError
from ..fsio import write_if_changed
from . import compat, serving
from .build import publish, render
from .splice import source_digest, splice

log = logging.getLogger("explainer.preview")

NICENESS = 10  # the builds behind the preview leave the processor to generation and splicing first


class Preview:
    """The preview's state: the site it serves, where the published pages' blocks are, and the
    builds that follow the saves."""

    def __init__(self, root: Path, languages: list[str], default: str, env: dict[str, str], jobs: int,
                 folder: Path) -> None:
        self.root, self.languages, self.default, self.env, self.jobs = root, languages, default, env, jobs
        self.folder, self.site, self.docs = folder, folder / "site", root / "docs"
        self.published = folder / "published"  # written when a build is ready: the server publishes it
        self.lock = threading.Lock()  # splicing and publishing, one at a time
        self.version = 0  # changes seen so far: a build of an older version is not published
        self.requested = threading.Event()
        self.ready: tuple[int, dict[str, Path], dict] | None = None  # a finished build, not yet published
        self.places: dict[str, dict] = {}  # src_uri -> its blocks' places in the served page (and its file)
        self.generation_shown = False  # the server's next run follows a generation (its build requested)
        self.builds = 0  # builds published (for tests)

    # --- the builds behind ------------------------------------------------------------------------

    def build(self) -> tuple[dict[str, Path], dict]:
        """The whole site's outputs, and where each page's blocks are in them."""
        env = dict(self.env, EXPLAINER_SPLICE="true")
        folders = render(self.root / "mkdocs.yml", self.languages, False, self.jobs, env, self.folder, NICENESS)
        return folders, self._places(folders)

    def _places(self, folders: dict[str, Path]) -> dict:
        places = {}
        for name in folders:
            try:
                pages = json.loads((self.folder / f"{name}.json").read_text(encoding="utf-8")).get("pages", {})
            except (OSError, ValueError):
                continue
            places.update({src: entry["splice"] for src, entry in pages.items() if entry.get("splice")})
        return places

    def publish(self, folders: dict[str, Path], places: dict) -> None:
        publish(folders, self.default, self.site, int(self.env.get("SOURCE_DATE_EPOCH", "0")))
        self.places = places
        self.builds += 1

    def request(self) -> None:
        """A change seen: the whole site is built again behind."""
        with self.lock:
            self.version += 1
        self.requested.set()

    def follow(self) -> None:
        """Build the site after every request, and have the server publish the build if no change
        came since it started (else build again)."""
        while True:
            self.requested.wait()
            self.requested.clear()
            version = self.version
            try:
                folders, places = self.build()
            except ExplainerError as exc:
                log.error("explainer: %s; the preview shows the last build that worked", exc)
                continue
            with self.lock:
                if version != self.version:
                    continue
                self.ready = (version, folders, places)
            write_if_changed(self.published, f"build of change {version}\n", durable=False)

    # --- the server's side ------------------------------------------------------------------------

    def builder(self) -> None:
        """What the server runs after a change to what it watches (requests wait meanwhile): a
        finished build published; after a generation, nothing more (its pages are spliced, or the
        build it requested will show them); after a hand-written page, the configuration or the
        theme changed, a build requested."""
        with self.lock:
            ready, self.ready = self.ready, None
            if ready is not None:  # published, or dropped: the change that overtook it asked for a build
                if ready[0] == self.version:
                    self.publish(ready[1], ready[2])
                return
            if self.generation_shown:
                self.generation_shown = False
                return
        self.request()

    # --- a save ---------------------------------------------------------------------------------------

    def generated(self, root: Path) -> list[Path]:
        """The pages generated again after a save (:func:`.serving.generate_and_report`); those
        that changed only inside their blocks spliced into the served site, and a build requested."""
        written = serving.generate_and_report(root, log)
        if serving.pages_changed(self.root / "content", written):
            self.splice(written)
            with self.lock:
                self.generation_shown = True  # the watcher's stamp, which the server sees next
            self.request()
        return written

    def splice(self, written: list[Path]) -> bool:
        """Every page of docs/ that the generation wrote spliced into the served site, if every one
        of them can be (else none is: the build behind shows them together)."""
        pages = [path for path in written if self.docs in path.parents]
        if not pages:
            return False
        done, reason = {}, ""
        with self.lock:
            for path in pages:
                src = path.relative_to(self.docs).as_posix()
                known = self.places.get(src)
                if known is None or path.suffix != ".md" or not path.is_file():
                    reason = f"{src} is new, gone or not in pre-rendered blocks"
                    break
                digest, chunks = source_digest(path.read_text(encoding="utf-8"))
                target = self.site / known["dest"]
                result = splice(target.read_text(encoding="utf-8"), known["places"], chunks) \
                    if digest == known["skeleton"] and target.is_file() else None
                if result is None:
                    reason = f"{src} changed outside its pre-rendered blocks"
                    break
                done[src] = (target, result)
            else:
                for src, (target, (output, places)) in done.items():
                    write_if_changed(target, output, durable=False)
                    self.places[src] = dict(self.places[src], places=places)
        if reason:
            log.info("explainer: %s: the edit shows once the site is built again", reason)
            return False
        log.info("explainer: %d page(s) shown with the edit; the whole site follows", len(done))
        return True


def serve(root: Path, languages: list[str], default: str, site_url: str, env: dict[str, str], jobs: int,
          dev_addr: str, folder: Path) -> None:
    """Build the site, then serve it on ``dev_addr`` (host:port) until interrupted, following
    every change to content/, the hand-written pages of docs/, mkdocs.yml and the overrides."""
    preview = Preview(root, languages, default, env, jobs, folder)
    log.info("explainer: building the preview in %s", preview.site)
    preview.publish(*preview.build())
    host, _, port = dev_addr.rpartition(":")

    def error_page(code: int) -> bytes | None:
        page = preview.site / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server = compat.live_server(preview.builder, host or "127.0.0.1", int(port), preview.site,
                                urlsplit(site_url or "/").path or "/", error_page)
    watcher = serving.ContentWatcher(root, root / "content", folder / "generated", preview.generated)
    watcher.start()
    for path, recursive in [*serving.watched_docs(preview.docs), (root / "mkdocs.yml", False),
                            (root / "overrides", True)]:
        if path.exists():
            server.watch(str(path), recursive=recursive)
    write_if_changed(preview.published, "", durable=False)
    for stamp in (watcher.stamp, preview.published):
        server.watch(str(stamp), recursive=False)
    threading.Thread(target=preview.follow, name="explainer-preview-build", daemon=True).start()
    log.info("explainer: serving the preview on http://%s:%s/ (stop it with Ctrl+C)", host or "127.0.0.1", port)
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("explainer: preview stopped")
    finally:
        server.shutdown()
