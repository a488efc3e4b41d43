"""MkDocs hooks of the explainer site.

- ``mkdocs serve`` (and ``explainer serve``): regenerate the pages from content/ before every
  rebuild, so an edit of ar.md or en.po shows up live.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.explainer")
_state = {"serving": False}


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
