"""Incremental generation: what an article gave the last time, kept between runs.

Reading an article's ar.md, en.po (with Babel) and figures.yml, linking its glossary terms and
rendering its four pages is most of what generation costs. An article whose inputs are the very
bytes they were last time (and the glossary and the generator's own code too: the *key*), and whose
pages are still exactly as written then (size and modification time), is not read again: its
summary — what the home, glossary, notes and status pages take from it — comes from the cache.

The cache lives in ``.explainer-cache/`` at the project root (not committed; deleting it only
makes the next run read everything). A record that cannot be read is ignored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .catalog import Stats
from .errors import Problem
from .fsio import write_if_changed
from .list_pages import ArticleEntry, NotedSegment, StatusRow
from .render import Text

log = logging.getLogger("explainer.cache")

FOLDER = ".explainer-cache"
FORMAT = 4


@dataclass
class Summary:
    """What the pages listing every article take from one article, per language."""

    slug: str
    warnings: list[Problem] = field(default_factory=list)
    stats: Stats | None = None
    entries: dict[str, ArticleEntry] = field(default_factory=dict)
    # the glossary entries each paragraph mentions: (entry id, paragraph id, paragraph number)
    occurrences: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    notes: dict[str, list[NotedSegment]] = field(default_factory=dict)
    status: dict[str, StatusRow] = field(default_factory=dict)

    @cached_property
    def encoded(self) -> str:
        """The summary as JSON text, made once (by the process that read the article) and kept
        with it: read only when the summary is complete."""
        return _json(to_data(self))

    @cached_property
    def digest(self) -> str:
        """What the lists take from the article, as a digest (as a :class:`Cached` record has it):
        the lists need making again only when the digest of one of their articles changes.
        Made once, with :attr:`encoded`, by the process that read the article."""
        return _digest(self.encoded)


def to_data(value):
    """Dataclasses, mappings and sequences as JSON data: what ``dataclasses.asdict`` gives,
    without its deep copy of every leaf (most of generation's time, once)."""
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is not None:
        return {name: to_data(getattr(value, name)) for name in fields}
    if isinstance(value, dict):
        return {name: to_data(item) for name, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    return value


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the generator's code and the libraries whose output it writes."""
    import babel
    import yaml

    digest = hashlib.sha256(f"{FORMAT} {sys.version} {babel.__version__} {yaml.__version__}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def key(*inputs: bytes | None) -> str:
    """The key of an article: its input files' bytes (None for a missing file) and the code."""
    digest = hashlib.sha256(code_version().encode())
    for data in inputs:
        digest.update(b"-" if data is None else b"+%d:" % len(data) + data)
    return digest.hexdigest()


def _path(root: Path, slug: str) -> Path:
    return root / FOLDER / "articles" / f"{slug}.json"


class Cached:
    """A cache hit: the warnings and statistics at once, the rest of the summary (a file of its
    own, larger) only when the lists need it."""

    def __init__(self, record: dict, body: Path) -> None:
        self.slug, self.digest, self.body = record["slug"], record["digest"], body
        self.warnings = [Problem(**w) for w in record["warnings"]]
        self.stats = Stats(**record["stats"])

    def summary(self) -> Summary:
        return _summary(json.loads(self.body.read_text(encoding="utf-8")))


def _load(path: Path, root: Path, wanted: str) -> dict | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("key") != wanted:
            return None
        base = str(root)
        for rel, (size, mtime_ns) in record["outputs"].items():
            stat = os.stat(os.path.join(base, rel))
            if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
                return None
        return record
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.debug("%s: unusable cache record (%s); read again", path, exc)
        return None


def _save(path: Path, root: Path, record_key: str, outputs: list[Path] | dict[Path, Path | str],
          **data) -> None:
    """``outputs``: the pages, or each page with the file whose size and time it will have (a
    staged page's temporary file, which keeps both when it is renamed into place)."""
    if not isinstance(outputs, dict):
        outputs = {page: page for page in outputs}
    stats = {page.relative_to(root).as_posix(): os.stat(file) for page, file in outputs.items()}
    record = {"key": record_key, "outputs": {rel: [st.st_size, st.st_mtime_ns] for rel, st in stats.items()},
              **data}
    write_if_changed(path, _json(record), durable=False)


def load(root: Path, slug: str, wanted: str) -> Cached | None:
    """The cached summary of ``slug`` if its key is ``wanted`` and its pages are untouched."""
    path = _path(root, slug)
    record = _load(path, root, wanted)
    try:
        return None if record is None else Cached(record, path.with_suffix(".summary.json"))
    except (KeyError, TypeError) as exc:
        log.debug("%s: unusable cache record (%s); the article is read again", slug, exc)
        return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def save(root: Path, summary: Summary, article_key: str, outputs: dict[Path, Path | str]) -> None:
    """Record ``summary`` with the size and modification time of its pages: ``outputs`` maps each
    page to the file that has them (the page, or its staged temporary file, see :func:`_save`)."""
    path = _path(root, summary.slug)
    write_if_changed(path.with_suffix(".summary.json"), summary.encoded, durable=False)
    _save(path, root, article_key, outputs, slug=summary.slug, digest=summary.digest,
          warnings=to_data(summary.warnings), stats=to_data(summary.stats))


def forget_others(root: Path, slugs: list[str]) -> None:
    """Remove the records of articles that are no longer in the project."""
    folder = root / FOLDER / "articles"
    keep = {f"{slug}{suffix}" for slug in slugs for suffix in (".json", ".summary.json")}
    for name in sorted(os.listdir(folder)) if folder.is_dir() else ():
        if name.endswith(".json") and name not in keep:
            os.unlink(os.path.join(folder, name))


def load_lists(root: Path, wanted: str) -> list[Path] | None:
    """The pages listing every article (home, glossary, notes, status), if they were made from
    inputs with key ``wanted`` (the glossary and every article's summary digest) and are untouched."""
    record = _load(root / FOLDER / "lists.json", root, wanted)
    return None if record is None else [root / rel for rel in record["outputs"]]


def save_lists(root: Path, lists_key: str, outputs: list[Path]) -> None:
    _save(root / FOLDER / "lists.json", root, lists_key, outputs)


def _text(data: dict | None) -> Text | None:
    return None if data is None else Text(**{**data, "notes": tuple(data["notes"])})


def _summary(data: dict) -> Summary:
    return Summary(
        slug=data["slug"],
        warnings=[Problem(**w) for w in data["warnings"]],
        stats=Stats(**data["stats"]),
        entries={lang: ArticleEntry(e["slug"], _text(e["title"]), _text(e["author"]), e["paragraphs"],
                                   e["untranslated"])
                 for lang, e in data["entries"].items()},
        occurrences={lang: [tuple(item) for item in items] for lang, items in data["occurrences"].items()},
        notes={lang: [NotedSegment(n["slug"], _text(n["title"]), n["context"], n["label"], n["html"])
                      for n in items] for lang, items in data["notes"].items()},
        status={lang: StatusRow(**{**r, "title": _text(r["title"]),
                                   "pending": tuple(tuple(p) for p in r["pending"])})
                for lang, r in data["status"].items()},
    )
