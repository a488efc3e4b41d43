"""The ``explainer`` command: a thin layer over the stage functions.

Exit codes: 0 success, 1 problems found in content, 2 usage or input errors.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from . import check as check_mod
from . import article as article_mod
from . import cache, checking, exports, generation, importer, ingest, paths as paths_mod, schema, sources
from .mkdocs_plugin import build as sitebuild
from .mkdocs_plugin.layout import site_layout
from .errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, ExplainerError, InputError, Problem
from .fsio import write_if_changed

log = logging.getLogger("explainer")


def _global_options(parser: argparse.ArgumentParser, default) -> None:
    """--root, -v, -q: before the subcommand or after it (a subcommand's copy leaves the value
    given before it alone unless it is given again)."""
    parser.add_argument("--root", type=Path, default=default,
                        help="project folder (default: found from the current folder)")
    parser.add_argument("-v", "--verbose", action="store_true", default=default,
                        help="also list every file written")
    parser.add_argument("-q", "--quiet", action="store_true", default=default,
                        help="only warnings and errors")


class _Subparsers:
    """Adds the global options to every subcommand (and sub-subcommand)."""

    def __init__(self, action) -> None:
        self.action = action

    def add_parser(self, *args, **kwargs) -> argparse.ArgumentParser:
        parser = self.action.add_parser(*args, **kwargs)
        _global_options(parser, argparse.SUPPRESS)
        return parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with the usage line
        self.print_usage(sys.stderr)
        log.error("%s", message)
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="explainer", description=__doc__.splitlines()[0])
    _global_options(parser, None)
    sub = _Subparsers(parser.add_subparsers(dest="command", required=True, parser_class=_Parser))
    add = sub.add_parser("add", help="import a scraped page into content/articles/SLUG/")
    add.add_argument("seed", type=Path, help="the scraped page: text (any common encoding) or saved HTML")
    add.add_argument("--slug", required=True, help="folder and URL name of the article")
    add.add_argument("--force", action="store_true", help="replace an ar.md edited since its import")
    for name, what in (("title", "the title"), ("author", "the author (byline)"),
                       ("date", "the publication date, YYYY-MM-DD"), ("url", "the original address"),
                       ("publisher", "the site or paper that published it")):
        add.add_argument(f"--{name}", help=f"{what}, where the import guessed wrong or found none")
    add.add_argument("--original-language", metavar="CODE", help="the language the Arabic was translated "
                     "from (e.g. zh); leave out when Arabic is the original")
    add.add_argument("--arabic-source", choices=["original", "translation", "machine-translation"],
                     help="what the Arabic text is (kept from the last import when not given)")
    gen = sub.add_parser("generate", help="write the pages under docs/ from content/")
    gen.add_argument("--strict", action="store_true", help="untranslated or fuzzy entries are errors")
    build = sub.add_parser("build", help="generate the pages and build the site with MkDocs")
    build.add_argument("--strict", action="store_true",
                       help="untranslated or fuzzy entries and MkDocs warnings are errors")
    build.add_argument("--site-dir", type=Path, help="output folder (default: site/)")
    build.add_argument("--jobs", type=int, default=0,
                       help="MkDocs processes at once, one per language (default: as many as cores allow; "
                            "1 builds in one process)")
    serve = sub.add_parser("serve", help="live preview that regenerates pages on every change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    sub.add_parser("stats", help="per article and language: segments total/translated/fuzzy/untranslated")
    check = sub.add_parser("check", help="check the built site and the content (links, RTL, pairing, "
                           "translation, text hygiene)")
    check.add_argument("site", nargs="?", type=Path, default=Path("site"),
                       help="the built site (default: site/)")
    check.add_argument("--strict", action="store_true", help="warnings (untranslated, fuzzy, obsolete "
                       "entries) fail the check too")
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    check.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    bench = sub.add_parser("bench", help="benchmark: synthetic corpora and build timings")
    bench_sub = _Subparsers(bench.add_subparsers(dest="bench_command", required=True, parser_class=_Parser))
    corpus = bench_sub.add_parser("corpus", help="write a synthetic project of N articles into DIR")
    corpus.add_argument("dir", type=Path, help="an empty or new folder, outside the repository")
    corpus.add_argument("--articles", type=int, required=True, help="number of articles")
    run = bench_sub.add_parser("run", help="build corpora of several sizes and record the figures")
    run.add_argument("--articles", default="10,100,1000", help="comma-separated corpus sizes")
    run.add_argument("--runs", default="3", help="runs per size (medians are reported): one number for "
                     "every size, or one per size, comma-separated")
    run.add_argument("--output", type=Path, default=Path("bench/results.json"), help="results file")
    light = bench_sub.add_parser("lighthouse", help="Lighthouse scores of the built site's article pages")
    light.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    light.add_argument("--runs", type=int, default=3, help="runs per page (the median run is kept)")
    light.add_argument("--output", type=Path, default=Path("bench/results.json"),
                       help="results file, updated under 'lighthouse'")
    export = sub.add_parser("export", help="export data for other tools")
    export.add_argument("what", choices=["glossary"], help="what to export")
    export.add_argument("--format", required=True, choices=["tbx", "csv"],
                        help="tbx (TermBase eXchange, for Weblate, Poedit, OmegaT) or csv")
    export.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    return parser


def _setup_logging(verbose: bool, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s" if not quiet else "%(message)s"))
    root = logging.getLogger("explainer")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


def _cmd_add(paths: paths_mod.Paths, args: argparse.Namespace) -> int:
    overrides = {key: getattr(args, key) for key in ingest.OVERRIDES if getattr(args, key)}
    problems = [Problem(f"--{key}", None, message) for key, value in overrides.items()
                if (message := schema.mismatch(article_mod.META_FIELDS[key], value))]
    if problems:
        raise InputError(problems)
    result = importer.add(paths, args.seed, args.slug, force=args.force, overrides=overrides)
    report = result.report
    if report is None:
        return EXIT_OK
    for line in report.lines():
        log.info("%s", line)
    for warning in report.warnings:
        log.warning("%s", warning)
    if result.update is not None:
        u = result.update
        log.info("en.po: %d new, %d fuzzy, %d restored, %d made obsolete", u.added, u.fuzzy,
                 u.restored, u.obsoleted)
    for path in result.written:
        log.info("wrote %s", path)
    if not result.written:
        log.info("nothing changed")
    return EXIT_OK


def _report_generation(result: generation.GenerateResult) -> None:
    for problem in result.warnings:
        log.warning("%s", problem)
    for path in result.written:
        log.debug("wrote %s", path)
    for path in result.removed:
        log.info("removed stale page %s", path)
    log.info("generated %d article(s); %d file(s) changed", len(result.articles), len(result.written))


def _progress():
    """A progress line on a terminal; nothing in CI or when output is redirected."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r  {done}/{total} articles read" + ("\n" if done == total else ""))
        sys.stderr.flush()
    return show


def _cmd_generate(paths: paths_mod.Paths, args: argparse.Namespace) -> int:
    _report_generation(generation.generate(paths, strict=args.strict, progress=_progress(), jobs=os.cpu_count() or 1))
    return EXIT_OK


def _in_child(function, *args, **kwargs):
    """``function(*args, **kwargs)`` run in a forked child process, its result or exception
    brought back: what it allocated is given back to the system when the child ends, before the
    MkDocs processes start (where fork is not available, it runs here)."""
    return _start_in_child(function, *args, **kwargs)()


def _start_in_child(function, *args, **kwargs):
    """:func:`_in_child` started: returns what waits for the child and gives its result (or
    raises its exception); this process goes on meanwhile."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        value = function(*args, **kwargs)
        return lambda: value
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            outcome = (True, function(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            outcome = (False, exc)
        send.send(outcome)

    process = context.Process(target=child)
    process.start()
    send.close()

    def result():
        try:
            ok, value = receive.recv()
        except EOFError:
            process.join()
            raise ExplainerError(f"the page generation stopped unexpectedly (exit {process.exitcode})") from None
        process.join()
        if not ok:
            raise value
        return value
    return result


def _build_env(paths: paths_mod.Paths) -> dict[str, str]:
    """The environment of the MkDocs processes: a reproducible date, MkDocs' notices quiet."""
    return dict(os.environ, SOURCE_DATE_EPOCH=paths_mod.source_date_epoch(paths), NO_MKDOCS_2_WARNING="1",
                DISABLE_MKDOCS_2_WARNING="true")


def _cmd_build(paths: paths_mod.Paths, args: argparse.Namespace) -> int:
    generated = _start_in_child(generation.generate, paths, strict=args.strict, progress=_progress(),
                                jobs=os.cpu_count() or 1)
    layout = site_layout(paths.root / "mkdocs.yml")  # read while the pages are generated
    site = args.site_dir.resolve() if args.site_dir else paths.root / "site"
    jobs = args.jobs if args.jobs else min(len(layout.languages), os.cpu_count() or 1)
    env = _build_env(paths)
    if sys.stderr.isatty() and not os.environ.get("CI"):
        env["EXPLAINER_PROGRESS"] = "true"

    def pages_generated() -> None:  # the MkDocs processes start up meanwhile
        _report_generation(generated())
        log.info("building %s with MkDocs (%s)", paths.rel(site),
                 f"{jobs} languages at once" if jobs > 1 else "one process")

    sitebuild.build(paths.root / "mkdocs.yml", site, list(layout.languages), layout.default,
                    args.strict, jobs, env, paths.root / cache.FOLDER / "site", until=pages_generated)
    log.info("built %s", paths.rel(site))
    return EXIT_OK


def _cmd_serve(paths: paths_mod.Paths, args: argparse.Namespace) -> int:
    from .mkdocs_plugin import preview

    _report_generation(generation.generate(paths))
    layout = site_layout(paths.root / "mkdocs.yml")
    preview.serve(paths.root, list(layout.languages), layout.default, layout.site_url, _build_env(paths),
                  min(len(layout.languages), os.cpu_count() or 1), args.dev_addr, paths.root / cache.FOLDER / "preview")
    return EXIT_OK


def _cmd_bench(paths: paths_mod.Paths, args: argparse.Namespace) -> int:
    from .benchmark import command  # the benchmark's modules are loaded only for it

    return command.run(paths, args)


def _cmd_stats(paths: paths_mod.Paths, _: argparse.Namespace) -> int:
    rows = [("article", "lang", "total", "translated", "fuzzy", "untranslated")]
    for slug, per_lang in sources.stats(paths).items():
        for lang, s in per_lang.items():
            rows.append((slug, lang, str(s.total), str(s.translated), str(s.fuzzy), str(s.untranslated)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        sys.stdout.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")
    return EXIT_OK


def _cmd_check(paths: paths_mod.Paths, args: argparse.Namespace) -> int:
    if args.list_rules:
        for rule in check_mod.RULES.values():
            sys.stdout.write(f"{rule.id:<20} {rule.severity:<8} {rule.description}\n")
        return EXIT_OK
    site = args.site if args.site.is_absolute() else (Path.cwd() / args.site)
    report = checking.check(paths, site.resolve(), site_layout(paths.root / "mkdocs.yml"))
    if args.format == "json":
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for finding in report.findings:
            sys.stdout.write(f"{finding}\n")
        summary = report.summary()
        for rule, count in summary.items():
            sys.stdout.write(f"{rule}: {count}\n")
        errors = sum(1 for f in report.findings if f.severity == check_mod.ERROR)
        sys.stdout.write(f"{len(report.findings)} problem(s): {errors} error(s), "
                         f"{len(report.findings) - errors} warning(s); "
                         f"{len(report.external_links)} external link(s) listed, not fetched\n")
    return EXIT_CONTENT if report.failed(args.strict) else EXIT_OK


def _cmd_export(paths: paths_mod.Paths, args: argparse.Namespace) -> int:
    glossary = sources.load_glossary(paths)
    text = exports.to_tbx(glossary) if args.format == "tbx" else exports.to_csv(glossary)
    if args.output:
        write_if_changed(args.output.resolve(), text)
        log.info("wrote %s (%d entries)", args.output, len(glossary.entries))
    else:
        sys.stdout.write(text)
    return EXIT_OK


COMMANDS = {"add": _cmd_add, "generate": _cmd_generate, "build": _cmd_build, "serve": _cmd_serve,
            "stats": _cmd_stats, "export": _cmd_export, "check": _cmd_check, "bench": _cmd_bench}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose, args.quiet)
    try:
        root = args.root.resolve() if args.root else paths_mod.find_root(Path.cwd().resolve())
        return COMMANDS[args.command](paths_mod.Paths(root), args)
    except ExplainerError as exc:
        for problem in exc.problems:
            log.error("%s", problem)
        return exc.exit_code
    except BrokenPipeError:  # the reader of standard output went away (e.g. `| head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        log.error("interrupted")
        return EXIT_CONTENT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
