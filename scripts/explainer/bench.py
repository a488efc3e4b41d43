"""Benchmark: a synthetic corpus made from the seed article, and timings of every build stage.

``explainer bench corpus DIR --articles N`` writes a complete project (seeds, Arabic sources, full
English catalogs, glossary, figures) of N articles; ``explainer bench run`` builds such corpora and
records the figures in ``bench/results.json``.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from . import article as article_mod
from . import catalog as catalog_mod
from .article import Article
from .fsio import write_if_changed
from .header import is_generated

log = logging.getLogger("explainer.bench")

# What a corpus project needs besides its content: the site configuration and hand-written pages.
PROJECT_FILES = ("mkdocs.yml", "overrides", "docs")


def variant(article: Article, index: int) -> Article:
    """Article number ``index`` of a corpus: the seed's blocks in a rotated order, numbered title."""
    blocks = list(article.blocks)
    shift = index % len(blocks)
    rotated = blocks[shift:] + blocks[:shift]
    meta = dict(article.meta, title=f"{article.meta['title']} ({index + 1})")
    return Article(f"article-{index + 1:04d}", meta, tuple(rotated), dict(article.imported))


def write_corpus(repo: Path, target: Path, count: int, slug: str | None = None) -> list[str]:
    """A project of ``count`` articles in ``target`` (created), from one of the repository's
    articles (``slug``, by default the first)."""
    if slug is None:
        slugs = sorted(p.parent.name for p in (repo / "content" / "articles").glob("*/ar.md"))
        if not slugs:
            raise FileNotFoundError(f"{repo / 'content' / 'articles'} holds no article to copy")
        slug = slugs[0]
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_generated)
        else:
            shutil.copy2(source, target / name)
    (target / "content" / "articles").mkdir(parents=True)
    shutil.copy2(repo / "content" / "glossary.yml", target / "content" / "glossary.yml")
    node_modules = repo / "node_modules"
    if node_modules.exists():
        (target / "node_modules").symlink_to(node_modules.resolve(), target_is_directory=True)
    folder = repo / "content" / "articles" / slug
    seed = article_mod.parse((folder / "ar.md").read_text(encoding="utf-8"), "ar.md", slug)
    translations = catalog_mod.read((folder / "en.po").read_bytes(), "en.po")
    extras = {name: (folder / name).read_bytes() for name in ("figures.yml", "notes-ar.yml")
              if (folder / name).exists()}  # keyed by anchor ids, which every variant keeps
    slugs = []
    for index in range(count):
        item = variant(seed, index)
        out = target / "content" / "articles" / item.slug
        write_if_changed(out / "source.txt", (folder / "source.txt").read_bytes())
        text = article_mod.dump(item)
        write_if_changed(out / "ar.md", text)
        parsed = article_mod.parse(text, "ar.md", item.slug)
        cat = catalog_mod.new_catalog(parsed, created=translations.creation_date)
        catalog_mod.update(cat, catalog_mod.template(parsed))
        for message in cat:
            if message.id:
                known = translations.get(seed.meta["title"] if message.context == "title" else message.id,
                                         message.context)
                message.string = known.string if known else ""
                message.user_comments = list(known.user_comments) if known else []
                if message.context == "title" and known:
                    message.string = f"{known.string} ({index + 1})"
        write_if_changed(out / "en.po", catalog_mod.dump(cat))
        for name, data in extras.items():
            write_if_changed(out / name, data)
        slugs.append(item.slug)
    return slugs


def _generated_page(path: Path) -> bool:
    return is_generated(path.read_bytes()[:400].decode("utf-8", "replace"))


def _generated(folder: str, names: list[str]) -> list[str]:
    """Leave out generated pages and copied fonts when copying docs/."""
    skip = []
    for name in names:
        path = Path(folder) / name
        if name == "fonts" or name == "__pycache__":
            skip.append(name)
        elif path.is_file() and path.suffix == ".md" and _generated_page(path):
            skip.append(name)
        elif path.is_dir() and name in ("articles", "parallel"):
            skip.append(name)
    return skip


# --- measuring ----------------------------------------------------------------------------------

def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    import os

    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm", encoding="utf-8") as handle:
                pages = int(handle.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


def timed_run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run a command; (wall seconds, peak resident memory of its process tree in MB)."""
    import os
    import subprocess
    import time

    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=dict(os.environ, **(env or {})),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{process.stderr.read()[-2000:]}")
    return elapsed, peak / 1024


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


def _clean(project: Path) -> None:
    """No generated page and no cache: the next generation starts from nothing."""
    from .cache import FOLDER

    shutil.rmtree(project / FOLDER, ignore_errors=True)
    for page in (project / "docs").rglob("*.md"):
        if _generated_page(page):
            page.unlink()


def edit_entry(po: Path, mark: str) -> None:
    """A translator's edit: the first paragraph entry's translation gets ``mark`` in front."""
    text = po.read_text(encoding="utf-8")
    start = text.index('\nmsgstr "', text.index('msgctxt "p-')) + len('\nmsgstr "')
    text = text[:start] + re.sub(r'^\(edit [^)]*\) ', "", text[start:])
    po.write_text(text[:start] + f"{mark} " + text[start:], encoding="utf-8")


def measure(project: Path, runs: int, log_progress=None) -> dict:
    """Stage timings (medians of ``runs``), peak memory and output sizes for one corpus project."""
    import statistics
    import sys
    import time

    import os

    from . import ingest
    from .mkdocs_plugin import build as sitebuild
    from .mkdocs_plugin.layout import site_layout
    from . import generation, paths as paths_mod, sources

    paths = paths_mod.Paths(project)
    slugs = paths_mod.article_slugs(paths)
    python = sys.executable
    samples: dict[str, list[float]] = {k: [] for k in ("import", "catalog", "generation", "glossary", "mkdocs",
                                                       "whole", "baseline", "generation_edit", "rebuild")}
    peaks = []
    for run in range(runs):
        if log_progress:
            log_progress(f"{len(slugs)} articles: run {run + 1} of {runs}")
        start = time.perf_counter()
        for slug in slugs:
            folder = paths.article_dir(slug)
            ingest.parse_seed((folder / "source.txt").read_bytes(), "source.txt", slug)
        samples["import"].append(time.perf_counter() - start)
        start = time.perf_counter()
        loaded = [sources.load_article(paths, slug) for slug in slugs]
        samples["catalog"].append(time.perf_counter() - start)
        glossary = sources.load_glossary(paths)
        from .glossary import Matcher, link_terms_html
        matcher = Matcher(glossary, "ar")
        start = time.perf_counter()
        for article, _catalog, _ in loaded:
            for block in article.blocks:
                link_terms_html(block.text, matcher, "../../glossary/")
        samples["glossary"].append(time.perf_counter() - start)
        _clean(project)
        start = time.perf_counter()  # generation from nothing: no generated page, no cache
        generation.generate(paths, jobs=os.cpu_count() or 1)  # as `explainer build` runs it
        samples["generation"].append(time.perf_counter() - start)
        env = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
        layout = site_layout(project / "mkdocs.yml")
        start = time.perf_counter()  # the site build alone: one MkDocs process per language, merged
        sitebuild.build(project / "mkdocs.yml", project / "site", list(layout.languages), layout.default,
                        False, len(layout.languages), dict(os.environ, **env))
        samples["mkdocs"].append(time.perf_counter() - start)
        _clean(project)
        seconds, peak = timed_run([python, "-m", "explainer", "-q", "build"], project, env)
        samples["whole"].append(seconds)
        peaks.append(peak)
        # the writer's rebuild: one entry of one en.po edited, then `explainer build`
        edit_entry(project / "content" / "articles" / slugs[len(slugs) // 2] / "en.po", f"(edit {run + 1})")
        start = time.perf_counter()
        generation.generate(paths, jobs=os.cpu_count() or 1)
        samples["generation_edit"].append(time.perf_counter() - start)
        edit_entry(project / "content" / "articles" / slugs[len(slugs) // 2] / "en.po", f"(edit {run + 1}b)")
        seconds, _ = timed_run([python, "-m", "explainer", "-q", "build"], project, env)
        samples["rebuild"].append(seconds)
        (project / "baseline.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
        seconds, _ = timed_run([python, "-m", "mkdocs", "build", "-q", "-f", "baseline.yml", "-d",
                                str(project / "baseline-site")], project, env)
        samples["baseline"].append(seconds)
    site = project / "site"
    pages = [p for p in site.rglob("*.html")]
    article_pages = [p for p in pages if "/articles/" in p.as_posix()]
    medians = {k: round(statistics.median(v), 3) for k, v in samples.items()}
    return {
        "articles": len(slugs),
        "runs": runs,
        "pages": len(pages),
        "whole_s": medians["whole"],
        "baseline_s": medians["baseline"],
        "ratio": round(medians["whole"] / medians["baseline"], 3),
        "rebuild_s": medians["rebuild"],
        "generation_share": round(medians["generation"] / medians["whole"], 3),
        "rebuild_generation_share": round(medians["generation_edit"] / medians["rebuild"], 3),
        "stages": {k: medians[k] for k in ("import", "catalog", "generation", "glossary", "mkdocs",
                                           "generation_edit")},
        "peak_rss_mb": round(max(peaks), 1),
        "max_page_kb": round(max(p.stat().st_size for p in pages) / 1024, 1),
        "max_article_page_kb": round(max(p.stat().st_size for p in article_pages) / 1024, 1),
        "search_index_kb": {
            "ar": round((site / "search" / "search_index.json").stat().st_size / 1024, 1),
            "en": round((site / "en" / "search" / "search_index.json").stat().st_size / 1024, 1),
        },
    }


def table(results: dict) -> str:
    rows = [("articles", "pages", "whole s", "baseline s", "ratio", "generation s", "mkdocs s", "rebuild s",
             "rebuild gen s", "peak MB", "max page KB", "max article KB")]
    for r in results["runs"]:
        rows.append((str(r["articles"]), str(r["pages"]), f"{r['whole_s']:.2f}", f"{r['baseline_s']:.2f}",
                     f"{r['ratio']:.2f}", f"{r['stages']['generation']:.2f}", f"{r['stages']['mkdocs']:.2f}",
                     f"{r['rebuild_s']:.2f}", f"{r['stages']['generation_edit']:.2f}",
                     f"{r['peak_rss_mb']:.0f}", f"{r['max_page_kb']:.0f}", f"{r['max_article_page_kb']:.0f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(w) for cell, w in zip(row, widths)) for row in rows) + "\n"


def measure_serve(repo: Path, work: Path, timeout: float = 30.0) -> float:
    """The writer loop: seconds from saving one en.po entry to the change being served by
    `explainer serve` (live preview), on a copy of the project with its seed article."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    project = work / "serve-project"
    shutil.copytree(repo, project, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site",
                                                                 "__pycache__", "*.egg-info"))
    if (repo / "node_modules").exists():
        (project / "node_modules").symlink_to((repo / "node_modules").resolve(), target_is_directory=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/en/articles/meta-ai-exodus/"
    process = subprocess.Popen([sys.executable, "-m", "explainer", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""
    try:
        deadline = time.monotonic() + timeout
        while "Unfortunately," not in page():
            if time.monotonic() > deadline:
                raise RuntimeError("explainer serve did not start")
            time.sleep(0.1)
        time.sleep(1.0)  # let the watcher settle
        po = project / "content" / "articles" / "meta-ai-exodus" / "en.po"
        text = po.read_text(encoding="utf-8")
        start = time.monotonic()
        po.write_text(text.replace("Unfortunately, Meta did not know", "Sadly, Meta did not know"), encoding="utf-8")
        while "Sadly," not in page():
            if time.monotonic() - start > timeout:
                raise RuntimeError("the change was not served")
            time.sleep(0.02)
        return round(time.monotonic() - start, 3)
    finally:
        import signal

        os.killpg(process.pid, signal.SIGTERM)  # the server and anything it started
        process.wait(timeout=10)


# --- Lighthouse ---------------------------------------------------------------------------------

LIGHTHOUSE_PAGES = (("ar", "articles/{slug}/"), ("en", "en/articles/{slug}/"))
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


def static_server(site: Path):
    """A server of ``site`` on 127.0.0.1 (a free port) that compresses text files with gzip when
    the browser accepts it, as static hosts do; call ``serve_forever`` in a thread."""
    import functools
    import gzip
    import http.server

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            if path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, *args) -> None:
            pass

    return http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))


def lighthouse_summary(report: dict) -> dict:
    """The scores and the main metrics of one Lighthouse report (its JSON output)."""
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "first_contentful_paint_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "largest_contentful_paint_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cumulative_layout_shift": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
    }


def lighthouse(lighthouse_bin: Path, site: Path, slug: str, runs: int, chrome: str = "/usr/bin/chromium") -> dict:
    """Lighthouse (mobile defaults, simulated throttling) on the Arabic and English article pages,
    served from 127.0.0.1 by :func:`static_server`; per page the run with the median performance."""
    import json
    import os
    import subprocess
    import threading

    server = static_server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = {}
    try:
        for lang, page in LIGHTHOUSE_PAGES:
            url = f"http://127.0.0.1:{server.server_address[1]}/{page.format(slug=slug)}"
            summaries = []
            for _ in range(runs):
                result = subprocess.run(
                    [str(lighthouse_bin), url, "--quiet", "--output=json", "--output-path=stdout",
                     "--only-categories=performance,accessibility",
                     "--chrome-flags=--headless=new --no-sandbox"],
                    capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chrome), check=False)
                if result.returncode != 0:
                    raise RuntimeError(f"lighthouse {url} failed:\n{result.stderr[-2000:]}")
                summaries.append(lighthouse_summary(json.loads(result.stdout)))
            summaries.sort(key=lambda s: s["performance"])
            out[lang] = dict(summaries[len(summaries) // 2], url=page.format(slug=slug), runs=runs)
    finally:
        server.shutdown()
    return out
