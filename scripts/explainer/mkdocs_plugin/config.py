"""The plugin's configuration schema (``plugins: - explainer:`` in mkdocs.yml)."""

from __future__ import annotations

import re

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class Languages(c.BaseConfigOption[list]):
    """A list of language codes, or one comma-separated text of them (as an environment variable
    gives it); empty: every language."""

    def __init__(self, default: list | None = None) -> None:
        super().__init__()
        self.default = list(default or [])

    def run_validation(self, value: object) -> list[str]:
        if value is None or value == "":
            return []
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and LANGUAGE_RE.match(i.strip())
                                                  for i in items):
            raise ValidationError(f"expected language codes such as 'ar' or 'ar,en' (or a list of them), "
                                  f"found {value!r}")
        return [i.strip() for i in items]


class ExplainerConfig(Config):
    # the languages whose pages this process builds (explainer build runs one process per
    # language, each naming its own); empty: all of them
    languages = Languages(default=[])
    # a count of the pages rendered, on a terminal
    progress = c.Type(bool, default=False)
    # how many articles (or sections) one level of the navigation holds
    articles_per_section = c.Type(int, default=10)
    # under `mkdocs serve`, generate the pages again from content/ after every save there
    generate_on_serve = c.Type(bool, default=True)
    # write the site's search index (the benchmark builds without it to measure what it costs)
    search = c.Type(bool, default=True)
    # the file of the previous build's page keys: with `--dirty`, pages whose key is unchanged are
    # left as they are in the output (explainer build sets it; empty: every page is rendered)
    reuse = c.Type(str, default="")
    # record where each page's pre-rendered blocks are in its output, for the live preview to put
    # a saved page's new blocks in place at once (explainer serve sets it)
    splice = c.Type(bool, default=False)
