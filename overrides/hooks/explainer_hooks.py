"""MkDocs hooks of the explainer site.

- ``mkdocs serve`` (and ``explainer serve``): regenerate the pages from content/ before every
  rebuild, so an edit of ar.md or en.po shows up live.
- The 404 page: mkdocs-static-i18n renders ``404.html`` once per language into the same file, so
  the last language built wins, with the language switcher of whatever page was rendered last.
  Here each language keeps its own 404 page (the default language's at the site root, the others
  under their folder), and the switcher of a 404 page points at the language home pages.
- Search: the one search index mkdocs-static-i18n writes for all languages is split into one per
  language, with the Arabic normalisation data and glossary synonyms (explainer.search).

mkdocs-static-i18n builds the other languages from inside the default language's ``on_post_build``;
the work that needs every language done runs when the outermost build ends.
"""

from __future__ import annotations

import json
import logging
from copy import deepcopy
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.explainer")
_state: dict = {"serving": False, "depth": 0, "pages_404": {}}


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"


def on_pre_build(config) -> None:
    _state["depth"] += 1
    if _state["depth"] > 1 or not _state["serving"]:
        return
    from explainer import project
    from explainer.errors import ExplainerError

    paths = project.Paths(Path(config.config_file_path).resolve().parent)
    try:
        result = project.generate(paths)
    except ExplainerError as exc:
        for problem in exc.problems:
            log.warning("explainer: %s", problem)
        return
    for problem in result.warnings:
        log.info("explainer: %s", problem)


def _i18n(config):
    return config.plugins.get("i18n")


def on_env(env, config, files):
    """Before the static templates (404.html) render: switcher links to the language homes."""
    i18n = _i18n(config)
    if i18n is not None and i18n.extra_alternate:
        # set as an attribute, the way mkdocs-static-i18n sets it for every page
        config.extra.alternate = deepcopy(i18n.extra_alternate)
    return env


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == "404.html":
        i18n = _i18n(config)
        _state["pages_404"][i18n.current_language if i18n else ""] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config) -> None:
    _state["depth"] -= 1
    if _state["depth"] > 0:
        return
    i18n = _i18n(config)
    if i18n is None:
        return
    site = Path(config.site_dir)
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    for lang, output in sorted(_state["pages_404"].items()):
        target = site / "404.html" if lang == default else site / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
    _state["pages_404"].clear()
    _split_search_index(config, site, i18n, default)


def _split_search_index(config, site: Path, i18n, default: str) -> None:
    from explainer import project, search
    from explainer.errors import ExplainerError

    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    try:
        glossary = project.load_glossary(project.Paths(Path(config.config_file_path).resolve().parent))
    except ExplainerError as exc:
        for problem in exc.problems:
            log.warning("explainer: %s", problem)
        return
    languages = [lang.locale for lang in i18n.config.languages if lang.build]
    articles = {}
    for page in sorted(site.glob("**/articles/*/index.html")):
        location = page.parent.relative_to(site).as_posix() + "/"
        articles[location] = search.article_docs(page.read_text(encoding="utf-8"), location)
    index = json.loads(index_path.read_text(encoding="utf-8"))
    indexes = search.split(index, languages, default, glossary, articles)
    for lang, index in indexes.items():
        target = index_path if lang == default else site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                          encoding="utf-8")
