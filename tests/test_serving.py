"""The live preview's content watcher: one generation per burst of saves, none for its own writes,
and a rebuild held while a generation is under way."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from explainer.fsio import write_if_changed
from explainer.mkdocs_plugin.serving import ContentWatcher, watched_docs


class Generator:
    """Stands for the generator: counts its runs, and brings a catalog up to date as it does."""

    def __init__(self, content: Path) -> None:
        self.content, self.runs, self.release = content, 0, threading.Event()
        self.release.set()

    def __call__(self, root: Path) -> list[Path]:
        self.runs += 1
        self.release.wait(10)
        catalog = self.content / "en.po"
        write_if_changed(catalog, catalog.read_text(encoding="utf-8").replace("#fuzzy\n", ""))
        return [catalog]


def _until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_a_burst_of_saves_is_one_generation_and_its_own_writes_start_none(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "en.po").write_text("msgid \"a\"\n", encoding="utf-8")
    generator = Generator(content)
    watcher = ContentWatcher(tmp_path, content, tmp_path / "stamp", generator)
    watcher.start()
    time.sleep(0.3)
    for number in range(3):  # an editor saving in steps
        (content / "en.po").write_text(f"#fuzzy\nmsgid \"a{number}\"\n", encoding="utf-8")
    assert _until(lambda: generator.runs == 1)
    time.sleep(1.0)  # the catalog the generation rewrote is seen, and left alone
    assert generator.runs == 1
    assert (content / "en.po").read_text(encoding="utf-8") == 'msgid "a2"\n'
    (content / "ar.md").write_text("نص\n", encoding="utf-8")  # the writer's next save
    assert _until(lambda: generator.runs == 2)


def test_reading_the_sources_starts_no_generation(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "en.po").write_text("msgid \"a\"\n", encoding="utf-8")
    runs = []

    def reading_generator(root: Path) -> list[Path]:  # a generation that fails: it writes nothing
        runs.append((content / "en.po").read_text(encoding="utf-8"))
        return []
    watcher = ContentWatcher(tmp_path, content, tmp_path / "stamp", reading_generator)
    watcher.start()
    time.sleep(0.3)
    (content / "en.po").write_text("msgstrr \"a\"\n", encoding="utf-8")
    assert _until(lambda: len(runs) == 1)
    time.sleep(1.0)  # its own reading of en.po is seen, and left alone
    assert len(runs) == 1


def test_a_rebuild_waits_for_the_generation_under_way(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "en.po").write_text("msgid \"a\"\n", encoding="utf-8")
    generator = Generator(content)
    generator.release.clear()
    watcher = ContentWatcher(tmp_path, content, tmp_path / "stamp", generator)
    worker = threading.Thread(target=watcher.run_once)
    worker.start()
    assert _until(lambda: generator.runs == 1)
    waited = threading.Thread(target=watcher.wait)
    waited.start()
    time.sleep(0.3)
    assert waited.is_alive()  # held while the pages are generated
    generator.release.set()
    waited.join(5)
    worker.join(5)
    assert not waited.is_alive()


def test_the_stamp_is_written_when_a_generation_changed_pages(tmp_path):
    content, page = tmp_path / "content", tmp_path / "docs" / "en" / "articles" / "a.md"
    content.mkdir()
    outputs: list[Path] = []
    watcher = ContentWatcher(tmp_path, content, tmp_path / "stamp", lambda root: list(outputs))
    watcher.run_once()  # nothing written
    assert not (tmp_path / "stamp").exists()
    outputs[:] = [content / "en.po"]  # a catalog only
    watcher.run_once()
    assert not (tmp_path / "stamp").exists()
    outputs[:] = [content / "en.po", page]
    watcher.run_once()
    assert (tmp_path / "stamp").read_text(encoding="utf-8") == "generation 1 of the live preview\n"


def test_mkdocs_watches_the_hand_written_part_of_docs(tmp_path):
    docs = tmp_path / "docs"
    for rel in ("ar/about.md", "ar/index.md", "ar/articles/a.md", "ar/parallel/a.md", "ar/guides/x.md",
                "en/more/notes_2.md", "assets/stylesheets/explainer.css", "extra.txt"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("x", encoding="utf-8")
    assert [(p.relative_to(docs).as_posix(), r) for p, r in watched_docs(docs)] == [
        (".", False), ("ar", False), ("ar/guides", True), ("assets", True), ("en", False), ("extra.txt", False)]
