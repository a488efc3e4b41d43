"""MkDocs hooks of the explainer site.

- ``mkdocs serve`` (and ``explainer serve``): regenerate the pages from content/ before every
  rebuild, so an edit of ar.md or en.po shows up live.
- The 404 page: mkdocs-static-i18n renders ``404.html`` once per language into the same file, so
  the last language built wins, with the language switcher of whatever page was rendered last.
  Here each language keeps its own 404 page (the default language's at the site root, the others
  under their folder), and the switcher of a 404 page points at the language home pages.
"""

from __future__ import annotations

import logging
from copy import deepcopy
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.explainer")
_state: dict[str, object] = {"serving": False, "default_404": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"


def on_pre_build(config) -> None:
    if not _state["serving"]:
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


def on_post_build(config) -> None:
    """Keep each language's 404 page (runs after each language build, default language first)."""
    i18n = _i18n(config)
    if i18n is None:
        return
    site = Path(config.site_dir)
    page = site / "404.html"
    if not page.exists():
        return
    if i18n.is_default_language_build:
        _state["default_404"] = page.read_bytes()
        return
    target = site / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.replace(target)
    if _state["default_404"] is not None:
        page.write_bytes(_state["default_404"])

