"""``explainer add``: a scraped page imported as an article (its source file, ar.md, en.po)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import article as article_mod
from . import catalog as catalog_mod
from . import ingest
from .article import Article
from .errors import ConflictError, InputError, Problem
from .fsio import write_if_changed
from .paths import SLUG_RE, Paths
from .sources import _read, _synced_catalog

log = logging.getLogger("explainer.importer")


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
