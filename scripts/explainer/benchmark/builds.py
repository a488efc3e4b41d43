"""Build figures of one corpus project: every stage's time (medians of N runs), the whole build against
the one-process baseline, the writer's rebuild after an edit, peak memory and output sizes."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

from .. import generation, ingest, paths as paths_mod, sources
from ..cache import FOLDER
from ..termlinks import Matcher, link_terms_html
from ..mkdocs_plugin import build as sitebuild
from ..mkdocs_plugin.layout import site_layout
from .corpus import edit_entry, generated_page
from .searching import measure_search
from .serve import measure_serve
from .timing import timed_run

BASELINE_CONFIG = """# The usual set-up, for comparison: Material + mkdocs-static-i18n, one process, no hooks.
site_name: Baseline
docs_dir: docs
theme:
  name: material
  language: ar
  features: [navigation.sections]
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - {locale: ar, name: العربية, default: true, build: true}
        - {locale: en, name: English, build: true}
markdown_extensions: [abbr, admonition, attr_list, md_in_html, pymdownx.details, pymdownx.superfences, tables, toc]
"""


def clean(project: Path) -> None:
    """No generated page and no cache: the next generation starts from nothing."""
    shutil.rmtree(project / FOLDER, ignore_errors=True)
    for page in (project / "docs").rglob("*.md"):
        if generated_page(page):
            page.unlink()


STAGES = ("import", "catalog", "generation", "glossary", "mkdocs", "generation_edit")
# Rebuilds after an edit that changes what other pages show, besides the translator's (`rebuild`).
REBUILDS = ("rebuild_title", "rebuild_glossary", "rebuild_added", "rebuild_deleted")
ADDED = "zz-added"  # the slug of the article added (after every other in the navigation)
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


class Corpus:
    """One corpus project being measured: its paths, articles and the samples taken so far."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.paths = paths_mod.Paths(project)
        self.slugs = paths_mod.article_slugs(self.paths)
        self.samples: dict[str, list[float]] = {k: [] for k in (*STAGES, "whole", "whole_unsearched", "baseline",
                                                                 "rebuild", *REBUILDS)}
        self.peaks: list[float] = []
        self.rendered: dict[str, int] = {}  # pages rendered by each kind of rebuild (the last run's)
        self.serve: list[float] = []
        self.serve_site = 0.0

    def timed(self, stage: str, function, *args) -> None:
        start = time.perf_counter()
        function(*args)
        self.samples[stage].append(time.perf_counter() - start)

    def command(self, stage: str, *args: str, env: dict | None = None) -> float:
        seconds, peak = timed_run([*args], self.project, dict(BUILD_ENV, **(env or {})))
        self.samples[stage].append(seconds)
        return peak

    def import_sources(self) -> None:
        for slug in self.slugs:
            ingest.parse_seed((self.paths.article_dir(slug) / "source.txt").read_bytes(), "source.txt", slug)

    def load_articles(self) -> None:
        self.loaded = [sources.load_article(self.paths, slug) for slug in self.slugs]

    def link_glossary(self) -> None:
        matcher = Matcher(sources.load_glossary(self.paths), "ar")
        for article, _catalog, _ in self.loaded:
            for block in article.blocks:
                link_terms_html(block.text, matcher, "../../glossary/")

    def generate(self) -> None:
        generation.generate(self.paths, jobs=os.cpu_count() or 1)  # as `explainer build` runs it

    def build_site(self) -> None:
        """The site build alone: one MkDocs process per language, merged."""
        layout = site_layout(self.project / "mkdocs.yml")
        sitebuild.build(self.project / "mkdocs.yml", self.project / "site", list(layout.languages),
                        layout.default, False, len(layout.languages), dict(os.environ, **BUILD_ENV),
                        self.project / FOLDER / "site")

    def edit(self, mark: str) -> None:
        edit_entry(self.paths.article_dir(self.slugs[len(self.slugs) // 2]) / "en.po", mark)

    def pages_rendered(self) -> int:
        """The pages the last build rendered (the others it reused), from its records."""
        return sum(json.loads(path.read_text(encoding="utf-8")).get("counts", {}).get("rendered", 0)
                   for path in (self.project / FOLDER / "site").glob("*.json"))

    def rebuild(self, stage: str, edit) -> None:
        edit()
        self.command(stage, sys.executable, "-m", "explainer", "-q", "build")
        self.rendered[stage] = self.pages_rendered()

    def edit_title(self, number: int) -> None:
        ar = self.paths.article_dir(self.slugs[len(self.slugs) // 2]) / "ar.md"
        text = ar.read_text(encoding="utf-8")
        ar.write_text(re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {number}", text, count=1, flags=re.M),
                      encoding="utf-8")

    def edit_glossary(self, number: int) -> None:
        lines = self.paths.glossary.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith("    definition_en: "))
        lines[index] = re.sub(r" \(revised \d+\)$", "", lines[index]) + f" (revised {number})"
        self.paths.glossary.write_text("\n".join(lines), encoding="utf-8")

    def add_article(self) -> None:
        shutil.copytree(self.paths.article_dir(self.slugs[len(self.slugs) // 2]), self.paths.article_dir(ADDED))

    def delete_article(self) -> None:
        shutil.rmtree(self.paths.article_dir(ADDED))

    def rebuilds(self, number: int) -> None:
        """Rebuilds after edits that change what other pages show: a title, a glossary entry, an
        article added and deleted again."""
        self.rebuild("rebuild_title", lambda: self.edit_title(number))
        self.rebuild("rebuild_glossary", lambda: self.edit_glossary(number))
        self.rebuild("rebuild_added", self.add_article)
        self.rebuild("rebuild_deleted", self.delete_article)

    def run(self, number: int) -> None:
        """One run of every measurement, each stage from the state it is meant to start from."""
        self.timed("import", self.import_sources)
        self.timed("catalog", self.load_articles)
        self.timed("glossary", self.link_glossary)
        clean(self.project)
        self.timed("generation", self.generate)  # from nothing: no generated page, no cache
        self.timed("mkdocs", self.build_site)
        clean(self.project)
        self.command("whole_unsearched", sys.executable, "-m", "explainer", "-q", "build", env={"EXPLAINER_SEARCH": "false"})
        clean(self.project)
        self.peaks.append(self.command("whole", sys.executable, "-m", "explainer", "-q", "build"))
        self.edit(f"(edit {number})")  # the writer's rebuild: one entry of one en.po edited
        self.timed("generation_edit", self.generate)
        self.edit(f"(edit {number}b)")
        self.command("rebuild", sys.executable, "-m", "explainer", "-q", "build")
        self.rendered["rebuild"] = self.pages_rendered()
        self.rebuilds(number)
        (self.project / "baseline.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
        self.command("baseline", sys.executable, "-m", "mkdocs", "build", "-q", "-f", "baseline.yml", "-d",
                     str(self.project / "baseline-site"))

    def figures(self, runs: int) -> dict:
        site = self.project / "site"
        pages = list(site.rglob("*.html"))
        article_pages = [p for p in pages if "/articles/" in p.as_posix()]
        medians = {k: round(statistics.median(v), 3) for k, v in self.samples.items()}
        return {
            "articles": len(self.slugs),
            "runs": runs,
            "pages": len(pages),
            "whole_s": medians["whole"],
            "baseline_s": medians["baseline"],
            "ratio": round(medians["whole"] / medians["baseline"], 3),
            "whole_unsearched_s": medians["whole_unsearched"],
            "search_share": round(medians["whole"] / medians["whole_unsearched"] - 1, 3),
            "rebuild_s": medians["rebuild"],
            "rebuilds": {stage: {"s": medians[stage], "pages_rendered": self.rendered.get(stage),
                                 "share_of_whole": round(medians[stage] / medians["whole"], 3)}
                         for stage in ("rebuild", *REBUILDS)},
            "serve_update_s": self.serve, "serve_site_s": self.serve_site,
            "generation_share": round(medians["generation"] / medians["whole"], 3),
            "rebuild_generation_share": round(medians["generation_edit"] / medians["rebuild"], 3),
            "stages": {k: medians[k] for k in STAGES},
            "peak_rss_mb": round(max(self.peaks), 1),
            "max_page_kb": round(max(p.stat().st_size for p in pages) / 1024, 1),
            "max_article_page_kb": round(max(p.stat().st_size for p in article_pages) / 1024, 1),
            "search": measure_search(site, self.slugs[len(self.slugs) // 2],
                                     site_layout(self.project / "mkdocs.yml").default),
        }


def measure(project: Path, runs: int, log_progress=None) -> dict:
    """Stage timings (medians of ``runs``), peak memory and output sizes for one corpus project, and
    the writer loop under `explainer serve`."""
    corpus = Corpus(project)
    for number in range(1, runs + 1):
        if log_progress:
            log_progress(f"{len(corpus.slugs)} articles: run {number} of {runs}")
        corpus.run(number)
    if log_progress:
        log_progress(f"{len(corpus.slugs)} articles: the writer loop under `explainer serve`")
    served = measure_serve(project, corpus.slugs[len(corpus.slugs) // 2])
    corpus.serve, corpus.serve_site = served["served"], served["site"]
    return corpus.figures(runs)


def _aligned(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(row, widths)) for row in rows) + "\n"


def table(results: dict) -> str:
    rows = [("articles", "pages", "whole s", "baseline s", "ratio", "search +", "generation s", "mkdocs s",
             "rebuild s", "rebuild gen s", "peak MB", "max page KB", "max article KB")]
    for r in results["runs"]:
        rows.append((str(r["articles"]), str(r["pages"]), f"{r['whole_s']:.2f}", f"{r['baseline_s']:.2f}",
                     f"{r['ratio']:.2f}", f"{r['search_share']:.1%}", f"{r['stages']['generation']:.2f}",
                     f"{r['stages']['mkdocs']:.2f}", f"{r['rebuild_s']:.2f}", f"{r['stages']['generation_edit']:.2f}",
                     f"{r['peak_rss_mb']:.0f}", f"{r['max_page_kb']:.0f}", f"{r['max_article_page_kb']:.0f}"))
    return _aligned(rows)


def search_table(results: dict) -> str:
    """The reader's side of search per corpus size and language."""
    rows = [("articles", "lang", "page view KB", "search before open KB", "1st query KB", "1st query ms",
             "once fetched ms", "next query KB", "next query ms", "index chunks", "page list KB")]
    for r in results["runs"]:
        for lang, s in r["search"].items():
            rows.append((str(r["articles"]), lang, f"{s['page_view_kb']:.0f}", f"{s['search_before_opening_kb']:.0f}",
                         f"{s['first_query_kb']:.0f}", str(s["first_query_ms"]), str(s["query_once_fetched_ms"]),
                         f"{s['further_query_kb']:.0f}", str(s["further_query_ms"]), str(s["index"]["index_chunks"]),
                         f"{s['index']['page_list_kb']:.1f}"))
    return _aligned(rows)


def rebuild_table(results: dict) -> str:
    """The writer's rebuilds per corpus size: seconds, pages rendered, share of a build from nothing."""
    rows = [("articles", "rebuild after", "s", "pages rendered", "of whole", "serve s")]
    names = {"rebuild": "an en.po entry", "rebuild_title": "a title", "rebuild_glossary": "a glossary entry",
             "rebuild_added": "an added article", "rebuild_deleted": "a deleted article"}
    for r in results["runs"]:
        for stage, figures in r["rebuilds"].items():
            serve = " / ".join(f"{s:.2f}" for s in r["serve_update_s"]) + f" (site {r['serve_site_s']:.1f})" \
                if stage == "rebuild" else ""
            rows.append((str(r["articles"]), names[stage], f"{figures['s']:.2f}", str(figures["pages_rendered"]),
                         f"{figures['share_of_whole']:.0%}", serve))
    return _aligned(rows)
