"""``explainer check``: every rule over the content and the built site."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import article as article_mod
from . import catalog as catalog_mod
from . import check as check_mod
from . import render
from . import site_check
from .errors import InputError, Problem
from .paths import Paths, article_slugs
from .sources import _po_line, load_glossary


def check(paths: Paths, site: Path, layout: site_check.SiteLayout) -> "check_mod.Report":
    """Every rule of `explainer check`, over the content and the built site laid out as ``layout``
    says (the site builder's :func:`explainer.mkdocs_plugin.layout.site_layout`)."""
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
    layout = replace(layout, untranslated=frozenset(untranslated))
    report = site_check.check_site(site, layout, paths.rel(site) + "/")
    report.findings = findings + report.findings
    return report
