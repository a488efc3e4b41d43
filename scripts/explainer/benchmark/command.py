"""`explainer bench`: the benchmark's corpus, its build and writer-loop figures, and Lighthouse, written
to bench/results.json."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

from ..errors import EXIT_OK, InputError, Problem
from ..fsio import write_if_changed
from ..paths import Paths, article_slugs
from .builds import measure, rebuild_table, search_table, table
from .corpus import write_corpus
from .lighthouse import lighthouse

log = logging.getLogger("explainer.bench")


def run(paths: Paths, args: argparse.Namespace) -> int:
    """`explainer bench corpus | run | lighthouse`."""
    if args.bench_command == "corpus":
        target = args.dir.resolve()
        if target == paths.root or paths.root in target.parents:
            raise InputError(Problem(str(args.dir), None, "expected a folder outside the project"))
        if args.articles < 1:
            raise InputError(Problem("--articles", None, f"expected a positive number, found {args.articles}"))
        try:
            write_corpus(paths.root, target, args.articles)
        except FileExistsError:
            raise InputError(Problem(str(args.dir), None, "expected an empty or new folder")) from None
        log.info("wrote a project of %d articles to %s", args.articles, target)
        return EXIT_OK
    if args.bench_command == "lighthouse":
        return _lighthouse(paths, args)
    sizes = [int(n) for n in args.articles.split(",") if n.strip()]
    runs = [int(n) for n in args.runs.split(",") if n.strip()]
    if len(runs) == 1:
        runs = runs * len(sizes)
    if len(runs) != len(sizes) or min(runs, default=0) < 1:
        raise InputError(Problem("--runs", None, f"expected one positive number, or one per size "
                                 f"({len(sizes)}), found {args.runs!r}"))
    results = {"runs": []}
    for size, size_runs in zip(sizes, runs):
        with tempfile.TemporaryDirectory(prefix=f"explainer-bench-{size}-") as folder:
            corpus = Path(folder) / "project"
            log.info("%d articles: writing the corpus", size)
            write_corpus(paths.root, corpus, size)
            results["runs"].append(measure(corpus, size_runs, log_progress=log.info))
    output = args.output if args.output.is_absolute() else paths.root / args.output
    write_if_changed(output, json.dumps(results, indent=2) + "\n")
    sys.stdout.write(table(results))
    sys.stdout.write(search_table(results))
    sys.stdout.write(rebuild_table(results))
    log.info("wrote %s", paths.rel(output))
    return EXIT_OK


def _lighthouse(paths: Paths, args: argparse.Namespace) -> int:
    tool = paths.root / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not tool.exists():
        raise InputError(Problem(paths.rel(tool), None, "Lighthouse is not installed (run `npm ci --prefix "
                                 "bench`, which `make bench` does)"))
    site = args.site if args.site.is_absolute() else paths.root / args.site
    slugs = article_slugs(paths)
    if not (site / "index.html").is_file() or not slugs:
        raise InputError(Problem(paths.rel(site), None, "no built site with an article here (run `explainer "
                                 "build` first)"))
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    log.info("Lighthouse on %s and its English twin, %d run(s) each", slugs[0], args.runs)
    scores = lighthouse(tool, site, slugs[0], args.runs, chrome)
    output = args.output if args.output.is_absolute() else paths.root / args.output
    results = json.loads(output.read_text(encoding="utf-8")) if output.exists() else {}
    results["lighthouse"] = scores
    write_if_changed(output, json.dumps(results, indent=2) + "\n")
    for lang, summary in scores.items():
        sys.stdout.write(f"{lang}: performance {summary['performance']}, accessibility {summary['accessibility']}, "
                         f"first contentful paint {summary['first_contentful_paint_s']} s, largest "
                         f"{summary['largest_contentful_paint_s']} s, blocking {summary['total_blocking_time_ms']} ms, "
                         f"layout shift {summary['cumulative_layout_shift']}, {summary['transfer_kb']} KB\n")
    return EXIT_OK
