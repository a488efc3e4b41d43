"""The live preview's half of the pipeline: pages generated again when content/ changes.

Under ``mkdocs serve`` (and ``explainer serve``), MkDocs watches docs/ and rebuilds the site when a
page there changes. What the writer edits is content/ (ar.md, en.po, glossary.yml), from which the
pages are generated: a watcher here generates them again after every save, and MkDocs then sees
only the pages that changed, and rebuilds once. Generating inside MkDocs' rebuild instead would
make every save two rebuilds (the second for the pages the first wrote). A rebuild waits for a
generation under way, so that it reads a whole set of pages. What a generation writes under
content/ itself (a catalog brought up to date) does not start another.

MkDocs looks for changes by walking what it watches every half second, which for thousands of
generated pages takes a share of the processor from the rebuilds: it watches the hand-written part
of docs/ instead (:func:`watched_docs`), and a stamp the watcher writes after every generation that
changed a page.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from ..fsio import is_temporary, write_if_changed

log = logging.getLogger("mkdocs.plugins.explainer")

QUIET_S = 0.1  # a generation starts once saves have stopped for this long (editors write in steps)


def watched_docs(docs: Path) -> list[tuple[Path, bool]]:
    """What MkDocs watches of ``docs`` (path, and whether its subfolders too): its top level and
    everything under it but the folders of generated pages (:data:`explainer.paths.GENERATED_FOLDERS`) of the language trees,
    whose top level is watched on its own (the hand-written pages next to the generated lists)."""
    from ..locales import LANGUAGES
    from ..paths import GENERATED_FOLDERS

    out: list[tuple[Path, bool]] = [(docs, False)] if docs.is_dir() else []
    for entry in sorted(docs.iterdir()) if docs.is_dir() else ():
        if entry.is_dir() and entry.name in LANGUAGES:
            out.append((entry, False))
            out += [(sub, True) for sub in sorted(entry.iterdir()) if sub.is_dir() and sub.name not in GENERATED_FOLDERS]
        else:
            out.append((entry, entry.is_dir()))
    return out


def generate_and_report(root: Path, logger: logging.Logger = log) -> list[Path]:
    """The pages generated from content/; the writer's mistakes logged (to ``logger``), file and
    line first. Returns the files written."""
    from ..errors import ExplainerError
    from ..generation import generate
    from ..paths import Paths

    try:
        result = generate(Paths(root))
    except ExplainerError as exc:
        for problem in exc.problems:
            logger.warning("explainer: %s", problem)
        return []
    for problem in result.warnings:
        logger.info("explainer: %s", problem)
    return [root / rel for rel in (*result.written, *result.removed)]


def pages_changed(content: Path, written: list[Path]) -> bool:
    """Whether a generation wrote anything outside ``content`` (pages, not only a catalog)."""
    return any(content not in Path(path).parents for path in written)


class ContentWatcher:
    """Generates the pages again each time files under ``content`` change (a burst of changes
    counts once); :meth:`wait` holds a rebuild until a generation under way is done."""

    def __init__(self, root: Path, content: Path, stamp: Path, generate=generate_and_report) -> None:
        self.root, self.content, self.stamp, self.generate = root, content, stamp, generate
        self.generations = 0
        self.lock = threading.Lock()  # held while the pages are generated
        self.changed = threading.Event()
        self.observer = None
        self.own: dict[str, int] = {}  # file the last generation wrote -> its modification time then
        self.pending: set[str] = set()  # files changed since the last generation
        self.guard = threading.Lock()  # held while ``pending`` changes hands

    def start(self) -> None:
        from watchdog import events
        from watchdog.observers import Observer

        handler = events.FileSystemEventHandler()
        handler.on_any_event = self._event
        self.observer = Observer()
        self.observer.daemon = True
        # what changes a file; not a file opened or closed unwritten (the generation reads every
        # source: thousands of events that would start it again, and take the processor from it)
        changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
                   events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]
        self.observer.schedule(handler, str(self.content), recursive=True, event_filter=changes)
        self.observer.start()
        self._write_stamp()
        threading.Thread(target=self._loop, name="explainer-generate", daemon=True).start()
        log.info("explainer: generating the pages again when %s changes", self.content)

    def _event(self, event) -> None:
        if not event.is_directory:
            with self.guard:
                self.pending.update(p for p in (event.src_path, getattr(event, "dest_path", "")) if p)
            self.changed.set()

    def _own_write(self, path: str) -> bool:
        """Whether ``path`` is one of the generator's temporary files, or as the last generation
        left it (its own write, seen now)."""
        if is_temporary(os.path.basename(path)):
            return True
        try:
            return path in self.own and os.stat(path).st_mtime_ns == self.own[path]
        except OSError:
            return False

    def _loop(self) -> None:
        while True:
            self.changed.wait()
            while self.changed.wait(QUIET_S):  # until the saves stop
                self.changed.clear()
            with self.guard:
                paths, self.pending = self.pending, set()
            if not all(self._own_write(path) for path in paths):
                self.run_once()

    def run_once(self) -> None:
        with self.lock:
            written = self.generate(self.root)
            if pages_changed(self.content, written):
                self._write_stamp()
            self.own = {}
            for path in written:
                try:
                    self.own[str(path)] = os.stat(path).st_mtime_ns
                except OSError:
                    pass

    def _write_stamp(self) -> None:
        self.generations += 1
        self.stamp.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(self.stamp, f"generation {self.generations} of the live preview\n", durable=False)

    def wait(self) -> None:
        """Return once no generation is under way."""
        with self.lock:
            pass
